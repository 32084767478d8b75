/**
 * ECharts with only what the charts here draw: bar charts on a grid, tooltip, legend, the aria description
 * and the canvas renderer. Imported dynamically by EChart.tsx, so it is its own chunk and the editor's
 * first screen does not carry it (docs/BENCHMARKS.md, client bundle).
 */
import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, MarkLineComponent, CanvasRenderer]);

export { echarts };
