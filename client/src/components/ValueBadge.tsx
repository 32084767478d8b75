import type { IndicatorValue } from '../graphql/fragments';
import { t } from '../i18n/zh-CN';

/**
 * The server's reading of a 指标值 or 实际完成值, shown beside the cell ("不少于12次" → "≥ 12 次").
 * TEXT gets a warning style (an evaluator will judge it); compound targets get a hint to split.
 */
export function ValueBadge({ reading, live = false }: { reading: IndicatorValue | null | undefined; live?: boolean }) {
  if (!reading) return null;
  const warn = reading.kind === 'TEXT';
  const tip = [reading.explanation, ...reading.hints.map((hint) => hint.display)].filter(Boolean).join('\n');
  return (
    <span className="reading">
      <span
        className={`badge badge-${reading.kind.toLowerCase()}${warn ? ' badge-warn' : ''}${live ? ' badge-live' : ''}`}
        title={tip || (warn ? t.indicator.textWarning : undefined)}
        data-kind={reading.kind}
      >
        {warn ? `⚠ ${reading.display || t.indicator.textWarning}` : reading.display}
      </span>
      {reading.splitSuggested && (
        <span className="hint" role="note">
          {t.indicator.splitHint}
          {reading.hints.length ? `：${reading.hints.map((hint) => hint.display).join('；')}` : ''}
        </span>
      )}
    </span>
  );
}
