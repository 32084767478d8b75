/**
 * The money rules: sums across budget rows and line items per stage, and the equations within one row
 * (全年 = 年初 + 调整, 结余 = 全年 − 实际, 执行率 = 实际 / 全年). A rule runs only where every figure it
 * needs is stated; a null is "unknown", never 0.
 */
import { formatDecimal, formatFixed, microsOrNull, parseDecimal, ratioToMicros, type Micros } from '../decimal.js';
import { BUDGET_CATEGORY_LABELS, STAGE_LABELS } from '@jixiao/vocabulary';
import { BudgetCategory, INCOME_ROWS, NATURE_ROWS, THREE_PUBLIC_ROWS } from '../budget-category.js';
import { fullYearOf } from '../derived-figures.js';
import { abs, checkEquation, found, type Equation } from './equation.js';
import {
  STAGES,
  locationOf,
  type CheckCode,
  type CheckFigure,
  type CheckLocation,
  type CheckWarning,
  type CheckedBudgetLine,
  type CheckedLineItem,
  type CheckedPlan,
  type Stage,
  type StatedAmounts,
} from './types.js';


/** Stages whose amounts cannot be negative (an adjustment can be a 调减, a carryover an overspend). */
const NON_NEGATIVE_STAGES: ReadonlySet<Stage> = new Set<Stage>(['initial', 'fullYear', 'actual']);

const POINT = 1_000_000n;
/**
 * A stated rate may be off from actual / fullYear by less than 0.01 percentage points (the rounding
 * of a rate written to two decimals); 0.01 itself is a mis-statement: fixture 004 states 99.99% for
 * 563.72 / 563.72 = 100%.
 */
const RATE_TOLERANCE = 10_000n;

/** Budget rows in messages: the shared labels; "三公经费 = 公务接待费 + …" reads better than "三公经费合计 = …". */
const ROW_LABELS: Record<BudgetCategory, string> = { ...BUDGET_CATEGORY_LABELS, THREE_PUBLIC_TOTAL: '三公经费' };

export function amountWarnings(plan: CheckedPlan): CheckWarning[] {
  const budget = new BudgetRows(plan.budget);
  const figures = [...budget.all(), ...flatten(lineItemNodes(plan.lineItems)).map((node) => node.figure)];
  const equations = [...sumRules(budget, plan.lineItems).flatMap(sumRuleEquations), ...figures.flatMap(stageEquations)];
  return found([...equations.map(checkEquation), ...figures.map(checkExecutionRate)]);
}

// ─── Figures: one amount through the stages ─────────────────────────────────────────────────────

/** One row of amounts: a budget row or a line item. */
interface Figure {
  /** Where the row is: its part and row ids (the figure and stage are set per warning). */
  where: Partial<CheckLocation> & { part: 'BUDGET' | 'LINE_ITEM' };
  label: string;
  amounts: StatedAmounts | null | undefined;
  midyear: boolean;
}

function at(figure: Figure, kind: CheckFigure, stage: Stage | null): CheckLocation {
  return locationOf(figure.where.part, kind, { ...figure.where, stage });
}

function amountAt(figure: Figure, stage: Stage): Micros | null {
  const text = figure.amounts?.[stage];
  if (text == null) return stage === 'initial' && figure.midyear ? 0n : null;
  return microsOrNull(text);
}

/** The budget matrix by category; a category the plan does not state is a row with no amounts. */
class BudgetRows {
  private readonly byCategory: Map<BudgetCategory, CheckedBudgetLine>;
  readonly details: Figure[];

  constructor(private readonly lines: CheckedBudgetLine[]) {
    this.byCategory = new Map();
    for (const line of lines) {
      if (line.category !== BudgetCategory.BASIC_DETAIL && !this.byCategory.has(line.category)) this.byCategory.set(line.category, line);
    }
    this.details = lines
      .filter((line) => line.category === BudgetCategory.BASIC_DETAIL)
      .map((line) => ({
        where: { part: 'BUDGET', budgetCategory: BudgetCategory.BASIC_DETAIL, budgetLineId: line.id },
        label: line.name ?? '',
        amounts: line.amounts,
        midyear: false,
      }));
  }

  get(category: Exclude<BudgetCategory, 'BASIC_DETAIL'>): Figure {
    const line = this.byCategory.get(category);
    return {
      where: { part: 'BUDGET', budgetCategory: category, budgetLineId: line?.id ?? null },
      label: ROW_LABELS[category],
      amounts: line?.amounts,
      midyear: false,
    };
  }

