/**
 * Writes a plan document as the official forms: 部门整体支出绩效目标表, 专项资金预算绩效目标汇总表,
 * one 专项资金支出方向绩效目标表 per 子项, and the 部门整体支出绩效自评表 once the plan is evaluated.
 * Merged cells, thin borders and 万元 number formats as on paper; the reader reads this layout back.
 */
import ExcelJS from 'exceljs';
import type { IndicatorDocument, LineItemDocument, PlanDocument, StageAmounts } from '../../domain/plan-document.js';
import {
  BUDGET_ROWS,
  DEPARTMENT_SECTIONS,
  DIRECTION_FIELDS,
  evaluatorsText,
  EXECUTION_COLUMNS,
  INDICATOR_COLUMNS,
  KEY_TASK_COLUMNS,
  KIND_LABELS,
  MONEY_FORMAT,
  SELF_EVALUATION_COLUMNS,
  SELF_EVALUATION_LABELS,
  SHEET_TITLES,
  SUMMARY_COLUMNS,
  UNIT_NOTE,
  sheetName,
} from './plan-workbook.layout.js';

type Value = string | number | null | undefined;

const FONT = '宋体';
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };

/** Excel keeps numbers as binary doubles: a ≤ 15-digit decimal (万元, ≤ 6 places, ≤ 10^8) reads back exactly. */
function moneyCell(amount: string | null | undefined): number | null {
  return amount == null ? null : Number(amount);
}

/** A sheet of one form: cells written by (row, first column, last column), each a bordered box. */
class FormSheet {
  row = 1;
  constructor(
    readonly sheet: ExcelJS.Worksheet,
    readonly widths: number[],
  ) {
    sheet.columns = widths.map((width) => ({ width }));
    sheet.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true };
    sheet.properties.defaultRowHeight = 20;
  }

  get lastColumn(): number {
    return this.widths.length;
  }

  title(text: string): void {
    this.sheet.mergeCells(this.row, 1, this.row, this.lastColumn);
    const cell = this.sheet.getCell(this.row, 1);
    cell.value = text;
    cell.font = { name: FONT, size: 16, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
    this.sheet.getRow(this.row).height = 32;
    this.row += 1;
  }

  /** 填报单位 on the left, 单位：万元 on the right, outside the table (no borders). */
  unitLine(department: string): void {
    const split = this.lastColumn - 1;
    this.sheet.mergeCells(this.row, 1, this.row, split);
    Object.assign(this.sheet.getCell(this.row, 1), { value: `填报单位：${department}`, font: { name: FONT, size: 11 } });
    const unit = this.sheet.getCell(this.row, this.lastColumn);
    Object.assign(unit, { value: UNIT_NOTE, font: { name: FONT, size: 11 }, alignment: { horizontal: 'right' } });
    this.row += 1;
  }

  /** One boxed cell spanning columns [from, to] (and rows [row, toRow]). */
  box(row: number, from: number, to: number, value: Value, options: { header?: boolean; money?: boolean; toRow?: number; center?: boolean } = {}): ExcelJS.Cell {
    const toRow = options.toRow ?? row;
    if (to > from || toRow > row) this.sheet.mergeCells(row, from, toRow, to);
    for (let r = row; r <= toRow; r += 1) for (let c = from; c <= to; c += 1) this.sheet.getCell(r, c).border = THIN;
    const cell = this.sheet.getCell(row, from);
    cell.value = value ?? null;
    cell.font = { name: FONT, size: 11, bold: options.header ?? false };
    cell.alignment = {
      vertical: 'middle',
      horizontal: options.header || options.center ? 'center' : options.money ? 'right' : 'left',
      wrapText: true,
    };
    if (options.header) cell.fill = HEADER_FILL;
    if (options.money) cell.numFmt = MONEY_FORMAT;
    return cell;
  }

  /** Rows tall enough for their wrapped text (Excel does not grow merged rows by itself). */
  fitHeights(): void {
    const merged = new Map<string, number>();
    for (const range of (this.sheet.model as { merges?: string[] }).merges ?? []) {
      const [start, end] = range.split(':');
      const from = this.sheet.getCell(start);
      const to = this.sheet.getCell(end);
      if (from.row === to.row) merged.set(start, this.widths.slice(Number(from.col) - 1, Number(to.col)).reduce((a, b) => a + b, 0));
    }
    this.sheet.eachRow((row, number) => {
      if (row.height && number <= 2) return;
      let lines = 1;
      row.eachCell((cell) => {
        if (cell.isMerged && cell.master !== cell) return;
        const text = cell.value == null ? '' : String(cell.value);
        const width = merged.get(cell.address) ?? this.widths[Number(cell.col) - 1] ?? 10;
        // A CJK character is about two width units.
        const needed = Math.ceil((text.length * 2.1) / Math.max(width - 1, 4));
        lines = Math.max(lines, needed);
      });
      row.height = Math.min(409, Math.max(20, lines * 15 + 5));
    });
  }
}

