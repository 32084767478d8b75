/**
 * Exact decimals for money (万元) and points (分).
 *
 * A value is held as a bigint count of micro-units (10^-6): 0.000001 万元 = 0.01 元, the finest
 * amount a budget form states (DOMAIN.md §8). Binary floats never take part in arithmetic.
 */

export const SCALE = 6;
const UNIT = 10n ** BigInt(SCALE);

/** Largest magnitude accepted for an amount: 10^8 万元 (1 万亿元); anything beyond is a typo. */
export const MAX_MAGNITUDE = 10n ** 8n * UNIT;

export type Micros = bigint;

export type DecimalParseError =
  | { code: 'NOT_A_NUMBER'; message: string }
  | { code: 'TOO_PRECISE'; message: string }
  | { code: 'TOO_LARGE'; message: string };

export type DecimalParse = { ok: true; value: Micros } | { ok: false; error: DecimalParseError };

const DECIMAL_PATTERN = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/** Reads a plain decimal string ("267.5915", "-3", "0.5"). No exponents, no thousands separators. */
export function parseDecimal(text: string): DecimalParse {
  const trimmed = text.trim();
  const match = trimmed.length <= 40 ? DECIMAL_PATTERN.exec(trimmed) : null;
  if (!match) {
    return { ok: false, error: { code: 'NOT_A_NUMBER', message: `"${preview(text)}" 不是有效的数字 (not a decimal number)` } };
  }
  const [, sign, whole, fraction = ''] = match;
  if (fraction.length > SCALE) {
    return {
      ok: false,
      error: { code: 'TOO_PRECISE', message: `"${trimmed}" 超过 ${SCALE} 位小数 (more than ${SCALE} decimals)` },
    };
  }
  const magnitude = BigInt(whole) * UNIT + BigInt(fraction.padEnd(SCALE, '0') || '0');
  if (magnitude > MAX_MAGNITUDE) {
    return { ok: false, error: { code: 'TOO_LARGE', message: `"${trimmed}" 超出合理范围 (larger than 10^8)` } };
  }
  return { ok: true, value: sign === '-' ? -magnitude : magnitude };
}

/** A stored decimal as micro-units; null for none (or, defensively, for text that is not a decimal). */
export function microsOrNull(text: string | null | undefined): Micros | null {
  if (text == null) return null;
  const parsed = parseDecimal(text);
  return parsed.ok ? parsed.value : null;
}

/** Like parseDecimal, for values already validated; throws on a bug. */
export function toMicros(text: string): Micros {
  const parsed = parseDecimal(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

/** Canonical text: no trailing zeros, no trailing point ("90", "267.5915", "-0.5"). */
export function formatDecimal(value: Micros): string {
  const negative = value < 0n;
  const magnitude = negative ? -value : value;
  const whole = magnitude / UNIT;
  const fraction = (magnitude % UNIT).toString().padStart(SCALE, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** Fixed number of places, rounded half away from zero ("99.99", "100.00"). */
export function formatFixed(value: Micros, places: number): string {
  const rounded = roundMicros(value, places);
  const negative = rounded < 0n;
  const magnitude = negative ? -rounded : rounded;
  const whole = magnitude / UNIT;
  const fraction = (magnitude % UNIT).toString().padStart(SCALE, '0').slice(0, places);
  return `${negative ? '-' : ''}${whole}${places > 0 ? `.${fraction}` : ''}`;
}

/** Rounds micro-units to `places` decimals, half away from zero. */
export function roundMicros(value: Micros, places: number): Micros {
  if (places >= SCALE) return value;
  const step = 10n ** BigInt(SCALE - places);
  const half = step / 2n;
  const magnitude = value < 0n ? -value : value;
  const rounded = ((magnitude + half) / step) * step;
  return value < 0n ? -rounded : rounded;
}

export function sumMicros(values: readonly Micros[]): Micros {
  return values.reduce((total, value) => total + value, 0n);
}

/** A JSON number (weights, scores in plan documents) as micro-units, exactly as written in decimal. */
export function numberToMicros(value: number): DecimalParse {
  if (!Number.isFinite(value)) {
    return { ok: false, error: { code: 'NOT_A_NUMBER', message: `${value} 不是有效的数字 (not a finite number)` } };
  }
  if (Math.abs(value) >= 1e21) {
    return { ok: false, error: { code: 'TOO_LARGE', message: `${value} 超出合理范围 (larger than 10^8)` } };
  }
  // String(x) is the shortest decimal that reads back as x, i.e. what the document wrote; tiny
  // values print with an exponent, and toFixed shows them as too precise.
  const text = String(value);
  return parseDecimal(text.includes('e') ? value.toFixed(SCALE + 1) : text);
}

/** The JSON number a document carries for an exact value (scores and weights are small). */
export function microsToNumber(value: Micros): number {
  return Number(formatDecimal(value));
}

function preview(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** An exact ratio, for completion rates and execution rates. Denominator is always positive. */
export interface Ratio {
  numerator: bigint;
  denominator: bigint;
}

export function ratio(numerator: bigint, denominator: bigint): Ratio | null {
  if (denominator === 0n) return null;
  return denominator < 0n
    ? { numerator: -numerator, denominator: -denominator }
    : { numerator, denominator };
}

/** A ratio as micro-units (0.5 → 500000n), rounded half away from zero at the 6th decimal. */
export function ratioToMicros(value: Ratio): Micros {
  const scaled = value.numerator * UNIT;
  const magnitude = scaled < 0n ? -scaled : scaled;
  const quotient = (magnitude * 2n + value.denominator) / (value.denominator * 2n);
  return scaled < 0n ? -quotient : quotient;
}

export function compareRatio(a: Ratio, b: Ratio): number {
  const left = a.numerator * b.denominator;
  const right = b.numerator * a.denominator;
  return left < right ? -1 : left > right ? 1 : 0;
}
