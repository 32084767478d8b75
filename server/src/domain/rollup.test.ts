import { describe, expect, it } from 'vitest';
import { toMicros, type Micros } from './decimal.js';
import { budgetExecutionGap, computeGap, type Gap, type GapStatus } from './gap.js';
import type { Level1 } from './indicator-hierarchy.js';
import type { ParsedValue } from './indicator-value/types.js';
import { rollupIndicators, rollupLineItem, rollupPlan, executionRate, type IndicatorRow, type LineItemNode } from './rollup.js';

const n = (text: string): Micros => toMicros(text);
const maybe = (text: string | null): Micros | null => (text === null ? null : n(text));

// ---------------------------------------------------------------------------------------------------
// Builders

function parsed(raw: string, fields: Partial<ParsedValue>): ParsedValue {
  return { raw, kind: 'TEXT', quantity: null, boolean: null, grade: null, hints: [], confidence: 'HIGH', explanation: '', ...fields };
}
const TEXT = (raw: string): ParsedValue => parsed(raw, {});
const YES = (raw: string): ParsedValue => parsed(raw, { kind: 'BOOLEAN', boolean: true });
const PERCENT = (raw: string, comparator: 'GTE' | 'EQ', value: string): ParsedValue =>
  parsed(raw, {
    kind: 'QUANTITY',
    quantity: { comparator, value: n(value), upper: null, unit: '%', approximate: false, direction: 'HIGHER_IS_BETTER' },
  });
const TIMES = (raw: string, value: string): ParsedValue =>
  parsed(raw, {
    kind: 'QUANTITY',
    quantity: { comparator: 'GTE', value: n(value), upper: null, unit: '次', approximate: false, direction: 'HIGHER_IS_BETTER' },
  });

/** A row with the gap the engine computes from target and actual. */
function indicator(level1: Level1, target: ParsedValue | null, actual: ParsedValue | null, weight: string | null, score: string | null): IndicatorRow {
  const gap = computeGap({ target, actual, weight: maybe(weight), level1 });
  return { level1, weight: maybe(weight), gap, evaluatorScore: maybe(score) };
}

/** A row whose gap is given by its outcome only. */
function scored(level1: Level1, weight: string | null, status: GapStatus, suggested: string | null, score: string | null = null): IndicatorRow {
  const gap: Gap = {
    status,
    difference: null,
    completion: null,
    suggestedScore: maybe(suggested),
    scoringMethod: null,
    explanation: '',
    warnings: [],
  };
  return { level1, weight: maybe(weight), gap, evaluatorScore: maybe(score) };
}

/** Fixture 004 (雁峰区委宣传部 2024 自评): the 11 rows as transcribed, with the evaluator's 得分. */
const FIXTURE_004: IndicatorRow[] = [
  {
    level1: 'BUDGET_EXECUTION',
    weight: n('10'),
    gap: budgetExecutionGap({ actual: n('563.72'), fullYear: n('563.72'), statedRate: n('99.99'), weight: n('10') }),
    evaluatorScore: n('9'),
  },
  indicator('OUTPUT', TIMES('完成12次', '12'), YES('完成完成'), '10', '10'),
  indicator('OUTPUT', TEXT('组织宣讲团'), TEXT('利用各种形式开展宣讲'), '5', '5'),
  indicator('OUTPUT', TEXT('开展专项检查'), YES('完成'), '5', '5'),
  indicator('OUTPUT', TEXT('实行值班制、做好网络问政'), YES('完成'), '5', '5'),
  indicator('OUTPUT', TEXT('有为有位'), YES('完成'), '10', '10'),
  indicator('OUTPUT', YES('合规'), YES('合规'), '5', '5'),
  indicator('OUTCOME', TEXT('提质提量'), YES('完成'), '10', '10'),
  indicator('OUTCOME', TEXT('开展各项文化活动'), TEXT('文化、旅游欣欣向荣'), '10', '10'),
  indicator('OUTCOME', TEXT('积极开展'), YES('完成'), '10', '10'),
  indicator('SATISFACTION', PERCENT('≥90%', 'GTE', '90'), PERCENT('90%', 'EQ', '90'), '10', '10'),
];

