import { describe, expect, it } from 'vitest';
import { sumMicros, toMicros, type Micros } from './decimal.js';
import type { Level1 } from './indicator-hierarchy.js';
import {
  DEFAULT_SECTION_WEIGHTS,
  clampCompletion,
  describeBand,
  effectiveScore,
  pointsLost,
  formatPercent,
  qualitativeScore,
  quantitativeScore,
  reduceRatio,
  roundRatio,
  scoreBelowSuggestionNeedsReason,
  sectionTotals,
  validateScore,
  weightWarnings,
  type QualitativeBand,
  type ScoredRow,
  type SectionWeights,
} from './scoring.js';

const n = (text: string): Micros => toMicros(text);
const r = (numerator: bigint, denominator: bigint) => ({ numerator, denominator });

function row(level1: Level1, weight: string | null, score: string | null = null): ScoredRow {
  return { level1, weight: weight === null ? null : n(weight), score: score === null ? null : n(score) };
}

/** Fixture 004 (雁峰区委宣传部 2024 自评): 分值 and 得分 of its 11 rows, as printed. */
const FIXTURE_004: ScoredRow[] = [
  row('BUDGET_EXECUTION', '10', '9'),
  row('OUTPUT', '10', '10'), // 组织中心组学习
  row('OUTPUT', '5', '5'), // 开展理论宣讲
  row('OUTPUT', '5', '5'), // 保障重要信息系统网络安全
  row('OUTPUT', '5', '5'), // 网络舆情
  row('OUTPUT', '10', '10'), // 文明城市创建工作
  row('OUTPUT', '5', '5'), // 资金使用合规性
  row('OUTCOME', '10', '10'), // 宣传工作
  row('OUTCOME', '10', '10'), // 加强文化产业文旅融合
  row('OUTCOME', '10', '10'), // 丰富群众文体活动
  row('SATISFACTION', '10', '10'), // 区直部门级乡镇街道
];

describe('DEFAULT_SECTION_WEIGHTS', () => {
  it('预算执行率 10, 产出指标 50, 效益指标 30, 满意度指标 10 — total 100', () => {
    expect(DEFAULT_SECTION_WEIGHTS).toEqual({ BUDGET_EXECUTION: n('10'), OUTPUT: n('50'), OUTCOME: n('30'), SATISFACTION: n('10') });
    expect(sumMicros(Object.values(DEFAULT_SECTION_WEIGHTS) as Micros[])).toBe(n('100'));
  });
});

describe('exact rates', () => {
  it.each([
    // [numerator, denominator, places, micros]
    [10n, 12n, 2, n('0.83')],
    [1n, 8n, 2, n('0.13')], // 0.125 → half away from zero
    [-1n, 8n, 2, n('-0.13')],
    [2n, 3n, 2, n('0.67')],
    [83_349_996n, 10_000_000n, 2, n('8.33')], // 8.3349996: rounding once, not via 8.335
    [5n, 1n, 0, n('5')],
  ])('%s/%s to %s places', (numerator, denominator, places, micros) => {
    expect(roundRatio(r(numerator, denominator), places)).toBe(micros);
  });

  it.each([
    [r(1n, 1n), '100%'],
    [r(5n, 6n), '83.33%'],
    [r(9999n, 10000n), '99.99%'],
    [r(41n, 10n), '410%'],
    [r(6n, 7n), '85.71%'],
    [r(0n, 1n), '0%'],
  ])('formatPercent %o → %s', (rate, text) => {
    expect(formatPercent(rate)).toBe(text);
  });

  it('reduces to lowest terms', () => {
    expect(reduceRatio(r(10_000_000n, 12_000_000n))).toEqual(r(5n, 6n));
    expect(reduceRatio(r(0n, 12n))).toEqual(r(0n, 1n));
  });

  it.each([
    [r(41n, 10n), r(1n, 1n)],
    [r(5n, 6n), r(5n, 6n)],
    [r(-1n, 2n), r(0n, 1n)],
  ])('clamps %o to %o for scoring', (rate, clamped) => {
    expect(clampCompletion(rate)).toEqual(clamped);
  });
});

