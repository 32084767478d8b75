import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import type { Level1, Level2 } from '../../domain/indicator-hierarchy.js';
import { enumOf } from '../../graphql/enum.js';
import { DecimalScalar } from '../../graphql/scalars.js';
import type { EvaluationGrade, GapStatus } from '@jixiao/vocabulary';
import { EvaluationGradeValues } from '../evaluation/rollup.type.js';
import { GapStatusValues } from '../indicator/gap.type.js';
import { Level1Values, Level2Values } from '../indicator/indicator-enums.js';
import { ConfidenceValues, ValueKindValues } from '../indicator/indicator-value.type.js';
import { PlanStatus } from '../plan/plan-enums.js';

export const INDICATOR_ORDER_FIELDS = ['ID', 'YEAR', 'DEPARTMENT', 'SCORE_LOST', 'COMPLETION'] as const;
export type IndicatorOrderField = (typeof INDICATOR_ORDER_FIELDS)[number];
export const IndicatorOrderFieldValues = enumOf(INDICATOR_ORDER_FIELDS);

export const OrderDirectionValues = enumOf(['ASC', 'DESC'] as const);
export type OrderDirection = keyof typeof OrderDirectionValues;

export const PLAN_STATS_GROUPS = ['DEPARTMENT', 'YEAR', 'REGION'] as const;
export type PlanStatsGroup = (typeof PLAN_STATS_GROUPS)[number];
export const PlanStatsGroupValues = enumOf(PLAN_STATS_GROUPS);

registerEnumType(IndicatorOrderFieldValues, {
  name: 'IndicatorOrderField',
  description: '跨计划指标查询的排序字段（同值按编号）/ what cross-plan indicator lists are ordered by (ties by id)',
  valuesConfig: {
    ID: { description: '编号（录入顺序）/ id, the order of entry' },
    YEAR: { description: '年度，其次部门名称 / year, then department name' },
    DEPARTMENT: { description: '部门名称，其次年度 / department name, then year' },
    SCORE_LOST: { description: '失分（分值 − 计入得分；无分值或未评分的排在最后）/ points lost; rows without one last' },
    COMPLETION: { description: '完成率（无完成率的排在最后）/ completion ratio; rows without one last' },
  },
});
registerEnumType(OrderDirectionValues, {
  name: 'OrderDirection',
  description: '排序方向 / sort direction',
  valuesConfig: { ASC: { description: '升序 / ascending' }, DESC: { description: '降序 / descending' } },
});
registerEnumType(PlanStatsGroupValues, {
  name: 'PlanStatsGroup',
  description: '计划统计的分组维度 / what plan statistics are grouped by',
  valuesConfig: {
    DEPARTMENT: { description: '部门 / department' },
    YEAR: { description: '年度 / year' },
    REGION: { description: '部门所属地区 / the department\'s region' },
  },
});

/** Most years, departments or plans one filter may list. */
export const FILTER_LIST_MAX = { years: 50, departmentIds: 5000, planIds: 5000 } as const;

@InputType({ description: '数值区间（含端点；只给一端即单侧）/ a range of decimals, bounds included; either may be omitted' })
export class DecimalRange {
  @Field(() => DecimalScalar, { nullable: true, description: '下限（含）/ lower bound, included' })
  min?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: '上限（含）/ upper bound, included' })
  max?: string | null;
}

/** Which plans a question is about: years, departments, region, status. Every list is "any of". */
@InputType({ description: '计划范围筛选（列表为“任一”）/ which plans: every list means any of its values' })
export class PlanScopeFilter {
  @Field(() => [Int], { nullable: true, description: `年度（最多 ${FILTER_LIST_MAX.years} 个）/ years` })
  years?: number[] | null;

  @Field(() => [ID], { nullable: true, description: '部门编号 / department ids' })
  departmentIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: '计划编号 / plan ids' })
  planIds?: string[] | null;

  @Field(() => String, { nullable: true, description: '部门所属地区包含 / the department\'s region contains' })
  region?: string | null;

  @Field(() => [PlanStatus], { nullable: true, description: '计划状态 / plan statuses' })
  planStatuses?: PlanStatus[] | null;

  @Field(() => DecimalRange, { nullable: true, description: '计划的预算执行率区间（比值，如 { max: "0.9" } 为不高于 90%）/ the plan\'s execution rate, a ratio range' })
  executionRate?: DecimalRange | null;

  @Field(() => [EvaluationGradeValues], { nullable: true, description: '计划的评价等次（按综合得分）/ the plan\'s grade' })
  grades?: EvaluationGrade[] | null;
}

@InputType({ description: '跨计划指标筛选（各条件同时满足）/ a cross-plan indicator filter; all conditions hold' })
export class IndicatorFilter extends PlanScopeFilter {
  @Field(() => [Level1Values], { nullable: true, description: '一级指标 / level 1' })
  level1?: Level1[] | null;

  @Field(() => [Level2Values], { nullable: true, description: '二级指标 / level 2' })
  level2?: Level2[] | null;

  @Field(() => [GapStatusValues], { nullable: true, description: '差距状态 / gap statuses' })
  gapStatuses?: GapStatus[] | null;

  @Field(() => [ValueKindValues], { nullable: true, description: '指标值的识别类型（TEXT 为无法量化的文本目标）/ how the target reads; TEXT is a vague target' })
  targetKinds?: string[] | null;

  @Field(() => [ConfidenceValues], { nullable: true, description: '指标值识别的把握程度 / how sure the target\'s reading is' })
  targetConfidences?: string[] | null;

  @Field(() => DecimalRange, { nullable: true, description: '完成率区间（比值，未封顶）/ completion ratio range, uncapped' })
  completion?: DecimalRange | null;

  @Field(() => DecimalRange, { nullable: true, description: '失分区间（分值 − 计入得分）/ points lost range' })
  scoreLost?: DecimalRange | null;

  @Field(() => Boolean, { nullable: true, description: '是否有指标值 / whether a target is written' })
  hasTarget?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: '是否有实际完成值 / whether an actual is written' })
  hasActual?: boolean | null;

  @Field(() => DecimalRange, { nullable: true, description: '分值区间 / weight range' })
  weight?: DecimalRange | null;

  @Field(() => String, { nullable: true, description: '名称、指标值或实际完成值包含（字面匹配）/ name, target or actual contains, literally' })
  text?: string | null;
}

@InputType({ description: '指标排序 / indicator ordering' })
export class IndicatorOrder {
  @Field(() => IndicatorOrderFieldValues, { description: '排序字段 / field' })
  field!: IndicatorOrderField;

  @Field(() => OrderDirectionValues, { defaultValue: 'ASC', description: '方向 / direction' })
  direction!: OrderDirection;
}
