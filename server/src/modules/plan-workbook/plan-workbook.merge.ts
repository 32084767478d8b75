/**
 * What a filled workbook does to a plan: its content laid over the plan's current document. The
 * target sheets state targets (年初预算, goals, key tasks, the indicator tables, the 专项 tree); the 自评表
 * states the evaluation (全年预算数/执行数/执行率, each department-level indicator's 实际完成值, 得分,
 * 扣分原因, 偏差原因, 佐证, section subtotals, 总分, 等次, the narrative). Everything the workbook does
 * not carry (other stages, 子项 actuals, columns deleted) stays as it is. The result is a whole plan
 * document for the import, and the list of changes for the preview.
 */
import { canonicalLevels } from '../../domain/indicator-hierarchy.js';
import { describeQuantity, parseIndicatorValue } from '../../domain/indicator-value/parse.js';
import { GRADE_LABELS } from '../../domain/indicator-value/vocabulary.js';
import type { EvaluationDocument, IndicatorDocument, LineItemDocument, PlanDocument, StageAmounts } from '../../domain/plan-document.js';
import { BUDGET_ROWS, EXECUTION_COLUMNS, evaluatorsText, INDICATOR_COLUMNS, KIND_LABELS, labelKey, SELF_EVALUATION_COLUMNS, SELF_EVALUATION_LABELS } from './plan-workbook.layout.js';
import { budgetKeyOf, type CellRef, type DirectionSheet, type IndicatorTable, type SummaryRow, type WorkbookContent, type WorkbookProblem } from './plan-workbook.reader.js';

export type ChangeKind = 'ADDED' | 'CHANGED' | 'REMOVED';
export type ChangeSubject = 'BUDGET' | 'GOAL' | 'KEY_TASK' | 'LINE_ITEM' | 'INDICATOR' | 'EVALUATION';

export interface WorkbookChange {
  kind: ChangeKind;
  subject: ChangeSubject;
  /** Where in the plan, in Chinese: "年度预算", "部门整体指标", "业务性专项经费 › 理论学习". */
  location: string;
  /** The thing changed: a budget row's label, an indicator's 三级指标, a 专项's name. */
  name: string;
  /** The form's column for a CHANGED field ("指标值", "年初预算数"); null for a whole row added or removed. */
  field: string | null;
  before: string | null;
  after: string | null;
  /** How the server reads a new 指标值 ("≥ 12 次"), from the domain's reader. */
  reading: string | null;
  at: CellRef | null;
}

export interface MergeResult {
  document: PlanDocument;
  changes: WorkbookChange[];
  /** Plan-document paths ("indicators.3.target") → the cell they came from, to place validation problems. */
  locations: Map<string, CellRef>;
  problems: WorkbookProblem[];
  /** What the preview should say without refusing (a 自评表 row for an indicator the target table removed). */
  notices: string[];
}

const text = (value: string | number | null | undefined) => (value == null ? null : String(value));
const NULL_STAGES: StageAmounts = { initial: null, adjustment: null, fullYear: null, actual: null, carryover: null, executionRate: null };

/** The domain's reading of a target, in the short form the editor shows. */
export function readingOf(target: string | null, level1: string | null, level2: string | null, name: string | null): string | null {
  if (target == null) return null;
  const levels = canonicalLevels(level1 ?? '', level2);
  const parsed = parseIndicatorValue(target, { role: 'TARGET', level1: levels.level1, level2: levels.level2, name });
  switch (parsed.kind) {
    case 'QUANTITY':
      return parsed.quantity ? describeQuantity(parsed.quantity) : null;
    case 'BOOLEAN':
      return parsed.boolean ? '是（完成）' : '否（未完成）';
    case 'GRADE':
      return parsed.grade ? `等级 ${GRADE_LABELS[parsed.grade]}` : null;
    case 'NOT_APPLICABLE':
      return '不适用';
    default:
      return '文字（由评价人员判断）';
  }
}

class Merger {
  readonly changes: WorkbookChange[] = [];
  readonly locations = new Map<string, CellRef>();
  readonly problems: WorkbookProblem[] = [];
  readonly notices: string[] = [];

  change(change: Omit<WorkbookChange, 'reading'> & { reading?: string | null }): void {
    this.changes.push({ reading: null, ...change });
  }

