import { describe, expect, it } from 'vitest';
import { formatDecimal, toMicros, type Micros } from './decimal.js';
import { DEFAULT_STEPWISE, PROPORTIONAL, budgetExecutionGap, describeExecutionProfile, type ExecutionProfile } from './budget-execution.js';

const n = (text: string): Micros => toMicros(text);
const points = (value: Micros | null) => (value === null ? null : formatDecimal(value));
const stepwise = (fullMarksRate: string, stepPercent: string, deductionPerStep: string): ExecutionProfile => ({
  kind: 'STEPWISE',
  fullMarksRate: n(fullMarksRate),
  stepPercent: n(stepPercent),
  deductionPerStep: n(deductionPerStep),
});

describe('预算执行率 scoring profiles (issue 10 item 4)', () => {
  it.each<[string, string | null, string | null, string | null, ExecutionProfile, string]>([
    // name, 执行数, 全年预算数, stated rate, profile, suggested score (weight 10)
    ['proportional, 95% → 9.5', '95', '100', null, PROPORTIONAL, '9.5'],
    ['proportional, fixture 004 563.72 / 563.72 → 10', '563.72', '563.72', '99.99', PROPORTIONAL, '10'],
    ['stepwise, fixture 004 amounts → 100% → 10', '563.72', '563.72', '99.99', DEFAULT_STEPWISE, '10'],
    ['stepwise, only the stated 99.99% → a part of a step counts: 9 (as 004\'s evaluator gave)', null, null, '99.99', DEFAULT_STEPWISE, '9'],
    ['stepwise, 95% exactly one step short → 9', '95', '100', null, DEFAULT_STEPWISE, '9'],
    ['stepwise, 93% → two steps → 8', '93', '100', null, DEFAULT_STEPWISE, '8'],
    ['stepwise, 40% → never below 0', '40', '100', null, DEFAULT_STEPWISE, '0'],
    ['stepwise, over-execution 105% → full marks', '105', '100', null, DEFAULT_STEPWISE, '10'],
    ['stepwise with 95% full marks and 2 points per 10: 96% → 10', '96', '100', null, stepwise('95', '10', '2'), '10'],
    ['stepwise with 95% full marks and 2 points per 10: 80% → 15 short → 2 steps → 6', '80', '100', null, stepwise('95', '10', '2'), '6'],
  ])('%s', (_name, actual, fullYear, statedRate, profile, suggested) => {
    const gap = budgetExecutionGap({
      actual: actual === null ? null : n(actual),
      fullYear: fullYear === null ? null : n(fullYear),
      statedRate: statedRate === null ? null : n(statedRate),
      weight: n('10'),
      profile,
    });
    expect(points(gap.suggestedScore)).toBe(suggested);
    expect(gap.scoringMethod).toBe('BUDGET_EXECUTION');
  });

  it('explains a stepwise deduction with the figures', () => {
    const gap = budgetExecutionGap({ actual: n('93'), fullYear: n('100'), weight: n('10'), profile: DEFAULT_STEPWISE });
    expect(gap.explanation).toBe(
      '执行数 93 万元 / 全年预算数 100 万元 = 预算执行率 93%，低于 100% 7 个百分点，按每 5 个百分点扣 1 分（不足 5 个百分点按 5 个计）扣 2 分，建议得分 8 分（阶梯计分）',
    );
  });

  it('describes each profile', () => {
    expect(describeExecutionProfile(PROPORTIONAL)).toBe('按比例：分值 × 预算执行率，最高为满分');
    expect(describeExecutionProfile(DEFAULT_STEPWISE)).toBe('阶梯：预算执行率 100% 及以上得满分，每低 5 个百分点（不足 5 个百分点按 5 个计）扣 1 分，扣完为止');
  });
});
