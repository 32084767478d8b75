import type { EntityManager, FilterQuery } from '@mikro-orm/sqlite';
import { UserErrorCode, UserInputError } from '../../graphql/user-error.js';
import type { Department } from '../department/department.entity.js';
import { containsText, getDepartment } from '../department/department.service.js';
import { recordDeletions } from '../audit/audit.service.js';
import { Evaluation, EvaluationSection } from '../evaluation/evaluation.entity.js';
import { Indicator } from '../indicator/indicator.entity.js';
import { LineItem } from '../line-item/line-item.entity.js';
import {
  checkCount,
  checkNonNegative,
  checkVersion,
  checkText,
  checkTextList,
  checkYear,
  LONG_TEXT_MAX,
  parseId,
  placeAt,
  renumber,
  SHORT_TEXT_MAX,
} from '../validation.js';
import { BudgetLine } from './budget-line.entity.js';
import { CATEGORY_ORDER } from './budget.js';
import { KeyTask } from './key-task.entity.js';
import { BudgetCategory } from './plan-enums.js';
import { Plan } from './plan.entity.js';
import type { CreatePlanInput, KeyTaskInput, PlanFilter, SetBudgetLineInput, UpdatePlanInput } from './plan.input.js';
import { applyStageAmounts } from './stage-amounts.js';
import { actorOf, authorize, authorizeAny, type PlanAction } from '../user/access.js';
import { Role } from '../user/user.entity.js';
import { storePlanFigures } from './plan-figures.store.js';

export async function getPlan(em: EntityManager, id: string | number, field: string[] = ['planId']): Promise<Plan> {
  const plan = await em.findOne(Plan, { id: parseId(id, field) });
  if (!plan) throw UserInputError.of(field, UserErrorCode.NOT_FOUND, `计划不存在：${id} (no such plan)`);
  return plan;
}

/** The plan an object belongs to, checked for one of the actions (the first allowed one is returned). */
export async function authorizeOn(em: EntityManager, planId: number, ...actions: PlanAction[]): Promise<{ plan: Plan; action: PlanAction }> {
  const plan = await em.findOneOrFail(Plan, { id: planId });
  return { plan, action: authorizeAny(em, actions, plan) };
}

export function planFilterQuery(filter: PlanFilter | null | undefined, readableDepartments: number[] | null = null): FilterQuery<Plan> {
  const query: FilterQuery<Plan>[] = readableDepartments === null ? [] : [{ department: { $in: readableDepartments } }];
  if (filter?.year != null) query.push({ year: filter.year });
  if (filter?.status != null) query.push({ status: filter.status });
  if (filter?.departmentId != null) query.push({ department: parseId(filter.departmentId, ['filter', 'departmentId']) });
  if (filter?.departmentName) {
    const field = ['filter', 'departmentName'];
    query.push({ department: { $or: [containsText<Department>('name', filter.departmentName, field), containsText<Department>('short_name', filter.departmentName, field)] } });
  }
  if (filter?.region) query.push({ department: containsText<Department>('region', filter.region, ['filter', 'region']) });
  return query.length ? { $and: query } : {};
}

export async function createPlan(em: EntityManager, input: CreatePlanInput): Promise<Plan> {
  checkYear(input.year, ['input', 'year']);
  const department = await getDepartment(em, input.departmentId, ['input', 'departmentId']);
  const actor = actorOf(em);
  const mayCreate = actor?.role === Role.ADMIN || (actor?.role === Role.PLANNER && actor.departmentIds.includes(department.id));
  if (!mayCreate) throw UserInputError.of(['input', 'departmentId'], UserErrorCode.FORBIDDEN, '只有本部门编报人员或管理员可以新建计划 (only the department\'s planners may create its plans)');
  const existing = await em.findOne(Plan, { department, year: input.year });
  if (existing) {
    throw UserInputError.of(['input', 'year'], UserErrorCode.DUPLICATE, `${department.name} 已有 ${input.year} 年度计划 (a plan for this department and year exists)`);
  }
  const plan = em.create(Plan, { department, year: input.year });
  if (input.copyFromPlanId != null) {
    const source = await getPlan(em, input.copyFromPlanId, ['input', 'copyFromPlanId']);
    if (source.department.id !== department.id && actor?.role !== Role.ADMIN) {
      throw UserInputError.of(['input', 'copyFromPlanId'], UserErrorCode.FORBIDDEN, '只能复制本部门的计划 (copy from your own department\'s plans)');
    }
    await copyPlanTargets(em, source, plan);
  }
  await em.flush();
  await storePlanFigures(em, plan.id);
  return plan;
}

/**
 * Starts a new year from an earlier plan: what the department does and aims for carries over;
 * what happened (actuals, scores, evidence) and the money of another year do not.
 */
