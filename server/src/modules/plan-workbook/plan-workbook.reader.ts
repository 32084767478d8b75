/**
 * Reads a filled target-table workbook back: the layout the writer makes, and what planners do to it —
 * blank rows, columns moved (found by their header text), full-width digits, cells merged or unmerged.
 * It only reads: what the cells say, and where (sheet, row, column) so problems can point at them.
 * Whether the content is valid is the plan document's validation, applied later to the whole plan.
 */
import ExcelJS from 'exceljs';
import { formatDecimal, numberToMicros, parseDecimal } from '../../domain/decimal.js';
import { normaliseText } from '../../domain/indicator-value/vocabulary.js';
import { isStatedZero } from '../../domain/stated-zero.js';
import {
  BUDGET_LABELS,
  type BudgetKey,
  DEPARTMENT_SECTION_LABELS,
  type DepartmentSection,
  DIRECTION_LABELS,
  type DirectionField,
  EXECUTION_HEADERS,
  type ExecutionColumn,
  INDICATOR_HEADERS,
  type IndicatorColumn,
  KEY_TASK_HEADERS,
  type KeyTaskColumn,
  KIND_WORDS,
  labelKey,
  SELF_EVALUATION_HEADERS,
  SELF_EVALUATION_LABEL_KEYS,
  type SelfEvaluationColumn,
  type SelfEvaluationLabel,
  type SheetKind,
  SUBTOTAL,
  SUMMARY_HEADERS,
  type SummaryColumn,
  TITLE_KEYWORDS,
} from './plan-workbook.layout.js';

/** The workbook library, for callers that edit or inspect workbooks (tests, the CLI). */
export { ExcelJS };

/** Where a value sits in the workbook, for problems and for the preview. */
export interface CellRef {
  sheet: string;
  row: number;
  /** Column letter ("D"), or null for a whole row. */
  column: string | null;
}

export type WorkbookProblemCode = 'FILE_TOO_LARGE' | 'NOT_A_WORKBOOK' | 'UNRECOGNISED' | 'TOO_MANY_ROWS' | 'INVALID_CELL' | 'MISSING_VALUE' | 'MISMATCH' | 'DUPLICATE' | 'INVALID_DOCUMENT' | 'NOT_FOUND' | 'FORBIDDEN' | 'WRONG_STATUS' | 'CONFLICT';

export interface WorkbookProblem {
  sheet: string | null;
  row: number | null;
  column: string | null;
  message: string;
  code: WorkbookProblemCode;
}

/** A stated value and its cell. */
export interface Read<T> {
  value: T;
  at: CellRef;
}

export interface WorkbookIndicator {
  level1: string | null;
  level2: string | null;
  name: string | null;
  target: string | null;
  weight: number | null;
  remark: string | null;
  at: CellRef;
  cells: Partial<Record<IndicatorColumn, CellRef>>;
}

/** An indicator table and which of its columns the sheet has (a missing column leaves that field alone). */
export interface IndicatorTable {
  columns: Set<IndicatorColumn>;
  rows: WorkbookIndicator[];
}

export interface WorkbookKeyTask {
  item: string | null;
  owner: string | null;
  goal: string | null;
  at: CellRef;
}

export interface SummaryRow {
  lineItem: string;
  child: string | null;
  kind: 'initial' | 'midyear' | null;
  amount: string | null;
  at: CellRef;
  cells: Partial<Record<SummaryColumn, CellRef>>;
}

export interface DirectionSheet {
  sheet: string;
  lineItem: Read<string | null>;
  child: Read<string | null>;
  fields: Partial<Record<Exclude<DirectionField, 'lineItem' | 'child' | 'department'>, Read<string | null>>>;
  indicators: IndicatorTable | null;
}

/** A 自评表 indicator row: what the evaluation states about one department-level indicator. */
export interface SelfEvaluationIndicator {
  level1: string | null;
  level2: string | null;
  name: string | null;
  actual: string | null;
  score: number | null;
  deduction: string | null;
  deviationReason: string | null;
  evidence: string | null;
  at: CellRef;
  cells: Partial<Record<SelfEvaluationColumn, CellRef>>;
}

