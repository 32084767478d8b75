import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Api, openApi, readFixture } from './harness.js';
import { isPostgres } from '../../server/src/db/orm.js';

let api: Api;
let departmentId: string;
beforeEach(async () => {
  api = await openApi();
  departmentId = (await api.gql(`mutation { createDepartment(input: { name: "中共株洲市石峰区委员会宣传部", shortName: "石峰区委宣传部", region: "湖南省株洲市石峰区" }) { department { id } } }`))
    .createDepartment.department.id;
});
afterEach(async () => {
  await api.close();
});

const CREATE_PLAN = /* GraphQL */ `
  mutation Create($input: CreatePlanInput!) {
    createPlan(input: $input) { plan { id year status department { name } } userErrors { field message code } }
  }
`;
const UPDATE_PLAN = /* GraphQL */ `
  mutation Update($id: ID!, $input: UpdatePlanInput!) {
    updatePlan(id: $id, input: $input) {
      plan { functions internalUnits subUnits staff { authorized actual retired } overallGoals achievements budget { fixedAssets } }
      userErrors { field message code }
    }
  }
`;
const SET_BUDGET = /* GraphQL */ `
  mutation Set($input: SetBudgetLineInput!) {
    setBudgetLine(input: $input) {
      budgetLine { id category name amounts { initial adjustment fullYear actual carryover statedExecutionRate } }
      userErrors { field message code }
    }
  }
`;
const BUDGET = /* GraphQL */ `
  query Budget($id: ID!) {
    plan(id: $id) {
      budget {
        total { amounts { initial adjustment fullYear } }
        basic { amounts { initial } }
        income { generalPublic { amounts { initial } } other { id } }
        basicDetail { name amounts { initial } }
        threePublic { reception { amounts { initial } } }
        lines { category name }
      }
    }
  }
`;

async function createPlan(input: Record<string, unknown>) {
  return (await api.gql(CREATE_PLAN, { input })).createPlan;
}

