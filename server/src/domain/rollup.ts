/**
 * Roll-ups of indicator gaps and scores per line item and per plan (DOMAIN.md §5): weights total, scores
 * total, counts by status, budget execution rate, grade. Pure; recomputed from the rows every time, so a
 * changed target, actual, weight or score is reflected at once.
 *
 * Rules decided here where DOMAIN.md leaves them open:
 * - The score that counts is the evaluator's 得分 when given, else the suggestion (scoring.effectiveScore).
 * - A plan's totals and grade cover its own (department-level) indicators only. Each 专项 is evaluated
 *   out of its own 100 points, so adding line-item scores into the 自评综合得分 would double count;
 *   line items get roll-ups of their own.
 * - A line item's roll-up covers its own indicators and all its descendants'; its execution rate uses its
 *   own stated amounts only (a null is unknown, never 0; Σ children is a consistency check, not a source).
 * - The grade is that of the sound total (evaluation-total.ts): Σ scores ÷ Σ weights × 100 over the scored
 *   rows, provisional while rows are pending, null until a weighted row is scored.
 */
import { ratio, sumMicros, type Micros, type Ratio } from './decimal.js';
import { GAP_STATUSES, type Gap, type GapStatus } from './gap.js';
import {
  evaluationTotal,
  statedEvaluationFindings,
  type EvaluationTotal,
  type StatedEvaluation,
  type StatedFinding,
} from './evaluation-total.js';
import type { EvaluationGrade } from './grade.js';
import type { Level1 } from './indicator-hierarchy.js';
import {
  DEFAULT_SECTION_WEIGHTS,
  effectiveScore,
  reduceRatio,
  sectionTotals,
  sectionWeightsForRows,
  weightWarnings,
  type ScoredRow,
  type SectionTotal,
  type SectionWeights,
  type WeightWarning,
} from './scoring.js';

/** An indicator as the roll-up sees it: its section, 分值, computed gap and the evaluator's 得分. */
export interface IndicatorRow {
  level1: Level1;
  weight: Micros | null;
  gap: Gap;
  evaluatorScore: Micros | null;
  /** The evaluator's score awaits re-confirmation: the actual changed after it was given. */
  scoreUnconfirmed?: boolean;
}

export interface SectionRollup {
  /** Σ 分值 of the section's indicators. */
  weight: Micros;
  suggestedScore: Micros;
  /** Σ scores that count (evaluator's, else suggested). */
  score: Micros;
  count: number;
}

export interface IndicatorRollup {
  count: number;
  weightTotal: Micros;
  suggestedScoreTotal: Micros;
  /** Σ effective scores. */
  scoreTotal: Micros;
  /** Indicators with a score that counts (evaluator's or suggested). */
  scoredCount: number;
  /** Every status is present, 0 when none. */
  countsByStatus: Record<GapStatus, number>;
  /** Every level1 is present, zeros when none. */
  sections: Record<Level1, SectionRollup>;
  /** 综合得分 on a sound total and its (possibly provisional) grade. */
  total: EvaluationTotal;
}

const LEVEL1_VALUES: readonly Level1[] = ['OUTPUT', 'OUTCOME', 'SATISFACTION', 'COST', 'BUDGET_EXECUTION', 'DECISION', 'INPUT', 'PROCESS', 'UNKNOWN'];

export function rollupIndicators(rows: readonly IndicatorRow[]): IndicatorRollup {
  const scored = rows.map((row) => ({ row, score: effectiveScore(row.evaluatorScore, row.gap.suggestedScore).score }));
  const scores = scored.flatMap(({ score }) => (score === null ? [] : [score]));
  return {
    count: rows.length,
    weightTotal: sumWeights(rows),
    suggestedScoreTotal: sumSuggested(rows),
    scoreTotal: sumMicros(scores),
    scoredCount: scores.length,
    countsByStatus: countByStatus(rows),
    sections: sectionRollups(scored),
    total: evaluationTotal(scored.map(({ row, score }) => ({ weight: row.weight, score, unconfirmed: row.scoreUnconfirmed ?? false }))),
  };
}

function sumWeights(rows: readonly IndicatorRow[]): Micros {
  return sumMicros(rows.flatMap((row) => (row.weight === null ? [] : [row.weight])));
}

function sumSuggested(rows: readonly IndicatorRow[]): Micros {
  return sumMicros(rows.flatMap((row) => (row.gap.suggestedScore === null ? [] : [row.gap.suggestedScore])));
}

function countByStatus(rows: readonly IndicatorRow[]): Record<GapStatus, number> {
  const counts = Object.fromEntries(GAP_STATUSES.map((status) => [status, 0])) as Record<GapStatus, number>;
  for (const row of rows) counts[row.gap.status] += 1;
  return counts;
}

