/**
 * Qualitative indicators: 是否完成 (BOOLEAN) and grades (优/良/中/差).
 *
 * Suggestions (issue 10 item 4; docs/gap-rules.md §3.2): a met indicator takes the top of the
 * 达成年度指标 band (the full weight). An unmet one is placed inside a band by what the actual reads,
 * never at a band's top: 良/较好 → 80%–90% (middle 85%), 中/一般/合格/基本满意, 基本完成, 延期完成 or
 * late → 60%–80% (middle 70%), 差/较差/不满意 or 未完成 → 0–60% (middle 30%). The middle is a starting
 * point an evaluator can defend either way; the evaluator picks the score inside the band.
 */
import type { Micros, Ratio } from './decimal.js';
import { describeDeadline, isLate } from './indicator-value/parse.js';
import type { Grade, GradeScale, ParsedValue } from './indicator-value/types.js';
import { ONE, ZERO, exactRatio, statusOf, type Gap, type GapStatus, type TargetReading } from './gap-common.js';
import { describeBand, formatPoints, qualitativeScore, reduceRatio, scaleWeight, type QualitativeBand } from './scoring.js';


/**
 * 是否完成, with how far a yes goes: a 基本完成/部分完成 or 延期完成 actual is 部分达成 against a plain yes
 * (a target that itself asks only 基本完成 is met by it); a date after the target's deadline
 * ("9月底前" / "10月20日完成") is 部分达成 too. Completion is left empty for those: the band decides.
 */
export function booleanGap(target: TargetReading, actual: ParsedValue, weight: Micros | null): Gap {
  const wanted = target.boolean === true;
  const got = actual.boolean === true;
  if (!wanted || !got) {
    const met = wanted === got;
    return qualitativeGap(target, actual, weight, met ? 'MET' : 'NOT_MET', met ? ONE : ZERO, 'POOR');
  }
  const late = target.deadline && actual.deadline ? isLate(target.deadline, actual.deadline) : null;
  if (actual.qualifier && target.qualifier !== 'PARTIAL') return qualitativeGap(target, actual, weight, 'PARTIAL', null, 'FAIR');
  if (late === true) {
    const gap = qualitativeGap(target, actual, weight, 'PARTIAL', null, 'FAIR');
    const when = `完成时间 ${describeDeadline(actual.deadline!)} 晚于期限 ${describeDeadline(target.deadline!)}`;
    return { ...gap, explanation: `${when}；${gap.explanation}` };
  }
  return qualitativeGap(target, actual, weight, 'MET', ONE, 'POOR');
}

/** 优 3 · 良 2 · 中 1 · 差 0: 差 is the 未达成且效果较差 band, so it counts as nothing reached. */
const GRADE_RANKS: Record<Grade, bigint> = { EXCELLENT: 3n, GOOD: 2n, FAIR: 1n, POOR: 0n };

/** On the three-level 满意/基本满意/不满意 both sides rank 2 · 1 · 0; across scales the four-level ranks apply. */
const SATISFACTION_RANKS: Record<Grade, bigint> = { EXCELLENT: 2n, GOOD: 2n, FAIR: 1n, POOR: 0n };

interface GradeReading {
  grade: Grade;
  scale?: GradeScale | null;
}

export function gradeGap(target: TargetReading, wanted: GradeReading, actual: ParsedValue, got: GradeReading, weight: Micros | null): Gap {
  const ranks = wanted.scale === 'SATISFACTION' && got.scale === 'SATISFACTION' ? SATISFACTION_RANKS : GRADE_RANKS;
  const wantedRank = ranks[wanted.grade];
  const gotRank = ranks[got.grade];
  // A target of 差 is met by anything; its rank 0 cannot divide.
  const completion = wantedRank === 0n ? ONE : exactRatio(gotRank, wantedRank);
  return qualitativeGap(target, actual, weight, statusOf(gotRank >= wantedRank, completion), completion, got.grade === 'EXCELLENT' ? 'GOOD' : got.grade);
}

const BAND_OF_STATUS: Partial<Record<GapStatus, QualitativeBand>> = {
  MET: 'ACHIEVED',
  PARTIAL: 'PARTLY_ACHIEVED',
  NOT_MET: 'NOT_ACHIEVED',
};

const OUTCOME_WORDS: Partial<Record<GapStatus, string>> = { MET: '已达成', PARTIAL: '部分达成', NOT_MET: '未达成' };

/** Where an unmet reading falls: 良 80%–90%, 中 60%–80%, 差 0–60% of the weight. */
type UnmetReading = 'GOOD' | 'FAIR' | 'POOR';

const READING_BANDS: Record<UnmetReading, { label: string; top: bigint; bottom: bigint }> = {
  GOOD: { label: '良', top: 90n, bottom: 80n },
  FAIR: { label: '中', top: 80n, bottom: 60n },
  POOR: { label: '差', top: 60n, bottom: 0n },
};

function qualitativeGap(
  target: TargetReading,
  actual: ParsedValue,
  weight: Micros | null,
  status: GapStatus,
  completion: Ratio | null,
  unmet: UnmetReading,
): Gap {
  const facts = `目标"${target.raw}"，实际"${actual.raw}"，${OUTCOME_WORDS[status]}`;
  const { suggestedScore, text } = status === 'MET' ? metSuggestion(weight) : unmetSuggestion(weight, READING_BANDS[unmet]);
  return {
    status,
    difference: null,
    completion: completion === null ? null : reduceRatio(completion),
    suggestedScore,
    scoringMethod: 'QUALITATIVE',
    explanation: facts + text,
    warnings: [],
  };
}

function metSuggestion(weight: Micros | null): { suggestedScore: Micros | null; text: string } {
  const band: QualitativeBand = BAND_OF_STATUS.MET!;
  if (weight === null) return { suggestedScore: null, text: `；定性指标属"${describeBand(band, null)}"档，未设分值，不计算建议得分` };
  const suggestedScore = qualitativeScore(weight, band);
  return { suggestedScore, text: `；定性指标属"${describeBand(band, weight)}"档，取上限，建议得分 ${formatPoints(suggestedScore)} 分` };
}

function unmetSuggestion(weight: Micros | null, band: { label: string; top: bigint; bottom: bigint }): { suggestedScore: Micros | null; text: string } {
  const shares = `${band.top}%–${band.bottom === 0n ? '0' : `${band.bottom}%`}`;
  const middle = (band.top + band.bottom) / 2n;
  if (weight === null) return { suggestedScore: null, text: `；按实际属"${band.label}"档（分值的 ${shares}），未设分值，不计算建议得分` };
  const top = scaleWeight(weight, { numerator: band.top, denominator: 100n });
  const bottom = scaleWeight(weight, { numerator: band.bottom, denominator: 100n });
  const suggestedScore = scaleWeight(weight, { numerator: middle, denominator: 100n });
  return {
    suggestedScore,
    text:
      `；定性指标按实际属"${band.label}"档（分值的 ${shares}，${formatPoints(top)}–${formatPoints(bottom)} 分），` +
      `取档中 ${middle}%，建议得分 ${formatPoints(suggestedScore)} 分，由评价人员在档内确定`,
  };
}