const NO_COUNTS: Record<GapStatus, number> = {
  PENDING: 0,
  MET: 0,
  PARTIAL: 0,
  NOT_MET: 0,
  NOT_APPLICABLE: 0,
  NEEDS_JUDGEMENT: 0,
  INCOMPARABLE: 0,
};

// ---------------------------------------------------------------------------------------------------

describe('rollupIndicators — fixture 004', () => {
  const rollup = rollupIndicators(FIXTURE_004);

  it('预算执行率 suggests 10; the evaluator gave 9 and the evaluator wins', () => {
    expect(FIXTURE_004[0]!.gap.suggestedScore).toBe(n('10'));
    expect(rollup.sections.BUDGET_EXECUTION).toEqual({ weight: n('10'), suggestedScore: n('10'), score: n('9'), count: 1 });
  });

  it('rows weigh 90 and score 89 (the document states 99: a consistency check reports that)', () => {
    expect(rollup.count).toBe(11);
    expect(rollup.weightTotal).toBe(n('90'));
    expect(rollup.scoreTotal).toBe(n('89'));
    expect(rollup.scoredCount).toBe(11);
    // Only 预算执行率 10, 合规 5 and 满意度 10 can be suggested; the rest need the evaluator.
    expect(rollup.suggestedScoreTotal).toBe(n('25'));
  });

  it('counts every status', () => {
    expect(rollup.countsByStatus).toEqual({ ...NO_COUNTS, MET: 3, NEEDS_JUDGEMENT: 8 });
  });

  it('sections as the form prints them', () => {
    expect(rollup.sections).toEqual({
      BUDGET_EXECUTION: { weight: n('10'), suggestedScore: n('10'), score: n('9'), count: 1 },
      OUTPUT: { weight: n('40'), suggestedScore: n('5'), score: n('40'), count: 6 },
      OUTCOME: { weight: n('30'), suggestedScore: 0n, score: n('30'), count: 3 },
      SATISFACTION: { weight: n('10'), suggestedScore: n('10'), score: n('10'), count: 1 },
      COST: { weight: 0n, suggestedScore: 0n, score: 0n, count: 0 },
      DECISION: { weight: 0n, suggestedScore: 0n, score: 0n, count: 0 },
      INPUT: { weight: 0n, suggestedScore: 0n, score: 0n, count: 0 },
      PROCESS: { weight: 0n, suggestedScore: 0n, score: 0n, count: 0 },
      UNKNOWN: { weight: 0n, suggestedScore: 0n, score: 0n, count: 0 },
    });
  });
});

describe('rollupIndicators — effective scores and counts', () => {
  it('an empty list has every key at zero', () => {
    const rollup = rollupIndicators([]);
    expect(rollup).toMatchObject({ count: 0, weightTotal: 0n, suggestedScoreTotal: 0n, scoreTotal: 0n, scoredCount: 0 });
    expect(rollup.countsByStatus).toEqual(NO_COUNTS);
    expect(Object.keys(rollup.sections).sort()).toEqual(['BUDGET_EXECUTION', 'COST', 'DECISION', 'INPUT', 'OUTCOME', 'OUTPUT', 'PROCESS', 'SATISFACTION', 'UNKNOWN']);
  });

  it('suggestions count until the evaluator scores; unweighted and unscored rows add nothing', () => {
    const rollup = rollupIndicators([
      scored('OUTPUT', '10', 'PARTIAL', '8.33'), // the suggestion counts
      scored('OUTPUT', '10', 'PARTIAL', '8.33', '7'), // the evaluator's 7 counts
      scored('OUTCOME', '10', 'NEEDS_JUDGEMENT', null), // not scored yet
      scored('OUTCOME', null, 'PENDING', null),
      scored('SATISFACTION', '10', 'NOT_APPLICABLE', null, '10'),
      scored('COST', '5', 'INCOMPARABLE', null),
      scored('OUTPUT', '5', 'NOT_MET', '0'),
    ]);
    expect(rollup.weightTotal).toBe(n('50'));
    expect(rollup.suggestedScoreTotal).toBe(n('16.66'));
    expect(rollup.scoreTotal).toBe(n('25.33'));
    expect(rollup.scoredCount).toBe(4);
    expect(rollup.countsByStatus).toEqual({ ...NO_COUNTS, PARTIAL: 2, NEEDS_JUDGEMENT: 1, PENDING: 1, NOT_APPLICABLE: 1, INCOMPARABLE: 1, NOT_MET: 1 });
    expect(rollup.sections.OUTPUT).toEqual({ weight: n('25'), suggestedScore: n('16.66'), score: n('15.33'), count: 3 });
    expect(rollup.sections.COST).toEqual({ weight: n('5'), suggestedScore: 0n, score: 0n, count: 1 });
  });
});

