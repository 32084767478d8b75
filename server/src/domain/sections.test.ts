import { describe, expect, it } from 'vitest';
import { toMicros } from './decimal.js';
import type { Level1 } from './indicator-hierarchy.js';
import { DEFAULT_SECTION_WEIGHTS, FRAMEWORK_SECTION_WEIGHTS, sectionTotals, sectionWeightsForRows, weightWarnings, type SectionWeights } from './sections.js';

const w = (entries: Partial<Record<Level1, string>>): SectionWeights =>
  Object.fromEntries(Object.entries(entries).map(([level1, weight]) => [level1, toMicros(weight!)])) as SectionWeights;
const shown = (weights: SectionWeights) => Object.fromEntries(Object.entries(weights).map(([level1, weight]) => [level1, String(Number(weight) / 1e6)]));

describe('sectionWeightsForRows — the 部门整体 framework\'s default weights (issue 10 item 7)', () => {
  it.each<[string, SectionWeights, Level1[], Record<string, string>]>([
    ['a 自评表 plan keeps 预算执行率 10 / 产出 50 / 效益 30 / 满意度 10', DEFAULT_SECTION_WEIGHTS, ['BUDGET_EXECUTION', 'OUTPUT', 'OUTCOME', 'SATISFACTION'], { BUDGET_EXECUTION: '10', OUTPUT: '50', OUTCOME: '30', SATISFACTION: '10' }],
    ['决策 rows: 决策 20 / 过程 20 / 产出 40 / 效益 20', DEFAULT_SECTION_WEIGHTS, ['DECISION', 'PROCESS', 'OUTPUT', 'OUTCOME'], { DECISION: '20', PROCESS: '20', OUTPUT: '40', OUTCOME: '20' }],
    ['投入 rows: 投入 20 / 过程 20 / 产出 40 / 效益 20', DEFAULT_SECTION_WEIGHTS, ['INPUT', 'PROCESS', 'OUTPUT', 'OUTCOME'], { INPUT: '20', PROCESS: '20', OUTPUT: '40', OUTCOME: '20' }],
    ['过程 rows alone: the 决策 variant', DEFAULT_SECTION_WEIGHTS, ['PROCESS', 'OUTPUT'], { DECISION: '20', PROCESS: '20', OUTPUT: '40', OUTCOME: '20' }],
    ['weights the plan set are kept, framework rows or not', w({ DECISION: '15', PROCESS: '25', OUTPUT: '30', OUTCOME: '30' }), ['DECISION', 'OUTPUT'], { DECISION: '15', PROCESS: '25', OUTPUT: '30', OUTCOME: '30' }],
    ['a province\'s 预算执行率 20 is kept', w({ BUDGET_EXECUTION: '20', OUTPUT: '50', OUTCOME: '30', SATISFACTION: '10' }), ['DECISION'], { BUDGET_EXECUTION: '20', OUTPUT: '50', OUTCOME: '30', SATISFACTION: '10' }],
  ])('%s', (_name, weights, level1s, expected) => {
    expect(shown(sectionWeightsForRows(weights, level1s))).toEqual(expected);
  });

  it('scores a framework plan by its sections: 决策 rows weighing 20 are not warned about', () => {
    const rows = [
      { level1: 'DECISION' as const, weight: toMicros('20'), score: toMicros('18') },
      { level1: 'PROCESS' as const, weight: toMicros('20'), score: toMicros('20') },
      { level1: 'OUTPUT' as const, weight: toMicros('40'), score: toMicros('36') },
      { level1: 'OUTCOME' as const, weight: toMicros('20'), score: toMicros('19') },
    ];
    const weights = sectionWeightsForRows(DEFAULT_SECTION_WEIGHTS, rows.map((row) => row.level1));
    expect(weights).toEqual(FRAMEWORK_SECTION_WEIGHTS);
    expect(weightWarnings(rows, weights)).toEqual([]);
    expect(sectionTotals(rows, weights).map((section) => [section.label, Number(section.sectionWeight) / 1e6, Number(section.score) / 1e6])).toEqual([
      ['决策', 20, 18],
      ['过程', 20, 20],
      ['产出指标', 40, 36],
      ['效益指标', 20, 19],
    ]);
    // With the 自评表 defaults the same rows would leave 决策 and 过程 unweighted.
    expect(weightWarnings(rows, DEFAULT_SECTION_WEIGHTS).map((warning) => warning.code)).toContain('SECTION_NOT_WEIGHTED');
  });
});
