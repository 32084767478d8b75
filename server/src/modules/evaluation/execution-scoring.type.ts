import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { describeExecutionProfile, type ExecutionProfile } from '../../domain/budget-execution.js';
import { formatDecimal } from '../../domain/decimal.js';
import { enumOf } from '../../graphql/enum.js';
import { DecimalScalar } from '../../graphql/scalars.js';

export type ExecutionScoringProfile = ExecutionProfile['kind'];
export const ExecutionScoringProfileValues = enumOf<ExecutionScoringProfile>(['PROPORTIONAL', 'STEPWISE']);
registerEnumType(ExecutionScoringProfileValues, {
  name: 'ExecutionScoringProfile',
  description: '预算执行率计分方式 / how the 预算执行率 section is scored',
  valuesConfig: {
    PROPORTIONAL: { description: '按比例（财预〔2020〕10号，默认）：分值 × 执行率 / proportional, the default' },
    STEPWISE: { description: '阶梯：达到满分线得满分，每低若干个百分点扣固定分值 / stepwise: fixed deduction per step below the full-marks rate' },
  },
});

/** The plan's 预算执行率 scoring profile, with every parameter and a sentence a reader can check. */
@ObjectType({ description: '预算执行率计分方式（每个计划可选）/ the plan\'s 预算执行率 scoring profile' })
export class ExecutionScoring {
  @Field(() => ExecutionScoringProfileValues, { description: '计分方式 / profile' })
  profile!: ExecutionScoringProfile;

  @Field(() => DecimalScalar, { nullable: true, description: '满分线（百分点，如 100）；按比例时为空 / full-marks rate in percentage points; null when proportional' })
  fullMarksRate!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: '每档百分点（如 5）/ percentage points per step' })
  stepPercent!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: '每档扣分（如 1）/ points deducted per step' })
  deductionPerStep!: string | null;

  @Field(() => String, { description: '计分规则说明（中文）/ the rule in words' })
  description!: string;
}

@InputType({ description: '预算执行率计分方式；阶梯的参数未给出时取默认 100 / 5 / 1 / the 预算执行率 scoring profile; stepwise parameters default to 100 / 5 / 1' })
export class ExecutionScoringInput {
  @Field(() => ExecutionScoringProfileValues, { description: '计分方式 / profile' })
  profile!: ExecutionScoringProfile;

  @Field(() => DecimalScalar, { nullable: true, description: '满分线（百分点，默认 100）/ full-marks rate, default 100' })
  fullMarksRate?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: '每档百分点（默认 5）/ percentage points per step, default 5' })
  stepPercent?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: '每档扣分（默认 1）/ points per step, default 1' })
  deductionPerStep?: string | null;
}

export function executionScoringView(profile: ExecutionProfile): ExecutionScoring {
  if (profile.kind === 'PROPORTIONAL') {
    return { profile: 'PROPORTIONAL', fullMarksRate: null, stepPercent: null, deductionPerStep: null, description: describeExecutionProfile(profile) };
  }
  return {
    profile: 'STEPWISE',
    fullMarksRate: formatDecimal(profile.fullMarksRate),
    stepPercent: formatDecimal(profile.stepPercent),
    deductionPerStep: formatDecimal(profile.deductionPerStep),
    description: describeExecutionProfile(profile),
  };
}