describe('rollupPlan — fixture 004', () => {
  const plan = rollupPlan({ indicators: FIXTURE_004, lineItems: [], budget: { fullYear: n('563.72'), actual: n('563.72') } });

  it('rows weigh 90 and score 89: graded on 89 ÷ 90 × 100 = 98.89 → 优 (never on the raw 89 → 良); execution rate 100%', () => {
    expect(plan.scoreTotal).toBe(n('89'));
    expect(plan.total).toMatchObject({ scoredWeight: n('90'), scoredScore: n('89'), computedTotal: n('98.89'), pendingCount: 0, provisional: false });
    expect(plan.grade).toBe('EXCELLENT');
    expect(plan.total.explanation).toBe('已评分指标分值合计 90 分，得分 89 分，按百分制折算 89 ÷ 90 × 100 = 98.89 分，等次「优」');
    expect(plan.executionRate).toEqual({ numerator: 1n, denominator: 1n });
  });

  it('warns that 产出指标 rows weigh 40 of 50', () => {
    expect(plan.warnings).toEqual([
      { code: 'SECTION_WEIGHT_MISMATCH', level1: 'OUTPUT', message: '产出指标各指标分值合计 40 分，与该部分分值 50 分不符' },
    ]);
  });
});

describe('rollupPlan — grades at the band boundaries (≥ 90 优 · ≥ 80 良 · ≥ 60 中 · < 60 差)', () => {
  it.each<[string, string | null]>([
    ['100', 'EXCELLENT'],
    ['90', 'EXCELLENT'],
    ['89.99', 'GOOD'],
    ['80', 'GOOD'],
    ['79.99', 'FAIR'],
    ['60', 'FAIR'],
    ['59.99', 'POOR'],
    ['0', 'POOR'],
  ])('total %s → %s', (total, grade) => {
    const plan = rollupPlan({
      indicators: [scored('OUTPUT', '100', 'PARTIAL', null, total), scored('OUTCOME', null, 'NEEDS_JUDGEMENT', null)],
      lineItems: [],
      budget: { fullYear: null, actual: null },
      sectionWeights: { OUTPUT: n('100') },
    });
    expect(plan.scoreTotal).toBe(n(total));
    expect(plan.total.computedTotal).toBe(n(total));
    expect(plan.grade).toBe(grade);
    expect(plan.total.provisional).toBe(false);
  });

  it('nothing scored yet → no grade', () => {
    const plan = rollupPlan({
      indicators: [scored('OUTPUT', null, 'PENDING', null), scored('OUTCOME', null, 'NEEDS_JUDGEMENT', null)],
      lineItems: [],
      budget: { fullYear: n('15'), actual: null },
    });
    expect(plan.grade).toBeNull();
    expect(plan.scoreTotal).toBe(0n);
    expect(plan.executionRate).toBeNull();
    expect(plan.warnings).toEqual([]); // a target table weighs nothing yet
  });

  it('a plan\'s own section weights are used and checked', () => {
    const plan = rollupPlan({
      indicators: [scored('BUDGET_EXECUTION', '20', 'MET', '20')],
      lineItems: [],
      budget: { fullYear: null, actual: null },
      sectionWeights: { BUDGET_EXECUTION: n('20'), OUTPUT: n('50'), OUTCOME: n('30'), SATISFACTION: n('10') },
    });
    expect(plan.warnings[0]).toEqual({ code: 'SECTION_WEIGHTS_NOT_FULL_MARKS', level1: null, message: '各部分分值合计 110 分，应为 100 分' });
  });
});

