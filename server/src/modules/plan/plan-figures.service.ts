import type { EntityManager } from '@mikro-orm/sqlite';
import { formatDecimal, microsOrNull, type Micros } from '../../domain/decimal.js';
import type { Gap as DomainGap, GapStatus } from '../../domain/gap.js';
import { canonicalLevels, type Level1 } from '../../domain/indicator-hierarchy.js';
import { rollupLineItem, rollupPlan, type IndicatorRow, type LineItemNode, type LineItemRollup, type PlanRollup } from '../../domain/rollup.js';
import { DEFAULT_SECTION_WEIGHTS, type SectionWeights } from '../../domain/scoring.js';
import { sectionWeightsForRows } from '../../domain/sections.js';
import type { StatedEvaluation } from '../../domain/evaluation-total.js';
import { batchLoad, hasMemo, memoised, settledMemo } from '../../graphql/context.js';
import type { Evaluation } from '../evaluation/evaluation.entity.js';
import { rollupView, type Rollup } from '../evaluation/rollup.type.js';
import { gapScores, gapView, type Gap } from '../indicator/gap.type.js';
import { budgetFigures, indicatorGap, readIndicator, structuredTarget, type BudgetFigures, type IndicatorReading } from '../indicator/indicator-reading.js';
import { indicatorValue, type IndicatorValue } from '../indicator/indicator-value.type.js';
import type { Indicator } from '../indicator/indicator.entity.js';
import type { LineItem } from '../line-item/line-item.entity.js';
import type { CheckWarning } from './check-warning.type.js';
import { amountChecks, checkedPlan, documentOrder, documentPaths, planShapeOf, scoringChecks, targetWarning } from './plan-checks.js';
import { evaluationChecks } from '../evaluation/evaluation-findings.service.js';
import { executionProfileOf } from '../evaluation/execution-scoring.service.js';
import { planContentOf, READ_SLICE_ROWS, type PlanContent } from './plan-content.js';
import { BudgetCategory } from './plan-enums.js';
import type { Plan } from './plan.entity.js';
import type { RowPaths } from '../../domain/checks/document.js';
import type { ParsedValue } from '../../domain/indicator-value/types.js';
import { structuredTargetContradiction } from '../../domain/indicator-value/contradiction.js';
import { checkFlagsOf, type IndicatorFiguresView, type StoredChecks, type StoredGap, type StoredIndicatorFigures, type StoredValue } from './plan-figures.types.js';

/**
 * Every figure the server resolves about a plan — each indicator's reading and gap, the roll-ups of
 * the plan and of each line item, the 勾稽关系 checks — and the one place they are computed. What
 * analysts query is stored with the data (plan-figures.store.ts writes it in the transaction of each
 * change: the indicators' status, completion, scores and target reading, the roll-up totals, the warning
 * codes and counts); what the API shows besides (texts, explanations, messages) is computed when read
 * (issue 12: stored, it was most of the database): an indicator's views from its texts (each distinct
 * reading computed once, indicator-reading.ts and figuresCore below), the roll-ups from the rows' stored
 * columns, the checks from the plan's content.
 */
export interface PlanFigures {
  /** Each indicator's figures, by id. */
  indicators: Map<number, IndicatorFigures>;
  plan: RollupFigures;
  lineItems: Map<number, RollupFigures>;
  checks: StoredChecks;
}

/** The version of the figure code: raise it when a change alters stored figures, and every plan is recomputed at start. */
export const FIGURES_VERSION = 4;

// ---------------------------------------------------------------------------------------------------
// Section weights

/**
 * The section weights that score a plan: its own when set; else those its self-evaluation states
 * (fixture 004 states 10/50/30/10 per section); else the defaults 10/50/30/10.
 */
export function sectionWeightsOf(plan: Pick<Plan, 'sectionWeights'>, evaluation: Evaluation | null): SectionWeights {
  const stated = evaluation?.sections.isInitialized() ? evaluation.sections.getItems() : [];
  return sectionWeightsFrom(plan.sectionWeights, stated);
}

export function sectionWeightsFrom(own: Record<string, string> | null, stated: readonly { name: string | null; weight: string | null }[]): SectionWeights {
  if (own) {
    return Object.fromEntries(Object.entries(own).map(([level1, weight]) => [level1, microsOrNull(weight) ?? 0n])) as SectionWeights;
  }
  const weights: SectionWeights = {};
  for (const section of stated) {
    const level1 = section.name ? canonicalLevels(section.name, null).level1 : 'UNKNOWN';
    const weight = microsOrNull(section.weight);
    if (level1 === 'UNKNOWN' || weight === null) return { ...DEFAULT_SECTION_WEIGHTS };
    weights[level1] = weight;
  }
  return Object.keys(weights).length ? weights : { ...DEFAULT_SECTION_WEIGHTS };
}

// ---------------------------------------------------------------------------------------------------
// One indicator

/** The stored columns of an indicator (property names); the import inserts them with the rows (plan-document.service.ts). */
export interface IndicatorColumns {
  readingKind: string | null;
  readingComparator: string | null;
  readingValue: string | null;
  readingUnit: string | null;
  readingConfidence: string | null;
  gapStatus: GapStatus;
  completion: string | null;
  suggestedScore: string | null;
  effectiveScore: string | null;
  scoreLost: string | null;
  /** The row's own warnings (plan-figures.types.ts INDICATOR_CHECK_CODES); null when none. */
  checkFlags: number | null;
}

