import { useQuery } from '@apollo/client/react';
import { LEVEL1_LABELS } from '@jixiao/vocabulary';
import { useEffect, useState, type FormEvent } from 'react';
import { EditableCell } from '../../components/EditableCell';
import { CompletionBar, StatusTag } from '../../components/StatusTag';
import { ValueBadge } from '../../components/ValueBadge';
import { PARSE_INDICATOR_VALUE } from './indicator.graphql';
import type { Gap, Indicator, IndicatorValue, StructuredTarget } from '../../graphql/fragments';
import type { CellOutcome } from '../../app/mutate';
import { t } from '../../i18n/zh-CN';
import { usePlanAccess } from './access';
import { groupRows } from './group-rows';
import { HistoryButton } from './HistoryPanel';
import { useIndicatorActions } from './indicator-actions';
import { StructuredTargetForm } from './StructuredTargetForm';

export type TableMode = 'planning' | 'evaluation';

interface Props {
  planId: string;
  lineItemId: string | null;
  indicators: Indicator[];
  mode: TableMode;
}

/** The indicator table of a plan or a 子项, grouped by 一级/二级 with merged cells like the forms. */
export function IndicatorTable({ planId, lineItemId, indicators, mode }: Props) {
  const actions = useIndicatorActions();
  const access = usePlanAccess();
  const rows = [...indicators].sort((a, b) => a.position - b.position);
  const grouped = groupRows(rows, (i) => i.level1Label, (i) => `${i.level1Label}/${i.level2Label ?? ''}`);
  const evaluation = mode === 'evaluation';

  return (
    <div className="table-wrap">
      <table className="form-table indicators">
        <colgroup>
          <col className="w-level" />
          <col className="w-level" />
          <col className="w-name" />
          <col className="w-value" />
          {evaluation && <col className="w-value" />}
          <col className="w-num" />
          {evaluation && <col className="w-gap" />}
          {evaluation && <col className="w-num" />}
          {evaluation && <col className="w-num" />}
          {evaluation ? <col className="w-reason" /> : <col className="w-remark" />}
          {!evaluation && <col className="w-ops" />}
        </colgroup>
        <thead>
          <tr>
            <th>{t.indicator.level1}</th>
            <th>{t.indicator.level2}</th>
            <th>{t.indicator.name}</th>
            <th>{t.indicator.target}</th>
            {evaluation && <th>{t.indicator.actual}</th>}
            <th>{t.indicator.weight}</th>
            {evaluation && <th>{t.indicator.gap}</th>}
            {evaluation && <th>{t.indicator.suggested}</th>}
            {evaluation && <th>{t.indicator.score}</th>}
            <th>{evaluation ? t.indicator.deduction : t.indicator.remark}</th>
            {!evaluation && <th className="ops-head">{t.indicator.ops}</th>}
          </tr>
        </thead>
        <tbody>
          {grouped.map(({ row, level1Span, level2Span, level1Group, level2Group }, index) => (
            <tr key={row.id} id={`indicator-${row.id}`} data-indicator={row.id}>
              {level1Span > 0 && (
                <td rowSpan={level1Span} className="level">
                  <EditableCell
                    col="level1"
                    label={t.indicator.level1}
                    value={row.level1Label}
                    readOnly={evaluation || !access.draft}
                    onCommit={(text) => actions.setGroupLabel(level1Group, 'level1Label', text)}
                  />
                </td>
              )}
              {level2Span > 0 && (
                <td rowSpan={level2Span} className="level">
                  <EditableCell
                    col="level2"
                    label={t.indicator.level2}
                    value={row.level2Label ?? ''}
                    readOnly={evaluation || !access.draft}
                    onCommit={(text) => actions.setGroupLabel(level2Group, 'level2Label', text)}
                  />
                </td>
              )}
              <td className="name-cell">
                <EditableCell col="name" label={t.indicator.name} value={row.name} readOnly={evaluation || !access.draft} onCommit={(text) => actions.setField(row, 'name', text)} />
                <HistoryButton planId={planId} indicator={row} />
                {row.unknownLevelLabels.length > 0 && (
                  <span className="hint" title={row.unknownLevelLabels.join('、')}>
                    {t.indicator.unknownLevel}：{row.unknownLevelLabels.join('、')}
                  </span>
                )}
              </td>
              <td>
                <ValueCell
                  indicator={row}
                  role="target"
                  readOnly={evaluation || !access.target}
                  onCommit={(text) => actions.setField(row, 'target', text)}
                  onStructured={(structured) => actions.setStructured(row, structured)}
                />
              </td>
              {evaluation && (
                <td>
                  <ValueCell indicator={row} role="actual" readOnly={!access.evaluate} onCommit={(text) => actions.setField(row, 'actual', text)} />
                </td>
              )}
              <td>
                <EditableCell col="weight" align="right" label={t.indicator.weight} value={row.weight ?? ''} readOnly={!access.weight} onCommit={(text) => actions.setField(row, 'weight', text)} />
              </td>
              {evaluation && (
                <td className="gap-cell" title={row.gap?.explanation ?? undefined}>
                  {row.gap ? (
                    <>
                      <StatusTag status={row.gap.status} explanation={row.gap.explanation} />
                      <CompletionBar percent={row.gap.completionPercent} title={row.gap.explanation} />
                      <GapDetail gap={row.gap} />
                      {row.gap.warnings.map((w) => (
                        <span key={w.code} className="hint" title={w.message}>⚠ {w.message}</span>
                      ))}
                    </>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
              )}
              {evaluation && (
                <td className="num suggested" title={row.gap?.explanation ?? undefined}>
                  {row.gap?.suggestedScore ?? ''}
                </td>
              )}
              {evaluation && (
                <td>
                  <EditableCell
                    col="score"
                    align="right"
                    label={t.indicator.score}
                    value={row.score ?? ''}
                    placeholder={row.gap?.suggestedScore ?? ''}
                    readOnly={!access.evaluate}
                    onCommit={(text) => actions.setField(row, 'score', text)}
                  />
                  {row.scoreUnconfirmed && <span className="hint" data-unconfirmed="" title={t.indicator.unconfirmedTitle}>{t.indicator.unconfirmed}</span>}
                </td>
              )}
              <td>
                {evaluation ? (
                  <>
                    <EditableCell col="deduction" label={t.indicator.deduction} value={row.deduction ?? ''} readOnly={!access.evaluate} onCommit={(text) => actions.setField(row, 'deduction', text)} />
                    {access.evaluate ? (
                      <span className="gap-detail" data-deviation-reason="">
                        <EditableCell col="deviationReason" label={t.indicator.deviationReason} value={row.deviationReason ?? ''} placeholder={t.indicator.deviationReason} onCommit={(text) => actions.setField(row, 'deviationReason', text)} />
                      </span>
                    ) : (
                      row.deviationReason && <span className="gap-detail" data-deviation-reason="">{t.indicator.deviationReason}：{row.deviationReason}</span>
                    )}
                  </>
                ) : (
                  <EditableCell col="remark" label={t.indicator.remark} value={row.remark ?? ''} readOnly={!access.draft} onCommit={(text) => actions.setField(row, 'remark', text)} />
                )}
              </td>
              {!evaluation && (
                <td className="ops">
                  {access.draft && <RowOps
                    first={index === 0}
                    last={index === rows.length - 1}
                    onUp={() => actions.move(row, row.position - 1)}
                    onDown={() => actions.move(row, row.position + 1)}
                    onDelete={() => (window.confirm(t.indicator.confirmDelete) ? actions.remove(row) : Promise.resolve(null))}
                  />}
                </td>
              )}
            </tr>
          ))}
          {rows.length === 0 && (
            <tr>
              <td colSpan={evaluation ? 10 : 7} className="muted center">{t.indicator.none}</td>
            </tr>
          )}
        </tbody>
      </table>
      {!evaluation && access.draft && <AddIndicator planId={planId} lineItemId={lineItemId} />}
    </div>
  );
}

/**
 * 指标值 / 实际完成值 with the server's reading beside it, live while typing. A target the user may edit
 * also has 设定 (state its structure explicitly); an explicit one is marked 已设定.
 */
function ValueCell({ indicator, role, readOnly, onCommit, onStructured }: { indicator: Indicator; role: 'target' | 'actual'; readOnly?: boolean; onCommit: (text: string) => Promise<CellOutcome>; onStructured?: (structured: StructuredTarget | null) => Promise<CellOutcome> }) {
  const [draft, setDraft] = useState<string | null>(null);
  const [setting, setSetting] = useState(false);
  const live = useLiveReading(draft, indicator, role);
  const stored = role === 'target' ? indicator.target : indicator.actual;
  return (
    <div className="value-cell">
      <EditableCell
        col={role}
        label={role === 'target' ? t.indicator.target : t.indicator.actual}
        value={(role === 'target' ? indicator.targetText : indicator.actualText) ?? ''}
        readOnly={readOnly}
        onDraft={setDraft}
        onCommit={onCommit}
      />
      <span className="reading-line">
        <ValueBadge reading={draft !== null ? (live ?? stored) : stored} live={draft !== null && live !== null} />
        {role === 'target' && stored?.explicit && draft === null && (
          <span className="badge badge-explicit" data-explicit="" title={t.structured.explicitTitle}>{t.structured.explicit}</span>
        )}
        {onStructured && !readOnly && (
          <button type="button" className="link structured-open" title={t.structured.openTitle} aria-expanded={setting} aria-label={`${t.structured.open} ${indicator.name}`} onClick={() => setSetting((open) => !open)}>
            {t.structured.open}
          </button>
        )}
      </span>
      {setting && onStructured && <StructuredTargetForm reading={stored} onSubmit={onStructured} onClose={() => setSetting(false)} />}
    </div>
  );
}

/** Asks the server how it reads the text being typed (debounced); null until it answers. */
function useLiveReading(text: string | null, indicator: Indicator, role: 'target' | 'actual'): IndicatorValue | null {
  const [debounced, setDebounced] = useState<string | null>(text);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(text), 200);
    return () => clearTimeout(timer);
  }, [text]);
  const { data, previousData } = useQuery(PARSE_INDICATOR_VALUE, {
    variables: { text: debounced ?? '', level1: indicator.level1, level2: indicator.level2, name: indicator.name, role: role === 'target' ? 'TARGET' : 'ACTUAL' },
    skip: text === null || !debounced || !debounced.trim(),
    fetchPolicy: 'cache-first',
  });
  if (text === null || !text.trim()) return null;
  return (data ?? previousData)?.parseIndicatorValue ?? null;
}

