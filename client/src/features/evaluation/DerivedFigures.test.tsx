import { MockedProvider } from '@apollo/client/testing/react';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DerivedFigures } from './DerivedFigures';
import { PLAN_DERIVED_FIGURES } from './evaluation.graphql';

afterEach(cleanup);

const rate = (value: string | null, explanation: string) => ({ __typename: 'DerivedRate', value, explanation });

describe('部门整体共性指标 (issue 10 item 5)', () => {
  it('shows each rate the server computed with its formula, and what is missing where a figure is not stated', async () => {
    const derivedFigures = {
      __typename: 'DerivedFigures',
      budgetAdjustmentRate: rate(null, '年初预算数未填报，无法计算预算调整率'),
      carryOverRate: rate('0', '结转结余未填报，按全年预算 563.72 万元 − 实际支出 563.72 万元 = 0 万元 计；结转结余率 = 结转结余 0 万元 / 全年预算数 563.72 万元 = 0%'),
      staffControlRate: rate('93.75', '在职人员控制率 = 实有人数 15 人 / 编制数 16 人 = 93.75%（未超编）'),
      threePublicChangeRate: rate('-10', '三公经费变动率 =（本年度 4.5 万元 − 2023 年度 5 万元）/ 5 万元 = -10%（按实际支出；负数为压减）'),
    };
    render(
      <MockedProvider mocks={[{ request: { query: PLAN_DERIVED_FIGURES, variables: { id: '2' } }, result: { data: { plan: { __typename: 'Plan', id: '2', derivedFigures } } } }]}>
        <DerivedFigures planId="2" revision="a" />
      </MockedProvider>,
    );
    expect(await screen.findByText('部门整体共性指标（由填报数计算）')).toBeTruthy();
    const row = (key: string) => [...document.querySelectorAll(`[data-derived="${key}"] > *`)].map((cell) => cell.textContent);
    expect(row('budgetAdjustmentRate')).toEqual(['预算调整率', '—', '年初预算数未填报，无法计算预算调整率']);
    expect(row('carryOverRate').slice(0, 2)).toEqual(['结转结余率', '0%']);
    expect(row('staffControlRate')).toEqual(['在职人员控制率', '93.75%', '在职人员控制率 = 实有人数 15 人 / 编制数 16 人 = 93.75%（未超编）']);
    expect(row('threePublicChangeRate').slice(0, 2)).toEqual(['三公经费变动率', '-10%']);
  });
});