export interface IndicatorFigures {
  columns: IndicatorColumns;
  reading: IndicatorReading;
  gap: DomainGap;
  /** What the API shows of the readings and gap, compact (renderFigures). */
  stored: StoredIndicatorFigures;
}

/** How the API shows the target: the planner's structured target when set, else the reading of the text. */
export function targetView(indicator: Pick<Indicator, 'targetText'>, { target, structured }: IndicatorReading): IndicatorValue | null {
  if (structured) {
    return indicatorValue(
      {
        raw: indicator.targetText ?? '',
        kind: 'QUANTITY',
        quantity: structured,
        boolean: null,
        grade: null,
        hints: [],
        confidence: 'HIGH',
        explanation: '编报人员明确设定的结构化目标，优先于原文识别',
      },
      true,
    );
  }
  return target && valueView(target);
}

/** The view of a reading, built once per reading (readings of repeated texts are shared: indicator-reading.ts). */
const VIEWS = new WeakMap<ParsedValue, IndicatorValue>();
function valueView(parsed: ParsedValue): IndicatorValue {
  let view = VIEWS.get(parsed);
  if (!view) VIEWS.set(parsed, (view = indicatorValue(parsed)));
  return view;
}

/** What an indicator's reading and gap depend on, beside its 得分 and reasons: shared by rows that read alike. */
interface FiguresCore {
  reading: IndicatorReading;
  gap: DomainGap;
  stored: StoredIndicatorFigures;
  columns: Omit<IndicatorColumns, 'effectiveScore' | 'scoreLost' | 'checkFlags'>;
}

/**
 * Figures already computed, by what they depend on (the texts and their context, 分值, the structured
 * target; for a 预算执行率 row also the plan's amounts and scoring profile): a province repeats the same
 * rows thousands of times, and a read renders each row's views from here. Bounded: emptied when full. A
 * core is shared by every row with that key: never change one.
 */
const CORES = new Map<string, FiguresCore>();
const CORES_MAX = 20_000;

function coreKey(indicator: Indicator, budget: BudgetFigures, plan: Pick<Plan, 'executionScoring'>): string {
  const own = [
    indicator.level1,
    indicator.level2 ?? '',
    indicator.name ?? '',
    indicator.targetText ?? '\u0001',
    indicator.actualText ?? '\u0001',
    indicator.weight ?? '',
    indicator.targetComparator ?? '',
    indicator.targetValue ?? '',
    indicator.targetUpper ?? '',
    indicator.targetUnit ?? '\u0001',
    indicator.targetDirection ?? '',
  ].join('\u0000');
  if (indicator.level1 !== 'BUDGET_EXECUTION') return own;
  return `${own}\u0000${budget.fullYear ?? ''}\u0000${budget.actual ?? ''}\u0000${JSON.stringify(plan.executionScoring ?? null)}`;
}

/** The inputs of a row's core as last computed (its target, actual and gap fields each ask). */
const ROW_CORES = new WeakMap<Indicator, { inputs: unknown[]; core: FiguresCore }>();

function coreInputs(indicator: Indicator, budget: BudgetFigures, plan: Pick<Plan, 'executionScoring'>): unknown[] {
  return [
    indicator.level1,
    indicator.level2,
    indicator.name,
    indicator.targetText,
    indicator.actualText,
    indicator.weight,
    indicator.targetComparator,
    indicator.targetValue,
    indicator.targetUpper,
    indicator.targetUnit,
    indicator.targetDirection,
    budget.fullYear,
    budget.actual,
    plan.executionScoring,
  ];
}

function figuresCore(indicator: Indicator, budget: BudgetFigures, plan: Pick<Plan, 'executionScoring'>): FiguresCore {
  const inputs = coreInputs(indicator, budget, plan);
  const last = ROW_CORES.get(indicator);
  if (last && last.inputs.every((value, index) => value === inputs[index])) return last.core;
  const core = sharedCore(indicator, budget, plan);
  ROW_CORES.set(indicator, { inputs, core });
  return core;
}

function sharedCore(indicator: Indicator, budget: BudgetFigures, plan: Pick<Plan, 'executionScoring'>): FiguresCore {
  const key = coreKey(indicator, budget, plan);
  let core = CORES.get(key);
  if (core === undefined) {
    if (CORES.size >= CORES_MAX) CORES.clear();
    core = computeCore(indicator, budget, plan);
    CORES.set(key, core);
  }
  return core;
}

function computeCore(indicator: Indicator, budget: BudgetFigures, plan: Pick<Plan, 'executionScoring'>): FiguresCore {
  const reading = readIndicator(indicator);
  const gap = indicatorGap(indicator, reading, budget, executionProfileOf(plan));
  const target = targetView(indicator, reading);
  const view: Gap = gapView(gap, null, microsOrNull(indicator.weight ?? null));
  const actual = reading.actual && valueView(reading.actual);
  const stored: StoredIndicatorFigures = { g: storedGap(view) };
  if (target && !reading.structured) stored.t = storedValue(target, indicator.targetText);
  if (actual) stored.a = storedValue(actual, indicator.actualText);
  return {
    reading,
    gap,
    stored,
    columns: {
      readingKind: target?.kind ?? null,
      readingComparator: target?.comparator ?? null,
      readingValue: target?.value ?? null,
      readingUnit: target?.unit ?? null,
      readingConfidence: target?.confidence ?? null,
      gapStatus: gap.status,
      completion: view.completion,
      suggestedScore: view.suggestedScore,
    },
  };
}

