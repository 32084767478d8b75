import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Api, openApi, readFixture } from './harness.js';

let api: Api;
beforeEach(async () => {
  api = await openApi();
});
afterEach(async () => {
  await api.close();
});

const IMPORT = 'mutation($d: JSONObject!) { importPlanDocument(document: $d) { plan { id } userErrors { code } } }';
const LOCATION = 'location { part figure stage budgetCategory budgetLineId lineItemId indicatorId section evaluationSectionId }';

describe('勾稽关系 warnings are located by structure, not by a path to parse', () => {
  it('fixture 004: budget category and stage, evaluation section, indicator table, total score', async () => {
    const id = (await api.gql(IMPORT, { d: readFixture('yanfeng') })).importPlanDocument.plan.id;
    const { plan } = await api.gql(`query($id: ID!) { plan(id: $id) { checks { code ${LOCATION} } evaluation { sections { id } } budget { total { id } basic { id } } } }`, { id });
    const none = { budgetCategory: null, budgetLineId: null, lineItemId: null, indicatorId: null, section: null, evaluationSectionId: null, stage: null };
    const total = plan.budget.total.id;
    const output = plan.evaluation.sections[1].id;
    // The §7 inconsistencies come first; findings about scores and reasons follow them.
    expect(plan.checks.slice(0, 8)).toEqual([
      { code: 'TOTAL_NATURE_SUM', location: { ...none, part: 'BUDGET', figure: 'AMOUNT', stage: 'FULL_YEAR', budgetCategory: 'TOTAL', budgetLineId: total } },
      { code: 'TOTAL_NATURE_SUM', location: { ...none, part: 'BUDGET', figure: 'AMOUNT', stage: 'ACTUAL', budgetCategory: 'TOTAL', budgetLineId: total } },
      { code: 'BASIC_SUM', location: { ...none, part: 'BUDGET', figure: 'AMOUNT', stage: 'ACTUAL', budgetCategory: 'BASIC', budgetLineId: plan.budget.basic.id } },
      { code: 'EXECUTION_RATE', location: { ...none, part: 'BUDGET', figure: 'EXECUTION_RATE', budgetCategory: 'TOTAL', budgetLineId: total } },
      { code: 'SECTION_WEIGHT_SUM', location: { ...none, part: 'EVALUATION', figure: 'WEIGHT', section: 'OUTPUT', evaluationSectionId: output } },
      { code: 'SECTION_SCORE_SUM', location: { ...none, part: 'EVALUATION', figure: 'SCORE', section: 'OUTPUT', evaluationSectionId: output } },
      { code: 'INDICATOR_WEIGHTS_TOTAL_100', location: { ...none, part: 'INDICATOR', figure: 'WEIGHT' } },
      { code: 'TOTAL_SCORE_SUM', location: { ...none, part: 'EVALUATION', figure: 'TOTAL_SCORE' } },
    ]);
  });

  it('a line item and an indicator on it: their ids, and the document path kept for old clients', async () => {
    const document = {
      source: 'test',
      kind: 'self_evaluation',
      year: 2024,
      department: { name: '勾稽测试部门' },
      budget: { project: { initial: '90' } },
      lineItems: [
        {
          name: '宣传经费',
          amounts: { initial: '100' },
          children: [{ name: '子项', amounts: { initial: '60' }, indicators: [{ level1: '产出指标', name: '宣传报道', weight: 5, score: 6 }] }],
        },
      ],
    };
    const id = (await api.gql(IMPORT, { d: document })).importPlanDocument.plan.id;
    const { plan } = await api.gql(
      `query($id: ID!) { plan(id: $id) { checks { code path lineItemId indicatorId ${LOCATION} } lineItems { id children { id indicators { id } } } } }`,
      { id },
    );
    const parent = plan.lineItems[0];
    const child = parent.children[0];
    const indicator = child.indicators[0].id;
    expect(plan.checks.map((row: any) => [row.code, row.path, row.location.part, row.location.figure, row.location.stage, row.location.lineItemId, row.location.indicatorId, row.location.section])).toEqual([
      ['LINE_ITEMS_PROJECT_SUM', 'budget.project.initial', 'BUDGET', 'AMOUNT', 'INITIAL', null, null, null],
      ['LINE_ITEM_CHILDREN_SUM', 'lineItems[0].amounts.initial', 'LINE_ITEM', 'AMOUNT', 'INITIAL', parent.id, null, null],
      ['SCORE_EXCEEDS_WEIGHT', 'lineItems[0].children[0].indicators[0].score', 'INDICATOR', 'SCORE', null, child.id, indicator, 'OUTPUT'],
    ]);
    expect(plan.checks[2]).toMatchObject({ lineItemId: child.id, indicatorId: indicator });
  });
});
