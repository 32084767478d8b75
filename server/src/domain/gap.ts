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
import { describeQuantity } from './indicator-value/parse.js';
import type { ParsedValue, Quantity } from './indicator-value/types.js';
import { emptyGap, judgementGap, kindMismatchReason, type Gap, type GapInput, type TargetReading } from './gap-common.js';
import { booleanGap, gradeGap } from './gap-qualitative.js';
import { quantityGap } from './gap-quantity.js';
import { POINT } from './scoring.js';

export * from './gap-common.js';
export { budgetExecutionGap, type BudgetExecutionInput } from './budget-execution.js';


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
