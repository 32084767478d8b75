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
import type { Micros, Ratio } from './decimal.js';
import { clampCompletion, formatPoints, scaleWeight, SCORE_PLACES } from './points.js';

export * from './points.js';
export * from './sections.js';

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

/** 失分: the row's 分值 less the score that counts; null without a 分值 or without a score. */
export function pointsLost(weight: Micros | null, counted: Micros | null): Micros | null {
  return weight !== null && counted !== null ? weight - counted : null;
}

