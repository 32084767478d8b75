import { describe, expect, it } from 'vitest';
import { completionChartOption, completionRows, completionSummary, departmentChartOption, departmentSummary, sectionChartOption, sectionSummary, type IndicatorFigure, type SectionFigure } from './options';

const sections: SectionFigure[] = [
  { level1: 'OUTPUT', label: '产出指标', sectionWeight: '50', indicatorWeight: '40', score: '49', suggestedScore: '49' },
  { level1: 'EFFECT', label: '效益指标', sectionWeight: null, indicatorWeight: '30', score: null, suggestedScore: '0' },
];

const indicator = (id: string, name: string, completion: string | null, status = 'MET', completionPercent = completion && `${Number(completion) * 100}%`): IndicatorFigure => ({
  id,
  name,
  gap: { status, completion, completionPercent },
});

describe('分值 vs 得分 by section', () => {
  it('draws the section 分值 (else the rows\' sum) beside the 得分, with Chinese labels and an aria description', () => {
    const option = sectionChartOption(sections) as any;
    expect(option.xAxis.data).toEqual(['产出指标', '效益指标']);
    expect(option.legend.data).toEqual(['分值', '得分']);
    expect(option.series.map((series: any) => [series.name, series.data])).toEqual([
      ['分值', [50, 30]],
      ['得分', [49, null]],
    ]);
    expect(option.aria).toEqual({ enabled: true, description: '各部分分值与得分：产出指标分值 50、得分 49；效益指标分值 30、得分 未评分。' });
    expect(sectionSummary([])).toBe('尚无指标。');
  });
});

describe('completion per indicator', () => {
  const indicators = [indicator('1', '组织中心组学习', '1'), indicator('2', '理论宣讲场次（含基层巡回宣讲与线上宣讲）', '0.8333', 'PARTIAL', '83.33%'), indicator('3', '群众满意度', null, 'PENDING')];

  it('lists indicators with a completion, as percentages, coloured by status, top to bottom in table order', () => {
    expect(completionRows(indicators)).toEqual([
      { id: '1', name: '组织中心组学习', percent: 100, text: '100%', status: 'MET' },
      { id: '2', name: '理论宣讲场次（含基层巡回宣讲与线上宣讲）', percent: 83.33, text: '83.33%', status: 'PARTIAL' },
    ]);
    const option = completionChartOption(indicators) as any;
    expect(option.yAxis.data).toEqual(['理论宣讲场次（含基层巡…', '组织中心组学习']);
    expect(option.series[0].data).toEqual([
      { value: 83.33, itemStyle: { color: '#d97706' } },
      { value: 100, itemStyle: { color: '#16a34a' } },
    ]);
    expect(option.series[0].markLine.data).toEqual([{ xAxis: 100, name: '目标' }]);
    expect(option.xAxis.name).toBe('完成率 %');
  });

  it('says in a sentence how many met their target and which is lowest', () => {
    expect(completionSummary(indicators)).toBe('2 项指标有完成率，其中 1 项达到或超过目标，最低为「理论宣讲场次（含基层巡回宣讲与线上宣讲）」83.33%。');
    expect(completionSummary([indicator('3', '群众满意度', null)])).toBe('尚无可计算完成率的指标（须有数量目标与实际完成值）。');
  });
});

describe('departments of a year', () => {
  const rows = [
    { departmentId: '1', name: '雁峰区委宣传部', planCount: 1, score: '98.89', grade: '优', executionRatePercent: '99.99%' },
    { departmentId: '2', name: '石峰区委宣传部', planCount: 1, score: null, grade: null, executionRatePercent: null },
  ];
  it('draws 综合得分 and 预算执行率 per department, with a readable summary', () => {
    const option = departmentChartOption(rows) as any;
    expect(option.xAxis.data).toEqual(['雁峰区委宣传部', '石峰区委宣传部']);
    expect(option.series.map((series: any) => [series.name, series.data])).toEqual([
      ['综合得分', [98.89, null]],
      ['预算执行率（%）', [99.99, null]],
    ]);
    expect(departmentSummary(rows)).toBe('2 个部门：雁峰区委宣传部 综合得分 98.89（优）、预算执行率 99.99%；石峰区委宣传部 综合得分 未评分、预算执行率 未填报。');
    expect(departmentSummary([])).toBe('该年度没有计划。');
  });
});