describe('plans', () => {
  it('creates an empty plan per department and year, and finds it by id, by department and year, and in lists', async () => {
    const { plan, userErrors } = await createPlan({ departmentId, year: 2025 });
    expect(userErrors).toEqual([]);
    expect(plan).toEqual({ id: expect.any(String), year: 2025, status: 'DRAFT', department: { name: '中共株洲市石峰区委员会宣传部' } });
    expect((await api.gql(`{ planByYear(department: "石峰区委宣传部", year: 2025) { id } }`)).planByYear).toEqual({ id: plan.id });
    expect((await api.gql(`{ planByYear(departmentId: "${departmentId}", year: 2025) { id } }`)).planByYear).toEqual({ id: plan.id });
    expect((await api.gql(`{ planByYear(department: "石峰区委宣传部", year: 2024) { id } }`)).planByYear).toBeNull();
    const empty = (await api.gql(`{ plan(id: "${plan.id}") { budget { total { id } income { generalPublic { id } } lines { id } } keyTasks { id } lineItems { id } indicators { id } evaluation { id } } }`)).plan;
    expect(empty).toEqual({ budget: { total: null, income: null, lines: [] }, keyTasks: [], lineItems: [], indicators: [], evaluation: null });
  });

  it('filters plans by year, department, region and status', async () => {
    await api.gql('mutation($d: JSONObject!) { importPlanDocument(document: $d) { userErrors { code } } }', { d: readFixture('yanfeng') });
    await createPlan({ departmentId, year: 2021 });
    await createPlan({ departmentId, year: 2022 });
    const count = async (filter: Record<string, unknown>) =>
      (await api.gql('query($f: PlanFilter) { plans(filter: $f) { totalCount nodes { year department { shortName } } } }', { f: filter })).plans;
    expect((await count({})).nodes).toEqual([
      { year: 2024, department: { shortName: '雁峰区委宣传部' } },
      { year: 2022, department: { shortName: '石峰区委宣传部' } },
      { year: 2021, department: { shortName: '石峰区委宣传部' } },
    ]);
    expect((await count({ year: 2021 })).totalCount).toBe(1);
    expect((await count({ departmentId })).totalCount).toBe(2);
    expect((await count({ departmentName: '雁峰' })).totalCount).toBe(1);
    expect((await count({ region: '衡阳' })).totalCount).toBe(1);
    // The imported 2024 self-evaluation lands in 自评 (issue 10 item 6), where analysts filtering by status find it.
    expect((await count({ status: 'DRAFT' })).totalCount).toBe(2);
    expect((await count({ status: 'EVALUATING' })).nodes).toEqual([{ year: 2024, department: { shortName: '雁峰区委宣传部' } }]);
    expect((await count({ status: 'CLOSED' })).totalCount).toBe(0);
  });

  it('copies targets, line items and indicators from last year, never actuals, scores or money', async () => {
    const imported = (await api.gql('mutation($d: JSONObject!) { importPlanDocument(document: $d) { plan { id } } }', { d: readFixture('yanfeng') }))
      .importPlanDocument.plan;
    const yanfeng = (await api.gql('{ department(name: "雁峰区委宣传部") { id } }')).department.id;
    const { plan, userErrors } = await createPlan({ departmentId: yanfeng, year: 2025, copyFromPlanId: imported.id });
    expect(userErrors).toEqual([]);
    const copy = (await api.gql(`{ plan(id: "${plan.id}") { functions budget { lines { id } } evaluation { id } indicators { level1 level1Label name targetText actualText weight score deduction evidence } } }`)).plan;
    expect(copy.functions).toHaveLength(8);
    expect(copy.budget.lines).toEqual([]);
    expect(copy.evaluation).toBeNull();
    expect(copy.indicators).toHaveLength(11);
    expect(copy.indicators[10]).toEqual({ level1: 'SATISFACTION', level1Label: '满意度指标', name: '区直部门级乡镇街道', targetText: '≥90%', actualText: null, weight: '10', score: null, deduction: null, evidence: null });

    const shifeng = (await api.gql('mutation($d: JSONObject!) { importPlanDocument(document: $d) { plan { id } } }', { d: readFixture('shifeng') })).importPlanDocument.plan;
    const next = (await createPlan({ departmentId, year: 2022, copyFromPlanId: shifeng.id })).plan;
    const tree = (await api.gql(`{ plan(id: "${next.id}") { keyTasks { item } lineItems { name kind amounts { initial } children { name period annualGoal indicators { targetText } } } } }`)).plan;
    expect(tree.keyTasks).toHaveLength(5);
    expect(tree.lineItems.map((item: any) => [item.name, item.kind, item.amounts.initial, item.children.length])).toEqual([
      ['业务性专项经费', 'INITIAL', null, 3],
      ['融媒体中心经费', 'INITIAL', null, 2],
    ]);
    expect(tree.lineItems[0].children[0]).toMatchObject({ name: '文明建设和文明创建', period: null, annualGoal: '为株洲市蝉联全国文明城市贡献力量。' });
    expect(tree.lineItems[0].children[0].indicators).toHaveLength(9);
  });

  it('updates the profile, goals and fixed assets; deletes a plan with everything in it', async () => {
    const { plan } = await createPlan({ departmentId, year: 2025 });
    const input = {
      functions: ['指导全区的理论学习'],
      internalUnits: ['办公室', '宣传教育股'],
      subUnits: ['融媒体中心'],
      staff: { authorized: 12, actual: 11, retired: 3 },
      overallGoals: ['深入学习宣传贯彻党的二十大精神'],
      achievements: null,
      fixedAssets: '35.8',
    };
    const updated = (await api.gql(UPDATE_PLAN, { id: plan.id, input })).updatePlan;
    expect(updated.userErrors).toEqual([]);
    const { fixedAssets, ...profile } = input;
    expect(updated.plan).toEqual({ ...profile, budget: { fixedAssets } });
    await api.gql(SET_BUDGET, { input: { planId: plan.id, category: 'TOTAL', amounts: { initial: '100' } } });
    await api.gql('mutation($p: ID!) { addIndicator(input: { planId: $p, fields: { level1Label: "产出指标", name: "宣讲场次" } }) { indicator { id } } }', { p: plan.id });
    expect((await api.gql('mutation($id: ID!) { deletePlan(id: $id) { deletedId userErrors { code } } }', { id: plan.id })).deletePlan).toEqual({ deletedId: plan.id, userErrors: [] });
    const dump = await api.dump();
    expect([dump.plan, dump.budget_line, dump.indicator]).toEqual([[], [], []]);
  });
});