/** Reads one indicator and resolves its gap (the plan's 全年预算数/执行数 and profile score a 预算执行率 row). */
export function indicatorFigures(indicator: Indicator, budget: BudgetFigures, plan: Pick<Plan, 'executionScoring'>): IndicatorFigures {
  const core = figuresCore(indicator, budget, plan);
  const scores = gapScores(core.gap.suggestedScore, microsOrNull(indicator.score ?? null), microsOrNull(indicator.weight ?? null));
  return {
    reading: core.reading,
    gap: core.gap,
    stored: core.stored,
    columns: { ...core.columns, effectiveScore: scores.effectiveScore, scoreLost: scores.scoreLost, checkFlags: checkFlagsOf(ownCodes(indicator, core)) },
  };
}

/** Paths are not needed for the codes. */
const NO_PATHS: RowPaths = { budgetLine: () => '', lineItem: () => '', indicator: () => '', section: () => '' };

/** The codes of an indicator's own warnings, in the order Plan.checks lists them (target, then findings). */
function ownCodes(indicator: Indicator, figures: Pick<IndicatorFigures, 'reading' | 'gap'>): string[] {
  const codes: string[] = [];
  if (figures.reading.structured && structuredTargetContradiction(figures.reading.structured, figures.reading.target)) codes.push('STRUCTURED_TARGET_CONTRADICTS_TEXT');
  for (const finding of evaluationChecks([], [indicator], new Map([[indicator.id, figures.gap]]), NO_PATHS.indicator)) codes.push(finding.code);
  return codes;
}

/** An indicator's own warnings: its structured target against its text, and the 自评 findings of its row. */
export function indicatorWarnings(indicator: Indicator, { reading, gap }: Pick<IndicatorFigures, 'reading' | 'gap'>, paths: RowPaths): { target: CheckWarning | null; findings: CheckWarning[] } {
  const row = { id: indicator.id, name: indicator.name, level1: indicator.level1, lineItemId: indicator.lineItem?.id ?? null };
  return {
    target: targetWarning(row, reading, paths),
    findings: evaluationChecks([], [indicator], new Map([[indicator.id, gap]]), paths.indicator),
  };
}

// ---------------------------------------------------------------------------------------------------
// Roll-ups, from what is stored of each indicator

/** What a roll-up needs of an indicator: its stored status and suggestion, its 分值 and 得分. */
export interface RollupRow {
  id: number;
  lineItemId: number | null;
  level1: Level1;
  weight: Micros | null;
  score: Micros | null;
  scoreUnconfirmed: boolean;
  status: GapStatus;
  suggestedScore: Micros | null;
  readingKind: string | null;
}

export interface RollupTreeItem {
  id: number;
  parentId: number | null;
  amounts: BudgetFigures;
}

export interface RollupFigures {
  rollup: Rollup;
  columns: RollupColumns;
}

/** The stored roll-up columns (property names) of a plan or line item. */
export interface RollupColumns {
  rollupCount: number;
  rollupScoredCount: number;
  rollupPendingCount: number;
  rollupWeightTotal: string;
  rollupScoreTotal: string;
  rollupComputedTotal: string | null;
  rollupGrade: string | null;
  rollupGradeProvisional: boolean;
  rollupExecutionRate: string | null;
  rollupMetCount: number;
  rollupPartialCount: number;
  rollupNotMetCount: number;
  rollupTextTargetCount: number;
}

export interface RollupInput {
  rows: readonly RollupRow[];
  /** Only these line items' roll-ups (a single-indicator write's chain); default all. */
  only?: ReadonlySet<number>;
  /** Line items, each list by position. */
  childrenByParent: ReadonlyMap<number | null, readonly RollupTreeItem[]>;
  budget: BudgetFigures;
  sectionWeights: SectionWeights;
  stated?: StatedEvaluation;
}

function rollupColumns(totals: LineItemRollup | PlanRollup, textTargets: number): RollupFigures {
  const rollup = rollupView(totals);
  return {
    rollup,
    columns: {
      rollupCount: totals.count,
      rollupScoredCount: totals.scoredCount,
      rollupPendingCount: totals.total.pendingCount,
      rollupWeightTotal: rollup.weightTotal,
      rollupScoreTotal: rollup.scoreTotal,
      rollupComputedTotal: rollup.computedTotal,
      rollupGrade: totals.grade,
      rollupGradeProvisional: totals.total.provisional,
      rollupExecutionRate: rollup.executionRate,
      rollupMetCount: totals.countsByStatus.MET,
      rollupPartialCount: totals.countsByStatus.PARTIAL,
      rollupNotMetCount: totals.countsByStatus.NOT_MET,
      rollupTextTargetCount: textTargets,
    },
  };
}

