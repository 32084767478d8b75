/**
 * The 自评表's totals (issue 10 items 1 and 7): the computed 综合得分 with the server's explanation beside
 * the document's own total, the grade (暂定 while rows are pending, with how many), all the server's figures.
 */
import { MockedProvider } from '@apollo/client/testing/react';
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { accessFrom, PlanAccessContext } from '../plan-editor/access';
import type { Plan } from '../plan-editor/plan.graphql';
import { Totals } from './EvaluationView';

afterEach(cleanup);

const section = (level1: string, label: string, weight: string, indicatorWeight: string, score: string | null, count: number) => ({
  level1, label, count, indicatorWeight, sectionWeight: weight, score, suggestedScore: '0',
});

/** Fixture 004 as the server gives it: rows weigh 90 and score 89 → 98.89 优, beside the stated 99. */
const plan004 = {
  id: '2',
  version: 4,
  sectionWeights: [],
  evaluation: { totalScore: '99', grade: null },
  checks: [
    { code: 'STATED_TOTAL_MISMATCH', message: '自评：填报综合得分 99 分，计算综合得分 98.89 分（已评分指标分值合计 90 分，得分 89 分，按百分制折算 89 ÷ 90 × 100 = 98.89 分，等次「优」；相差 0.11 分）' },
    { code: 'TOTAL_NATURE_SUM', message: '全年预算：…' },
  ],
  rollup: {
    count: 11, scoredCount: 11, weightTotal: '90', suggestedScoreTotal: '25', scoreTotal: '89', computedTotal: '98.89', scoredWeight: '90',
    gradeProvisional: false, pendingCount: 0, grade: 'EXCELLENT', gradeLabel: '优',
    gradeExplanation: '已评分指标分值合计 90 分，得分 89 分，按百分制折算 89 ÷ 90 × 100 = 98.89 分，等次「优」',
    statusCounts: [{ status: 'MET', count: 3 }, { status: 'NEEDS_JUDGEMENT', count: 8 }],
    sections: [section('BUDGET_EXECUTION', '预算执行率', '10', '10', '9', 1), section('OUTPUT', '产出指标', '50', '40', '40', 6), section('OUTCOME', '效益指标', '30', '30', '30', 3), section('SATISFACTION', '满意度指标', '10', '10', '10', 1)],
    executionRate: '1', executionRatePercent: '100%',
    warnings: [{ code: 'SECTION_WEIGHT_MISMATCH', level1: 'OUTPUT', message: '产出指标各指标分值合计 40 分，与该部分分值 50 分不符' }],
  },
} as unknown as Plan;

function mount(plan: Plan) {
  return render(
    <MockedProvider mocks={[]}>
      <PlanAccessContext.Provider value={accessFrom({ id: '2', version: 4, status: 'EVALUATING', allowedActions: ['EVALUATE'] })}>
        <Totals plan={plan} />
      </PlanAccessContext.Provider>
    </MockedProvider>,
  );
}

const text = (selector: string) => document.querySelector(selector)?.textContent ?? null;

describe('the totals of the 自评表', () => {
  it('fixture 004: raw sum 89, computed 98.89 → 优, beside the stated 99 with the server\'s explanation of the 0.11', () => {
    mount(plan004);
    expect(text('[data-total-score]')).toBe('89');
    const computed = document.querySelector('[data-computed-total]')!;
    expect(computed.textContent).toContain('98.89');
    expect(computed.textContent).toContain('89 ÷ 90 × 100 = 98.89');
    expect(text('[data-stated-total] .num')).toBe('综合得分 99 分');
    expect(text('[data-stated-finding="STATED_TOTAL_MISMATCH"]')).toContain('相差 0.11 分');
    expect(document.querySelectorAll('[data-stated-finding]')).toHaveLength(1); // other checks stay in the checks panel
    expect(text('[data-grade]')).toBe('优');
    expect(document.querySelector('[data-provisional]')).toBeNull();
    expect(document.querySelector('[data-pending]')).toBeNull();
    expect(document.querySelector('[data-section="OUTPUT"]')?.textContent).toContain('40');
  });

  it('a grade with rows still pending is 暂定, with how many are pending; no stated row when the document states nothing', () => {
    const rollup = { ...(plan004 as any).rollup, computedTotal: '100', gradeProvisional: true, pendingCount: 2, scoredWeight: '30', gradeExplanation: '已评分指标分值合计 30 分，得分 30 分，按百分制折算 30 ÷ 30 × 100 = 100 分，等次「优」（暂定：2 个指标待评分）' };
    mount({ ...plan004, evaluation: null, checks: [], rollup } as unknown as Plan);
    expect(text('[data-grade]')).toBe('优');
    expect(text('[data-provisional]')).toBe('暂定');
    expect(text('[data-pending]')).toBe('待评分 2 项');
    expect(document.querySelector('[data-computed-total]')?.textContent).toContain('2 个指标待评分');
    expect(document.querySelector('[data-stated-total]')).toBeNull();
  });

  it('a stated grade that differs is shown with the server\'s STATED_GRADE_MISMATCH', () => {
    const checks = [{ code: 'STATED_GRADE_MISMATCH', message: '自评：填报评价等次「优秀」，但计算综合得分 85 分应为「良」' }];
    const rollup = { ...(plan004 as any).rollup, computedTotal: '85', grade: 'GOOD', gradeLabel: '良' };
    mount({ ...plan004, evaluation: { totalScore: null, grade: '优秀' }, checks, rollup } as unknown as Plan);
    expect(text('[data-stated-total] .num')).toBe('等次「优秀」');
    expect(text('[data-stated-finding="STATED_GRADE_MISMATCH"]')).toContain('应为「良」');
    expect(text('[data-grade]')).toBe('良');
  });
});
