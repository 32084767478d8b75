import { useState, useSyncExternalStore, type FormEvent } from 'react';
import { t } from '../i18n/zh-CN';

/** A question for a reason (退回原因, 调整原因, 批复意见): one at a time, answered in a dialog over the page. */
interface ReasonRequest {
  title: string;
  label: string;
  hint?: string;
  /** Text the answer starts from (批复意见: 同意). */
  initial?: string;
  /** An empty answer is accepted (resolves to ''), e.g. an optional 批复意见. */
  optional?: boolean;
  resolve: (reason: string | null) => void;
}

let current: ReasonRequest | null = null;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());

/** Asks for a reason; resolves to the trimmed text, or null when cancelled. */
export function askReason(question: Omit<ReasonRequest, 'resolve'>): Promise<string | null> {
  current?.resolve(null);
  return new Promise((resolve) => {
    current = {
      ...question,
      resolve: (reason) => {
        current = null;
        notify();
        resolve(reason);
      },
    };
    notify();
  });
}

/** Mounted once in the app; shows the pending question, if any. */
export function ReasonDialogHost() {
  const request = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
  if (!request) return null;
  return <ReasonDialog key={request.title + request.label} request={request} />;
}

function ReasonDialog({ request }: { request: ReasonRequest }) {
  const [text, setText] = useState(request.initial ?? '');
  const [error, setError] = useState<string | null>(null);
  function submit(event: FormEvent): void {
    event.preventDefault();
    if (!text.trim() && !request.optional) {
      setError(t.workflow.reasonRequired);
      return;
    }
    request.resolve(text.trim());
  }
  return (
    <div className="modal-backdrop">
      <div className="modal" role="dialog" aria-modal="true" aria-label={request.title}>
        <form className="sign-in dialog-form" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && request.resolve(null)}>
          <h2 className="block-title">{request.title}</h2>
          {request.hint && <p className="sign-in-note">{request.hint}</p>}
          <label>
            <span>{request.label}</span>
            <textarea aria-label={request.label} rows={3} autoFocus value={text} onChange={(e) => setText(e.target.value)} />
          </label>
          {error && <p className="field-error" role="alert">{error}</p>}
          <span className="dialog-buttons">
            <button type="button" className="btn" onClick={() => request.resolve(null)}>{t.workflow.cancel}</button>
            <button type="submit" className="btn btn-primary">{t.workflow.confirm}</button>
          </span>
        </form>
      </div>
    </div>
  );
}