/** The plan's and every line item's roll-up (domain/rollup.ts), from the rows' stored gaps. */
export function rollupsOf({ rows, only, childrenByParent, budget, sectionWeights, stated }: RollupInput): { plan: RollupFigures; lineItems: Map<number, RollupFigures>; planRollup: PlanRollup } {
  const rowsByLineItem = new Map<number | null, RollupRow[]>();
  for (const row of rows) {
    const list = rowsByLineItem.get(row.lineItemId);
    if (list) list.push(row);
    else rowsByLineItem.set(row.lineItemId, [row]);
  }
  const indicatorRow = (row: RollupRow): IndicatorRow => ({
    level1: row.level1,
    weight: row.weight,
    gap: { status: row.status, suggestedScore: row.suggestedScore, difference: null, completion: null, scoringMethod: null, explanation: '', warnings: [] },
    evaluatorScore: row.score,
    scoreUnconfirmed: row.scoreUnconfirmed,
  });
  const textTargets = new Map<number | null, number>();
  const nodeOf = (item: RollupTreeItem): LineItemNode => {
    const children = (childrenByParent.get(item.id) ?? []).map(nodeOf);
    const own = rowsByLineItem.get(item.id) ?? [];
    const texts = own.filter((row) => row.readingKind === 'TEXT').length + children.reduce((sum, child) => sum + textTargets.get(Number(child.id))!, 0);
    textTargets.set(item.id, texts);
    return { id: String(item.id), indicators: own.map(indicatorRow), children, amounts: item.amounts };
  };
  const planRows = rowsByLineItem.get(null) ?? [];
  const planRollup = rollupPlan({
    indicators: planRows.map(indicatorRow),
    lineItems: only ? [] : (childrenByParent.get(null) ?? []).map(nodeOf),
    budget,
    sectionWeights,
    stated,
  });
  const lineItems = new Map<number, RollupFigures>();
  const collect = (rollup: LineItemRollup): void => {
    const id = Number(rollup.id);
    lineItems.set(id, rollupColumns(rollup, textTargets.get(id)!));
    rollup.children.forEach(collect);
  };
  if (only) {
    // The chain's roll-ups, each over its own subtree, scored on the weights the plan's roll-up uses.
    const weights = sectionWeightsForRows(sectionWeights, planRows.map((row) => row.level1));
    const items = new Map([...childrenByParent.values()].flat().map((item) => [item.id, item]));
    for (const id of only) {
      const rollup = rollupLineItem(nodeOf(items.get(id)!), weights);
      lineItems.set(id, rollupColumns(rollup, textTargets.get(id)!));
    }
  } else planRollup.lineItems.forEach(collect);
  return { plan: rollupColumns(planRollup, planRows.filter((row) => row.readingKind === 'TEXT').length), lineItems, planRollup };
}

// ---------------------------------------------------------------------------------------------------
// The whole plan

export function statedOf(evaluation: Pick<Evaluation, 'totalScore' | 'grade'> | null): StatedEvaluation | undefined {
  return evaluation ? { totalScore: microsOrNull(evaluation.totalScore), grade: evaluation.grade } : undefined;
}

/** Sorts warnings by their indicator's place in the document (each indicator's own in their order). */
export function inDocumentOrder(warnings: CheckWarning[], order: readonly number[]): CheckWarning[] {
  const rank = new Map(order.map((id, index) => [String(id), index]));
  return warnings
    .map((warning, index) => ({ warning, index }))
    .sort((a, b) => (rank.get(a.warning.indicatorId!) ?? -1) - (rank.get(b.warning.indicatorId!) ?? -1) || a.index - b.index)
    .map(({ warning }) => warning);
}

/**
 * Every figure of a plan from its content. `known`: indicators' figures already computed from the same
 * rows (an import computes them before its rows are written); the others are read here.
 */
export function computeFigures(content: PlanContent, known?: ReadonlyMap<number, IndicatorFigures>): PlanFigures {
  const { plan, indicators, budgetLines, evaluation, childrenByParent } = content;
  const budget = totalBudgetFigures(budgetLines);
  const shape = planShapeOf(content);
  const order = documentOrder(shape);
  const byId = new Map(indicators.map((indicator) => [indicator.id, indicator]));
  const figures = new Map<number, IndicatorFigures>();
  for (const id of order) figures.set(id, known?.get(id) ?? indicatorFigures(byId.get(id)!, budget, plan));
  const rows: RollupRow[] = order.map((id) => rollupRowOf(byId.get(id)!, figures.get(id)!.columns));
  const items = new Map<number | null, RollupTreeItem[]>(
    [...childrenByParent].map(([parentId, children]) => [parentId, children.map((item: LineItem) => ({ id: item.id, parentId, amounts: budgetFigures(item.amounts, item.kind === 'MIDYEAR') }))]),
  );
  const rollups = rollupsOf({ rows, childrenByParent: items, budget, sectionWeights: sectionWeightsOf(plan, evaluation), stated: statedOf(evaluation) });
  return { indicators: figures, plan: rollups.plan, lineItems: rollups.lineItems, checks: planChecks(content, figures, rollups.planRollup) };
}

/** A plan's checks (StoredChecks) from its content, each indicator's figures and the plan's roll-up. */
export function planChecks(content: PlanContent, figures: ReadonlyMap<number, Pick<IndicatorFigures, 'reading' | 'gap'>>, planRollup: Pick<PlanRollup, 'statedFindings'>): StoredChecks {
  const shape = planShapeOf(content);
  const paths = documentPaths(shape);
  const byId = new Map(content.indicators.map((indicator) => [indicator.id, indicator]));
  const targets: CheckWarning[] = [];
  const ordered: Indicator[] = [];
  const gaps = new Map<number, DomainGap>();
  for (const id of documentOrder(shape)) {
    const indicator = byId.get(id)!;
    const own = figures.get(id)!;
    ordered.push(indicator);
    gaps.set(id, own.gap);
    // Only a structured target can contradict its text (targetWarning).
    if (own.reading.structured) {
      const target = targetWarning({ id, name: indicator.name, level1: indicator.level1, lineItemId: indicator.lineItem?.id ?? null }, own.reading, paths);
      if (target) targets.push(target);
    }
  }
  // Each row's findings in document order, as indicatorWarnings gives them row by row.
  const findings = evaluationChecks([], ordered, gaps, paths.indicator);
  const checked = checkedPlan(content);
  return {
    amounts: amountChecks(checked, paths),
    scoring: scoringChecks(checked, paths),
    targets,
    stated: evaluationChecks(planRollup.statedFindings, [], new Map(), paths.indicator),
    findings,
  };
}

