/**
 * Per-indicator findings of a self-evaluation (issue 10 item 2): reasons the 自评表 is missing and
 * manual scores awaiting re-confirmation. Warnings, never blocks: an imported document keeps what it
 * says, and the list tells the evaluator what is left to explain.
 */
import type { Micros } from './decimal.js';
import type { Gap } from './gap-common.js';
import { formatPoints } from './points.js';
import { DEVIATION_LABELS, deviationNeed, scoreReasonProblem } from './score-reasons.js';

export type IndicatorFindingCode =
  /** NOT_MET, PARTIAL or OVERSHOOT without a 偏差原因. */
  | 'DEVIATION_REASON_MISSING'
  /** A manual score that differs from the suggestion without a 扣分原因 that says why. */
  | 'SCORE_REASON_MISSING'
  /** The actual (or target, or 分值) changed after the manual score was given. */
  | 'SCORE_UNCONFIRMED';

export interface IndicatorFindingInput {
  name: string;
  weight: Micros | null;
  gap: Gap;
  evaluatorScore: Micros | null;
  /** 扣分原因 */
  deduction: string | null;
  /** 偏差原因 */
  deviationReason: string | null;
  scoreUnconfirmed: boolean;
}

export interface IndicatorFinding {
  code: IndicatorFindingCode;
  /** What the rule asks for, e.g. "偏差原因". */
  expected: string;
  /** What the row has, e.g. "未填写", "扣1分", "9". */
  found: string;
  message: string;
}

export function indicatorFindings(row: IndicatorFindingInput): IndicatorFinding[] {
  const findings: IndicatorFinding[] = [];
  const need = deviationNeed(row.gap);
  if (need !== null && (row.deviationReason?.trim() ?? '') === '') {
    findings.push({
      code: 'DEVIATION_REASON_MISSING',
      expected: '偏差原因',
      found: '未填写',
      message: `${row.name}：${DEVIATION_LABELS[need]}，请填写偏差原因（${row.gap.explanation}）`,
    });
  }
  const scoreProblem = scoreReasonProblem(row.evaluatorScore, row.gap.suggestedScore, row.weight, row.deduction);
  if (scoreProblem !== null) {
    findings.push({
      code: 'SCORE_REASON_MISSING',
      expected: '扣分原因',
      found: row.deduction?.trim() || '未填写',
      message: `${row.name}：${scoreProblem}`,
    });
  }
  if (row.scoreUnconfirmed && row.evaluatorScore !== null) {
    const suggestion = row.gap.suggestedScore === null ? '' : `，现建议得分 ${formatPoints(row.gap.suggestedScore)} 分`;
    findings.push({
      code: 'SCORE_UNCONFIRMED',
      expected: '重新确认得分',
      found: formatPoints(row.evaluatorScore),
      message: `${row.name}：评分后实际完成值（或目标、分值）已变更，得分 ${formatPoints(row.evaluatorScore)} 分待重新确认${suggestion}`,
    });
  }
  return findings;
}
