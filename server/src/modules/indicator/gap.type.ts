import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { formatDecimal, ratioToMicros, type Micros } from '../../domain/decimal.js';
import { GAP_STATUS_LABELS, GapStatus } from '@jixiao/vocabulary';
import type { Gap as DomainGap, ScoringMethod } from '../../domain/gap.js';
import { effectiveScore, formatPercent, pointsLost } from '../../domain/scoring.js';
import { enumOf } from '../../graphql/enum.js';
import { DecimalScalar } from '../../graphql/scalars.js';

export const GapStatusValues: { readonly [K in GapStatus]: K } = GapStatus;
export const ScoringMethodValues = enumOf<ScoringMethod>(['QUANTITATIVE', 'QUALITATIVE', 'BUDGET_EXECUTION']);
export const ScoreSourceValues = enumOf<'EVALUATOR' | 'SUGGESTED'>(['EVALUATOR', 'SUGGESTED']);

registerEnumType(GapStatusValues, {
  name: 'GapStatus',
  description: '目标与实际的差距状态 / status of the gap between target and actual',
  valuesConfig: {
    PENDING: { description: `${GAP_STATUS_LABELS.PENDING}（尚无实际值）/ no actual yet` },
    MET: { description: `${GAP_STATUS_LABELS.MET} / met` },
    PARTIAL: { description: `${GAP_STATUS_LABELS.PARTIAL} / partly met` },
    NOT_MET: { description: `${GAP_STATUS_LABELS.NOT_MET} / not met` },
    NOT_APPLICABLE: { description: `${GAP_STATUS_LABELS.NOT_APPLICABLE} / not applicable` },
    NEEDS_JUDGEMENT: { description: `${GAP_STATUS_LABELS.NEEDS_JUDGEMENT}（文本）/ an evaluator decides` },
    INCOMPARABLE: { description: `${GAP_STATUS_LABELS.INCOMPARABLE} / units do not convert` },
  },
});
registerEnumType(ScoringMethodValues, {
  name: 'ScoringMethod',
  description: '计分方法（财预〔2020〕10号）/ scoring method',
  valuesConfig: {
    QUANTITATIVE: { description: '定量：达成得满分，否则按完成比例 / quantitative' },
    QUALITATIVE: { description: '定性：三档（100–80%、80–60%、60–0）/ qualitative bands' },
    BUDGET_EXECUTION: { description: '预算执行率：分值 × 执行率 / budget execution' },
  },
});
registerEnumType(ScoreSourceValues, {
  name: 'ScoreSource',
  description: '计入总分的得分来源 / where the counted score comes from',
  valuesConfig: { EVALUATOR: { description: '评价人员评分 / the evaluator' }, SUGGESTED: { description: '系统建议得分 / the suggestion' } },
});

@ObjectType({ description: '提示 / a warning about a gap or roll-up' })
export class GapWarning {
  @Field(() => String, { description: '代码，如 OVERSHOOT（偏离度）/ stable code' })
  code!: string;

  @Field(() => String, { description: '说明（中文）/ message' })
  message!: string;
}

/** The server's resolution of target against actual (DOMAIN.md §5): computed on read, never stored. */
@ObjectType({ description: '目标与实际的差距（服务器计算，读取时计算，不存储）/ the gap, resolved on the server' })
export class Gap {
  @Field(() => GapStatusValues, { description: '状态 / status' })
  status!: GapStatus;

  @Field(() => DecimalScalar, { nullable: true, description: '差值 = 实际 − 目标（目标单位；区间为到最近边界的距离）/ actual − target in the target\'s unit' })
  difference!: string | null;

  @Field(() => String, { nullable: true, description: '差值单位 / unit of the difference' })
  differenceUnit!: string | null;

  @Field(() => Boolean, { nullable: true, description: '差值是否有利 / whether the difference is on the good side' })
  favourable!: boolean | null;

  @Field(() => DecimalScalar, { nullable: true, description: '完成率（比值，未封顶，6 位小数）/ completion ratio, uncapped, 6 decimals' })
  completion!: string | null;

  @Field(() => String, { nullable: true, description: '完成率（百分数，2 位小数）/ completion as a percentage' })
  completionPercent!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: '建议得分 / suggested score' })
  suggestedScore!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: '评价人员得分 / the evaluator\'s score' })
  evaluatorScore!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: '计入总分的得分（评价人员优先）/ the score that counts (the evaluator\'s wins)' })
  effectiveScore!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: '失分 = 分值 − 计入得分（无分值或无得分时为空）/ points lost: weight − the score that counts; null without either' })
  scoreLost!: string | null;

  @Field(() => ScoreSourceValues, { nullable: true, description: '计入得分的来源 / source of the counted score' })
  scoreSource!: 'EVALUATOR' | 'SUGGESTED' | null;

  @Field(() => ScoringMethodValues, { nullable: true, description: '计分方法 / scoring method' })
  scoringMethod!: ScoringMethod | null;

  @Field(() => String, { description: '计算说明（中文，可核对）/ explanation a person can check' })
  explanation!: string;

  @Field(() => [GapWarning], { description: '提示（如偏离度超过 50%）/ warnings' })
  warnings!: GapWarning[];
}

const decimalOrNull = (value: Micros | null): string | null => (value === null ? null : formatDecimal(value));

/** The API's gap; with the row's 分值 it also says the points lost (分值 − the score that counts). */
export function gapView(gap: DomainGap, evaluatorScore: Micros | null, weight: Micros | null = null): Gap {
  return {
    status: gap.status,
    difference: gap.difference ? formatDecimal(gap.difference.value) : null,
    differenceUnit: gap.difference?.unit ?? null,
    favourable: gap.difference?.favourable ?? null,
    completion: gap.completion ? formatDecimal(ratioToMicros(gap.completion)) : null,
    completionPercent: gap.completion ? formatPercent(gap.completion) : null,
    suggestedScore: decimalOrNull(gap.suggestedScore),
    ...gapScores(gap.suggestedScore, evaluatorScore, weight),
    scoringMethod: gap.scoringMethod,
    explanation: gap.explanation,
    warnings: gap.warnings,
  };
}

/** The gap's score fields: from the suggestion, the row's 得分 and 分值 (also how a stored gap is shown: plan-figures.service.ts). */
export function gapScores(suggestedScore: Micros | null, evaluatorScore: Micros | null, weight: Micros | null): Pick<Gap, 'evaluatorScore' | 'effectiveScore' | 'scoreLost' | 'scoreSource'> {
  const counted = effectiveScore(evaluatorScore, suggestedScore);
  return {
    evaluatorScore: decimalOrNull(evaluatorScore),
    effectiveScore: decimalOrNull(counted.score),
    scoreLost: decimalOrNull(pointsLost(weight, counted.score)),
    scoreSource: counted.source,
  };
}