export function rollupRowOf(indicator: Pick<Indicator, 'id' | 'lineItem' | 'level1' | 'weight' | 'score' | 'scoreUnconfirmed'>, columns: Pick<IndicatorColumns, 'gapStatus' | 'suggestedScore' | 'readingKind'>): RollupRow {
  return {
    id: indicator.id,
    lineItemId: indicator.lineItem?.id ?? null,
    level1: indicator.level1,
    weight: microsOrNull(indicator.weight),
    score: microsOrNull(indicator.score),
    scoreUnconfirmed: indicator.scoreUnconfirmed,
    status: columns.gapStatus,
    suggestedScore: microsOrNull(columns.suggestedScore),
    readingKind: columns.readingKind,
  };
}

/** Plan.checks: the parts in the order the API lists them. */
export function checkList(checks: StoredChecks): CheckWarning[] {
  return [...checks.amounts, ...checks.scoring, ...checks.targets, ...checks.stated, ...checks.findings];
}

// ---------------------------------------------------------------------------------------------------
// Reading

/** A plan's figures computed from its content, once per request (its checks; rows stored without figures). */
export function figuresOf(em: EntityManager, planId: number): Promise<PlanFigures> {
  return memoised(em, `plan-figures:${planId}`, async () => computeFigures(await planContentOf(em, planId)));
}

/** What a 预算执行率 row's gap reads of its plan: the 全年预算数/执行数 and the scoring profile. */
interface PlanBudget {
  budget: BudgetFigures;
  plan: Pick<Plan, 'executionScoring'>;
}
const NO_BUDGET: PlanBudget = { budget: { fullYear: null, actual: null }, plan: { executionScoring: null } };

/**
 * The plan's amounts a 预算执行率 row reads (no other row reads any): from the request's plan content when
 * loaded, else read for the request's plans together (one statement).
 */
function planBudgetOf(em: EntityManager, planId: number): PlanBudget | Promise<PlanBudget> {
  const content = settledMemo<PlanContent>(em, `plan-content:${planId}`);
  if (content) {
    return { budget: totalBudgetFigures(content.budgetLines), plan: content.plan };
  }
  return batchLoad(em, 'plan-budget', planId, async (ids) => {
    const rows = (await em
      .getConnection()
      .execute(
        `select p."id", p."execution_scoring", b."initial", b."adjustment", b."full_year", b."actual" from "plan" p left join "budget_line" b on b."plan_id" = p."id" and b."category" = ? where p."id" in (${ids.map(() => '?').join(', ')})`,
        [BudgetCategory.TOTAL, ...ids],
        'all',
        em.getTransactionContext(),
      )) as Record<string, unknown>[];
    return new Map(
      rows.map((row) => [
        Number(row.id),
        {
          budget: budgetFigures({ initial: decimalOf(row.initial), adjustment: decimalOf(row.adjustment), fullYear: decimalOf(row.full_year), actual: decimalOf(row.actual) }),
          plan: { executionScoring: (typeof row.execution_scoring === 'string' ? JSON.parse(row.execution_scoring) : (row.execution_scoring ?? null)) as Plan['executionScoring'] },
        },
      ]),
    );
  }).then((found) => found ?? NO_BUDGET);
}

/**
 * An indicator's figures as the API shows them, computed from its texts (no statement; a 预算执行率 row
 * outside a loaded plan content reads its plan's amounts): synchronously when it can be.
 */
export function indicatorViews(em: EntityManager, indicator: Indicator): IndicatorFiguresView | Promise<IndicatorFiguresView> {
  if (indicator.level1 !== 'BUDGET_EXECUTION') return renderedFigures(indicator, figuresCore(indicator, NO_BUDGET.budget, NO_BUDGET.plan).stored);
  const budget = planBudgetOf(em, indicator.plan.id);
  if (!(budget instanceof Promise)) return renderedFigures(indicator, figuresCore(indicator, budget.budget, budget.plan).stored);
  return budget.then((found) => renderedFigures(indicator, figuresCore(indicator, found.budget, found.plan).stored));
}

/** renderFigures once per row and figures (its target, actual and gap fields all ask). */
export function renderedFigures(indicator: Indicator, stored: StoredIndicatorFigures): IndicatorFiguresView {
  const rendered = RENDERED.get(indicator);
  if (rendered?.stored === stored && rendered.score === indicator.score && rendered.targetText === indicator.targetText && rendered.actualText === indicator.actualText) return rendered.view;
  const view = renderFigures(indicator, stored);
  RENDERED.set(indicator, { stored, score: indicator.score, targetText: indicator.targetText, actualText: indicator.actualText, view });
  return view;
}

/** Each row's figures rendered once (its target, actual and gap fields all ask): until they or its 得分 or texts change. */
const RENDERED = new WeakMap<Indicator, { stored: StoredIndicatorFigures; score: string | null; targetText: string | null; actualText: string | null; view: IndicatorFiguresView }>();

// ---------------------------------------------------------------------------------------------------
// The compact form (plan-figures.types.ts StoredIndicatorFigures) and its rendering

