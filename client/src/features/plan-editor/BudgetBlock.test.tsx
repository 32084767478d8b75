import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SET_BUDGET_LINE } from './budget.graphql';
import type { BudgetLine, PlanAction } from '../../graphql/fragments';
import { accessFrom, PlanAccessContext } from './access';
import { BudgetBlock } from './BudgetBlock';
import { PLAN_DERIVED_FIGURES } from '../evaluation/evaluation.graphql';

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

describe('BudgetBlock in the planning view: 部门整体共性指标 (issue 10 item 5)', () => {
  const rate = (value: string | null, explanation: string) => ({ __typename: 'DerivedRate', value, explanation });
  const derivedFigures = {
    __typename: 'DerivedFigures',
    budgetAdjustmentRate: rate('12.74', '预算调整率 = 调整数 63.72 万元 / 年初预算数 500 万元 = 12.74%'),
    carryOverRate: rate(null, '结转结余与实际支出均未填报，无法计算结转结余率'),
    staffControlRate: rate('93.75', '在职人员控制率 = 实有人数 15 人 / 编制数 16 人 = 93.75%（未超编）'),
    threePublicChangeRate: rate(
      '-10',
      '本年度三公经费合计未填报，按各项之和 公务用车运维费 3.4 万元 + 公务接待费 1.1 万元 = 4.5 万元 计；三公经费变动率 =（本年度 4.5 万元 − 2023 年度 5 万元）/ 5 万元 = -10%（按年初预算；负数为压减）',
    ),
  };
  const figuresMock = { request: { query: PLAN_DERIVED_FIGURES, variables: { id: '2' } }, result: { data: { plan: { __typename: 'Plan', id: '2', derivedFigures } } } };

  it('shows the rates the server computed, with formula and figures, below the budget (the evaluation feature\'s component)', async () => {
    render(
      <MockedProvider mocks={[figuresMock]}>
        <PlanAccessContext.Provider value={accessFrom({ id: '2', version: 3, status: 'DRAFT', allowedActions: ['EDIT_DRAFT'] })}>
          <BudgetBlock planId="2" lines={[detail]} stages={['initial', 'adjustment', 'fullYear']} derivedFigures={{ revision: '{"authorized":16,"actual":15}' }} />
        </PlanAccessContext.Provider>
      </MockedProvider>,
    );
    expect(await screen.findByText('部门整体共性指标（由填报数计算）')).toBeTruthy();
    const row = (key: string) => [...document.querySelectorAll(`[data-derived="${key}"] > *`)].map((cell) => cell.textContent);
    expect(row('budgetAdjustmentRate')).toEqual(['预算调整率', '12.74%', '预算调整率 = 调整数 63.72 万元 / 年初预算数 500 万元 = 12.74%']);
    expect(row('carryOverRate')).toEqual(['结转结余率', '—', '结转结余与实际支出均未填报，无法计算结转结余率']);
    expect(row('staffControlRate').slice(0, 2)).toEqual(['在职人员控制率', '93.75%']);
    expect(row('threePublicChangeRate')[2]).toContain('按各项之和');
    // The table follows the budget matrix, inside the budget block.
    const table = document.querySelector('[data-derived-figures]')!;
    expect(document.querySelector('[data-budget="TOTAL"]')!.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('without derivedFigures (the 自评 page places its own) the block shows none', () => {
    mount([]);
    expect(document.querySelector('[data-derived-figures]')).toBeNull();
  });
});
