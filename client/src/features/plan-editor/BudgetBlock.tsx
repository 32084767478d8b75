import { EditableCell } from '../../components/EditableCell';
import { useApolloClient } from '@apollo/client/react';
import { cellOutcome, serialized, shownVersion, useMutate, type CellOutcome } from '../../app/mutate';
import { PLAN, RECORD_SPENDING, SET_BUDGET_LINE } from '../../graphql/operations';
import type { BudgetLine, Stage } from '../../graphql/types';
import { t } from '../../i18n/zh-CN';
import { usePlanAccess } from './access';

const NATURE = ['TOTAL', 'BASIC', 'PERSONNEL', 'PUBLIC_USE', 'PROJECT'];
const INCOME = ['INCOME_GENERAL_PUBLIC', 'INCOME_GOVERNMENT_FUND', 'INCOME_OTHER', 'INCOME_PRIOR_YEAR_CARRYOVER', 'INCOME_SPECIAL_ACCOUNT_NON_TAX'];

/**
 * 年度预算 (万元), by nature and by income, one column per stage. Empty = not stated (never 0).
 * `stages` picks the columns: year-start targets state initial amounts, a self-evaluation full-year and actual.
 */
export function BudgetBlock({ planId, lines, stages, executionRate }: { planId: string; lines: BudgetLine[]; stages: Stage[]; executionRate?: React.ReactNode }) {
  const client = useApolloClient();
  const mutate = useMutate();
  const access = usePlanAccess();
  const byCategory = new Map(lines.filter((l) => l.category !== 'BASIC_DETAIL').map((l) => [l.category, l]));

  // Spending stages go through recordSpending, whose payload carries the plan's fresh roll-up and
  // 勾稽关系 checks; the year-start amount has only setBudgetLine, so the plan is re-read after it.
  // Each write expects the version of the row shown (none yet for a row not stated).
  function save(category: string, stage: Stage, text: string, version?: number): Promise<CellOutcome> {
    const line = byCategory.get(category);
    return serialized(`plan:${planId}`, () => write(category, stage, text, version ?? shownVersion(client, 'BudgetLine', line?.id, line?.version ?? null)));
  }

  async function write(category: string, stage: Stage, text: string, version: number | null): Promise<CellOutcome> {
    const existed = byCategory.has(category);
    const value = text.trim() === '' ? null : text.trim();
    const conflict = {
      current: (payload: { budgetLine?: BudgetLine | null }) => payload.budgetLine,
      theirs: (current: { version: number }) => (current as BudgetLine).amounts[stage] ?? '',
      overwrite: (next: number) => save(category, stage, text, next),
    };
    if (stage === 'initial') {
      return cellOutcome(await mutate('setBudgetLine', SET_BUDGET_LINE, { input: { planId, category, amounts: { initial: value } }, expectedVersion: version }, { refetch: [PLAN] }), conflict);
    }
    return cellOutcome(await mutate('recordSpending', RECORD_SPENDING, { input: { planId, category, [stage]: value, expectedVersion: version } }, existed ? {} : { refetch: [PLAN] }), conflict);
  }

  const row = (category: string, group: string | null, groupSpan: number) => {
    const line = byCategory.get(category);
    return (
      <tr key={category} id={`budget-${category}`} data-budget={category}>
        {group !== null && groupSpan > 0 && <th rowSpan={groupSpan} className="level">{group}</th>}
        {group === null && <th className="level" />}
        <th className="row-head">{t.budget.categories[category]}</th>
        {stages.map((stage) => (
          <td key={stage}>
            <EditableCell col={`budget-${stage}`} align="right" label={`${t.budget.categories[category]} ${t.budget[stage]}`} value={line?.amounts[stage] ?? ''} placeholder="—" readOnly={stage === 'initial' ? !access.draft : !access.evaluate} onCommit={(text) => save(category, stage, text)} />
          </td>
        ))}
        {executionRate !== undefined && <td className="num muted">{line?.amounts.statedExecutionRate ?? ''}</td>}
      </tr>
    );
  };

  return (
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
  );
}