describe('suggested scores (财预〔2020〕10号)', () => {
  it.each([
    // [分值, completion, suggestion]
    ['10', r(5n, 6n), '8.33'], // 10 × 10/12
    ['10', r(6n, 7n), '8.57'], // 10 × 6/7, lower-is-better over the limit
    ['5', r(41n, 10n), '5'], // never more than the weight
    ['10', r(0n, 1n), '0'],
    ['10', r(-1n, 5n), '0'],
    ['7.5', r(2n, 3n), '5'],
  ])('quantitative: %s × %o → %s', (weight, completion, score) => {
    expect(quantitativeScore(n(weight), completion)).toBe(n(score));
  });

  it.each<[QualitativeBand, string, string]>([
    ['ACHIEVED', '5', '5'],
    ['PARTLY_ACHIEVED', '5', '4'],
    ['NOT_ACHIEVED', '5', '3'],
    ['PARTLY_ACHIEVED', '7', '5.6'],
    ['NOT_ACHIEVED', '3.33', '2'], // 1.998 → 2.00
  ])('qualitative %s of %s → top of the band %s', (band, weight, score) => {
    expect(qualitativeScore(n(weight), band)).toBe(n(score));
  });

  it.each<[QualitativeBand, string | null, string]>([
    ['ACHIEVED', '10', '达成年度指标 100%–80%（10–8 分）'],
    ['PARTLY_ACHIEVED', '5', '部分达成并具有一定效果 80%–60%（4–3 分）'],
    ['NOT_ACHIEVED', '5', '未达成且效果较差 60%–0（3–0 分）'],
    ['NOT_ACHIEVED', null, '未达成且效果较差 60%–0'],
  ])('describes %s for 分值 %s', (band, weight, text) => {
    expect(describeBand(band, weight === null ? null : n(weight))).toBe(text);
  });
});

describe('validateScore: 0 ≤ 得分 ≤ 分值, at most 2 decimals', () => {
  it.each<[string, string | null, string | null]>([
    ['10', '10', null],
    ['0', '10', null],
    ['8.33', '10', null],
    ['9', null, null],
    ['-1', '10', 'NEGATIVE'],
    ['10.5', '10', 'ABOVE_WEIGHT'],
    ['8.333', '10', 'TOO_PRECISE'],
    ['0.001', null, 'TOO_PRECISE'],
  ])('得分 %s of 分值 %s → %s', (score, weight, code) => {
    const problem = validateScore(n(score), weight === null ? null : n(weight));
    expect(problem?.code ?? null).toBe(code);
  });

  it('says the figures', () => {
    expect(validateScore(n('10.5'), n('10'))?.message).toBe('得分 10.5 分超过分值 10 分');
  });
});

describe('scoreBelowSuggestionNeedsReason', () => {
  it.each<[string, string | null, string | null, string | null, boolean]>([
    // [what, 得分, suggested, 扣分原因, needs a reason]
    ['004 预算执行率: 9 of a suggested 10, "扣1分"', '9', '10', '扣1分', false],
    ['9 of a suggested 10 without a reason', '9', '10', null, true],
    ['a blank reason is no reason', '9', '10', '  ', true],
    ['equal to the suggestion', '10', '10', null, false],
    ['above the suggestion', '8', '6', null, false],
    ['no suggestion (NEEDS_JUDGEMENT)', '3', null, null, false],
    ['no score yet', null, '10', null, false],
  ])('%s', (_what, score, suggested, reason, needed) => {
    const problem = scoreBelowSuggestionNeedsReason(score === null ? null : n(score), suggested === null ? null : n(suggested), reason);
    expect(problem === null ? null : problem.code).toBe(needed ? 'REASON_REQUIRED' : null);
  });

  it('says the figures', () => {
    expect(scoreBelowSuggestionNeedsReason(n('9'), n('10'), '')?.message).toBe('得分 9 分低于建议得分 10 分，请填写扣分原因');
  });
});

describe('effectiveScore: the evaluator wins, both are kept', () => {
  it.each<[string | null, string | null, string | null, 'EVALUATOR' | 'SUGGESTED' | null]>([
    ['9', '10', '9', 'EVALUATOR'],
    ['0', '10', '0', 'EVALUATOR'],
    [null, '8.33', '8.33', 'SUGGESTED'],
    ['4', null, '4', 'EVALUATOR'],
    [null, null, null, null],
  ])('evaluator %s, suggested %s → %s (%s)', (evaluator, suggested, score, source) => {
    const toValue = (text: string | null) => (text === null ? null : n(text));
    expect(effectiveScore(toValue(evaluator), toValue(suggested))).toEqual({
      score: toValue(score),
      source,
      evaluatorScore: toValue(evaluator),
      suggestedScore: toValue(suggested),
    });
  });
});

