import { InMemoryCache } from '@apollo/client';
import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Indicator, PlanAction } from '../../graphql/fragments';
import { ME } from '../auth/auth.graphql';
import { DepartmentList } from '../departments/DepartmentList';
import { DEPARTMENTS } from '../departments/departments.graphql';
import { accessFrom, PlanAccessContext } from './access';
import { IndicatorTable } from './IndicatorTable';
import { SET_INDICATOR_WEIGHT } from './indicator.graphql';
import { ReasonDialogHost } from '../../components/ReasonDialog';
import { ApprovalNote, StatusNote, Workflow } from './PlanPage';
import { APPROVE_PLAN, AUDIT_LOG, START_EVALUATION, type Plan } from './plan.graphql';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const indicator: Indicator = {
  id: '11', version: 3, planId: '2', lineItemId: null, position: 0,
  level1: 'OUTPUT', level1Label: '产出指标', level2: 'QUANTITY', level2Label: '数量指标',
  name: '开展宣传活动次数', targetText: '≥12次', actualText: '10次', weight: '10', score: null,
  deduction: null, deviationReason: null, scoreUnconfirmed: false, remark: null, evidence: null, unknownLevelLabels: [],
  target: null, actual: null,
  gap: {
    status: 'PARTIAL', difference: '-2', differenceUnit: '次', favourable: false, completion: '0.8333', completionPercent: '83.33%',
    suggestedScore: '8.33', evaluatorScore: null, effectiveScore: '8.33', scoreSource: 'SUGGESTED', scoringMethod: null,
    explanation: '实际 10 次，目标 ≥ 12 次，完成 83.33%', warnings: [],
  },
} as Indicator;

