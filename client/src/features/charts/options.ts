/**
 * What the charts show, as pure functions of the server's figures: the ECharts option (Chinese labels)
 * and the sentence a screen reader hears. Figures arrive as Decimal strings; charts draw them as numbers
 * (drawing only: every figure shown in text is the server's string).
 */
import type { EChartsCoreOption } from 'echarts/core';

const COLORS = { weight: '#94a3b8', score: '#2563eb', MET: '#16a34a', PARTIAL: '#d97706', NOT_MET: '#dc2626', other: '#64748b' } as const;
const FONT = { fontFamily: 'system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif' };

const toNumber = (value: string | null | undefined): number | null => (value == null || value === '' || !Number.isFinite(Number(value)) ? null : Number(value));
const shortName = (name: string, max = 12) => (name.length > max ? `${name.slice(0, max - 1)}…` : name);

// ─── 分值 vs 得分 by section ───────────────────────────────────────────────────────────────────

export interface SectionFigure {
  level1: string;
  label: string;
  /** 分值 the section carries (the plan's section weight, else the sum of its rows' 分值). */
  sectionWeight: string | null;
  indicatorWeight: string;
  /** 得分 as the server totals it; null while nothing is scored. */
  score: string | null;
  suggestedScore: string;
}

export interface SectionRow {
  label: string;
  weight: string;
  score: string | null;
}

export function sectionRows(sections: SectionFigure[]): SectionRow[] {
  return sections.map((section) => ({ label: section.label, weight: section.sectionWeight ?? section.indicatorWeight, score: section.score }));
}

export function sectionChartOption(sections: SectionFigure[]): EChartsCoreOption {
  const rows = sectionRows(sections);
  return {
    textStyle: FONT,
    aria: { enabled: true, description: sectionSummary(sections) },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { data: ['分值', '得分'], top: 0 },
    grid: { left: 48, right: 16, top: 32, bottom: 32 },
    xAxis: { type: 'category', data: rows.map((row) => row.label) },
    yAxis: { type: 'value', name: '分', min: 0 },
    series: [
      { name: '分值', type: 'bar', barMaxWidth: 48, data: rows.map((row) => toNumber(row.weight)), itemStyle: { color: COLORS.weight }, barGap: '10%' },
      { name: '得分', type: 'bar', barMaxWidth: 48, data: rows.map((row) => toNumber(row.score)), itemStyle: { color: COLORS.score }, label: { show: true, position: 'top' } },
    ],
  };
}

export function sectionSummary(sections: SectionFigure[]): string {
  const parts = sectionRows(sections).map((row) => `${row.label}分值 ${row.weight}、得分 ${row.score ?? '未评分'}`);
  return parts.length ? `各部分分值与得分：${parts.join('；')}。` : '尚无指标。';
}

// ─── completion per indicator ──────────────────────────────────────────────────────────────────

export interface IndicatorFigure {
  id: string;
  name: string;
  gap: { status: string; completion: string | null; completionPercent: string | null } | null;
}

export interface CompletionRow {
  id: string;
  name: string;
  /** Completion as a percentage number, for drawing. */
  percent: number;
  /** The server's text, e.g. "83.33%". */
  text: string;
  status: string;
}

/** Indicators with a completion (a quantity target and its actual), in table order. */
export function completionRows(indicators: IndicatorFigure[]): CompletionRow[] {
  return indicators.flatMap((indicator) => {
    const completion = toNumber(indicator.gap?.completion);
    if (completion == null || !indicator.gap) return [];
    return [{ id: indicator.id, name: indicator.name, percent: Math.round(completion * 10000) / 100, text: indicator.gap.completionPercent ?? `${completion * 100}%`, status: indicator.gap.status }];
  });
}

export function completionChartOption(indicators: IndicatorFigure[]): EChartsCoreOption {
  const rows = completionRows(indicators);
  // Top to bottom in table order: a category axis draws its first entry at the bottom.
  const shown = [...rows].reverse();
  return {
    textStyle: FONT,
    aria: { enabled: true, description: completionSummary(indicators) },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 150, right: 56, top: 16, bottom: 24 },
    xAxis: { type: 'value', name: '完成率 %', min: 0, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: shown.map((row) => shortName(row.name)) },
    series: [
      {
        name: '完成率',
        type: 'bar',
        data: shown.map((row) => ({ value: row.percent, itemStyle: { color: COLORS[row.status as keyof typeof COLORS] ?? COLORS.other } })),
        label: { show: true, position: 'right', formatter: '{c}%' },
        markLine: { symbol: 'none', silent: true, data: [{ xAxis: 100, name: '目标' }], lineStyle: { color: COLORS.other, type: 'dashed' }, label: { formatter: '目标 100%' } },
      },
    ],
  };
}

export function completionSummary(indicators: IndicatorFigure[]): string {
  const rows = completionRows(indicators);
  if (!rows.length) return '尚无可计算完成率的指标（须有数量目标与实际完成值）。';
  const below = rows.filter((row) => row.percent < 100);
  const lowest = below.length ? below.reduce((a, b) => (b.percent < a.percent ? b : a)) : null;
  return `${rows.length} 项指标有完成率，其中 ${rows.length - below.length} 项达到或超过目标${lowest ? `，最低为「${lowest.name}」${lowest.text}` : ''}。`;
}

// ─── departments of a year ─────────────────────────────────────────────────────────────────────

export interface DepartmentRow {
  departmentId: string;
  name: string;
  planCount: number;
  /** 综合得分 (the server's Decimal text), null when not scored. */
  score: string | null;
  /** 评价等次 label, e.g. 优. */
  grade: string | null;
  /** 预算执行率 as the server writes it ("98.50%"), null when not stated. */
  executionRatePercent: string | null;
}

export function departmentChartOption(rows: DepartmentRow[]): EChartsCoreOption {
  return {
    textStyle: FONT,
    aria: { enabled: true, description: departmentSummary(rows) },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { data: ['综合得分', '预算执行率（%）'], top: 0 },
    grid: { left: 48, right: 16, top: 32, bottom: 64 },
    xAxis: { type: 'category', data: rows.map((row) => shortName(row.name, 8)), axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', min: 0, name: '分 / %' },
    series: [
      { name: '综合得分', type: 'bar', barMaxWidth: 48, data: rows.map((row) => toNumber(row.score)), itemStyle: { color: COLORS.score }, label: { show: true, position: 'top' } },
      { name: '预算执行率（%）', type: 'bar', barMaxWidth: 48, data: rows.map((row) => toNumber(row.executionRatePercent?.replace('%', ''))), itemStyle: { color: COLORS.MET } },
    ],
  };
}

export function departmentSummary(rows: DepartmentRow[]): string {
  if (!rows.length) return '该年度没有计划。';
  return `${rows.length} 个部门：${rows.map((row) => `${row.name} 综合得分 ${row.score ?? '未评分'}${row.grade ? `（${row.grade}）` : ''}、预算执行率 ${row.executionRatePercent ?? '未填报'}`).join('；')}。`;
}