  problem(at: CellRef | null, code: WorkbookProblem['code'], message: string): void {
    this.problems.push({ sheet: at?.sheet ?? null, row: at?.row ?? null, column: at?.column ?? null, code, message });
  }

  /** Sets a field, recording the change when the value differs. */
  field<T extends object, K extends keyof T>(
    target: T,
    key: K,
    value: T[K],
    change: { subject: ChangeSubject; location: string; name: string; field: string; at: CellRef | null; reading?: string | null },
  ): void {
    const before = text(target[key] as string | number | null);
    const after = text(value as string | number | null);
    if (before === after) return;
    target[key] = value;
    this.change({ kind: 'CHANGED', ...change, before, after });
  }

  // ─── budget, goals, key tasks ─────────────────────────────────────────────────────────────────

  budget(document: PlanDocument, content: WorkbookContent): void {
    for (const { row, label } of BUDGET_ROWS) {
      const read = content.budget.get(budgetKeyOf(row));
      if (!read) continue;
      document.budget ??= { total: null, basic: null, personnel: null, publicUse: null, project: null, income: null, basicDetail: null, threePublic: null, fixedAssets: null };
      const budget = document.budget;
      const group = (row.group === 'nature' ? budget : (budget.income ?? {})) as Record<string, StageAmounts | null | undefined>;
      const path = row.group === 'nature' ? `budget.${row.key}` : `budget.income.${row.key}`;
      this.locations.set(`${path}.initial`, read.at);
      const stages = group[row.key] ?? null;
      const before = stages?.initial ?? null;
      if (before === read.value) continue;
      const next: StageAmounts = { ...NULL_STAGES, ...stages, initial: read.value };
      const empty = Object.values(next).every((value) => value == null);
      group[row.key] = empty ? null : next;
      if (row.group === 'income') {
        const income = group as NonNullable<typeof budget.income>;
        budget.income = Object.values(income).some((value) => value != null)
          ? { generalPublic: null, governmentFund: null, other: null, priorYearCarryover: null, specialAccountNonTax: null, ...income }
          : null;
      }
      this.change({
        kind: before == null ? 'ADDED' : read.value == null ? 'REMOVED' : 'CHANGED',
        subject: 'BUDGET',
        location: '年度预算（万元）',
        name: label,
        field: '年初预算数',
        before,
        after: read.value,
        at: read.at,
      });
    }
  }

  goals(document: PlanDocument, content: WorkbookContent): void {
    if (!content.goals) return;
    const before = document.overallGoals ?? [];
    const after = content.goals.map((goal) => goal.value);
    content.goals.forEach((goal, index) => this.locations.set(`overallGoals.${index}`, goal.at));
    for (let index = 0; index < Math.max(before.length, after.length); index += 1) {
      if (before[index] === after[index]) continue;
      const kind: ChangeKind = index >= before.length ? 'ADDED' : index >= after.length ? 'REMOVED' : 'CHANGED';
      this.change({ kind, subject: 'GOAL', location: '年度整体绩效目标', name: `第 ${index + 1} 条`, field: null, before: before[index] ?? null, after: after[index] ?? null, at: content.goals[index]?.at ?? null });
    }
    if (document.overallGoals != null || after.length) document.overallGoals = after;
  }

  keyTasks(document: PlanDocument, content: WorkbookContent): void {
    if (!content.keyTasks) return;
    const { columns, rows } = content.keyTasks;
    const before = document.keyTasks ?? [];
    const fields = [
      ['item', '重点工作事项'],
      ['goal', '工作目标'],
      ['owner', '责任单位或科室'],
    ] as const;
    const after = rows.map((row, index) => {
      this.locations.set(`keyTasks.${index}`, row.at);
      const existing = before[index];
      const task = { item: existing?.item ?? null, owner: existing?.owner ?? null, goal: existing?.goal ?? null };
      for (const [key, label] of fields) {
        if (!columns.has(key)) continue;
        if (existing) this.field(task, key, row[key], { subject: 'KEY_TASK', location: '年度重点工作计划', name: task.item ?? row.item ?? `第 ${index + 1} 项`, field: label, at: row.at });
        else task[key] = row[key];
      }
      if (!existing) this.change({ kind: 'ADDED', subject: 'KEY_TASK', location: '年度重点工作计划', name: task.item ?? `第 ${index + 1} 项`, field: null, before: null, after: task.goal, at: row.at });
      return task;
    });
    before.slice(rows.length).forEach((task, index) =>
      this.change({ kind: 'REMOVED', subject: 'KEY_TASK', location: '年度重点工作计划', name: task.item ?? `第 ${rows.length + index + 1} 项`, field: null, before: task.goal ?? null, after: null, at: null }),
    );
    if (document.keyTasks != null || after.length) document.keyTasks = after;
  }