describe('rollupLineItem — 专项 → 子项 tree (fixture 002 shape)', () => {
  // 业务性专项经费 15 万元: 文明建设和文明创建 6, 理论学习 6, 意识形态 3.
  const tree: LineItemNode = {
    id: '业务性专项经费',
    amounts: { fullYear: n('15'), actual: n('14.25') },
    indicators: [scored('OUTCOME', '10', 'MET', '10')],
    children: [
      {
        id: '文明建设和文明创建',
        amounts: { fullYear: n('6'), actual: n('6') },
        indicators: [scored('OUTPUT', '10', 'MET', '10'), scored('OUTPUT', '10', 'PARTIAL', '8.57', '8')],
        children: [],
      },
      {
        id: '理论学习',
        amounts: { fullYear: n('6'), actual: null },
        indicators: [scored('OUTPUT', '10', 'PARTIAL', '8.33'), scored('OUTCOME', '5', 'NOT_APPLICABLE', null)],
        children: [
          {
            id: '中心组学习',
            amounts: { fullYear: null, actual: null },
            indicators: [scored('SATISFACTION', '10', 'NEEDS_JUDGEMENT', null, '9')],
            children: [],
          },
        ],
      },
      { id: '意识形态', amounts: { fullYear: n('0'), actual: n('0') }, indicators: [], children: [] },
    ],
  };
  const rollup = rollupLineItem(tree);

  it('sums its own and all descendants\' indicators', () => {
    expect(rollup.id).toBe('业务性专项经费');
    expect(rollup.count).toBe(6);
    expect(rollup.weightTotal).toBe(n('55'));
    expect(rollup.suggestedScoreTotal).toBe(n('36.9'));
    expect(rollup.scoreTotal).toBe(n('45.33')); // 10 + 10 + 8 + 8.33 + 9
    expect(rollup.countsByStatus).toEqual({ ...NO_COUNTS, MET: 2, PARTIAL: 2, NOT_APPLICABLE: 1, NEEDS_JUDGEMENT: 1 });
  });

  it('each node has its own roll-up and execution rate', () => {
    const [civility, theory, ideology] = rollup.children;
    expect(rollup.executionRate).toEqual({ numerator: 19n, denominator: 20n });
    expect(civility!.executionRate).toEqual({ numerator: 1n, denominator: 1n });
    expect(civility!.scoreTotal).toBe(n('18'));
    expect(theory!.executionRate).toBeNull(); // 执行数 not stated: unknown, not 0
    expect(theory!.scoreTotal).toBe(n('17.33'));
    expect(theory!.children[0]!.grade).toBe('EXCELLENT'); // 9 of 10 → 90
    expect(ideology!.executionRate).toBeNull(); // 全年预算数 0: no rate
    expect(ideology!.grade).toBeNull();
    expect(ideology!.countsByStatus).toEqual(NO_COUNTS);
  });

  it('the plan lists line items apart from its own totals (each 专项 is scored out of its own 100)', () => {
    const plan = rollupPlan({
      indicators: [scored('OUTPUT', '50', 'MET', '50')],
      lineItems: [tree],
      budget: { fullYear: n('100'), actual: n('95') },
      sectionWeights: { OUTPUT: n('100') },
    });
    expect(plan.scoreTotal).toBe(n('50'));
    expect(plan.lineItems).toHaveLength(1);
    expect(plan.lineItems[0]!.scoreTotal).toBe(n('45.33'));
    expect(plan.executionRate).toEqual({ numerator: 19n, denominator: 20n });
  });
});

describe('executionRate', () => {
  it.each<[string | null, string | null, string | null]>([
    ['563.72', '563.72', '1/1'],
    ['100', '99.5', '199/200'],
    ['100', '110', '11/10'],
    [null, '10', null],
    ['10', null, null],
    ['0', '0', null],
  ])('全年预算数 %s, 执行数 %s → %s', (fullYear, actual, rate) => {
    const result = executionRate({ fullYear: maybe(fullYear), actual: maybe(actual) });
    expect(result === null ? null : `${result.numerator}/${result.denominator}`).toBe(rate);
  });
});
