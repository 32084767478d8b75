/**
 * Figures derived from what a plan states (issue 10 item 5; docs/gap-rules.md §4.4).
 *
 * 1. 全年预算数 = 年初预算 + 调整 when the full year is not stated but both parts are (a 年中追加 item's
 *    年初 is none, 0): the 专项's 执行率 and the 结余结转 check then run. A stated full year always wins
 *    (and FULL_YEAR_SUM checks it against the parts when all three are stated).
 * 2. The common indicators of the 部门整体 evaluation framework (财预〔2013〕53号 部门整体支出绩效评价共性
 *    指标体系框架; kept by the 财预〔2020〕10号 framework), each a percentage with its formula and figures:
 *    - 预算调整率 = 预算调整数 / 年初预算数 × 100%;
 *    - 结转结余率 = 结转结余总额 / 全年预算数 × 100%;
 *    - 在职人员控制率 = 实有人数 / 编制数 × 100%;
 *    - 三公经费变动率 = (本年度三公经费 − 上年度三公经费) / 上年度三公经费 × 100%, on the same stage both
 *      years (实际支出, else 全年预算, else 年初预算), against the department's previous-year plan. Where
 *      the 三公经费 合计 is not stated but its parts are, it is their sum (threePublicOf), and said so.
 *    A figure that is not stated is unknown: the rate is then null and the explanation says what is missing.
 */
import { BUDGET_CATEGORY_LABELS, BudgetCategory } from '@jixiao/vocabulary';
import { formatDecimal, type Micros, type Ratio } from './decimal.js';
import { roundRatio } from './points.js';

export interface StageFigures {
  initial: Micros | null;
  adjustment: Micros | null;
  fullYear: Micros | null;
  actual: Micros | null;
  carryover: Micros | null;
}

export interface DerivedAmount {
  value: Micros | null;
  /** True when computed from other stages rather than stated. */
  derived: boolean;
}

/** 全年预算数: as stated, else 年初 + 调整 when both are known (a 年中追加 item's 年初 is 0). */
export function fullYearOf(amounts: Pick<StageFigures, 'initial' | 'adjustment' | 'fullYear'>, midyear = false): DerivedAmount {
  if (amounts.fullYear !== null) return { value: amounts.fullYear, derived: false };
  const initial = amounts.initial ?? (midyear ? 0n : null);
  if (initial === null || amounts.adjustment === null) return { value: null, derived: false };
  return { value: initial + amounts.adjustment, derived: true };
}

/** A percentage rate with how it was reached; value null when a figure it needs is unknown. */
export interface DerivedRate {
  /** Percentage points, rounded to 2 decimals (12.5 means 12.5%). */
  value: Micros | null;
  explanation: string;
}

export interface DepartmentFiguresInput {
  /** The plan's 合计 row. */
  total: StageFigures | null;
  staff: { authorized: number | null; actual: number | null } | null;
  /** 三公经费 of this year and of the department's previous-year plan (null: no such plan); see threePublicOf. */
  threePublic: ThreePublicFigures | null;
  previousThreePublic: ThreePublicFigures | null;
  previousYear: number | null;
}

export interface DepartmentFigures {
  budgetAdjustmentRate: DerivedRate;
  carryOverRate: DerivedRate;
  staffControlRate: DerivedRate;
  threePublicChangeRate: DerivedRate;
}

const amount = (value: Micros): string => `${formatDecimal(value)} 万元`;

function percent(numerator: bigint, denominator: bigint): Micros {
  const rate: Ratio = denominator < 0n ? { numerator: -numerator, denominator: -denominator } : { numerator, denominator };
  return roundRatio({ numerator: rate.numerator * 100n, denominator: rate.denominator }, 2);
}

const unknown = (label: string, missing: string): DerivedRate => ({ value: null, explanation: `${missing}，无法计算${label}` });

export function departmentFigures(input: DepartmentFiguresInput): DepartmentFigures {
  return {
    budgetAdjustmentRate: budgetAdjustmentRate(input.total),
    carryOverRate: carryOverRate(input.total),
    staffControlRate: staffControlRate(input.staff),
    threePublicChangeRate: threePublicChangeRate(input),
  };
}

