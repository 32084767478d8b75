import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CREATE_USER, DEPARTMENT_OPTIONS, UPDATE_USER, USERS } from './users.graphql';
import type { AdminUser } from './users.graphql';
import type { User } from '../../graphql/fragments';
import { UsersPage } from './UsersPage';

afterEach(cleanup);

const shifeng = { id: '1', name: '中共株洲市石峰区委员会宣传部', shortName: '石峰区委宣传部' };
const yanfeng = { id: '2', name: '中共株洲市炎峰区委员会宣传部', shortName: null };

const admin: AdminUser = { id: '10', username: 'admin', displayName: '管理员', role: 'ADMIN', departments: [], active: true, createdAt: '2026-11-01T00:00:00.000Z' };
const reviewer: AdminUser = { id: '12', username: 'reviewer', displayName: '审核员', role: 'REVIEWER', departments: [shifeng], active: true, createdAt: '2026-11-01T00:00:00.000Z' };

const typed = (u: AdminUser) => ({ __typename: 'User', ...u, departments: u.departments.map((d) => ({ __typename: 'Department', ...d })) });
const userErrors = (errors: { field: string[]; message: string; code: string }[]) => errors.map((e) => ({ __typename: 'UserError', ...e }));

const listMocks = (): MockLink.MockedResponse[] => [
  {
    request: { query: USERS, variables: { first: 100 } },
    result: {
      data: {
        users: {
          __typename: 'UserConnection',
          totalCount: 2,
          pageInfo: { __typename: 'PageInfo', endCursor: 'Mg==', hasNextPage: false },
          nodes: [typed(admin), typed(reviewer)],
        },
      },
    },
  },
  {
    request: { query: DEPARTMENT_OPTIONS, variables: { first: 100 } },
    result: { data: { departments: { __typename: 'DepartmentConnection', nodes: [shifeng, yanfeng].map((d) => ({ __typename: 'Department', ...d })) } } },
  },
];

const me: User = { id: '10', username: 'admin', displayName: '管理员', role: 'ADMIN', departments: [] };

function mount(mocks: MockLink.MockedResponse[], user: User = me) {
  return render(
    <MockedProvider mocks={[...listMocks(), ...mocks]}>
      <UsersPage me={user} />
    </MockedProvider>,
  );
}

const createRequest = (input: Record<string, unknown>) => ({
  query: CREATE_USER,
  variables: { input: { username: 'li.si', displayName: '李四', password: 'jixiao-demo', role: 'PLANNER', departmentIds: [], ...input } },
});

function fillCreateForm(): HTMLElement {
  const form = screen.getByRole('form', { name: '新建用户' });
  fireEvent.change(within(form).getByLabelText('登录名'), { target: { value: 'li.si' } });
  fireEvent.change(within(form).getByLabelText('姓名'), { target: { value: '李四' } });
  fireEvent.change(within(form).getByLabelText('初始密码'), { target: { value: 'jixiao-demo' } });
  fireEvent.change(within(form).getByLabelText('角色'), { target: { value: 'PLANNER' } });
  return form;
}

const rowNames = () => screen.getAllByRole('row').slice(1).map((row) => row.getAttribute('data-user'));
const fieldOf = (form: HTMLElement, label: string) => within(form).getByLabelText(label).closest('label, .field')!;

