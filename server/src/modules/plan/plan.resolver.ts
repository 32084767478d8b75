import { Authorized, Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Connection, pageWindow, toPage } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { runMutation } from '../../graphql/mutation.js';
import { DeletePayload, deleted, EXPECTED_VERSION, Payload } from '../../graphql/payload.js';
import { allowedActions, assertCanRead, type PlanAction, readableDepartmentIds } from '../user/access.js';
import { PlanActionValues } from '../user/access.types.js';
import { transition } from './workflow.service.js';
import { Department } from '../department/department.entity.js';
import { findDepartmentByNames } from '../department/department.service.js';
import { Evaluation } from '../evaluation/evaluation.entity.js';
import { Indicator } from '../indicator/indicator.entity.js';
import { LineItem } from '../line-item/line-item.entity.js';
import { keyTasksOf, type Paced, planContentOf, planContentPart } from './plan-content.js';
import { departmentOf, planHead } from './plan-head.js';
import { parseId } from '../validation.js';
import { formatDecimal } from '../../domain/decimal.js';
import type { Level1 } from '../../domain/indicator-hierarchy.js';
import { sectionWeightsForRows } from '../../domain/sections.js';
import { sectionWeightsOf, storedPlanChecks, storedPlanRollup } from './plan-figures.service.js';
import { Rollup } from '../evaluation/rollup.type.js';
import { CheckWarning } from './check-warning.type.js';
import { recordSpending, setSectionWeights } from './spending.service.js';
import { RecordSpendingInput, SectionWeight, SectionWeightInput, SpendingPayload } from './spending.types.js';
import { BudgetLine } from './budget-line.entity.js';
import { Budget, budgetView } from './budget.js';
import { KeyTask } from './key-task.entity.js';
import { Plan } from './plan.entity.js';
import { CreatePlanInput, KeyTaskInput, PlanFilter, SetBudgetLineInput, UpdatePlanInput } from './plan.input.js';
import {
  addKeyTask,
  createPlan,
  deleteKeyTask,
  deletePlan,
  moveKeyTask,
  planFilterQuery,
  removeBudgetLine,
  setBudgetLine,
  updateKeyTask,
  updatePlan,
} from './plan.service.js';

const PlanConnection = Connection(Plan, 'Plan', '计划列表 / plans');
const PlanPayload = Payload(Plan, 'plan', 'PlanPayload', '计划');
const BudgetLinePayload = Payload(BudgetLine, 'budgetLine', 'BudgetLinePayload', '预算行');
const KeyTaskPayload = Payload(KeyTask, 'keyTask', 'KeyTaskPayload', '重点工作');

@Authorized()
@Resolver(() => Plan)
export class PlanResolver {
  @Query(() => Plan, { nullable: true, description: '按编号查计划 / a plan by id' })
  async plan(@Ctx() { em, actor }: Context, @Arg('id', () => ID) id: string): Promise<Plan | null> {
    // The plan with its department and evaluation in one statement, shared with the plan's content (plan-head.ts).
    const head = await planHead(em, parseId(id, ['id']));
    if (head) assertCanRead(actor, head.plan.department.id);
    return head?.plan ?? null;
  }

  @Query(() => Plan, {
    nullable: true,
    description: '按部门（编号，或全称/简称）和年度查计划 / a plan by department (id, or full or short name) and year',
  })
  async planByYear(
    @Ctx() { em, actor }: Context,
    @Arg('year', () => Int) year: number,
    @Arg('departmentId', () => ID, { nullable: true }) departmentId: string | null,
    @Arg('department', () => String, { nullable: true, description: '部门全称或简称 / full or short name' }) name: string | null,
  ): Promise<Plan | null> {
    const department =
      departmentId != null ? await em.findOne(Department, { id: parseId(departmentId, ['departmentId']) }) : name ? await findDepartmentByNames(em, [name]) : null;
    if (department) assertCanRead(actor, department.id);
    return department ? em.findOne(Plan, { department, year }) : null;
  }