async function copyPlanTargets(em: EntityManager, source: Plan, plan: Plan): Promise<void> {
  plan.functions = source.functions && [...source.functions];
  plan.internalUnits = source.internalUnits && [...source.internalUnits];
  plan.subUnits = source.subUnits && [...source.subUnits];
  plan.staff = source.staff && { ...source.staff };
  plan.overallGoals = source.overallGoals && [...source.overallGoals];
  const tasks = await em.find(KeyTask, { plan: source }, { orderBy: { position: 'asc' } });
  for (const task of tasks) {
    em.create(KeyTask, { plan, position: task.position, item: task.item, owner: task.owner, goal: task.goal });
  }
  const lineItems = await em.find(LineItem, { plan: source }, { orderBy: { position: 'asc' } });
  const indicators = await em.find(Indicator, { plan: source }, { orderBy: { position: 'asc' } });
  const copies = new Map<LineItem, LineItem>();
  const copyLineItem = (item: LineItem): LineItem => {
    const existing = copies.get(item);
    if (existing) return existing;
    const copy = em.create(LineItem, {
      plan,
      parent: item.parent ? copyLineItem(item.parent as LineItem) : null,
      position: item.position,
      name: item.name,
      kind: item.kind,
      periodGoal: item.periodGoal,
      annualGoal: item.annualGoal,
      use: item.use,
    });
    copies.set(item, copy);
    return copy;
  };
  lineItems.forEach(copyLineItem);
  for (const indicator of indicators) {
    em.create(Indicator, {
      plan,
      lineItem: indicator.lineItem ? copies.get(indicator.lineItem as LineItem)! : null,
      position: indicator.position,
      level1: indicator.level1,
      level1Label: indicator.level1Label,
      level2: indicator.level2,
      level2Label: indicator.level2Label,
      name: indicator.name,
      previous: indicator,
      targetText: indicator.targetText,
      weight: indicator.weight,
      remark: indicator.remark,
    });
  }
}

export async function updatePlan(em: EntityManager, id: string, input: UpdatePlanInput, expectedVersion?: number | null): Promise<Plan> {
  const plan = await getPlan(em, id, ['id']);
  authorize(em, 'EDIT_DRAFT', plan);
  checkVersion(plan, expectedVersion);
  const lists = ['functions', 'internalUnits', 'subUnits', 'overallGoals', 'achievements'] as const;
  for (const key of lists) {
    const value = input[key];
    if (value === undefined) continue;
    checkTextList(value, ['input', key]);
    plan[key] = value;
  }
  if (input.staff !== undefined) {
    const staff = input.staff;
    if (staff) (['authorized', 'actual', 'retired'] as const).forEach((key) => checkCount(staff[key], ['input', 'staff', key]));
    plan.staff = staff && { authorized: staff.authorized ?? null, actual: staff.actual ?? null, retired: staff.retired ?? null };
  }
  if (input.fixedAssets !== undefined) {
    checkNonNegative(input.fixedAssets, ['input', 'fixedAssets']);
    plan.fixedAssets = input.fixedAssets;
  }
  if (input.source !== undefined) {
    checkText(input.source, ['input', 'source'], { max: SHORT_TEXT_MAX });
    plan.source = input.source;
  }
  await em.flush();
  return plan;
}

export async function deletePlan(em: EntityManager, id: string): Promise<number> {
  const plan = await getPlan(em, id, ['id']);
  authorize(em, 'DELETE', plan);
  const planId = plan.id;
  await deletePlanContent(em, planId);
  em.remove(plan);
  await em.flush();
  return planId;
}

/**
 * Removes everything a plan holds (a re-import replaces it), children before parents. Native
 * deletes bypass the identity map: call it before loading any of the plan's content. Each removed
 * row is recorded in the audit trail first (one DELETED entry with the whole row), unless the caller
 * records the removal itself — an import keeps the replaced plan as one document in its one entry.
 */
export async function deletePlanContent(em: EntityManager, planId: number, { audited = true }: { audited?: boolean } = {}): Promise<void> {
  if (audited) {
    await recordDeletions(em, Indicator, { plan: planId });
    await recordDeletions(em, LineItem, { plan: planId });
    await recordDeletions(em, KeyTask, { plan: planId });
    await recordDeletions(em, BudgetLine, { plan: planId });
    await recordDeletions(em, EvaluationSection, { evaluation: { plan: planId } }, planId);
    await recordDeletions(em, Evaluation, { plan: planId });
  }
  await em.nativeDelete(Indicator, { plan: planId });
  await em.nativeUpdate(LineItem, { plan: planId }, { parent: null });
  await em.nativeDelete(LineItem, { plan: planId });
  await em.nativeDelete(KeyTask, { plan: planId });
  await em.nativeDelete(BudgetLine, { plan: planId });
  await em.nativeDelete(Evaluation, { plan: planId });
}