  // ─── indicator tables ─────────────────────────────────────────────────────────────────────────

  indicators(existing: IndicatorDocument[], table: IndicatorTable, location: string, path: string): IndicatorDocument[] {
    const used = new Set<number>();
    const key = (level1: string | null | undefined, level2: string | null | undefined, name: string | null | undefined) => `${level1 ?? ''}\u0000${level2 ?? ''}\u0000${name ?? ''}`;
    // Same 一级/二级/三级 first (in order); then a row renamed in place (same levels and 指标值, same
    // position) keeps its actual and score. Anything else is a new indicator.
    const matches = table.rows.map((row) => {
      const index = existing.findIndex((old, i) => !used.has(i) && key(old.level1, old.level2, old.name) === key(row.level1, row.level2, row.name));
      if (index >= 0) used.add(index);
      return index;
    });
    table.rows.forEach((_, position) => {
      const row = table.rows[position];
      const old = existing[position];
      if (matches[position] < 0 && old && !used.has(position) && key(old.level1, old.level2, old.target) === key(row.level1, row.level2, row.target)) {
        matches[position] = position;
        used.add(position);
      }
    });
    const labels: Record<string, string> = Object.fromEntries(Object.entries(INDICATOR_COLUMNS).map(([column, words]) => [column, words[0]]));
    const columns = ['level1', 'level2', 'name', 'target', 'weight', 'remark'] as const;
    const merged = table.rows.map((row, position) => {
      const rowPath = `${path}.${position}`;
      this.locations.set(rowPath, row.at);
      for (const column of columns) if (row.cells[column]) this.locations.set(`${rowPath}.${column}`, row.cells[column]!);
      const old = matches[position] >= 0 ? existing[matches[position]] : null;
      const indicator: IndicatorDocument = old
        ? { ...old }
        : { level1: '', level2: null, name: '', target: null, actual: null, weight: null, score: null, deduction: null, remark: null, evidence: null };
      const name = row.name ?? old?.name ?? '';
      for (const column of columns) {
        if (!table.columns.has(column)) continue;
        const value = column === 'level1' || column === 'name' ? (row[column] ?? '') : row[column];
        const reading = column === 'target' ? readingOf(row.target, row.level1, row.level2, row.name) : null;
        if (old) this.field(indicator, column, value as never, { subject: 'INDICATOR', location, name, field: labels[column], at: row.cells[column] ?? row.at, reading });
        else (indicator as unknown as Record<string, unknown>)[column] = value;
      }
      if (!old) {
        if (!table.columns.has('level1')) this.problem(row.at, 'MISSING_VALUE', '新增指标须填写一级指标（表中没有「一级指标」列）');
        this.change({
          kind: 'ADDED',
          subject: 'INDICATOR',
          location,
          name,
          field: null,
          before: null,
          after: indicator.target ?? null,
          reading: readingOf(indicator.target ?? null, indicator.level1, indicator.level2 ?? null, indicator.name),
          at: row.at,
        });
      }
      return indicator;
    });
    existing.forEach((old, index) => {
      if (!used.has(index)) this.change({ kind: 'REMOVED', subject: 'INDICATOR', location, name: old.name, field: null, before: old.target ?? null, after: null, at: null });
    });
    return merged;
  }

  // ─── the 专项 tree ────────────────────────────────────────────────────────────────────────────

