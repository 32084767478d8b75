/**
 * 自评综合得分 and 评价等次 on a sound total (issue 10 item 1), and what a document's stated total and
 * grade say against it. Pure and exact.
 *
 * Rules decided here where DOMAIN.md leaves them open (docs/gap-rules.md §3.6–3.8):
 * - The grade is never read off a raw Σ of scores whose weights do not total 100: the computed total is
 *   Σ scores ÷ Σ weights × 100 over the rows that carry both a 分值 and a counted score, rounded to 2
 *   decimals (half away from zero, like the forms), and the grade is the band of that rounded total, so
 *   what is shown and what is graded are the same number. Fixture 004 weighs 90 and scores 89:
 *   89 ÷ 90 × 100 = 98.89 → 优 (the raw 89 would have said 良).
 * - A weighted row without a counted score (no actual yet, or a text the evaluator has not judged) is
 *   pending, never 0: the total covers the scored rows, and the grade is provisional with the count of
 *   pending rows — so a half-scored plan is not graded 差 for the rows nobody has scored yet.
 * - A manual score marked for re-confirmation (its actual changed after it was given) still counts —
 *   it is the evaluator's last word — but makes the grade provisional until confirmed.
 * - Scores of rows without a 分值 cannot be put on the 100-point scale: they are left out of the total
 *   (INDICATOR_WEIGHT_MISSING already names them), and when no scored row has a 分值 the total and the
 *   grade are withheld.
 */
import { formatDecimal, sumMicros, type Micros } from './decimal.js';
import { EVALUATION_GRADE_LABELS, gradeForScore, readStatedGrade, type EvaluationGrade } from './grade.js';
import { SCORE_PLACES, roundRatio } from './points.js';
import { FULL_MARKS } from './sections.js';

/** A row as the total sees it: its 分值, the score that counts, and whether that score awaits re-confirmation. */
export interface TotalRow {
  weight: Micros | null;
  score: Micros | null;
  unconfirmed?: boolean;
}

export interface EvaluationTotal {
  /** Σ 分值 of the rows that have both a 分值 and a counted score: the base of the computed total. */
  scoredWeight: Micros;
  /** Σ scores of those rows. */
  scoredScore: Micros;
  /** scoredScore ÷ scoredWeight × 100, 2 decimals; null when no weighted row is scored. */
  computedTotal: Micros | null;
  /** The band of computedTotal; null when it is withheld. */
  grade: EvaluationGrade | null;
  /** Weighted rows with no counted score yet. */
  pendingCount: number;
  /** Manual scores whose actual changed after they were given. */
  unconfirmedCount: number;
  /** A grade exists but rows are pending or unconfirmed. */
  provisional: boolean;
  /** Chinese: how the total was reached, with the figures. */
  explanation: string;
}

export function evaluationTotal(rows: readonly TotalRow[]): EvaluationTotal {
  const weighted = rows.filter((row) => row.weight !== null);
  const scored = weighted.filter((row) => row.score !== null);
  const scoredWeight = sumMicros(scored.map((row) => row.weight!));
  const scoredScore = sumMicros(scored.map((row) => row.score!));
  const pendingCount = weighted.length - scored.length;
  const unconfirmedCount = rows.filter((row) => row.unconfirmed && row.score !== null).length;
  const computedTotal = scoredWeight > 0n ? normalise(scoredScore, scoredWeight) : null;
  const grade = computedTotal === null ? null : gradeForScore(computedTotal);
  const provisional = grade !== null && (pendingCount > 0 || unconfirmedCount > 0);
  return {
    scoredWeight,
    scoredScore,
    computedTotal,
    grade,
    pendingCount,
    unconfirmedCount,
    provisional,
    explanation: explain({ scoredWeight, scoredScore, computedTotal, grade, pendingCount, unconfirmedCount, rows }),
  };
}

/** score ÷ weight × 100 in one exact rounding. */
function normalise(score: Micros, weight: Micros): Micros {
  if (weight === FULL_MARKS) return score;
  return roundRatio({ numerator: score * 100n, denominator: weight }, SCORE_PLACES);
}

