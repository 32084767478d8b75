import { gql, InMemoryCache } from '@apollo/client';
import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UPDATE_EVALUATION } from './evaluation.graphql';
import type { EvaluationNarrative, PlanAction } from '../../graphql/fragments';
import { accessFrom, PlanAccessContext } from '../plan-editor/access';
import { NarrativeBlock } from './NarrativeBlock';

afterEach(cleanup);

const evaluation: EvaluationNarrative = {
  id: '1',
  version: 4,
  evaluators: [{ name: '张三', title: '副部长', unit: '区委宣传部' }],
  satisfaction: { satisfied: '95%', basicallySatisfied: '3%', dissatisfied: null },
  problems: ['预算编制的精细化略有不足'],
  measures: ['进一步提高预算执行率'],
  application: null,
  disclosure: '已在部门网站公开',
};

function payload(changes: Partial<EvaluationNarrative>, userErrors: { field: string[]; message: string; code: string }[] = []) {
  const e = { ...evaluation, ...changes };
  return {
    data: {
      updateEvaluation: {
        __typename: 'EvaluationPayload',
        evaluation: {
          __typename: 'Evaluation',
          ...e,
          evaluators: e.evaluators?.map((p) => ({ __typename: 'Evaluator', ...p })) ?? null,
          satisfaction: e.satisfaction && { __typename: 'SatisfactionSurvey', ...e.satisfaction },
          totalScore: null,
          grade: null,
          maxScore: null,
          plan: { __typename: 'Plan', id: '2', version: 10, status: 'EVALUATING', allowedActions: ['EVALUATE', 'CLOSE'], evaluation: { __typename: 'Evaluation', id: e.id } },
        },
        userErrors: userErrors.map((u) => ({ __typename: 'UserError', ...u })),
      },
    },
  };
}

function mount(mocks: MockLink.MockedResponse[], current: EvaluationNarrative | null = evaluation, actions: PlanAction[] = ['EVALUATE', 'CLOSE'], cache?: InMemoryCache) {
  return render(
    <MockedProvider mocks={mocks} cache={cache}>
      <PlanAccessContext.Provider value={accessFrom({ id: '2', version: 9, status: 'EVALUATING', allowedActions: actions })}>
        <NarrativeBlock planId="2" evaluation={current} />
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

const request = (input: Record<string, unknown>, expectedVersion: number | null) => ({ query: UPDATE_EVALUATION, variables: { input: { planId: '2', ...input }, expectedVersion } });

describe('NarrativeBlock (自评表的评价人员、满意度、问题、措施、结果应用、公开情况)', () => {
  it('shows the narrative as stated', () => {
    mount([]);
    expect(screen.getByRole('button', { name: '评价人员 1 姓名' }).textContent).toBe('张三');
    expect(screen.getByRole('button', { name: '评价人员 1 职务' }).textContent).toBe('副部长');
    expect(screen.getByRole('button', { name: '满意度调查 满意' }).textContent).toBe('95%');
    expect(screen.getByRole('button', { name: '存在的问题 1' }).textContent).toBe('预算编制的精细化略有不足');
    expect(screen.getByRole('button', { name: '改进措施 1' }).textContent).toBe('进一步提高预算执行率');
    expect(screen.getByRole('button', { name: '公开情况' }).textContent).toBe('已在部门网站公开');
  });

  it('the first save creates the evaluation: no version to expect yet; the payload links it to the plan in the cache', async () => {
    const result = vi.fn(() => payload({ version: 1, problems: ['部分项目验收滞后'], evaluators: null, satisfaction: null, measures: null, disclosure: null }));
    const cache = new InMemoryCache();
    cache.writeFragment({ id: 'Plan:2', fragment: gql`fragment PlanNoEvaluation on Plan { id evaluation { id } }`, data: { __typename: 'Plan', id: '2', evaluation: null } });
    mount([{ request: request({ problems: ['部分项目验收滞后'] }, null), result }], null, undefined, cache);
    typeInto('添加问题', '部分项目验收滞后');
    await waitFor(() => expect(result).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(screen.queryByText('保存中…')).toBeNull());
    expect(screen.queryByRole('alert')).toBeNull();
    expect(cache.extract()['Plan:2']?.evaluation).toEqual({ __ref: 'Evaluation:1' });
  });

  it('sends the survey whole with the one share changed, expecting evaluation.version', async () => {
    const result = vi.fn(() => payload({ version: 5, satisfaction: { satisfied: '95%', basicallySatisfied: '3%', dissatisfied: '2%' } }));
    mount([{ request: request({ satisfaction: { satisfied: '95%', basicallySatisfied: '3%', dissatisfied: '2%' } }, 4), result }]);
    typeInto('满意度调查 不满意', '2%');
    await waitFor(() => expect(result).toHaveBeenCalledTimes(1));
  });

  it('edits one evaluator in the list and adds another', async () => {
    const edited = vi.fn(() => payload({ version: 5, evaluators: [{ name: '张三', title: '部长', unit: '区委宣传部' }] }));
    const added = vi.fn(() => payload({ version: 5, evaluators: [...evaluation.evaluators!, { name: '李四', title: null, unit: null }] }));
    mount([{ request: request({ evaluators: [{ name: '张三', title: '部长', unit: '区委宣传部' }] }, 4), result: edited }]);
    typeInto('评价人员 1 职务', '部长');
    await waitFor(() => expect(edited).toHaveBeenCalledTimes(1));
    cleanup();
    mount([{ request: request({ evaluators: [{ name: '张三', title: '副部长', unit: '区委宣传部' }, { name: '李四', title: null, unit: null }] }, 4), result: added }]);
    typeInto('添加评价人员 姓名', '李四');
    await waitFor(() => expect(added).toHaveBeenCalledTimes(1));
  });

  it('shows a refused value at the field', async () => {
    mount([{ request: request({ application: 'x'.repeat(3) }, 4), result: { data: { updateEvaluation: { __typename: 'EvaluationPayload', evaluation: null, userErrors: [{ __typename: 'UserError', field: ['input', 'application'], message: '内容过长', code: 'TOO_LONG' }] } } } }]);
    typeInto('结果应用', 'xxx');
    expect((await screen.findByRole('alert')).textContent).toBe('内容过长');
  });

  it('a CONFLICT shows their value with the two choices', async () => {
    mount([
      {
        request: request({ disclosure: '未公开' }, 4),
        result: payload({ version: 6, disclosure: '已在政府网站公开' }, [{ field: ['expectedVersion'], message: '已被他人修改', code: 'CONFLICT' }]),
      },
    ]);
    typeInto('公开情况', '未公开');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('已被他人修改：当前值');
    expect(alert.textContent).toContain('已在政府网站公开');
    expect(screen.getByRole('button', { name: '用我的值覆盖' })).toBeTruthy();
  });

  it('is read-only unless allowedActions has EVALUATE', () => {
    mount([], evaluation, ['EDIT_DRAFT']);
    fireEvent.focus(screen.getByRole('button', { name: '存在的问题 1' }));
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryByRole('button', { name: '添加问题' })).toBeNull();
    expect(screen.queryByRole('button', { name: /删除评价人员/ })).toBeNull();
  });
});
