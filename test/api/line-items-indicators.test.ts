import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Api, openApi } from './harness.js';

let api: Api;
let planId: string;
let otherPlanId: string;
beforeEach(async () => {
  api = await openApi();
  const department = (await api.gql('mutation { createDepartment(input: { name: "中共雁峰区委宣传部" }) { department { id } } }')).createDepartment.department.id;
  const create = async (year: number) =>
    (await api.gql('mutation($d: ID!, $y: Int!) { createPlan(input: { departmentId: $d, year: $y }) { plan { id } } }', { d: department, y: year })).createPlan.plan.id;
  planId = await create(2025);
  otherPlanId = await create(2024);
});
afterEach(async () => {
  await api.close();
});

const ADD_ITEM = /* GraphQL */ `
  mutation Add($input: AddLineItemInput!) {
    addLineItem(input: $input) { lineItem { id name kind parentId planId amounts { initial } period } userErrors { field message code } }
  }
`;
const ADD_INDICATOR = /* GraphQL */ `
  mutation Add($input: AddIndicatorInput!) {
    addIndicator(input: $input) {
      indicator { id level1 level1Label level2 level2Label name targetText weight lineItemId unknownLevelLabels position }
      userErrors { field message code }
    }
  }
`;
const TREE = /* GraphQL */ `
  query Tree($id: ID!) {
    plan(id: $id) {
      indicators { name position }
      lineItems { name position children { name position indicators { name position } children { name } } indicators { name } }
    }
  }
`;

async function addItem(name: string, extra: Record<string, unknown> = {}) {
  const { position, parentId, ...fields } = extra;
  return (await api.gql(ADD_ITEM, { input: { planId, parentId, position, fields: { name, ...fields } } })).addLineItem;
}
async function addIndicator(fields: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return (await api.gql(ADD_INDICATOR, { input: { planId, ...extra, fields } })).addIndicator;
}
const tree = async () => (await api.gql(TREE, { id: planId })).plan;

