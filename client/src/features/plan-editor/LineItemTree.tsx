import { useState } from 'react';
import { EditableCell } from '../../components/EditableCell';
import { useApolloClient } from '@apollo/client/react';
import { cellOutcome, messageOf, serialized, shownVersion, useMutate, type CellOutcome } from '../../app/mutate';
import { ADD_LINE_ITEM, DELETE_LINE_ITEM, MOVE_LINE_ITEM, UPDATE_LINE_ITEM } from './line-item.graphql';
import { PLAN } from './plan.graphql';
import { RECORD_SPENDING } from './budget.graphql';
import type { LineItem, Stage } from '../../graphql/fragments';
import type { LineItemInput, LineItemKind, UpdateLineItemMutation } from '../../graphql/generated/graphql';
import { t } from '../../i18n/zh-CN';
import { readDecimal } from '../../app/text';
import { usePlanAccess } from './access';
import { IndicatorTable, type TableMode } from './IndicatorTable';

/** 专项资金支出方向绩效目标表: each 专项 with its 子项, each with its amounts, goals and indicators. */
export function LineItemTree({ planId, items, mode }: { planId: string; items: LineItem[]; mode: TableMode }) {
  const mutate = useMutate();
  const access = usePlanAccess();
  const [error, setError] = useState<string | null>(null);
  const sorted = [...items].sort((a, b) => a.position - b.position);
  return (
    <div className="line-items">
      {sorted.map((item, index) => (
        <LineItemBlock key={item.id} planId={planId} item={item} mode={mode} depth={0} first={index === 0} last={index === sorted.length - 1} />
      ))}
      {sorted.length === 0 && <p className="muted">{t.lineItem.none}</p>}
      {mode === 'planning' && access.draft && (
        <div className="add-row">
          <button type="button" className="btn" onClick={async () => setError(messageOf(await mutate(ADD_LINE_ITEM, { input: { planId, parentId: null, fields: { name: t.lineItem.newName } } }, { refetch: [PLAN] })))}>
            ＋ {t.lineItem.addTop}
          </button>
          {error && <span className="field-error" role="alert">{error}</span>}
        </div>
      )}
    </div>
  );
}

const KINDS: LineItemKind[] = ['INITIAL', 'MIDYEAR'];

/** The line item as updateLineItem returns it. */
type UpdatedLineItem = NonNullable<UpdateLineItemMutation['updateLineItem']['lineItem']>;

const TEXT_FIELDS = [
  ['period', t.lineItem.period],
  ['use', t.lineItem.use],
  ['periodGoal', t.lineItem.periodGoal],
  ['annualGoal', t.lineItem.annualGoal],
] as const;

