/** Figures over many plans (analysts' planStats), exact: bigint micro-units and ratios, never floats. */
import { formatDecimal, formatFixed, type Micros, ratio, ratioToMicros } from './decimal.js';

/** Σ totals ÷ plans scored, rounded half up at the 2nd decimal (as scores are shown); null when none is scored. */
export function averageScore(scoreTotal: Micros | null, scoredPlans: number): string | null {
  if (scoreTotal === null || scoredPlans === 0) return null;
  return formatFixed(ratioToMicros(ratio(scoreTotal, BigInt(scoredPlans) * 1_000_000n)!), 2);
}

/** part ÷ whole as a decimal (0.153846); null for an empty whole. */
export function shareOf(part: number, whole: number): string | null {
  return whole ? formatDecimal(ratioToMicros(ratio(BigInt(part), BigInt(whole))!)) : null;
}