/** 预算调整率 = 调整数 / 年初预算数; an unstated 调整 is 全年 − 年初 when both are stated (and said so). */
export function budgetAdjustmentRate(total: StageFigures | null): DerivedRate {
  const label = '预算调整率';
  const initial = total?.initial ?? null;
  if (initial === null) return unknown(label, '年初预算数未填报');
  let adjustment = total?.adjustment ?? null;
  let basis = '';
  if (adjustment === null && total?.fullYear != null) {
    adjustment = total.fullYear - initial;
    basis = `调整数未填报，按全年预算 ${amount(total.fullYear)} − 年初预算 ${amount(initial)} 计；`;
  }
  if (adjustment === null) return unknown(label, '调整数与全年预算数均未填报');
  if (initial === 0n) return { value: null, explanation: `${basis}年初预算数为 0，不计算${label}` };
  const value = percent(adjustment, initial);
  return { value, explanation: `${basis}${label} = 调整数 ${amount(adjustment)} / 年初预算数 ${amount(initial)} = ${formatDecimal(value)}%` };
}

/** 结转结余率 = 结转结余 / 全年预算数; 全年 may be 年初 + 调整, 结转结余 may be 全年 − 实际 (each said so). */
export function carryOverRate(total: StageFigures | null): DerivedRate {
  const label = '结转结余率';
  if (!total) return unknown(label, '合计行未填报');
  const fullYear = fullYearOf(total);
  if (fullYear.value === null) return unknown(label, '全年预算数未填报（也没有年初预算与调整数可推算）');
  const notes: string[] = [];
  if (fullYear.derived) notes.push(`全年预算按年初 ${amount(total.initial!)} + 调整 ${amount(total.adjustment!)} = ${amount(fullYear.value)} 计`);
  let carryover = total.carryover;
  if (carryover === null && total.actual !== null) {
    carryover = fullYear.value - total.actual;
    notes.push(`结转结余未填报，按全年预算 ${amount(fullYear.value)} − 实际支出 ${amount(total.actual)} = ${amount(carryover)} 计`);
  }
  if (carryover === null) return unknown(label, '结转结余与实际支出均未填报');
  const basis = notes.length ? `${notes.join('；')}；` : '';
  if (fullYear.value === 0n) return { value: null, explanation: `${basis}全年预算数为 0，不计算${label}` };
  const value = percent(carryover, fullYear.value);
  return { value, explanation: `${basis}${label} = 结转结余 ${amount(carryover)} / 全年预算数 ${amount(fullYear.value)} = ${formatDecimal(value)}%` };
}

/** 在职人员控制率 = 实有人数 / 编制数 (≤ 100% means within the establishment). */
export function staffControlRate(staff: { authorized: number | null; actual: number | null } | null): DerivedRate {
  const label = '在职人员控制率';
  const authorized = staff?.authorized ?? null;
  const actual = staff?.actual ?? null;
  if (authorized === null && actual === null) return unknown(label, '编制数与实有人数均未填报');
  if (authorized === null) return unknown(label, `编制数未填报（实有 ${actual} 人）`);
  if (actual === null) return unknown(label, `实有人数未填报（编制 ${authorized} 人）`);
  if (authorized === 0) return { value: null, explanation: `编制数为 0，不计算${label}` };
  const value = percent(BigInt(actual), BigInt(authorized));
  const verdict = actual <= authorized ? '未超编' : `超编 ${actual - authorized} 人`;
  return { value, explanation: `${label} = 实有人数 ${actual} 人 / 编制数 ${authorized} 人 = ${formatDecimal(value)}%（${verdict}）` };
}

/** The four parts of 三公经费, in the order the forms list them. */
export const THREE_PUBLIC_PARTS = [
  BudgetCategory.THREE_PUBLIC_OVERSEAS,
  BudgetCategory.THREE_PUBLIC_VEHICLE_PURCHASE,
  BudgetCategory.THREE_PUBLIC_VEHICLE_OPS,
  BudgetCategory.THREE_PUBLIC_RECEPTION,
] as const;

