/**
 * The gap between an indicator's target (指标值) and its actual (实际完成值), and the score the figures
 * suggest (DOMAIN.md §5, §6; 财预〔2020〕10号). Pure and exact: numbers are bigint micro-units, rates are
 * exact ratios.
 *
 * Rules decided here where DOMAIN.md leaves them open:
 * - PARTIAL is any result that is not met but earns something (0 < completion): the quantitative formula
 *   (weight × B/A) already grades the shortfall, so a threshold such as 60% would only hide progress.
 * - The comparator decides which side is good (≥/> up, ≤/< down); Quantity.direction is what the parser
 *   derived that comparator from (成本指标, 不超过 …), so the two agree and the comparator is the one read.
 * - EQ targets and RANGE targets are two-sided: an EQ target is the range [t, t]; going past either bound
 *   is off target (completion hi/a or a/lo), whatever direction the indicator has.
 * - Completion is reported uncapped above (410% tells the overshoot) but never below 0: a negative
 *   actual earns nothing, and a ratio against a target ≤ 0 means nothing, so such targets are
 *   all-or-nothing (1 when met, else 0) — which also keeps every division away from zero.
 * - A strict comparator (GT/LT) missed exactly at the bound is PARTIAL; weight × B/A then gives the full
 *   weight, and a STRICT_BOUNDARY warning asks the evaluator to decide.
 * - Qualitative indicators (BOOLEAN, GRADE) suggest the top of their band: MET → 100%, PARTIAL → 80%,
 *   NOT_MET → 60% of the weight. Grades rank 优 3 · 良 2 · 中 1 · 差 0, so 差 is 未达成且效果较差.
 * - NEEDS_JUDGEMENT suggests no score (null): the evaluator judges the band, and a number from us would
 *   look like a computed result. The explanation lists the three bands in points instead.
 * - NOT_APPLICABLE and INCOMPARABLE suggest no score either; INCOMPARABLE says which units.
 * - 预算执行率 rows without a target are measured against 100%: the forms leave that 指标值 empty.
 * - Readings (docs/gap-rules.md "读数"): a frequency compares on its annual equivalent (每月 2 次 = 24 次);
 *   zero needs no unit; compatible units (篇/篇次, 人/人次 …) compare 1:1 with a UNIT_ASSUMED warning; a
 *   "100%" whose quantity is in the name compares an actual in that unit with the name's quantity;
 *   基本完成/延期完成, or a date after the deadline, is PARTIAL; 满意/基本满意/不满意 rank 2 · 1 · 0.
 */
import { compareRatio, formatDecimal, ratio, type Micros, type Ratio } from './decimal.js';
import type { Level1 } from './indicator-hierarchy.js';
import { annualQuantity, compatibleUnits, convertQuantityUnit, describeDeadline, describeQuantity, isLate } from './indicator-value/parse.js';
import type { Comparator, Deadline, Grade, GradeScale, ParsedValue, Qualifier, Quantity, ValueKind } from './indicator-value/types.js';
import {
  POINT,
  describeBand,
  formatPercent,
  formatPoints,
  qualitativeScore,
  quantitativeScore,
  reduceRatio,
  roundRatio,
  type QualitativeBand,
} from './scoring.js';

export type GapStatus = 'PENDING' | 'MET' | 'PARTIAL' | 'NOT_MET' | 'NOT_APPLICABLE' | 'NEEDS_JUDGEMENT' | 'INCOMPARABLE';

export const GAP_STATUSES: readonly GapStatus[] = Object.freeze([
  'PENDING',
  'MET',
  'PARTIAL',
  'NOT_MET',
  'NOT_APPLICABLE',
  'NEEDS_JUDGEMENT',
  'INCOMPARABLE',
]);

export type ScoringMethod = 'QUANTITATIVE' | 'QUALITATIVE' | 'BUDGET_EXECUTION';

export type GapWarningCode =
  /** A higher-is-better actual more than 50% beyond its target (偏离度). */
  | 'OVERSHOOT'
  /** One side has no unit and was read in the other side's unit. */
  | 'UNIT_ASSUMED'
  /** The actual is approximate ("400余场") and was counted at its stated number. */
  | 'APPROXIMATE_ACTUAL'
  /** A strict target (> or <) missed exactly at its bound. */
  | 'STRICT_BOUNDARY'
  /** A stated 预算执行率 that is not 执行数 / 全年预算数. */
  | 'STATED_RATE_MISMATCH'
  /** 执行数 above 全年预算数. */
  | 'OVER_EXECUTION';

export interface GapWarning {
  code: GapWarningCode;
  message: string;
}

export interface GapDifference {
  /** actual − target in the target's unit; for RANGE the distance to the nearest bound (0 inside). */
  value: Micros;
  unit: string | null;
  /** The difference is on the good side for the indicator (or there is none). */
  favourable: boolean;
}

export interface Gap {
  status: GapStatus;
  difference: GapDifference | null;
  /** Uncapped completion rate; capped at 1 only for scoring. */
  completion: Ratio | null;
  /** Rounded to 2 decimals; null when the figures cannot suggest a score (or there is no weight). */
  suggestedScore: Micros | null;
  scoringMethod: ScoringMethod | null;
  /** In Chinese, with the figures, so a person can check it. */
  explanation: string;
  warnings: GapWarning[];
}

