/**
 * 勾稽关系 — the consistency checks of a plan document (DOMAIN.md §7).
 *
 * Every rule is an equation between figures the document states: "the stated figure equals the sum
 * of its parts". A rule runs only where every figure it needs is stated; a null (or an absent stages
 * object) is "unknown", never 0. Checks warn, they never block: each warning carries the exact
 * figures, in 万元 for money, 分 for points and % for rates, all in exact micro-units.
 */
import {
  formatDecimal,
  formatFixed,
  numberToMicros,
  microsOrNull,
  parseDecimal,
  ratioToMicros,
  sumMicros,
  type Micros,
} from './decimal.js';
import { EVALUATION_GRADE_LABELS, gradeForScore, readStatedGrade } from './grade.js';
import { canonicalLevels, type Level1 } from './indicator-hierarchy.js';
import type {
  BudgetDocument,
  EvaluationDocument,
  IndicatorDocument,
  LineItemDocument,
  PlanDocument,
  StageAmounts,
} from './plan-document.js';

export type CheckCode =
  // budget, per stage
  | 'TOTAL_NATURE_SUM' // 合计 = 基本支出 + 项目支出
  | 'BASIC_SUM' // 基本支出 = 人员经费 + 公用经费
  | 'INCOME_SUM' // 合计 = Σ 收入来源
  | 'BASIC_DETAIL_SUM' // 基本支出 = Σ 经济分类明细
  | 'THREE_PUBLIC_SUM' // 三公经费 = 公务接待 + 公车运维 + 公车购置 + 因公出国
  // each amount through the year
  | 'FULL_YEAR_SUM' // 全年预算 = 年初预算 + 调整
  | 'CARRYOVER' // 结余结转 = 全年预算 − 实际支出
  | 'EXECUTION_RATE' // 预算执行率 = 实际支出 / 全年预算
  // line items, per stage
  | 'LINE_ITEM_CHILDREN_SUM' // 专项 = Σ 子项
  | 'LINE_ITEMS_PROJECT_SUM' // 项目支出 = Σ 专项
  // scoring
  | 'SECTION_WEIGHT_SUM' // 部分分值 = Σ 该部分指标分值
  | 'SECTION_SCORE_SUM' // 部分得分 = Σ 该部分指标得分
  | 'SECTIONS_TOTAL_100' // Σ 部分分值 = 100
  | 'INDICATOR_WEIGHTS_TOTAL_100' // Σ 指标分值 = 100
  | 'TOTAL_SCORE_SUM' // 综合得分 = Σ 指标得分
  | 'TOTAL_SCORE_SECTIONS_SUM' // 综合得分 = Σ 部分得分
  | 'SCORE_EXCEEDS_WEIGHT' // 得分 ≤ 分值
  | 'GRADE_BAND'; // 评价等次 matches the band of 综合得分

export type Stage = 'initial' | 'adjustment' | 'fullYear' | 'actual' | 'carryover';

export interface CheckWarning {
  code: CheckCode;
  /** Where: a JSON path into the plan document, e.g. "budget.total.initial", "evaluation.sections[1].weight". */
  path: string;
  stage: Stage | null;
  /** The figure the rule derives (e.g. the sum), as an exact decimal string ("267.59151", "100.00%"). */
  expected: string;
  /** The figure the document states. */
  found: string;
  /** found − expected as a decimal string when both are numbers, else null. */
  difference: string | null;
  /** Chinese, with the exact figures. */
  message: string;
}

export const STAGES: readonly Stage[] = ['initial', 'adjustment', 'fullYear', 'actual', 'carryover'];

const STAGE_LABELS: Record<Stage, string> = {
  initial: '年初预算',
  adjustment: '调整预算',
  fullYear: '全年预算',
  actual: '实际支出',
  carryover: '结余结转',
};

/** Stages whose amounts cannot be negative (an adjustment can be a 调减, a carryover an overspend). */
const NON_NEGATIVE_STAGES: ReadonlySet<Stage> = new Set<Stage>(['initial', 'fullYear', 'actual']);

const POINT = 1_000_000n;
const FULL_MARKS = 100n * POINT;
/**
 * A stated rate may be off from actual / fullYear by less than 0.01 percentage points (the rounding
 * of a rate written to two decimals); 0.01 itself is a mis-statement: fixture 004 states 99.99% for
 * 563.72 / 563.72 = 100%.
 */
const RATE_TOLERANCE = 10_000n;

type Unit = '万元' | '分';