function RowOps({ first, last, onUp, onDown, onDelete }: { first: boolean; last: boolean; onUp: () => Promise<string | null>; onDown: () => Promise<string | null>; onDelete: () => Promise<string | null> }) {
  const [error, setError] = useState<string | null>(null);
  const run = (action: () => Promise<string | null>) => async () => setError(await action());
  return (
    <span className="row-ops">
      <button type="button" className="icon" title={t.indicator.moveUp} aria-label={t.indicator.moveUp} disabled={first} onClick={run(onUp)}>↑</button>
      <button type="button" className="icon" title={t.indicator.moveDown} aria-label={t.indicator.moveDown} disabled={last} onClick={run(onDown)}>↓</button>
      <button type="button" className="icon danger" title={t.indicator.delete} aria-label={t.indicator.delete} onClick={run(onDelete)}>✕</button>
      {error && <span className="field-error">{error}</span>}
    </span>
  );
}

function AddIndicator({ planId, lineItemId }: { planId: string; lineItemId: string | null }) {
  const actions = useIndicatorActions();
  const [level1, setLevel1] = useState<string>(t.levels.level1[0]);
  const [level2, setLevel2] = useState<string>(t.levels.level2[t.levels.level1[0]][0]);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    // The 预算执行率 row is named after its section unless the planner names it.
    const rowName = name.trim() || (level1 === LEVEL1_LABELS.BUDGET_EXECUTION ? LEVEL1_LABELS.BUDGET_EXECUTION : '');
    const outcome = await actions.add(planId, lineItemId, { level1Label: level1, level2Label: level2, name: rowName });
    const message = outcome.failure ?? (outcome.userErrors.map((e) => e.message).join('；') || null);
    setError(message);
    if (!message) setName('');
  }

  return (
    <form className="add-row" onSubmit={(e) => void submit(e)}>
      <select aria-label={t.indicator.level1} value={level1} onChange={(e) => { setLevel1(e.target.value); setLevel2(t.levels.level2[e.target.value]?.[0] ?? ''); }}>
        {t.levels.level1.map((label) => <option key={label}>{label}</option>)}
      </select>
      <select aria-label={t.indicator.level2} value={level2} onChange={(e) => setLevel2(e.target.value)}>
        {(t.levels.level2[level1] ?? []).map((label) => <option key={label}>{label}</option>)}
      </select>
      <input aria-label={t.indicator.addName} placeholder={level1 === LEVEL1_LABELS.BUDGET_EXECUTION ? LEVEL1_LABELS.BUDGET_EXECUTION : t.indicator.addName} value={name} onChange={(e) => setName(e.target.value)} />
      <button className="btn" type="submit">＋ {t.indicator.add}</button>
      {error && <span className="field-error" role="alert">{error}</span>}
    </form>
  );
}

/** 差额 (with its unit and sign) and the server's explanation, as text in the row (and on paper). */
export function GapDetail({ gap }: { gap: Pick<Gap, 'difference' | 'differenceUnit' | 'explanation'> }) {
  if (gap.difference == null && !gap.explanation) return null;
  return (
    <span className="gap-detail" data-gap-detail="">
      {gap.difference != null && (
        <span className="gap-difference">
          {t.indicator.difference}：{gap.difference}
          {gap.differenceUnit ?? ''}
        </span>
      )}
      {gap.difference != null && gap.explanation && '；'}
      {gap.explanation && <span className="gap-explanation">{gap.explanation}</span>}
    </span>
  );
}
