/** Quantities: ≥/≤ one-sided, EQ and RANGE two-sided, units converted where money (财预〔2020〕10号 B/A, A/B). */
import { compareRatio, formatDecimal, type Micros, type Ratio } from './decimal.js';
import { annualQuantity, compatibleUnits, convertQuantityUnit, describeQuantity } from './indicator-value/parse.js';
import type { Comparator, ParsedValue, Quantity } from './indicator-value/types.js';
import {
  ONE,
  ZERO,
  emptyGap,
  exactRatio,
  formatAmount,
  judgementGap,
  kindMismatchReason,
  statusOf,
  type Gap,
  type GapStatus,
  type GapWarning,
  type TargetReading,
} from './gap-common.js';
import { formatPercent, formatPoints, quantitativeScore, reduceRatio } from './scoring.js';


export function quantityGap(
  target: TargetReading,
  targetQuantity: Quantity,
  actual: ParsedValue,
  actualQuantity: Quantity,
  weight: Micros | null,
): Gap {
  if (actualQuantity.comparator === 'RANGE') return judgementGap(kindMismatchReason(target, actual), weight);
  // 每月 2 次 compares as 24 次 a year (docs/gap-rules.md 读数).
  if (targetQuantity.period || actualQuantity.period) {
    const gap = quantityGap(target, annualQuantity(targetQuantity), actual, annualQuantity(actualQuantity), weight);
    const shown = [targetQuantity, actualQuantity].filter((q) => q.period).map((q) => `${describeQuantity(q)}折合全年 ${describeQuantity(annualQuantity(q))}`);
    return { ...gap, explanation: `${shown.join('，')}；${gap.explanation}` };
  }
  const reading = actualInTargetUnit(targetQuantity, actualQuantity);
  // "完成培训12期" / "100%" / actual "12期": the quantity is in the indicator's name.
  if (!reading.ok && target.nameQuantity && actualInTargetUnit(target.nameQuantity, actualQuantity).ok) {
    const gap = quantityGap({ ...target, nameQuantity: null }, target.nameQuantity, actual, actualQuantity, weight);
    return { ...gap, explanation: `目标 100% 指指标名称中的 ${describeQuantity(target.nameQuantity)}；${gap.explanation}` };
  }
  if (!reading.ok) {
    return emptyGap('INCOMPARABLE', `目标"${target.raw}"，实际"${actual.raw}"：${reading.reason}，无法比较；请统一单位或由评价人员判断`);
  }
  const bounds = targetBounds(targetQuantity);
  const comparison = compareWithBounds(bounds, reading.value);
  const status = statusOf(comparison.met, comparison.completion);
  const suggestedScore = weight === null ? null : status === 'MET' ? weight : quantitativeScore(weight, comparison.completion);
  const warnings = [...reading.warnings, ...quantityWarnings(targetQuantity, actualQuantity, actual.raw, reading, comparison)];
  return {
    status,
    difference: { value: comparison.difference, unit: reading.unit, favourable: comparison.favourable },
    completion: reduceRatio(comparison.completion),
    suggestedScore,
    scoringMethod: target.implicit ? 'BUDGET_EXECUTION' : 'QUANTITATIVE',
    explanation: quantityExplanation({
      quantity: targetQuantity,
      implicit: target.implicit,
      bounds,
      reading,
      comparison,
      status,
      weight,
      suggestedScore,
    }),
    warnings,
  };
}

type UnitReading =
  | { ok: true; value: Micros; unit: string | null; shown: string; warnings: GapWarning[] }
  | { ok: false; reason: string };

/**
 * The actual in the target's unit. Money converts (元/万元/亿元); any other unit compares only with
 * itself (DOMAIN.md §4). A side without a unit is read in the other side's unit, with a warning.
 */
function actualInTargetUnit(target: Quantity, actual: Quantity): UnitReading {
  const shown = formatAmount(actual.value, actual.unit);
  if (target.unit === actual.unit) return { ok: true, value: actual.value, unit: target.unit, shown, warnings: [] };
  // Zero is zero in any unit: "零投诉" (≤ 0) against "2起", or "0" against "≤ 3 次".
  if (target.value === 0n && target.unit === null) return { ok: true, value: actual.value, unit: actual.unit, shown, warnings: [] };
  if (actual.value === 0n && actual.unit === null) return { ok: true, value: 0n, unit: target.unit, shown, warnings: [] };
  if (actual.unit === null) {
    return {
      ok: true,
      value: actual.value,
      unit: target.unit,
      shown,
      warnings: [{ code: 'UNIT_ASSUMED', message: `实际值未写单位，按目标单位"${target.unit}"理解` }],
    };
  }
  if (target.unit === null) {
    return {
      ok: true,
      value: actual.value,
      unit: actual.unit,
      shown,
      warnings: [{ code: 'UNIT_ASSUMED', message: `目标值未写单位，按实际值单位"${actual.unit}"理解` }],
    };
  }
  const converted = convertQuantityUnit(actual.value, actual.unit, target.unit);
  if (converted === null && compatibleUnits(target.unit, actual.unit)) {
    return {
      ok: true,
      value: actual.value,
      unit: target.unit,
      shown,
      warnings: [{ code: 'UNIT_ASSUMED', message: `实际单位"${actual.unit}"与目标单位"${target.unit}"按 1:1 比较，请评价人员核实口径（如篇次含重复刊发）` }],
    };
  }
  if (converted === null) {
    return { ok: false, reason: `目标单位为"${target.unit}"，实际单位为"${actual.unit}"，两者不能换算` };
  }
  return { ok: true, value: converted, unit: target.unit, shown: `${shown}（折合 ${formatAmount(converted, target.unit)}）`, warnings: [] };
}