describe('the budget matrix', () => {
  it('sets rows by category and stage, keeps unstated stages null, and shapes them like the forms', async () => {
    const { plan } = await createPlan({ departmentId, year: 2025 });
    const total = (await api.gql(SET_BUDGET, { input: { planId: plan.id, category: 'TOTAL', amounts: { initial: '267.5915', adjustment: '-12.5' } } })).setBudgetLine;
    expect(total).toEqual({
      budgetLine: { id: expect.any(String), category: 'TOTAL', name: null, amounts: { initial: '267.5915', adjustment: '-12.5', fullYear: null, actual: null, carryover: null, statedExecutionRate: null } },
      userErrors: [],
    });
    // Setting a stage later leaves the others as they were.
    await api.gql(SET_BUDGET, { input: { planId: plan.id, category: 'TOTAL', amounts: { fullYear: '255.0915' } } });
    await api.gql(SET_BUDGET, { input: { planId: plan.id, category: 'INCOME_GENERAL_PUBLIC', amounts: { initial: '267.5915' } } });
    await api.gql(SET_BUDGET, { input: { planId: plan.id, category: 'BASIC_DETAIL', name: '工资福利支出', amounts: { initial: '150.2' } } });
    await api.gql(SET_BUDGET, { input: { planId: plan.id, category: 'BASIC', amounts: { initial: '177.59151' } } });
    await api.gql(SET_BUDGET, { input: { planId: plan.id, category: 'THREE_PUBLIC_RECEPTION', amounts: { initial: '0.000001' } } });
    const budget = (await api.gql(BUDGET, { id: plan.id })).plan.budget;
    expect(budget).toEqual({
      total: { amounts: { initial: '267.5915', adjustment: '-12.5', fullYear: '255.0915' } },
      basic: { amounts: { initial: '177.59151' } },
      income: { generalPublic: { amounts: { initial: '267.5915' } }, other: null },
      basicDetail: [{ name: '工资福利支出', amounts: { initial: '150.2' } }],
      threePublic: { reception: { amounts: { initial: '0.000001' } } },
      lines: [
        { category: 'TOTAL', name: null },
        { category: 'BASIC', name: null },
        { category: 'INCOME_GENERAL_PUBLIC', name: null },
        { category: 'BASIC_DETAIL', name: '工资福利支出' },
        { category: 'THREE_PUBLIC_RECEPTION', name: null },
      ],
    });
    const lineId = total.budgetLine.id;
    expect((await api.gql('mutation($id: ID!) { removeBudgetLine(id: $id) { deletedId } }', { id: lineId })).removeBudgetLine.deletedId).toBe(lineId);
    expect((await api.gql(BUDGET, { id: plan.id })).plan.budget.total).toBeNull();
  });

  it('keeps 基本支出明细 rows in the order added, renames one by id, and guards removal by version', async () => {
    const { plan } = await createPlan({ departmentId, year: 2025 });
    const detail = async (input: Record<string, unknown>) =>
      (await api.gql('mutation($i: SetBudgetLineInput!) { setBudgetLine(input: $i) { budgetLine { id name version amounts { initial } } userErrors { code field } } }', { i: { planId: plan.id, category: 'BASIC_DETAIL', ...input } })).setBudgetLine;
    const wages = (await detail({ name: '工资福利支出', amounts: { initial: '100' } })).budgetLine;
    await detail({ name: '商品和服务支出', amounts: { initial: '20' } });
    const renamed = await detail({ id: wages.id, name: '工资福利支出（含社保）', amounts: {} });
    expect(renamed).toEqual({ budgetLine: { id: wages.id, name: '工资福利支出（含社保）', version: wages.version + 1, amounts: { initial: '100' } }, userErrors: [] });
    expect((await detail({ id: wages.id, name: '商品和服务支出', amounts: {} })).userErrors).toEqual([{ code: 'DUPLICATE', field: ['input', 'name'] }]);
    expect((await detail({ id: '9999', name: '其他', amounts: {} })).userErrors).toEqual([{ code: 'NOT_FOUND', field: ['input', 'id'] }]);
    const rows = (await api.gql(BUDGET, { id: plan.id })).plan.budget.basicDetail.map((row: any) => row.name);
    expect(rows).toEqual(['工资福利支出（含社保）', '商品和服务支出']);

    const REMOVE = 'mutation($id: ID!, $v: Int) { removeBudgetLine(id: $id, expectedVersion: $v) { deletedId userErrors { code } } }';
    expect((await api.gql(REMOVE, { id: wages.id, v: wages.version })).removeBudgetLine).toEqual({ deletedId: null, userErrors: [{ code: 'CONFLICT' }] });
    expect((await api.gql(REMOVE, { id: wages.id, v: wages.version + 1 })).removeBudgetLine).toEqual({ deletedId: wages.id, userErrors: [] });
  });

  it('stores money exactly: sums in SQLite are integer micro-units, never floats (bigint and numeric on PostgreSQL)', async () => {
    const { plan } = await createPlan({ departmentId, year: 2025 });
    await api.gql(SET_BUDGET, { input: { planId: plan.id, category: 'BASIC', amounts: { initial: '0.1' } } });
    await api.gql(SET_BUDGET, { input: { planId: plan.id, category: 'PROJECT', amounts: { initial: '0.2' } } });
    const connection = api.orm.em.getConnection();
    if (isPostgres(api.orm)) {
      const [row] = await connection.execute('select sum(initial) as total, pg_typeof(sum(initial))::text as type, pg_typeof(initial)::text as "column" from budget_line group by 3');
      expect(row).toEqual({ total: '300000', type: 'numeric', column: 'bigint' });
    } else {
      const [row] = await connection.execute('select sum(initial) as total, typeof(sum(initial)) as type from budget_line');
      expect(row).toEqual({ total: 300000, type: 'integer' });
    }
  });

  const refused: [string, Record<string, unknown>, string, string[]][] = [
    ['a negative initial amount', { category: 'TOTAL', amounts: { initial: '-1' } }, 'NEGATIVE', ['input', 'amounts', 'initial']],
    ['a negative actual', { category: 'TOTAL', amounts: { actual: '-0.01' } }, 'NEGATIVE', ['input', 'amounts', 'actual']],
    ['a detail row without a name', { category: 'BASIC_DETAIL', amounts: { initial: '1' } }, 'REQUIRED', ['input', 'name']],
    ['a name on a fixed row', { category: 'TOTAL', name: '合计', amounts: { initial: '1' } }, 'INVALID', ['input', 'name']],
    ['an unknown plan', { planId: '999', category: 'TOTAL', amounts: { initial: '1' } }, 'NOT_FOUND', ['input', 'planId']],
  ];
  it.each(refused)('refuses %s and changes nothing', async (_label, input, code, field) => {
    const { plan } = await createPlan({ departmentId, year: 2025 });
    await api.gql(SET_BUDGET, { input: { planId: plan.id, category: 'TOTAL', amounts: { initial: '5' } } });
    const before = await api.dump();
    const result = (await api.gql(SET_BUDGET, { input: { planId: plan.id, ...input } })).setBudgetLine;
    expect(result).toEqual({ budgetLine: null, userErrors: [{ field, code, message: expect.any(String) }] });
    expect(await api.dump()).toEqual(before);
  });

  it.each([
    ['over-precise', '1.0000001', 'TOO_PRECISE'],
    ['absurd', '100000001', 'TOO_LARGE'],
    ['not a number', '十万', 'NOT_A_NUMBER'],
    ['an exponent', '1e5', 'NOT_A_NUMBER'],
  ])('refuses %s money at the Decimal scalar', async (_label, initial, reason) => {
    const { plan } = await createPlan({ departmentId, year: 2025 });
    const before = await api.dump();
    const result = await api.raw(SET_BUDGET, { input: { planId: plan.id, category: 'TOTAL', amounts: { initial } } });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(JSON.stringify(result.errors)).toContain(reason);
    expect(await api.dump()).toEqual(before);
  });
});