export interface GapInput {
  target: ParsedValue | null;
  actual: ParsedValue | null;
  /** 分值 */
  weight: Micros | null;
  level1: Level1;
  /** Set explicitly by a planner; wins over the reading of the target text. */
  structuredTarget?: Quantity | null;
}

// ---------------------------------------------------------------------------------------------------
// Entry point

export function computeGap(input: GapInput): Gap {
  const target = effectiveTarget(input);
  const { actual, weight } = input;
  if (isBlank(actual)) return pendingGap(target);
  if (target?.kind === 'NOT_APPLICABLE' || actual.kind === 'NOT_APPLICABLE') return notApplicableGap(target, actual);
  if (target === null) return judgementGap(`没有目标值，实际"${actual.raw}"`, weight);

  if (target.kind === 'QUANTITY' && actual.kind === 'QUANTITY' && target.quantity && actual.quantity) {
    return quantityGap(target, target.quantity, actual, actual.quantity, weight);
  }
  if (target.kind === 'BOOLEAN' && actual.kind === 'BOOLEAN' && target.boolean !== null && actual.boolean !== null) {
    return booleanGap(target, actual, weight);
  }
  if (target.kind === 'GRADE' && actual.kind === 'GRADE' && target.grade && actual.grade) {
    return gradeGap(target, { grade: target.grade, scale: target.scale }, actual, { grade: actual.grade, scale: actual.scale }, weight);
  }
  return judgementGap(kindMismatchReason(target, actual), weight);
}

/** What the target means: the planner's structured form, else the text reading, else (预算执行率) 100%. */
interface TargetReading {
  raw: string;
  kind: ValueKind;
  quantity: Quantity | null;
  boolean: boolean | null;
  grade: Grade | null;
  hints: Quantity[];
  implicit: boolean;
  scale?: GradeScale | null;
  qualifier?: Qualifier | null;
  deadline?: Deadline | null;
  nameQuantity?: Quantity | null;
}

const FULL_EXECUTION: Quantity = Object.freeze({
  comparator: 'GTE',
  value: 100n * POINT,
  upper: null,
  unit: '%',
  approximate: false,
  direction: 'HIGHER_IS_BETTER',
});

function effectiveTarget(input: GapInput): TargetReading | null {
  if (input.structuredTarget) return quantityReading(input.structuredTarget, false);
  if (!isBlank(input.target)) return { ...input.target, implicit: false };
  if (input.level1 === 'BUDGET_EXECUTION') return quantityReading(FULL_EXECUTION, true);
  return null;
}

function quantityReading(quantity: Quantity, implicit: boolean): TargetReading {
  return { raw: describeQuantity(quantity), kind: 'QUANTITY', quantity, boolean: null, grade: null, hints: [], implicit };
}

function isBlank(value: ParsedValue | null): value is null {
  return value === null || value.raw.trim() === '';
}

// ---------------------------------------------------------------------------------------------------
// Statuses that need no comparison

function pendingGap(target: TargetReading | null): Gap {
  const prefix = target === null ? '' : `目标"${target.raw}"，`;
  return emptyGap('PENDING', `${prefix}尚未填写实际完成值`);
}

function notApplicableGap(target: TargetReading | null, actual: ParsedValue): Gap {
  const side = target?.kind === 'NOT_APPLICABLE' ? `目标"${target.raw}"` : `实际"${actual.raw}"`;
  return emptyGap('NOT_APPLICABLE', `${side}为不适用，不计算完成率和建议得分；如有分值，由评价人员确定得分`);
}

function judgementGap(reason: string, weight: Micros | null): Gap {
  return {
    ...emptyGap('NEEDS_JUDGEMENT', `${reason}，无法自动比较，由评价人员判断：${allBands(weight)}`),
    scoringMethod: 'QUALITATIVE',
  };
}

function emptyGap(status: GapStatus, explanation: string): Gap {
  return { status, difference: null, completion: null, suggestedScore: null, scoringMethod: null, explanation, warnings: [] };
}

function allBands(weight: Micros | null): string {
  const bands: QualitativeBand[] = ['ACHIEVED', 'PARTLY_ACHIEVED', 'NOT_ACHIEVED'];
  return bands.map((band) => describeBand(band, weight)).join('；');
}

const KIND_LABELS: Record<ValueKind, string> = {
  QUANTITY: '数量',
  BOOLEAN: '是否完成',
  GRADE: '等级',
  NOT_APPLICABLE: '不适用',
  TEXT: '文字描述',
};

function kindMismatchReason(target: TargetReading, actual: ParsedValue): string {
  const split = target.hints.length > 1 ? '（目标含多个数量，建议拆分为多个指标）' : '';
  const actualRange = actual.kind === 'QUANTITY' && actual.quantity?.comparator === 'RANGE' ? '区间' : KIND_LABELS[actual.kind];
  return `目标"${target.raw}"为${KIND_LABELS[target.kind]}${split}，实际"${actual.raw}"为${actualRange}`;
}

