import { useState, type FormEvent } from 'react';
import { EditableCell } from '../../components/EditableCell';
import { useApolloClient } from '@apollo/client/react';
import { cellOutcome, messageOf, serialized, shownVersion, useMutate, type CellOutcome, type MutationOutcome } from '../../app/mutate';
import type { BudgetCategory } from '../../graphql/generated/graphql';
import { PLAN } from './plan.graphql';
import { RECORD_SPENDING, REMOVE_BUDGET_LINE, SET_BUDGET_LINE } from './budget.graphql';
import type { BudgetLine, Stage } from '../../graphql/fragments';
import { t } from '../../i18n/zh-CN';
import { readDecimal } from '../../app/text';
import { usePlanAccess } from './access';
import { DerivedFigures } from '../evaluation/DerivedFigures';

const NATURE: BudgetCategory[] = ['TOTAL', 'BASIC', 'PERSONNEL', 'PUBLIC_USE', 'PROJECT'];
const INCOME: BudgetCategory[] = ['INCOME_GENERAL_PUBLIC', 'INCOME_GOVERNMENT_FUND', 'INCOME_OTHER', 'INCOME_PRIOR_YEAR_CARRYOVER', 'INCOME_SPECIAL_ACCOUNT_NON_TAX'];
const THREE_PUBLIC: BudgetCategory[] = ['THREE_PUBLIC_TOTAL', 'THREE_PUBLIC_RECEPTION', 'THREE_PUBLIC_VEHICLE_OPS', 'THREE_PUBLIC_VEHICLE_PURCHASE', 'THREE_PUBLIC_OVERSEAS'];

/** A row of the budget matrix: its category, and for 基本支出明细 its name. */
interface RowKey {
  category: BudgetCategory;
  name: string | null;
}

const sameRow = (line: BudgetLine, key: RowKey) => line.category === key.category && (line.name ?? null) === key.name;

/**
 * 年度预算 (万元), by nature and by income, one column per stage. Empty = not stated (never 0).
 * `stages` picks the columns: year-start targets state initial amounts, a self-evaluation full-year and actual.
 * Below it, the optional detail: 基本支出明细 (by economic class, named rows) and 三公经费, collapsed when empty.
 */