  lineItem(base: LineItemDocument | null, name: string, row: SummaryRow | null, columns: Set<string>, location: string, path: string, parentName: string | null): LineItemDocument {
    const item: LineItemDocument = base
      ? { ...base, amounts: base.amounts ? { ...base.amounts } : base.amounts }
      : { name, kind: null, amounts: { ...NULL_STAGES }, period: null, periodGoal: null, annualGoal: null, use: null, indicators: [], children: [] };
    if (row) {
      this.locations.set(path, row.at);
      if (row.cells.amount) this.locations.set(`${path}.amounts.initial`, row.cells.amount);
      if (row.cells.kind) this.locations.set(`${path}.kind`, row.cells.kind);
    }
    const label = parentName ? `${parentName} › ${name}` : name;
    if (!base) {
      if (row && columns.has('kind')) item.kind = row.kind;
      if (row && columns.has('amount')) item.amounts = { ...NULL_STAGES, initial: row.amount };
      this.change({ kind: 'ADDED', subject: 'LINE_ITEM', location, name: label, field: null, before: null, after: row?.amount ?? null, at: row?.at ?? null });
      return item;
    }
    if (row && columns.has('kind')) {
      const kindLabel = (kind: LineItemDocument['kind']) => (kind ? KIND_LABELS[kind] : null);
      if (kindLabel(item.kind) !== kindLabel(row.kind)) {
        this.change({ kind: 'CHANGED', subject: 'LINE_ITEM', location, name: label, field: '项目类型', before: kindLabel(item.kind), after: kindLabel(row.kind), at: row.cells.kind ?? row.at });
        item.kind = row.kind;
      }
    }
    if (row && columns.has('amount')) {
      item.amounts = { ...NULL_STAGES, ...item.amounts };
      this.field(item.amounts, 'initial', row.amount, { subject: 'LINE_ITEM', location, name: label, field: '年初预算数', at: row.cells.amount ?? row.at });
    }
    return item;
  }

  lineItems(document: PlanDocument, content: WorkbookContent): void {
    const summary = content.summary;
    if (!summary) return;
    const groups: { name: string; own: SummaryRow | null; children: SummaryRow[] }[] = [];
    for (const row of summary.rows) {
      let group = groups.find((entry) => entry.name === row.lineItem);
      if (!group) groups.push((group = { name: row.lineItem, own: null, children: [] }));
      if (row.child == null) {
        if (group.own) this.problem(row.at, 'DUPLICATE', `专项「${row.lineItem}」在汇总表中出现了两次`);
        else group.own = row;
      } else if (group.children.some((child) => child.child === row.child)) {
        this.problem(row.at, 'DUPLICATE', `专项「${row.lineItem}」下的支出方向「${row.child}」出现了两次`);
      } else group.children.push(row);
    }
    const before = document.lineItems ?? [];
    const used = new Set<number>();
    const after = groups.map((group, index) => {
      const found = before.findIndex((item, i) => !used.has(i) && item.name === group.name);
      if (found >= 0) used.add(found);
      const path = `lineItems.${index}`;
      const item = this.lineItem(found >= 0 ? before[found] : null, group.name, group.own, summary.columns, '专项资金', path, null);
      if (!group.own && group.children[0]) this.locations.set(path, group.children[0].at);
      const oldChildren = item.children ?? [];
      const usedChildren = new Set<number>();
      item.children = group.children.map((row, childIndex) => {
        const old = oldChildren.findIndex((child, i) => !usedChildren.has(i) && child.name === row.child);
        if (old >= 0) usedChildren.add(old);
        return this.lineItem(old >= 0 ? oldChildren[old] : null, row.child!, row, summary.columns, '专项资金', `${path}.children.${childIndex}`, group.name);
      });
      oldChildren.forEach((child, i) => {
        if (!usedChildren.has(i)) this.change({ kind: 'REMOVED', subject: 'LINE_ITEM', location: '专项资金', name: `${group.name} › ${child.name}`, field: null, before: child.amounts?.initial ?? null, after: null, at: null });
      });
      return item;
    });
    before.forEach((item, i) => {
      if (!used.has(i)) this.change({ kind: 'REMOVED', subject: 'LINE_ITEM', location: '专项资金', name: item.name, field: null, before: item.amounts?.initial ?? null, after: null, at: null });
    });
    document.lineItems = after;
  }

