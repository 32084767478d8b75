import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SET_BUDGET_LINE } from './budget.graphql';
import type { BudgetLine, PlanAction } from '../../graphql/fragments';
import { accessFrom, PlanAccessContext } from './access';
import { BudgetBlock } from './BudgetBlock';

afterEach(cleanup);

const amounts = { initial: '120.5', adjustment: null, fullYear: null, actual: null, carryover: null, statedExecutionRate: null };
const detail: BudgetLine = { id: '31', version: 5, category: 'BASIC_DETAIL', name: '工资福利支出', position: 12, amounts };

function mount(mocks: MockLink.MockedResponse[], actions: PlanAction[] = ['EDIT_DRAFT', 'SUBMIT']) {
  return render(
    <MockedProvider mocks={mocks}>
      <PlanAccessContext.Provider value={accessFrom({ id: '2', version: 3, status: 'DRAFT', allowedActions: actions })}>
        <BudgetBlock planId="2" lines={[detail]} stages={['initial', 'adjustment', 'fullYear']} />
      </PlanAccessContext.Provider>
    </MockedProvider>,
  );
}

function typeInto(label: string, text: string): void {
  fireEvent.focus(screen.getByRole('button', { name: label }));
  const input = screen.getByRole('textbox', { name: label });
  fireEvent.change(input, { target: { value: text } });
  fireEvent.keyDown(input, { key: 'Enter' });
}

const rename = (name: string, expectedVersion: number) => ({
  query: SET_BUDGET_LINE,
  variables: { input: { planId: '2', category: 'BASIC_DETAIL', id: '31', name, amounts: {} }, expectedVersion },
});

function payload(line: BudgetLine | null, userErrors: { field: string[]; message: string; code: string }[] = []) {
  return {
    data: {
      setBudgetLine: {
        __typename: 'BudgetLinePayload',
        budgetLine: line && {
          __typename: 'BudgetLine',
          ...line,
          amounts: { __typename: 'StageAmounts', ...line.amounts },
          plan: { __typename: 'Plan', id: '2', version: 4, status: 'DRAFT', allowedActions: ['EDIT_DRAFT', 'SUBMIT'] },
        },
        userErrors: userErrors.map((u) => ({ __typename: 'UserError', ...u })),
      },
    },
  };
}

describe('BudgetBlock (基本支出明细: renaming a row)', () => {
  it('Enter commits the new name with the row id and the version shown', async () => {
    const result = vi.fn(() => payload({ ...detail, version: 6, name: '工资福利支出（含绩效）' }));
    mount([{ request: rename('工资福利支出（含绩效）', 5), result }]);
    typeInto('明细名称 工资福利支出', '  工资福利支出（含绩效） ');
    await waitFor(() => expect(result).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(screen.queryByText('保存中…')).toBeNull());
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('a name another row has (DUPLICATE) shows at the name cell, the typed name kept', async () => {
    mount([{ request: rename('商品和服务支出', 5), result: payload(null, [{ field: ['input', 'name'], message: '已有名为「商品和服务支出」的明细行', code: 'DUPLICATE' }]) }]);
    typeInto('明细名称 工资福利支出', '商品和服务支出');
    const cell = screen.getByRole('button', { name: '明细名称 工资福利支出' });
    expect((await within(cell).findByRole('alert')).textContent).toBe('已有名为「商品和服务支出」的明细行');
    expect(cell.querySelector('.cell-text')?.textContent).toBe('商品和服务支出');
  });

  it('a CONFLICT shows their name with the two choices', async () => {
    mount([{ request: rename('工资', 5), result: payload({ ...detail, version: 7, name: '工资福利' }, [{ field: ['expectedVersion'], message: '已被他人修改', code: 'CONFLICT' }]) }]);
    typeInto('明细名称 工资福利支出', '工资');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('工资福利');
    expect(screen.getByRole('button', { name: '用我的值覆盖' })).toBeTruthy();
  });

  it('the name is read-only without EDIT_DRAFT', () => {
    mount([], ['EVALUATE']);
    fireEvent.focus(screen.getByRole('button', { name: '明细名称 工资福利支出' }));
    expect(screen.queryByRole('textbox', { name: '明细名称 工资福利支出' })).toBeNull();
    expect(screen.queryByRole('button', { name: /删除明细/ })).toBeNull();
  });
});
