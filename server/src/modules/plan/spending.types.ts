import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { Level1 } from '../../domain/indicator-hierarchy.js';
import { DecimalScalar } from '../../graphql/scalars.js';
import { UserError } from '../../graphql/user-error.js';
import { Level1Values } from '../indicator/indicator-enums.js';
import { LineItem } from '../line-item/line-item.entity.js';
import { BudgetLine } from './budget-line.entity.js';
import { BudgetCategory } from './plan-enums.js';
import { Plan } from './plan.entity.js';

@InputType({ description: '填报支出：计划预算的一行（默认合计）或一个专项（未给出的不变，null 清空）/ record spending on a budget row (default TOTAL) or a line item' })
export class RecordSpendingInput {
  @Field(() => ID, { description: '计划 / plan' })
  planId!: string;

  @Field(() => ID, { nullable: true, description: '专项（为空则为计划预算）/ line item; none for the plan budget' })
  lineItemId?: string | null;

  @Field(() => BudgetCategory, { nullable: true, description: '预算类别（默认合计）/ budget category, default TOTAL' })
  category?: BudgetCategory | null;

  @Field(() => String, { nullable: true, description: '明细名称（基本支出明细）/ detail name' })
  name?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: '调整（可为负）/ adjustment' })
  adjustment?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: '全年预算数 / full year' })
  fullYear?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: '实际支出 / actual' })
  actual?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: '结余结转 / carryover' })
  carryover?: string | null;

  @Field(() => Int, { nullable: true, description: '所改预算行或专项的版本号（乐观锁）/ version of the row or line item being changed' })
  expectedVersion?: number | null;
}

@ObjectType({ description: '支出填报结果：含计划新的汇总与勾稽检查 / result of recording spending, with the plan\'s fresh roll-up and checks' })
export class SpendingPayload {
  @Field(() => Plan, { nullable: true, description: '计划（含 rollup 与 checks）/ the plan' })
  plan!: Plan | null;

  @Field(() => LineItem, { nullable: true, description: '变更的专项 / the line item changed' })
  lineItem!: LineItem | null;

  @Field(() => BudgetLine, { nullable: true, description: '变更的预算行 / the budget row changed' })
  budgetLine!: BudgetLine | null;

  @Field(() => [UserError], { description: '输入错误 / input errors' })
  userErrors!: UserError[];
}

@ObjectType({ description: '一个部分的分值 / the weight of one section' })
export class SectionWeight {
  @Field(() => Level1Values, { description: '一级指标 / section' })
  level1!: Level1;

  @Field(() => DecimalScalar, { description: '分值 / weight' })
  weight!: string;
}

@InputType({ description: '一个部分的分值 / the weight of one section' })
export class SectionWeightInput {
  @Field(() => Level1Values, { description: '一级指标 / section' })
  level1!: Level1;

  @Field(() => DecimalScalar, { description: '分值 / weight' })
  weight!: string;
}
