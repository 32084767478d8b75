import { useQuery } from '@apollo/client/react';
import { useDeferredValue, useState, type FormEvent } from 'react';
import { useMutate } from '../../app/mutate';
import { href, navigate } from '../../app/router';
import { CREATE_DEPARTMENT, DEPARTMENTS } from './departments.graphql';
import type { UserError } from '../../graphql/fragments';
import { ME } from '../auth/auth.graphql';
import { t } from '../../i18n/zh-CN';

/** 部门列表: search by name (full or short) and region; each row links to the department's plans. */
export function DepartmentList() {
  // Only administrators create departments (the server refuses everyone else): others are not offered the form.
  const me = useQuery(ME, { fetchPolicy: 'cache-first' }).data?.me;
  const [name, setName] = useState('');
  const [region, setRegion] = useState('');
  const filter = useDeferredValue({ name: name.trim() || undefined, region: region.trim() || undefined });
  const { data, loading, fetchMore } = useQuery(DEPARTMENTS, { variables: { filter, first: 50 } });
  const connection = data?.departments;

  return (
    <section className="page">
      <h1 className="form-title">{t.departments.heading}</h1>
      <div className="toolbar">
        <input className="search" type="search" placeholder={t.departments.searchName} value={name} onChange={(e) => setName(e.target.value)} aria-label={t.departments.searchName} />
        <input className="search" type="search" placeholder={t.departments.searchRegion} value={region} onChange={(e) => setRegion(e.target.value)} aria-label={t.departments.searchRegion} />
        {connection && <span className="muted">{t.departments.total(connection.totalCount)}</span>}
      </div>
      <table className="form-table">
        <thead>
          <tr>
            <th>{t.departments.name}</th>
            <th>{t.departments.shortName}</th>
            <th>{t.departments.region}</th>
            <th>{t.departments.plans}</th>
          </tr>
        </thead>
        <tbody>
          {connection?.nodes.map((department) => (
            <tr key={department.id}>
              <td>
                <a href={href({ name: 'department', id: department.id })}>{department.name}</a>
              </td>
              <td>{department.shortName}</td>
              <td>{department.region}</td>
              <td>
                {department.plans.map((plan) => (
                  <a key={plan.id} className="chip" href={href({ name: 'plan', id: plan.id, view: 'planning' })}>
                    {plan.year}
                  </a>
                ))}
              </td>
            </tr>
          ))}
          {connection && connection.nodes.length === 0 && (
            <tr>
              <td colSpan={4} className="muted center">
                {t.departments.none}
              </td>
            </tr>
          )}
          {!connection && loading && (
            <tr>
              <td colSpan={4} className="muted center">
                {t.app.loading}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {connection?.pageInfo.hasNextPage && (
        <button type="button" className="btn" onClick={() => void fetchMore({ variables: { after: connection.pageInfo.endCursor }, updateQuery: (prev, { fetchMoreResult }) => ({ departments: { ...fetchMoreResult.departments, nodes: [...prev.departments.nodes, ...fetchMoreResult.departments.nodes] } }) })}>
          {t.departments.more}
        </button>
      )}
      {me?.role === 'ADMIN' && <CreateDepartment />}
    </section>
  );
}

function CreateDepartment() {
  const mutate = useMutate();
  const [fields, setFields] = useState({ name: '', shortName: '', region: '' });
  const [errors, setErrors] = useState<UserError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const outcome = await mutate(CREATE_DEPARTMENT, {
      input: { name: fields.name.trim(), shortName: fields.shortName.trim() || null, region: fields.region.trim() || null },
    }, { refetch: [DEPARTMENTS] });
    setErrors(outcome.userErrors);
    setFailure(outcome.failure);
    if (outcome.payload?.department && !outcome.userErrors.length) navigate({ name: 'department', id: outcome.payload.department.id });
  }

  const errorAt = (field: string) => errors.filter((e) => e.field.includes(field)).map((e) => e.message).join('；');
  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)}>
      <h2 className="block-title">{t.departments.create}</h2>
      {(['name', 'shortName', 'region'] as const).map((key) => (
        <label key={key}>
          <span>{t.departments[key]}</span>
          <input value={fields[key]} onChange={(e) => setFields({ ...fields, [key]: e.target.value })} aria-label={t.departments[key]} />
          {errorAt(key) && <span className="field-error">{errorAt(key)}</span>}
        </label>
      ))}
      <button className="btn btn-primary" type="submit">
        {t.departments.createSubmit}
      </button>
      {failure && <span className="field-error">{failure}</span>}
      {errors.filter((e) => !['name', 'shortName', 'region'].some((k) => e.field.includes(k))).map((e) => (
        <span className="field-error" key={e.message}>{e.message}</span>
      ))}
    </form>
  );
}
