import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHANGE_PASSWORD } from './auth.graphql';
import type { User } from '../../graphql/fragments';
import { UserMenu } from './SignIn';

afterEach(cleanup);

const me: User = { id: '7', username: 'planner.shifeng', displayName: '石峰编报', role: 'PLANNER', departments: [] };

function payload(userErrors: { field: string[]; message: string; code: string }[]) {
  return {
    data: {
      changePassword: {
        __typename: 'UserPayload',
        user: userErrors.length ? null : { __typename: 'User', id: '7' },
        userErrors: userErrors.map((e) => ({ __typename: 'UserError', ...e })),
      },
    },
  };
}

function open(mocks: MockLink.MockedResponse[]) {
  render(
    <MockedProvider mocks={mocks}>
      <UserMenu user={me} />
    </MockedProvider>,
  );
  fireEvent.click(screen.getByRole('button', { name: '修改密码' }));
  return screen.getByRole('dialog', { name: '修改密码' });
}

function fill(current: string, next: string, confirm = next): void {
  fireEvent.change(screen.getByLabelText('当前密码'), { target: { value: current } });
  fireEvent.change(screen.getByLabelText('新密码'), { target: { value: next } });
  fireEvent.change(screen.getByLabelText('确认新密码'), { target: { value: confirm } });
}

const fieldOf = (label: string) => screen.getByLabelText(label).closest('label')!;

describe('修改密码 (the signed-in user, from the header)', () => {
  it('shows BAD_CREDENTIALS at 当前密码 and keeps the dialog open', async () => {
    const result = vi.fn(() => payload([{ field: ['currentPassword'], message: '当前密码不正确 (current password is wrong)', code: 'BAD_CREDENTIALS' }]));
    const dialog = open([{ request: { query: CHANGE_PASSWORD, variables: { currentPassword: 'wrong-one', newPassword: 'new-secret-1' } }, result }]);
    fill('wrong-one', 'new-secret-1');
    fireEvent.click(dialog.querySelector('button[type="submit"]')!);
    await waitFor(() => expect(result).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(fieldOf('当前密码').textContent).toContain('当前密码不正确'));
    expect(fieldOf('新密码').textContent).not.toContain('当前密码不正确');
    expect(screen.getByLabelText('当前密码').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('dialog', { name: '修改密码' })).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('shows INVALID at 新密码; a success says so and clears the fields', async () => {
    const weak = vi.fn(() => payload([{ field: ['newPassword'], message: '密码至少 8 位 (at least 8 characters)', code: 'INVALID' }]));
    const ok = vi.fn(() => payload([]));
    const dialog = open([
      { request: { query: CHANGE_PASSWORD, variables: { currentPassword: 'jixiao-demo', newPassword: 'short' } }, result: weak },
      { request: { query: CHANGE_PASSWORD, variables: { currentPassword: 'jixiao-demo', newPassword: 'long-enough-1' } }, result: ok },
    ]);
    const submit = dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    fill('jixiao-demo', 'short');
    fireEvent.click(submit);
    await waitFor(() => expect(fieldOf('新密码').textContent).toContain('密码至少 8 位'));
    expect(fieldOf('当前密码').textContent).not.toContain('密码至少 8 位');
    fill('jixiao-demo', 'long-enough-1');
    fireEvent.click(submit);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('密码已修改'));
    expect(ok).toHaveBeenCalledTimes(1);
    expect((screen.getByLabelText('当前密码') as HTMLInputElement).value).toBe('');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('asks for the same new password twice before sending anything', () => {
    const dialog = open([]);
    fill('jixiao-demo', 'long-enough-1', 'long-enough-2');
    fireEvent.click(dialog.querySelector('button[type="submit"]')!);
    expect(fieldOf('确认新密码').textContent).toContain('两次输入的新密码不一致');
  });
});