function table(mode: 'planning' | 'evaluation', mocks: MockLink.MockedResponse[] = [], actions: PlanAction[] = ['EDIT_DRAFT', 'SUBMIT'], row: Indicator = indicator) {
  return render(
    <MockedProvider mocks={mocks}>
      <PlanAccessContext.Provider value={accessFrom({ id: '2', version: 5, status: mode === 'planning' ? 'DRAFT' : 'EVALUATING', allowedActions: actions })}>
        <IndicatorTable planId="2" lineItemId={null} indicators={[row]} mode={mode} />
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

describe('numbers typed into a cell (分值)', () => {
  it('refuses what is not a number with a plain message at the cell, sending nothing', async () => {
    table('planning');
    typeInto('分值', '十分');
    expect((await screen.findByRole('alert')).textContent).toContain('请输入数字');
  });

  it('sends "16分" as 16 (full-width digits too: app/text.test.ts), and shows a refusal without its English part', async () => {
    const result = vi.fn(() => ({
      data: { setIndicatorWeight: { __typename: 'IndicatorChangePayload', indicator: null, plan: null, userErrors: [{ __typename: 'UserError', field: ['weight'], message: '分值超出范围 (weight out of range)', code: 'INVALID' }] } },
    }));
    table('planning', [{ request: { query: SET_INDICATOR_WEIGHT, variables: { id: '11', weight: '16', expectedVersion: 3 } }, result, maxUsageCount: 2 }]);
    typeInto('分值', '16分');
    await waitFor(() => expect(result).toHaveBeenCalledTimes(1));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('分值超出范围');
    expect(alert.textContent).not.toContain('weight out of range');
  });
});

describe('the indicator row', () => {
  it('shows 差额 and the explanation as text in the 自评 row', () => {
    table('evaluation', [], ['EVALUATE']);
    const detail = document.querySelector('[data-gap-detail]');
    expect(detail?.textContent).toContain('差额：-2次');
    expect(detail?.textContent).toContain('实际 10 次，目标 ≥ 12 次，完成 83.33%');
  });

  it('marks a score to re-confirm and shows the 偏差原因 beside the 扣分原因', () => {
    // Read by someone who may not evaluate (the evaluator edits it: IndicatorTable.test.tsx).
    table('evaluation', [], [], { ...indicator, score: '8', scoreUnconfirmed: true, deviationReason: '活动因疫情延期' });
    expect(document.querySelector('[data-unconfirmed]')?.textContent).toBe('得分待确认');
    expect(document.querySelector('[data-deviation-reason]')?.textContent).toBe('偏差原因：活动因疫情延期');
  });

  it('every control (move, delete, 设定, 历史) is reachable with Tab', () => {
    table('planning');
    for (const name of ['上移', '下移', '删除', /^历史/, /^设定/]) {
      const buttons = screen.getAllByRole('button', { name });
      for (const button of buttons) expect(button.getAttribute('tabindex')).not.toBe('-1');
    }
  });
});

const plan = { id: '2', version: 7, status: 'SUBMITTED', allowedActions: ['APPROVE', 'RETURN'], department: { id: '1', name: '区委宣传部', shortName: null, region: null } } as unknown as Plan;

describe('workflow steps that cannot be undone ask first', () => {
  it('批复 asks for the 批复意见 in its confirmation: cancelled → nothing sent; confirmed → approvePlan with the opinion and the version shown', async () => {
    const approved = { __typename: 'Plan', id: '2', version: 8, status: 'APPROVED', allowedActions: ['ADJUST_TARGET'], approvalOpinion: '同意，年中报送执行进度', approvalOpinionBy: '审核员', approvalOpinionAt: '2026-12-01T08:00:00Z' };
    const result = vi.fn(() => ({ data: { approvePlan: { __typename: 'PlanPayload', plan: approved, userErrors: [] } } }));
    const confirm = vi.spyOn(window, 'confirm');
    render(
      <MockedProvider mocks={[{ request: { query: APPROVE_PLAN, variables: { id: '2', expectedVersion: 7, opinion: '同意，年中报送执行进度' } }, result }]}>
        <div>
          <ReasonDialogHost />
          <Workflow plan={plan} />
        </div>
      </MockedProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: '批复' }));
    const dialog = await screen.findByRole('dialog', { name: '批复计划' });
    expect(dialog.textContent).toContain('确定批复');
    expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: '批复意见' }).value).toBe('同意');
    fireEvent.click(screen.getByRole('button', { name: '取消' }));
    await new Promise((r) => setTimeout(r, 20));
    expect(result).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: '批复' }));
    fireEvent.change(await screen.findByRole('textbox', { name: '批复意见' }), { target: { value: ' 同意，年中报送执行进度 ' } });
    fireEvent.click(screen.getByRole('button', { name: '确定' }));
    await waitFor(() => expect(result).toHaveBeenCalledTimes(1));
    expect(confirm).not.toHaveBeenCalled();
  });

  it('开始自评 asks for the 开始自评意见 in the same dialog: cancelled → nothing sent; confirmed → startEvaluation with the opinion', async () => {
    const approvedPlan = { ...plan, status: 'APPROVED', allowedActions: ['START_EVALUATION'] } as unknown as Plan;
    const evaluating = { __typename: 'Plan', id: '2', version: 8, status: 'EVALUATING', allowedActions: ['CLOSE'], approvalOpinion: null, approvalOpinionBy: null, approvalOpinionAt: null };
    const result = vi.fn(() => ({ data: { startEvaluation: { __typename: 'PlanPayload', plan: evaluating, userErrors: [] } } }));
    const confirm = vi.spyOn(window, 'confirm');
    render(
      <MockedProvider mocks={[{ request: { query: START_EVALUATION, variables: { id: '2', expectedVersion: 7, opinion: '请3月底前填报实际完成值' } }, result }]}>
        <div>
          <ReasonDialogHost />
          <Workflow plan={approvedPlan} />
        </div>
      </MockedProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: '开始自评' }));
    const dialog = await screen.findByRole('dialog', { name: '开始自评' });
    expect(dialog.textContent).toContain('确定开始自评');
    expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: '开始自评意见' }).value).toBe('');
    fireEvent.click(screen.getByRole('button', { name: '取消' }));
    await new Promise((r) => setTimeout(r, 20));
    expect(result).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: '开始自评' }));
    fireEvent.change(await screen.findByRole('textbox', { name: '开始自评意见' }), { target: { value: ' 请3月底前填报实际完成值 ' } });
    fireEvent.click(screen.getByRole('button', { name: '确定' }));
    await waitFor(() => expect(result).toHaveBeenCalledTimes(1));
    expect(confirm).not.toHaveBeenCalled();
  });

  it('the planner sees the 批复意见 with who gave it and when', () => {
    render(<ApprovalNote plan={{ approvalOpinion: '同意，年中报送执行进度', approvalOpinionBy: '审核员', approvalOpinionAt: '2026-12-01T08:00:00Z' }} />);
    const note = screen.getByRole('note');
    expect(note.textContent).toContain('批复意见：同意，年中报送执行进度');
    expect(note.textContent).toContain('审核员');
    cleanup();
    render(<ApprovalNote plan={{ approvalOpinion: null, approvalOpinionBy: null, approvalOpinionAt: null }} />);
    expect(screen.queryByRole('note')).toBeNull();
  });
});

