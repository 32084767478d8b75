/**
 * Frequencies: "每月2次", "每季度不少于1次", "每周开展1次", "2次/月" keep their period and compare on their
 * annual equivalent (每月 2 次 = 全年 24 次). Only counts have a period: "500元/月" stays a rate.
 */
import type { Period, Quantity } from './types.js';
import { MONEY_UNIT_FACTORS } from './vocabulary.js';

export const PERIODS_PER_YEAR: Record<Period, bigint> = { DAY: 365n, WEEK: 52n, MONTH: 12n, QUARTER: 4n, HALF_YEAR: 2n, YEAR: 1n };
export const PERIOD_LABELS: Record<Period, string> = {
  DAY: '每天',
  WEEK: '每周',
  MONTH: '每月',
  QUARTER: '每季度',
  HALF_YEAR: '每半年',
  YEAR: '每年',
};

/** "每月", "每个季度", "每半年" before the number. */
const PERIOD_MARKER = /每(?:个)?(半年|年度|年|季度|季|月|周|星期|天|日)/g;
const MARKER_PERIODS: Record<string, Period> = {
  半年: 'HALF_YEAR', 年度: 'YEAR', 年: 'YEAR', 季度: 'QUARTER', 季: 'QUARTER', 月: 'MONTH', 周: 'WEEK', 星期: 'WEEK', 天: 'DAY', 日: 'DAY',
};
/** "次/月": the period after "/" (the units PER_UNITS lists). */
const PER_PERIODS: Record<string, Period> = { 年: 'YEAR', 季度: 'QUARTER', 季: 'QUARTER', 月: 'MONTH', 周: 'WEEK', 天: 'DAY', 日: 'DAY' };
/** Between "每月" and the number: a few words of one clause ("每月开展理论学习2次"), never a new period ("全年"). */
const MAX_GAP = 10;

export interface PeriodMarker {
  start: number;
  end: number;
  period: Period;
}

/** The one period marker written before a quantity at `quantityStart`, in the same clause; null otherwise. */
export function periodBefore(text: string, quantityStart: number): PeriodMarker | null {
  const markers = [...text.matchAll(PERIOD_MARKER)];
  if (markers.length !== 1) return null;
  const [marker] = markers;
  const start = marker.index ?? 0;
  const end = start + marker[0].length;
  const between = text.slice(end, quantityStart);
  if (end > quantityStart || between.length > MAX_GAP || /[，,。；;、]|全年|年度|累计|共计/.test(between)) return null;
  return { start, end, period: MARKER_PERIODS[marker[1]] };
}

/** "次/月" → 次 per MONTH; "元/月", "%/年" and "元/人" are rates, not frequencies (null). */
export function splitPerPeriod(unit: string | null): { unit: string; period: Period } | null {
  if (unit === null) return null;
  const [base, per] = unit.split('/');
  if (per === undefined || MONEY_UNIT_FACTORS.has(base) || base === '%' || base === '‰') return null;
  const period = PER_PERIODS[per];
  return period ? { unit: base, period } : null;
}

/** The quantity over a year: 每月 ≥ 2 次 → ≥ 24 次 (no period). A quantity without a period is itself. */
export function annualQuantity(quantity: Quantity): Quantity {
  const period = quantity.period ?? null;
  if (period === null) return quantity;
  const times = PERIODS_PER_YEAR[period];
  const { period: _period, ...rest } = quantity;
  return { ...rest, value: quantity.value * times, upper: quantity.upper === null ? null : quantity.upper * times };
}
