import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { BUDGET_STAGE_OF, BudgetStage, STAGE_LABELS } from '@jixiao/vocabulary';
import type { CheckFigure, CheckLocation as DomainCheckLocation, CheckPart } from '../../domain/checks/index.js';
import type { Level1 } from '../../domain/indicator-hierarchy.js';
import { enumOf } from '../../graphql/enum.js';
import { Level1Values } from '../indicator/indicator-enums.js';
import { BudgetCategory } from './plan-enums.js';

export const CheckPartValues = enumOf<CheckPart>(['BUDGET', 'LINE_ITEM', 'INDICATOR', 'EVALUATION']);
registerEnumType(CheckPartValues, {
  name: 'CheckPart',
  description: '勾稽关系提示涉及计划的哪一部分 / the part of the plan a consistency warning is about',
  valuesConfig: {
    BUDGET: { description: '部门预算表 / the budget table' },
    LINE_ITEM: { description: '专项（金额）/ a line item (its amounts)' },
    INDICATOR: { description: '绩效指标（分值、得分）/ the indicator table' },
    EVALUATION: { description: '自评（部分分值、综合得分、评价等次）/ the self-evaluation' },
  },
});

export const CheckFigureValues = enumOf<CheckFigure>(['AMOUNT', 'EXECUTION_RATE', 'WEIGHT', 'SCORE', 'TOTAL_SCORE', 'GRADE', 'TARGET']);
registerEnumType(CheckFigureValues, {
  name: 'CheckFigure',
  description: '勾稽关系提示涉及的数字 / the figure a consistency warning is about',
  valuesConfig: {
    AMOUNT: { description: '某阶段金额（见 stage）/ an amount at a stage' },
    EXECUTION_RATE: { description: '所填预算执行率 / the stated execution rate' },
    WEIGHT: { description: '分值 / weight' },
    SCORE: { description: '得分 / score' },
    TOTAL_SCORE: { description: '综合得分 / total score' },
    GRADE: { description: '评价等次 / grade' },
    TARGET: { description: '指标值与结构化目标 / the target text and its structured form' },
  },
});

registerEnumType(BudgetStage, {
  name: 'BudgetStage',
  description: '预算阶段 / stage of the budget year',
  valuesConfig: {
    INITIAL: { description: `${STAGE_LABELS.initial} / initial budget` },
    ADJUSTMENT: { description: `${STAGE_LABELS.adjustment} / adjustment` },
    FULL_YEAR: { description: `${STAGE_LABELS.fullYear} / full-year budget` },
    ACTUAL: { description: `${STAGE_LABELS.actual} / actual spending` },
    CARRYOVER: { description: `${STAGE_LABELS.carryover} / carryover` },
  },
});

/** Where a 勾稽关系 warning is, by structure (no path to parse). */
@ObjectType({ description: '勾稽关系提示的位置（结构化）/ where a consistency warning is, by structure' })
export class CheckLocation {
  @Field(() => CheckPartValues, { description: '计划的部分 / the part of the plan' })
  part!: CheckPart;

  @Field(() => CheckFigureValues, { description: '涉及的数字 / the figure' })
  figure!: CheckFigure;

  @Field(() => BudgetStage, { nullable: true, description: '金额所在阶段（figure 为 AMOUNT 时）/ the stage of an amount' })
  stage!: BudgetStage | null;

  @Field(() => BudgetCategory, { nullable: true, description: '预算类别（部门预算表的行）/ the budget category' })
  budgetCategory!: BudgetCategory | null;

  @Field(() => ID, { nullable: true, description: '预算行（基本支出明细有多行）/ the budget line' })
  budgetLineId!: string | null;

  @Field(() => ID, { nullable: true, description: '专项 / the line item' })
  lineItemId!: string | null;

  @Field(() => ID, { nullable: true, description: '指标 / the indicator' })
  indicatorId!: string | null;

  @Field(() => Level1Values, { nullable: true, description: '一级指标部分（产出指标等）/ the level-1 section' })
  section!: Level1 | null;

  @Field(() => ID, { nullable: true, description: '自评的部分行 / the self-evaluation section row' })
  evaluationSectionId!: string | null;
}

export function checkLocationView(location: DomainCheckLocation): CheckLocation {
  return { ...location, stage: location.stage && BUDGET_STAGE_OF[location.stage] };
}

/** A 勾稽关系 consistency warning (DOMAIN.md §7): never blocks anything, always gives the figures. */
@ObjectType({ description: '勾稽关系检查提示（不阻止保存，给出确切数字）/ a consistency warning with the exact figures' })
export class CheckWarning {
  @Field(() => String, { description: '规则代码，如 TOTAL_NATURE_SUM / stable rule code' })
  code!: string;

  @Field(() => CheckLocation, { description: '位置（预算类别、阶段、专项、指标、部分）/ where, by structure' })
  location!: CheckLocation;

  @Field(() => String, {
    description: '在计划文件中的位置，如 budget.total.initial（请改用 location）/ path in the plan document; prefer location',
  })
  path!: string;

  @Field(() => String, { nullable: true, description: '预算阶段（请改用 location.stage）/ budget stage; prefer location.stage' })
  stage!: string | null;

  @Field(() => String, { description: '按规则应为 / the figure the rule derives' })
  expected!: string;

  @Field(() => String, { description: '实际填报 / the figure stated' })
  found!: string;

  @Field(() => String, { nullable: true, description: '差额（填报 − 应为）/ found − expected' })
  difference!: string | null;

  @Field(() => String, { description: '说明（中文，含数字）/ message with the figures' })
  message!: string;

  @Field(() => ID, { nullable: true, description: '涉及的专项 / the line item concerned' })
  lineItemId!: string | null;

  @Field(() => ID, { nullable: true, description: '涉及的指标 / the indicator concerned' })
  indicatorId!: string | null;
}