function indicatorTable(form: FormSheet, indicators: IndicatorDocument[], sectionLabel: string | null): void {
  const columns = ['level1', 'level2', 'name', 'target', 'weight', 'remark'] as const;
  if (sectionLabel) {
    form.box(form.row, 1, form.lastColumn, sectionLabel, { header: true });
    form.row += 1;
  }
  columns.forEach((column, index) => form.box(form.row, index + 1, index + 1, INDICATOR_COLUMNS[column][0], { header: true }));
  form.row += 1;
  const first = form.row;
  const rows = indicators.length ? indicators : [null];
  rows.forEach((indicator, index) => {
    const r = first + index;
    form.box(r, 3, 3, indicator?.name);
    form.box(r, 4, 4, indicator?.target);
    form.box(r, 5, 5, indicator?.weight, { center: true });
    form.box(r, 6, 6, indicator?.remark);
  });
  // 一级 and 二级 cells span their runs of rows, as the printed forms do.
  mergeRuns(form, first, rows.map((row) => row?.level1 ?? null), 1, rows.map(() => ''));
  mergeRuns(form, first, rows.map((row) => row?.level2 ?? null), 2, rows.map((row) => row?.level1 ?? ''));
  form.row = first + rows.length;
}

function mergeRuns(form: FormSheet, first: number, values: (string | null)[], column: number, groups: string[]): void {
  let start = 0;
  for (let index = 1; index <= values.length; index += 1) {
    const same = index < values.length && values[index] != null && values[index] === values[start] && groups[index] === groups[start];
    if (same) continue;
    form.box(first + start, column, column, values[start], { toRow: first + index - 1, center: true });
    start = index;
  }
}

function departmentSheet(workbook: ExcelJS.Workbook, document: PlanDocument, taken: Set<string>): void {
  const form = new FormSheet(workbook.addWorksheet(sheetName(SHEET_TITLES.department, taken)), [14, 14, 40, 30, 9, 16]);
  form.title(`${document.year}年度${SHEET_TITLES.department}`);
  form.unitLine(document.department.name);
  form.box(form.row, 1, 1, DEPARTMENT_SECTIONS.department[0], { header: true });
  form.box(form.row, 2, form.lastColumn, document.department.name);
  form.row += 1;

  // 年度预算申请: a label cell spanning the block, one row per category, 年初预算 in 万元.
  const budget = document.budget;
  const stated = (stages: StageAmounts | null | undefined) => stages?.initial ?? null;
  const start = form.row;
  BUDGET_ROWS.forEach(({ row, label }, index) => {
    const stages = row.group === 'nature' ? budget?.[row.key] : budget?.income?.[row.key];
    form.box(start + index, 2, 3, label);
    form.box(start + index, 4, form.lastColumn, moneyCell(stated(stages)), { money: true });
  });
  form.box(start, 1, 1, `${DEPARTMENT_SECTIONS.budget[0]}（万元）`, { header: true, toRow: start + BUDGET_ROWS.length - 1 });
  form.row = start + BUDGET_ROWS.length;

  const goals = document.overallGoals?.length ? document.overallGoals : [null];
  goals.forEach((goal, index) => form.box(form.row + index, 2, form.lastColumn, goal));
  form.box(form.row, 1, 1, DEPARTMENT_SECTIONS.goals[0], { header: true, toRow: form.row + goals.length - 1 });
  form.row += goals.length;

  const tasks = document.keyTasks?.length ? document.keyTasks : [null];
  const taskStart = form.row;
  form.box(taskStart, 2, 3, KEY_TASK_COLUMNS.item[0], { header: true });
  form.box(taskStart, 4, 5, KEY_TASK_COLUMNS.goal[0], { header: true });
  form.box(taskStart, 6, 6, KEY_TASK_COLUMNS.owner[0], { header: true });
  tasks.forEach((task, index) => {
    form.box(taskStart + 1 + index, 2, 3, task?.item);
    form.box(taskStart + 1 + index, 4, 5, task?.goal);
    form.box(taskStart + 1 + index, 6, 6, task?.owner);
  });
  form.box(taskStart, 1, 1, DEPARTMENT_SECTIONS.keyTasks[0], { header: true, toRow: taskStart + tasks.length });
  form.row = taskStart + tasks.length + 1;

  indicatorTable(form, document.indicators ?? [], `年度${DEPARTMENT_SECTIONS.indicators[0]}`);
  form.fitHeights();
}