  /** A 支出方向表: the 子项's period, goals and indicators (its amount must agree with the 汇总表). */
  direction(document: PlanDocument, content: WorkbookContent, sheet: DirectionSheet, seen: Set<LineItemDocument>): void {
    const items = document.lineItems ?? [];
    const same = (a: string | null | undefined, b: string | null | undefined) => a != null && b != null && labelKey(a) === labelKey(b);
    let parentIndex = -1;
    let childIndex = -1;
    if (sheet.child.value) {
      const candidates = items.flatMap((item, i) => (item.children ?? []).map((child, j) => ({ item, child, i, j })));
      const found = candidates.filter(({ item, child }) => same(child.name, sheet.child.value) && (!sheet.lineItem.value || same(item.name, sheet.lineItem.value)));
      if (found.length === 1) [parentIndex, childIndex] = [found[0].i, found[0].j];
      // A 子项 the plan does not have yet, under a 专项 it has, when the workbook has no 汇总表.
      else if (!found.length && !content.summary && sheet.lineItem.value) {
        parentIndex = items.findIndex((item) => same(item.name, sheet.lineItem.value));
        if (parentIndex >= 0) {
          const parent = items[parentIndex];
          parent.children = [...(parent.children ?? []), this.lineItem(null, sheet.child.value, null, new Set(), '专项资金', '', parent.name)];
          childIndex = parent.children.length - 1;
        }
      }
    } else {
      parentIndex = items.findIndex((item) => same(item.name, sheet.lineItem.value));
    }
    if (parentIndex < 0 || (sheet.child.value && childIndex < 0)) {
      const what = sheet.child.value ? `「${sheet.lineItem.value ?? ''} › ${sheet.child.value}」` : `「${sheet.lineItem.value}」`;
      this.problem(sheet.child.value ? sheet.child.at : sheet.lineItem.at, 'NOT_FOUND', `支出方向表${what}在${content.summary ? '汇总表' : '计划'}中没有对应的专项或子项`);
      return;
    }
    const parent = items[parentIndex];
    const item = childIndex >= 0 ? parent.children![childIndex] : parent;
    if (seen.has(item)) {
      this.problem(sheet.child.at, 'DUPLICATE', `「${item.name}」有两张支出方向表`);
      return;
    }
    seen.add(item);
    const path = childIndex >= 0 ? `lineItems.${parentIndex}.children.${childIndex}` : `lineItems.${parentIndex}`;
    const name = childIndex >= 0 ? `${parent.name} › ${item.name}` : item.name;
    const amount = sheet.fields.amount;
    if (amount) {
      const summaryRow = content.summary?.rows.find((row) => same(row.lineItem, parent.name) && (childIndex >= 0 ? same(row.child, item.name) : row.child == null));
      if (content.summary?.columns.has('amount') && summaryRow) {
        if (summaryRow.amount !== amount.value) {
          this.problem(amount.at, 'MISMATCH', `支出方向表的年初预算数 ${amount.value ?? '（空）'} 与汇总表第 ${summaryRow.at.row} 行的 ${summaryRow.amount ?? '（空）'} 不一致`);
        }
      } else {
        item.amounts = { ...NULL_STAGES, ...item.amounts };
        this.locations.set(`${path}.amounts.initial`, amount.at);
        this.field(item.amounts, 'initial', amount.value, { subject: 'LINE_ITEM', location: '专项资金', name, field: '年初预算数', at: amount.at });
      }
    }
    const fields = [
      ['period', '项目实施期'],
      ['periodGoal', '实施期绩效目标'],
      ['annualGoal', '年度绩效目标'],
    ] as const;
    for (const [key, label] of fields) {
      const read = sheet.fields[key];
      if (!read) continue;
      this.locations.set(`${path}.${key}`, read.at);
      this.field(item, key, read.value, { subject: 'LINE_ITEM', location: '专项资金', name, field: label, at: read.at });
    }
    if (sheet.indicators) item.indicators = this.indicators(item.indicators ?? [], sheet.indicators, name, `${path}.indicators`);
  }
}

const EMPTY_EVALUATION: EvaluationDocument = {
  totalScore: null,
  grade: null,
  maxScore: null,
  sections: null,
  satisfaction: null,
  evaluators: null,
  problems: null,
  measures: null,
  application: null,
  disclosure: null,
};

/** The 自评表 laid over the plan: what it states replaces, a column or row it lacks leaves alone. */
class SelfEvaluationMerger {
  constructor(
    private readonly merger: Merger,
    /** The plan's indicators before the target table was laid over them. */
    private readonly original: IndicatorDocument[],
  ) {}

  apply(document: PlanDocument, content: WorkbookContent): void {
    const sheet = content.selfEvaluation;
    if (!sheet) return;
    this.execution(document, sheet);
    this.indicators(document, sheet, content.indicators != null);
    this.evaluation(document, sheet);
  }

