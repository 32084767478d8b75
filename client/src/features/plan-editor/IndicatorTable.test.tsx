/**
 * Issue 10 item 7 in the editor: the new-row form offers the 预算执行率 row and the 部门整体 framework's
 * sections; the 预算执行率 row is scored like any other; the evaluator edits the 偏差原因 in the row.
 */
import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Indicator, PlanAction } from '../../graphql/fragments';
import { accessFrom, PlanAccessContext } from './access';
import { IndicatorTable } from './IndicatorTable';
import { ADD_INDICATOR, SCORE_INDICATOR, SET_INDICATOR_DEVIATION_REASON } from './indicator.graphql';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const executionRow = {
  id: '21', version: 2, planId: '2', lineItemId: null, position: 0,
  level1: 'BUDGET_EXECUTION', level1Label: '预算执行率', level2: null, level2Label: null,
  name: '预算执行率', targetText: '100%', actualText: null, weight: '10', score: null,
  deduction: null, deviationReason: null, scoreUnconfirmed: false, remark: null, evidence: null, unknownLevelLabels: [],
  target: null, actual: null,
  gap: {
    status: 'PARTIAL', difference: null, differenceUnit: null, favourable: null, completion: '0.804167', completionPercent: '80.42%',
    suggestedScore: '8.04', evaluatorScore: null, effectiveScore: '8.04', scoreSource: 'SUGGESTED', scoringMethod: null,
    explanation: '执行数 96.5 万元 / 全年预算数 120 万元 = 80.42%，建议得分 8.04 分（10 × 80.42%）', warnings: [],
  },
} as unknown as Indicator;

function table(mode: 'planning' | 'evaluation', mocks: MockLink.MockedResponse[], actions: PlanAction[], rows: Indicator[] = []) {
  return render(
    <MockedProvider mocks={mocks}>
      <PlanAccessContext.Provider value={accessFrom({ id: '2', version: 5, status: mode === 'planning' ? 'DRAFT' : 'EVALUATING', allowedActions: actions })}>
        <IndicatorTable planId="2" lineItemId={null} indicators={rows} mode={mode} />
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

const changed = (field: string, row: Indicator) => ({
  data: { [field]: { __typename: 'IndicatorChangePayload', indicator: { __typename: 'Indicator', ...row }, plan: null, userErrors: [] } },
});

describe('the new-row form (issue 10 item 7)', () => {
  it('offers 预算执行率 and the 部门整体 framework\'s 决策/投入/过程 beside 产出/效益/满意度/成本', () => {
    table('planning', [], ['EDIT_DRAFT']);
    const options = [...(screen.getByRole('combobox', { name: '一级指标' }) as HTMLSelectElement).options].map((option) => option.text);
    expect(options).toEqual(['产出指标', '效益指标', '满意度指标', '成本指标', '预算执行率', '决策', '投入', '过程']);
  });

  it('adds the 预算执行率 row, named after its section when no name is typed', async () => {
    const result = vi.fn(() => ({ data: { addIndicator: { __typename: 'IndicatorPayload', indicator: { __typename: 'Indicator', ...executionRow }, userErrors: [] } } }));
    table('planning', [{ request: { query: ADD_INDICATOR, variables: { input: { planId: '2', lineItemId: null, fields: { level1Label: '预算执行率', level2Label: '', name: '预算执行率' } } } }, result }], ['EDIT_DRAFT']);
    fireEvent.change(screen.getByRole('combobox', { name: '一级指标' }), { target: { value: '预算执行率' } });
    expect((screen.getByRole('combobox', { name: '二级指标' }) as HTMLSelectElement).options).toHaveLength(0);
    fireEvent.submit(screen.getByRole('button', { name: /添加/ }).closest('form')!);
    await waitFor(() => expect(result).toHaveBeenCalledTimes(1));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('the 预算执行率 row in the 自评', () => {
  it('shows the server\'s suggestion and sends the evaluator\'s score', async () => {
    const result = vi.fn(() => changed('scoreIndicator', { ...executionRow, score: '8.04', version: 3 } as Indicator));
    table('evaluation', [{ request: { query: SCORE_INDICATOR, variables: { id: '21', score: '8.04', reason: null, expectedVersion: 2 } }, result }], ['EVALUATE'], [executionRow]);
    expect(document.querySelector('.suggested')?.textContent).toBe('8.04');
    typeInto('得分', '8.04');
    await waitFor(() => expect(result).toHaveBeenCalledTimes(1));
  });
});

describe('偏差原因 in the 自评 row', () => {
  it('the evaluator types it in the row: setIndicatorDeviationReason with the version shown', async () => {
    const row = { ...executionRow, deviationReason: null } as Indicator;
    const result = vi.fn(() => changed('setIndicatorDeviationReason', { ...row, deviationReason: '两个项目因汛期延后实施', version: 3 } as Indicator));
    table('evaluation', [{ request: { query: SET_INDICATOR_DEVIATION_REASON, variables: { id: '21', reason: '两个项目因汛期延后实施', expectedVersion: 2 } }, result }], ['EVALUATE'], [row]);
    typeInto('偏差原因', '两个项目因汛期延后实施');
    await waitFor(() => expect(result).toHaveBeenCalledTimes(1));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the server\'s refusal at the cell, keeping the typed text', async () => {
    const result = vi.fn(() => ({
      data: { setIndicatorDeviationReason: { __typename: 'IndicatorChangePayload', indicator: null, plan: null, userErrors: [{ __typename: 'UserError', field: ['reason'], message: '偏差原因须说明原因：原因只有数字或标点', code: 'REASON_REQUIRED' }] } },
    }));
    table('evaluation', [{ request: { query: SET_INDICATOR_DEVIATION_REASON, variables: { id: '21', reason: '。。', expectedVersion: 2 } }, result }], ['EVALUATE'], [executionRow]);
    typeInto('偏差原因', '。。');
    expect((await screen.findByRole('alert')).textContent).toContain('偏差原因须说明原因');
  });
});
