import { useQuery } from '@apollo/client/react';
import { href } from '../../app/router';
import { PLAN } from '../../graphql/operations';
import type { Plan } from '../../graphql/types';
import { t } from '../../i18n/zh-CN';
import { EvaluationView } from '../evaluation/EvaluationView';
import { PlanningView } from './PlanningView';

/** One plan, in its 目标编制 or 绩效自评 view. */
export function PlanPage({ id, view }: { id: string; view: 'planning' | 'evaluation' }) {
  const { data, loading, error } = useQuery<{ plan: Plan | null }>(PLAN, { variables: { id } });
  const plan = data?.plan;
  if (!plan) return <p className="page muted">{loading ? t.app.loading : error ? error.message : t.errors.notFound}</p>;
  return (
    <section className="page">
      <nav className="plan-nav">
        <a href={href({ name: 'department', id: plan.department.id })}>← {plan.department.shortName ?? plan.department.name}</a>
        <span className="plan-year">{plan.year}</span>
        <span className="muted">{t.status[plan.status] ?? plan.status}</span>
        <span className="tabs" role="tablist">
          <a role="tab" aria-selected={view === 'planning'} className={view === 'planning' ? 'tab active' : 'tab'} href={href({ name: 'plan', id, view: 'planning' })}>
            {t.plans.planning}
          </a>
          <a role="tab" aria-selected={view === 'evaluation'} className={view === 'evaluation' ? 'tab active' : 'tab'} href={href({ name: 'plan', id, view: 'evaluation' })}>
            {t.plans.evaluation}
          </a>
        </span>
      </nav>
      {view === 'planning' ? <PlanningView plan={plan} /> : <EvaluationView plan={plan} />}
    </section>
  );
}