/** The 专项 and their 支出方向 (子项): a row per 专项, then a row per 子项 with the 专项 cell spanning them. */
function summarySheet(workbook: ExcelJS.Workbook, document: PlanDocument, taken: Set<string>): void {
  const form = new FormSheet(workbook.addWorksheet(sheetName(SHEET_TITLES.summary, taken)), [8, 26, 30, 16, 18]);
  form.title(`${document.year}年度${SHEET_TITLES.summary}`);
  form.unitLine(document.department.name);
  const columns = ['number', 'lineItem', 'child', 'kind', 'amount'] as const;
  columns.forEach((column, index) => form.box(form.row, index + 1, index + 1, SUMMARY_COLUMNS[column][0], { header: true }));
  form.row += 1;
  const kind = (item: LineItemDocument) => (item.kind ? KIND_LABELS[item.kind] : null);
  (document.lineItems ?? []).forEach((item, index) => {
    const children = item.children ?? [];
    const first = form.row;
    form.box(first, 1, 1, String(index + 1), { center: true });
    form.box(first, 3, 3, null);
    form.box(first, 4, 4, kind(item), { center: true });
    form.box(first, 5, 5, moneyCell(item.amounts?.initial), { money: true });
    children.forEach((child, childIndex) => {
      const r = first + 1 + childIndex;
      form.box(r, 1, 1, `${index + 1}.${childIndex + 1}`, { center: true });
      form.box(r, 3, 3, child.name);
      form.box(r, 4, 4, kind(child), { center: true });
      form.box(r, 5, 5, moneyCell(child.amounts?.initial), { money: true });
    });
    form.box(first, 2, 2, item.name, { toRow: first + children.length });
    form.row = first + children.length + 1;
  });
  if (!document.lineItems?.length) {
    columns.forEach((_, index) => form.box(form.row, index + 1, index + 1, null));
    form.row += 1;
  }
  form.fitHeights();
}

/** Which line items get a 支出方向表: every 子项, and a 专项 that states its own goals or indicators. */
export function directionItems(document: PlanDocument): { parent: LineItemDocument | null; item: LineItemDocument }[] {
  const out: { parent: LineItemDocument | null; item: LineItemDocument }[] = [];
  for (const item of document.lineItems ?? []) {
    const own = Boolean(item.indicators?.length || item.period || item.periodGoal || item.annualGoal);
    if (own || !item.children?.length) out.push({ parent: null, item });
    for (const child of item.children ?? []) out.push({ parent: item, item: child });
  }
  return out;
}

function directionSheet(workbook: ExcelJS.Workbook, document: PlanDocument, parent: LineItemDocument | null, item: LineItemDocument, taken: Set<string>): void {
  const form = new FormSheet(workbook.addWorksheet(sheetName(`支出方向-${item.name}`, taken)), [14, 14, 40, 30, 9, 16]);
  form.title(`${document.year}年度${SHEET_TITLES.direction}`);
  form.unitLine(document.department.name);
  const field = (label: string, value: Value, options: { money?: boolean } = {}) => {
    form.box(form.row, 1, 1, label, { header: true });
    form.box(form.row, 2, form.lastColumn, value, options);
    form.row += 1;
  };
  field(DIRECTION_FIELDS.lineItem[0], parent ? parent.name : item.name);
  field(DIRECTION_FIELDS.child[0], parent ? item.name : null);
  field(DIRECTION_FIELDS.department[0], document.department.name);
  form.box(form.row, 1, 1, DIRECTION_FIELDS.amount[0], { header: true });
  form.box(form.row, 2, 3, moneyCell(item.amounts?.initial), { money: true });
  form.box(form.row, 4, 4, DIRECTION_FIELDS.period[0], { header: true });
  form.box(form.row, 5, form.lastColumn, item.period);
  form.row += 1;
  field(DIRECTION_FIELDS.periodGoal[0], item.periodGoal);
  field(DIRECTION_FIELDS.annualGoal[0], item.annualGoal);
  indicatorTable(form, item.indicators ?? [], null);
  form.fitHeights();
}

/** Whether the plan has been evaluated: a 自评 record, or an actual or a score on any indicator. */
export function isEvaluated(document: PlanDocument): boolean {
  const indicators = [...(document.indicators ?? [])];
  const walk = (items: LineItemDocument[] | null | undefined) =>
    (items ?? []).forEach((item) => {
      indicators.push(...(item.indicators ?? []));
      walk(item.children);
    });
  walk(document.lineItems);
  return Boolean(document.evaluation) || indicators.some((row) => row.actual != null || row.score != null);
}