function sectionRollups(scored: readonly { row: IndicatorRow; score: Micros | null }[]): Record<Level1, SectionRollup> {
  const sections = {} as Record<Level1, SectionRollup>;
  for (const level1 of LEVEL1_VALUES) {
    const inSection = scored.filter(({ row }) => row.level1 === level1);
    const rows = inSection.map(({ row }) => row);
    sections[level1] = {
      weight: sumWeights(rows),
      suggestedScore: sumSuggested(rows),
      score: sumMicros(inSection.flatMap(({ score }) => (score === null ? [] : [score]))),
      count: inSection.length,
    };
  }
  return sections;
}

/** What scoring sees of each row: its section, 分值 and the score that counts. */
export function scoredRowsOf(rows: readonly IndicatorRow[]): ScoredRow[] {
  return rows.map((row) => ({ level1: row.level1, weight: row.weight, score: effectiveScore(row.evaluatorScore, row.gap.suggestedScore).score }));
}

/** 评价等次 of the sound total; null while no weighted row is scored. */
function gradeOf(rollup: IndicatorRollup): EvaluationGrade | null {
  return rollup.total.grade;
}

// ---------------------------------------------------------------------------------------------------
// 预算执行率

export interface StageAmounts {
  /** 调整后全年预算数, 万元 */
  fullYear: Micros | null;
  /** 执行数 / 实际支出, 万元 */
  actual: Micros | null;
}

/** 预算执行率 = 执行数 / 全年预算数; null when either is unknown or the budget is 0. */
export function executionRate(amounts: StageAmounts): Ratio | null {
  if (amounts.fullYear === null || amounts.actual === null) return null;
  const rate = ratio(amounts.actual, amounts.fullYear);
  return rate === null ? null : reduceRatio(rate);
}

// ---------------------------------------------------------------------------------------------------
// Line items (专项 → 子项 tree)

export interface LineItemNode {
  /** Echoed back, so a caller can match roll-ups to its line items. */
  id?: string;
  indicators: readonly IndicatorRow[];
  children: readonly LineItemNode[];
  amounts: StageAmounts;
}

export interface LineItemRollup extends IndicatorRollup {
  id?: string;
  executionRate: Ratio | null;
  grade: EvaluationGrade | null;
  /** Per section, against the plan's section weights (each 专项 is scored out of its own 100). */
  sectionTotals: SectionTotal[];
  children: LineItemRollup[];
}

/** A line item's own indicators and all its descendants', plus its own execution rate. */
export function rollupLineItem(node: LineItemNode, sectionWeights: SectionWeights = DEFAULT_SECTION_WEIGHTS): LineItemRollup {
  const children = node.children.map((child) => rollupLineItem(child, sectionWeights));
  const rows = indicatorsOfTree(node);
  const totals = rollupIndicators(rows);
  return {
    ...(node.id === undefined ? {} : { id: node.id }),
    ...totals,
    executionRate: executionRate(node.amounts),
    grade: gradeOf(totals),
    sectionTotals: sectionTotals(scoredRowsOf(rows), sectionWeights),
    children,
  };
}

function indicatorsOfTree(node: LineItemNode): IndicatorRow[] {
  return [...node.indicators, ...node.children.flatMap(indicatorsOfTree)];
}

// ---------------------------------------------------------------------------------------------------
// The plan

export interface PlanRollupInput {
  /** Department-level indicators, including the 预算执行率 row when the evaluation has one. */
  indicators: readonly IndicatorRow[];
  lineItems: readonly LineItemNode[];
  budget: StageAmounts;
  /** The plan's own section weights; DEFAULT_SECTION_WEIGHTS when not given. */
  sectionWeights?: SectionWeights;
  /** The 自评综合得分 and 评价等次 the plan's self-evaluation states, to compare with the computed ones. */
  stated?: StatedEvaluation;
}

export interface PlanRollup extends IndicatorRollup {
  executionRate: Ratio | null;
  grade: EvaluationGrade | null;
  sectionTotals: SectionTotal[];
  warnings: WeightWarning[];
  /** The stated total and grade against the computed ones (STATED_TOTAL_MISMATCH, …). */
  statedFindings: StatedFinding[];
  lineItems: LineItemRollup[];
}

export function rollupPlan(input: PlanRollupInput): PlanRollup {
  const weights = sectionWeightsForRows(input.sectionWeights ?? DEFAULT_SECTION_WEIGHTS, input.indicators.map((row) => row.level1));
  const totals = rollupIndicators(input.indicators);
  const scoredRows = scoredRowsOf(input.indicators);
  return {
    ...totals,
    executionRate: executionRate(input.budget),
    grade: gradeOf(totals),
    sectionTotals: sectionTotals(scoredRows, weights),
    warnings: weightWarnings(scoredRows, weights),
    statedFindings: input.stated ? statedEvaluationFindings(totals.total, input.stated) : [],
    lineItems: input.lineItems.map((node) => rollupLineItem(node, weights)),
  };
}
