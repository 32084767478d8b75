import type { CheckWarning } from '../../graphql/fragments';
import { t } from '../../i18n/zh-CN';
import { locate } from './locate';

/** 勾稽关系 warnings from the server; each entry scrolls to and highlights the row it is about. */
export function ChecksPanel({ checks }: { checks: CheckWarning[] }) {
  return (
    <aside className="checks" aria-label={t.evaluation.checks}>
      <h2 className="block-title">{t.evaluation.checks}（{checks.length}）</h2>
      {checks.length === 0 ? (
        <p className="muted">{t.evaluation.noChecks}</p>
      ) : (
        <ul>
          {checks.map((check, index) => (
            <li key={`${check.code}-${check.location.stage ?? ''}-${index}`}>
              <button type="button" className="link" onClick={() => highlight(check)}>
                <span className="check-code">{check.location.stage ? `${stageLabel(check.location.stage)} · ` : ''}</span>
                {check.message}
              </button>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}

function highlight(check: CheckWarning): void {
  const element = locate(check, document);
  if (!element) return;
  element.scrollIntoView({ behavior: 'smooth', block: 'center' });
  element.classList.remove('flash');
  void element.getBoundingClientRect();
  element.classList.add('flash');
}

function stageLabel(stage: string): string {
  return (t.budget as Record<string, unknown>)[stage] as string | undefined ?? stage;
}
