import { describe, expect, it } from 'vitest';
import { groupRows } from './group-rows';

describe('groupRows (merged 一级/二级 cells)', () => {
  it('spans runs of equal labels, 二级 inside 一级', () => {
    const rows = [
      ['产出指标', '数量指标'],
      ['产出指标', '数量指标'],
      ['产出指标', '质量指标'],
      ['效益指标', '社会效益'],
      ['产出指标', '时效指标'],
    ];
    const grouped = groupRows(rows, (r) => r[0], (r) => `${r[0]}/${r[1]}`);
    expect(grouped.map((g) => [g.level1Span, g.level2Span])).toEqual([
      [3, 2],
      [0, 0],
      [0, 1],
      [1, 1],
      [1, 1],
    ]);
    expect(grouped[0].level1Group).toHaveLength(3);
    expect(grouped[0].level2Group).toHaveLength(2);
  });
  it('handles no rows', () => {
    expect(groupRows([], String, String)).toEqual([]);
  });
});