/** Sets a row's stages; `amountsField` is where errors about the amounts point. */
export async function setBudgetLine(
  em: EntityManager,
  input: SetBudgetLineInput,
  { amountsField = ['input', 'amounts'], actions = ['EDIT_DRAFT'], expectedVersion }: { amountsField?: string[]; actions?: PlanAction[]; expectedVersion?: number | null } = {},
): Promise<BudgetLine> {
  const plan = await getPlan(em, input.planId, ['input', 'planId']);
  authorizeAny(em, actions, plan);
  const isDetail = input.category === BudgetCategory.BASIC_DETAIL;
  const name = input.name?.trim() || null;
  if (isDetail) checkText(name, ['input', 'name'], { max: SHORT_TEXT_MAX, required: true });
  else if (name) throw UserInputError.of(['input', 'name'], UserErrorCode.INVALID, '只有基本支出明细行有名称 (only BASIC_DETAIL rows have a name)');
  const lines = await em.find(BudgetLine, { plan }, { orderBy: { position: 'asc' } });
  let line = input.id != null ? lines.find((row) => row.id === parseId(input.id!, ['input', 'id'])) : lines.find((row) => row.category === input.category && row.name === name);
  if (input.id != null && (!line || line.category !== input.category)) {
    throw UserInputError.of(['input', 'id'], UserErrorCode.NOT_FOUND, `该计划没有这一${input.category}行：${input.id} (no such row of this plan)`);
  }
  if (line) {
    checkVersion(line, expectedVersion);
    if (name !== line.name && lines.some((row) => row !== line && row.category === input.category && row.name === name)) {
      throw UserInputError.of(['input', 'name'], UserErrorCode.DUPLICATE, `已有名为「${name}」的明细行 (a detail row has this name)`);
    }
    line.name = name;
  } else {
    // A new detail row goes after the rows of its category.
    line = em.create(BudgetLine, { plan, category: input.category, name, position: lines.length });
    lines.push(line);
    orderBudgetLines(lines);
  }
  applyStageAmounts(line.amounts, input.amounts, amountsField);
  await storePlanFigures(em, plan.id);
  return line;
}

/** Rows keep the forms' order (by category), detail rows in the order they were added. */
export function orderBudgetLines(lines: BudgetLine[]): void {
  const rank = (line: BudgetLine) => CATEGORY_ORDER.indexOf(line.category);
  [...lines]
    .sort((a, b) => rank(a) - rank(b) || a.position - b.position)
    .forEach((line, index) => {
      line.position = index;
    });
}

export async function removeBudgetLine(em: EntityManager, id: string, expectedVersion?: number | null): Promise<number> {
  const line = await em.findOne(BudgetLine, { id: parseId(id, ['id']) });
  if (!line) throw UserInputError.of(['id'], UserErrorCode.NOT_FOUND, `预算行不存在：${id} (no such budget row)`);
  await authorizeOn(em, line.plan.id, 'EDIT_DRAFT');
  checkVersion(line, expectedVersion);
  const lineId = line.id;
  em.remove(line);
  await storePlanFigures(em, line.plan.id);
  return lineId;
}

function checkKeyTask(input: KeyTaskInput): void {
  checkText(input.item, ['input', 'item'], { max: LONG_TEXT_MAX });
  checkText(input.owner, ['input', 'owner'], { max: SHORT_TEXT_MAX });
  checkText(input.goal, ['input', 'goal'], { max: LONG_TEXT_MAX });
}

async function getKeyTask(em: EntityManager, id: string): Promise<KeyTask> {
  const task = await em.findOne(KeyTask, { id: parseId(id, ['id']) });
  if (!task) throw UserInputError.of(['id'], UserErrorCode.NOT_FOUND, `重点工作不存在：${id} (no such key task)`);
  return task;
}

export async function addKeyTask(em: EntityManager, planId: string, input: KeyTaskInput, position?: number | null): Promise<KeyTask> {
  const plan = await getPlan(em, planId);
  authorize(em, 'EDIT_DRAFT', plan);
  checkKeyTask(input);
  const tasks = await em.find(KeyTask, { plan }, { orderBy: { position: 'asc' } });
  const task = em.create(KeyTask, { plan, item: input.item ?? null, owner: input.owner ?? null, goal: input.goal ?? null });
  placeAt([...tasks, task], task, position);
  await em.flush();
  return task;
}

export async function updateKeyTask(em: EntityManager, id: string, input: KeyTaskInput, expectedVersion?: number | null): Promise<KeyTask> {
  const task = await getKeyTask(em, id);
  await authorizeOn(em, task.plan.id, 'EDIT_DRAFT');
  checkVersion(task, expectedVersion);
  checkKeyTask(input);
  if (input.item !== undefined) task.item = input.item;
  if (input.owner !== undefined) task.owner = input.owner;
  if (input.goal !== undefined) task.goal = input.goal;
  await em.flush();
  return task;
}

export async function moveKeyTask(em: EntityManager, id: string, position: number): Promise<KeyTask> {
  const task = await getKeyTask(em, id);
  await authorizeOn(em, task.plan.id, 'EDIT_DRAFT');
  const tasks = await em.find(KeyTask, { plan: task.plan }, { orderBy: { position: 'asc' } });
  placeAt(tasks, task, position);
  await em.flush();
  return task;
}

export async function deleteKeyTask(em: EntityManager, id: string): Promise<number> {
  const task = await getKeyTask(em, id);
  await authorizeOn(em, task.plan.id, 'EDIT_DRAFT');
  const taskId = task.id;
  const siblings = await em.find(KeyTask, { plan: task.plan, id: { $ne: taskId } });
  em.remove(task);
  renumber(siblings);
  await em.flush();
  return taskId;
}