describe('plans: bad input changes nothing', () => {
  it.each([
    ['an unknown department', { departmentId: '999', year: 2025 }, 'NOT_FOUND', ['input', 'departmentId']],
    ['a forged department id', { departmentId: '-1', year: 2025 }, 'NOT_FOUND', ['input', 'departmentId']],
    ['a year out of range', { year: 1900 }, 'OUT_OF_RANGE', ['input', 'year']],
    ['a duplicate plan', { year: 2021 }, 'DUPLICATE', ['input', 'year']],
    ['copying from an unknown plan', { year: 2026, copyFromPlanId: '999' }, 'NOT_FOUND', ['input', 'copyFromPlanId']],
  ])('createPlan with %s', async (_label, input, code, field) => {
    await createPlan({ departmentId, year: 2021 });
    const before = await api.dump();
    const result = await createPlan({ departmentId, ...input });
    expect(result).toEqual({ plan: null, userErrors: [{ field, code, message: expect.any(String) }] });
    expect(await api.dump()).toEqual(before);
  });

  it.each([
    ['negative fixed assets', { fixedAssets: '-3' }, 'NEGATIVE', ['input', 'fixedAssets']],
    ['a negative head count', { staff: { actual: -1 } }, 'OUT_OF_RANGE', ['input', 'staff', 'actual']],
    ['a 10 MB goal', { overallGoals: ['目'.repeat(10 * 1024 * 1024)] }, 'TOO_LONG', ['input', 'overallGoals', '0']],
  ])('updatePlan with %s', async (_label, input, code, field) => {
    const { plan } = await createPlan({ departmentId, year: 2021 });
    const before = await api.dump();
    const result = (await api.gql(UPDATE_PLAN, { id: plan.id, input })).updatePlan;
    expect(result).toEqual({ plan: null, userErrors: [{ field, code, message: expect.any(String) }] });
    expect(await api.dump()).toEqual(before);
  });
});