describe('line items: the 专项 → 子项 tree', () => {
  it('adds 专项 and 子项 with amounts, reorders, moves under another parent and deletes a subtree', async () => {
    const business = await addItem('业务性专项经费', { kind: 'INITIAL', amounts: { initial: '15' } });
    expect(business).toEqual({
      lineItem: { id: expect.any(String), name: '业务性专项经费', kind: 'INITIAL', parentId: null, planId, amounts: { initial: '15' }, period: null },
      userErrors: [],
    });
    const media = (await addItem('融媒体中心经费', { kind: 'INITIAL', amounts: { initial: '75' } })).lineItem;
    const civil = (await addItem('文明建设和文明创建', { parentId: business.lineItem.id, period: '2021.1-2021.12', amounts: { initial: '6' } })).lineItem;
    const theory = (await addItem('理论学习', { parentId: business.lineItem.id })).lineItem;
    const ideology = (await addItem('意识形态', { parentId: business.lineItem.id, position: 0 })).lineItem;
    expect(civil.parentId).toBe(business.lineItem.id);
    let plan = await tree();
    expect(plan.lineItems.map((item: any) => [item.name, item.position, item.children.map((child: any) => child.name)])).toEqual([
      ['业务性专项经费', 0, ['意识形态', '文明建设和文明创建', '理论学习']],
      ['融媒体中心经费', 1, []],
    ]);

    await api.gql('mutation($id: ID!) { moveLineItem(id: $id, position: 0) { lineItem { position } } }', { id: media.id });
    await api.gql('mutation($id: ID!, $p: ID) { moveLineItem(id: $id, parentId: $p, position: 0) { lineItem { parentId } userErrors { code } } }', { id: theory.id, p: media.id });
    await api.gql('mutation($id: ID!, $f: LineItemInput!) { updateLineItem(id: $id, fields: $f) { lineItem { name } } }', { id: ideology.id, f: { name: '意识形态工作', use: '宣传阵地建设' } });
    plan = await tree();
    expect(plan.lineItems.map((item: any) => [item.name, item.position, item.children.map((child: any) => [child.name, child.position])])).toEqual([
      ['融媒体中心经费', 0, [['理论学习', 0]]],
      ['业务性专项经费', 1, [['意识形态工作', 0], ['文明建设和文明创建', 1]]],
    ]);

    await addIndicator({ level1Label: '产出指标', level2Label: '数量指标', name: '创建活动' }, { lineItemId: civil.id });
    const removed = (await api.gql('mutation($id: ID!) { deleteLineItem(id: $id) { deletedId userErrors { code } } }', { id: business.lineItem.id })).deleteLineItem;
    expect(removed).toEqual({ deletedId: business.lineItem.id, userErrors: [] });
    plan = await tree();
    expect(plan.lineItems.map((item: any) => [item.name, item.position])).toEqual([['融媒体中心经费', 0]]);
    const dump = await api.dump();
    expect(dump.line_item).toHaveLength(2);
    expect(dump.indicator).toHaveLength(0);
  });

  it.each([
    ['a missing name', () => addItem(''), 'REQUIRED', ['input', 'fields', 'name']],
    ['a negative amount', () => addItem('专项', { amounts: { initial: '-6' } }), 'NEGATIVE', ['input', 'fields', 'amounts', 'initial']],
    ['a parent from another plan', async () => {
      const foreign = (await api.gql(ADD_ITEM, { input: { planId: otherPlanId, fields: { name: '别的计划的专项' } } })).addLineItem.lineItem.id;
      return addItem('子项', { parentId: foreign });
    }, 'INVALID', ['input', 'parentId']],
    ['an unknown parent', () => addItem('子项', { parentId: '999' }), 'NOT_FOUND', ['input', 'parentId']],
  ])('refuses %s and changes nothing', async (_label, run, code, field) => {
    await addItem('已有专项');
    const before = await api.dump();
    const result = await run();
    // the foreign parent is created by the case itself; compare what this plan holds
    const after = await api.dump();
    expect(result).toEqual({ lineItem: null, userErrors: [{ field, code, message: expect.any(String) }] });
    expect(after.line_item.filter((row: any) => String(row.plan_id) === planId)).toEqual(before.line_item.filter((row: any) => String(row.plan_id) === planId));
  });

  it('never moves a line item under itself or its descendants', async () => {
    const parent = (await addItem('专项')).lineItem;
    const child = (await addItem('子项', { parentId: parent.id })).lineItem;
    const before = await api.dump();
    for (const target of [parent.id, child.id]) {
      const result = (await api.gql('mutation($id: ID!, $p: ID) { moveLineItem(id: $id, parentId: $p, position: 0) { lineItem { id } userErrors { code field } } }', { id: parent.id, p: target })).moveLineItem;
      expect(result).toEqual({ lineItem: null, userErrors: [{ code: 'INVALID', field: ['parentId'] }] });
    }
    expect(await api.dump()).toEqual(before);
  });
});

