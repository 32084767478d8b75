import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { formatDecimal, ratioToMicros, type Micros } from '../../domain/decimal.js';
import { GAP_STATUSES, type GapStatus } from '../../domain/gap.js';
import { EVALUATION_GRADE_LABELS, EvaluationGrade } from '@jixiao/vocabulary';
import type { Level1 } from '../../domain/indicator-hierarchy.js';
import type { LineItemRollup, PlanRollup } from '../../domain/rollup.js';
import { formatPercent } from '../../domain/scoring.js';
import { DecimalScalar } from '../../graphql/scalars.js';
import { Level1Values } from '../indicator/indicator-enums.js';
import { GapStatusValues } from '../indicator/gap.type.js';

export const EvaluationGradeValues = EvaluationGrade;
registerEnumType(EvaluationGradeValues, {
  name: 'EvaluationGrade',
  description: '评价等次 / grade: ≥ 90 优 · ≥ 80 良 · ≥ 60 中 · < 60 差',
  valuesConfig: Object.fromEntries(Object.entries(EVALUATION_GRADE_LABELS).map(([key, label]) => [key, { description: label }])),
});

@ObjectType({ description: '各状态的指标数 / indicators per gap status' })
export class StatusCount {
  @Field(() => GapStatusValues, { description: '状态 / status' })
  status!: GapStatus;

  @Field(() => Int, { description: '指标数 / count' })
  count!: number;
}

@ObjectType({ description: '分部分汇总（一级指标）/ totals of one section' })
export class SectionRollup {
  @Field(() => Level1Values, { description: '一级指标 / section' })
  level1!: Level1;

  @Field(() => String, { description: '名称，如 产出指标 / label' })
  label!: string;

  @Field(() => DecimalScalar, { nullable: true, description: '该部分分值（计划设定，默认 10/50/30/10）/ the section\'s weight' })
  sectionWeight!: string | null;

  @Field(() => DecimalScalar, { description: '该部分各指标分值合计 / Σ indicator weights' })
  indicatorWeight!: string;

  @Field(() => DecimalScalar, { description: '建议得分合计 / Σ suggested scores' })
  suggestedScore!: string;

  @Field(() => DecimalScalar, { nullable: true, description: '得分合计（评价人员优先）/ Σ scores that count' })
  score!: string | null;

  @Field(() => Int, { description: '指标数 / indicators' })
  count!: number;
}

@ObjectType({ description: '汇总提示 / a roll-up warning' })
export class RollupWarning {
  @Field(() => String, { description: '代码 / code' })
  code!: string;

  @Field(() => Level1Values, { nullable: true, description: '相关部分 / section' })
  level1!: Level1 | null;

  @Field(() => String, { description: '说明 / message' })
  message!: string;
}

/** Roll-up of a plan or a line item (DOMAIN.md §5–6), computed on read from the current figures. */
@ObjectType({ description: '汇总：分值、得分、状态计数、执行率、等次（读取时计算）/ roll-up, computed on read' })
export class Rollup {
  @Field(() => Int, { description: '指标数 / indicators' })
  count!: number;

  @Field(() => Int, { description: '已有得分的指标数 / indicators with a score that counts' })
  scoredCount!: number;

  @Field(() => DecimalScalar, { description: '分值合计 / Σ weights' })
  weightTotal!: string;

  @Field(() => DecimalScalar, { description: '建议得分合计 / Σ suggested scores' })
  suggestedScoreTotal!: string;

  @Field(() => DecimalScalar, { description: '得分合计（评价人员优先）/ Σ scores that count' })
  scoreTotal!: string;

  @Field(() => [StatusCount], { description: '各状态指标数（每种状态都列出）/ counts by status' })
  statusCounts!: StatusCount[];

  @Field(() => [SectionRollup], { description: '分部分汇总 / by section' })
  sections!: SectionRollup[];

  @Field(() => DecimalScalar, { nullable: true, description: '预算执行率（比值，6 位小数）/ execution rate as a ratio' })
  executionRate!: string | null;

  @Field(() => String, { nullable: true, description: '预算执行率（百分数）/ execution rate as a percentage' })
  executionRatePercent!: string | null;

  @Field(() => EvaluationGradeValues, {
    nullable: true,
    description: '评价等次：按折算综合得分（得分 ÷ 已评分指标分值 × 100）评定，有待评分指标时为暂定；尚无得分时为空 / grade of the computed total (score ÷ scored weights × 100); provisional while rows are pending; null until something is scored',
  })
  grade!: EvaluationGrade | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: '综合得分（计算，百分制折算：已评分指标得分合计 ÷ 其分值合计 × 100，2 位小数）；无可折算得分时为空 / the computed total on 100 points; null when no weighted row is scored',
  })
  computedTotal!: string | null;

  @Field(() => DecimalScalar, { description: '已评分指标的分值合计（折算基数）/ Σ weights of the scored rows, the base of the computed total' })
  scoredWeight!: string;

  @Field(() => Int, { description: '待评分指标数（有分值但尚无得分）/ weighted rows without a score yet' })
  pendingCount!: number;

  @Field(() => Int, { description: '待重新确认的得分数（评分后实际完成值有变化）/ manual scores to re-confirm after the actual changed' })
  unconfirmedCount!: number;

  @Field(() => Boolean, { description: '等次是否为暂定（有待评分或待确认的指标）/ whether the grade is provisional' })
  gradeProvisional!: boolean;

  @Field(() => String, { description: '综合得分与等次的计算说明（中文，含数字）/ how the total and grade were reached' })
  gradeExplanation!: string;

  @Field(() => String, { nullable: true, description: '等次名称 优/良/中/差 / grade label' })
  gradeLabel!: string | null;

  @Field(() => [RollupWarning], { description: '分值提示（如各部分分值合计不为 100）/ weight warnings' })
  warnings!: RollupWarning[];
}

const points = (value: Micros | null): string | null => (value === null ? null : formatDecimal(value));

/** A plan's or a line item's roll-up from the domain, in the API's exact decimals. */
export function rollupView(totals: LineItemRollup | PlanRollup): Rollup {
  const { sectionTotals: sections, executionRate, grade } = totals;
  const warnings = 'warnings' in totals ? totals.warnings : [];
  return {
    count: totals.count,
    scoredCount: totals.scoredCount,
    weightTotal: formatDecimal(totals.weightTotal),
    suggestedScoreTotal: formatDecimal(totals.suggestedScoreTotal),
    scoreTotal: formatDecimal(totals.scoreTotal),
    statusCounts: GAP_STATUSES.map((status) => ({ status, count: totals.countsByStatus[status] })),
    sections: sections.map((section) => ({
      level1: section.level1,
      label: section.label,
      sectionWeight: points(section.sectionWeight),
      indicatorWeight: formatDecimal(section.indicatorWeight),
      suggestedScore: formatDecimal(totals.sections[section.level1].suggestedScore),
      score: points(section.score),
      count: section.count,
    })),
    executionRate: executionRate ? formatDecimal(ratioToMicros(executionRate)) : null,
    executionRatePercent: executionRate ? formatPercent(executionRate) : null,
    grade,
    gradeLabel: grade ? EVALUATION_GRADE_LABELS[grade] : null,
    computedTotal: points(totals.total.computedTotal),
    scoredWeight: formatDecimal(totals.total.scoredWeight),
    pendingCount: totals.total.pendingCount,
    unconfirmedCount: totals.total.unconfirmedCount,
    gradeProvisional: totals.total.provisional,
    gradeExplanation: totals.total.explanation,
    warnings: warnings.map((warning) => ({ code: warning.code, level1: warning.level1, message: warning.message })),
  };
}