/** The fields of a reading in the API's order, with the value a stored reading leaves out. */
const VALUE_DEFAULTS: [keyof IndicatorValue, unknown][] = [
  ['raw', undefined],
  ['kind', undefined],
  ['comparator', null],
  ['value', null],
  ['upper', null],
  ['unit', null],
  ['approximate', false],
  ['direction', null],
  ['boolean', null],
  ['grade', null],
  ['display', undefined],
  ['confidence', undefined],
  ['explanation', undefined],
  ['hints', EMPTY],
  ['splitSuggested', false],
  ['gradeScale', null],
  ['qualifier', null],
  ['deadline', null],
  ['period', null],
  ['annualValue', null],
  ['basis', null],
  ['nameQuantity', null],
  ['explicit', false],
];
/** The gap's fields in the API's order; the score fields are rendered from the row (gapScores), null and no warnings are left out. */
const GAP_FIELDS: (keyof Gap)[] = ['status', 'difference', 'differenceUnit', 'favourable', 'completion', 'completionPercent', 'suggestedScore', 'scoringMethod', 'explanation', 'warnings'];
const SCORE_FIELDS = new Set<keyof Gap>(['evaluatorScore', 'effectiveScore', 'scoreLost', 'scoreSource']);
function EMPTY(): never[] {
  return [];
}

function isDefault(value: unknown, fallback: unknown): boolean {
  return fallback === EMPTY ? Array.isArray(value) && value.length === 0 : value === fallback;
}

/** A reading's stored form, built once per (shared) view of the same text. */
const STORED_VALUES = new WeakMap<IndicatorValue, StoredValue>();
function storedValue(view: IndicatorValue, text: string | null): StoredValue {
  const cached = view.raw === text ? STORED_VALUES.get(view) : undefined;
  if (cached) return cached;
  const stored: StoredValue = {};
  for (const [key, fallback] of VALUE_DEFAULTS) {
    if (key === 'raw') {
      if (view.raw !== text) stored.raw = view.raw;
    } else if (!isDefault(view[key], fallback)) (stored as Record<string, unknown>)[key] = view[key];
  }
  if (view.raw === text) STORED_VALUES.set(view, stored);
  return stored;
}

function renderValue(stored: StoredValue, text: string | null): IndicatorValue {
  const view: Record<string, unknown> = {};
  for (const [key, fallback] of VALUE_DEFAULTS) {
    view[key] = key === 'raw' ? (stored.raw ?? text ?? '') : key in stored ? stored[key] : fallback === EMPTY ? [] : fallback;
  }
  return view as unknown as IndicatorValue;
}

function storedGap(view: Gap): StoredGap {
  const stored: Record<string, unknown> = {};
  for (const key of GAP_FIELDS) if (!isDefault(view[key], key === 'warnings' ? EMPTY : null)) stored[key] = view[key];
  return stored as StoredGap;
}

function renderGap(stored: StoredGap, indicator: Pick<Indicator, 'score' | 'weight'>): Gap {
  const scores = gapScores(microsOrNull(stored.suggestedScore ?? null), microsOrNull(indicator.score), microsOrNull(indicator.weight));
  const view: Record<string, unknown> = {};
  for (const key of GAP_FIELDS) {
    view[key] = key in stored ? stored[key] : key === 'warnings' ? [] : null;
    if (key === 'suggestedScore') Object.assign(view, scores);
  }
  return view as unknown as Gap;
}

/** The API's target, actual and gap of a row from its stored figures and its own columns. */
export function renderFigures(indicator: Indicator, stored: StoredIndicatorFigures): IndicatorFiguresView {
  const structured = structuredTarget(indicator);
  return {
    target: structured ? targetView(indicator, { target: null, structured, actual: null }) : stored.t ? renderValue(stored.t, indicator.targetText) : null,
    actual: stored.a ? renderValue(stored.a, indicator.actualText) : null,
    gap: renderGap(stored.g, indicator),
  };
}

// ---------------------------------------------------------------------------------------------------
// Thin rows: what the roll-ups and the points checks read of a plan (no text), for a single-indicator
// write (plan-figures.store.ts) and the roll-ups a read shows

type Raw = Record<string, unknown>;

export interface ThinIndicator extends RollupRow {
  position: number;
  name: string;
  checkFlags: number | null;
}

export interface ThinLineItem extends RollupTreeItem {
  position: number;
  name: string;
  midyear: boolean;
}

export interface ThinSection {
  id: number;
  position: number;
  name: string | null;
  weight: string | null;
  score: string | null;
}

export interface ThinPlan {
  /** In document order. */
  rows: ThinIndicator[];
  items: ThinLineItem[];
  /** Each list by position. */
  childrenByParent: Map<number | null, ThinLineItem[]>;
  indicatorsByLineItem: Map<number | null, ThinIndicator[]>;
  budget: BudgetFigures;
  sections: ThinSection[];
  sectionWeights: SectionWeights;
  evaluation: { totalScore: string | null; grade: string | null } | null;
  stated: StatedEvaluation | undefined;
}

/** The thin reads of plans' rows, as plain SQL (`(?)` stands for the list of plan ids). */
export const THIN_ROWS = {
  indicators:
    'select "id", "plan_id", "line_item_id", "position", "name", "level1", "weight", "score", "score_unconfirmed", "gap_status", "suggested_score", "reading_kind", "check_flags" from "indicator" where "plan_id" in (?)',
  lineItems:
    'select "id", "plan_id", "parent_id", "position", "name", "kind", "amount_initial", "amount_adjustment", "amount_full_year", "amount_actual" from "line_item" where "plan_id" in (?)',
  evaluations:
    'select e."plan_id", e."total_score", e."grade", s."id" as "section_id", s."position", s."name", s."weight", s."score" from "evaluation" e left join "evaluation_section" s on s."evaluation_id" = e."id" where e."plan_id" in (?)',
};

