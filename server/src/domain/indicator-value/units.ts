/**
 * Units (DOMAIN.md §4): read after a number ("12次", "500元/人"), converted only between 元, 万元 and 亿元,
 * and shown with the number ("≥ 12 次", "90%–95%").
 */
import { formatDecimal, type Micros } from '../decimal.js';
import { PERIOD_LABELS } from './frequency.js';
import { divideRounded, MICROS_PER_UNIT } from './numbers.js';
import type { Quantity } from './types.js';
import { ATTACHED_UNITS, COMPARATOR_SYMBOLS, MONEY_UNIT_FACTORS, PER_UNITS, UNITS, matchWordAt } from './vocabulary.js';

/** The short display form: "≥ 12 次", "≤ 6 万元", "≥ 90%", "90%–95%", "≥ 400 场（约数）". */
export function describeQuantity(q: Quantity): string {
  const approximate = q.approximate ? '（约数）' : '';
  const period = q.period ? `${PERIOD_LABELS[q.period]} ` : '';
  const basis = q.basis === 'BUDGET' ? '（占预算）' : '';
  if (q.comparator === 'RANGE') {
    return `${period}${describeRange(q.value, q.upper ?? q.value, q.unit)}${basis}${approximate}`;
  }
  return `${period}${COMPARATOR_SYMBOLS[q.comparator]} ${withUnit(formatDecimal(q.value), q.unit)}${basis}${approximate}`;
}

/**
 * Converts between 元, 万元 and 亿元 (1 亿元 = 10000 万元 = 10^8 元), exactly, rounding half away from
 * zero to micro-units only when 元 → 万元/亿元 leaves more than 6 decimals. Equal units (or both
 * missing) give the value back; other pairs do not convert (null): 次 vs 场, % vs 次.
 */
export function convertQuantityUnit(value: Micros, from: string | null, to: string | null): Micros | null {
  if (from === to) return value;
  const fromFactor = from === null ? undefined : MONEY_UNIT_FACTORS.get(from);
  const toFactor = to === null ? undefined : MONEY_UNIT_FACTORS.get(to);
  if (fromFactor === undefined || toFactor === undefined) return null;
  return divideRounded(value * fromFactor, toFactor);
}

/**
 * Units that count the same thing in a slightly different way: 篇 and 篇次 (an article carried twice is
 * 2 篇次), 人, 名 and 人次, 场 and 场次, 条 and 条次, 天 and 日, 月 and 个月. They compare one to one, with
 * a warning, where other units do not compare at all.
 */
const COMPATIBLE_UNITS: readonly (readonly string[])[] = [
  ['篇', '篇次'],
  ['人', '名', '人次'],
  ['场', '场次'],
  ['条', '条次'],
  ['天', '日'],
  ['工作日', '个工作日'],
  ['月', '个月'],
];

export function compatibleUnits(a: string | null, b: string | null): boolean {
  if (a === null || b === null || a === b) return false;
  return COMPATIBLE_UNITS.some((group) => group.includes(a) && group.includes(b));
}

export function readUnit(text: string, index: number): string | null {
  const unit = matchWordAt(text, index, UNITS);
  if (!unit) return null;
  const next = index + unit.length;
  if (unit === '分' && text[next] === '之') return null; // 三分之一 is a fraction
  if (text[next] === '/') {
    const per = matchWordAt(text, next + 1, PER_UNITS);
    if (per) return `${unit}/${per}`;
  }
  return unit;
}

export function isYearSpan(value: Micros, upper: Micros | null): boolean {
  const isYear = (v: Micros) =>
    v % MICROS_PER_UNIT === 0n && v >= 1900n * MICROS_PER_UNIT && v <= 2100n * MICROS_PER_UNIT;
  return isYear(value) && (upper === null || isYear(upper));
}

function describeRange(lower: Micros, upper: Micros, unit: string | null): string {
  if (unit !== null && ATTACHED_UNITS.has(unit)) return `${formatDecimal(lower)}${unit}–${formatDecimal(upper)}${unit}`;
  return withUnit(`${formatDecimal(lower)}–${formatDecimal(upper)}`, unit);
}

function withUnit(number: string, unit: string | null): string {
  if (unit === null) return number;
  return ATTACHED_UNITS.has(unit) ? `${number}${unit}` : `${number} ${unit}`;
}