type StageKey = keyof StageFigures;
const STAGE_KEYS: readonly StageKey[] = ['initial', 'adjustment', 'fullYear', 'actual', 'carryover'];

/** 三公经费 by stage; `summedFrom` says, for a stage the 合计 does not state, how it was added up from the parts. */
export interface ThreePublicFigures extends StageFigures {
  summedFrom?: Partial<Record<StageKey, string>>;
}

/**
 * 三公经费 as stated by its 合计 row; a stage the 合计 does not state (or a missing 合计 row) is the sum of the
 * parts when every part row the plan has states that stage (a part row the plan does not have is not part of
 * the sum; a part row present but blank at that stage makes the sum unknown). Null when nothing is stated.
 */
export function threePublicOf(row: (category: BudgetCategory) => StageFigures | null): ThreePublicFigures | null {
  const total = row(BudgetCategory.THREE_PUBLIC_TOTAL);
  const parts = THREE_PUBLIC_PARTS.map((category) => ({ label: BUDGET_CATEGORY_LABELS[category], figures: row(category) })).filter(
    (part): part is { label: string; figures: StageFigures } => part.figures !== null,
  );
  if (!total && !parts.length) return null;
  const result: ThreePublicFigures = { initial: null, adjustment: null, fullYear: null, actual: null, carryover: null };
  const summedFrom: Partial<Record<StageKey, string>> = {};
  for (const key of STAGE_KEYS) {
    const stated = total?.[key] ?? null;
    if (stated !== null || !parts.length || parts.some((part) => part.figures[key] === null)) {
      result[key] = stated;
      continue;
    }
    const sum = parts.reduce((acc, part) => acc + part.figures[key]!, 0n);
    result[key] = sum;
    summedFrom[key] = `${parts.map((part) => `${part.label} ${amount(part.figures[key]!)}`).join(' + ')} = ${amount(sum)}`;
  }
  if (Object.keys(summedFrom).length) result.summedFrom = summedFrom;
  return result;
}

const THREE_PUBLIC_STAGES = [
  ['actual', '实际支出'],
  ['fullYear', '全年预算'],
  ['initial', '年初预算'],
] as const;

/** 三公经费变动率 against the previous year's plan, on the first stage both years state. */
export function threePublicChangeRate(input: Pick<DepartmentFiguresInput, 'threePublic' | 'previousThreePublic' | 'previousYear'>): DerivedRate {
  const label = '三公经费变动率';
  const { threePublic, previousThreePublic, previousYear } = input;
  if (previousYear === null) return unknown(label, '没有该部门上年度的计划');
  if (!threePublic) return unknown(label, '本年度三公经费未填报');
  if (!previousThreePublic) return unknown(label, `${previousYear} 年度计划未填报三公经费`);
  const stage = THREE_PUBLIC_STAGES.find(([key]) => threePublic[key] !== null && previousThreePublic[key] !== null);
  if (!stage) return unknown(label, `本年度与 ${previousYear} 年度没有同一阶段的三公经费`);
  const [key, stageLabel] = stage;
  const now = threePublic[key]!;
  const before = previousThreePublic[key]!;
  const sums = [
    threePublic.summedFrom?.[key] && `本年度三公经费合计未填报，按各项之和 ${threePublic.summedFrom[key]} 计`,
    previousThreePublic.summedFrom?.[key] && `${previousYear} 年度三公经费合计未填报，按各项之和 ${previousThreePublic.summedFrom[key]} 计`,
  ].filter(Boolean);
  const basis = sums.length ? `${sums.join('；')}；` : '';
  if (before === 0n) return { value: null, explanation: `${basis}${previousYear} 年度三公经费（${stageLabel}）为 0，不计算${label}` };
  const value = percent(now - before, before);
  return {
    value,
    explanation: `${basis}${label} =（本年度 ${amount(now)} − ${previousYear} 年度 ${amount(before)}）/ ${amount(before)} = ${formatDecimal(value)}%（按${stageLabel}；负数为压减）`,
  };
}
