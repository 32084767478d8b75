/**
 * Scoring rules of a self-evaluation (自评), after 财政部《项目支出绩效评价管理办法》财预〔2020〕10号 and the
 * 自评 forms built on it (DOMAIN.md §6). Pure and exact: scores, weights and rates are bigint micro-units
 * (../decimal.ts) or exact ratios; no binary float takes part.
 *
 * Rules decided here where DOMAIN.md leaves them open:
 * - Scores carry at most 2 decimals (SCORE_PLACES). The forms print 分值/得分 with at most 2 decimals, and
 *   a suggestion such as 10 × 10/12 is shown as 8.33; a finer score could not be printed back.
 * - Suggestions are rounded to 2 decimals half away from zero — the rounding the forms (and Excel's ROUND,
 *   which evaluators use) apply — directly from the exact ratio, so nothing is rounded twice.
 * - A plan's section weights replace the defaults as a whole: a province that gives 预算执行率 20 also
 *   changes the other sections, so merging with the defaults would invent weights nobody stated.
 */
import { formatDecimal, sumMicros, type Micros, type Ratio } from './decimal.js';
import { LEVEL1_LABELS, type Level1 } from './indicator-hierarchy.js';

/** One point (分) in micro-units. */
export const POINT: Micros = 1_000_000n;

/** Scores are stated with at most this many decimals (see the header). */
export const SCORE_PLACES = 2;

/** Section weights (分值) of a self-evaluation by 一级指标; a missing key means the section is not scored. */
export type SectionWeights = Partial<Record<Level1, Micros>>;

/** 预算执行率 10, 产出指标 50, 效益指标 30, 满意度指标 10 — total 100 (DOMAIN.md §6). */
export const DEFAULT_SECTION_WEIGHTS: Readonly<SectionWeights> = Object.freeze({
  BUDGET_EXECUTION: 10n * POINT,
  OUTPUT: 50n * POINT,
  OUTCOME: 30n * POINT,
  SATISFACTION: 10n * POINT,
});

/** The full mark of a self-evaluation: section weights must add up to it. */
export const FULL_MARKS: Micros = 100n * POINT;

/** The label a form uses for a section ("产出指标"); UNKNOWN sections are "未分类指标". */
export function sectionLabel(level1: Level1): string {
  return level1 === 'UNKNOWN' ? '未分类指标' : LEVEL1_LABELS[level1];
}

/** Points as a form writes them: "10", "8.33". */
export function formatPoints(value: Micros): string {
  return formatDecimal(value);
}

// ---------------------------------------------------------------------------------------------------
// Exact arithmetic on ratios

function absolute(value: bigint): bigint {
  return value < 0n ? -value : value;
}

