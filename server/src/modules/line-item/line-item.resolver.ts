import { Authorized, Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { runMutation } from '../../graphql/mutation.js';
import { DeletePayload, deleted, EXPECTED_VERSION, Payload } from '../../graphql/payload.js';
import { Plan } from '../plan/plan.entity.js';
import { storedLineItemRollup } from '../plan/plan-figures.service.js';
import { type Paced, planContentPart } from '../plan/plan-content.js';
import { Rollup } from '../evaluation/rollup.type.js';
import { Indicator } from '../indicator/indicator.entity.js';
import { LineItem } from './line-item.entity.js';
import { AddLineItemInput, LineItemInput } from './line-item.input.js';
import { addLineItem, deleteLineItem, moveLineItem, updateLineItem } from './line-item.service.js';

const LineItemPayload = Payload(LineItem, 'lineItem', 'LineItemPayload', '专项');

@Authorized()
@Resolver(() => LineItem)
export class LineItemResolver {
  @FieldResolver(() => [LineItem], { description: '子项 / 支出方向 / children' })
  children(@Root() item: LineItem, @Ctx() { em }: Context): Paced<LineItem> {
    return planContentPart(em, item.plan.id, (content) => content.childrenByParent.get(item.id) ?? []);
  }

  @FieldResolver(() => [Indicator], { description: '该专项/子项的绩效指标 / this line item\'s indicators' })
  indicators(@Root() item: LineItem, @Ctx() { em }: Context): Paced<Indicator> {
    return planContentPart(em, item.plan.id, (content) => content.indicatorsByLineItem.get(item.id) ?? []);
  }

  @FieldResolver(() => Rollup, { description: '本专项（含子项）的汇总 / roll-up of this line item and its descendants' })
  rollup(@Root() item: LineItem, @Ctx() { em }: Context): Rollup | Promise<Rollup> {
    return storedLineItemRollup(em, item);
  }

  @FieldResolver(() => Plan, { description: '所属计划（含汇总与勾稽检查）/ the plan, with its roll-up and checks' })
  plan(@Root() item: LineItem, @Ctx() { em }: Context): Promise<Plan> {
    return em.findOneOrFail(Plan, { id: item.plan.id });
  }

  @FieldResolver(() => ID, { nullable: true, description: '上级专项编号 / parent id' })
  parentId(@Root() item: LineItem): string | null {
    return item.parent ? String(item.parent.id) : null;
  }

  @FieldResolver(() => ID, { description: '所属计划编号 / plan id' })
  planId(@Root() item: LineItem): string {
    return String(item.plan.id);
  }

  @Mutation(() => LineItemPayload, { description: '新增专项或子项 / add a line item' })
  async addLineItem(@Ctx() { em }: Context, @Arg('input', () => AddLineItemInput) input: AddLineItemInput) {
    const { result, userErrors } = await runMutation(em, (tx) => addLineItem(tx, input));
    return { lineItem: result, userErrors };
  }

  @Mutation(() => LineItemPayload, { description: '修改专项 / update a line item' })
  async updateLineItem(@Ctx() { em }: Context, @Arg('id', () => ID) id: string, @Arg('fields', () => LineItemInput) fields: LineItemInput, @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number | null) {
    const { result, userErrors } = await runMutation(em, (tx) => updateLineItem(tx, id, fields, expectedVersion));
    return { lineItem: result, userErrors };
  }

  @Mutation(() => LineItemPayload, { description: '移动专项（调整顺序或上级）/ move a line item (order or parent)' })
  async moveLineItem(
    @Ctx() { em }: Context,
    @Arg('id', () => ID) id: string,
    @Arg('position', () => Int, { description: '新位置（从 0 起）/ new position' }) position: number,
    @Arg('parentId', () => ID, { nullable: true, description: '新上级（为空则为顶级专项）/ new parent; none for top level' }) parentId: string | null,
  ) {
    const { result, userErrors } = await runMutation(em, (tx) => moveLineItem(tx, id, parentId, position));
    return { lineItem: result, userErrors };
  }

  @Mutation(() => DeletePayload, { description: '删除专项及其子项和指标 / delete a line item with its subtree and indicators' })
  async deleteLineItem(@Ctx() { em }: Context, @Arg('id', () => ID) id: string) {
    return deleted(await runMutation(em, (tx) => deleteLineItem(tx, id)));
  }
}
