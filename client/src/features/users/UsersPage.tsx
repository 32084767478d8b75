import { useApolloClient, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { createPortal } from 'react-dom';
import { serialized, useMutate, type MutationOutcome } from '../../app/mutate';
import { CREATE_USER, DEPARTMENT_OPTIONS, UPDATE_USER, USERS } from './users.graphql';
import type { AdminUser } from './users.graphql';
import type { Role, User, UserError } from '../../graphql/fragments';
import type { DepartmentOptionsQuery } from '../../graphql/generated/graphql';
import { t } from '../../i18n/zh-CN';

const PAGE = 100;
const ROLES: Role[] = ['PLANNER', 'REVIEWER', 'EVALUATOR', 'ANALYST', 'ADMIN'];

type DepartmentOption = DepartmentOptionsQuery['departments']['nodes'][number];

/** The messages of the userErrors whose path names `field` (["input","departmentIds","0"] names departmentIds). */
const errorAt = (errors: UserError[], field: string) =>
  errors.filter((e) => e.field.includes(field)).map((e) => e.message).join('；');
const outside = (errors: UserError[], fields: string[]) => errors.filter((e) => !e.field.some((f) => fields.includes(f)));
const deptName = (d: DepartmentOption) => d.shortName || d.name;

/** 用户管理 (#/users): administrators only; the server refuses everyone else anyway. */
export function UsersPage({ me }: { me: User }) {
  if (me.role !== 'ADMIN') {
    return (
      <section className="page">
        <h1 className="form-title">{t.users.heading}</h1>
        <p className="muted">{t.users.forbidden}</p>
      </section>
    );
  }
  return <UserAdministration meId={me.id} />;
}

function UserAdministration({ meId }: { meId: string }) {
  const { data, loading, fetchMore } = useQuery(USERS, { variables: { first: PAGE } });
  const { data: options } = useQuery(DEPARTMENT_OPTIONS, { variables: { first: 100 } });
  const connection = data?.users;
  const departments = options?.departments.nodes ?? [];

  return (
    <section className="page">
      <h1 className="form-title">{t.users.heading}</h1>
      <div className="toolbar">{connection && <span className="muted">{t.users.total(connection.totalCount)}</span>}</div>
      <table className="form-table users-table">
        <thead>
          <tr>
            <th>{t.users.username}</th>
            <th>{t.users.displayName}</th>
            <th>{t.users.role}</th>
            <th>{t.users.departments}</th>
            <th>{t.users.status}</th>
            <th>{t.users.actions}</th>
          </tr>
        </thead>
        <tbody>
          {connection?.nodes.map((user) => <UserRow key={user.id} user={user} departments={departments} isSelf={user.id === meId} />)}
          {connection && connection.nodes.length === 0 && (
            <tr>
              <td colSpan={6} className="muted center">{t.users.none}</td>
            </tr>
          )}
          {!connection && loading && (
            <tr>
              <td colSpan={6} className="muted center">{t.app.loading}</td>
            </tr>
          )}
        </tbody>
      </table>
      {connection?.pageInfo.hasNextPage && (
        <button
          type="button"
          className="btn"
          onClick={() =>
            void fetchMore({
              variables: { after: connection.pageInfo.endCursor },
              updateQuery: (prev, { fetchMoreResult }) => ({
                users: { ...fetchMoreResult.users, nodes: [...prev.users.nodes, ...fetchMoreResult.users.nodes] },
              }),
            })
          }
        >
          {t.users.more}
        </button>
      )}
      <CreateUserForm departments={departments} />
    </section>
  );
}

/** Department checkboxes under a <details>: the summary lists the chosen ones. */
function DepartmentPicker({ label, options, selected, onChange, disabled }: { label: string; options: DepartmentOption[]; selected: string[]; onChange: (ids: string[]) => void; disabled?: boolean }) {
  const chosen = options.filter((d) => selected.includes(d.id));
  // Departments already assigned but not among the first 100 options still count as chosen.
  const summary = chosen.length ? chosen.map(deptName).join('、') : selected.length ? `${selected.length}` : t.users.noDepartments;
  return (
    <details className="dept-picker">
      <summary aria-label={`${label}：${summary}`}>{summary}</summary>
      <div className="dept-options" role="group" aria-label={label}>
        {options.map((d) => (
          <label key={d.id} title={d.name}>
            <input
              type="checkbox"
              disabled={disabled}
              checked={selected.includes(d.id)}
              onChange={(e) => onChange(e.target.checked ? [...selected, d.id] : selected.filter((id) => id !== d.id))}
            />
            {deptName(d)}
          </label>
        ))}
      </div>
    </details>
  );
}

/** One account: role, departments and 启用/停用 are saved as soon as they change; 重置密码 asks first. */
function UserRow({ user, departments, isSelf }: { user: AdminUser; departments: DepartmentOption[]; isSelf: boolean }) {
  const mutate = useMutate();
  const [errors, setErrors] = useState<UserError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState<{ role?: Role; departmentIds?: string[]; active?: boolean } | null>(null);
  const [resetting, setResetting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  // Changes to one user go out one after another, so a second click sees the first one's answer.
  function update(input: Record<string, unknown>): Promise<MutationOutcome<{ user: AdminUser | null }>> {
    return serialized(`user:${user.id}`, async () => {
      const outcome = await mutate(UPDATE_USER, { id: user.id, input });
      setErrors(outcome.userErrors);
      setFailure(outcome.failure);
      return outcome;
    });
  }

  async function change(input: { role?: Role; departmentIds?: string[]; active?: boolean }): Promise<void> {
    setNotice(null);
    setPending((p) => ({ ...p, ...input }));
    await update(input);
    // Forget only what this change set: a later change may still be on its way.
    setPending((p) => {
      if (!p) return p;
      const next: Record<string, unknown> = { ...p };
      for (const [key, value] of Object.entries(input)) if (next[key] === value) delete next[key];
      return Object.keys(next).length ? next : null;
    });
  }

  const role = pending?.role ?? user.role;
  const departmentIds = pending?.departmentIds ?? user.departments.map((d) => d.id);
  const known = ['role', 'departmentIds', 'active', 'password', 'displayName'];
  const rest = outside(errors, known);
  const label = (what: string) => `${user.username} ${what}`;

  return (
    <tr className={user.active ? undefined : 'user-inactive'} data-user={user.username}>
      <td>
        {user.username}
        {isSelf && <span className="muted">{t.users.self}</span>}
      </td>
      <td>
        {user.displayName}
        {errorAt(errors, 'displayName') && <span className="field-error">{errorAt(errors, 'displayName')}</span>}
      </td>
      <td>
        <select aria-label={label(t.users.role)} value={role} disabled={isSelf} onChange={(e) => void change({ role: e.target.value as Role })}>
          {ROLES.map((r) => (
            <option key={r} value={r}>{t.roles[r]}</option>
          ))}
        </select>
        {errorAt(errors, 'role') && <span className="field-error" role="alert">{errorAt(errors, 'role')}</span>}
      </td>
      <td>
        <DepartmentPicker label={label(t.users.departments)} options={departments} selected={departmentIds} onChange={(ids) => void change({ departmentIds: ids })} />
        {errorAt(errors, 'departmentIds') && <span className="field-error" role="alert">{errorAt(errors, 'departmentIds')}</span>}
      </td>
      <td>
        <span className={`user-state ${user.active ? 'user-state-on' : 'user-state-off'}`}>{user.active ? t.users.active : t.users.inactive}</span>
        {errorAt(errors, 'active') && <span className="field-error" role="alert">{errorAt(errors, 'active')}</span>}
      </td>
      <td>
        <span className="user-ops">
          {/* An administrator does not lock themselves out. */}
          <button type="button" className="btn small" aria-label={label(user.active ? t.users.deactivate : t.users.activate)} disabled={isSelf || pending?.active !== undefined} onClick={() => void change({ active: !user.active })}>
            {user.active ? t.users.deactivate : t.users.activate}
          </button>
          <button type="button" className="btn small" aria-label={label(t.users.resetPassword)} onClick={() => { setNotice(null); setResetting(true); }}>
            {t.users.resetPassword}
          </button>
        </span>
        {notice && <span className="done-note" role="status">{notice}</span>}
        {failure && <span className="field-error" role="alert">{failure}</span>}
        {rest.map((e) => (
          <span className="field-error" role="alert" key={e.message}>{e.message}</span>
        ))}
        {resetting &&
          createPortal(
          <ResetPasswordDialog
            user={user}
            onCancel={() => setResetting(false)}
            onSubmit={async (password) => {
              const outcome = await update({ password });
              if (outcome.payload?.user && !outcome.userErrors.length && !outcome.failure) {
                setResetting(false);
                setNotice(t.users.resetDone);
                return null;
              }
              // The dialog shows what went wrong with the password; the row keeps nothing of it.
              setErrors([]);
              setFailure(null);
              return outcome.failure ?? outcome.userErrors.map((e) => e.message).join('；');
            }}
          />,
          document.body,
        )}
      </td>
    </tr>
  );
}

function ResetPasswordDialog({ user, onCancel, onSubmit }: { user: AdminUser; onCancel: () => void; onSubmit: (password: string) => Promise<string | null> }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const title = t.users.resetTitle(user.displayName || user.username);
  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (!password) {
      setError(t.auth.passwordRequired);
      return;
    }
    setBusy(true);
    const problem = await onSubmit(password);
    setBusy(false);
    if (problem) setError(problem);
  }
  return (
    <div className="modal-backdrop">
      <div className="modal" role="dialog" aria-modal="true" aria-label={title}>
        <form className="sign-in dialog-form" onSubmit={(e) => void submit(e)} onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
          <h2 className="block-title">{title}</h2>
          <p className="muted small-note">{t.users.resetHint}</p>
          <label>
            <span>{t.auth.newPassword}</span>
            <input type="password" autoComplete="new-password" aria-label={t.auth.newPassword} autoFocus value={password} onChange={(e) => setPassword(e.target.value)} />
            {error && <span className="field-error" role="alert">{error}</span>}
          </label>
          <span className="dialog-buttons">
            <button type="button" className="btn" onClick={onCancel}>{t.workflow.cancel}</button>
            <button type="submit" className="btn btn-primary" disabled={busy}>{busy ? t.app.saving : t.users.resetPassword}</button>
          </span>
        </form>
      </div>
    </div>
  );
}

const EMPTY = { username: '', displayName: '', password: '', role: 'PLANNER' as Role, departmentIds: [] as string[] };

/** 新建用户. userErrors (DUPLICATE 登录名, INVALID 密码, REQUIRED 部门…) appear at their fields; the new row joins the table. */
function CreateUserForm({ departments }: { departments: DepartmentOption[] }) {
  const client = useApolloClient();
  const mutate = useMutate();
  const [fields, setFields] = useState(EMPTY);
  const [errors, setErrors] = useState<UserError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setNotice(null);
    const outcome = await mutate(CREATE_USER, {
      input: { username: fields.username.trim(), displayName: fields.displayName.trim(), password: fields.password, role: fields.role, departmentIds: fields.departmentIds },
    });
    setBusy(false);
    setErrors(outcome.userErrors);
    setFailure(outcome.failure);
    const created = outcome.payload?.user;
    if (!created || outcome.userErrors.length || outcome.failure) return;
    // The table lists users by sign-in name: the new one takes its place there.
    client.cache.updateQuery({ query: USERS, variables: { first: PAGE } }, (data) => {
      if (!data || data.users.nodes.some((u) => u.id === created.id)) return data;
      const nodes = [...data.users.nodes];
      const at = nodes.findIndex((u) => u.username > created.username);
      nodes.splice(at < 0 ? nodes.length : at, 0, created);
      return { users: { ...data.users, totalCount: data.users.totalCount + 1, nodes } };
    });
    setFields(EMPTY);
    setNotice(t.users.created(created.username));
  }

  const text = (key: 'username' | 'displayName' | 'password') => (
    <label>
      <span>{key === 'password' ? t.users.password : t.users[key]}</span>
      <input
        type={key === 'password' ? 'password' : 'text'}
        autoComplete={key === 'password' ? 'new-password' : 'off'}
        aria-label={key === 'password' ? t.users.password : t.users[key]}
        value={fields[key]}
        onChange={(e) => setFields({ ...fields, [key]: e.target.value })}
      />
      {errorAt(errors, key) && <span className="field-error" role="alert">{errorAt(errors, key)}</span>}
    </label>
  );
  const known = ['username', 'displayName', 'password', 'role', 'departmentIds'];

  return (
    <form className="inline-form" aria-label={t.users.create} onSubmit={(e) => void submit(e)}>
      <h2 className="block-title">{t.users.create}</h2>
      {text('username')}
      {text('displayName')}
      {text('password')}
      <label>
        <span>{t.users.role}</span>
        <select aria-label={t.users.role} value={fields.role} onChange={(e) => setFields({ ...fields, role: e.target.value as Role })}>
          {ROLES.map((r) => (
            <option key={r} value={r}>{t.roles[r]}</option>
          ))}
        </select>
        {errorAt(errors, 'role') && <span className="field-error" role="alert">{errorAt(errors, 'role')}</span>}
      </label>
      <div className="field">
        <span className="field-label">{t.users.departments}</span>
        <DepartmentPicker label={t.users.departments} options={departments} selected={fields.departmentIds} onChange={(ids) => setFields({ ...fields, departmentIds: ids })} />
        {errorAt(errors, 'departmentIds') && <span className="field-error" role="alert">{errorAt(errors, 'departmentIds')}</span>}
      </div>
      <button className="btn btn-primary" type="submit" disabled={busy}>
        {busy ? t.app.saving : t.users.createSubmit}
      </button>
      {notice && <span className="done-note" role="status">{notice}</span>}
      {failure && <span className="field-error" role="alert">{failure}</span>}
      {outside(errors, known).map((e) => (
        <span className="field-error" role="alert" key={e.message}>{e.message}</span>
      ))}
    </form>
  );
}