// ---------------------------------------------------------------------------------------------------
// Quantities

function quantityGap(
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

const ONE: Ratio = { numerator: 1n, denominator: 1n };
const ZERO: Ratio = { numerator: 0n, denominator: 1n };

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

function exactRatio(numerator: Micros, denominator: Micros): Ratio {
  // Callers guarantee a non-zero denominator; ratio() returns null only for zero.
  return ratio(numerator, denominator) ?? ZERO;
}

function statusOf(met: boolean, completion: Ratio): GapStatus {
  if (met) return 'MET';
  return compareRatio(completion, ZERO) > 0 ? 'PARTIAL' : 'NOT_MET';
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

/** "10 次", "90%", "5.5 万元", "12" — the figure as a form writes it. */
export function formatAmount(value: Micros, unit: string | null): string {
  const number = formatDecimal(value);
  if (unit === null) return number;
  return unit === '%' ? `${number}%` : `${number} ${unit}`;
}

// ---------------------------------------------------------------------------------------------------
// Qualitative: 是否完成 and grades

/**
 * 是否完成, with how far a yes goes: a 基本完成/部分完成 or 延期完成 actual is 部分达成 against a plain yes
 * (a target that itself asks only 基本完成 is met by it); a date after the target's deadline
 * ("9月底前" / "10月20日完成") is 部分达成 too. Completion is left empty for those: the band decides.
 */
function booleanGap(target: TargetReading, actual: ParsedValue, weight: Micros | null): Gap {
  const wanted = target.boolean === true;
  const got = actual.boolean === true;
  if (!wanted || !got) {
    const met = wanted === got;
    return qualitativeGap(target, actual, weight, met ? 'MET' : 'NOT_MET', met ? ONE : ZERO);
  }
  const late = target.deadline && actual.deadline ? isLate(target.deadline, actual.deadline) : null;
  if (actual.qualifier && target.qualifier !== 'PARTIAL') return qualitativeGap(target, actual, weight, 'PARTIAL', null);
  if (late === true) {
    const gap = qualitativeGap(target, actual, weight, 'PARTIAL', null);
    const when = `完成时间 ${describeDeadline(actual.deadline!)} 晚于期限 ${describeDeadline(target.deadline!)}`;
    return { ...gap, explanation: `${when}；${gap.explanation}` };
  }
  return qualitativeGap(target, actual, weight, 'MET', ONE);
}

/** 优 3 · 良 2 · 中 1 · 差 0: 差 is the 未达成且效果较差 band, so it counts as nothing reached. */
const GRADE_RANKS: Record<Grade, bigint> = { EXCELLENT: 3n, GOOD: 2n, FAIR: 1n, POOR: 0n };

/** On the three-level 满意/基本满意/不满意 both sides rank 2 · 1 · 0; across scales the four-level ranks apply. */
const SATISFACTION_RANKS: Record<Grade, bigint> = { EXCELLENT: 2n, GOOD: 2n, FAIR: 1n, POOR: 0n };

interface GradeReading {
  grade: Grade;
  scale?: GradeScale | null;
}

function gradeGap(target: TargetReading, wanted: GradeReading, actual: ParsedValue, got: GradeReading, weight: Micros | null): Gap {
  const ranks = wanted.scale === 'SATISFACTION' && got.scale === 'SATISFACTION' ? SATISFACTION_RANKS : GRADE_RANKS;
  const wantedRank = ranks[wanted.grade];
  const gotRank = ranks[got.grade];
  // A target of 差 is met by anything; its rank 0 cannot divide.
  const completion = wantedRank === 0n ? ONE : exactRatio(gotRank, wantedRank);
  return qualitativeGap(target, actual, weight, statusOf(gotRank >= wantedRank, completion), completion);
}

const BAND_OF_STATUS: Partial<Record<GapStatus, QualitativeBand>> = {
  MET: 'ACHIEVED',
  PARTIAL: 'PARTLY_ACHIEVED',
  NOT_MET: 'NOT_ACHIEVED',
};

const OUTCOME_WORDS: Partial<Record<GapStatus, string>> = { MET: '已达成', PARTIAL: '部分达成', NOT_MET: '未达成' };

function qualitativeGap(target: TargetReading, actual: ParsedValue, weight: Micros | null, status: GapStatus, completion: Ratio | null): Gap {
  const band = BAND_OF_STATUS[status]!;
  const suggestedScore = weight === null ? null : qualitativeScore(weight, band);
  const facts = `目标"${target.raw}"，实际"${actual.raw}"，${OUTCOME_WORDS[status]}`;
  const score =
    suggestedScore === null
      ? `；定性指标属"${describeBand(band, null)}"档，未设分值，不计算建议得分`
      : `；定性指标属"${describeBand(band, weight)}"档，取上限，建议得分 ${formatPoints(suggestedScore)} 分`;
  return {
    status,
    difference: null,
    completion: completion === null ? null : reduceRatio(completion),
    suggestedScore,
    scoringMethod: 'QUALITATIVE',
    explanation: facts + score,
    warnings: [],
  };
}

// ---------------------------------------------------------------------------------------------------
// 预算执行率

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