export function BudgetBlock({
  planId,
  lines,
  stages,
  executionRate,
  derivedFigures,
}: {
  planId: string;
  lines: BudgetLine[];
  stages: Stage[];
  executionRate?: React.ReactNode;
  /** When given, the 部门整体共性指标 (the evaluation feature's DerivedFigures) follow the budget; the value is what else they read (staffing), so a change asks again. */
  derivedFigures?: { revision: string };
}) {
  const client = useApolloClient();
  const mutate = useMutate();
  const access = usePlanAccess();
  const byCategory = new Map(lines.filter((l) => l.category !== 'BASIC_DETAIL').map((l) => [l.category, l]));

  // Spending stages go through recordSpending, whose payload carries the plan's fresh roll-up and
  // 勾稽关系 checks; the year-start amount has only setBudgetLine, so the plan is re-read after it.
  // Each write expects the version of the row shown (none yet for a row not stated).
  function save(key: RowKey, stage: Stage, text: string, version?: number): Promise<CellOutcome> {
    const line = lines.find((l) => sameRow(l, key));
    return serialized(`plan:${planId}`, () => write(key, stage, text, version ?? shownVersion(client, 'BudgetLine', line?.id, line?.version ?? null)));
  }

  async function write(key: RowKey, stage: Stage, text: string, version: number | null): Promise<CellOutcome> {
    const existed = lines.some((l) => sameRow(l, key));
    const number = readDecimal(text);
    if ('error' in number) return number.error;
    const value = number.value;
    const conflict = {
      current: (payload: { budgetLine?: BudgetLine | null }) => payload.budgetLine,
      theirs: (current: { version: number }) => (current as BudgetLine).amounts[stage] ?? '',
      overwrite: (next: number) => save(key, stage, text, next),
    };
    const { category, name } = key;
    if (stage === 'initial') {
      return cellOutcome(await mutate(SET_BUDGET_LINE, { input: { planId, category, name, amounts: { initial: value } }, expectedVersion: version }, { refetch: [PLAN] }), conflict);
    }
    return cellOutcome(await mutate(RECORD_SPENDING, { input: { planId, category, name, [stage]: value, expectedVersion: version } }, existed ? {} : { refetch: [PLAN] }), conflict);
  }

  const amountCells = (key: RowKey, line: BudgetLine | undefined, label: string) =>
    stages.map((stage) => (
      <td key={stage}>
        <EditableCell col={`budget-${stage}`} align="right" label={`${label} ${t.budget[stage]}`} value={line?.amounts[stage] ?? ''} placeholder="—" readOnly={stage === 'initial' ? !access.draft : !access.evaluate} onCommit={(text) => save(key, stage, text)} />
      </td>
    ));
  /** Detail rows line up with the main table: an empty cell under its 预算执行率（文件所填） column. */
  const detailCells = (key: RowKey, line: BudgetLine | undefined, label: string) => (
    <>
      {amountCells(key, line, label)}
      {executionRate !== undefined && <td />}
    </>
  );
  const columns = stages.length + 2 + (executionRate !== undefined ? 1 : 0);

  const row = (category: BudgetCategory, group: string | null, groupSpan: number) => {
    const line = byCategory.get(category);
    return (
      <tr key={category} id={`budget-${category}`} data-budget={category}>
        {group !== null && groupSpan > 0 && <th rowSpan={groupSpan} className="level">{group}</th>}
        {group === null && <th className="level" />}
        <th className="row-head">{t.budget.categories[category]}</th>
        {amountCells({ category, name: null }, line, t.budget.categories[category])}
        {executionRate !== undefined && <td className="num muted">{line?.amounts.statedExecutionRate ?? ''}</td>}
      </tr>
    );
  };

  return (
    <>
      <table className="form-table budget">
        <thead>
          <tr>
            <th colSpan={2}>{t.budget.category}</th>
            {stages.map((stage) => <th key={stage}>{t.budget[stage]}</th>)}
            {executionRate !== undefined && <th>{t.budget.executionRate}{t.budget.stated}</th>}
          </tr>
        </thead>
        <tbody>
          {NATURE.map((category, i) => row(category, t.planning.budgetByNature, i === 0 ? NATURE.length : 0))}
          {INCOME.map((category, i) => row(category, t.planning.budgetByIncome, i === 0 ? INCOME.length : 0))}
          {executionRate !== undefined && (
            <tr>
              <th colSpan={2} className="row-head">{t.evaluation.executionRate}</th>
              <td colSpan={stages.length + 1} className="num strong">{executionRate}</td>
            </tr>
          )}
        </tbody>
      </table>
      <BasicDetail planId={planId} lines={lines.filter((l) => l.category === 'BASIC_DETAIL')} stages={stages} columns={columns} amountCells={detailCells} />
      <DetailTable
        id="three-public"
        title={t.budget.threePublic}
        stages={stages}
        columns={columns}
        stated={lines.some((l) => THREE_PUBLIC.includes(l.category))}
        canAdd={access.draft || access.evaluate}
      >
        {THREE_PUBLIC.map((category) => (
          <tr key={category} id={`budget-${category}`} data-budget={category}>
            <th className="row-head">{t.budget.categories[category]}</th>
            {detailCells({ category, name: null }, byCategory.get(category), t.budget.categories[category])}
          </tr>
        ))}
      </DetailTable>
      {derivedFigures && <DerivedFigures planId={planId} revision={JSON.stringify([lines, derivedFigures.revision])} />}
    </>
  );
}

/**
 * An optional sub-table of the budget: collapsed to "＋ 添加明细" while nothing is stated, open as soon as
 * a row is stated (or the user opens it to fill one in).
 */