describe('indicators', () => {
  it('canonicalises the levels as written, keeps unknown labels and flags them', async () => {
    const rows = [
      [{ level1Label: '产出指标', level2Label: '产出数量', name: '宣讲场次', target: '不少于12次', weight: '10' }, ['OUTPUT', 'QUANTITY', []]],
      [{ level1Label: '效益指标', level2Label: '社会公众及服务对象满意度', name: '满意度', target: '95%' }, ['SATISFACTION', 'SERVICE_SATISFACTION', []]],
      [{ level1Label: '成本指标', level2Label: '经济成本', name: '印刷成本', target: '6万元以下' }, ['COST', 'ECONOMIC_COST', []]],
      [{ level1Label: '特色指标', level2Label: '创新性', name: '创新' }, ['UNKNOWN', 'UNKNOWN', ['特色指标', '创新性']]],
    ] as const;
    for (const [fields, [level1, level2, unknown]] of rows) {
      const { indicator, userErrors } = await addIndicator(fields);
      expect(userErrors).toEqual([]);
      expect(indicator).toMatchObject({ level1, level2, level1Label: fields.level1Label, level2Label: fields.level2Label, unknownLevelLabels: unknown, lineItemId: null });
    }
    expect((await tree()).indicators.map((row: any) => [row.name, row.position])).toEqual([
      ['宣讲场次', 0],
      ['满意度', 1],
      ['印刷成本', 2],
      ['创新', 3],
    ]);
  });

  it('updates, reorders, moves into a line item and deletes, keeping positions dense', async () => {
    const item = (await addItem('文明建设和文明创建')).lineItem;
    const a = (await addIndicator({ level1Label: '产出指标', name: 'A' })).indicator;
    const b = (await addIndicator({ level1Label: '产出指标', name: 'B' })).indicator;
    const c = (await addIndicator({ level1Label: '产出指标', name: 'C' }, { position: 0 })).indicator;
    expect((await tree()).indicators.map((row: any) => row.name)).toEqual(['C', 'A', 'B']);

    const updated = (await api.gql('mutation($id: ID!, $f: IndicatorInput!) { updateIndicator(id: $id, fields: $f) { indicator { level1 level2 level2Label targetText actualText weight deduction remark evidence } userErrors { code } } }', {
      id: a.id,
      f: { level2Label: '时效指标', target: '按时完成', actual: '完成', weight: '5', deduction: '个别活动延期', remark: '—', evidence: '活动台账' },
    })).updateIndicator;
    expect(updated).toEqual({
      indicator: { level1: 'OUTPUT', level2: 'TIMELINESS', level2Label: '时效指标', targetText: '按时完成', actualText: '完成', weight: '5', deduction: '个别活动延期', remark: '—', evidence: '活动台账' },
      userErrors: [],
    });

    await api.gql('mutation($i: MoveIndicatorInput!) { moveIndicator(input: $i) { indicator { lineItemId position } } }', { i: { id: c.id, lineItemId: item.id, position: 0 } });
    await api.gql('mutation($i: MoveIndicatorInput!) { moveIndicator(input: $i) { indicator { position } } }', { i: { id: b.id, position: 0 } });
    let plan = await tree();
    expect(plan.indicators.map((row: any) => [row.name, row.position])).toEqual([['B', 0], ['A', 1]]);
    expect(plan.lineItems[0].indicators.map((row: any) => row.name)).toEqual(['C']);

    await api.gql('mutation($id: ID!) { deleteIndicator(id: $id) { deletedId } }', { id: b.id });
    plan = await tree();
    expect(plan.indicators.map((row: any) => [row.name, row.position])).toEqual([['A', 0]]);
  });

  it.each([
    ['no level 1', { name: '宣讲' }, 'REQUIRED', ['input', 'fields', 'level1Label']],
    ['no name', { level1Label: '产出指标' }, 'REQUIRED', ['input', 'fields', 'name']],
    ['a negative weight', { level1Label: '产出指标', name: '宣讲', weight: '-1' }, 'NEGATIVE', ['input', 'fields', 'weight']],
    ['a weight over 100', { level1Label: '产出指标', name: '宣讲', weight: '100.5' }, 'OUT_OF_RANGE', ['input', 'fields', 'weight']],
    ['a 10 MB target', { level1Label: '产出指标', name: '宣讲', target: '次'.repeat(10 * 1024 * 1024) }, 'TOO_LONG', ['input', 'fields', 'target']],
  ])('refuses %s and changes nothing', async (_label, fields, code, field) => {
    await addIndicator({ level1Label: '产出指标', name: '已有指标' });
    const before = await api.dump();
    expect(await addIndicator(fields)).toEqual({ indicator: null, userErrors: [{ field, code, message: expect.any(String) }] });
    expect(await api.dump()).toEqual(before);
  });

  it('refuses a line item of another plan and an unknown indicator', async () => {
    const foreign = (await api.gql(ADD_ITEM, { input: { planId: otherPlanId, fields: { name: '别的计划的专项' } } })).addLineItem.lineItem.id;
    const before = await api.dump();
    expect((await addIndicator({ level1Label: '产出指标', name: '宣讲' }, { lineItemId: foreign })).userErrors).toEqual([
      { field: ['input', 'lineItemId'], code: 'INVALID', message: expect.any(String) },
    ]);
    const missing = (await api.gql('mutation { updateIndicator(id: "424242", fields: { name: "x" }) { userErrors { code field } } }')).updateIndicator;
    expect(missing.userErrors).toEqual([{ code: 'NOT_FOUND', field: ['id'] }]);
    expect(await api.dump()).toEqual(before);
  });
});