function explain(facts: {
  scoredWeight: Micros;
  scoredScore: Micros;
  computedTotal: Micros | null;
  grade: EvaluationGrade | null;
  pendingCount: number;
  unconfirmedCount: number;
  rows: readonly TotalRow[];
}): string {
  const { scoredWeight, scoredScore, computedTotal, grade, pendingCount, unconfirmedCount, rows } = facts;
  if (computedTotal === null || grade === null) {
    const scoredWithoutWeight = rows.some((row) => row.weight === null && row.score !== null);
    return scoredWithoutWeight ? '已评分的指标均未填写分值，无法折算综合得分，暂不评定等次' : '尚无已评分的指标，暂不评定等次';
  }
  const base =
    scoredWeight === FULL_MARKS
      ? `已评分指标分值合计 100 分，得分 ${formatDecimal(scoredScore)} 分`
      : `已评分指标分值合计 ${formatDecimal(scoredWeight)} 分，得分 ${formatDecimal(scoredScore)} 分，` +
        `按百分制折算 ${formatDecimal(scoredScore)} ÷ ${formatDecimal(scoredWeight)} × 100 = ${formatDecimal(computedTotal)} 分`;
  const notes = [
    pendingCount > 0 ? `${pendingCount} 个指标待评分` : null,
    unconfirmedCount > 0 ? `${unconfirmedCount} 个得分待重新确认` : null,
  ].filter((note): note is string => note !== null);
  const label = EVALUATION_GRADE_LABELS[grade];
  return notes.length > 0 ? `${base}，暂定等次「${label}」（${notes.join('，')}）` : `${base}，等次「${label}」`;
}

// ---------------------------------------------------------------------------------------------------
// The stated total and grade against the computed ones

export type StatedFindingCode = 'STATED_TOTAL_MISMATCH' | 'STATED_GRADE_MISMATCH' | 'STATED_TOTAL_UNSCORED';

export interface StatedFinding {
  code: StatedFindingCode;
  /** Plan-document path of the stated figure. */
  path: 'evaluation.totalScore' | 'evaluation.grade';
  expected: string;
  found: string;
  difference: string | null;
  message: string;
}

export interface StatedEvaluation {
  /** 自评综合得分 as the document states it. */
  totalScore: Micros | null;
  /** 评价等次 as written ("优", "良好"); null when not stated. */
  grade: string | null;
}

/**
 * - STATED_TOTAL_UNSCORED: a total is stated but no indicator is scored — flagged, never shown as 0.
 * - STATED_TOTAL_MISMATCH: the stated total differs from the computed one where the sheet is not a
 *   complete 100-point sheet (weights ≠ 100, or rows pending); on a complete sheet TOTAL_SCORE_SUM
 *   (DOMAIN.md §7) already reports the same difference, and one finding is enough.
 * - STATED_GRADE_MISMATCH: the stated grade — or, when none is written, the band of the stated total —
 *   differs from the computed grade.
 */
export function statedEvaluationFindings(total: EvaluationTotal, stated: StatedEvaluation): StatedFinding[] {
  const findings: StatedFinding[] = [];
  const { computedTotal, grade } = total;
  if (stated.totalScore !== null && computedTotal === null) {
    findings.push({
      code: 'STATED_TOTAL_UNSCORED',
      path: 'evaluation.totalScore',
      expected: '',
      found: formatDecimal(stated.totalScore),
      difference: null,
      message: `自评：填报综合得分 ${formatDecimal(stated.totalScore)} 分，但没有已评分且有分值的指标，无法核对（${total.explanation}）`,
    });
  }
  const completeSheet = total.scoredWeight === FULL_MARKS && total.pendingCount === 0;
  if (stated.totalScore !== null && computedTotal !== null && stated.totalScore !== computedTotal && !completeSheet) {
    const difference = stated.totalScore - computedTotal;
    findings.push({
      code: 'STATED_TOTAL_MISMATCH',
      path: 'evaluation.totalScore',
      expected: formatDecimal(computedTotal),
      found: formatDecimal(stated.totalScore),
      difference: formatDecimal(difference),
      message:
        `自评：填报综合得分 ${formatDecimal(stated.totalScore)} 分，计算综合得分 ${formatDecimal(computedTotal)} 分` +
        `（${total.explanation}；相差 ${formatDecimal(difference < 0n ? -difference : difference)} 分）`,
    });
  }
  const statedGrade = statedGradeOf(stated);
  if (statedGrade && grade !== null && statedGrade.grade !== grade) {
    const computedLabel = EVALUATION_GRADE_LABELS[grade];
    findings.push({
      code: 'STATED_GRADE_MISMATCH',
      path: stated.grade ? 'evaluation.grade' : 'evaluation.totalScore',
      expected: computedLabel,
      found: statedGrade.text,
      difference: null,
      message:
        `自评：${statedGrade.source}「${statedGrade.text}」，但计算综合得分 ${formatDecimal(computedTotal!)} 分` +
        `${total.provisional ? '暂定' : '应'}为「${computedLabel}」（${total.explanation}）`,
    });
  }
  return findings;
}

function statedGradeOf(stated: StatedEvaluation): { grade: EvaluationGrade; text: string; source: string } | null {
  const text = stated.grade?.trim() ?? '';
  const read = text ? readStatedGrade(text) : null;
  if (read) return { grade: read, text, source: '填报评价等次' };
  if (text || stated.totalScore === null) return null;
  const band = gradeForScore(stated.totalScore);
  return { grade: band, text: EVALUATION_GRADE_LABELS[band], source: `按填报综合得分 ${formatDecimal(stated.totalScore)} 分的等次` };
}
