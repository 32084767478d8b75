import { useState, type FormEvent } from 'react';
import { useMutate } from '../../app/mutate';
import { CHANGE_PASSWORD } from './auth.graphql';
import type { UserError } from '../../graphql/fragments';
import { t } from '../../i18n/zh-CN';

type Field = 'currentPassword' | 'newPassword' | 'confirmPassword';

/**
 * 修改密码 for the signed-in user. The server checks the current password (BAD_CREDENTIALS at 当前密码)
 * and the new one (INVALID at 新密码), and ends the user's other sessions; this one stays signed in.
 */
export function ChangePasswordDialog({ onClose }: { onClose: () => void }) {
  const mutate = useMutate();
  const [values, setValues] = useState<Record<Field, string>>({ currentPassword: '', newPassword: '', confirmPassword: '' });
  const [errors, setErrors] = useState<UserError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const local: UserError[] = [];
    for (const field of ['currentPassword', 'newPassword', 'confirmPassword'] as const) {
      if (!values[field]) local.push({ field: [field], message: t.auth.passwordRequired, code: 'REQUIRED' });
    }
    if (!local.length && values.newPassword !== values.confirmPassword) local.push({ field: ['confirmPassword'], message: t.auth.mismatch, code: 'INVALID' });
    if (local.length) {
      setErrors(local);
      return;
    }
    setBusy(true);
    const outcome = await mutate(CHANGE_PASSWORD, {
      currentPassword: values.currentPassword,
      newPassword: values.newPassword,
    });
    setBusy(false);
    setErrors(outcome.userErrors);
    setFailure(outcome.failure);
    if (outcome.payload?.user && !outcome.userErrors.length && !outcome.failure) {
      setValues({ currentPassword: '', newPassword: '', confirmPassword: '' });
      setDone(true);
    }
  }

  const known: string[] = ['currentPassword', 'newPassword', 'confirmPassword'];
  const errorAt = (field: Field) => errors.filter((e) => e.field.includes(field)).map((e) => e.message).join('；');
  const other = errors.filter((e) => !e.field.some((f) => known.includes(f)));
  const input = (field: Field, label: string, autoComplete: string) => (
    <label>
      <span>{label}</span>
      <input
        type="password"
        name={field}
        autoComplete={autoComplete}
        aria-label={label}
        aria-invalid={errorAt(field) ? true : undefined}
        autoFocus={field === 'currentPassword'}
        value={values[field]}
        onChange={(e) => {
          setValues({ ...values, [field]: e.target.value });
          setDone(false);
        }}
      />
      {errorAt(field) && <span className="field-error" role="alert">{errorAt(field)}</span>}
    </label>
  );

  return (
    <div className="modal-backdrop">
      <div className="modal" role="dialog" aria-modal="true" aria-label={t.auth.changePassword}>
        <form className="sign-in dialog-form" onSubmit={(e) => void submit(e)} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
          <h2 className="block-title">{t.auth.changePassword}</h2>
          <p className="muted small-note">{t.auth.passwordHint}</p>
          {input('currentPassword', t.auth.currentPassword, 'current-password')}
          {input('newPassword', t.auth.newPassword, 'new-password')}
          {input('confirmPassword', t.auth.confirmPassword, 'new-password')}
          {failure && <p className="field-error" role="alert">{failure}</p>}
          {other.map((e) => (
            <p className="field-error" role="alert" key={e.message}>{e.message}</p>
          ))}
          {done && <p className="done-note" role="status">{t.auth.passwordChanged}</p>}
          <span className="dialog-buttons">
            <button type="button" className="btn" onClick={onClose}>{done ? t.app.close : t.workflow.cancel}</button>
            <button type="submit" className="btn btn-primary" disabled={busy}>{busy ? t.app.saving : t.auth.changePassword}</button>
          </span>
        </form>
      </div>
    </div>
  );
}
