import type { EntityManager } from '@mikro-orm/sqlite';
import { microsOrNull, type Micros } from '../../domain/decimal.js';
import type { Gap as DomainGap, GapStatus } from '../../domain/gap.js';
import { canonicalLevels, type Level1 } from '../../domain/indicator-hierarchy.js';
import { rollupLineItem, rollupPlan, type IndicatorRow, type LineItemNode, type LineItemRollup, type PlanRollup } from '../../domain/rollup.js';
import { DEFAULT_SECTION_WEIGHTS, type SectionWeights } from '../../domain/scoring.js';
import { sectionWeightsForRows } from '../../domain/sections.js';
import type { StatedEvaluation } from '../../domain/evaluation-total.js';
import { batchLoad, memoised } from '../../graphql/context.js';
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
import { planContentOf, type PlanContent } from './plan-content.js';
import { BudgetCategory } from './plan-enums.js';
import type { Plan } from './plan.entity.js';
import type { RowPaths } from '../../domain/checks/document.js';
import type { ParsedValue } from '../../domain/indicator-value/types.js';
import type { IndicatorFiguresView, StoredChecks, StoredGap, StoredIndicatorFigures, StoredValue } from './plan-figures.types.js';

/**
 * Every figure the server resolves about a plan — each indicator's reading and gap, the roll-ups of
 * the plan and of each line item, the 勾稽关系 checks — and the one place they are computed. They are
 * stored with the data (plan-figures.store.ts writes them in the transaction of each change) and read
 * back from there: the read functions at the end of this file never re-parse a text.
 */
export interface PlanFigures {
  /** Each indicator's figures as stored, by id. */
  indicators: Map<number, IndicatorFigures>;
  plan: RollupFigures;
  lineItems: Map<number, RollupFigures>;
  checks: StoredChecks;
}

/** The version of the figure code: raise it when a change alters stored figures, and every plan is recomputed at start. */
export const FIGURES_VERSION = 2;

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

/** The stored columns of an indicator (property names), beside its `figures`. */
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
  figures: StoredIndicatorFigures;
}

export interface IndicatorFigures {
  columns: IndicatorColumns;
  reading: IndicatorReading;
  gap: DomainGap;
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

/** Reads one indicator and resolves its gap (the plan's 全年预算数/执行数 and profile score a 预算执行率 row). */
export function indicatorFigures(indicator: Indicator, budget: BudgetFigures, plan: Pick<Plan, 'executionScoring'>): IndicatorFigures {
  const reading = readIndicator(indicator);
  const gap = indicatorGap(indicator, reading, budget, executionProfileOf(plan));
  const target = targetView(indicator, reading);
  const view: Gap = gapView(gap, microsOrNull(indicator.score), microsOrNull(indicator.weight));
  const actual = reading.actual && valueView(reading.actual);
  const stored: StoredIndicatorFigures = { g: storedGap(view) };
  if (target && !reading.structured) stored.t = storedValue(target, indicator.targetText);
  if (actual) stored.a = storedValue(actual, indicator.actualText);
  return {
    reading,
    gap,
    columns: {
      readingKind: target?.kind ?? null,
      readingComparator: target?.comparator ?? null,
      readingValue: target?.value ?? null,
      readingUnit: target?.unit ?? null,
      readingConfidence: target?.confidence ?? null,
      gapStatus: gap.status,
      completion: view.completion,
      suggestedScore: view.suggestedScore,
      effectiveScore: view.effectiveScore,
      scoreLost: view.scoreLost,
      figures: stored,
    },
  };
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
  storedRollup: Rollup;
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
      storedRollup: rollup,
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
  const total = budgetLines.find((line) => line.category === BudgetCategory.TOTAL);
  const budget = budgetFigures(total?.amounts ?? null);
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
  const findings: CheckWarning[] = [];
  for (const id of documentOrder(shape)) {
    const own = indicatorWarnings(byId.get(id)!, figures.get(id)!, paths);
    if (own.target) targets.push(own.target);
    findings.push(...own.findings);
  }
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
// Reading the stored figures

/**
 * A plan's figures computed from its content, once per request: only for rows stored without figures
 * (a row written straight into the database); every other read takes the stored columns.
 */
export function figuresOf(em: EntityManager, planId: number): Promise<PlanFigures> {
  return memoised(em, `plan-figures:${planId}`, async () => computeFigures(await planContentOf(em, planId)));
}

/** An indicator's figures as the API shows them, rendered from the stored form and the row's columns (never a parse). */
export async function storedIndicatorFigures(em: EntityManager, indicator: Indicator): Promise<IndicatorFiguresView> {
  return renderedFigures(indicator, indicator.figures ?? (await figuresOf(em, indicator.plan.id)).indicators.get(indicator.id)!.columns.figures);
}

/** renderFigures once per row and stored figures (its target, actual and gap fields all ask). */
export function renderedFigures(indicator: Indicator, stored: StoredIndicatorFigures): IndicatorFiguresView {
  const rendered = RENDERED.get(indicator);
  if (rendered?.stored === stored) return rendered.view;
  const view = renderFigures(indicator, stored);
  RENDERED.set(indicator, { stored, view });
  return view;
}

/** Each row's figures rendered once (its target, actual and gap fields all ask): until its stored figures change. */
const RENDERED = new WeakMap<Indicator, { stored: StoredIndicatorFigures; view: IndicatorFiguresView }>();

// ---------------------------------------------------------------------------------------------------
// The stored form (plan-figures.types.ts StoredIndicatorFigures) and its rendering

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

export async function storedPlanRollup(em: EntityManager, plan: Plan): Promise<Rollup> {
  return plan.storedRollup ?? (await figuresOf(em, plan.id)).plan.rollup;
}

export async function storedLineItemRollup(em: EntityManager, item: LineItem): Promise<Rollup> {
  return item.storedRollup ?? (await figuresOf(em, item.plan.id)).lineItems.get(item.id)!.rollup;
}

export async function storedPlanChecks(em: EntityManager, plan: Plan): Promise<CheckWarning[]> {
  // Plan.storedChecks is lazy: read for the plans of this request together, only when checks are asked for.
  const stored = plan.storedChecks !== undefined ? plan.storedChecks : await batchLoad(em, 'plan-checks', plan.id, async (ids) => {
    const rows = (await em.getConnection().execute(`select "id", "checks" from "plan" where "id" in (${ids.map(() => '?').join(', ')})`, ids, 'all', em.getTransactionContext())) as { id: number; checks: unknown }[];
    return new Map(rows.map((row) => [Number(row.id), (typeof row.checks === 'string' ? JSON.parse(row.checks) : row.checks) as StoredChecks | null]));
  });
  return checkList(stored ?? (await figuresOf(em, plan.id)).checks);
}