export function checkPlanDocument(document: PlanDocument): CheckWarning[] {
  const figures = amountFigures(document);
  const equations = [
    ...sumRules(document).flatMap(sumRuleEquations),
    ...figures.flatMap(stageEquations),
  ];
  return [
    ...equations.map(checkEquation),
    ...figures.map(checkExecutionRate),
    ...scoringWarnings(document),
  ].filter((warning): warning is CheckWarning => warning !== null);
}

// ─── Figures: one amount through the stages ─────────────────────────────────────────────────────

/** One row of amounts: a budget category, an income source, a 三公 item or a line item. */
interface Figure {
  /** JSON path of the stages object, e.g. "budget.total", "lineItems[0].amounts". */
  path: string;
  label: string;
  amounts: StageAmounts | null | undefined;
  /** A 年中追加项目 did not exist at the start of the year: its 年初预算 is none, not unknown. */
  midyear: boolean;
}

function amountAt(figure: Figure, stage: Stage): Micros | null {
  const text = figure.amounts?.[stage];
  if (text == null) return stage === 'initial' && figure.midyear ? 0n : null;
  return microsOrNull(text);
}

function figure(path: string, label: string, amounts: StageAmounts | null | undefined, midyear = false): Figure {
  return { path, label, amounts, midyear };
}

const NATURE_LABELS = {
  total: '合计',
  basic: '基本支出',
  personnel: '人员经费',
  publicUse: '公用经费',
  project: '项目支出',
} as const;

const INCOME_LABELS = {
  generalPublic: '一般公共预算拨款',
  governmentFund: '政府性基金拨款',
  other: '其他资金',
  priorYearCarryover: '上年结转',
  specialAccountNonTax: '纳入专户管理的非税收入',
} as const;

const THREE_PUBLIC_PART_LABELS = {
  reception: '公务接待费',
  vehicleOps: '公务用车运维费',
  vehiclePurchase: '公务用车购置费',
  overseas: '因公出国（境）费',
} as const;

function natureFigure(budget: BudgetDocument, key: keyof typeof NATURE_LABELS): Figure {
  return figure(`budget.${key}`, NATURE_LABELS[key], budget[key]);
}

function incomeFigures(budget: BudgetDocument): Figure[] {
  return keys(INCOME_LABELS).map((key) =>
    figure(`budget.income.${key}`, INCOME_LABELS[key], budget.income?.[key]),
  );
}

function threePublicTotal(budget: BudgetDocument): Figure {
  return figure('budget.threePublic.total', '三公经费', budget.threePublic?.total);
}

function threePublicParts(budget: BudgetDocument): Figure[] {
  return keys(THREE_PUBLIC_PART_LABELS).map((key) =>
    figure(`budget.threePublic.${key}`, THREE_PUBLIC_PART_LABELS[key], budget.threePublic?.[key]),
  );
}

function basicDetailFigures(budget: BudgetDocument): Figure[] {
  return (budget.basicDetail ?? []).map((entry, index) =>
    figure(`budget.basicDetail[${index}].amounts`, entry.name, entry.amounts),
  );
}

interface LineItemNode {
  item: LineItemDocument;
  path: string;
  figure: Figure;
  children: LineItemNode[];
}

function lineItemNodes(items: LineItemDocument[] | null | undefined, path: string): LineItemNode[] {
  return (items ?? []).map((item, index) => {
    const itemPath = `${path}[${index}]`;
    return {
      item,
      path: itemPath,
      figure: figure(`${itemPath}.amounts`, item.name, item.amounts, item.kind === 'midyear'),
      children: lineItemNodes(item.children, `${itemPath}.children`),
    };
  });
}

function flattenNodes(nodes: LineItemNode[]): LineItemNode[] {
  return nodes.flatMap((node) => [node, ...flattenNodes(node.children)]);
}

/** Every row of amounts in the document, for the rules within one row (全年 = 年初 + 调整, …). */
function amountFigures(document: PlanDocument): Figure[] {
  const budget = document.budget;
  const budgetFigures = budget
    ? [
        ...keys(NATURE_LABELS).map((key) => natureFigure(budget, key)),
        ...incomeFigures(budget),
        ...basicDetailFigures(budget),
        threePublicTotal(budget),
        ...threePublicParts(budget),
      ]
    : [];
  const lineItems = flattenNodes(lineItemNodes(document.lineItems, 'lineItems')).map((node) => node.figure);
  return [...budgetFigures, ...lineItems];
}

// ─── Equations ──────────────────────────────────────────────────────────────────────────────────

interface Term {
  label: string;
  value: Micros;
  negative?: boolean;
}

