import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UPDATE_PLAN } from './plan.graphql';
import type { PlanAction, PlanProfile } from '../../graphql/fragments';
import { accessFrom, PlanAccessContext } from './access';
import { ProfileBlock, readCount } from './ProfileBlock';

afterEach(cleanup);

const profile: PlanProfile = {
  id: '2',
  overallGoals: null,
  functions: ['贯彻执行党的宣传思想工作方针、政策'],
  internalUnits: ['办公室'],
  subUnits: null,
  fixedAssets: '35.6',
  staff: { authorized: null, actual: 15, retired: null },
};

function planResult(changes: Partial<PlanProfile>, version = 4) {
  const plan = { ...profile, ...changes };
  return {
    data: {
      updatePlan: {
        __typename: 'PlanPayload',
        plan: {
          __typename: 'Plan',
          ...plan,
          version,
          status: 'DRAFT',
          allowedActions: ['EDIT_DRAFT'],
          staff: plan.staff && { __typename: 'Staffing', ...plan.staff },
        },
        userErrors: [],
      },
    },
  };
}

function mount(mocks: MockLink.MockedResponse[], actions: PlanAction[] = ['EDIT_DRAFT', 'SUBMIT']) {
  return render(
    <MockedProvider mocks={mocks}>
      <PlanAccessContext.Provider value={accessFrom({ id: '2', version: 3, status: 'DRAFT', allowedActions: actions })}>
        <ProfileBlock plan={profile} />
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

describe('ProfileBlock (部门基本情况)', () => {
  it('shows 部门职责, 内设机构, 二级单位, 人员编制 and 固定资产 as the plan states them', () => {
    mount([]);
    expect(screen.getByRole('button', { name: '部门职责 1' }).textContent).toBe('贯彻执行党的宣传思想工作方针、政策');
    expect(screen.getByRole('button', { name: '内设机构 1' }).textContent).toBe('办公室');
    expect(screen.getByRole('button', { name: '添加二级单位' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '实有人数' }).textContent).toBe('15');
    expect(screen.getByRole('button', { name: '编制数' }).textContent).toBe('—');
    expect(screen.getByRole('button', { name: '固定资产（年末）' }).textContent).toBe('35.6');
  });

  it('sends the whole staffing with the one count changed, expecting the plan version shown', async () => {
    const result = vi.fn(() => planResult({ staff: { authorized: 16, actual: 15, retired: null } }));
    mount([{ request: { query: UPDATE_PLAN, variables: { id: '2', input: { staff: { authorized: 16, actual: 15, retired: null } }, expectedVersion: 3 } }, result }]);
    typeInto('编制数', '16');
    await waitFor(() => expect(result).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(screen.queryByText('保存中…')).toBeNull());
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('adds a line to a list: the list goes whole, trimmed', async () => {
    const result = vi.fn(() => planResult({ internalUnits: ['办公室', '宣传教育股'] }));
    mount([{ request: { query: UPDATE_PLAN, variables: { id: '2', input: { internalUnits: ['办公室', '宣传教育股'] }, expectedVersion: 3 } }, result }]);
    typeInto('添加内设机构', '  宣传教育股 ');
    await waitFor(() => expect(result).toHaveBeenCalledTimes(1));
  });

  it('shows a refused value at the field (userErrors) and keeps the typed text', async () => {
    mount([
      {
        request: { query: UPDATE_PLAN, variables: { id: '2', input: { staff: { authorized: null, actual: 15, retired: -3 } }, expectedVersion: 3 } },
        result: { data: { updatePlan: { __typename: 'PlanPayload', plan: null, userErrors: [{ __typename: 'UserError', field: ['input', 'staff', 'retired'], message: '人数须为 0 到 1000000 的整数：-3', code: 'OUT_OF_RANGE' }] } } },
      },
    ]);
    typeInto('退休人数', '-3');
    expect((await screen.findByRole('alert')).textContent).toBe('人数须为 0 到 1000000 的整数：-3');
    expect(screen.getByRole('button', { name: '退休人数' }).querySelector('.cell-text')?.textContent).toBe('-3');
  });

  it('a count that is not a whole number is refused before sending', async () => {
    mount([]);
    typeInto('实有人数', '十五');
    expect((await screen.findByRole('alert')).textContent).toBe('请填写整数人数');
    expect(readCount(' 12 ')).toBe(12);
    expect(readCount('')).toBeNull();
    expect(readCount('1.5')).toBe('请填写整数人数');
  });

  it('is read-only unless allowedActions has EDIT_DRAFT', () => {
    mount([], ['EVALUATE']);
    fireEvent.focus(screen.getByRole('button', { name: '实有人数' }));
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryByRole('button', { name: '添加内设机构' })).toBeNull();
    expect(screen.getByRole('button', { name: '固定资产（年末）' }).className).toContain('cell-readonly');
  });
});