/** The 部门整体支出绩效自评表 as read: execution by budget row, indicator results, subtotals, totals, narrative. */
export interface SelfEvaluationContent {
  sheet: string;
  /** Budget execution by budget row ("nature.total"): the columns the sheet has. */
  execution: Map<string, Partial<Record<'fullYear' | 'actual' | 'executionRate', Read<string | null>>>>;
  indicators: { columns: Set<SelfEvaluationColumn>; rows: SelfEvaluationIndicator[] } | null;
  sections: { name: string; weight: number | null; score: number | null; at: CellRef }[];
  total: { maxScore: Read<number | null> | null; totalScore: Read<number | null> | null; grade: Read<string | null> | null } | null;
  narrative: Partial<Record<Exclude<SelfEvaluationLabel, 'total' | 'grade'>, Read<string | null>>>;
}

export interface WorkbookContent {
  departmentName: Read<string> | null;
  year: Read<number> | null;
  /** 年初预算 by budget row ("nature.total", "income.generalPublic"); only the rows the sheet has. */
  budget: Map<string, Read<string | null>>;
  goals: Read<string>[] | null;
  keyTasks: { columns: Set<KeyTaskColumn>; rows: WorkbookKeyTask[] } | null;
  indicators: IndicatorTable | null;
  summary: { columns: Set<SummaryColumn>; rows: SummaryRow[] } | null;
  directions: DirectionSheet[];
  /** The 自评表, when the workbook has one (an evaluated plan's export). */
  selfEvaluation: SelfEvaluationContent | null;
  /** Sheets read but not imported (not recognised). */
  notices: string[];
}

export const budgetKeyOf = (row: BudgetKey) => `${row.group}.${row.key}`;

export const MAX_ROWS_PER_SHEET = 5_000;
export const MAX_COLUMNS = 60;
export const MAX_SHEETS = 300;

// ─── cells ──────────────────────────────────────────────────────────────────────────────────────

/** A cell as the reader sees it: merged ranges are one logical cell spanning columns [col, toCol]. */
interface Logical {
  /** The merged range's top-left cell, or the cell itself. */
  master: string;
  col: number;
  toCol: number;
  text: string | null;
  number: number | null;
}

