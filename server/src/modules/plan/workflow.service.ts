import type { EntityManager } from '@mikro-orm/sqlite';
import { setAuditReason } from '../audit/audit-scope.js';
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

/** Moves a plan along the workflow; who may, and from where, is the access rules' business. Returning needs a reason. */
export async function transition(
  em: EntityManager,
  id: string,
  action: Transition,
  { reason, expectedVersion }: { reason?: string | null; expectedVersion?: number | null } = {},
): Promise<Plan> {
  const plan = await getPlan(em, id, ['id']);
  authorize(em, action, plan);
  checkVersion(plan, expectedVersion);
  if (action === 'RETURN') checkText(reason, ['reason'], { max: LONG_TEXT_MAX, required: true });
  if (reason) setAuditReason(reason);
  plan.status = TRANSITIONS[action];
  await em.flush();
  return plan;
}
