import { useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useMutate } from '../../app/mutate';
import { href, navigate } from '../../app/router';
import { CREATE_PLAN, DEPARTMENT, DEPARTMENTS } from './departments.graphql';
import type { PlanSummary } from './departments.graphql';
import type { UserError } from '../../graphql/fragments';
import { t } from '../../i18n/zh-CN';

/** A department's plans by year, and 新建年度计划 (empty or copied from an earlier year). */
export function DepartmentPage({ id }: { id: string }) {
  const { data, loading } = useQuery(DEPARTMENT, { variables: { id } });
  const department = data?.department;
  if (!department) return <p className="muted page">{loading ? t.app.loading : t.errors.notFound}</p>;
  const plans = [...department.plans].sort((a, b) => b.year - a.year);
  return (
    <section className="page">
      <p>
        <a href={href({ name: 'departments' })}>← {t.plans.back}</a>
      </p>
      <h1 className="form-title">{department.name}</h1>
      <p className="muted center">
        {[department.shortName, department.region, department.code].filter(Boolean).join(' · ')}
      </p>
      <table className="form-table narrow">
        <thead>
          <tr>
            <th>{t.plans.year}</th>
            <th>{t.plans.status}</th>
            <th>{t.indicator.ops}</th>
          </tr>
        </thead>
        <tbody>
          {plans.map((plan) => (
            <tr key={plan.id}>
              <td className="center">{plan.year}</td>
              <td className="center">{t.status[plan.status] ?? plan.status}</td>
              <td className="center">
                <a className="chip" href={href({ name: 'plan', id: plan.id, view: 'planning' })}>{t.plans.planning}</a>
                <a className="chip" href={href({ name: 'plan', id: plan.id, view: 'evaluation' })}>{t.plans.evaluation}</a>
              </td>
            </tr>
          ))}
          {plans.length === 0 && (
            <tr>
              <td colSpan={3} className="muted center">{t.plans.none}</td>
            </tr>
          )}
        </tbody>
      </table>
      <CreatePlan departmentId={department.id} plans={plans} />
    </section>
  );
}

function CreatePlan({ departmentId, plans }: { departmentId: string; plans: PlanSummary[] }) {
  const mutate = useMutate();
  const latest = plans[0];
  const [year, setYear] = useState(String(latest ? latest.year + 1 : new Date().getFullYear()));
  const [copyFrom, setCopyFrom] = useState(latest?.id ?? '');
  const [errors, setErrors] = useState<UserError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const outcome = await mutate(CREATE_PLAN, {
      input: { departmentId, year: Number(year), copyFromPlanId: copyFrom || null },
    }, { refetch: [DEPARTMENT, DEPARTMENTS] });
    setErrors(outcome.userErrors);
    setFailure(outcome.failure);
    if (outcome.payload?.plan && !outcome.userErrors.length) navigate({ name: 'plan', id: outcome.payload.plan.id, view: 'planning' });
  }

  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)}>
      <h2 className="block-title">{t.plans.create}</h2>
      <label>
        <span>{t.plans.year}</span>
        <input type="number" value={year} onChange={(e) => setYear(e.target.value)} aria-label={t.plans.year} />
      </label>
      <label>
        <span>{t.plans.copyFrom}</span>
        <select value={copyFrom} onChange={(e) => setCopyFrom(e.target.value)} aria-label={t.plans.copyFrom}>
          <option value="">{t.plans.emptyPlan}</option>
          {plans.map((plan) => (
            <option key={plan.id} value={plan.id}>{plan.year}</option>
          ))}
        </select>
      </label>
      <button className="btn btn-primary" type="submit">{t.plans.createSubmit}</button>
      {failure && <span className="field-error">{failure}</span>}
      {errors.map((e) => (
        <span className="field-error" key={e.message}>{e.message}</span>
      ))}
    </form>
  );
}