  private execution(document: PlanDocument, sheet: NonNullable<WorkbookContent['selfEvaluation']>): void {
    const labels = { fullYear: EXECUTION_COLUMNS.fullYear[0], actual: EXECUTION_COLUMNS.actual[0], executionRate: EXECUTION_COLUMNS.executionRate[0] };
    for (const { row, label } of BUDGET_ROWS) {
      const read = sheet.execution.get(budgetKeyOf(row));
      if (!read) continue;
      const path = row.group === 'nature' ? `budget.${row.key}` : `budget.income.${row.key}`;
      for (const field of ['fullYear', 'actual', 'executionRate'] as const) {
        const stated = read[field];
        if (!stated) continue;
        this.merger.locations.set(`${path}.${field}`, stated.at);
        const budget = document.budget;
        const group = (row.group === 'nature' ? budget : budget?.income) as Record<string, StageAmounts | null | undefined> | null | undefined;
        const stages = group?.[row.key] ?? null;
        if (text(stages?.[field]) === text(stated.value)) continue;
        document.budget ??= { total: null, basic: null, personnel: null, publicUse: null, project: null, income: null, basicDetail: null, threePublic: null, fixedAssets: null };
        if (row.group === 'income') document.budget.income ??= { generalPublic: null, governmentFund: null, other: null, priorYearCarryover: null, specialAccountNonTax: null };
        const into = (row.group === 'nature' ? document.budget : document.budget.income!) as Record<string, StageAmounts | null | undefined>;
        into[row.key] = { ...NULL_STAGES, ...into[row.key] };
        this.merger.field(into[row.key]!, field, stated.value, { subject: 'BUDGET', location: '预算执行（万元）', name: label, field: labels[field], at: stated.at });
      }
    }
  }

  private indicators(document: PlanDocument, sheet: NonNullable<WorkbookContent['selfEvaluation']>, hasTargetTable: boolean): void {
    const table = sheet.indicators;
    if (!table) return;
    const existing = document.indicators ?? [];
    const used = new Set<number>();
    const key = (level1: string | null | undefined, level2: string | null | undefined, name: string | null | undefined) => [level1, level2, name].map((part) => labelKey(part ?? '')).join('\u0000');
    const fields = ['actual', 'score', 'deduction', 'deviationReason', 'evidence'] as const;
    for (const row of table.rows) {
      if (row.name == null) continue;
      const index = existing.findIndex((old, i) => !used.has(i) && key(old.level1, old.level2, old.name) === key(row.level1, row.level2, row.name));
      if (index < 0) {
        // With a target table in the workbook, that table says which indicators there are: a 自评表 row for
        // one it removed or renamed goes with it, said but not refused. Alone, the 自评表 must name the plan's.
        if (hasTargetTable) {
          const removed = this.original.some((old) => key(old.level1, old.level2, old.name) === key(row.level1, row.level2, row.name));
          this.merger.notices.push(`自评表第 ${row.at.row} 行的指标「${row.name}」${removed ? '已在目标表中删除或改名' : '不在目标表中'}，其自评结果未导入`);
        } else {
          this.merger.problem(row.cells.name ?? row.at, 'NOT_FOUND', `自评表中的指标「${row.name}」在计划的部门整体指标中找不到（新增或改名请在目标表中填写）`);
        }
        continue;
      }
      used.add(index);
      const indicator = existing[index];
      for (const field of fields) {
        if (!table.columns.has(field)) continue;
        const at = row.cells[field] ?? row.at;
        this.merger.locations.set(`indicators.${index}.${field}`, at);
        this.merger.field(indicator, field, row[field] as never, { subject: 'INDICATOR', location: '自评表', name: indicator.name, field: SELF_EVALUATION_COLUMNS[field][0], at });
      }
    }
  }

