import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { AUDIT_LOG } from './plan.graphql';
import type { AuditEntry } from './plan.graphql';
import type { Indicator } from '../../graphql/fragments';
import { t } from '../../i18n/zh-CN';

/** 历史: a small button on an indicator row that opens the history of its cells. */
export function HistoryButton({ planId, indicator }: { planId: string; indicator: Pick<Indicator, 'id' | 'name'> }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="history-btn" title={t.history.title(indicator.name)} aria-label={`${t.history.button} ${indicator.name}`} onClick={() => setOpen(true)}>
        {t.history.button}
      </button>
      {open && <HistoryPanel planId={planId} objectType="Indicator" objectId={indicator.id} title={indicator.name} onClose={() => setOpen(false)} />}
    </>
  );
}

/**
 * Who changed what, when, from what to what, and why — one object's audit trail (newest first), read
 * from the server's append-only log. Nothing here can change it.
 */
export function HistoryPanel({ planId, objectType, objectId, title, onClose }: { planId: string; objectType: string; objectId: string; title: string; onClose: () => void }) {
  const { data, loading, error, fetchMore } = useQuery(AUDIT_LOG, {
    variables: { planId, objectType, objectId, first: 50 },
    fetchPolicy: 'network-only',
  });
  const log = data?.auditLog;
  return (
    <div className="modal-backdrop drawer-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <aside className="drawer" role="dialog" aria-modal="true" aria-label={t.history.title(title)} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
        <header className="drawer-head">
          <h2 className="block-title">{t.history.title(title)}</h2>
          <button type="button" className="btn small" onClick={onClose} autoFocus>{t.app.close}</button>
        </header>
        {log && <p className="muted small">{t.history.total(log.totalCount)}</p>}
        {!log && loading && <p className="muted">{t.app.loading}</p>}
        {error && <p className="field-error" role="alert">{error.message}</p>}
        {log && log.nodes.length === 0 && <p className="muted">{t.history.none}</p>}
        {log && log.nodes.length > 0 && (
          <ol className="history">
            {log.nodes.map((entry) => (
              <li key={entry.id} data-audit={entry.id} data-field={entry.field}>
                <div className="history-meta">
                  <time dateTime={entry.at}>{formatTime(entry.at)}</time>
                  <span className="history-who">{entry.userName}</span>
                  <span className="history-field">{t.history.fields[entry.field] ?? entry.field}</span>
                </div>
                {entry.field === 'CREATED' || entry.field === 'DELETED' ? (
                  <div className="history-change">{summary(entry)}</div>
                ) : (
                  <div className="history-change">
                    <span className="history-before">{readJson(entry.before)}</span>
                    <span className="muted"> → </span>
                    <span className="history-after">{readJson(entry.after)}</span>
                  </div>
                )}
                {entry.reason && <div className="history-reason">{t.history.reason}：{entry.reason}</div>}
              </li>
            ))}
          </ol>
        )}
        {log?.pageInfo.hasNextPage && (
          <button type="button" className="btn small" onClick={() => void fetchMore({ variables: { after: log.pageInfo.endCursor }, updateQuery: (prev, { fetchMoreResult }) => ({ auditLog: { ...fetchMoreResult.auditLog, nodes: [...prev.auditLog.nodes, ...fetchMoreResult.auditLog.nodes] } }) })}>
            {t.history.more}
          </button>
        )}
      </aside>
    </div>
  );
}

/** `before`/`after` are JSON: a string reads as itself, null as （空）, anything else compactly. */
export function readJson(value: string | null): string {
  if (value === null || value === undefined) return t.app.empty;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return value;
  }
  if (parsed === null || parsed === '') return t.app.empty;
  if (typeof parsed === 'string' || typeof parsed === 'number' || typeof parsed === 'boolean') return String(parsed);
  return JSON.stringify(parsed);
}

/** A whole object created or deleted: its name, not a dump of every column. */
function summary(entry: AuditEntry): string {
  const label = t.history.fields[entry.field] ?? entry.field;
  try {
    const object = JSON.parse((entry.field === 'CREATED' ? entry.after : entry.before) ?? 'null') as { name?: string } | null;
    return object?.name ? `${label}：${object.name}` : label;
  } catch {
    return label;
  }
}

function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}
