import { Field, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../graphql/scalars.js';

@ObjectType({ description: '由填报数计算的比率（百分数）及计算说明 / a rate computed from the stated figures, with how' })
export class DerivedRate {
  @Field(() => DecimalScalar, { nullable: true, description: '比率，百分数，2 位小数（12.5 即 12.5%）；所需数字未填报时为空 / percentage points, 2 decimals; null when a figure is not stated' })
  value!: string | null;

  @Field(() => String, { description: '计算说明（公式与数字，或缺少哪项数字）/ the formula with its figures, or what is missing' })
  explanation!: string;
}

@ObjectType({
  description:
    '部门整体共性指标（财预〔2013〕53号 部门整体支出绩效评价共性指标，由计划的填报数计算）/ the 部门整体 common indicators, computed from the plan\'s stated figures',
})
export class DerivedFigures {
  @Field(() => DerivedRate, { description: '预算调整率 = 调整数 / 年初预算数 × 100% / budget adjustment rate' })
  budgetAdjustmentRate!: DerivedRate;

  @Field(() => DerivedRate, { description: '结转结余率 = 结转结余 / 全年预算数 × 100% / carry-over rate' })
  carryOverRate!: DerivedRate;

  @Field(() => DerivedRate, { description: '在职人员控制率 = 实有人数 / 编制数 × 100% / staff control rate' })
  staffControlRate!: DerivedRate;

  @Field(() => DerivedRate, {
    description: '三公经费变动率 =（本年度 − 上年度）/ 上年度 × 100%，对照该部门上年度计划 / change of the 三公经费 against the previous-year plan',
  })
  threePublicChangeRate!: DerivedRate;
}
