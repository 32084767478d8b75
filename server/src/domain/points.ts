/** Points (分) and exact ratios: the arithmetic every scoring rule shares. */
import { formatDecimal, type Micros, type Ratio } from './decimal.js';

/** One point (分) in micro-units. */
export const POINT: Micros = 1_000_000n;

/** Scores are stated with at most this many decimals (see the header). */
export const SCORE_PLACES = 2;

/** Points as a form writes them: "10", "8.33". */
export function formatPoints(value: Micros): string {
  return formatDecimal(value);
}

// ---------------------------------------------------------------------------------------------------
// Exact arithmetic on ratios

function absolute(value: bigint): bigint {
  return value < 0n ? -value : value;
}

function greatestCommonDivisor(a: bigint, b: bigint): bigint {
  let x = absolute(a);
  let y = absolute(b);
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** A ratio in lowest terms, so equal rates compare equal with toEqual and read simply (5/6, not 10000000/12000000). */
export function reduceRatio(value: Ratio): Ratio {
  const divisor = greatestCommonDivisor(value.numerator, value.denominator);
  if (divisor <= 1n) return value;
  return { numerator: value.numerator / divisor, denominator: value.denominator / divisor };
}

/** Clamps a completion rate to [0, 1]: the part beyond 100% earns nothing, and below 0 means nothing. */
export function clampCompletion(value: Ratio): Ratio {
  if (value.numerator <= 0n) return { numerator: 0n, denominator: 1n };
  if (value.numerator >= value.denominator) return { numerator: 1n, denominator: 1n };
  return value;
}

/**
 * A ratio as micro-units rounded to `places` decimals, half away from zero, in one exact step
 * (ratioToMicros followed by roundMicros would round twice: 8.3349996 → 8.335 → 8.34).
 */
export function roundRatio(value: Ratio, places: number): Micros {
  const step = 10n ** BigInt(6 - places);
  const scaled = absolute(value.numerator) * 10n ** BigInt(places);
  const rounded = (scaled * 2n + value.denominator) / (value.denominator * 2n);
  return (value.numerator < 0n ? -rounded : rounded) * step;
}

/** weight × rate, rounded to SCORE_PLACES. */
export function scaleWeight(weight: Micros, rate: Ratio): Micros {
  // weight is in micro-units; as a plain number it is weight / 10^6.
  return roundRatio({ numerator: weight * rate.numerator, denominator: rate.denominator * POINT }, SCORE_PLACES);
}

/** A rate as a percentage with at most 2 decimals, trailing zeros dropped: "100%", "83.33%", "99.99%". */
export function formatPercent(rate: Ratio): string {
  return `${formatDecimal(roundRatio({ numerator: rate.numerator * 100n, denominator: rate.denominator }, 2))}%`;
}