  stated(categories: readonly BudgetCategory[]): boolean {
    return categories.some((category) => this.byCategory.has(category));
  }

  income(): Figure[] {
    return Object.values(INCOME_ROWS).map((category) => this.get(category));
  }

  threePublicParts(): Figure[] {
    const { total: _, ...parts } = THREE_PUBLIC_ROWS;
    return Object.values(parts).map((category) => this.get(category));
  }

  /** Every row in the order of the forms, for the rules within one row. */
  all(): Figure[] {
    if (this.lines.length === 0) return [];
    return [
      ...Object.values(NATURE_ROWS).map((category) => this.get(category)),
      ...this.income(),
      ...this.details,
      this.get(BudgetCategory.THREE_PUBLIC_TOTAL),
      ...this.threePublicParts(),
    ];
  }
}

interface LineItemNode {
  figure: Figure;
  children: LineItemNode[];
}

function lineItemNodes(items: CheckedLineItem[]): LineItemNode[] {
  return items.map((item) => ({
    figure: { where: { part: 'LINE_ITEM', lineItemId: item.id }, label: item.name, amounts: item.amounts, midyear: item.midyear },
    children: lineItemNodes(item.children),
  }));
}

function flatten(nodes: LineItemNode[]): LineItemNode[] {
  return nodes.flatMap((node) => [node, ...flatten(node.children)]);
}

// ─── Sums across rows, per stage ────────────────────────────────────────────────────────────────

interface SumRule {
  code: CheckCode;
  whole: Figure;
  parts: Figure[];
  partsLabel?: string;
  /**
   * Run with only some parts stated. Income sources: a document lists the sources a department has
   * and leaves the others empty (fixture 002 states only 一般公共预算拨款), so requiring all five would
   * check nothing. Where amounts are non-negative, the stated sources may not exceed the 合计; when
   * all five are stated they must equal it. A stage that can be negative (调整, 结余结转) needs all.
   */
  boundWhenPartial?: boolean;
}

function sumRules(budget: BudgetRows, items: CheckedLineItem[]): SumRule[] {
  const lineItems = lineItemNodes(items);
  const { TOTAL, BASIC, PERSONNEL, PUBLIC_USE, PROJECT, THREE_PUBLIC_TOTAL } = BudgetCategory;
  const incomeRules: SumRule[] = budget.stated(Object.values(INCOME_ROWS))
    ? [{ code: 'INCOME_SUM', whole: budget.get(TOTAL), parts: budget.income(), boundWhenPartial: true }]
    : [];
  const budgetRules: SumRule[] = [
    { code: 'TOTAL_NATURE_SUM', whole: budget.get(TOTAL), parts: [budget.get(BASIC), budget.get(PROJECT)] },
    { code: 'BASIC_SUM', whole: budget.get(BASIC), parts: [budget.get(PERSONNEL), budget.get(PUBLIC_USE)] },
    ...incomeRules,
    { code: 'BASIC_DETAIL_SUM', whole: budget.get(BASIC), parts: budget.details },
    { code: 'THREE_PUBLIC_SUM', whole: budget.get(THREE_PUBLIC_TOTAL), parts: budget.threePublicParts() },
  ];
  const projectRule: SumRule[] =
    lineItems.length > 0
      ? [{ code: 'LINE_ITEMS_PROJECT_SUM', whole: budget.get(PROJECT), parts: lineItems.map((node) => node.figure), partsLabel: '各专项 ' }]
      : [];
  const childrenRules: SumRule[] = flatten(lineItems)
    .filter((node) => node.children.length > 0)
    .map((node) => ({
      code: 'LINE_ITEM_CHILDREN_SUM',
      whole: node.figure,
      parts: node.children.map((child) => child.figure),
      partsLabel: '子项 ',
    }));
  return [...budgetRules, ...projectRule, ...childrenRules];
}

