import type { GapStatus } from '../graphql/fragments';
import { t } from '../i18n/zh-CN';

/** The server's gap status as a coloured tag; the explanation shows on hover. */
export function StatusTag({ status, explanation }: { status: GapStatus; explanation?: string | null }) {
  return (
    <span className={`tag tag-${status.toLowerCase().replace(/_/g, '-')}`} title={explanation ?? undefined} data-status={status}>
      {t.gap[status] ?? status}
    </span>
  );
}

/** Completion as a small bar; the percentage is the server's, the bar only draws it. */
export function CompletionBar({ percent, title }: { percent: string | number | null | undefined; title?: string | null }) {
  if (percent === null || percent === undefined || percent === '') return null;
  // The server writes "83.33%"; the bar only needs the number for its width, the label shows the text.
  const figure = String(percent).replace(/%$/, '');
  const n = Number(figure);
  const width = Number.isFinite(n) ? Math.max(0, Math.min(100, n)) : 0;
  return (
    <span className="bar" title={title ?? undefined}>
      <span className="bar-fill" style={{ width: `${width}%` }} />
      <span className="bar-label">{figure}%</span>
    </span>
  );
}