/** The plan's 预算执行率 inputs: its TOTAL budget row's figures. */
function totalBudgetFigures(budgetLines: PlanContent['budgetLines']): BudgetFigures {
  return budgetFigures(budgetLines.find((line) => line.category === BudgetCategory.TOTAL)?.amounts ?? null);
}

export const microsOf = (value: unknown): Micros | null => (value === null || value === undefined ? null : BigInt(value as number | string));
export const decimalOf = (value: unknown): string | null => {
  const parsed = microsOf(value);
  return parsed === null ? null : formatDecimal(parsed);
};

function groupSorted<T extends { position: number; id: number }>(rows: T[], key: (row: T) => number | null): Map<number | null, T[]> {
  const groups = new Map<number | null, T[]>();
  for (const row of [...rows].sort((a, b) => a.position - b.position || a.id - b.id)) {
    const list = groups.get(key(row));
    if (list) list.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

/** A plan's thin rows as read (THIN_ROWS; the plan's row with its section_weights and TOTAL budget amounts). */
export function thinPlan(plan: Raw, indicatorRows: Raw[], lineItemRows: Raw[], evaluationRows: Raw[]): ThinPlan {
  const unsorted: ThinIndicator[] = indicatorRows.map((row) => ({
    id: Number(row.id),
    lineItemId: row.line_item_id == null ? null : Number(row.line_item_id),
    position: Number(row.position),
    name: String(row.name),
    level1: row.level1 as Level1,
    weight: microsOf(row.weight),
    score: microsOf(row.score),
    scoreUnconfirmed: Boolean(row.score_unconfirmed),
    status: row.gap_status as GapStatus,
    suggestedScore: microsOf(row.suggested_score),
    readingKind: (row.reading_kind as string | null) ?? null,
    checkFlags: row.check_flags == null ? null : Number(row.check_flags),
  }));
  const items: ThinLineItem[] = lineItemRows.map((row) => ({
    id: Number(row.id),
    parentId: row.parent_id == null ? null : Number(row.parent_id),
    position: Number(row.position),
    name: String(row.name),
    midyear: row.kind === 'MIDYEAR',
    amounts: budgetFigures(
      { initial: decimalOf(row.amount_initial), adjustment: decimalOf(row.amount_adjustment), fullYear: decimalOf(row.amount_full_year), actual: decimalOf(row.amount_actual) },
      row.kind === 'MIDYEAR',
    ),
  }));
  const childrenByParent = groupSorted(items, (item) => item.parentId);
  const indicatorsByLineItem = groupSorted(unsorted, (row) => row.lineItemId);
  const byId = new Map(unsorted.map((row) => [row.id, row]));
  const rows = documentOrder({ childrenByParent, indicatorsByLineItem }).map((id) => byId.get(id)!);
  const head = evaluationRows[0] ?? null;
  const sections = evaluationRows
    .filter((row) => row.section_id != null)
    .map((row) => ({ id: Number(row.section_id), position: Number(row.position), name: (row.name as string | null) ?? null, weight: decimalOf(row.weight), score: decimalOf(row.score) }))
    .sort((a, b) => a.position - b.position || a.id - b.id);
  const evaluation = head && { totalScore: decimalOf(head.total_score), grade: (head.grade as string | null) ?? null };
  const ownWeights = (typeof plan.section_weights === 'string' ? JSON.parse(plan.section_weights) : (plan.section_weights ?? null)) as Plan['sectionWeights'];
  return {
    rows,
    items,
    childrenByParent,
    indicatorsByLineItem,
    budget: budgetFigures({ initial: decimalOf(plan.initial), adjustment: decimalOf(plan.adjustment), fullYear: decimalOf(plan.full_year), actual: decimalOf(plan.actual) }),
    sections,
    sectionWeights: sectionWeightsFrom(ownWeights, sections),
    evaluation,
    stated: statedOf(evaluation),
  };
}

/** A plan's and its line items' roll-ups, from the rows' stored columns. */
interface PlanRollups {
  plan: Rollup;
  lineItems: Map<number, Rollup>;
  /** The stated 综合得分/等次 against the computed ones (for the checks). */
  statedFindings: PlanRollup['statedFindings'];
}

/**
 * The roll-ups of a plan, once per request: from the rows' stored status, suggestion, 分值 and 得分 (no
 * text is read): from the request's plan content when it reads it, else from thin rows read for the request's
 * plans together (four statements however many plans). A plan with a row stored without figures (written
 * straight into the database) is computed from its texts.
 */
function planRollups(em: EntityManager, planId: number): Promise<PlanRollups> {
  return memoised(em, `plan-rollups:${planId}`, async () => {
    // The request's plan content when it reads it (a whole-plan read), else thin rows.
    const content = hasMemo(em, `plan-content:${planId}`) ? await planContentOf(em, planId) : undefined;
    const input = content ? rollupInputOfContent(content) : await batchLoad(em, 'plan-rollup-rows', planId, (ids) => rollupInputs(em, ids));
    if (!input || input.rows.some((row) => row.status == null)) {
      const content = await planContentOf(em, planId);
      const figures = computeFigures(content);
      const byId = new Map(content.indicators.map((row) => [row.id, row]));
      const rows = [...figures.indicators].map(([id, own]) => rollupRowOf(byId.get(id)!, own.columns));
      const planRollup = rollupsOf({ ...rollupInputOfContent(content), rows, budget: totalBudgetFigures(content.budgetLines) }).planRollup;
      return { plan: figures.plan.rollup, lineItems: new Map([...figures.lineItems].map(([id, item]) => [id, item.rollup])), statedFindings: planRollup.statedFindings };
    }
    const rollups = rollupsOf(input);
    return { plan: rollups.plan.rollup, lineItems: new Map([...rollups.lineItems].map(([id, item]) => [id, item.rollup])), statedFindings: rollups.planRollup.statedFindings };
  });
}

function rollupInputOfContent({ plan, indicators, budgetLines, evaluation, childrenByParent }: PlanContent): RollupInput {
  const shape = { childrenByParent, indicatorsByLineItem: new Map<number | null, Indicator[]>() };
  for (const indicator of indicators) {
    const key = indicator.lineItem?.id ?? null;
    const list = shape.indicatorsByLineItem.get(key);
    if (list) list.push(indicator);
    else shape.indicatorsByLineItem.set(key, [indicator]);
  }
  const byId = new Map(indicators.map((indicator) => [indicator.id, indicator]));
  return {
    rows: documentOrder(shape).map((id) => {
      const indicator = byId.get(id)!;
      return rollupRowOf(indicator, { gapStatus: indicator.gapStatus as GapStatus, suggestedScore: indicator.suggestedScore ?? null, readingKind: indicator.readingKind ?? null });
    }),
    childrenByParent: new Map(
      [...childrenByParent].map(([parentId, children]) => [parentId, children.map((item: LineItem) => ({ id: item.id, parentId, amounts: budgetFigures(item.amounts, item.kind === 'MIDYEAR') }))]),
    ),
    budget: totalBudgetFigures(budgetLines),
    sectionWeights: sectionWeightsOf(plan, evaluation),
    stated: statedOf(evaluation),
  };
}

/** Thin rows of several plans, as the roll-ups read them (plan-figures.store.ts reads one plan's the same way). */
async function rollupInputs(em: EntityManager, ids: number[]): Promise<Map<number, RollupInput>> {
  const run = (text: string) => em.getConnection().execute(text.replace('(?)', `(${ids.map(() => '?').join(', ')})`), ids, 'all', em.getTransactionContext()) as Promise<Record<string, unknown>[]>;
  const [plans, indicators, lineItems, evaluations] = await Promise.all([
    em.getConnection().execute(
      `select p."id", p."section_weights", b."initial", b."adjustment", b."full_year", b."actual" from "plan" p left join "budget_line" b on b."plan_id" = p."id" and b."category" = ? where p."id" in (${ids.map(() => '?').join(', ')})`,
      [BudgetCategory.TOTAL, ...ids],
      'all',
      em.getTransactionContext(),
    ) as Promise<Record<string, unknown>[]>,
    run(THIN_ROWS.indicators),
    run(THIN_ROWS.lineItems),
    run(THIN_ROWS.evaluations),
  ]);
  const byPlan = <T>(rows: Record<string, unknown>[]): Map<number, Record<string, unknown>[]> => {
    const groups = new Map<number, Record<string, unknown>[]>();
    for (const row of rows) {
      const list = groups.get(Number(row.plan_id));
      if (list) list.push(row);
      else groups.set(Number(row.plan_id), [row]);
    }
    return groups;
  };
  const [indicatorsOf, lineItemsOf, evaluationsOf] = [byPlan(indicators), byPlan(lineItems), byPlan(evaluations)];
  return new Map(
    plans.map((plan) => {
      const id = Number(plan.id);
      const thin = thinPlan(plan, indicatorsOf.get(id) ?? [], lineItemsOf.get(id) ?? [], evaluationsOf.get(id) ?? []);
      return [id, { rows: thin.rows, childrenByParent: thin.childrenByParent, budget: thin.budget, sectionWeights: thin.sectionWeights, stated: thin.stated }];
    }),
  );
}

export async function storedPlanRollup(em: EntityManager, plan: Plan): Promise<Rollup> {
  return (await planRollups(em, plan.id)).plan;
}

export async function storedLineItemRollup(em: EntityManager, item: LineItem): Promise<Rollup> {
  return (await planRollups(em, item.plan.id)).lineItems.get(item.id)!;
}

/**
 * A plan's checks, computed from its content once per request: each row's reading and gap as its views
 * use them (figuresCore), the stated total against the roll-up the request shows.
 */
export function storedPlanChecks(em: EntityManager, plan: Plan): Promise<CheckWarning[]> {
  return memoised(em, `plan-checks:${plan.id}`, async () => {
    const content = await planContentOf(em, plan.id);
    const rollups = await planRollups(em, plan.id);
    const budget = totalBudgetFigures(content.budgetLines);
    const cores = new Map<number, FiguresCore>();
    // A slice of rows per turn of the event loop (plan-content.ts READ_SLICE_ROWS): a row not read before is parsed here.
    for (const [index, indicator] of content.indicators.entries()) {
      if (index > 0 && index % READ_SLICE_ROWS === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      cores.set(indicator.id, figuresCore(indicator, budget, content.plan));
    }
    return checkList(planChecks(content, cores, rollups));
  });
}
