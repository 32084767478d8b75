import { createContext, useContext } from 'react';
import type { PlanAction } from '../../graphql/fragments';

/**
 * What the signed-in user may edit on the plan being shown, from the server's `allowedActions`.
 * Cells that no allowed action covers are read-only; the server enforces the same rules.
 */
export interface PlanAccess {
  planId: string;
  planVersion: number;
  status: string;
  /** Structure, names, labels, remarks, goals, key tasks, year-start amounts (EDIT_DRAFT). */
  draft: boolean;
  /** The target: while drafting, or as a recorded 调整 with a reason after 批复. */
  target: boolean;
  /** The target may change only as an adjustment: ask for 调整原因. */
  adjustOnly: boolean;
  /** Actuals, spending, scores and 扣分原因 of the 自评 (EVALUATE). */
  evaluate: boolean;
  /** 分值: while drafting or in the 自评. */
  weight: boolean;
}

export function accessFrom(plan: { id: string; version: number; status: string; allowedActions?: PlanAction[] | null }): PlanAccess {
  const actions = new Set(plan.allowedActions ?? []);
  const draft = actions.has('EDIT_DRAFT');
  const evaluate = actions.has('EVALUATE');
  return {
    planId: plan.id,
    planVersion: plan.version,
    status: plan.status,
    draft,
    target: draft || actions.has('ADJUST_TARGET'),
    adjustOnly: !draft && actions.has('ADJUST_TARGET'),
    evaluate,
    weight: draft || evaluate,
  };
}

const READ_ONLY: PlanAccess = { planId: '', planVersion: 0, status: '', draft: false, target: false, adjustOnly: false, evaluate: false, weight: false };

export const PlanAccessContext = createContext<PlanAccess>(READ_ONLY);

export function usePlanAccess(): PlanAccess {
  return useContext(PlanAccessContext);
}