describe('sectionTotals', () => {
  it('fixture 004: every section, in form order', () => {
    const totals = sectionTotals(FIXTURE_004);
    expect(totals.map((s) => [s.label, s.sectionWeight, s.indicatorWeight, s.score, s.count])).toEqual([
      ['预算执行率', n('10'), n('10'), n('9'), 1],
      ['产出指标', n('50'), n('40'), n('40'), 6],
      ['效益指标', n('30'), n('30'), n('30'), 3],
      ['满意度指标', n('10'), n('10'), n('10'), 1],
    ]);
  });

  it('sections outside the weights are listed after them; unscored sections have score null', () => {
    const totals = sectionTotals([row('COST', '5'), row('OUTPUT', null)]);
    expect(totals.map((s) => [s.level1, s.sectionWeight, s.indicatorWeight, s.score, s.count, s.unweightedCount])).toEqual([
      ['BUDGET_EXECUTION', n('10'), 0n, null, 0, 0],
      ['OUTPUT', n('50'), 0n, null, 1, 1],
      ['OUTCOME', n('30'), 0n, null, 0, 0],
      ['SATISFACTION', n('10'), 0n, null, 0, 0],
      ['COST', null, n('5'), null, 1, 0],
    ]);
  });
});

describe('weightWarnings', () => {
  it('fixture 004: 产出指标 rows weigh 40, the section 50', () => {
    expect(weightWarnings(FIXTURE_004)).toEqual([
      { code: 'SECTION_WEIGHT_MISMATCH', level1: 'OUTPUT', message: '产出指标各指标分值合计 40 分，与该部分分值 50 分不符' },
    ]);
  });

  it('default weights and matching indicators: silent', () => {
    const rows = [...FIXTURE_004, row('OUTPUT', '10')];
    expect(weightWarnings(rows)).toEqual([]);
  });

  it('a target table without any 分值 (fixture 002): silent', () => {
    expect(weightWarnings([row('OUTPUT', null), row('OUTCOME', null), row('SATISFACTION', null)])).toEqual([]);
  });

  it('a plan giving 预算执行率 20 without lowering the rest: total 110', () => {
    const weights: SectionWeights = { BUDGET_EXECUTION: n('20'), OUTPUT: n('50'), OUTCOME: n('30'), SATISFACTION: n('10') };
    expect(weightWarnings([], weights)).toEqual([
      { code: 'SECTION_WEIGHTS_NOT_FULL_MARKS', level1: null, message: '各部分分值合计 110 分，应为 100 分' },
    ]);
  });

  it('a plan giving 预算执行率 20 and 产出指标 40: total 100, rows checked against its weights', () => {
    const weights: SectionWeights = { BUDGET_EXECUTION: n('20'), OUTPUT: n('40'), OUTCOME: n('30'), SATISFACTION: n('10') };
    const rows = FIXTURE_004.map((r0) => (r0.level1 === 'BUDGET_EXECUTION' ? row('BUDGET_EXECUTION', '20', '19') : r0));
    expect(weightWarnings(rows, weights)).toEqual([]);
  });

  it('names indicators without a 分值, sections without indicators and sections without a weight', () => {
    const rows = [row('OUTPUT', '50'), row('OUTPUT', null), row('OUTCOME', '30'), row('SATISFACTION', '10'), row('COST', '5')];
    expect(weightWarnings(rows)).toEqual([
      { code: 'SECTION_WEIGHT_MISMATCH', level1: 'BUDGET_EXECUTION', message: '预算执行率没有指标，该部分分值 10 分未计入' },
      { code: 'INDICATOR_WEIGHT_MISSING', level1: 'OUTPUT', message: '产出指标有 1 个指标未填写分值' },
      { code: 'SECTION_NOT_WEIGHTED', level1: 'COST', message: '成本指标的指标分值合计 5 分，但该部分没有设定分值' },
    ]);
  });
});

describe('pointsLost (失分)', () => {
  it.each([
    ['10', '8.5', '1.5'],
    ['10', '10', '0'],
    [null, '8', null],
    ['10', null, null],
  ])('分值 %s, score %s → %s', (weight, counted, lost) => {
    const micros = (value: string | null) => (value === null ? null : toMicros(value));
    expect(pointsLost(micros(weight), micros(counted))).toBe(micros(lost));
  });
});