function columnLetter(col: number): string {
  let out = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

function plainValue(value: ExcelJS.CellValue): string | number | null {
  if (value == null) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('formula' in value || 'sharedFormula' in value) return plainValue((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('text' in value) return plainValue((value as ExcelJS.CellHyperlinkValue).text);
    if ('error' in value) return String((value as ExcelJS.CellErrorValue).error);
  }
  return null;
}

function logicalRow(sheet: ExcelJS.Worksheet, r: number, columns: number): Logical[] {
  const row = sheet.getRow(r);
  const out: Logical[] = [];
  for (let c = 1; c <= columns; c += 1) {
    const cell = row.getCell(c);
    const previous = out[out.length - 1];
    const master = cell.isMerged ? cell.master.address : cell.address;
    // The rest of a merged range in this row widens the cell it continues.
    if (previous && previous.master === master) {
      previous.toCol = c;
      continue;
    }
    const value = plainValue(cell.isMerged ? cell.master.value : cell.value);
    const text = value == null ? null : typeof value === 'number' ? String(value) : value.replace(/\r\n?/g, '\n').trim() || null;
    out.push({ master, col: c, toCol: c, text, number: typeof value === 'number' ? value : null });
  }
  return out;
}

const cellAt = (cells: Logical[], col: number) => cells.find((cell) => cell.col <= col && col <= cell.toCol) ?? null;

/** Maps a header row's cells to fields by their text; the first column with a known header wins. */
function headerMap<K extends string>(cells: Logical[], aliases: Map<string, K>): Map<K, number> {
  const map = new Map<K, number>();
  for (const cell of cells) {
    const key = cell.text && aliases.get(labelKey(cell.text));
    if (key && !map.has(key)) map.set(key, cell.col);
  }
  return map;
}

// ─── reading values ─────────────────────────────────────────────────────────────────────────────

class SheetReader {
  readonly problems: WorkbookProblem[] = [];
  readonly rows: number;
  readonly columns: number;
  private cache = new Map<number, Logical[]>();

  constructor(readonly sheet: ExcelJS.Worksheet) {
    this.rows = Math.min(sheet.rowCount, MAX_ROWS_PER_SHEET);
    this.columns = Math.min(sheet.columnCount, MAX_COLUMNS);
  }

  get name(): string {
    return this.sheet.name;
  }

  row(r: number): Logical[] {
    let cells = this.cache.get(r);
    if (!cells) this.cache.set(r, (cells = logicalRow(this.sheet, r, this.columns)));
    return cells;
  }

  ref(r: number, col: number | null): CellRef {
    return { sheet: this.name, row: r, column: col == null ? null : columnLetter(col) };
  }

  problem(r: number, col: number | null, code: WorkbookProblemCode, message: string): void {
    this.problems.push({ sheet: this.name, row: r, column: col == null ? null : columnLetter(col), code, message });
  }

  /** 万元: a number cell as written, or text with full-width digits, thousands separators, "万元". */
  money(r: number, cell: Logical | null): string | null {
    if (!cell || cell.text == null) return null;
    // "无" is a stated zero, kept as 0 (issue 10 item 5): never "not stated", never a problem.
    if (isStatedZero(cell.text)) return '0';
    const parsed = cell.number != null ? numberToMicros(cell.number) : parseDecimal(normaliseText(cell.text).text.replace(/万元$/, ''));
    if (parsed.ok) return formatDecimal(parsed.value);
    this.problem(r, cell.col, 'INVALID_CELL', `金额（万元）${parsed.error.message}`);
    return null;
  }

  /** 分值: a number of points. */
  points(r: number, cell: Logical | null): number | null {
    if (!cell || cell.text == null) return null;
    const parsed = cell.number != null ? numberToMicros(cell.number) : parseDecimal(normaliseText(cell.text).text.replace(/分$/, ''));
    if (parsed.ok) return Number(formatDecimal(parsed.value));
    this.problem(r, cell.col, 'INVALID_CELL', `分值${parsed.error.message}`);
    return null;
  }
}

function titleOf(reader: SheetReader): { kind: SheetKind | null; year: Read<number> | null } {
  for (let r = 1; r <= Math.min(3, reader.rows); r += 1) {
    for (const cell of reader.row(r)) {
      const text = cell.text && normaliseText(cell.text).text;
      if (!text) continue;
      const kind = TITLE_KEYWORDS.find(([, words]) => words.some((word) => text.includes(word)))?.[0];
      if (!kind) continue;
      const year = /(\d{4})\s*年/.exec(text);
      return { kind, year: year ? { value: Number(year[1]), at: reader.ref(r, cell.col) } : null };
    }
  }
  const byName = TITLE_KEYWORDS.find(([, words]) => words.some((word) => reader.name.includes(word.slice(0, 4))))?.[0] ?? null;
  return { kind: byName, year: null };
}

function isTitleOrUnitRow(cells: Logical[]): boolean {
  const texts = cells.map((cell) => cell.text).filter((text): text is string => text != null);
  return texts.length > 0 && texts.every((text) => /绩效目标表|汇总表|自评表/.test(text) || /^填报单位|^单位[:：]/.test(text));
}

// ─── indicator tables ───────────────────────────────────────────────────────────────────────────

const isIndicatorHeader = (map: Map<IndicatorColumn, number>) => map.has('name') && (map.has('level1') || map.has('target'));

/** A 一级/二级 left blank under a filled one continues it, as a merged cell would (target table and 自评表 alike). */
function continuedLevels(
  level1: string | null,
  level2: string | null,
  previous: { level1: string | null; level2: string | null } | null,
): { level1: string | null; level2: string | null } {
  if (level1 != null || !previous) return { level1, level2 };
  return { level1: previous.level1, level2: level2 ?? previous.level2 };
}

function indicatorRow(reader: SheetReader, r: number, cells: Logical[], columns: Map<IndicatorColumn, number>, previous: WorkbookIndicator | null): WorkbookIndicator | null {
  const at = (column: IndicatorColumn) => {
    const col = columns.get(column);
    return col == null ? null : cellAt(cells, col);
  };
  const text = (column: IndicatorColumn) => at(column)?.text ?? null;
  const values = [...columns.keys()].map(text);
  if (values.every((value) => value == null)) return null;
  const refs: Partial<Record<IndicatorColumn, CellRef>> = {};
  for (const [column, col] of columns) refs[column] = reader.ref(r, col);
  const { level1, level2 } = continuedLevels(text('level1'), text('level2'), previous);
  const row: WorkbookIndicator = {
    level1,
    level2,
    name: text('name'),
    target: text('target'),
    weight: reader.points(r, at('weight')),
    remark: text('remark'),
    at: reader.ref(r, null),
    cells: refs,
  };
  if (row.name == null) reader.problem(r, columns.get('name')!, 'MISSING_VALUE', '三级指标（指标名称）不能为空');
  if (row.level1 == null && columns.has('level1')) reader.problem(r, columns.get('level1')!, 'MISSING_VALUE', '一级指标不能为空');
  return row;
}

// ─── the sheets ─────────────────────────────────────────────────────────────────────────────────

function readDepartmentSheet(reader: SheetReader, content: WorkbookContent): void {
  let section: DepartmentSection | null = null;
  let taskColumns: Map<KeyTaskColumn, number> | null = null;
  let indicatorColumns: Map<IndicatorColumn, number> | null = null;
  content.goals ??= [];
  for (let r = 1; r <= reader.rows; r += 1) {
    const cells = reader.row(r);
    const filled = cells.filter((cell) => cell.text != null);
    if (!filled.length || isTitleOrUnitRow(filled)) {
      const unit = filled.find((cell) => cell.text!.startsWith('填报单位'));
      if (unit && !content.departmentName) {
        const name = unit.text!.replace(/^填报单位[（(]?盖章[)）]?[:：]?|^填报单位[:：]?/, '').trim();
        if (name) content.departmentName = { value: name, at: reader.ref(r, unit.col) };
      }
      continue;
    }
    const indicatorHeader = headerMap(cells, INDICATOR_HEADERS);
    if (isIndicatorHeader(indicatorHeader)) {
      section = 'indicators';
      indicatorColumns = indicatorHeader;
      content.indicators = { columns: new Set(indicatorHeader.keys()), rows: [] };
      continue;
    }
    const taskHeader = headerMap(cells, KEY_TASK_HEADERS);
    if (taskHeader.has('item') && taskHeader.has('goal')) {
      section = 'keyTasks';
      taskColumns = taskHeader;
      content.keyTasks = { columns: new Set(taskHeader.keys()), rows: [] };
      continue;
    }
    const first = filled[0];
    const label = DEPARTMENT_SECTION_LABELS.get(labelKey(first.text!));
    if (label && label !== section) {
      section = label;
      if (label === 'indicators') indicatorColumns = null;
      if (label === 'keyTasks') taskColumns = null;
    }
    const rest = label ? cells.filter((cell) => cell.col > first.toCol) : cells;
    const restFilled = rest.filter((cell) => cell.text != null);

    // Budget figures may sit anywhere outside the two tables (a label cell, then its amount).
    if (section !== 'indicators' && section !== 'keyTasks') {
      let found = false;
      rest.forEach((cell, index) => {
        const entry = cell.text ? BUDGET_LABELS.get(labelKey(cell.text)) : undefined;
        if (!entry) return;
        found = true;
        const valueCell = rest[index + 1] && !(rest[index + 1].text && BUDGET_LABELS.has(labelKey(rest[index + 1].text!))) ? rest[index + 1] : null;
        const key = budgetKeyOf(entry.row);
        if (content.budget.has(key)) reader.problem(r, cell.col, 'DUPLICATE', `预算行「${entry.label}」重复`);
        content.budget.set(key, { value: reader.money(r, valueCell), at: reader.ref(r, valueCell?.col ?? cell.col) });
      });
      if (found) continue;
    }
    switch (section) {
      case 'department':
        if (restFilled[0]) content.departmentName = { value: restFilled[0].text!, at: reader.ref(r, restFilled[0].col) };
        break;
      case 'goals':
        if (restFilled.length) content.goals.push({ value: restFilled.map((cell) => cell.text).join(''), at: reader.ref(r, restFilled[0].col) });
        break;
      case 'keyTasks': {
        if (!taskColumns || !content.keyTasks) break;
        const text = (column: KeyTaskColumn) => {
          const col = taskColumns!.get(column);
          return col == null ? null : (cellAt(cells, col)?.text ?? null);
        };
        const task = { item: text('item'), owner: text('owner'), goal: text('goal'), at: reader.ref(r, null) };
        if (task.item != null || task.owner != null || task.goal != null) content.keyTasks.rows.push(task);
        break;
      }
      case 'indicators': {
        if (!indicatorColumns || !content.indicators) break;
        const rows = content.indicators.rows;
        const row = indicatorRow(reader, r, cells, indicatorColumns, rows[rows.length - 1] ?? null);
        if (row) rows.push(row);
        break;
      }
      default:
        break;
    }
  }
}

function readSummarySheet(reader: SheetReader, content: WorkbookContent): void {
  let columns: Map<SummaryColumn, number> | null = null;
  const summary = { columns: new Set<SummaryColumn>(), rows: [] as SummaryRow[] };
  let current: string | null = null;
  for (let r = 1; r <= reader.rows; r += 1) {
    const cells = reader.row(r);
    if (!columns) {
      const header = headerMap(cells, SUMMARY_HEADERS);
      if (header.has('lineItem') && (header.has('child') || header.has('amount'))) {
        columns = header;
        summary.columns = new Set(header.keys());
      }
      continue;
    }
    const at = (column: SummaryColumn) => {
      const col = columns!.get(column);
      return col == null ? null : cellAt(cells, col);
    };
    let lineItem = at('lineItem')?.text ?? null;
    const child = at('child')?.text ?? null;
    if (lineItem == null && child == null && at('amount')?.text == null) continue;
    if (lineItem && ['合计', '总计', '小计'].includes(labelKey(lineItem))) continue;
    // A 子项 row with its 专项 cell left blank belongs to the 专项 above.
    if (lineItem == null && child != null) lineItem = current;
    if (lineItem == null) {
      reader.problem(r, columns.get('lineItem')!, 'MISSING_VALUE', '专项名称不能为空');
      continue;
    }
    current = lineItem;
    const kindCell = at('kind');
    let kind: SummaryRow['kind'] = null;
    if (kindCell?.text) {
      kind = KIND_WORDS.get(labelKey(kindCell.text)) ?? null;
      if (!kind) reader.problem(r, kindCell.col, 'INVALID_CELL', `项目类型须为「年初预算项目」或「年中追加项目」：${kindCell.text}`);
    }
    const cellRefs: Partial<Record<SummaryColumn, CellRef>> = {};
    for (const [column, col] of columns) cellRefs[column] = reader.ref(r, col);
    summary.rows.push({ lineItem, child, kind, amount: reader.money(r, at('amount')), at: reader.ref(r, null), cells: cellRefs });
  }
  if (!columns) {
    reader.problem(1, null, 'UNRECOGNISED', '汇总表中找不到表头（专项名称、支出方向（子项）、年初预算数）');
    return;
  }
  if (content.summary) {
    reader.problem(1, null, 'DUPLICATE', '工作簿中有两张汇总表');
    return;
  }
  content.summary = summary;
}

function readDirectionSheet(reader: SheetReader, content: WorkbookContent): void {
  const sheet: DirectionSheet = {
    sheet: reader.name,
    lineItem: { value: null, at: reader.ref(1, null) },
    child: { value: null, at: reader.ref(1, null) },
    fields: {},
    indicators: null,
  };
  let columns: Map<IndicatorColumn, number> | null = null;
  for (let r = 1; r <= reader.rows; r += 1) {
    const cells = reader.row(r);
    if (columns && sheet.indicators) {
      const rows = sheet.indicators.rows;
      const row = indicatorRow(reader, r, cells, columns, rows[rows.length - 1] ?? null);
      if (row) rows.push(row);
      continue;
    }
    const header = headerMap(cells, INDICATOR_HEADERS);
    if (isIndicatorHeader(header)) {
      columns = header;
      sheet.indicators = { columns: new Set(header.keys()), rows: [] };
      continue;
    }
    cells.forEach((cell, index) => {
      const field = cell.text ? DIRECTION_LABELS.get(labelKey(cell.text)) : undefined;
      if (!field || field === 'department') return;
      const valueCell = cells[index + 1] && !(cells[index + 1].text && DIRECTION_LABELS.has(labelKey(cells[index + 1].text!))) ? cells[index + 1] : null;
      const at = reader.ref(r, valueCell?.col ?? cell.col);
      if (field === 'lineItem' || field === 'child') sheet[field] = { value: valueCell?.text ?? null, at };
      else sheet.fields[field] = { value: field === 'amount' ? reader.money(r, valueCell) : (valueCell?.text ?? null), at };
    });
  }
  if (!sheet.lineItem.value && !sheet.child.value) {
    reader.problem(1, null, 'UNRECOGNISED', '支出方向表中找不到「专项名称」或「支出方向（子项）名称」');
    return;
  }
  content.directions.push(sheet);
}

/**
 * The 自评表 the writer writes (and hand-made ones with the same headers): 部门名称; the execution table
 * (项目 / 全年预算数 / 全年执行数 / 执行率 by budget row); the indicator table with 实际完成值, 得分,
 * 扣分原因, 偏差原因, 佐证材料; 「…（小计）」 section rows; 总分 and 评价等次; the narrative rows.
 */
function readSelfEvaluationSheet(reader: SheetReader, content: WorkbookContent): void {
  if (content.selfEvaluation) {
    reader.problem(1, null, 'DUPLICATE', '工作簿中有两张自评表');
    return;
  }
  const sheet: SelfEvaluationContent = { sheet: reader.name, execution: new Map(), indicators: null, sections: [], total: null, narrative: {} };
  let mode: 'execution' | 'indicators' | null = null;
  let executionColumns: Map<ExecutionColumn, number> | null = null;
  let columns: Map<SelfEvaluationColumn, number> | null = null;
  const read = <T>(value: T, r: number, cell: Logical | null): Read<T> => ({ value, at: reader.ref(r, cell?.col ?? null) });
  for (let r = 1; r <= reader.rows; r += 1) {
    const cells = reader.row(r);
    const filled = cells.filter((cell) => cell.text != null);
    if (!filled.length || isTitleOrUnitRow(filled)) continue;
    const first = filled[0];
    const firstKey = labelKey(first.text!);
    const next = (cell: Logical) => cells.find((other) => other.col > cell.toCol) ?? null;

    const executionHeader = headerMap(cells, EXECUTION_HEADERS);
    if (executionHeader.has('label') && (executionHeader.has('fullYear') || executionHeader.has('actual'))) {
      mode = 'execution';
      executionColumns = executionHeader;
      continue;
    }
    const indicatorHeader = headerMap(cells, SELF_EVALUATION_HEADERS);
    if (indicatorHeader.has('name') && (indicatorHeader.has('actual') || indicatorHeader.has('score'))) {
      mode = 'indicators';
      columns = indicatorHeader;
      sheet.indicators = { columns: new Set(indicatorHeader.keys()), rows: [] };
      continue;
    }
    if (DEPARTMENT_SECTION_LABELS.get(firstKey) === 'department') {
      const value = next(first);
      if (value?.text && !content.departmentName) content.departmentName = read(value.text, r, value);
      continue;
    }
    const at = (column: SelfEvaluationColumn) => {
      const col = columns?.get(column);
      return col == null ? null : cellAt(cells, col);
    };
    // 「产出指标（小计）」: the section's 分值 and 得分 under the indicator table's columns.
    if (SUBTOTAL.test(first.text!.trim())) {
      const name = first.text!.trim().replace(SUBTOTAL, '').trim();
      sheet.sections.push({ name, weight: reader.points(r, at('weight')), score: reader.points(r, at('score')), at: reader.ref(r, first.col) });
      mode = null;
      continue;
    }
    const label = SELF_EVALUATION_LABEL_KEYS.get(firstKey);
    if (label === 'total') {
      const gradeLabel = cells.find((cell) => cell.text && SELF_EVALUATION_LABEL_KEYS.get(labelKey(cell.text)) === 'grade');
      const gradeCell = gradeLabel ? next(gradeLabel) : null;
      const maxCell = at('weight');
      const totalCell = at('score');
      sheet.total = {
        maxScore: maxCell ? read(reader.points(r, maxCell), r, maxCell) : null,
        totalScore: totalCell ? read(reader.points(r, totalCell), r, totalCell) : null,
        grade: gradeLabel ? read(gradeCell?.text ?? null, r, gradeCell ?? gradeLabel) : null,
      };
      mode = null;
      continue;
    }
    if (label && label !== 'grade') {
      const value = next(first);
      sheet.narrative[label] = read(value?.text ?? null, r, value ?? first);
      mode = null;
      continue;
    }
    if (mode === 'execution' && executionColumns) {
      const labelCell = cellAt(cells, executionColumns.get('label')!);
      const entry = labelCell?.text ? BUDGET_LABELS.get(labelKey(labelCell.text)) : undefined;
      if (!entry) continue;
      const key = budgetKeyOf(entry.row);
      if (sheet.execution.has(key)) reader.problem(r, labelCell!.col, 'DUPLICATE', `自评表的预算行「${entry.label}」重复`);
      const stages: Partial<Record<'fullYear' | 'actual' | 'executionRate', Read<string | null>>> = {};
      for (const column of ['fullYear', 'actual'] as const) {
        const col = executionColumns.get(column);
        if (col == null) continue;
        const cell = cellAt(cells, col);
        stages[column] = read(reader.money(r, cell), r, cell);
      }
      const rateCol = executionColumns.get('executionRate');
      if (rateCol != null) {
        const cell = cellAt(cells, rateCol);
        // A rate typed as a number cell formatted as a percentage reads back as its fraction.
        const fraction = cell?.number != null ? numberToMicros(cell.number) : null;
        const rate = fraction?.ok ? `${formatDecimal(cell!.number! > 2 ? fraction.value : fraction.value * 100n)}%` : (cell?.text ?? null);
        stages.executionRate = read(rate, r, cell);
      }
      sheet.execution.set(key, stages);
      continue;
    }
    if (mode === 'indicators' && columns && sheet.indicators) {
      const text = (column: SelfEvaluationColumn) => at(column)?.text ?? null;
      const rows = sheet.indicators.rows;
      const previous = rows[rows.length - 1] ?? null;
      const refs: Partial<Record<SelfEvaluationColumn, CellRef>> = {};
      for (const [column, col] of columns) refs[column] = reader.ref(r, col);
      const { level1, level2 } = continuedLevels(text('level1'), text('level2'), previous);
      const row: SelfEvaluationIndicator = {
        level1,
        level2,
        name: text('name'),
        actual: text('actual'),
        score: reader.points(r, at('score')),
        deduction: text('deduction'),
        deviationReason: text('deviationReason'),
        evidence: text('evidence'),
        at: reader.ref(r, null),
        cells: refs,
      };
      if (row.name == null) reader.problem(r, columns.get('name')!, 'MISSING_VALUE', '自评表的三级指标（指标名称）不能为空');
      rows.push(row);
    }
  }
  if (!sheet.indicators && !sheet.execution.size && !sheet.total) {
    reader.problem(1, null, 'UNRECOGNISED', '自评表中找不到表头（项目/全年执行数，或三级指标/实际完成值/得分）');
    return;
  }
  content.selfEvaluation = sheet;
}

/** Reads every sheet it recognises; never throws on content, only reports problems. */
export function readPlanWorkbook(workbook: ExcelJS.Workbook): { content: WorkbookContent; problems: WorkbookProblem[] } {
  const content: WorkbookContent = {
    departmentName: null,
    year: null,
    budget: new Map(),
    goals: null,
    keyTasks: null,
    indicators: null,
    summary: null,
    directions: [],
    selfEvaluation: null,
    notices: [],
  };
  const problems: WorkbookProblem[] = [];
  let recognised = 0;
  let departmentSheets = 0;
  for (const sheet of workbook.worksheets.slice(0, MAX_SHEETS)) {
    const reader = new SheetReader(sheet);
    if (sheet.rowCount > MAX_ROWS_PER_SHEET) {
      reader.problem(MAX_ROWS_PER_SHEET + 1, null, 'TOO_MANY_ROWS', `工作表超过 ${MAX_ROWS_PER_SHEET} 行，未读取其余行`);
    }
    const { kind, year } = titleOf(reader);
    if (year) {
      if (content.year && content.year.value !== year.value) {
        reader.problem(year.at.row, null, 'MISMATCH', `标题年度 ${year.value} 与其他工作表的 ${content.year.value} 不一致`);
      }
      content.year ??= year;
    }
    if (kind === 'department') {
      departmentSheets += 1;
      if (departmentSheets > 1) reader.problem(1, null, 'DUPLICATE', '工作簿中有两张部门整体支出绩效目标表');
      else readDepartmentSheet(reader, content);
    } else if (kind === 'summary') readSummarySheet(reader, content);
    else if (kind === 'direction') readDirectionSheet(reader, content);
    else if (kind === 'selfEvaluation') readSelfEvaluationSheet(reader, content);
    else content.notices.push(`未识别的工作表「${sheet.name}」，已忽略`);
    if (kind) recognised += 1;
    problems.push(...reader.problems);
  }
  if (workbook.worksheets.length > MAX_SHEETS) {
    problems.push({ sheet: null, row: null, column: null, code: 'TOO_MANY_ROWS', message: `工作表超过 ${MAX_SHEETS} 张` });
  }
  if (!recognised) {
    problems.push({
      sheet: null,
      row: null,
      column: null,
      code: 'UNRECOGNISED',
      message: '工作簿中没有可导入的表：须有部门整体支出绩效目标表、专项资金预算绩效目标汇总表、支出方向绩效目标表或部门整体支出绩效自评表（以标题识别）',
    });
  }
  return { content, problems };
}
