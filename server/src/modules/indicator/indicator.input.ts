import { Field, ID, InputType, Int } from 'type-graphql';
import type { Comparator, Direction } from '../../domain/indicator-value/types.js';
import { DecimalScalar } from '../../graphql/scalars.js';
import { ComparatorValues, DirectionValues } from './indicator-value.type.js';

@InputType({ description: '指标内容（修改时未给出的字段不变，null 清空）/ indicator fields (omitted unchanged on update, null clears)' })
export class IndicatorInput {
  @Field(() => String, { nullable: true, description: '一级指标（原文，如 产出指标；新建时必填）/ level 1 as written, required when adding' })
  level1Label?: string;

  @Field(() => String, { nullable: true, description: '二级指标（原文，如 数量指标）/ level 2 as written' })
  level2Label?: string | null;

  @Field(() => String, { nullable: true, description: '三级指标名称（新建时必填）/ name, required when adding' })
  name?: string;

  @Field(() => String, { nullable: true, description: '指标值，如 不少于12次 / target' })
  target?: string | null;

  @Field(() => String, { nullable: true, description: '实际完成值 / actual' })
  actual?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: '分值 / weight' })
  weight?: string | null;

  @Field(() => String, { nullable: true, description: '扣分原因 / deduction reason' })
  deduction?: string | null;

  @Field(() => String, { nullable: true, description: '偏差原因 / deviation reason' })
  deviationReason?: string | null;

  @Field(() => String, { nullable: true, description: '备注 / remark' })
  remark?: string | null;

  @Field(() => String, { nullable: true, description: '佐证 / evidence' })
  evidence?: string | null;
}

@InputType({ description: '新增指标 / add an indicator' })
export class AddIndicatorInput {
  @Field(() => ID, { description: '计划 / plan' })
  planId!: string;

  @Field(() => ID, { nullable: true, description: '所属专项或子项（为空则为部门整体指标）/ line item; none for a plan-level indicator' })
  lineItemId?: string | null;

  @Field(() => Int, { nullable: true, description: '插入位置（默认末尾）/ position, default last' })
  position?: number | null;

  @Field(() => IndicatorInput, { description: '内容 / fields' })
  fields!: IndicatorInput;
}

@InputType({ description: '移动指标 / move an indicator' })
export class MoveIndicatorInput {
  @Field(() => ID, { description: '指标 / indicator' })
  id!: string;

  @Field(() => ID, { nullable: true, description: '目标专项（为空则移到部门整体指标）/ target line item; none for plan level' })
  lineItemId?: string | null;

  @Field(() => Int, { description: '新位置（从 0 起）/ new position, from 0' })
  position!: number;
}

@InputType({ description: '编报人员明确设定的结构化目标（优先于对原文的识别）/ a target reading set explicitly; wins over the text reading' })
export class StructuredTargetInput {
  @Field(() => ComparatorValues, { description: '比较符 / comparator' })
  comparator!: Comparator;

  @Field(() => DecimalScalar, { description: '数值（区间为下限）/ value (lower bound of a range)' })
  value!: string;

  @Field(() => DecimalScalar, { nullable: true, description: '区间上限 / upper bound of a range' })
  upper?: string | null;

  @Field(() => String, { nullable: true, description: '单位，如 次、%、万元 / unit' })
  unit?: string | null;

  @Field(() => DirectionValues, { nullable: true, description: '方向（默认按比较符）/ direction; by default from the comparator' })
  direction?: Direction | null;
}
