/** The 预算执行率 section of a self-evaluation: 执行数 / 调整后全年预算数, scored by the plan's profile. */
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
    return executionGap(rate, figures, weight, difference, warnings);
  }
  if (statedRate !== null) {
    const rate = reduceRatio({ numerator: statedRate, denominator: 100n * POINT });
    const missing = actual === null ? '执行数' : '全年预算数';
    return executionGap(rate, `${missing}未填写，按填报的预算执行率 ${formatDecimal(statedRate)}%`, weight, null, []);
  }
  return emptyGap('PENDING', actual === null ? '尚未填写执行数，无法计算预算执行率' : '尚未填写全年预算数，无法计算预算执行率');
}

function executionGap(rate: Ratio, figures: string, weight: Micros | null, difference: GapDifference | null, warnings: GapWarning[]): Gap {
  const met = compareRatio(rate, ONE) >= 0;
  const status = statusOf(met, rate);
  const suggestedScore = weight === null ? null : quantitativeScore(weight, rate);
  const rateText = `预算执行率 ${formatPercent(rate)}`;
  const score =
    weight === null || suggestedScore === null
      ? '；未设分值，不计算建议得分'
      : met
        ? `，得满分 ${formatPoints(weight)} 分`
        : `，建议得分 ${formatPoints(suggestedScore)} 分（${formatPoints(weight)} × ${formatPercent(rate)}）`;
  return {
    status,
    difference,
    completion: reduceRatio(rate),
    suggestedScore,
    scoringMethod: 'BUDGET_EXECUTION',
    explanation: `${figures} = ${rateText}${score}`,
    warnings,
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
