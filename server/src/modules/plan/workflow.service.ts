import type { EntityManager } from '@mikro-orm/sqlite';
import { currentAuditScope, setAuditReason } from '../audit/audit-scope.js';
import { authorize, type PlanAction } from '../user/access.js';
import { checkText, checkVersion, LONG_TEXT_MAX } from '../validation.js';
import { PlanStatus } from './plan-enums.js';
import type { Plan } from './plan.entity.js';
import { getPlan } from './plan.service.js';

/** DRAFT → SUBMITTED → APPROVED (批复: targets frozen) → EVALUATING → CLOSED, and SUBMITTED → DRAFT when returned. */
const TRANSITIONS = {
  SUBMIT: PlanStatus.SUBMITTED,
  RETURN: PlanStatus.DRAFT,
  APPROVE: PlanStatus.APPROVED,
  START_EVALUATION: PlanStatus.EVALUATING,
  CLOSE: PlanStatus.CLOSED,
} as const satisfies Partial<Record<PlanAction, PlanStatus>>;

export type Transition = keyof typeof TRANSITIONS;

/**
 * Moves a plan along the workflow; who may, and from where, is the access rules' business. Returning needs
 * a reason; 批复 keeps the reviewer's 批复意见 (optional text) with who and when on the plan; 开始自评 keeps its
 * optional 开始自评意见 as the reason of the status change's audit entry (like the 退回原因).
 */
export async function transition(
  em: EntityManager,
  id: string,
  action: Transition,
  { reason, expectedVersion, opinion }: { reason?: string | null; expectedVersion?: number | null; opinion?: string | null } = {},
): Promise<Plan> {
  const plan = await getPlan(em, id, ['id']);
  authorize(em, action, plan);
  checkVersion(plan, expectedVersion);
  if (action === 'RETURN') checkText(reason, ['reason'], { max: LONG_TEXT_MAX, required: true });
  if (action === 'APPROVE' || action === 'START_EVALUATION') checkText(opinion, ['opinion'], { max: LONG_TEXT_MAX });
  if (reason) setAuditReason(reason);
  // 开始自评意见: no column of its own, it is the reason of the status change in the audit trail.
  if (action === 'START_EVALUATION' && opinion?.trim()) setAuditReason(opinion.trim());
  plan.status = TRANSITIONS[action];
  if (action === 'APPROVE') {
    plan.approvalOpinion = opinion?.trim() || null;
    plan.approvalOpinionBy = currentAuditScope().userName;
    plan.approvalOpinionAt = new Date();
  }
  await em.flush();
  return plan;
}