describe('用户管理 (#/users)', () => {
  it('lists the users: 登录名, 姓名, 角色, 负责部门, 状态', async () => {
    mount([]);
    await waitFor(() => expect(rowNames()).toEqual(['admin', 'reviewer']));
    const row = screen.getAllByRole('row')[2]!;
    expect(within(row).getByText('审核员')).toBeTruthy();
    expect((within(row).getByLabelText('reviewer 角色') as HTMLSelectElement).value).toBe('REVIEWER');
    expect(within(row).getByText('石峰区委宣传部', { selector: 'summary' })).toBeTruthy();
    expect(within(row).getByText('启用', { selector: '.user-state' })).toBeTruthy();
    // The administrator does not lock themselves out.
    expect((within(screen.getAllByRole('row')[1]!).getByRole('button', { name: 'admin 停用' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('is refused to everyone but an administrator', () => {
    mount([], { ...me, role: 'ANALYST' });
    expect(screen.getByText('仅系统管理员可以管理用户')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('新建用户: REQUIRED departments is shown at 负责部门; nothing is added', async () => {
    const result = vi.fn(() => ({
      data: {
        createUser: {
          __typename: 'UserPayload',
          user: null,
          userErrors: userErrors([{ field: ['input', 'departmentIds'], message: '编报、审核、评价人员须指定负责的部门 (this role needs departments)', code: 'REQUIRED' }]),
        },
      },
    }));
    mount([{ request: createRequest({}), result }]);
    await waitFor(() => expect(rowNames()).toEqual(['admin', 'reviewer']));
    const form = fillCreateForm();
    fireEvent.click(within(form).getByRole('button', { name: '创建用户' }));
    await waitFor(() => expect(result).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(within(form).getByRole('alert').textContent).toContain('须指定负责的部门'));
    expect(form.querySelector('.field')!.textContent).toContain('须指定负责的部门');
    expect(fieldOf(form, '登录名').textContent).not.toContain('须指定负责的部门');
    // What was typed stays for the next try.
    expect((within(form).getByLabelText('登录名') as HTMLInputElement).value).toBe('li.si');
    expect(rowNames()).toEqual(['admin', 'reviewer']);
  });

  it('新建用户 with a department: the new row joins the table in sign-in-name order', async () => {
    const created: AdminUser = { id: '15', username: 'li.si', displayName: '李四', role: 'PLANNER', departments: [yanfeng], active: true, createdAt: '2026-11-24T08:00:00.000Z' };
    const result = vi.fn(() => ({ data: { createUser: { __typename: 'UserPayload', user: typed(created), userErrors: [] } } }));
    mount([{ request: createRequest({ departmentIds: ['2'] }), result }]);
    await waitFor(() => expect(rowNames()).toEqual(['admin', 'reviewer']));
    const form = fillCreateForm();
    await waitFor(() => expect(within(form).getByRole('checkbox', { name: '中共株洲市炎峰区委员会宣传部' })).toBeTruthy());
    fireEvent.click(within(form).getByRole('checkbox', { name: '中共株洲市炎峰区委员会宣传部' }));
    fireEvent.click(within(form).getByRole('button', { name: '创建用户' }));
    await waitFor(() => expect(rowNames()).toEqual(['admin', 'li.si', 'reviewer']));
    expect(result).toHaveBeenCalledTimes(1);
    const row = screen.getAllByRole('row')[2]!;
    expect(within(row).getByText('李四')).toBeTruthy();
    expect((within(row).getByLabelText('li.si 角色') as HTMLSelectElement).value).toBe('PLANNER');
    expect(screen.getByText('共 3 个用户')).toBeTruthy();
    expect(within(form).getByRole('status').textContent).toBe('已创建用户 li.si');
    expect((within(form).getByLabelText('登录名') as HTMLInputElement).value).toBe('');
  });

  it('停用 a user through updateUser; the row shows 停用', async () => {
    const result = vi.fn(() => ({ data: { updateUser: { __typename: 'UserPayload', user: typed({ ...reviewer, active: false }), userErrors: [] } } }));
    mount([{ request: { query: UPDATE_USER, variables: { id: '12', input: { active: false } } }, result }]);
    await waitFor(() => expect(rowNames()).toEqual(['admin', 'reviewer']));
    fireEvent.click(screen.getByRole('button', { name: 'reviewer 停用' }));
    await waitFor(() => expect(result).toHaveBeenCalledTimes(1));
    const row = () => screen.getAllByRole('row')[2]!;
    await waitFor(() => expect(within(row()).getByText('停用', { selector: '.user-state' })).toBeTruthy());
    expect(within(row()).getByRole('button', { name: 'reviewer 启用' })).toBeTruthy();
  });

  it('removing a reviewer\'s last department: REQUIRED is shown at 负责部门 and the box stays ticked', async () => {
    const result = vi.fn(() => ({
      data: {
        updateUser: {
          __typename: 'UserPayload',
          user: null,
          userErrors: userErrors([{ field: ['input', 'departmentIds'], message: '编报、审核、评价人员须指定负责的部门 (this role needs departments)', code: 'REQUIRED' }]),
        },
      },
    }));
    mount([{ request: { query: UPDATE_USER, variables: { id: '12', input: { departmentIds: [] } } }, result }]);
    await waitFor(() => expect(rowNames()).toEqual(['admin', 'reviewer']));
    const row = screen.getAllByRole('row')[2]!;
    const box = () => within(within(row).getByRole('group', { name: 'reviewer 负责部门' })).getByRole('checkbox', { name: '石峰区委宣传部' }) as HTMLInputElement;
    await waitFor(() => expect(box().checked).toBe(true));
    fireEvent.click(box());
    await waitFor(() => expect(result).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(within(row).getByRole('alert').textContent).toContain('须指定负责的部门'));
    expect(within(row).getByRole('alert').closest('td')!.querySelector('details')).toBeTruthy();
    expect(box().checked).toBe(true);
  });
});