  @Query(() => PlanConnection, { description: '计划列表（按年度、部门排序）/ plans, by year then department' })
  async plans(
    @Ctx() { em, actor }: Context,
    @Arg('first', () => Int, { defaultValue: 20, description: '每页数量（≤ 100）/ page size' }) first: number,
    @Arg('after', () => String, { nullable: true, description: '游标 / cursor' }) after: string | null,
    @Arg('filter', () => PlanFilter, { nullable: true, description: '筛选 / filter' }) filter: PlanFilter | null,
  ) {
    const { limit, offset } = pageWindow(first, after);
    const [items, total] = await em.findAndCount(Plan, planFilterQuery(filter, readableDepartmentIds(actor!)), {
      orderBy: { year: 'desc', department: { name: 'asc' }, id: 'asc' },
      populate: ['department'],
      limit,
      offset,
    });
    return toPage(items, total, offset);
  }

  @FieldResolver(() => [PlanActionValues], { description: '当前用户此刻可对该计划执行的操作（客户端据此显示按钮、锁定单元格）/ what the signed-in user may do to this plan now' })
  allowedActions(@Root() plan: Plan, @Ctx() { actor }: Context): PlanAction[] {
    return allowedActions(actor, plan);
  }

  @Mutation(() => PlanPayload, { description: '提交审核（编制中 → 已提交）/ submit for review' })
  async submitPlan(@Ctx() { em }: Context, @Arg('id', () => ID) id: string, @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number | null) {
    const { result, userErrors } = await runMutation(em, (tx) => transition(tx, id, 'SUBMIT', { expectedVersion }));
    return { plan: result, userErrors };
  }

  @Mutation(() => PlanPayload, { description: '退回修改（已提交 → 编制中），须填写原因 / return to the planner, with a reason' })
  async returnPlan(@Ctx() { em }: Context, @Arg('id', () => ID) id: string, @Arg('reason', () => String) reason: string, @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number | null) {
    const { result, userErrors } = await runMutation(em, (tx) => transition(tx, id, 'RETURN', { reason, expectedVersion }));
    return { plan: result, userErrors };
  }

  @Mutation(() => PlanPayload, { description: '批复（已提交 → 已批复），目标冻结；可填写批复意见 / approve, with an optional opinion; targets are frozen' })
  async approvePlan(
    @Ctx() { em }: Context,
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number | null,
    @Arg('opinion', () => String, { nullable: true, description: '批复意见，记入计划与审计 / the approval opinion, kept on the plan and audited' }) opinion: string | null,
  ) {
    const { result, userErrors } = await runMutation(em, (tx) => transition(tx, id, 'APPROVE', { expectedVersion, opinion }));
    return { plan: result, userErrors };
  }

  @Mutation(() => PlanPayload, { description: '开始自评（已批复 → 自评中），开放实际值填报；可填写开始自评意见 / open the evaluation, with an optional opinion' })
  async startEvaluation(
    @Ctx() { em }: Context,
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number | null,
    @Arg('opinion', () => String, { nullable: true, description: '开始自评意见，记为状态变更审计记录的原因 / the opinion, kept as the reason of the status change in the audit trail' }) opinion: string | null,
  ) {
    const { result, userErrors } = await runMutation(em, (tx) => transition(tx, id, 'START_EVALUATION', { expectedVersion, opinion }));
    return { plan: result, userErrors };
  }

  @Mutation(() => PlanPayload, { description: '关闭（自评中 → 已关闭），此后只读 / close; read only from then on' })
  async closePlan(@Ctx() { em }: Context, @Arg('id', () => ID) id: string, @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number | null) {
    const { result, userErrors } = await runMutation(em, (tx) => transition(tx, id, 'CLOSE', { expectedVersion }));
    return { plan: result, userErrors };
  }

  @FieldResolver(() => Department, { description: '部门 / department' })
  department(@Root() plan: Plan, @Ctx() { em }: Context): Department | Promise<Department> {
    return departmentOf(em, plan);
  }