function LineItemBlock({ planId, item, mode, depth, first, last }: { planId: string; item: LineItem; mode: TableMode; depth: number; first: boolean; last: boolean }) {
  const client = useApolloClient();
  const mutate = useMutate();
  const access = usePlanAccess();
  const [error, setError] = useState<string | null>(null);
  const planning = mode === 'planning';
  const latest = (version?: number) => version ?? shownVersion(client, 'LineItem', item.id, item.version)!;
  const children = [...(item.children ?? [])].sort((a, b) => a.position - b.position);
  const stages: Stage[] = planning ? ['initial', 'adjustment', 'fullYear'] : ['fullYear', 'actual'];
  // Every write expects the line item's version; a stale one shows their value at the cell.
  const conflictOn = <C extends { version: number }>(theirs: (current: C) => string, overwrite: (version: number) => Promise<CellOutcome>) => ({
    current: (payload: { lineItem: C | null }) => payload.lineItem,
    theirs,
    overwrite,
  });
  const update = (fields: LineItemInput, theirs: (current: UpdatedLineItem) => string = () => '', version?: number): Promise<CellOutcome> =>
    serialized(`plan:${planId}`, async () =>
      cellOutcome(
        await mutate(UPDATE_LINE_ITEM, { id: item.id, fields, expectedVersion: latest(version) }),
        conflictOn(theirs, (next) => update(fields, theirs, next)),
      ),
    );
  const updateKind = (kind: LineItemKind | null) =>
    serialized(`plan:${planId}`, async () => messageOf(await mutate(UPDATE_LINE_ITEM, { id: item.id, fields: { kind }, expectedVersion: latest() })));
  const act = async (run: Promise<string | null>) => setError(await run);
  // Spending returns the plan's fresh roll-up and checks; the year-start amount is a plain field.
  const saveAmount = (stage: Stage, text: string, version?: number): Promise<CellOutcome> => {
    const number = readDecimal(text);
    if ('error' in number) return Promise.resolve(number.error);
    const value = number.value;
    if (stage === 'initial') return update({ amounts: { initial: value } }, (current) => current.amounts.initial ?? '', version);
    return serialized(`plan:${planId}`, async () =>
      cellOutcome(
        await mutate(RECORD_SPENDING, { input: { planId, lineItemId: item.id, [stage]: value, expectedVersion: latest(version) } }),
        conflictOn((current) => current.amounts[stage] ?? '', (next) => saveAmount(stage, text, next)),
      ),
    );
  };

  return (
    <section className={`line-item depth-${depth}`} id={`lineitem-${item.id}`} data-line-item={item.id}>
      <table className="form-table kv">
        <colgroup>
          <col className="w-label" />
          <col />
          <col className="w-label" />
          <col />
        </colgroup>
        <tbody>
          <tr>
            <th>{depth === 0 ? t.lineItem.name : t.lineItem.children}</th>
            <td colSpan={planning ? 1 : 3} className="strong">
              <EditableCell col="li-name" label={t.lineItem.name} value={item.name} readOnly={!planning || !access.draft} onCommit={(text) => update({ name: text.trim() }, (current) => current.name)} />
            </td>
            {planning && (
              <>
                <th>{t.lineItem.kind}</th>
                <td>
                  <select aria-label={t.lineItem.kind} value={item.kind ?? ''} disabled={!access.draft} onChange={(e) => void act(updateKind(KINDS.find((k) => k === e.target.value) ?? null))}>
                    <option value="">—</option>
                    {KINDS.map((key) => <option key={key} value={key}>{t.lineItem.kinds[key]}</option>)}
                  </select>
                </td>
              </>
            )}
          </tr>
          {pairs(
            [
              ...stages.map((stage) => (
                <AmountCells key={stage} stage={stage} value={item.amounts[stage] ?? ''} readOnly={stage === 'initial' ? !access.draft : !access.evaluate} onCommit={(text) => saveAmount(stage, text)} />
              )),
              ...(planning
                ? []
                : [
                    <ExecutionRateCells key="rate" rate={item.rollup?.executionRatePercent} />,
                  ]),
            ],
          ).map((pair, i) => (
            <tr key={`amounts-${i}`}>
              {pair}
              {pair.length === 1 && <td colSpan={2} />}
            </tr>
          ))}
          {planning &&
            TEXT_FIELDS.map(([key, label]) => (
              <tr key={key}>
                <th>{label}</th>
                <td colSpan={3}>
                  <EditableCell col={`li-${key}`} label={label} value={item[key] ?? ''} readOnly={!access.draft} onCommit={(text) => update({ [key]: text.trim() || null }, (current) => current[key] ?? '')} />
                </td>
              </tr>
            ))}
        </tbody>
      </table>
      {planning && access.draft && (
        <div className="row-ops block-ops">
          <button type="button" className="icon" aria-label={t.indicator.moveUp} disabled={first} onClick={() => void act(mutate(MOVE_LINE_ITEM, { id: item.id, parentId: item.parentId, position: item.position - 1 }, { refetch: [PLAN] }).then(messageOf))}>↑</button>
          <button type="button" className="icon" aria-label={t.indicator.moveDown} disabled={last} onClick={() => void act(mutate(MOVE_LINE_ITEM, { id: item.id, parentId: item.parentId, position: item.position + 1 }, { refetch: [PLAN] }).then(messageOf))}>↓</button>
          <button type="button" className="btn small" onClick={() => void act(mutate(ADD_LINE_ITEM, { input: { planId, parentId: item.id, fields: { name: t.lineItem.newChildName } } }, { refetch: [PLAN] }).then(messageOf))}>＋ {t.lineItem.addChild}</button>
          <button type="button" className="btn small danger" onClick={() => window.confirm(t.lineItem.confirmDelete) && void act(mutate(DELETE_LINE_ITEM, { id: item.id }, { refetch: [PLAN] }).then(messageOf))}>{t.lineItem.delete}</button>
          {error && <span className="field-error" role="alert">{error}</span>}
        </div>
      )}
      {(item.indicators.length > 0 || children.length === 0) && (
        <IndicatorTable planId={planId} lineItemId={item.id} indicators={item.indicators} mode={mode} />
      )}
      {children.length > 0 && (
        <div className="children">
          {children.map((child, index) => (
            <LineItemBlock key={child.id} planId={planId} item={child} mode={mode} depth={depth + 1} first={index === 0} last={index === children.length - 1} />
          ))}
        </div>
      )}
    </section>
  );
}

function AmountCells({ stage, value, readOnly, onCommit }: { stage: Stage; value: string; readOnly: boolean; onCommit: (text: string) => Promise<CellOutcome> }) {
  return (
    <>
      <th>{t.budget[stage]}</th>
      <td>
        <EditableCell col={`li-${stage}`} align="right" label={t.budget[stage]} value={value} placeholder="—" readOnly={readOnly} onCommit={onCommit} />
      </td>
    </>
  );
}

function ExecutionRateCells({ rate }: { rate: string | number | null | undefined }) {
  return (
    <>
      <th>{t.lineItem.executionRate}</th>
      <td className="num strong">{rate != null ? `${rate}%` : '—'}</td>
    </>
  );
}

function pairs<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += 2) out.push(items.slice(i, i + 2));
  return out;
}
