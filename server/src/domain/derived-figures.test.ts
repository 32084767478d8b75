import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatDecimal, microsOrNull, toMicros } from './decimal.js';
import { BudgetCategory } from '@jixiao/vocabulary';
import {
  budgetAdjustmentRate,
  carryOverRate,
  departmentFigures,
  fullYearOf,
  staffControlRate,
  threePublicChangeRate,
  threePublicOf,
  type StageFigures,
} from './derived-figures.js';
import type { PlanDocument, StageAmounts } from './plan-document.js';

const read = (name: string): PlanDocument => JSON.parse(readFileSync(new URL(`../../demo-data/${name}`, import.meta.url), 'utf8'));
const stages = (amounts: StageAmounts | null | undefined): StageFigures | null =>
  amounts
    ? { initial: microsOrNull(amounts.initial), adjustment: microsOrNull(amounts.adjustment), fullYear: microsOrNull(amounts.fullYear), actual: microsOrNull(amounts.actual), carryover: microsOrNull(amounts.carryover) }
    : null;
const figures = (amounts: StageAmounts): StageFigures => stages(amounts)!;
const shown = (rate: { value: bigint | null; explanation: string }) => [rate.value === null ? null : formatDecimal(rate.value), rate.explanation];

describe('fullYearOf — 全年 = 年初 + 调整 when the full year is not stated (issue 10 item 5)', () => {
  it.each<[string, StageAmounts, boolean, string | null, boolean]>([
    ['stated: kept as it is (FULL_YEAR_SUM checks it)', { initial: '100', adjustment: '20', fullYear: '125' }, false, '125', false],
    ['年初 + 调整', { initial: '100', adjustment: '20' }, false, '120', true],
    ['a 调减', { initial: '100', adjustment: '-12.5' }, false, '87.5', true],
    ['年初 alone: unknown, never 年初', { initial: '100' }, false, null, false],
    ['调整 alone: unknown', { adjustment: '20' }, false, null, false],
    ['a 年中追加 item: 年初 is none (0)', { adjustment: '8' }, true, '8', true],
    ['"无" (a stated zero) is 0, not unknown', { initial: '0', adjustment: '30' }, false, '30', true],
  ])('%s', (_name, amounts, midyear, expected, derived) => {
    const result = fullYearOf(figures(amounts), midyear);
    expect([result.value === null ? null : formatDecimal(result.value), result.derived]).toEqual([expected, derived]);
  });
});