  @FieldResolver(() => Budget, { description: '部门预算（万元）/ the budget (万元)' })
  async budget(@Root() plan: Plan, @Ctx() { em }: Context): Promise<Budget> {
    return budgetView((await planContentOf(em, plan.id)).budgetLines, plan.fixedAssets);
  }

  @FieldResolver(() => [KeyTask], { description: '年度重点工作计划 / key tasks' })
  async keyTasks(@Root() plan: Plan, @Ctx() { em }: Context): Promise<KeyTask[]> {
    return keyTasksOf(em, await planContentOf(em, plan.id));
  }

  @FieldResolver(() => [LineItem], { description: '专项（顶级，子项见 children）/ top-level line items; 子项 under children' })
  lineItems(@Root() plan: Plan, @Ctx() { em }: Context): Paced<LineItem> {
    return planContentPart(em, plan.id, (content) => content.childrenByParent.get(null) ?? []);
  }

  @FieldResolver(() => [Indicator], { description: '部门整体绩效指标（不含专项指标）/ plan-level indicators (line items have their own)' })
  indicators(@Root() plan: Plan, @Ctx() { em }: Context): Paced<Indicator> {
    return planContentPart(em, plan.id, (content) => content.indicatorsByLineItem.get(null) ?? []);
  }

  @FieldResolver(() => Evaluation, { nullable: true, description: '绩效自评 / the self-evaluation, if any' })
  async evaluation(@Root() plan: Plan, @Ctx() { em }: Context): Promise<Evaluation | null> {
    return (await planContentOf(em, plan.id)).evaluation;
  }

  @FieldResolver(() => Rollup, { description: '部门整体指标的汇总：分值、得分、状态计数、预算执行率、等次（读取时计算）/ roll-up of the plan-level indicators' })
  async rollup(@Root() plan: Plan, @Ctx() { em }: Context): Promise<Rollup> {
    return storedPlanRollup(em, plan);
  }

  @FieldResolver(() => [CheckWarning], { description: '勾稽关系检查提示（无不一致时为空）/ consistency warnings; empty when everything agrees' })
  async checks(@Root() plan: Plan, @Ctx() { em }: Context): Promise<CheckWarning[]> {
    return storedPlanChecks(em, plan);
  }

  @FieldResolver(() => [SectionWeight], { description: '计分所用的各部分分值（计划设定、自评表所填或默认 10/50/30/10；用决策/投入/过程部分的计划默认 20/20/40/20）/ the section weights that score this plan' })
  async sectionWeights(@Root() plan: Plan, @Ctx() { em }: Context): Promise<SectionWeight[]> {
    const { evaluation, indicatorsByLineItem } = await planContentOf(em, plan.id);
    const weights = sectionWeightsForRows(sectionWeightsOf(plan, evaluation), (indicatorsByLineItem.get(null) ?? []).map((row) => row.level1));
    return Object.entries(weights).map(([level1, weight]) => ({ level1: level1 as Level1, weight: formatDecimal(weight!) }));
  }

  @Mutation(() => PlanPayload, { description: '设置本计划各部分分值（null 恢复默认 10/50/30/10）/ set the plan\'s section weights; null restores the defaults' })
  async setSectionWeights(
    @Ctx() { em }: Context,
    @Arg('planId', () => ID) planId: string,
    @Arg('weights', () => [SectionWeightInput], { nullable: true }) weights: SectionWeightInput[] | null,
    @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number | null,
  ) {
    const { result, userErrors } = await runMutation(em, (tx) => setSectionWeights(tx, planId, weights, expectedVersion));
    return { plan: result, userErrors };
  }

  @Mutation(() => SpendingPayload, { description: '填报调整数、全年预算数、实际支出（计划预算或专项）/ record adjustments, full-year and actual spending of the plan or a line item' })
  async recordSpending(@Ctx() { em }: Context, @Arg('input', () => RecordSpendingInput) input: RecordSpendingInput) {
    const { result, userErrors } = await runMutation(em, (tx) => recordSpending(tx, input));
    return {
      plan: result ? await em.findOneOrFail(Plan, { id: result.planId }) : null,
      lineItem: result?.lineItem ?? null,
      budgetLine: result?.budgetLine ?? null,
      userErrors,
    };
  }

