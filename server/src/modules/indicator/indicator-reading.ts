import { microsOrNull, parseDecimal, type Micros } from '../../domain/decimal.js';
import type { ExecutionProfile } from '../../domain/budget-execution.js';
import { fullYearOf } from '../../domain/derived-figures.js';
import { budgetExecutionGap, computeGap, type Gap } from '../../domain/gap.js';
import { parseIndicatorValue } from '../../domain/indicator-value/parse.js';
import type { ParsedValue, Quantity, ValueContext } from '../../domain/indicator-value/types.js';
import type { Indicator } from './indicator.entity.js';

function context(indicator: Indicator, role: 'TARGET' | 'ACTUAL'): ValueContext {
  return { role, level1: indicator.level1, level2: indicator.level2, name: indicator.name };
}

function hasText(text: string | null): text is string {
  return text != null && text.trim() !== '';
}

/** How the server reads an indicator's texts: once per indicator, for its gap and for the API alike. */
export interface IndicatorReading {
  /** The reading of the target text. */
  target: ParsedValue | null;
  /** The planner's explicit reading of the target; it wins over the text reading. */
  structured: Quantity | null;
  actual: ParsedValue | null;
}

export function readIndicator(indicator: Indicator): IndicatorReading {
  const targetKey = hasText(indicator.targetText) ? readingKey(indicator, 'TARGET', indicator.targetText, '') : null;
  const target = targetKey === null ? null : cachedReading(targetKey, () => parseIndicatorValue(indicator.targetText!, context(indicator, 'TARGET')));
  // The actual is read knowing the target: "无" against "零投诉" is 0 occurrences, not 不适用.
  const actual = hasText(indicator.actualText)
    ? cachedReading(readingKey(indicator, 'ACTUAL', indicator.actualText, targetKey ?? ''), () =>
        parseIndicatorValue(indicator.actualText!, { ...context(indicator, 'ACTUAL'), target }),
      )
    : null;
  return { target, structured: structuredTarget(indicator), actual };
}

/**
 * Readings of texts already read (issue 12): a province repeats the same 指标值 under the same names
 * thousands of times, and the reader is pure, so a reading depends only on the text and its context
 * (role, levels, name; for an actual also the target's text). Bounded: emptied when full. A reading
 * is shared by every row with that key: never change one (the views are built from it, not into it).
 */
const READINGS = new Map<string, ParsedValue>();
const READINGS_MAX = 50_000;

function readingKey(indicator: Indicator, role: 'TARGET' | 'ACTUAL', text: string, targetKey: string): string {
  return `${role}\u0000${indicator.level1}\u0000${indicator.level2 ?? ''}\u0000${indicator.name ?? ''}\u0000${text}\u0000${targetKey}`;
}

function cachedReading(key: string, read: () => ParsedValue): ParsedValue {
  let reading = READINGS.get(key);
  if (reading === undefined) {
    if (READINGS.size >= READINGS_MAX) READINGS.clear();
    reading = read();
    READINGS.set(key, reading);
  }
  return reading;
}

/** The planner's structured target, from its columns (no text is read). */
export function structuredTarget(indicator: Pick<Indicator, 'targetComparator' | 'targetValue' | 'targetUpper' | 'targetUnit' | 'targetDirection'>): Quantity | null {
  if (!indicator.targetComparator || indicator.targetValue == null) return null;
  const value = parseDecimal(indicator.targetValue);
  const upper = indicator.targetUpper == null ? null : parseDecimal(indicator.targetUpper);
  if (!value.ok || (upper && !upper.ok)) return null;
  const lower = indicator.targetComparator === 'LTE' || indicator.targetComparator === 'LT';
  return {
    comparator: indicator.targetComparator,
    value: value.value,
    upper: upper && upper.ok ? upper.value : null,
    unit: indicator.targetUnit,
    approximate: false,
    direction: indicator.targetDirection ?? (lower ? 'LOWER_IS_BETTER' : 'HIGHER_IS_BETTER'),
  };
}

/** The plan's 全年预算数 and 执行数, for the 预算执行率 row. */
export interface BudgetFigures {
  fullYear: Micros | null;
  actual: Micros | null;
}


/**
 * 全年预算数 and 执行数 of a row: an unstated full year is 年初 + 调整 when both are known (a 年中追加
 * item's 年初 is 0; domain/derived-figures.ts), so the 执行率 runs.
 */
export function budgetFigures(
  amounts: { fullYear: string | null; actual: string | null; initial?: string | null; adjustment?: string | null } | null,
  midyear = false,
): BudgetFigures {
  const fullYear = fullYearOf({ initial: microsOrNull(amounts?.initial ?? null), adjustment: microsOrNull(amounts?.adjustment ?? null), fullYear: microsOrNull(amounts?.fullYear ?? null) }, midyear);
  return { fullYear: fullYear.value, actual: microsOrNull(amounts?.actual ?? null) };
}

/**
 * The gap of one indicator. The 预算执行率 row is measured on the plan's own amounts (执行数 / 全年预算数);
 * a rate written as its 实际完成值 ("99.99%") is the stated rate, checked against them.
 */
export function indicatorGap(
  indicator: Indicator,
  { target, structured, actual }: IndicatorReading,
  budget: BudgetFigures,
  profile?: ExecutionProfile,
): Gap {
  const weight = microsOrNull(indicator.weight);
  if (indicator.level1 === 'BUDGET_EXECUTION') {
    const statedRate = actual?.kind === 'QUANTITY' && actual.quantity?.unit === '%' ? actual.quantity.value : null;
    return budgetExecutionGap({ actual: budget.actual, fullYear: budget.fullYear, statedRate, weight, profile });
  }
  return computeGap({ target, actual, weight, level1: indicator.level1, structuredTarget: structured });
}
