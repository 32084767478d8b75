import { MockedProvider } from '@apollo/client/testing/react';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AUDIT_LOG } from './plan.graphql';
import { HistoryButton, HistoryPanel, readJson } from './HistoryPanel';

afterEach(cleanup);

const entries = [
  { id: '9', at: '2026-11-24T08:30:00.000Z', userName: '石峰编报员', objectType: 'Indicator', objectId: '12', field: 'targetText', before: '"不少于12次"', after: '"不少于15次"', reason: '调整：上级要求增加场次' },
  { id: '7', at: '2026-11-24T08:00:00.000Z', userName: '评价人员', objectType: 'Indicator', objectId: '12', field: 'weight', before: null, after: '"10"', reason: null },
];

const mocks = [
  {
    request: { query: AUDIT_LOG, variables: { planId: '3', objectType: 'Indicator', objectId: '12', first: 50 } },
    result: {
      data: {
        auditLog: {
          __typename: 'AuditEntryConnection',
          totalCount: 2,
          pageInfo: { __typename: 'PageInfo', endCursor: 'c2', hasNextPage: false },
          nodes: entries.map((entry) => ({ __typename: 'AuditEntry', ...entry })),
        },
      },
    },
  },
];

describe('HistoryPanel (a cell history from auditLog)', () => {
  it('lists who, when, which field, before → after and why, newest first', async () => {
    render(
      <MockedProvider mocks={mocks}>
        <HistoryPanel planId="3" objectType="Indicator" objectId="12" title="开展宣讲" onClose={vi.fn()} />
      </MockedProvider>,
    );
    const dialog = screen.getByRole('dialog', { name: '修改记录：开展宣讲' });
    expect(await within(dialog).findByText('共 2 条')).toBeTruthy();
    const items = dialog.querySelectorAll('li');
    expect(items).toHaveLength(2);
    expect(items[0].textContent).toContain('石峰编报员');
    expect(items[0].textContent).toContain('指标值');
    expect(items[0].querySelector('.history-before')?.textContent).toBe('不少于12次');
    expect(items[0].querySelector('.history-after')?.textContent).toBe('不少于15次');
    expect(items[0].textContent).toContain('原因：调整：上级要求增加场次');
    expect(items[1].textContent).toContain('分值');
    expect(items[1].querySelector('.history-before')?.textContent).toBe('（空）');
    expect(items[1].querySelector('.history-reason')).toBeNull();
  });

  it('opens from the row button and closes', async () => {
    render(
      <MockedProvider mocks={mocks}>
        <HistoryButton planId="3" indicator={{ id: '12', name: '开展宣讲' }} />
      </MockedProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: '历史 开展宣讲' }));
    expect(await screen.findByText('共 2 条')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '关闭' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('reads the JSON before/after values', () => {
    expect(readJson('"95%"')).toBe('95%');
    expect(readJson('12.5')).toBe('12.5');
    expect(readJson('null')).toBe('（空）');
    expect(readJson(null)).toBe('（空）');
    expect(readJson('{"initial":"1.5"}')).toBe('{"initial":"1.5"}');
    expect(readJson('not json')).toBe('not json');
  });
});
