/**
 * The workflow status an imported document lands in (issue 10 item 6). A self-evaluation is written
 * after the year, on a plan whose targets were approved long ago: walking it through 提交/批复 again
 * would only be ceremony, and analysts filtering by status would not find it.
 *
 * Rule decided here (docs/gap-rules.md §3.8): a self-evaluation document lands
 * - CLOSED when it is finished: it states both 自评综合得分 and 评价等次, and every weighted indicator
 *   has a 得分 — the evaluation is over and is kept read-only;
 * - EVALUATING otherwise (fixture 004 states 99 but no 等次): evaluators can score it at once.
 * Other kinds keep the status the plan has (a new plan starts as DRAFT).
 */
import type { PlanDocument } from './plan-document.js';

export type ImportedStatus = 'EVALUATING' | 'CLOSED';

export function importedStatus(document: PlanDocument): ImportedStatus | null {
  if (document.kind !== 'self_evaluation') return null;
  const evaluation = document.evaluation;
  const indicators = [...(document.indicators ?? [])];
  const finished =
    evaluation?.totalScore != null &&
    (evaluation.grade?.trim() ?? '') !== '' &&
    indicators.every((indicator) => indicator.weight == null || indicator.score != null);
  return finished ? 'CLOSED' : 'EVALUATING';
}

export const IMPORTED_STATUS_LABELS: Record<ImportedStatus, string> = { EVALUATING: '自评中', CLOSED: '已关闭' };