describe('the note of the last status change (退回原因, 开始自评意见)', () => {
  const trail = (before: string, after: string, reason: string) => {
    const entry = { __typename: 'AuditEntry', id: '90', at: '2026-11-30T08:00:00Z', userName: '审核员', objectType: 'Plan', objectId: '2', field: 'status', before: JSON.stringify(before), after: JSON.stringify(after), reason };
    return [{ request: { query: AUDIT_LOG, variables: { planId: '2', objectType: 'Plan', objectId: '2', field: 'status', first: 1 } }, result: { data: { auditLog: { __typename: 'AuditConnection', totalCount: 1, pageInfo: { __typename: 'PageInfo', endCursor: null, hasNextPage: false }, nodes: [entry] } } } }];
  };
  it('a returned plan shows the reason of the last return, from the plan’s audit trail', async () => {
    render(
      <MockedProvider mocks={trail('SUBMITTED', 'DRAFT', '产出指标缺少数量指标')}>
        <StatusNote planId="2" status="DRAFT" />
      </MockedProvider>,
    );
    expect((await screen.findByRole('note')).textContent).toBe('退回原因：产出指标缺少数量指标（审核员）');
  });
  it('an evaluating plan shows the 开始自评意见 with who gave it', async () => {
    render(
      <MockedProvider mocks={trail('APPROVED', 'EVALUATING', '请3月底前填报实际完成值')}>
        <StatusNote planId="2" status="EVALUATING" />
      </MockedProvider>,
    );
    expect((await screen.findByRole('note')).textContent).toBe('开始自评意见：请3月底前填报实际完成值（审核员）');
  });
  it('no note when the newest status change did not lead here', async () => {
    render(
      <MockedProvider mocks={trail('SUBMITTED', 'DRAFT', '产出指标缺少数量指标')}>
        <StatusNote planId="2" status="EVALUATING" />
      </MockedProvider>,
    );
    await new Promise((r) => setTimeout(r, 30));
    expect(screen.queryByRole('note')).toBeNull();
  });
});

describe('新建部门', () => {
  const departments = { request: { query: DEPARTMENTS, variables: { filter: {}, first: 50 } }, result: { data: { departments: { __typename: 'DepartmentConnection', totalCount: 0, pageInfo: { __typename: 'PageInfo', endCursor: null, hasNextPage: false }, nodes: [] } } }, maxUsageCount: 5 };
  const mount = (role: string) => {
    const cache = new InMemoryCache();
    cache.writeQuery({ query: ME, data: { me: { __typename: 'User', id: '1', username: 'u', displayName: 'U', role, departments: [] } } as never });
    return render(
      <MockedProvider mocks={[departments]} cache={cache}>
        <DepartmentList />
      </MockedProvider>,
    );
  };
  it('is offered to administrators only', () => {
    mount('PLANNER');
    expect(screen.queryByRole('heading', { name: '新建部门' })).toBeNull();
    cleanup();
    mount('ADMIN');
    expect(screen.getByRole('heading', { name: '新建部门' })).toBeTruthy();
  });
});
