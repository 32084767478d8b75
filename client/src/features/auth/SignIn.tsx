import { useApolloClient } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { createPortal } from 'react-dom';
import { useMutate } from '../../app/mutate';
import { signedIn } from '../../app/session';
import { ME, SIGN_IN, SIGN_OUT } from './auth.graphql';
import type { User } from '../../graphql/fragments';
import { t } from '../../i18n/zh-CN';
import { ChangePasswordDialog } from './ChangePasswordDialog';

/**
 * 登录. As a page when nobody is signed in; as a dialog over the page when a session ends mid-work,
 * so that nothing underneath unmounts and typed text stays in its cells. The server sets an HttpOnly
 * cookie: the client keeps no token.
 */
export function SignIn({ overlay = false, username: knownName = '' }: { overlay?: boolean; username?: string }) {
  const client = useApolloClient();
  const mutate = useMutate();
  const [username, setUsername] = useState(knownName);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (!username.trim() || !password) {
      setError(t.auth.required);
      return;
    }
    setBusy(true);
    const outcome = await mutate(SIGN_IN, { username: username.trim(), password });
    setBusy(false);
    const user = outcome.payload?.user;
    if (!user || outcome.userErrors.length || outcome.failure) {
      setError(outcome.failure ?? outcome.userErrors.map((e) => e.message).join('；'));
      return;
    }
    setPassword('');
    client.writeQuery({ query: ME, data: { me: user } });
    // Saves that were refused go out again; then every query on the page is read afresh.
    signedIn();
    void client.refetchObservableQueries();
  }

  const form = (
    <form className="sign-in" onSubmit={(e) => void submit(e)} aria-label={t.auth.title}>
      <h1 className="form-title">{overlay ? t.auth.title : `绩效 · ${t.app.title}`}</h1>
      {overlay && <p className="sign-in-note" role="status">{t.auth.expired}</p>}
      <label>
        <span>{t.auth.username}</span>
        <input name="username" autoComplete="username" aria-label={t.auth.username} value={username} onChange={(e) => setUsername(e.target.value)} autoFocus={!knownName} />
      </label>
      <label>
        <span>{t.auth.password}</span>
        <input name="password" type="password" autoComplete="current-password" aria-label={t.auth.password} value={password} onChange={(e) => setPassword(e.target.value)} autoFocus={!!knownName} />
      </label>
      {error && <p className="field-error" role="alert">{error}</p>}
      <button className="btn btn-primary" type="submit" disabled={busy}>
        {busy ? t.auth.signingIn : t.auth.submit}
      </button>
    </form>
  );
  if (!overlay) return <div className="sign-in-page">{form}</div>;
  return (
    <div className="modal-backdrop">
      <div className="modal" role="dialog" aria-modal="true" aria-label={t.auth.title}>
        {form}
      </div>
    </div>
  );
}

/** The signed-in user and role in the header, with 修改密码 and 退出. */
export function UserMenu({ user }: { user: User }) {
  const client = useApolloClient();
  const mutate = useMutate();
  const [changingPassword, setChangingPassword] = useState(false);
  async function signOut(): Promise<void> {
    await mutate(SIGN_OUT, {});
    // Drop everything this user could read; the sign-in page replaces the app.
    await client.clearStore();
    client.writeQuery({ query: ME, data: { me: null } });
  }
  return (
    <span className="user-menu">
      <span className="user-name" data-user={user.username}>{user.displayName}</span>
      <span className="role-tag" data-role={user.role}>{t.roles[user.role] ?? user.role}</span>
      <button type="button" className="btn small header-btn" onClick={() => setChangingPassword(true)}>
        {t.auth.changePassword}
      </button>
      <button type="button" className="btn small header-btn" onClick={() => void signOut()}>
        {t.auth.signOut}
      </button>
      {/* Over the page, not inside the header (whose text is white). */}
      {changingPassword && createPortal(<ChangePasswordDialog onClose={() => setChangingPassword(false)} />, document.body)}
    </span>
  );
}
