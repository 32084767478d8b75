import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Plan } from '../plan-editor/plan.graphql';
import { EvaluationCharts } from './EvaluationCharts';

// jsdom has no canvas: ECharts is replaced at the module boundary EChart.tsx loads it through.
const charts = vi.hoisted(() => [] as { element: HTMLElement; options: any[]; disposed: boolean }[]);
vi.mock('./echarts-setup', () => ({
  echarts: {
    init: (element: HTMLElement) => {
      const chart = { element, options: [] as any[], disposed: false };
      charts.push(chart);
      return { setOption: (option: any) => chart.options.push(option), resize: () => undefined, dispose: () => (chart.disposed = true) };
    },
  },
}));

afterEach(() => {
  cleanup();
  charts.length = 0;
});

const plan = {
  rollup: {
    sections: [
      { level1: 'OUTPUT', label: '产出指标', sectionWeight: '50', indicatorWeight: '40', score: '49', suggestedScore: '49', count: 4 },
      { level1: 'SATISFACTION', label: '满意度指标', sectionWeight: null, indicatorWeight: '10', score: '10', suggestedScore: '10', count: 1 },
    ],
  },
  indicators: [
    { id: '11', name: '组织中心组学习', gap: { status: 'PARTIAL', completion: '0.8333', completionPercent: '83.33%' } },
    { id: '12', name: '群众满意度', gap: { status: 'MET', completion: '1.02', completionPercent: '102%' } },
  ],
} as unknown as Pick<Plan, 'rollup' | 'indicators'>;

describe('EvaluationCharts (目标与完成情况)', () => {
  it('draws 分值 vs 得分 by section and the completion per indicator, with aria summaries and data tables', async () => {
    render(<EvaluationCharts plan={plan} />);
    await waitFor(() => expect(charts).toHaveLength(2));
    const [sections, completion] = charts;
    expect(sections!.options[0].series.map((series: any) => series.name)).toEqual(['分值', '得分']);
    expect(completion!.options[0].yAxis.data).toEqual(['群众满意度', '组织中心组学习']);

    const images = screen.getAllByRole('img');
    expect(images.map((image) => image.getAttribute('aria-label'))).toEqual([
      '各部分分值与得分：产出指标分值 50、得分 49；满意度指标分值 10、得分 10。',
      '2 项指标有完成率，其中 1 项达到或超过目标，最低为「组织中心组学习」83.33%。',
    ]);
    const tables = screen.getAllByRole('table', { hidden: true });
    expect(tables[0]!.textContent).toContain('产出指标5049');
    expect(tables[1]!.textContent).toContain('组织中心组学习83.33%');
  });

  it('lets go of the charts when the view goes', async () => {
    const { unmount } = render(<EvaluationCharts plan={plan} />);
    await waitFor(() => expect(charts).toHaveLength(2));
    unmount();
    expect(charts.every((chart) => chart.disposed)).toBe(true);
  });
});
