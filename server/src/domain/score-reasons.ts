/**
 * 扣分原因 and 偏差原因 — the two reason columns of a 自评表 (issue 10 item 2). Pure.
 *
 * Rules decided here where DOMAIN.md leaves them open (docs/gap-rules.md §3.4):
 * - 扣分原因 explains the evaluator's score: a manual score that differs from the suggestion — in either
 *   direction — needs one. Where the figures suggest nothing (a text an evaluator judges), the full
 *   分值 is the reference: a score below it is a deduction and needs one.
 * - 偏差原因 explains the result: every NOT_MET or PARTIAL indicator, and every result more than 50%
 *   beyond a higher-is-better target (the OVERSHOOT warning, 偏离度), needs one — whatever the score.
 * - A reason must say why: empty text, digits and punctuation only, or only "扣N分" (which repeats the
 *   score, fixture 004's "扣1分") is refused with a message that says so.
 */
import type { Micros } from './decimal.js';
import type { Gap } from './gap-common.js';
import { formatPoints } from './points.js';

/** "扣1分", "扣 0.5 分。", "扣一分", "共扣2分" — a reason that only repeats the deduction. */
const ONLY_DEDUCTION = /^(共|合计)?扣(除)?\s*[\d０-９.．一二两三四五六七八九十半]+\s*分[。．.，,；;！!]*$/u;
/** Nothing but digits, signs and punctuation. */
const NO_WORDS = /^[\s\d０-９\p{P}\p{S}]*$/u;

/** Why a reason text says nothing; null when it says something. */
export function uninformativeReason(text: string | null | undefined): string | null {
  const trimmed = text?.trim() ?? '';
  if (trimmed === '') return '原因不能为空';
  if (NO_WORDS.test(trimmed)) return `原因"${trimmed}"只有数字或符号，请说明具体原因`;
  if (ONLY_DEDUCTION.test(trimmed.replace(/\s+/g, ''))) return `原因"${trimmed}"只写了扣分分数，请说明扣分的具体原因`;
  return null;
}

export type ScoreReasonNeed = 'BELOW_SUGGESTION' | 'ABOVE_SUGGESTION' | 'BELOW_WEIGHT';

/** Whether a manual score needs a 扣分原因, and why; null when it does not. */
export function scoreReasonNeed(score: Micros | null, suggested: Micros | null, weight: Micros | null): ScoreReasonNeed | null {
  if (score === null) return null;
  if (suggested !== null) {
    if (score < suggested) return 'BELOW_SUGGESTION';
    if (score > suggested) return 'ABOVE_SUGGESTION';
    return null;
  }
  return weight !== null && score < weight ? 'BELOW_WEIGHT' : null;
}

/** The refusal of a manual score whose 扣分原因 is missing or says nothing; null when it may stand. */
export function scoreReasonProblem(
  score: Micros | null,
  suggested: Micros | null,
  weight: Micros | null,
  reason: string | null | undefined,
): string | null {
  const need = scoreReasonNeed(score, suggested, weight);
  if (need === null) return null;
  const problem = uninformativeReason(reason);
  if (problem === null) return null;
  return `${describeNeed(need, score!, suggested, weight)}，请填写扣分原因${reason?.trim() ? `（${problem}）` : ''}`;
}

function describeNeed(need: ScoreReasonNeed, score: Micros, suggested: Micros | null, weight: Micros | null): string {
  switch (need) {
    case 'BELOW_SUGGESTION':
      return `得分 ${formatPoints(score)} 分低于建议得分 ${formatPoints(suggested!)} 分`;
    case 'ABOVE_SUGGESTION':
      return `得分 ${formatPoints(score)} 分高于建议得分 ${formatPoints(suggested!)} 分`;
    case 'BELOW_WEIGHT':
      return `得分 ${formatPoints(score)} 分低于分值 ${formatPoints(weight!)} 分`;
  }
}

export type DeviationNeed = 'NOT_MET' | 'PARTIAL' | 'OVERSHOOT';

/** Whether a result needs a 偏差原因: not met, partly met, or far beyond its target. */
export function deviationNeed(gap: Pick<Gap, 'status' | 'warnings'>): DeviationNeed | null {
  if (gap.status === 'NOT_MET' || gap.status === 'PARTIAL') return gap.status;
  return gap.warnings.some((warning) => warning.code === 'OVERSHOOT') ? 'OVERSHOOT' : null;
}

export const DEVIATION_LABELS: Record<DeviationNeed, string> = {
  NOT_MET: '未达成',
  PARTIAL: '部分达成',
  OVERSHOOT: '超出目标 50% 以上',
};