describe('部门整体 common indicators (财预〔2013〕53号 共性指标)', () => {
  it.each<[string, StageAmounts, string | null, string]>([
    ['预算调整率 from the stated 调整', { initial: '200', adjustment: '30' }, '15', '预算调整率 = 调整数 30 万元 / 年初预算数 200 万元 = 15%'],
    ['预算调整率 from 全年 − 年初 when 调整 is not stated', { initial: '175.16', fullYear: '225.33' }, '28.64', '调整数未填报，按全年预算 225.33 万元 − 年初预算 175.16 万元 计；预算调整率 = 调整数 50.17 万元 / 年初预算数 175.16 万元 = 28.64%'],
    ['a 调减 gives a negative rate', { initial: '100', adjustment: '-12.5' }, '-12.5', '预算调整率 = 调整数 -12.5 万元 / 年初预算数 100 万元 = -12.5%'],
    ['fixture 004 合计: no 年初预算', { fullYear: '563.72', actual: '563.72' }, null, '年初预算数未填报，无法计算预算调整率'],
    ['fixture 002 合计: 年初 only', { initial: '267.5915' }, null, '调整数与全年预算数均未填报，无法计算预算调整率'],
  ])('%s', (_name, amounts, value, explanation) => {
    expect(shown(budgetAdjustmentRate(figures(amounts)))).toEqual([value, explanation]);
  });

  it.each<[string, StageAmounts, string | null, string]>([
    ['stated 结转结余', { fullYear: '120', actual: '96.5', carryover: '23.5' }, '19.58', '结转结余率 = 结转结余 23.5 万元 / 全年预算数 120 万元 = 19.58%'],
    ['fixture 004 合计: 结转结余 from 全年 − 实际', { fullYear: '563.72', actual: '563.72' }, '0', '结转结余未填报，按全年预算 563.72 万元 − 实际支出 563.72 万元 = 0 万元 计；结转结余率 = 结转结余 0 万元 / 全年预算数 563.72 万元 = 0%'],
    ['全年 from 年初 + 调整', { initial: '100', adjustment: '20', carryover: '6' }, '5', '全年预算按年初 100 万元 + 调整 20 万元 = 120 万元 计；结转结余率 = 结转结余 6 万元 / 全年预算数 120 万元 = 5%'],
    ['fixture 002 合计: 年初 only', { initial: '267.5915' }, null, '全年预算数未填报（也没有年初预算与调整数可推算），无法计算结转结余率'],
  ])('结转结余率: %s', (_name, amounts, value, explanation) => {
    expect(shown(carryOverRate(figures(amounts)))).toEqual([value, explanation]);
  });

  it.each<[string, { authorized: number | null; actual: number | null } | null, string | null, string]>([
    ['within the establishment', { authorized: 16, actual: 15 }, '93.75', '在职人员控制率 = 实有人数 15 人 / 编制数 16 人 = 93.75%（未超编）'],
    ['over it', { authorized: 12, actual: 15 }, '125', '在职人员控制率 = 实有人数 15 人 / 编制数 12 人 = 125%（超编 3 人）'],
    ['fixture 004: 实有 15, no 编制数', { authorized: null, actual: 15 }, null, '编制数未填报（实有 15 人），无法计算在职人员控制率'],
    ['fixture 002: nothing stated', { authorized: null, actual: null }, null, '编制数与实有人数均未填报，无法计算在职人员控制率'],
  ])('在职人员控制率: %s', (_name, staff, value, explanation) => {
    expect(shown(staffControlRate(staff))).toEqual([value, explanation]);
  });

  it.each<[string, StageAmounts | null, StageAmounts | null, number | null, string | null, string]>([
    ['压减 on 实际支出', { fullYear: '6', actual: '4.5' }, { fullYear: '6', actual: '5' }, 2023, '-10', '三公经费变动率 =（本年度 4.5 万元 − 2023 年度 5 万元）/ 5 万元 = -10%（按实际支出；负数为压减）'],
    ['a target table against last year\'s: 年初预算', { initial: '6' }, { initial: '5', actual: '4.8' }, 2020, '20', '三公经费变动率 =（本年度 6 万元 − 2020 年度 5 万元）/ 5 万元 = 20%（按年初预算；负数为压减）'],
    ['no previous-year plan', { actual: '4.5' }, null, null, null, '没有该部门上年度的计划，无法计算三公经费变动率'],
    ['last year stated none', { actual: '4.5' }, null, 2023, null, '2023 年度计划未填报三公经费，无法计算三公经费变动率'],
    ['no common stage', { actual: '4.5' }, { initial: '5' }, 2023, null, '本年度与 2023 年度没有同一阶段的三公经费，无法计算三公经费变动率'],
    ['last year 0 ("无")', { actual: '1' }, { actual: '0' }, 2023, null, '2023 年度三公经费（实际支出）为 0，不计算三公经费变动率'],
  ])('三公经费变动率: %s', (_name, now, before, previousYear, value, explanation) => {
    expect(shown(threePublicChangeRate({ threePublic: stages(now), previousThreePublic: stages(before), previousYear }))).toEqual([value, explanation]);
  });

  // 三公经费 rows as a plan states them: 合计 (total) and the four parts.
  type Rows = Partial<Record<'total' | 'overseas' | 'vehiclePurchase' | 'vehicleOps' | 'reception', StageAmounts>>;
  const CATEGORY = {
    total: BudgetCategory.THREE_PUBLIC_TOTAL,
    overseas: BudgetCategory.THREE_PUBLIC_OVERSEAS,
    vehiclePurchase: BudgetCategory.THREE_PUBLIC_VEHICLE_PURCHASE,
    vehicleOps: BudgetCategory.THREE_PUBLIC_VEHICLE_OPS,
    reception: BudgetCategory.THREE_PUBLIC_RECEPTION,
  } as const;
  const threePublic = (rows: Rows | null) =>
    rows && threePublicOf((category) => stages(Object.entries(rows).find(([key]) => CATEGORY[key as keyof Rows] === category)?.[1]));

  it.each<[string, Rows, Partial<Record<keyof StageFigures, string | null>>, Partial<Record<keyof StageFigures, string>>]>([
    ['the 合计 stated: kept, parts not added', { total: { actual: '4.5' }, overseas: { actual: '1' }, reception: { actual: '1' } }, { actual: '4.5' }, {}],
    [
      'no 合计: the four parts added up',
      { overseas: { actual: '0' }, vehiclePurchase: { actual: '0' }, vehicleOps: { actual: '2.4' }, reception: { actual: '1.1' } },
      { actual: '3.5' },
      { actual: '因公出国（境）费 0 万元 + 公务用车购置费 0 万元 + 公务用车运维费 2.4 万元 + 公务接待费 1.1 万元 = 3.5 万元' },
    ],
    ['only the parts the plan has', { vehicleOps: { initial: '3' }, reception: { initial: '2' } }, { initial: '5' }, { initial: '公务用车运维费 3 万元 + 公务接待费 2 万元 = 5 万元' }],
    ['a part blank at a stage: that stage unknown', { vehicleOps: { initial: '3', actual: '2.9' }, reception: { initial: '2' } }, { initial: '5', actual: null }, { initial: '公务用车运维费 3 万元 + 公务接待费 2 万元 = 5 万元' }],
    ['合计 states 年初 only: 实际 from the parts', { total: { initial: '6' }, vehicleOps: { initial: '4', actual: '3' }, reception: { initial: '2', actual: '1' } }, { initial: '6', actual: '4' }, { actual: '公务用车运维费 3 万元 + 公务接待费 1 万元 = 4 万元' }],
  ])('三公经费: %s', (_name, rows, expected, summedFrom) => {
    const result = threePublic(rows)!;
    for (const [key, value] of Object.entries(expected)) expect([key, result[key as keyof StageFigures] == null ? null : formatDecimal(result[key as keyof StageFigures]!)]).toEqual([key, value]);
    expect(result.summedFrom ?? {}).toEqual(summedFrom);
  });

  it('三公经费: nothing stated is null (unknown), never 0', () => {
    expect(threePublic({})).toBeNull();
  });

  it.each<[string, Rows, Rows | null, string | null, string]>([
    [
      'this year from its parts',
      { overseas: { actual: '0' }, vehiclePurchase: { actual: '0' }, vehicleOps: { actual: '3.4' }, reception: { actual: '1.1' } },
      { total: { actual: '5' } },
      '-10',
      '本年度三公经费合计未填报，按各项之和 因公出国（境）费 0 万元 + 公务用车购置费 0 万元 + 公务用车运维费 3.4 万元 + 公务接待费 1.1 万元 = 4.5 万元 计；三公经费变动率 =（本年度 4.5 万元 − 2023 年度 5 万元）/ 5 万元 = -10%（按实际支出；负数为压减）',
    ],
    [
      'both years from their parts',
      { vehicleOps: { initial: '3' }, reception: { initial: '3' } },
      { vehicleOps: { initial: '3' }, reception: { initial: '2' } },
      '20',
      '本年度三公经费合计未填报，按各项之和 公务用车运维费 3 万元 + 公务接待费 3 万元 = 6 万元 计；2023 年度三公经费合计未填报，按各项之和 公务用车运维费 3 万元 + 公务接待费 2 万元 = 5 万元 计；三公经费变动率 =（本年度 6 万元 − 2023 年度 5 万元）/ 5 万元 = 20%（按年初预算；负数为压减）',
    ],
    ['the 合计 stated: no note', { total: { actual: '4.5' }, reception: { actual: '9' } }, { total: { actual: '5' } }, '-10', '三公经费变动率 =（本年度 4.5 万元 − 2023 年度 5 万元）/ 5 万元 = -10%（按实际支出；负数为压减）'],
    ['no parts, no 合计 this year', {}, { total: { actual: '5' } }, null, '本年度三公经费未填报，无法计算三公经费变动率'],
  ])('三公经费变动率 from the parts: %s', (_name, now, before, value, explanation) => {
    expect(shown(threePublicChangeRate({ threePublic: threePublic(now), previousThreePublic: threePublic(before), previousYear: 2023 }))).toEqual([value, explanation]);
  });

  it('fixture 004 as imported: 结转结余率 0%, the others unknown and say why', () => {
    const document = read('yanfeng-2024-self-evaluation.json');
    const result = departmentFigures({
      total: stages(document.budget?.total),
      staff: { authorized: document.department.staff?.authorized ?? null, actual: document.department.staff?.actual ?? null },
      threePublic: stages(document.budget?.threePublic?.total),
      previousThreePublic: null,
      previousYear: null,
    });
    expect(Object.fromEntries(Object.entries(result).map(([key, rate]) => [key, rate.value === null ? null : formatDecimal(rate.value)]))).toEqual({
      budgetAdjustmentRate: null,
      carryOverRate: '0',
      staffControlRate: null,
      threePublicChangeRate: null,
    });
    expect(toMicros('0')).toBe(0n);
  });
});
