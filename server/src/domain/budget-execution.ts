/**
 * The 预算执行率 section of a self-evaluation: 执行数 / 调整后全年预算数, scored by the plan's profile.
 *
 * Profiles (issue 10 item 4; docs/gap-rules.md §3.3), chosen per plan:
 * - PROPORTIONAL (财预〔2020〕10号, the default): weight × rate, capped at the weight.
 * - STEPWISE (provincial rules such as "执行率 100% 得满分，每低 5 个百分点扣 1 分"): full marks at or above
 *   fullMarksRate; below it, deductionPerStep points for every stepPercent points short, a part of a
 *   step counting as a whole step (the strict reading evaluators apply: 004 gave 9 of 10 at a stated
 *   99.99%), never below 0.
 */
import { compareRatio, formatDecimal, type Micros, type Ratio } from './decimal.js';
import { ONE, emptyGap, exactRatio, formatAmount, statusOf, type Gap, type GapDifference, type GapWarning } from './gap-common.js';
import { POINT, formatPercent, formatPoints, quantitativeScore, reduceRatio, roundRatio } from './scoring.js';


export interface BudgetExecutionInput {
  /** 执行数 / 实际支出, 万元 */
  actual: Micros | null;
  /** 调整后全年预算数, 万元 */
  fullYear: Micros | null;
  /** The rate as the document states it, in percentage points (99.99% → 99.99); checked, and used when amounts are missing. */
  statedRate?: Micros | null;
  weight: Micros | null;
  /** How the rate becomes points; proportional when not given. */
  profile?: ExecutionProfile;
}

export type ExecutionProfile =
  | { kind: 'PROPORTIONAL' }
  | {
      kind: 'STEPWISE';
      /** Full marks at or above this rate, in percentage points (100 → 100%). */
      fullMarksRate: Micros;
      /** Percentage points per step (5). */
      stepPercent: Micros;
      /** Points deducted per step, or part of one (1). */
      deductionPerStep: Micros;
    };

export const PROPORTIONAL: ExecutionProfile = Object.freeze({ kind: 'PROPORTIONAL' });

/** 100% full marks, 1 point per 5 percentage points below. */
export const DEFAULT_STEPWISE: ExecutionProfile = Object.freeze({
  kind: 'STEPWISE',
  fullMarksRate: 100n * POINT,
  stepPercent: 5n * POINT,
  deductionPerStep: 1n * POINT,
});

/** "按比例：分值 × 执行率" / "阶梯：执行率 100% 及以上得满分，每低 5 个百分点（不足 5 个按 5 个计）扣 1 分". */
export function describeExecutionProfile(profile: ExecutionProfile): string {
  if (profile.kind === 'PROPORTIONAL') return '按比例：分值 × 预算执行率，最高为满分';
  return (
    `阶梯：预算执行率 ${formatDecimal(profile.fullMarksRate)}% 及以上得满分，每低 ${formatDecimal(profile.stepPercent)} 个百分点` +
    `（不足 ${formatDecimal(profile.stepPercent)} 个百分点按 ${formatDecimal(profile.stepPercent)} 个计）扣 ${formatPoints(profile.deductionPerStep)} 分，扣完为止`
  );
}

/**
 * 预算执行率 section: weight × (执行数 / 调整后全年预算数), capped at the weight (DOMAIN.md §6). The rate
 * is computed from the amounts when both are stated; a stated rate alone is used (and said so) otherwise.
 */
export function budgetExecutionGap(input: BudgetExecutionInput): Gap {
  const { actual, fullYear, weight } = input;
  const statedRate = input.statedRate ?? null;
  if (actual !== null && fullYear !== null) {
    if (fullYear === 0n) return emptyGap('NOT_APPLICABLE', `全年预算数为 0 万元，不计算预算执行率`);
    const rate = exactRatio(actual, fullYear);
    const figures = `执行数 ${formatAmount(actual, '万元')} / 全年预算数 ${formatAmount(fullYear, '万元')}`;
    const warnings = [...statedRateWarnings(statedRate, rate, figures), ...overExecutionWarnings(rate, actual, fullYear)];
    const difference: GapDifference = { value: actual - fullYear, unit: '万元', favourable: actual >= fullYear };
    return executionGap(rate, figures, weight, difference, warnings, input.profile ?? PROPORTIONAL);
  }
  if (statedRate !== null) {
    const rate = reduceRatio({ numerator: statedRate, denominator: 100n * POINT });
    const missing = actual === null ? '执行数' : '全年预算数';
    return executionGap(rate, `${missing}未填写，按填报的预算执行率 ${formatDecimal(statedRate)}%`, weight, null, [], input.profile ?? PROPORTIONAL);
  }
  return emptyGap('PENDING', actual === null ? '尚未填写执行数，无法计算预算执行率' : '尚未填写全年预算数，无法计算预算执行率');
}

