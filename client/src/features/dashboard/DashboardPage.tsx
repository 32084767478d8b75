import { useMemo } from 'react';
import { useQuery } from '@apollo/client/react';
import { href, navigate } from '../../app/router';
import { t } from '../../i18n/zh-CN';
import { EChart } from '../charts/EChart';
import { departmentChartOption, departmentSummary } from '../charts/options';
import { DASHBOARD_PLANS, DASHBOARD_STATS, DASHBOARD_YEARS } from './dashboard.graphql';
import { departmentRows, needsPlanFigures } from './department-rows';

/** 年度绩效分析 for analysts: each department's 综合得分, 等次 and 预算执行率 in a chosen year. */
export function DashboardPage({ year: chosen }: { year: number | null }) {
  const years = useQuery(DASHBOARD_YEARS);
  const available = useMemo(() => (years.data?.planStats ?? []).flatMap((row) => (row.year ? [row.year] : [])).sort((a, b) => b - a), [years.data]);
  const year = chosen ?? available[0] ?? null;
  const stats = useQuery(DASHBOARD_STATS, { variables: { year: year ?? 0 }, skip: year == null });
  const statRows = stats.data?.planStats ?? [];
  const plans = useQuery(DASHBOARD_PLANS, { variables: { year: year ?? 0 }, skip: year == null || !stats.data || !needsPlanFigures(statRows) });
  const rows = useMemo(() => departmentRows(statRows, plans.data?.plans.nodes ?? []), [statRows, plans.data]);
  const option = useMemo(() => departmentChartOption(rows), [rows]);
  const loading = years.loading || stats.loading || plans.loading;

  return (
    <section className="page dashboard" aria-label={t.dashboard.title}>
      <h1 className="form-title">{t.dashboard.title}</h1>
      <div className="dashboard-controls">
        <label>
          <span>{t.dashboard.year} </span>
          <select aria-label={t.dashboard.year} value={year ?? ''} onChange={(e) => navigate({ name: 'analysis', year: Number(e.target.value) })}>
            {available.map((option) => <option key={option} value={option}>{option}</option>)}
          </select>
        </label>
        {loading && <span className="muted">{t.dashboard.loading}</span>}
      </div>
      {!loading && rows.length === 0 ? (
        <p className="muted">{t.dashboard.none}</p>
      ) : (
        <>
          <h2 className="block-title">{t.dashboard.chart}</h2>
          <EChart
            option={option}
            summary={departmentSummary(rows)}
            height={320}
          />
          <DepartmentTable rows={rows} />
        </>
      )}
    </section>
  );
}

function DepartmentTable({ rows }: { rows: ReturnType<typeof departmentRows> }) {
  return (
    <table className="form-table" data-dashboard-table="">
      <thead>
        <tr>
          <th>{t.dashboard.department}</th>
          <th>{t.dashboard.plans}</th>
          <th>{t.dashboard.score}</th>
          <th>{t.dashboard.grade}</th>
          <th>{t.dashboard.executionRate}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.departmentId}>
            <td><a href={href({ name: 'department', id: row.departmentId })}>{row.name}</a></td>
            <td className="num">{row.planCount}</td>
            <td className="num">{row.score ?? '—'}</td>
            <td>{row.grade ?? '—'}</td>
            <td className="num">{row.executionRatePercent ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