/** "stated = Σ parts", with everything needed to explain a mismatch. */
interface Equation {
  code: CheckCode;
  path: string;
  stage: Stage | null;
  unit: Unit;
  /** What the equation is about, before the colon: a stage ("年初预算") or a row ("基本支出"). */
  heading: string;
  statedLabel: string;
  stated: Micros;
  /** Words before the formula, e.g. "子项 ", "各指标分值 ". */
  partsLabel: string;
  parts: Term[];
  /**
   * Only some parts are stated: the stated ones may not exceed the whole (parts are non-negative),
   * so only an excess is a finding.
   */
  partial: boolean;
}

function equationValue(parts: Term[]): Micros {
  return sumMicros(parts.map((part) => (part.negative ? -part.value : part.value)));
}

function checkEquation(equation: Equation): CheckWarning | null {
  const expected = equationValue(equation.parts);
  const difference = equation.stated - expected;
  const consistent = equation.partial ? difference >= 0n : difference === 0n;
  if (consistent) return null;
  return {
    code: equation.code,
    path: equation.path,
    stage: equation.stage,
    expected: formatDecimal(expected),
    found: formatDecimal(equation.stated),
    difference: formatDecimal(difference),
    message: equationMessage(equation, expected, difference),
  };
}

function equationMessage(equation: Equation, expected: Micros, difference: Micros): string {
  const { unit } = equation;
  const stated = `${equation.heading}：${equation.statedLabel} ${formatDecimal(equation.stated)} ${unit}`;
  const formula = `${equation.partsLabel}${formatFormula(equation.parts)} = ${formatDecimal(expected)} ${unit}`;
  if (equation.partial) {
    return `${stated}，但已填列的 ${formula}，已超过${equation.statedLabel}（超出 ${formatDecimal(-difference)} ${unit}；其余未填列）`;
  }
  return `${stated}，但${formula}（相差 ${formatDecimal(abs(difference))} ${unit}）`;
}

