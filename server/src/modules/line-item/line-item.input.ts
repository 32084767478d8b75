import { Field, ID, InputType, Int } from 'type-graphql';
import { StageAmountsInput } from '../plan/plan.input.js';
import { LineItemKind } from './line-item.entity.js';

@InputType({ description: '专项 / 子项的内容（修改时未给出的字段不变）/ line item fields (omitted fields unchanged on update)' })
export class LineItemInput {
  @Field(() => String, { nullable: true, description: '名称（新建时必填）/ name, required when adding' })
  name?: string;

  @Field(() => LineItemKind, { nullable: true, description: '年初预算项目 / 年中追加项目' })
  kind?: LineItemKind | null;

  @Field(() => StageAmountsInput, { nullable: true, description: '各阶段金额（万元）/ amounts (万元)' })
  amounts?: StageAmountsInput | null;

  @Field(() => String, { nullable: true, description: '项目实施期 / period' })
  period?: string | null;

  @Field(() => String, { nullable: true, description: '实施期绩效目标 / period goal' })
  periodGoal?: string | null;

  @Field(() => String, { nullable: true, description: '年度绩效目标 / annual goal' })
  annualGoal?: string | null;

  @Field(() => String, { nullable: true, description: '资金主要用途 / use of funds' })
  use?: string | null;
}

@InputType({ description: '新增专项或子项 / add a line item' })
export class AddLineItemInput {
  @Field(() => ID, { description: '计划 / plan' })
  planId!: string;

  @Field(() => ID, { nullable: true, description: '上级专项（为空则为顶级专项）/ parent; none for a top-level 专项' })
  parentId?: string | null;

  @Field(() => Int, { nullable: true, description: '插入位置（默认末尾）/ position, default last' })
  position?: number | null;

  @Field(() => LineItemInput, { description: '内容 / fields' })
  fields!: LineItemInput;
}