describe('key tasks', () => {
  it('adds, updates, reorders and deletes, keeping positions 0..n-1', async () => {
    const { plan } = await createPlan({ departmentId, year: 2025 });
    const add = async (item: string, position?: number) =>
      (await api.gql('mutation($p: ID!, $i: KeyTaskInput!, $pos: Int) { addKeyTask(planId: $p, input: $i, position: $pos) { keyTask { id } userErrors { code } } }', { p: plan.id, i: { item, owner: '宣传部' }, pos: position }))
        .addKeyTask.keyTask.id;
    const a = await add('理论学习');
    const b = await add('党史学习教育');
    const c = await add('意识形态', 0);
    const order = async () => (await api.gql(`{ plan(id: "${plan.id}") { keyTasks { item position } } }`)).plan.keyTasks;
    expect(await order()).toEqual([
      { item: '意识形态', position: 0 },
      { item: '理论学习', position: 1 },
      { item: '党史学习教育', position: 2 },
    ]);
    await api.gql('mutation($id: ID!) { moveKeyTask(id: $id, position: 2) { keyTask { position } } }', { id: c });
    await api.gql('mutation($id: ID!) { updateKeyTask(id: $id, input: { goal: "开展学习12次" }) { keyTask { goal } } }', { id: a });
    await api.gql('mutation($id: ID!) { deleteKeyTask(id: $id) { deletedId } }', { id: b });
    expect(await order()).toEqual([
      { item: '理论学习', position: 0 },
      { item: '意识形态', position: 1 },
    ]);
    const missing = (await api.gql('mutation { updateKeyTask(id: "999", input: { goal: "x" }) { userErrors { code field } } }')).updateKeyTask;
    expect(missing.userErrors).toEqual([{ code: 'NOT_FOUND', field: ['id'] }]);
  });
});