function formatFormula(parts: Term[]): string {
  return parts
    .map((part, index) => {
      const operator = index === 0 ? (part.negative ? '-' : '') : part.negative ? ' - ' : ' + ';
      const label = part.label ? `${part.label} ` : '';
      const value = part.value < 0n ? `(${formatDecimal(part.value)})` : formatDecimal(part.value);
      return `${operator}${label}${value}`;
    })
    .join('');
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

function sumRules(document: PlanDocument): SumRule[] {
  const budget = document.budget;
  const lineItems = lineItemNodes(document.lineItems, 'lineItems');
  const budgetRules: SumRule[] = budget
    ? [
        {
          code: 'TOTAL_NATURE_SUM',
          whole: natureFigure(budget, 'total'),
          parts: [natureFigure(budget, 'basic'), natureFigure(budget, 'project')],
        },
        {
          code: 'BASIC_SUM',
          whole: natureFigure(budget, 'basic'),
          parts: [natureFigure(budget, 'personnel'), natureFigure(budget, 'publicUse')],
        },
        ...incomeRules(budget),
        { code: 'BASIC_DETAIL_SUM', whole: natureFigure(budget, 'basic'), parts: basicDetailFigures(budget) },
        { code: 'THREE_PUBLIC_SUM', whole: threePublicTotal(budget), parts: threePublicParts(budget) },
      ]
    : [];
  const projectRule: SumRule[] =
    budget && lineItems.length > 0
      ? [
          {
            code: 'LINE_ITEMS_PROJECT_SUM',
            whole: natureFigure(budget, 'project'),
            parts: lineItems.map((node) => node.figure),
            partsLabel: '各专项 ',
          },
        ]
      : [];
  const childrenRules: SumRule[] = flattenNodes(lineItems)
    .filter((node) => node.children.length > 0)
    .map((node) => ({
      code: 'LINE_ITEM_CHILDREN_SUM',
      whole: node.figure,
      parts: node.children.map((child) => child.figure),
      partsLabel: '子项 ',
    }));
  return [...budgetRules, ...projectRule, ...childrenRules];
}

function incomeRules(budget: BudgetDocument): SumRule[] {
  if (!budget.income) return [];
  return [{ code: 'INCOME_SUM', whole: natureFigure(budget, 'total'), parts: incomeFigures(budget), boundWhenPartial: true }];
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
        path: `${rule.whole.path}.${stage}`,
        stage,
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

function stageEquations(row: Figure): Equation[] {
  return STAGE_RULES.flatMap((rule) => {
    const stated = amountAt(row, rule.stated);
    const parts = rule.parts.flatMap(({ stage, negative }) => {
      const value = amountAt(row, stage);
      return value === null ? [] : [{ label: STAGE_LABELS[stage], value, negative }];
    });
    if (stated === null || parts.length < rule.parts.length) return [];
    return [
      {
        code: rule.code,
        path: `${row.path}.${rule.stated}`,
        stage: rule.stated,
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
  const statedText = row.amounts?.executionRate?.trim() ?? '';
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
    path: `${row.path}.executionRate`,
    stage: null,
    expected,
    found: statedText,
    difference: formatDecimal(difference),
    message:
      `${row.label}：预算执行率 ${statedText}，但实际支出 ${formatDecimal(actual)} / 全年预算 ` +
      `${formatDecimal(fullYear)} = ${expected}（相差 ${formatDecimal(abs(difference))} 个百分点）`,
  };
}

// ─── Scoring ────────────────────────────────────────────────────────────────────────────────────

/** An indicator row or an evaluation section, with its points read exactly. */
interface ScoredRow {
  path: string;
  name: string;
  level1: Level1;
  weight: Micros | null;
  score: Micros | null;
}

function readPoints(value: number | null | undefined): Micros | null {
  if (value == null) return null;
  const parsed = numberToMicros(value);
  return parsed.ok ? parsed.value : null;
}

function indicatorRows(indicators: IndicatorDocument[] | null | undefined, path: string): ScoredRow[] {
  return (indicators ?? []).map((indicator, index) => ({
    path: `${path}[${index}]`,
    name: indicator.name,
    level1: canonicalLevels(indicator.level1, indicator.level2).level1,
    weight: readPoints(indicator.weight),
    score: readPoints(indicator.score),
  }));
}

function sectionRows(evaluation: EvaluationDocument | null | undefined): ScoredRow[] {
  return (evaluation?.sections ?? []).map((section, index) => ({
    path: `evaluation.sections[${index}]`,
    name: section.name ?? '',
    level1: canonicalLevels(section.name ?? '', null).level1,
    weight: readPoints(section.weight),
    score: readPoints(section.score),
  }));
}

function lineItemIndicatorRows(document: PlanDocument): ScoredRow[] {
  return flattenNodes(lineItemNodes(document.lineItems, 'lineItems')).flatMap((node) =>
    indicatorRows(node.item.indicators, `${node.path}.indicators`),
  );
}

type Points = 'weight' | 'score';

const POINTS_LABELS: Record<Points, string> = { weight: '分值', score: '得分' };

/** Σ of one kind of points over rows, or null when a row leaves it unstated. */
function pointTerms(rows: ScoredRow[], points: Points, named: boolean): Term[] | null {
  const terms = rows.flatMap((row) => {
    const value = row[points];
    return value === null ? [] : [{ label: named ? row.name : '', value }];
  });
  return terms.length === rows.length ? terms : null;
}

/**
 * The indicator rows are the whole score sheet when they include the 预算执行率 row, or when every
 * stated section has rows; a target table often leaves 预算执行率 out, and then its rows total 90.
 */
function rowsAreWholeSheet(indicators: ScoredRow[], sections: ScoredRow[]): boolean {
  if (indicators.length === 0) return false;
  if (indicators.some((row) => row.level1 === 'BUDGET_EXECUTION')) return true;
  return sections.length > 0 && sections.every((section) => rowsOfSection(indicators, section).length > 0);
}

function rowsOfSection(indicators: ScoredRow[], section: ScoredRow): ScoredRow[] {
  return section.level1 === 'UNKNOWN' ? [] : indicators.filter((row) => row.level1 === section.level1);
}

/**
 * The section and 100-point rules read the plan's own indicators (the 自评 sheet); a line item's
 * indicators form a sheet of their own whose weights need not total 100, so they only get the
 * score ≤ weight check.
 */
function scoringWarnings(document: PlanDocument): CheckWarning[] {
  const indicators = indicatorRows(document.indicators, 'indicators');
  const sections = sectionRows(document.evaluation);
  const wholeSheet = rowsAreWholeSheet(indicators, sections);
  return [
    ...sections.flatMap((section) => sectionEquations(indicators, section)).map(checkEquation),
    checkFullMarks('SECTIONS_TOTAL_100', 'evaluation.sections', '各部分分值 ', pointTerms(sections, 'weight', true)),
    wholeSheet ? checkFullMarks('INDICATOR_WEIGHTS_TOTAL_100', 'indicators', '各指标分值 ', pointTerms(indicators, 'weight', false)) : null,
    wholeSheet ? checkTotalScore(document, 'TOTAL_SCORE_SUM', '各指标得分 ', pointTerms(indicators, 'score', false)) : null,
    checkTotalScore(document, 'TOTAL_SCORE_SECTIONS_SUM', '各部分得分 ', pointTerms(sections, 'score', true)),
    ...[...indicators, ...sections, ...lineItemIndicatorRows(document)].map(checkScoreWithinWeight),
    checkGradeBand(document.evaluation),
  ].filter((warning): warning is CheckWarning => warning !== null);
}

function sectionEquations(indicators: ScoredRow[], section: ScoredRow): Equation[] {
  const rows = rowsOfSection(indicators, section);
  if (rows.length === 0) return [];
  return (['weight', 'score'] as const).flatMap((points) => {
    const stated = section[points];
    const parts = pointTerms(rows, points, false);
    if (stated === null || parts === null) return [];
    return [
      pointsEquation({
        code: points === 'weight' ? 'SECTION_WEIGHT_SUM' : 'SECTION_SCORE_SUM',
        path: `${section.path}.${points}`,
        heading: section.name,
        statedLabel: POINTS_LABELS[points],
        stated,
        partsLabel: `各指标${POINTS_LABELS[points]} `,
        parts,
      }),
    ];
  });
}

/** A 100-point sheet: the stated weights must add up to full marks. */
function checkFullMarks(code: CheckCode, path: string, partsLabel: string, parts: Term[] | null): CheckWarning | null {
  if (parts === null || parts.length === 0) return null;
  const total = equationValue(parts);
  if (total === FULL_MARKS) return null;
  const difference = total - FULL_MARKS;
  return {
    code,
    path,
    stage: null,
    expected: formatDecimal(FULL_MARKS),
    found: formatDecimal(total),
    difference: formatDecimal(difference),
    message:
      `自评：${partsLabel}${formatFormula(parts)} = ${formatDecimal(total)} 分，` +
      `但满分应为 ${formatDecimal(FULL_MARKS)} 分（相差 ${formatDecimal(abs(difference))} 分）`,
  };
}

function checkTotalScore(document: PlanDocument, code: CheckCode, partsLabel: string, parts: Term[] | null): CheckWarning | null {
  const stated = readPoints(document.evaluation?.totalScore);
  if (stated === null || parts === null || parts.length === 0) return null;
  return checkEquation(
    pointsEquation({ code, path: 'evaluation.totalScore', heading: '自评', statedLabel: '综合得分', stated, partsLabel, parts }),
  );
}

function pointsEquation(
  fields: Pick<Equation, 'code' | 'path' | 'heading' | 'statedLabel' | 'stated' | 'partsLabel' | 'parts'>,
): Equation {
  return { ...fields, stage: null, unit: '分', partial: false };
}

function checkScoreWithinWeight(row: ScoredRow): CheckWarning | null {
  if (row.weight === null || row.score === null || row.score <= row.weight) return null;
  const excess = row.score - row.weight;
  return {
    code: 'SCORE_EXCEEDS_WEIGHT',
    path: `${row.path}.score`,
    stage: null,
    expected: formatDecimal(row.weight),
    found: formatDecimal(row.score),
    difference: formatDecimal(excess),
    message: `${row.name}：得分 ${formatDecimal(row.score)} 分，超过分值 ${formatDecimal(row.weight)} 分（超出 ${formatDecimal(excess)} 分）`,
  };
}

function checkGradeBand(evaluation: EvaluationDocument | null | undefined): CheckWarning | null {
  const total = readPoints(evaluation?.totalScore);
  const statedText = evaluation?.grade?.trim() ?? '';
  const stated = statedText ? readStatedGrade(statedText) : null;
  if (total === null || stated === null) return null;
  const band = gradeForScore(total);
  if (band === stated) return null;
  const expected = EVALUATION_GRADE_LABELS[band];
  return {
    code: 'GRADE_BAND',
    path: 'evaluation.grade',
    stage: null,
    expected,
    found: statedText,
    difference: null,
    message:
      `自评：评价等次 ${statedText}，但综合得分 ${formatDecimal(total)} 分应为「${expected}」` +
      '（≥ 90 优 · ≥ 80 良 · ≥ 60 中 · < 60 差）',
  };
}

// ─── Helpers ────────────────────────────────────────────────────────────────────────────────────

function abs(value: Micros): Micros {
  return value < 0n ? -value : value;
}

function keys<T extends object>(record: T): (keyof T)[] {
  return Object.keys(record) as (keyof T)[];
}