function sumRuleEquations(rule: SumRule): Equation[] {
  if (rule.parts.length === 0) return [];
  return STAGES.flatMap((stage) => {
    const stated = amountAt(rule.whole, stage);
    if (stated === null) return [];
    const known = rule.parts.flatMap((part) => {
      const value = amountAt(part, stage);
      return value === null ? [] : [{ label: part.label, value }];
    });
    if (known.length === 0) return [];
    const partial = known.length < rule.parts.length;
    if (partial && !(rule.boundWhenPartial && NON_NEGATIVE_STAGES.has(stage))) return [];
    return [
      {
        code: rule.code,
        location: at(rule.whole, 'AMOUNT', stage),
        unit: '万元',
        heading: STAGE_LABELS[stage],
        statedLabel: rule.whole.label,
        stated,
        partsLabel: rule.partsLabel ?? '',
        parts: known,
        partial,
      },
    ];
  });
}

// ─── Within one row: 全年 = 年初 + 调整, 结余 = 全年 − 实际, 执行率 = 实际 / 全年 ─────────────────────

interface StageRule {
  code: CheckCode;
  stated: Stage;
  /** The stages it is computed from; a minus sign where subtracted. */
  parts: { stage: Stage; negative?: boolean }[];
}

const STAGE_RULES: StageRule[] = [
  { code: 'FULL_YEAR_SUM', stated: 'fullYear', parts: [{ stage: 'initial' }, { stage: 'adjustment' }] },
  { code: 'CARRYOVER', stated: 'carryover', parts: [{ stage: 'fullYear' }, { stage: 'actual', negative: true }] },
];

/**
 * A part of a stage rule; an unstated 全年预算 is 年初 + 调整 when both are known (issue 10 item 5), so the
 * 结余结转 check runs on a row that states 年初, 调整, 实际 and 结余 but no 全年.
 */
function partAt(row: Figure, stage: Stage): { label: string; value: Micros } | null {
  const value = amountAt(row, stage);
  if (value !== null) return { label: STAGE_LABELS[stage], value };
  if (stage !== 'fullYear') return null;
  const derived = fullYearOf({ initial: amountAt(row, 'initial'), adjustment: amountAt(row, 'adjustment'), fullYear: null });
  return derived.value === null ? null : { label: `${STAGE_LABELS.fullYear}（年初 + 调整）`, value: derived.value };
}

function stageEquations(row: Figure): Equation[] {
  return STAGE_RULES.flatMap((rule) => {
    const stated = amountAt(row, rule.stated);
    const parts = rule.parts.flatMap(({ stage, negative }) => {
      const part = partAt(row, stage);
      return part === null ? [] : [{ ...part, negative }];
    });
    if (stated === null || parts.length < rule.parts.length) return [];
    return [
      {
        code: rule.code,
        location: at(row, 'AMOUNT', rule.stated),
        unit: '万元',
        heading: row.label,
        statedLabel: STAGE_LABELS[rule.stated],
        stated,
        partsLabel: '',
        parts,
        partial: false,
      },
    ];
  });
}

const STATED_RATE_PATTERN = /^([+-]?\d+(?:\.\d+)?)\s*[%％]$/;

/** A stated 预算执行率 ("99.99%", "100％") in micro-units of a percentage; null when unreadable. */
function readStatedRate(text: string): Micros | null {
  const match = STATED_RATE_PATTERN.exec(text);
  const parsed = match ? parseDecimal(match[1]) : null;
  return parsed?.ok ? parsed.value : null;
}

function checkExecutionRate(row: Figure): CheckWarning | null {
  const statedText = row.amounts?.statedExecutionRate?.trim() ?? '';
  const stated = readStatedRate(statedText);
  const actual = amountAt(row, 'actual');
  const fullYear = amountAt(row, 'fullYear');
  if (stated === null || actual === null || fullYear === null || fullYear <= 0n) return null;
  // |stated% − 100·actual/fullYear| < 0.01, multiplied through by fullYear to stay exact.
  const gap = stated * fullYear - actual * 100n * POINT;
  if (abs(gap) < RATE_TOLERANCE * fullYear) return null;
  const rate = ratioToMicros({ numerator: actual * 100n, denominator: fullYear });
  const difference = stated - rate;
  const expected = `${formatFixed(rate, 2)}%`;
  return {
    code: 'EXECUTION_RATE',
    location: at(row, 'EXECUTION_RATE', null),
    expected,
    found: statedText,
    difference: formatDecimal(difference),
    message:
      `${row.label}：预算执行率 ${statedText}，但实际支出 ${formatDecimal(actual)} / 全年预算 ` +
      `${formatDecimal(fullYear)} = ${expected}（相差 ${formatDecimal(abs(difference))} 个百分点）`,
  };
}
