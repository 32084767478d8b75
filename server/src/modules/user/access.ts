import type { EntityManager } from '@mikro-orm/sqlite';
import { GraphQLError } from 'graphql';
import { UserErrorCode, UserInputError } from '../../graphql/user-error.js';
import { PlanStatus } from '../plan/plan-enums.js';
import type { Plan } from '../plan/plan.entity.js';
import { Role } from './user.entity.js';

/** Who is asking: what the access rules need of a signed-in user. */
export interface Actor {
  id: number;
  name: string;
  role: Role;
  departmentIds: number[];
}

/**
 * What may be done to a plan (DOMAIN.md §1 and §9). Each action names the roles that may do it, whether
 * the department must be in the actor's scope, and the statuses in which it is open.
 */
export const PLAN_ACTIONS = {
  /** Structure, targets, weights, budget, goals while drafting. */
  EDIT_DRAFT: { roles: [Role.PLANNER, Role.ADMIN], statuses: [PlanStatus.DRAFT], label: '编制计划' },
  /** A recorded 调整 of a target after 批复, with a reason. */
  ADJUST_TARGET: { roles: [Role.PLANNER, Role.ADMIN], statuses: [PlanStatus.APPROVED, PlanStatus.EVALUATING], label: '调整目标' },
  /** Actuals, spending, weights and scores of the 自评. */
  EVALUATE: { roles: [Role.EVALUATOR, Role.ADMIN], statuses: [PlanStatus.EVALUATING], label: '填报自评' },
  SUBMIT: { roles: [Role.PLANNER, Role.ADMIN], statuses: [PlanStatus.DRAFT], label: '提交审核' },
  RETURN: { roles: [Role.REVIEWER, Role.ADMIN], statuses: [PlanStatus.SUBMITTED], label: '退回' },
  APPROVE: { roles: [Role.REVIEWER, Role.ADMIN], statuses: [PlanStatus.SUBMITTED], label: '批复' },
  START_EVALUATION: { roles: [Role.REVIEWER, Role.ADMIN], statuses: [PlanStatus.APPROVED], label: '开始自评' },
  CLOSE: { roles: [Role.REVIEWER, Role.ADMIN], statuses: [PlanStatus.EVALUATING], label: '关闭' },
  /** Replacing a plan from a document: the administrator's tool, never over a closed plan. */
  IMPORT: { roles: [Role.ADMIN], statuses: [PlanStatus.DRAFT, PlanStatus.SUBMITTED, PlanStatus.APPROVED, PlanStatus.EVALUATING], label: '导入' },
  DELETE: { roles: [Role.PLANNER, Role.ADMIN], statuses: [PlanStatus.DRAFT], label: '删除计划' },
} as const satisfies Record<string, { roles: Role[]; statuses: PlanStatus[]; label: string }>;

export type PlanAction = keyof typeof PLAN_ACTIONS;

const STATUS_LABELS: Record<PlanStatus, string> = {
  DRAFT: '编制中',
  SUBMITTED: '已提交',
  APPROVED: '已批复',
  EVALUATING: '自评中',
  CLOSED: '已关闭',
};

/** ADMIN and ANALYST see every department; everyone else sees the departments assigned to them. */
export function readableDepartmentIds(actor: Actor): number[] | null {
  return actor.role === Role.ADMIN || actor.role === Role.ANALYST ? null : actor.departmentIds;
}

export function canReadDepartment(actor: Actor, departmentId: number): boolean {
  const scope = readableDepartmentIds(actor);
  return scope === null || scope.includes(departmentId);
}

/** Why an action is refused, or null when it is allowed. */
export function refusal(actor: Actor | null, action: PlanAction, plan: Pick<Plan, 'status'> & { department: { id: number } }): { code: UserErrorCode; message: string } | null {
  const rule = PLAN_ACTIONS[action];
  if (!actor) return { code: UserErrorCode.FORBIDDEN, message: '请先登录 (sign in first)' };
  if (!(rule.roles as readonly Role[]).includes(actor.role)) {
    return { code: UserErrorCode.FORBIDDEN, message: `当前角色不能${rule.label} (your role may not do this)` };
  }
  if (actor.role !== Role.ADMIN && !actor.departmentIds.includes(plan.department.id)) {
    return { code: UserErrorCode.FORBIDDEN, message: `不能${rule.label}其他部门的计划 (not a department in your scope)` };
  }
  if (!(rule.statuses as readonly PlanStatus[]).includes(plan.status)) {
    return {
      code: UserErrorCode.WRONG_STATUS,
      message: `计划${STATUS_LABELS[plan.status]}，不能${rule.label} (not allowed while the plan is ${plan.status})`,
    };
  }
  return null;
}

export function allowedActions(actor: Actor | null, plan: Pick<Plan, 'status'> & { department: { id: number } }): PlanAction[] {
  return (Object.keys(PLAN_ACTIONS) as PlanAction[]).filter((action) => refusal(actor, action, plan) === null);
}

// The actor of each request, found by its EntityManager: services reach it without threading it through.
const actors = new WeakMap<EntityManager, Actor | null>();

export function bindActor(em: EntityManager, actor: Actor | null): void {
  actors.set(em, actor);
}

export function actorOf(em: EntityManager): Actor | null {
  return actors.get(em) ?? null;
}

/** Refuses (as a userError, nothing written) unless the request's actor may do `action` to `plan`. */
export function authorize(em: EntityManager, action: PlanAction, plan: Plan): void {
  const problem = refusal(actorOf(em), action, plan);
  if (problem) throw UserInputError.of(['id'], problem.code, problem.message);
}

/** The first of several actions that is allowed (e.g. edit a draft, or adjust an approved target). */
export function authorizeAny(em: EntityManager, actions: PlanAction[], plan: Plan): PlanAction {
  const actor = actorOf(em);
  const allowed = actions.find((action) => refusal(actor, action, plan) === null);
  if (allowed) return allowed;
  const problem = refusal(actor, actions[0], plan)!;
  throw UserInputError.of(['id'], problem.code, problem.message);
}

/** For queries: a plan outside the actor's scope is an error, not an empty answer. */
export function assertCanRead(actor: Actor | null, departmentId: number): void {
  if (!actor) throw new GraphQLError('请先登录 (sign in first)', { extensions: { code: 'UNAUTHENTICATED' } });
  if (!canReadDepartment(actor, departmentId)) {
    throw new GraphQLError('无权查看其他部门的数据 (not a department in your scope)', { extensions: { code: 'FORBIDDEN' } });
  }
}

/** Only the administrator manages departments and users. */
export function authorizeAdmin(em: EntityManager): void {
  const actor = actorOf(em);
  if (actor?.role !== Role.ADMIN) throw UserInputError.of([], UserErrorCode.FORBIDDEN, '仅系统管理员可以操作 (administrators only)');
}