/**
 * The 自评表: budget execution, every department-level indicator with its actual, score, 扣分原因 and
 * 偏差原因, the section subtotals, the totals and the narrative. The reader reads it back.
 */
function selfEvaluationSheet(workbook: ExcelJS.Workbook, document: PlanDocument, taken: Set<string>): void {
  const form = new FormSheet(workbook.addWorksheet(sheetName(SHEET_TITLES.selfEvaluation, taken)), [12, 12, 28, 18, 18, 8, 8, 22, 22, 36]);
  const last = form.lastColumn;
  form.title(`${document.year}年度${SHEET_TITLES.selfEvaluation}`);
  form.unitLine(document.department.name);
  form.box(form.row, 1, 2, DEPARTMENT_SECTIONS.department[0], { header: true });
  form.box(form.row, 3, last, document.department.name);
  form.row += 1;

  form.box(form.row, 1, 3, EXECUTION_COLUMNS.label[0], { header: true });
  form.box(form.row, 4, 4, EXECUTION_COLUMNS.initial[0], { header: true });
  form.box(form.row, 5, 5, EXECUTION_COLUMNS.fullYear[0], { header: true });
  form.box(form.row, 6, 7, EXECUTION_COLUMNS.actual[0], { header: true });
  form.box(form.row, 8, last, EXECUTION_COLUMNS.executionRate[0], { header: true });
  form.row += 1;
  const budget = document.budget;
  for (const { row, label } of BUDGET_ROWS) {
    const stages = row.group === 'nature' ? budget?.[row.key] : budget?.income?.[row.key];
    if (!stages) continue;
    form.box(form.row, 1, 3, label);
    form.box(form.row, 4, 4, moneyCell(stages.initial), { money: true });
    form.box(form.row, 5, 5, moneyCell(stages.fullYear), { money: true });
    form.box(form.row, 6, 7, moneyCell(stages.actual), { money: true });
    form.box(form.row, 8, last, stages.executionRate ?? null, { center: true });
    form.row += 1;
  }

  const columns = ['level1', 'level2', 'name', 'target', 'actual', 'weight', 'score', 'deduction', 'deviationReason', 'evidence'] as const;
  columns.forEach((column, index) => form.box(form.row, index + 1, index + 1, SELF_EVALUATION_COLUMNS[column][0], { header: true }));
  form.row += 1;
  for (const indicator of document.indicators ?? []) {
    columns.forEach((column, index) => form.box(form.row, index + 1, index + 1, indicator[column] ?? null, { center: column === 'weight' || column === 'score' }));
    form.row += 1;
  }
  const evaluation = document.evaluation;
  for (const section of evaluation?.sections ?? []) {
    form.box(form.row, 1, 5, `${section.name ?? ''}（小计）`);
    form.box(form.row, 6, 6, section.weight, { center: true });
    form.box(form.row, 7, 7, section.score, { center: true });
    form.box(form.row, 8, last, null);
    form.row += 1;
  }
  form.box(form.row, 1, 5, SELF_EVALUATION_LABELS.total[0], { header: true });
  form.box(form.row, 6, 6, evaluation?.maxScore ?? null, { center: true });
  form.box(form.row, 7, 7, evaluation?.totalScore ?? null, { center: true });
  form.box(form.row, 8, 8, SELF_EVALUATION_LABELS.grade[0], { header: true });
  form.box(form.row, 9, last, evaluation?.grade ?? null);
  form.row += 1;
  const narrative: [string, string | null][] = [
    [SELF_EVALUATION_LABELS.problems[0], evaluation?.problems?.join('\n') || null],
    [SELF_EVALUATION_LABELS.measures[0], evaluation?.measures?.join('\n') || null],
    [SELF_EVALUATION_LABELS.application[0], evaluation?.application ?? null],
    [SELF_EVALUATION_LABELS.disclosure[0], evaluation?.disclosure ?? null],
    [SELF_EVALUATION_LABELS.evaluators[0], evaluatorsText(evaluation?.evaluators)],
  ];
  for (const [label, text] of narrative) {
    form.box(form.row, 1, 2, label, { header: true });
    form.box(form.row, 3, last, text);
    form.row += 1;
  }
  form.fitHeights();
}

/** The whole workbook, as an .xlsx file. */
export async function writePlanWorkbook(document: PlanDocument): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '绩效 jixiao';
  workbook.created = new Date();
  const taken = new Set<string>();
  departmentSheet(workbook, document, taken);
  summarySheet(workbook, document, taken);
  for (const { parent, item } of directionItems(document)) directionSheet(workbook, document, parent, item, taken);
  if (isEvaluated(document)) selfEvaluationSheet(workbook, document, taken);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
