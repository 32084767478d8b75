import { type EvaluationGrade } from '@jixiao/vocabulary';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../graphql/scalars.js';
import { Department } from '../department/department.entity.js';
import { EvaluationGradeValues, StatusCount } from '../evaluation/rollup.type.js';
import { BudgetCategory } from '../plan/plan-enums.js';

@ObjectType({ description: '预算某一类别各阶段的合计（万元，精确小数；无计划填报的阶段为空）/ one budget category summed at each stage (万元, exact; null where no plan states it)' })
export class BudgetSum {
  @Field(() => BudgetCategory, { description: '类别 / category' })
  category!: BudgetCategory;

  @Field(() => String, { description: '类别名称 / category label' })
  label!: string;

  @Field(() => DecimalScalar, { nullable: true, description: '年初预算合计 / Σ initial' })
  initial!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: '调整/追加合计 / Σ adjustment' })
  adjustment!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: '全年预算数合计 / Σ full-year budget' })
  fullYear!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: '实际支出合计 / Σ actual spending' })
  actual!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: '结余结转合计 / Σ carryover' })
  carryover!: string | null;

  @Field(() => Int, { description: '填报该类别的计划数 / plans stating this category' })
  planCount!: number;
}

@ObjectType({ description: '某一评价等次的计划数 / plans of one grade' })
export class GradeCount {
  @Field(() => EvaluationGradeValues, { description: '等次 / grade' })
  grade!: EvaluationGrade;

  @Field(() => String, { description: '等次名称 优/良/中/差 / grade label' })
  label!: string;

  @Field(() => Int, { description: '计划数 / plans' })
  count!: number;

  @Field(() => Int, { description: '其中等次暂定的（有待评分或待确认的指标）/ of which provisional' })
  provisionalCount!: number;
}

@ObjectType({ description: '某一勾稽检查代码的提示数 / warnings of one check code' })
export class CheckCount {
  @Field(() => String, { description: '检查代码，如 STATED_TOTAL_MISMATCH / check code' })
  code!: string;

  @Field(() => Int, { description: '提示数 / warnings' })
  count!: number;

  @Field(() => Int, { description: '有该提示的计划数 / plans with such a warning' })
  planCount!: number;
}

/** One group of plans (by department, year, region, or all) with its figures summed in SQL. */
@ObjectType({ description: '一组计划的统计（按分组维度）/ statistics of one group of plans' })
export class PlanStats {
  @Field(() => ID, { nullable: true, description: '部门编号（按部门分组时）/ department id, when grouped by department' })
  departmentId!: string | null;

  @Field(() => Department, { nullable: true, description: '部门（按部门分组时）/ department, when grouped by department' })
  department!: Department | null;

  @Field(() => Int, { nullable: true, description: '年度（按年度分组时）/ year, when grouped by year' })
  year!: number | null;

  @Field(() => String, { nullable: true, description: '地区（按地区分组时；部门未填地区为空）/ region, when grouped by region' })
  region!: string | null;

  @Field(() => Int, { description: '计划数 / plans' })
  planCount!: number;

  @Field(() => [BudgetSum], { description: '预算各类别各阶段合计（只列有填报的类别，按预算表顺序）/ budget sums per category and stage, the categories stated, in form order' })
  budget!: BudgetSum[];

  @Field(() => DecimalScalar, {
    nullable: true,
    description: '预算执行率 = Σ 实际支出 ÷ Σ 全年预算数（合计行，两者均有填报的计划；比值，6 位小数）/ Σ actual ÷ Σ full-year of the total row, over plans stating both; a ratio',
  })
  executionRate!: string | null;

  @Field(() => String, { nullable: true, description: '预算执行率（百分数，2 位小数）/ execution rate as a percentage' })
  executionRatePercent!: string | null;

  @Field(() => Int, { description: '指标数 / indicators' })
  indicatorCount!: number;

  @Field(() => [StatusCount], { description: '各差距状态的指标数（每种状态都列出）/ indicators per gap status, every status listed' })
  statusCounts!: StatusCount[];

  @Field(() => Int, { description: '指标值为文本（无法量化）的指标数 / indicators whose target reads as TEXT (vague)' })
  textTargetCount!: number;

  @Field(() => DecimalScalar, { nullable: true, description: '文本目标占比（比值，6 位小数；无指标为空）/ share of TEXT targets, a ratio' })
  textTargetShare!: string | null;

  @Field(() => Int, { description: '已有综合得分的计划数 / plans with a computed total' })
  scoredPlanCount!: number;

  @Field(() => DecimalScalar, { nullable: true, description: '综合得分合计 / Σ computed totals' })
  scoreTotal!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: '平均综合得分（2 位小数，四舍五入）/ average computed total, 2 decimals' })
  averageScore!: string | null;

  @Field(() => [GradeCount], { description: '各等次的计划数（每个等次都列出）/ plans per grade, every grade listed' })
  gradeCounts!: GradeCount[];

  @Field(() => [CheckCount], { description: '各勾稽检查代码的提示数（有提示的代码，按代码排序）/ check warnings per code, codes present, sorted' })
  checkCounts!: CheckCount[];
}
