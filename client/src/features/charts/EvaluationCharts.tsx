import { useMemo } from 'react';
import type { Plan } from '../plan-editor/plan.graphql';
import { t } from '../../i18n/zh-CN';
import { EChart } from './EChart';
import { completionChartOption, completionRows, completionSummary, sectionChartOption, sectionRows, sectionSummary } from './options';

/** 目标与完成情况 in the 自评 view: 分值 vs 得分 by section, and the completion of each indicator. */
export function EvaluationCharts({ plan }: { plan: Pick<Plan, 'rollup' | 'indicators'> }) {
  const sections = plan.rollup.sections;
  const indicators = plan.indicators;
  const sectionOption = useMemo(() => sectionChartOption(sections), [sections]);
  const completionOption = useMemo(() => completionChartOption(indicators), [indicators]);
  const completions = completionRows(indicators);
  return (
    <section className="chart-block" aria-label={t.charts.evaluationTitle} data-evaluation-charts="">
      <h2 className="block-title">{t.charts.evaluationTitle}</h2>
      <div className="chart-grid">
        <div>
          <h3 className="chart-title">{t.charts.sections}</h3>
          <EChart
            option={sectionOption}
            summary={sectionSummary(sections)}
            table={
              <table className="form-table chart-data">
                <thead>
                  <tr><th>{t.charts.section}</th><th>{t.charts.weight}</th><th>{t.charts.score}</th></tr>
                </thead>
                <tbody>
                  {sectionRows(sections).map((row) => (
                    <tr key={row.label}><td>{row.label}</td><td className="num">{row.weight}</td><td className="num">{row.score ?? '—'}</td></tr>
                  ))}
                </tbody>
              </table>
            }
          />
        </div>
        <div>
          <h3 className="chart-title">{t.charts.completion}</h3>
          <EChart
            option={completionOption}
            summary={completionSummary(indicators)}
            height={Math.max(160, completions.length * 26 + 48)}
            table={
              <table className="form-table chart-data">
                <thead>
                  <tr><th>{t.charts.indicator}</th><th>{t.charts.completionRate}</th></tr>
                </thead>
                <tbody>
                  {completions.map((row) => (
                    <tr key={row.id}><td>{row.name}</td><td className="num">{row.text}</td></tr>
                  ))}
                </tbody>
              </table>
            }
          />
        </div>
      </div>
    </section>
  );
}