function greatestCommonDivisor(a: bigint, b: bigint): bigint {
  let x = absolute(a);
  let y = absolute(b);
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** A ratio in lowest terms, so equal rates compare equal with toEqual and read simply (5/6, not 10000000/12000000). */
export function reduceRatio(value: Ratio): Ratio {
  const divisor = greatestCommonDivisor(value.numerator, value.denominator);
  if (divisor <= 1n) return value;
  return { numerator: value.numerator / divisor, denominator: value.denominator / divisor };
}

/** Clamps a completion rate to [0, 1]: the part beyond 100% earns nothing, and below 0 means nothing. */
export function clampCompletion(value: Ratio): Ratio {
  if (value.numerator <= 0n) return { numerator: 0n, denominator: 1n };
  if (value.numerator >= value.denominator) return { numerator: 1n, denominator: 1n };
  return value;
}

/**
 * A ratio as micro-units rounded to `places` decimals, half away from zero, in one exact step
 * (ratioToMicros followed by roundMicros would round twice: 8.3349996 → 8.335 → 8.34).
 */
export function roundRatio(value: Ratio, places: number): Micros {
  const step = 10n ** BigInt(6 - places);
  const scaled = absolute(value.numerator) * 10n ** BigInt(places);
  const rounded = (scaled * 2n + value.denominator) / (value.denominator * 2n);
  return (value.numerator < 0n ? -rounded : rounded) * step;
}

/** weight × rate, rounded to SCORE_PLACES. */
export function scaleWeight(weight: Micros, rate: Ratio): Micros {
  // weight is in micro-units; as a plain number it is weight / 10^6.
  return roundRatio({ numerator: weight * rate.numerator, denominator: rate.denominator * POINT }, SCORE_PLACES);
}

/** A rate as a percentage with at most 2 decimals, trailing zeros dropped: "100%", "83.33%", "99.99%". */
export function formatPercent(rate: Ratio): string {
  return `${formatDecimal(roundRatio({ numerator: rate.numerator * 100n, denominator: rate.denominator }, 2))}%`;
}

// ---------------------------------------------------------------------------------------------------
// Suggested scores (财预〔2020〕10号)

/**
 * Quantitative indicators: reached → the full weight; otherwise weight × B/A (higher-is-better) or
 * weight × A/B (lower-is-better, over the limit) — both are weight × completion, with completion capped
 * at 1 so the score is never more than the weight.
 */
export function quantitativeScore(weight: Micros, completion: Ratio): Micros {
  return scaleWeight(weight, clampCompletion(completion));
}

/** The three bands of a qualitative (定性) indicator; the evaluator picks a score inside the band. */
export type QualitativeBand = 'ACHIEVED' | 'PARTLY_ACHIEVED' | 'NOT_ACHIEVED';

export interface QualitativeBandRule {
  label: string;
  /** Share of the weight at the top of the band, in percent. */
  topPercent: bigint;
  bottomPercent: bigint;
}

/** 达成年度指标 100%–80%, 部分达成并具有一定效果 80%–60%, 未达成且效果较差 60%–0 of the weight. */
export const QUALITATIVE_BANDS: Readonly<Record<QualitativeBand, QualitativeBandRule>> = Object.freeze({
  ACHIEVED: { label: '达成年度指标', topPercent: 100n, bottomPercent: 80n },
  PARTLY_ACHIEVED: { label: '部分达成并具有一定效果', topPercent: 80n, bottomPercent: 60n },
  NOT_ACHIEVED: { label: '未达成且效果较差', topPercent: 60n, bottomPercent: 0n },
});

/** The suggestion takes the top of the band (DOMAIN.md §6); the evaluator may go lower with a reason. */
export function qualitativeScore(weight: Micros, band: QualitativeBand): Micros {
  return scaleWeight(weight, { numerator: QUALITATIVE_BANDS[band].topPercent, denominator: 100n });
}

/** "达成年度指标 100%–80%（5–4 分）" — the band in the weight's points, for an evaluator deciding a score. */
export function describeBand(band: QualitativeBand, weight: Micros | null): string {
  const rule = QUALITATIVE_BANDS[band];
  const shares = `${rule.topPercent}%–${rule.bottomPercent === 0n ? '0' : `${rule.bottomPercent}%`}`;
  if (weight === null) return `${rule.label} ${shares}`;
  const top = scaleWeight(weight, { numerator: rule.topPercent, denominator: 100n });
  const bottom = scaleWeight(weight, { numerator: rule.bottomPercent, denominator: 100n });
  return `${rule.label} ${shares}（${formatPoints(top)}–${formatPoints(bottom)} 分）`;
}

// ---------------------------------------------------------------------------------------------------
// The evaluator's score

export type ScoreProblemCode = 'NEGATIVE' | 'ABOVE_WEIGHT' | 'TOO_PRECISE' | 'REASON_REQUIRED';

export interface ScoreProblem {
  code: ScoreProblemCode;
  message: string;
}

/** 0 ≤ score ≤ weight, with at most SCORE_PLACES decimals. A null weight bounds nothing above. */
export function validateScore(score: Micros, weight: Micros | null): ScoreProblem | null {
  if (score < 0n) {
    return { code: 'NEGATIVE', message: `得分 ${formatPoints(score)} 分不能为负数` };
  }
  if (weight !== null && score > weight) {
    return { code: 'ABOVE_WEIGHT', message: `得分 ${formatPoints(score)} 分超过分值 ${formatPoints(weight)} 分` };
  }
  if (score % 10n ** BigInt(6 - SCORE_PLACES) !== 0n) {
    return {
      code: 'TOO_PRECISE',
      message: `得分 ${formatPoints(score)} 分超过 ${SCORE_PLACES} 位小数`,
    };
  }
  return null;
}

/**
 * A score below the suggestion needs a 扣分原因 (DOMAIN.md §6): the suggestion is what the figures
 * earn, so whoever deducts more says why (004 gave 预算执行率 9 of a suggested 10, "扣1分").
 */
export function scoreBelowSuggestionNeedsReason(
  score: Micros | null,
  suggested: Micros | null,
  reason: string | null | undefined,
): ScoreProblem | null {
  if (score === null || suggested === null || score >= suggested) return null;
  if (reason != null && reason.trim() !== '') return null;
  return {
    code: 'REASON_REQUIRED',
    message: `得分 ${formatPoints(score)} 分低于建议得分 ${formatPoints(suggested)} 分，请填写扣分原因`,
  };
}

export type ScoreSource = 'EVALUATOR' | 'SUGGESTED';

export interface EffectiveScore {
  /** The score that counts: the evaluator's when given, else the suggestion; null when neither. */
  score: Micros | null;
  source: ScoreSource | null;
  evaluatorScore: Micros | null;
  suggestedScore: Micros | null;
}

/** The evaluator's 得分 overrides the suggestion; both are kept so a reader sees the deduction. */
export function effectiveScore(evaluatorScore: Micros | null, suggestedScore: Micros | null): EffectiveScore {
  if (evaluatorScore !== null) return { score: evaluatorScore, source: 'EVALUATOR', evaluatorScore, suggestedScore };
  if (suggestedScore !== null) return { score: suggestedScore, source: 'SUGGESTED', evaluatorScore, suggestedScore };
  return { score: null, source: null, evaluatorScore, suggestedScore };
}

// ---------------------------------------------------------------------------------------------------
// Sections and their weights

/** What scoring needs of an indicator row: its section, 分值 and the score that counts. */
export interface ScoredRow {
  level1: Level1;
  weight: Micros | null;
  score: Micros | null;
}

export interface SectionTotal {
  level1: Level1;
  label: string;
  /** The section's 分值 from the plan's section weights; null when the plan gives the section none. */
  sectionWeight: Micros | null;
  /** Σ 分值 of the section's indicators that state one. */
  indicatorWeight: Micros;
  /** Σ scores of the section's indicators that have one; null when none is scored. */
  score: Micros | null;
  count: number;
  /** Indicators of the section without a 分值. */
  unweightedCount: number;
}

/**
 * Totals per section: every section of the weights (in their order) and every other section that has
 * indicators (成本指标 in a plan that kept the default weights, or unknown labels).
 */
export function sectionTotals(rows: readonly ScoredRow[], sectionWeights: SectionWeights = DEFAULT_SECTION_WEIGHTS): SectionTotal[] {
  const order = sectionOrder(rows, sectionWeights);
  return order.map((level1) => {
    const inSection = rows.filter((row) => row.level1 === level1);
    const weights = inSection.flatMap((row) => (row.weight === null ? [] : [row.weight]));
    const scores = inSection.flatMap((row) => (row.score === null ? [] : [row.score]));
    return {
      level1,
      label: sectionLabel(level1),
      sectionWeight: sectionWeights[level1] ?? null,
      indicatorWeight: sumMicros(weights),
      score: scores.length === 0 ? null : sumMicros(scores),
      count: inSection.length,
      unweightedCount: inSection.length - weights.length,
    };
  });
}

function sectionOrder(rows: readonly ScoredRow[], sectionWeights: SectionWeights): Level1[] {
  const order = Object.keys(sectionWeights) as Level1[];
  for (const row of rows) if (!order.includes(row.level1)) order.push(row.level1);
  return order;
}

export type WeightWarningCode =
  | 'SECTION_WEIGHTS_NOT_FULL_MARKS'
  | 'SECTION_WEIGHT_MISMATCH'
  | 'SECTION_NOT_WEIGHTED'
  | 'INDICATOR_WEIGHT_MISSING';

export interface WeightWarning {
  code: WeightWarningCode;
  level1: Level1 | null;
  message: string;
}

/**
 * Warnings with the exact figures (DOMAIN.md §7); they never block anything.
 * - The section weights must total 100 — checked always, since a plan's own weights can be wrong.
 * - Σ indicator 分值 of a section must equal the section's 分值 — checked only once the plan is being
 *   weighted (some indicator states a 分值): a target table (fixture 002) weighs nothing yet, and
 *   warning about each of its sections would bury the warnings that matter.
 */
export function weightWarnings(rows: readonly ScoredRow[], sectionWeights: SectionWeights = DEFAULT_SECTION_WEIGHTS): WeightWarning[] {
  const warnings: WeightWarning[] = [];
  const sectionSum = sumMicros(Object.values(sectionWeights).filter((weight): weight is Micros => weight !== undefined));
  if (sectionSum !== FULL_MARKS) {
    warnings.push({
      code: 'SECTION_WEIGHTS_NOT_FULL_MARKS',
      level1: null,
      message: `各部分分值合计 ${formatPoints(sectionSum)} 分，应为 ${formatPoints(FULL_MARKS)} 分`,
    });
  }
  if (!rows.some((row) => row.weight !== null)) return warnings;
  for (const section of sectionTotals(rows, sectionWeights)) warnings.push(...sectionWeightWarnings(section));
  return warnings;
}

function sectionWeightWarnings(section: SectionTotal): WeightWarning[] {
  const warnings: WeightWarning[] = [];
  const { level1, label } = section;
  if (section.unweightedCount > 0) {
    warnings.push({
      code: 'INDICATOR_WEIGHT_MISSING',
      level1,
      message: `${label}有 ${section.unweightedCount} 个指标未填写分值`,
    });
  }
  if (section.count === 0) {
    if (section.sectionWeight !== null && section.sectionWeight !== 0n) {
      warnings.push({
        code: 'SECTION_WEIGHT_MISMATCH',
        level1,
        message: `${label}没有指标，该部分分值 ${formatPoints(section.sectionWeight)} 分未计入`,
      });
    }
  } else if (section.sectionWeight === null) {
    warnings.push({
      code: 'SECTION_NOT_WEIGHTED',
      level1,
      message: `${label}的指标分值合计 ${formatPoints(section.indicatorWeight)} 分，但该部分没有设定分值`,
    });
  } else if (section.indicatorWeight !== section.sectionWeight) {
    warnings.push({
      code: 'SECTION_WEIGHT_MISMATCH',
      level1,
      message: `${label}各指标分值合计 ${formatPoints(section.indicatorWeight)} 分，与该部分分值 ${formatPoints(section.sectionWeight)} 分不符`,
    });
  }
  return warnings;
}