  @Mutation(() => PlanPayload, { description: '新建年度计划（空白或复制上一年度）/ create a plan, empty or copied from an earlier one' })
  async createPlan(@Ctx() { em }: Context, @Arg('input', () => CreatePlanInput) input: CreatePlanInput) {
    const { result, userErrors } = await runMutation(em, (tx) => createPlan(tx, input));
    return { plan: result, userErrors };
  }

  @Mutation(() => PlanPayload, { description: '修改部门情况、整体目标等 / update the profile, goals, fixed assets' })
  async updatePlan(@Ctx() { em }: Context, @Arg('id', () => ID) id: string, @Arg('input', () => UpdatePlanInput) input: UpdatePlanInput, @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number | null) {
    const { result, userErrors } = await runMutation(em, (tx) => updatePlan(tx, id, input, expectedVersion));
    return { plan: result, userErrors };
  }

  @Mutation(() => DeletePayload, { description: '删除计划及其全部内容 / delete a plan and everything in it' })
  async deletePlan(@Ctx() { em }: Context, @Arg('id', () => ID) id: string) {
    return deleted(await runMutation(em, (tx) => deletePlan(tx, id)));
  }

  @Mutation(() => BudgetLinePayload, { description: '设置预算矩阵一行的金额（万元）/ set one budget row (万元)' })
  async setBudgetLine(@Ctx() { em }: Context, @Arg('input', () => SetBudgetLineInput) input: SetBudgetLineInput, @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number | null) {
    const { result, userErrors } = await runMutation(em, (tx) => setBudgetLine(tx, input, { expectedVersion }));
    return { budgetLine: result, userErrors };
  }

  @Mutation(() => DeletePayload, { description: '删除预算矩阵一行（即改为未填报）/ remove a budget row (not stated)' })
  async removeBudgetLine(@Ctx() { em }: Context, @Arg('id', () => ID) id: string, @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number | null) {
    return deleted(await runMutation(em, (tx) => removeBudgetLine(tx, id, expectedVersion)));
  }

  @Mutation(() => KeyTaskPayload, { description: '新增重点工作 / add a key task' })
  async addKeyTask(
    @Ctx() { em }: Context,
    @Arg('planId', () => ID) planId: string,
    @Arg('input', () => KeyTaskInput) input: KeyTaskInput,
    @Arg('position', () => Int, { nullable: true, description: '插入位置（默认末尾）/ position, default last' }) position: number | null,
  ) {
    const { result, userErrors } = await runMutation(em, (tx) => addKeyTask(tx, planId, input, position));
    return { keyTask: result, userErrors };
  }

  @Mutation(() => KeyTaskPayload, { description: '修改重点工作 / update a key task' })
  async updateKeyTask(@Ctx() { em }: Context, @Arg('id', () => ID) id: string, @Arg('input', () => KeyTaskInput) input: KeyTaskInput, @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number | null) {
    const { result, userErrors } = await runMutation(em, (tx) => updateKeyTask(tx, id, input, expectedVersion));
    return { keyTask: result, userErrors };
  }

  @Mutation(() => KeyTaskPayload, { description: '调整重点工作顺序 / reorder a key task' })
  async moveKeyTask(@Ctx() { em }: Context, @Arg('id', () => ID) id: string, @Arg('position', () => Int) position: number) {
    const { result, userErrors } = await runMutation(em, (tx) => moveKeyTask(tx, id, position));
    return { keyTask: result, userErrors };
  }

  @Mutation(() => DeletePayload, { description: '删除重点工作 / delete a key task' })
  async deleteKeyTask(@Ctx() { em }: Context, @Arg('id', () => ID) id: string) {
    return deleted(await runMutation(em, (tx) => deleteKeyTask(tx, id)));
  }
}
