import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { canonicalLevels } from '../../domain/indicator-hierarchy.js';
import type { Context } from '../../graphql/context.js';
import { runMutation } from '../../graphql/mutation.js';
import { DeletePayload, deleted, Payload } from '../../graphql/payload.js';
import { Indicator } from './indicator.entity.js';
import { AddIndicatorInput, IndicatorInput, MoveIndicatorInput } from './indicator.input.js';
import { addIndicator, deleteIndicator, moveIndicator, updateIndicator } from './indicator.service.js';

const IndicatorPayload = Payload(Indicator, 'indicator', 'IndicatorPayload', '指标');

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

  @FieldResolver(() => ID, { description: '所属计划编号 / plan id' })
  planId(@Root() indicator: Indicator): string {
    return String(indicator.plan.id);
  }

  @Mutation(() => IndicatorPayload, { description: '新增指标 / add an indicator' })
  async addIndicator(@Ctx() { em }: Context, @Arg('input', () => AddIndicatorInput) input: AddIndicatorInput) {
    const { result, userErrors } = await runMutation(em, (tx) => addIndicator(tx, input));
    return { indicator: result, userErrors };
  }

  @Mutation(() => IndicatorPayload, { description: '修改指标 / update an indicator' })
  async updateIndicator(@Ctx() { em }: Context, @Arg('id', () => ID) id: string, @Arg('fields', () => IndicatorInput) fields: IndicatorInput) {
    const { result, userErrors } = await runMutation(em, (tx) => updateIndicator(tx, id, fields));
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
