import { describe, expect, it } from 'vitest';
import { toMicros } from '../decimal.js';
import { checkPlan, type CheckedPlan, type CheckLocation } from './index.js';
import { checkedPlanOfDocument, locationPath } from './document.js';

const none: Omit<CheckLocation, 'part' | 'figure'> = {
  stage: null,
  budgetCategory: null,
  budgetLineId: null,
  lineItemId: null,
  indicatorId: null,
  section: null,
  evaluationSectionId: null,
};

function plan(fields: Partial<CheckedPlan>): CheckedPlan {
  return { budget: [], indicators: [], lineItems: [], evaluation: null, ...fields };
}

describe('checkPlan locates each warning by structure', () => {
  it('a budget row at a stage, by category and row id', () => {
    const [warning] = checkPlan(
      plan({
        budget: [
          { id: 't', category: 'TOTAL', name: null, amounts: { initial: '100' } },
          { id: 'b', category: 'BASIC', name: null, amounts: { initial: '30' } },
          { id: 'p', category: 'PROJECT', name: null, amounts: { initial: '60' } },
        ],
      }),
    );
    expect(warning.location).toEqual({ ...none, part: 'BUDGET', figure: 'AMOUNT', stage: 'initial', budgetCategory: 'TOTAL', budgetLineId: 't' });
  });

  it('a 经济分类 row among several, and a 年中追加 line item whose 年初 is none', () => {
    const warnings = checkPlan(
      plan({
        budget: [
          { id: 'd1', category: 'BASIC_DETAIL', name: '工资福利支出', amounts: { initial: '10', adjustment: '1', fullYear: '12' } },
        ],
        lineItems: [{ id: '7', name: '追加', midyear: true, amounts: { adjustment: '5', fullYear: '6' }, indicators: [], children: [] }],
      }),
    );
    expect(warnings.map((warning) => warning.location)).toEqual([
      { ...none, part: 'BUDGET', figure: 'AMOUNT', stage: 'fullYear', budgetCategory: 'BASIC_DETAIL', budgetLineId: 'd1' },
      { ...none, part: 'LINE_ITEM', figure: 'AMOUNT', stage: 'fullYear', lineItemId: '7' },
    ]);
  });

  it('an indicator on a line item: both ids and its section', () => {
    const indicator = { id: '9', name: '宣传报道', level1: 'OUTPUT' as const, weight: toMicros('5'), score: toMicros('6') };
    const [warning] = checkPlan(plan({ lineItems: [{ id: '3', name: '宣传经费', midyear: false, amounts: null, indicators: [indicator], children: [] }] }));
    expect(warning.location).toEqual({ ...none, part: 'INDICATOR', figure: 'SCORE', lineItemId: '3', indicatorId: '9', section: 'OUTPUT' });
  });
});

describe('a plan document read as a CheckedPlan', () => {
  it('gives every row its document path as id, so a location reads back as the path', () => {
    const checked = checkedPlanOfDocument({
      source: 't',
      kind: 'self_evaluation',
      year: 2024,
      department: { name: '部门' },
      budget: { basicDetail: [{ name: '工资福利支出', amounts: { initial: '1', executionRate: '100%' } }] },
      lineItems: [{ name: '专项', children: [{ name: '子项', indicators: [{ level1: '效益指标', level2: '社会效益指标', name: '指标' }] }] }],
      evaluation: { sections: [{ name: '产出指标', weight: 50 }] },
    });
    expect(checked.budget).toEqual([
      { id: 'budget.basicDetail[0]', category: 'BASIC_DETAIL', name: '工资福利支出', amounts: { initial: '1', statedExecutionRate: '100%' } },
    ]);
    expect(checked.lineItems[0].children[0].indicators[0]).toMatchObject({ id: 'lineItems[0].children[0].indicators[0]', level1: 'OUTCOME' });
    expect(checked.evaluation?.sections[0]).toMatchObject({ id: 'evaluation.sections[0]', level1: 'OUTPUT', weight: toMicros('50') });
    const identity = { budgetLine: (id: string) => id, lineItem: (id: string) => id, indicator: (id: string) => id, section: (id: string) => id };
    expect(locationPath({ ...none, part: 'BUDGET', figure: 'EXECUTION_RATE', budgetCategory: 'BASIC_DETAIL', budgetLineId: 'budget.basicDetail[0]' }, identity)).toBe(
      'budget.basicDetail[0].amounts.executionRate',
    );
    expect(locationPath({ ...none, part: 'BUDGET', figure: 'AMOUNT', stage: 'carryover', budgetCategory: 'INCOME_OTHER' }, identity)).toBe('budget.income.other.carryover');
    expect(locationPath({ ...none, part: 'EVALUATION', figure: 'GRADE' }, identity)).toBe('evaluation.grade');
  });
});
