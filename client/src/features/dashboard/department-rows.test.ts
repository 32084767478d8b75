import { describe, expect, it } from 'vitest';
import { departmentRows, needsPlanFigures } from './department-rows';

const grades = (counts: Record<string, number>) => ['优', '良', '中', '差'].map((label) => ({ label, count: counts[label] ?? 0 }));
const yanfeng = { id: '1', name: '中共衡阳市雁峰区委宣传部', shortName: '雁峰区委宣传部' };
const shifeng = { id: '2', name: '中共株洲市石峰区委宣传部', shortName: null };

describe('departmentRows (the dashboard table and chart)', () => {
  it('takes planStats by department; a score or grade it leaves empty comes from the plan roll-up', () => {
    const stats = [
      { departmentId: '1', department: yanfeng, planCount: 1, averageScore: null, executionRatePercent: '99.99%', gradeCounts: grades({}) },
      { departmentId: '2', department: shifeng, planCount: 2, averageScore: '91.5', executionRatePercent: null, gradeCounts: grades({ 优: 1, 良: 1 }) },
    ];
    const plans = [{ id: '7', department: yanfeng, rollup: { computedTotal: '98.89', gradeLabel: '优', executionRatePercent: '99.98%' } }];
    expect(needsPlanFigures(stats)).toBe(true);
    expect(departmentRows(stats, plans)).toEqual([
      { departmentId: '1', name: '雁峰区委宣传部', planCount: 1, score: '98.89', grade: '优', executionRatePercent: '99.99%' },
      { departmentId: '2', name: '中共株洲市石峰区委宣传部', planCount: 2, score: '91.5', grade: '优 ×1、良 ×1', executionRatePercent: null },
    ]);
  });

  it('without planStats rows, the plans alone', () => {
    const plans = [{ id: '7', department: yanfeng, rollup: { computedTotal: '98.89', gradeLabel: '优', executionRatePercent: '99.98%' } }];
    expect(departmentRows([], plans)).toEqual([{ departmentId: '1', name: '雁峰区委宣传部', planCount: 1, score: '98.89', grade: '优', executionRatePercent: '99.98%' }]);
    expect(needsPlanFigures([{ departmentId: '1', department: yanfeng, planCount: 1, averageScore: '98.89', gradeCounts: grades({ 优: 1 }) }])).toBe(false);
  });
});
