import { Arg, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { canonicalLevels, type Level1, type Level2 } from '../../domain/indicator-hierarchy.js';
import { parseIndicatorValue } from '../../domain/indicator-value/parse.js';
import { UserError } from '../../graphql/user-error.js';
import { indicatorViews } from '../plan/plan-figures.service.js';
import type { IndicatorFiguresView } from '../plan/plan-figures.types.js';
import { Plan } from '../plan/plan.entity.js';
import { Gap } from './gap.type.js';
import { Level1Values, Level2Values } from './indicator-enums.js';
import { IndicatorValue, indicatorValue, ValueRoleValues } from './indicator-value.type.js';
import { DecimalScalar } from '../../graphql/scalars.js';
import type { EntityManager } from '@mikro-orm/sqlite';
import type { Context } from '../../graphql/context.js';
import { runMutation } from '../../graphql/mutation.js';
import { batchLoad } from '../../graphql/context.js';
import { canReadDepartment } from '../user/access.js';
import { DeletePayload, deleted, EXPECTED_VERSION, Payload } from '../../graphql/payload.js';
import { Indicator } from './indicator.entity.js';
import { AddIndicatorInput, IndicatorInput, MoveIndicatorInput, StructuredTargetInput } from './indicator.input.js';
import {
  addIndicator,
  deleteIndicator,
  moveIndicator,
  recordIndicatorActual,
  scoreIndicator,
  setIndicatorDeviationReason,
  setIndicatorTarget,
  setIndicatorWeight,
  updateIndicator,
} from './indicator.service.js';

const IndicatorPayload = Payload(Indicator, 'indicator', 'IndicatorPayload', '指标');

/** An edit of a target, actual, weight or score: the indicator with its new gap, and its plan's new roll-up and checks. */
@ObjectType({ description: '指标目标/实际/分值/得分变更结果：含新的差距，以及所属计划新的汇总与勾稽检查 / result of a target, actual, weight or score edit' })
class IndicatorChangePayload {
  @Field(() => Indicator, { nullable: true, description: '变更后的指标（含 gap）/ the indicator, with its new gap' })
  indicator!: Indicator | null;

  @Field(() => [UserError], { description: '输入错误（有错误时未作任何修改）/ input errors; nothing changed when present' })
  userErrors!: UserError[];

  private em!: EntityManager;

  /** Read only when the client asks for it (after the write, as now stored). */
  @Field(() => Plan, { nullable: true, description: '所属计划（含新的 rollup 与 checks）/ its plan, with the fresh rollup and checks' })
  plan(): Promise<Plan> | null {
    return this.indicator ? this.em.findOneOrFail(Plan, { id: this.indicator.plan.id }) : null;
  }

  static of(em: EntityManager, { result, userErrors }: { result: Indicator | null; userErrors: UserError[] }): IndicatorChangePayload {
    return Object.assign(new IndicatorChangePayload(), { em, indicator: result, userErrors });
  }
}

const changed = IndicatorChangePayload.of;

/** An indicator's figures, computed from its texts (plan-figures.service.ts), synchronously when it can be. */
function figuresThen<T>(em: EntityManager, indicator: Indicator, pick: (figures: IndicatorFiguresView) => T): T | Promise<T> {
  const figures = indicatorViews(em, indicator);
  return figures instanceof Promise ? figures.then(pick) : pick(figures);
}

@Authorized()
@Resolver(() => Indicator)
export class IndicatorResolver {
  @FieldResolver(() => [String], { description: '无法识别的一级/二级指标名称（原文保留）/ level labels the hierarchy does not know, kept as written' })
  unknownLevelLabels(@Root() indicator: Indicator): string[] {
    return canonicalLevels(indicator.level1Label, indicator.level2Label).unknownLabels;
  }

  @FieldResolver(() => ID, { nullable: true, description: '所属专项编号（部门整体指标为空）/ line item id; null at plan level' })
  lineItemId(@Root() indicator: Indicator): string | null {
    return indicator.lineItem ? String(indicator.lineItem.id) : null;
  }

  @FieldResolver(() => Plan, { description: '所属计划（含汇总与勾稽检查）/ the plan, with its roll-up and checks' })
  plan(@Root() indicator: Indicator, @Ctx() { em }: Context): Promise<Plan> {
    return em.findOneOrFail(Plan, { id: indicator.plan.id });
  }

  @FieldResolver(() => ID, { description: '所属计划编号 / plan id' })
  planId(@Root() indicator: Indicator): string {
    return String(indicator.plan.id);
  }

  @FieldResolver(() => Indicator, {
    nullable: true,
    description:
      '上一年度计划中的同一指标（复制上年计划时关联），可在一次查询中比较历年的目标与实际 / the same indicator in last year\'s plan (linked when the plan was copied), to compare targets and actuals across years in one query',
  })
  async previous(@Root() indicator: Indicator, @Ctx() { em, actor }: Context): Promise<Indicator | null> {
    if (!indicator.previous) return null;
    const previous = await batchLoad(em, 'indicator-previous', indicator.previous.id, async (ids) => {
      const rows = await em.find(Indicator, { id: { $in: ids } }, { populate: ['plan'] });
      return new Map(rows.map((row) => [row.id, row]));
    });
    return previous && actor && canReadDepartment(actor, previous.plan.department.id) ? previous : null;
  }

  @FieldResolver(() => IndicatorValue, { nullable: true, description: '指标值的识别结果（无指标值时为空；编报人员设定的结构化目标优先）/ how the server reads the target' })
  target(@Root() indicator: Indicator, @Ctx() { em }: Context): IndicatorValue | null | Promise<IndicatorValue | null> {
    return figuresThen(em, indicator, (figures) => figures.target);
  }

  @FieldResolver(() => IndicatorValue, { nullable: true, description: '实际完成值的识别结果（未填时为空）/ how the server reads the actual' })
  actual(@Root() indicator: Indicator, @Ctx() { em }: Context): IndicatorValue | null | Promise<IndicatorValue | null> {
    return figuresThen(em, indicator, (figures) => figures.actual);
  }

  @FieldResolver(() => Gap, { description: '目标与实际的差距、建议得分与说明（服务器计算）/ the gap, suggested score and explanation' })
  gap(@Root() indicator: Indicator, @Ctx() { em }: Context): Gap | Promise<Gap> {
    return figuresThen(em, indicator, (figures) => figures.gap);
  }

  @Query(() => IndicatorValue, { description: '实时识别一段指标值文本（编辑时预览）/ read a value text, for live preview while typing' })
  parseIndicatorValue(
    @Arg('text', () => String) text: string,
    @Arg('level1', () => Level1Values, { nullable: true }) level1: Level1 | null,
    @Arg('level2', () => Level2Values, { nullable: true }) level2: Level2 | null,
    @Arg('role', () => ValueRoleValues, { nullable: true, defaultValue: 'TARGET' }) role: 'TARGET' | 'ACTUAL',
    @Arg('name', () => String, { nullable: true, description: '三级指标名称（如含“成本”“不超过”影响方向）/ indicator name' }) name: string | null,
  ): IndicatorValue {
    return indicatorValue(parseIndicatorValue(text, { role, level1, level2, name }));
  }

  @Mutation(() => IndicatorChangePayload, { description: '设置指标值（可附结构化目标）/ set the target text, optionally with an explicit structured reading' })
  async setIndicatorTarget(
    @Ctx() { em }: Context,
    @Arg('id', () => ID) id: string,
    @Arg('target', () => String, { nullable: true }) target: string | null,
    @Arg('structured', () => StructuredTargetInput, { nullable: true }) structured: StructuredTargetInput | null,
    @Arg('reason', () => String, { nullable: true, description: '调整原因（批复后调整目标时必填）/ reason, required for an adjustment after approval' }) reason: string | null,
    @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number | null,
  ) {
    return changed(em, await runMutation(em, (tx) => setIndicatorTarget(tx, id, target, structured, { reason, expectedVersion })));
  }

  @Mutation(() => IndicatorChangePayload, { description: '填报实际完成值 / record the actual value' })
  async recordIndicatorActual(
    @Ctx() { em }: Context,
    @Arg('id', () => ID) id: string,
    @Arg('actual', () => String, { nullable: true }) actual: string | null,
    @Arg('evidence', () => String, { nullable: true, description: '佐证材料说明（可选）/ evidence, optional' }) evidence: string | null | undefined,
    @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number | null,
  ) {
    return changed(em, await runMutation(em, (tx) => recordIndicatorActual(tx, id, actual, evidence, expectedVersion)));
  }

  @Mutation(() => IndicatorChangePayload, {
    description:
      '评分：与建议得分不同（高或低）须填写说明原因的扣分原因（不能只写“扣N分”或数字）；评分即确认待重新确认的得分；null 撤回得分 / score; differing from the suggestion either way needs a reason that says why; scoring confirms a score marked for re-confirmation',
  })
  async scoreIndicator(
    @Ctx() { em }: Context,
    @Arg('id', () => ID) id: string,
    @Arg('score', () => DecimalScalar, { nullable: true }) score: string | null,
    @Arg('reason', () => String, { nullable: true, description: '扣分原因 / deduction reason' }) reason: string | null | undefined,
    @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number | null,
  ) {
    return changed(em, await runMutation(em, (tx) => scoreIndicator(tx, id, score, reason, expectedVersion)));
  }

  @Mutation(() => IndicatorChangePayload, {
    description: '填写偏差原因（未达成、部分达成或超出目标 50% 以上时须填写；null 清空）/ set the deviation reason; null clears it',
  })
  async setIndicatorDeviationReason(
    @Ctx() { em }: Context,
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String, { nullable: true, description: '偏差原因 / deviation reason' }) reason: string | null,
    @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number | null,
  ) {
    return changed(em, await runMutation(em, (tx) => setIndicatorDeviationReason(tx, id, reason, expectedVersion)));
  }

  @Mutation(() => IndicatorChangePayload, { description: '设置分值 / set the weight' })
  async setIndicatorWeight(
    @Ctx() { em }: Context,
    @Arg('id', () => ID) id: string,
    @Arg('weight', () => DecimalScalar, { nullable: true }) weight: string | null,
    @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number | null,
  ) {
    return changed(em, await runMutation(em, (tx) => setIndicatorWeight(tx, id, weight, expectedVersion)));
  }

  @Mutation(() => IndicatorPayload, { description: '新增指标 / add an indicator' })
  async addIndicator(@Ctx() { em }: Context, @Arg('input', () => AddIndicatorInput) input: AddIndicatorInput) {
    const { result, userErrors } = await runMutation(em, (tx) => addIndicator(tx, input));
    return { indicator: result, userErrors };
  }

  @Mutation(() => IndicatorPayload, { description: '修改指标 / update an indicator' })
  async updateIndicator(@Ctx() { em }: Context, @Arg('id', () => ID) id: string, @Arg('fields', () => IndicatorInput) fields: IndicatorInput, @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number | null) {
    const { result, userErrors } = await runMutation(em, (tx) => updateIndicator(tx, id, fields, expectedVersion));
    return { indicator: result, userErrors };
  }

  @Mutation(() => IndicatorPayload, { description: '移动指标（调整顺序或所属表）/ move an indicator' })
  async moveIndicator(@Ctx() { em }: Context, @Arg('input', () => MoveIndicatorInput) input: MoveIndicatorInput) {
    const { result, userErrors } = await runMutation(em, (tx) => moveIndicator(tx, input));
    return { indicator: result, userErrors };
  }

  @Mutation(() => DeletePayload, { description: '删除指标 / delete an indicator' })
  async deleteIndicator(@Ctx() { em }: Context, @Arg('id', () => ID) id: string) {
    return deleted(await runMutation(em, (tx) => deleteIndicator(tx, id)));
  }
}