  private evaluation(document: PlanDocument, sheet: NonNullable<WorkbookContent['selfEvaluation']>): void {
    const before = document.evaluation ?? null;
    const evaluation: EvaluationDocument = { ...EMPTY_EVALUATION, ...before };
    const change = (field: string | null, name: string, at: CellRef | null) => ({ subject: 'EVALUATION' as const, location: '自评结果', name, field, at });
    let touched = false;
    const set = <K extends keyof EvaluationDocument>(key: K, value: EvaluationDocument[K], label: string, at: CellRef | null, written = text(evaluation[key] as never), stated = text(value as never)) => {
      this.merger.locations.set(`evaluation.${key}`, at ?? { sheet: sheet.sheet, row: 1, column: null });
      if (written === stated) return;
      this.merger.change({ kind: 'CHANGED', ...change(label, label, at), before: written, after: stated });
      evaluation[key] = value;
      touched = true;
    };

    // Section subtotals, matched by name; a section the sheet adds is added, one it lacks stays.
    if (sheet.sections.length) {
      const sections = (evaluation.sections ?? []).map((section) => ({ ...section }));
      sheet.sections.forEach((stated) => {
        let index = sections.findIndex((section) => labelKey(section.name ?? '') === labelKey(stated.name));
        if (index < 0) {
          sections.push({ name: stated.name, weight: null, score: null });
          index = sections.length - 1;
          this.merger.change({ kind: 'ADDED', ...change(null, `${stated.name}（小计）`, stated.at), before: null, after: text(stated.score) });
          touched = true;
        }
        this.merger.locations.set(`evaluation.sections.${index}`, stated.at);
        for (const [field, label] of [['weight', SELF_EVALUATION_COLUMNS.weight[0]], ['score', SELF_EVALUATION_COLUMNS.score[0]]] as const) {
          if (text(sections[index][field]) === text(stated[field])) continue;
          this.merger.change({ kind: 'CHANGED', ...change(label, `${stated.name}（小计）`, stated.at), before: text(sections[index][field]), after: text(stated[field]) });
          sections[index][field] = stated[field];
          touched = true;
        }
      });
      if (touched) evaluation.sections = sections;
    }
    const total = sheet.total;
    if (total?.maxScore) set('maxScore', total.maxScore.value, `${SELF_EVALUATION_LABELS.total[0]}（满分）`, total.maxScore.at);
    if (total?.totalScore) set('totalScore', total.totalScore.value, SELF_EVALUATION_LABELS.total[0], total.totalScore.at);
    if (total?.grade) set('grade', total.grade.value, SELF_EVALUATION_LABELS.grade[0], total.grade.at);
    const lines = (value: string | null) => (value == null ? null : value.split('\n').map((line) => line.trim()).filter(Boolean));
    const { problems, measures, application, disclosure, evaluators } = sheet.narrative;
    // Compared as written, so an unchanged cell never rewrites what the plan stores.
    if (problems) set('problems', lines(problems.value), SELF_EVALUATION_LABELS.problems[0], problems.at, evaluation.problems?.join('\n') || null, problems.value);
    if (measures) set('measures', lines(measures.value), SELF_EVALUATION_LABELS.measures[0], measures.at, evaluation.measures?.join('\n') || null, measures.value);
    if (application) set('application', application.value, SELF_EVALUATION_LABELS.application[0], application.at);
    if (disclosure) set('disclosure', disclosure.value, SELF_EVALUATION_LABELS.disclosure[0], disclosure.at);
    if (evaluators) {
      const people = evaluators.value?.split(/[；;]/).map((entry) => entry.trim()).filter(Boolean).map((entry) => {
        const [name, title, ...unit] = entry.split(/\s+/);
        return { name: name ?? null, title: title ?? null, unit: unit.join(' ') || null };
      }) ?? null;
      set('evaluators', people, SELF_EVALUATION_LABELS.evaluators[0], evaluators.at, evaluatorsText(evaluation.evaluators), evaluators.value);
    }
    if (touched) document.evaluation = evaluation;
  }
}

/** Lays the workbook's content over the plan's current document (which is not modified). */
export function mergeWorkbook(current: PlanDocument, content: WorkbookContent): MergeResult {
  const document = structuredClone(current);
  const merger = new Merger();
  merger.budget(document, content);
  merger.goals(document, content);
  merger.keyTasks(document, content);
  if (content.indicators) document.indicators = merger.indicators(document.indicators ?? [], content.indicators, '部门整体指标', 'indicators');
  merger.lineItems(document, content);
  const seen = new Set<LineItemDocument>();
  for (const sheet of content.directions) merger.direction(document, content, sheet, seen);
  new SelfEvaluationMerger(merger, current.indicators ?? []).apply(document, content);
  return { document, changes: merger.changes, locations: merger.locations, problems: merger.problems, notices: merger.notices };
}