function DetailTable({ id, title, stages, columns, stated, canAdd, footer, children }: { id: string; title: string; stages: Stage[]; columns: number; stated: boolean; canAdd: boolean; footer?: React.ReactNode; children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  if (!stated && !open) {
    if (!canAdd) return null;
    return (
      <div className="detail-toggle" data-detail={id}>
        <span className="muted">{title}</span>
        <button type="button" className="btn small" onClick={() => setOpen(true)}>＋ {t.budget.addDetail}</button>
      </div>
    );
  }
  return (
    <div className="detail" data-detail={id}>
      <table className="form-table budget detail-table" aria-label={title}>
        {/* The name column is as wide as the two label columns above, so the stage columns line up. */}
        <colgroup>
          <col style={{ width: `${(200 / columns).toFixed(4)}%` }} />
          {Array.from({ length: columns - 2 }, (_, i) => <col key={i} />)}
        </colgroup>
        <thead>
          <tr>
            <th>
              {title}
              {!stated && <button type="button" className="link detail-collapse" onClick={() => setOpen(false)}>{t.budget.collapse}</button>}
            </th>
            {stages.map((stage) => <th key={stage}>{t.budget[stage]}</th>)}
            {columns > stages.length + 2 && <th />}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
      {footer}
    </div>
  );
}

/**
 * 基本支出明细（按经济分类）: named rows, added by name, renamed in place (setBudgetLine with the row's id),
 * removed with ✕ (the row becomes not stated). Rename and removal expect the version of the row shown.
 */
function BasicDetail({ planId, lines, stages, columns, amountCells }: { planId: string; lines: BudgetLine[]; stages: Stage[]; columns: number; amountCells: (key: RowKey, line: BudgetLine | undefined, label: string) => React.ReactNode }) {
  const client = useApolloClient();
  const mutate = useMutate();
  const access = usePlanAccess();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  /** A refused removal's message, shown at its row (which stays). */
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const canAdd = access.draft || access.evaluate;

  async function add(event: FormEvent): Promise<void> {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setError(t.budget.detailNameRequired);
      return;
    }
    // A named row with nothing stated yet; its amounts are then typed into its cells.
    const outcome = await serialized<MutationOutcome>(`plan:${planId}`, () =>
      access.draft
        ? mutate(SET_BUDGET_LINE, { input: { planId, category: 'BASIC_DETAIL', name: trimmed, amounts: {} } }, { refetch: [PLAN] })
        : mutate(RECORD_SPENDING, { input: { planId, category: 'BASIC_DETAIL', name: trimmed } }, { refetch: [PLAN] }),
    );
    const message = messageOf(outcome);
    setError(message);
    if (!message) setName('');
  }

  /** The row keeps its id, position and amounts; `name` is its new name (DUPLICATE when another row has it). */
  function rename(line: BudgetLine, text: string, version?: number): Promise<CellOutcome> {
    const trimmed = text.trim();
    if (!trimmed) return Promise.resolve(t.budget.detailNameRequired);
    return serialized(`plan:${planId}`, async () => {
      const expectedVersion = version ?? shownVersion(client, 'BudgetLine', line.id, line.version);
      return cellOutcome(
        await mutate(SET_BUDGET_LINE, { input: { planId, category: 'BASIC_DETAIL', id: line.id, name: trimmed, amounts: {} }, expectedVersion }),
        {
          current: (payload) => payload.budgetLine,
          theirs: (current) => current.name ?? '',
          overwrite: (next) => rename(line, text, next),
        },
      );
    });
  }

  async function remove(line: BudgetLine): Promise<void> {
    if (!window.confirm(t.budget.confirmRemoveDetail)) return;
    const outcome = await serialized(`plan:${planId}`, () =>
      mutate(REMOVE_BUDGET_LINE, { id: line.id, expectedVersion: shownVersion(client, 'BudgetLine', line.id, line.version) }, { refetch: [PLAN] }),
    );
    const message = messageOf(outcome);
    setRowErrors((shown) => {
      const next = { ...shown };
      if (message) next[line.id] = message;
      else delete next[line.id];
      return next;
    });
  }

  const footer = canAdd && (
    <form className="add-row" onSubmit={(e) => void add(e)}>
      <input aria-label={t.budget.detailName} placeholder={t.budget.detailNamePlaceholder} value={name} onChange={(e) => setName(e.target.value)} />
      <button className="btn" type="submit">＋ {t.budget.addDetailRow}</button>
      {error && <span className="field-error" role="alert">{error}</span>}
    </form>
  );

  return (
    <DetailTable id="basic-detail" title={t.budget.basicDetail} stages={stages} columns={columns} stated={lines.length > 0} canAdd={canAdd} footer={footer}>
      {lines.map((line) => (
        <tr key={line.id} id={`budget-detail-${line.id}`} data-budget="BASIC_DETAIL" data-budget-name={line.name ?? ''}>
          <th className="row-head detail-name">
            <EditableCell col="budget-detail-name" label={`${t.budget.detailName} ${line.name ?? ''}`} value={line.name ?? ''} readOnly={!access.draft} onCommit={(text) => rename(line, text)} />
            {access.draft && (
              <button type="button" className="icon danger detail-remove" title={t.budget.removeDetail} aria-label={`${t.budget.removeDetail} ${line.name ?? ''}`} onClick={() => void remove(line)}>✕</button>
            )}
            {rowErrors[line.id] && <span className="field-error" role="alert">{rowErrors[line.id]}</span>}
          </th>
          {amountCells({ category: 'BASIC_DETAIL', name: line.name }, line, line.name ?? '')}
        </tr>
      ))}
      {lines.length === 0 && (
        <tr>
          <td colSpan={columns - 1} className="muted center">—</td>
        </tr>
      )}
    </DetailTable>
  );
}
