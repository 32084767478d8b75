import { useEffect, useRef, type ReactNode } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import { t } from '../../i18n/zh-CN';

/** ECharts, fetched once for every chart on the page. */
let loading: Promise<typeof import('./echarts-setup')> | null = null;
const loadEcharts = () => (loading ??= import('./echarts-setup'));

/**
 * One chart: ECharts is loaded on first use (a separate chunk), drawn on a canvas that carries an aria
 * summary, with the same figures as a table beside it (数据表) for screen readers.
 */
export function EChart({ option, summary, table, height = 260 }: { option: EChartsCoreOption; summary: string; table?: ReactNode; height?: number }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let disposed = false;
    let chart: { setOption: (option: EChartsCoreOption) => void; resize: () => void; dispose: () => void } | null = null;
    const resize = () => chart?.resize();
    void loadEcharts().then(({ echarts }) => {
      if (disposed || !box.current) return;
      chart = echarts.init(box.current, undefined, { renderer: 'canvas' });
      chart.setOption(option);
      window.addEventListener('resize', resize);
    });
    return () => {
      disposed = true;
      window.removeEventListener('resize', resize);
      chart?.dispose();
    };
  }, [option]);
  return (
    <figure className="chart">
      <div ref={box} className="chart-canvas" role="img" aria-label={summary} style={{ height }} data-chart="" />
      <figcaption className="sr-summary">{summary}</figcaption>
      {table && (
        <details className="chart-table">
          <summary>{t.charts.table}</summary>
          {table}
        </details>
      )}
    </figure>
  );
}