/** A target as the bounds it asks for: one-sided (GTE/GT up, LTE/LT down) or two-sided (EQ, RANGE). */
type Bounds =
  | { side: 'AT_LEAST'; comparator: 'GTE' | 'GT'; value: Micros; unit: string | null }
  | { side: 'AT_MOST'; comparator: 'LTE' | 'LT'; value: Micros; unit: string | null }
  | { side: 'BETWEEN'; comparator: 'EQ' | 'RANGE'; lower: Micros; upper: Micros; unit: string | null };

function targetBounds(quantity: Quantity): Bounds {
  const { comparator, value, unit } = quantity;
  switch (comparator) {
    case 'GTE':
    case 'GT':
      return { side: 'AT_LEAST', comparator, value, unit };
    case 'LTE':
    case 'LT':
      return { side: 'AT_MOST', comparator, value, unit };
    case 'EQ':
      return { side: 'BETWEEN', comparator, lower: value, upper: value, unit };
    case 'RANGE': {
      const upper = quantity.upper ?? value;
      return { side: 'BETWEEN', comparator, lower: value < upper ? value : upper, upper: value < upper ? upper : value, unit };
    }
  }
}

interface Comparison {
  met: boolean;
  completion: Ratio;
  difference: Micros;
  favourable: boolean;
  /** The B/A (or A/B) actually used, as the figures: { numerator: 10, denominator: 12 }; null when all-or-nothing. */
  formula: { numerator: Micros; denominator: Micros } | null;
}


function compareWithBounds(bounds: Bounds, actual: Micros): Comparison {
  switch (bounds.side) {
    case 'AT_LEAST':
      return compareAtLeast(bounds.value, bounds.comparator === 'GT', actual);
    case 'AT_MOST':
      return compareAtMost(bounds.value, bounds.comparator === 'LT', actual);
    case 'BETWEEN':
      return compareBetween(bounds.lower, bounds.upper, actual);
  }
}

/** Higher-is-better: completion a/t (财预〔2020〕10号 B/A). */
function compareAtLeast(target: Micros, strict: boolean, actual: Micros): Comparison {
  const met = strict ? actual > target : actual >= target;
  const difference = actual - target;
  const favourable = difference >= 0n;
  if (target <= 0n) return { met, completion: met ? ONE : ZERO, difference, favourable, formula: null };
  if (actual <= 0n) return { met, completion: ZERO, difference, favourable, formula: { numerator: 0n, denominator: target } };
  return { met, completion: exactRatio(actual, target), difference, favourable, formula: { numerator: actual, denominator: target } };
}

/** Lower-is-better: 1 within the limit, else t/a (财预〔2020〕10号 A/B). */
function compareAtMost(target: Micros, strict: boolean, actual: Micros): Comparison {
  const met = strict ? actual < target : actual <= target;
  const difference = actual - target;
  const favourable = difference <= 0n;
  if (actual <= target) return { met, completion: ONE, difference, favourable, formula: null };
  // actual > target here, so actual > 0 whenever target ≥ 0.
  if (target < 0n) return { met, completion: ZERO, difference, favourable, formula: null };
  return { met, completion: exactRatio(target, actual), difference, favourable, formula: { numerator: target, denominator: actual } };
}

/** Two-sided: inside → 1; below → a/lo; above → hi/a; the difference is the distance past the nearer bound. */
function compareBetween(lower: Micros, upper: Micros, actual: Micros): Comparison {
  if (actual < lower) {
    const difference = actual - lower;
    if (lower <= 0n || actual <= 0n) {
      return { met: false, completion: ZERO, difference, favourable: false, formula: lower > 0n ? { numerator: 0n, denominator: lower } : null };
    }
    return { met: false, completion: exactRatio(actual, lower), difference, favourable: false, formula: { numerator: actual, denominator: lower } };
  }
  if (actual > upper) {
    const difference = actual - upper;
    if (upper < 0n) return { met: false, completion: ZERO, difference, favourable: false, formula: null };
    return { met: false, completion: exactRatio(upper, actual), difference, favourable: false, formula: { numerator: upper, denominator: actual } };
  }
  return { met: true, completion: ONE, difference: 0n, favourable: true, formula: null };
}