function executionGap(
  rate: Ratio,
  figures: string,
  weight: Micros | null,
  difference: GapDifference | null,
  warnings: GapWarning[],
  profile: ExecutionProfile,
): Gap {
  const met = compareRatio(rate, ONE) >= 0;
  const status = statusOf(met, rate);
  const rateText = `预算执行率 ${formatPercent(rate)}`;
  const scored = weight === null ? null : profile.kind === 'STEPWISE' ? stepwiseScore(weight, rate, profile) : proportionalScore(weight, rate, met);
  return {
    status,
    difference,
    completion: reduceRatio(rate),
    suggestedScore: scored?.score ?? null,
    scoringMethod: 'BUDGET_EXECUTION',
    explanation: `${figures} = ${rateText}${scored?.text ?? '；未设分值，不计算建议得分'}`,
    warnings,
  };
}

function proportionalScore(weight: Micros, rate: Ratio, met: boolean): { score: Micros; text: string } {
  const score = quantitativeScore(weight, rate);
  return {
    score,
    text: met ? `，得满分 ${formatPoints(weight)} 分` : `，建议得分 ${formatPoints(score)} 分（${formatPoints(weight)} × ${formatPercent(rate)}）`,
  };
}

function stepwiseScore(weight: Micros, rate: Ratio, profile: Extract<ExecutionProfile, { kind: 'STEPWISE' }>): { score: Micros; text: string } {
  const { fullMarksRate, stepPercent, deductionPerStep } = profile;
  // Shortfall below fullMarksRate in micro-percentage-points, times the rate's denominator, to stay exact.
  const shortfallScaled = fullMarksRate * rate.denominator - 100n * POINT * rate.numerator;
  if (shortfallScaled <= 0n) return { score: weight, text: `，不低于 ${formatDecimal(fullMarksRate)}%，得满分 ${formatPoints(weight)} 分（阶梯计分）` };
  const stepScaled = stepPercent * rate.denominator;
  const steps = (shortfallScaled + stepScaled - 1n) / stepScaled;
  const deducted = steps * deductionPerStep;
  const score = deducted >= weight ? 0n : weight - deducted;
  const shortfall = formatDecimal(roundRatio({ numerator: shortfallScaled, denominator: rate.denominator * POINT }, 2));
  return {
    score,
    text:
      `，低于 ${formatDecimal(fullMarksRate)}% ${shortfall} 个百分点，按每 ${formatDecimal(stepPercent)} 个百分点扣 ${formatPoints(deductionPerStep)} 分` +
      `（不足 ${formatDecimal(stepPercent)} 个百分点按 ${formatDecimal(stepPercent)} 个计）扣 ${formatPoints(deducted >= weight ? weight : deducted)} 分，建议得分 ${formatPoints(score)} 分（阶梯计分）`,
  };
}

/**
 * The stated rate must be the computed rate rounded to as many decimals as the statement gives: "100%"
 * fits 99.996%, but "99.99%" does not fit 563.72 / 563.72 = 100.00% (fixture 004, DOMAIN.md §7).
 */
function statedRateWarnings(statedRate: Micros | null, rate: Ratio, figures: string): GapWarning[] {
  if (statedRate === null) return [];
  const places = (formatDecimal(statedRate).split('.')[1] ?? '').length;
  const computed = roundRatio({ numerator: rate.numerator * 100n, denominator: rate.denominator }, places);
  if (computed === statedRate) return [];
  return [
    {
      code: 'STATED_RATE_MISMATCH',
      message: `填报的预算执行率 ${formatDecimal(statedRate)}% 与计算值 ${formatPercent(rate)}（${figures}）不符`,
    },
  ];
}

function overExecutionWarnings(rate: Ratio, actual: Micros, fullYear: Micros): GapWarning[] {
  if (compareRatio(rate, ONE) <= 0) return [];
  return [
    {
      code: 'OVER_EXECUTION',
      message: `执行数 ${formatAmount(actual, '万元')} 超过全年预算数 ${formatAmount(fullYear, '万元')}，超出部分不加分`,
    },
  ];
}