function quantityWarnings(
  target: Quantity,
  actual: Quantity,
  actualRaw: string,
  reading: Extract<UnitReading, { ok: true }>,
  comparison: Comparison,
): GapWarning[] {
  const warnings: GapWarning[] = [];
  if (actual.approximate) {
    warnings.push({ code: 'APPROXIMATE_ACTUAL', message: `实际值"${actualRaw}"为约数，按 ${formatAmount(reading.value, reading.unit)} 计算` });
  }
  const strict = target.comparator === 'GT' || target.comparator === 'LT';
  if (strict && !comparison.met && comparison.difference === 0n) {
    const word = target.comparator === 'GT' ? '高于' : '低于';
    warnings.push({
      code: 'STRICT_BOUNDARY',
      message: `实际值恰好等于目标值 ${formatAmount(target.value, reading.unit)}，未满足"${word}"的要求，请评价人员判断得分`,
    });
  }
  const overshoot = overshootWarning(target, reading);
  if (overshoot) warnings.push(overshoot);
  return warnings;
}

/**
 * 偏离度: a higher-is-better result more than 50% beyond its target suggests the target was set too low;
 * the evaluator may dock points (DOMAIN.md §6). More than 50% beyond: a − t > t/2, i.e. 2a > 3t.
 */
function overshootWarning(target: Quantity, reading: Extract<UnitReading, { ok: true }>): GapWarning | null {
  if (target.comparator !== 'GTE' && target.comparator !== 'GT') return null;
  if (target.value <= 0n || 2n * reading.value <= 3n * target.value) return null;
  const beyond = formatPercent({ numerator: reading.value - target.value, denominator: target.value });
  return {
    code: 'OVERSHOOT',
    message:
      `实际值超出目标 50% 以上，目标可能设置偏低，评价人员可酌情扣分` +
      `（实际 ${formatAmount(reading.value, reading.unit)}，目标 ${formatAmount(target.value, reading.unit)}，超出 ${beyond}）`,
  };
}

interface QuantityExplanation {
  quantity: Quantity;
  implicit: boolean;
  bounds: Bounds;
  reading: Extract<UnitReading, { ok: true }>;
  comparison: Comparison;
  status: GapStatus;
  weight: Micros | null;
  suggestedScore: Micros | null;
}

const COMPARATOR_SYMBOLS: Record<Comparator, string> = { GTE: '≥', GT: '>', LTE: '≤', LT: '<', EQ: '=', RANGE: '在' };

/** "实际 41 场 ≥ 目标 10 场，完成率 410%（按 100% 计分），得满分 5 分" / "实际 10 次，目标 ≥ 12 次，完成率 83.33%，建议得分 8.33 分（10 × 10/12）". */
function quantityExplanation(facts: QuantityExplanation): string {
  const { quantity, bounds, reading, comparison, status, weight, suggestedScore, implicit } = facts;
  const note = implicit ? '（预算执行率以 100% 为目标）' : '';
  const comparisonText =
    status !== 'MET'
      ? `实际 ${reading.shown}，目标 ${describeQuantity(quantity)}${note}`
      : bounds.side === 'BETWEEN' && bounds.comparator === 'RANGE'
        ? `实际 ${reading.shown} 在目标 ${describeQuantity(quantity)} 之内`
        : `实际 ${reading.shown} ${COMPARATOR_SYMBOLS[bounds.comparator]} 目标 ${formatAmount(quantity.value, reading.unit)}${note}`;
  const completionText = describeCompletion(comparison.completion);
  return `${comparisonText}，${completionText}${scoreText(status, weight, suggestedScore, comparison.formula)}`;
}

function describeCompletion(completion: Ratio): string {
  const shown = `完成率 ${formatPercent(completion)}`;
  return compareRatio(completion, ONE) > 0 ? `${shown}（按 100% 计分）` : shown;
}

function scoreText(
  status: GapStatus,
  weight: Micros | null,
  suggestedScore: Micros | null,
  formula: Comparison['formula'],
): string {
  if (weight === null || suggestedScore === null) return '；未设分值，不计算建议得分';
  if (status === 'MET') return `，得满分 ${formatPoints(weight)} 分`;
  // Without a ratio the completion is all or nothing (a strict bound reached exactly, a zero target).
  const figures = formula ? `${formatDecimal(formula.numerator)}/${formatDecimal(formula.denominator)}` : suggestedScore === 0n ? '0' : '100%';
  return `，建议得分 ${formatPoints(suggestedScore)} 分（${formatPoints(weight)} × ${figures}）`;
}
