// Bounded work (issue 12 item 2): how many SQL statements a request costs must not grow with the rows
// it touches. Each case runs the same operation on a small plan and on a plan 10× larger and compares
// the number of statements sent to SQLite (counted with knex's `query` event). Also the documented
// plan limits (indicators per plan, line-item depth) with their typed userErrors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, openApi, TEST_ADMIN } from './harness.js';
import { exportIndicators } from '../../server/src/modules/analysis/analysis-export.service.js';
import { PLAN_LIMITS } from '../../server/src/modules/plan-limits.js';

const TARGETS = ['不少于12次', '≥90%', '6万元以下', '良好', '合规', '按预算经费实施。', '90%-95%', '400余场'];
const ACTUALS = ['10次', '92%', '5.5万元', '优', '合规', '已完成', '93%', '410场'];

/** A plan document: `items` 专项 × 3 子项 × 4 indicators, plus `items` plan-level indicators, a budget and an evaluation. */
function planDocument(department: string, items: number): Record<string, unknown> {
  let counter = 0;
  const indicator = () => {
    const index = counter++;
    return {
      level1: ['产出指标', '效益指标', '满意度指标'][index % 3],
      level2: ['数量指标', '社会效益', '服务对象满意度'][index % 3],
      name: `指标 ${index}`,
      target: TARGETS[index % TARGETS.length],
      actual: index % 2 ? ACTUALS[index % ACTUALS.length] : null,
      weight: 5,
      score: index % 4 === 0 ? 4 : null,
      deduction: null,
      remark: null,
      evidence: null,
    };
  };
  const stages = (amount: number) => ({ initial: String(amount), adjustment: null, fullYear: String(amount), actual: String(amount - 1), carryover: null, executionRate: null });
  const lineItem = (name: string, amount: number, children: unknown[], indicators: unknown[]) => ({
    name,
    kind: 'initial',
    amounts: stages(amount),
    period: null,
    periodGoal: null,
    annualGoal: null,
    use: null,
    indicators,
    children,
  });
  // The line items' indicators first: the rows every case edits (专项 0 and 1) then read alike in both plans,
  // so a write that skips what it does not change skips the same in both.
  const lineItems = Array.from({ length: items }, (_, i) =>
    lineItem(`专项 ${i}`, 30, Array.from({ length: 3 }, (_, j) => lineItem(`子项 ${i}.${j}`, 10, [], Array.from({ length: 4 }, indicator))), []),
  );
  return {
    source: 'statements test',
    // A target table lands in 编制中 (a self-evaluation would land in 自评中, docs/gap-rules.md §3.8): the
    // drafting cases edit it, then the workflow opens its evaluation.
    kind: 'target_table',
    year: 2025,
    department: { name: department, shortName: null, region: '湖南省', functions: [], internalUnits: null, subUnits: null, staff: null },
    budget: { total: stages(items * 30 + 100), basic: stages(100), personnel: null, publicUse: null, project: stages(items * 30), income: null, basicDetail: null, threePublic: null, fixedAssets: null },
    overallGoals: ['目标'],
    keyTasks: [{ item: '重点工作', owner: '办公室', goal: '完成' }],
    indicators: Array.from({ length: items }, indicator),
    lineItems,
    evaluation: { totalScore: 90, grade: '优', maxScore: 100, sections: [], satisfaction: null, evaluators: null, problems: null, measures: null, application: null, disclosure: null },
    achievements: [],
  };
}

let api: Api;
/** [operation, statements on the small plan, on the 10× plan], printed at the end for docs/BENCHMARKS.md. */
const COUNTS: [string, number, number][] = [];
/** Statements sent to SQLite since the last reset. */
let statements: string[] = [];

beforeAll(async () => {
  api = await openApi();
  api.orm.em.getKnex().client.on('query', (query: { sql: string }) => statements.push(query.sql));
});
afterAll(async () => {
  if (process.env.STATEMENTS_REPORT === '1') console.table(COUNTS.map(([operation, small, large]) => ({ operation, small, large })));
  await api.close();
});

async function count(query: string, variables: Record<string, unknown>): Promise<{ count: number; data: any; sql: string[] }> {
  statements = [];
  const data = await api.gql(query, variables);
  return { count: statements.length, data, sql: statements };
}

const IMPORT = 'mutation($d: JSONObject!) { importPlanDocument(document: $d) { plan { id } userErrors { code message field } } }';

interface Fixture {
  planId: string;
  indicatorIds: string[];
  lineItemIds: string[];
  leafLineItemId: string;
  /** The first of four indicators of 专项 1 › 子项 2, which no other case touches. */
  spareIndicatorId: string;
  indicatorCount: number;
}

async function importPlan(department: string, items: number): Promise<Fixture> {
  const data = await api.gql(IMPORT, { d: planDocument(department, items) });
  expect(data.importPlanDocument.userErrors).toEqual([]);
  const planId = data.importPlanDocument.plan.id;
  const { plan } = await api.gql('query($id: ID!) { plan(id: $id) { indicators { id } lineItems { id children { id indicators { id } } } } }', { id: planId });
  return {
    planId,
    // 子项 indicators first: every case then edits an indicator two levels down in both plans (its
    // line-item chain, whose roll-ups a single-indicator write refreshes, is as deep in each).
    indicatorIds: [...plan.lineItems.flatMap((item: any) => item.children.flatMap((child: any) => child.indicators)), ...plan.indicators].map((row: any) => row.id),
    lineItemIds: plan.lineItems.map((row: any) => row.id),
    leafLineItemId: plan.lineItems[0].children[0].id,
    spareIndicatorId: plan.lineItems[1]?.children[2].indicators[0].id,
    indicatorCount: items * 13,
  };
}

/** What the editor reads for a whole plan: every indicator with its reading and gap, the tree with roll-ups, the checks. */
const WHOLE_PLAN = `query($id: ID!) { plan(id: $id) {
  id version status department { id name }
  budget { total { amounts { initial fullYear actual } } lines { id category amounts { initial actual } } }
  keyTasks { id item } evaluation { totalScore grade }
  rollup { scoreTotal grade statusCounts { status count } sections { level1 score } }
  checks { code message lineItemId indicatorId }
  indicators { id name version targetText actualText target { kind display } actual { kind display } gap { status suggestedScore effectiveScore explanation } }
  lineItems { id name rollup { scoreTotal executionRate } amounts { initial actual }
    children { id name rollup { scoreTotal } indicators { id name target { display } actual { display } gap { status suggestedScore explanation } } } }
} }`;

/** The editor's payload after an indicator change: the indicator with its gap, and the plan's fresh figures. */
const CHANGE = `indicator { id version targetText actualText weight score target { display } actual { display } gap { status suggestedScore effectiveScore explanation } }
  plan { id version rollup { scoreTotal grade statusCounts { status count } } checks { code } }
  userErrors { code message }`;

let small: Fixture;
let large: Fixture;
beforeAll(async () => {
  small = await importPlan('小计划部门', 2); // 26 indicators, 8 line items
  large = await importPlan('大计划部门', 20); // 260 indicators, 80 line items
});

/** Runs `operation` on both plans; returns the two counts (printed on failure with the statements). */
async function both(operation: (fixture: Fixture, index: number) => Promise<{ count: number; sql: string[] }>): Promise<[number, number, string[]]> {
  const a = await operation(small, 0);
  const b = await operation(large, 1);
  return [a.count, b.count, b.sql];
}

describe('statements per request do not grow with the rows (small plan vs 10× larger)', () => {
  it('the whole-plan read', async () => {
    const [a, b, sql] = await both(async ({ planId }) => count(WHOLE_PLAN, { id: planId }));
    COUNTS.push(['whole-plan read', a, b]);
    expect(b, sql.join('\n')).toBe(a);
    // 7: the plan with its department and evaluation (one statement, plan-head.ts), its four tables, the
    // plans' check lists and the evaluation's figures.
    expect(a, sql.join('\n')).toBeLessThanOrEqual(8);
  });

  it('exportPlanDocument', async () => {
    const [a, b] = await both(async ({ planId }) => count('query($id: ID!) { exportPlanDocument(planId: $id) }', { id: planId }));
    COUNTS.push(['exportPlanDocument', a, b]);
    expect(b).toBe(a);
  });

  it('a plans list page with roll-ups (same page size, small plans vs large plans)', async () => {
    const page = 'query($name: String) { plans(first: 20, filter: { departmentName: $name }) { totalCount nodes { id year status department { name } rollup { scoreTotal grade statusCounts { status count } } } } }';
    const [a, b] = await both(async (_fixture, index) => count(page, { name: index === 0 ? '小计划部门' : '大计划部门' }));
    COUNTS.push(['plans page with roll-ups (1 plan, small vs 10×)', a, b]);
    expect(b).toBe(a);
  });

  // Each plan's roll-up is stored with it (issue 11): a page of 10 plans costs what a page of 2 does.
  it('a plans list page with roll-ups: 2 plans vs 10 plans on the page', async () => {
    for (let i = 0; i < 10; i++) await importPlan(`列表部门 ${i}`, 1);
    const page = 'query($first: Int!) { plans(first: $first, filter: { departmentName: "列表部门" }) { totalCount nodes { id year status department { name } rollup { scoreTotal grade statusCounts { status count } } } } }';
    const a = await count(page, { first: 2 });
    const b = await count(page, { first: 10 });
    expect(b.data.plans.nodes).toHaveLength(10);
    COUNTS.push(['plans page with roll-ups (2 vs 10 plans)', a.count, b.count]);
    expect(b.count, b.sql.join('\n')).toBe(a.count);
  });

  // The analysts' requests (docs/ANALYST.md), over one plan each: small vs 10×.
  it.each([
    [
      'indicators page (by score lost, with paths and plans)',
      `query($id: ID!) { indicators(filter: { planIds: [$id], gapStatuses: [MET, PARTIAL, NOT_MET, PENDING] }, orderBy: { field: SCORE_LOST, direction: DESC }, first: 20) {
        totalCount pageInfo { hasNextPage endCursor } nodes { id name path gap { status scoreLost } plan { year department { name } } } } }`,
    ],
    [
      'planStats, every figure',
      `query($id: ID!) { planStats(filter: { planIds: [$id] }, groupBy: [DEPARTMENT, YEAR]) { department { name } year planCount budget { category initial fullYear actual planCount }
        executionRate indicatorCount statusCounts { status count } textTargetShare averageScore gradeCounts { grade count } checkCounts { code count } } }`,
    ],
    ['auditEntries page with its objects', 'query($id: ID!) { auditEntries(filter: { planIds: [$id] }, first: 20) { totalCount nodes { id field plan { id } indicator { id name } } } }'],
  ])('%s', async (name, query) => {
    const [a, b, sql] = await both(async ({ planId }) => count(query, { id: planId }));
    COUNTS.push([name, a, b]);
    expect(b, sql.join('\n')).toBe(a);
  });

  it('indicators export (CSV), every row of the plan', async () => {
    const [a, b, sql] = await both(async ({ planId, indicatorCount }) => {
      statements = [];
      const rows: unknown[] = [];
      const sink = { header: async () => {}, rows: async (chunk: unknown[]) => void rows.push(...chunk), end: async () => {} };
      await exportIndicators(api.orm.em.fork() as never, TEST_ADMIN, { planIds: [planId] } as never, null, () => sink);
      expect(rows.length).toBeGreaterThanOrEqual(indicatorCount);
      return { count: statements.length, sql: statements };
    });
    COUNTS.push(['indicators export (one chunk)', a, b]);
    expect(b, sql.join('\n')).toBe(a);
  });
});

type Case = [string, string, (fixture: Fixture) => Record<string, unknown>];
const DRAFT_CASES: Case[] = [
  ['setIndicatorTarget', `mutation($id: ID!, $v: String) { setIndicatorTarget(id: $id, target: $v) { ${CHANGE} } }`, (f) => ({ id: f.indicatorIds[2], v: '≥95%' })],
  ['setIndicatorWeight', `mutation($id: ID!, $v: Decimal) { setIndicatorWeight(id: $id, weight: $v) { ${CHANGE} } }`, (f) => ({ id: f.indicatorIds[4], v: '6' })],
  ['updatePlan', `mutation($id: ID!) { updatePlan(id: $id, input: { source: "改过" }) { plan { id version source rollup { scoreTotal } } userErrors { code message } } }`, (f) => ({ id: f.planId })],
  [
    'addIndicator (at the end)',
    `mutation($input: AddIndicatorInput!) { addIndicator(input: $input) { indicator { id position target { display } gap { status } } userErrors { code message } } }`,
    (f) => ({ input: { planId: f.planId, lineItemId: f.leafLineItemId, fields: { level1Label: '产出指标', level2Label: '数量指标', name: '新指标', target: '≥3次' } } }),
  ],
  [
    'updateIndicator',
    `mutation($id: ID!) { updateIndicator(id: $id, fields: { remark: "备注" }) { indicator { id version remark plan { id version status } } userErrors { code message } } }`,
    (f) => ({ id: f.indicatorIds[5] }),
  ],
  [
    'addLineItem (at the end)',
    `mutation($input: AddLineItemInput!) { addLineItem(input: $input) { lineItem { id position rollup { scoreTotal } } userErrors { code message } } }`,
    (f) => ({ input: { planId: f.planId, parentId: f.lineItemIds[0], fields: { name: '新子项' } } }),
  ],
  [
    'moveIndicator',
    `mutation($input: MoveIndicatorInput!) { moveIndicator(input: $input) { indicator { id position } userErrors { code message } } }`,
    (f) => ({ input: { id: f.indicatorIds[7], lineItemId: f.leafLineItemId, position: 0 } }),
  ],
  ['deleteIndicator', `mutation($id: ID!) { deleteIndicator(id: $id) { deletedId userErrors { code message } } }`, (f) => ({ id: f.spareIndicatorId })],
  [
    'updateLineItem',
    `mutation($id: ID!) { updateLineItem(id: $id, fields: { use: "用途" }) { lineItem { id version use rollup { scoreTotal } plan { id version } } userErrors { code message } } }`,
    (f) => ({ id: f.lineItemIds[1] }),
  ],
];
const EVALUATION_CASES: Case[] = [
  [
    'recordSpending (budget line)',
    `mutation($input: RecordSpendingInput!) { recordSpending(input: $input) { plan { id rollup { scoreTotal executionRate } checks { code } } budgetLine { id version amounts { actual } } userErrors { code message } } }`,
    (f) => ({ input: { planId: f.planId, category: 'BASIC', actual: '99' } }),
  ],
  ['recordIndicatorActual', `mutation($id: ID!, $v: String) { recordIndicatorActual(id: $id, actual: $v) { ${CHANGE} } }`, (f) => ({ id: f.indicatorIds[1], v: '11次' })],
  ['scoreIndicator', `mutation($id: ID!, $v: Decimal) { scoreIndicator(id: $id, score: $v, reason: "扣分") { ${CHANGE} } }`, (f) => ({ id: f.indicatorIds[3], v: '3' })],
  ['setIndicatorTarget (调整 with a reason)', `mutation($id: ID!, $v: String) { setIndicatorTarget(id: $id, target: $v, reason: "调整") { ${CHANGE} } }`, (f) => ({ id: f.indicatorIds[6], v: '≥80%' })],
  [
    'recordSpending (line item)',
    `mutation($input: RecordSpendingInput!) { recordSpending(input: $input) { plan { id rollup { scoreTotal executionRate } checks { code } } lineItem { id version amounts { actual } rollup { scoreTotal executionRate } } userErrors { code message } } }`,
    (f) => ({ input: { planId: f.planId, lineItemId: f.leafLineItemId, actual: '8' } }),
  ],
];

function mutationCases(cases: Case[]): void {
  for (const [name, mutation, variables] of cases) {
    it(name, async () => {
      const [a, b, sql] = await both(async (fixture) => {
        const result = await count(mutation, variables(fixture));
        const payload = Object.values(result.data)[0] as { userErrors: unknown[] };
        expect(payload.userErrors).toEqual([]);
        return result;
      });
      COUNTS.push([name, a, b]);
      expect(b, sql.join('\n')).toBe(a);
    });
  }
}

describe('mutations while drafting: statements do not grow with the plan', () => {
  mutationCases(DRAFT_CASES);
});

describe('mutations while evaluating: statements do not grow with the plan', () => {
  beforeAll(async () => {
    for (const { planId } of [small, large]) {
      for (const step of ['submitPlan', 'approvePlan', 'startEvaluation']) {
        const data = await api.gql(`mutation($id: ID!) { ${step}(id: $id) { userErrors { code message } } }`, { id: planId });
        expect(data[step].userErrors).toEqual([]);
      }
    }
  });
  mutationCases(EVALUATION_CASES);
});

describe('documented plan limits (README, docs/trust.md)', () => {
  it('an import with more than 10,000 indicators in all is refused with TOO_MANY, nothing written', async () => {
    const document = planDocument('超大计划部门', 1) as any;
    const rows = (document.lineItems[0].children[0].indicators as unknown[]).slice(0, 1);
    const perItem = 1_000;
    document.lineItems = Array.from({ length: Math.ceil((PLAN_LIMITS.maxIndicators + 1) / perItem) }, (_, i) => ({
      ...document.lineItems[0],
      name: `专项 ${i}`,
      children: [],
      indicators: Array.from({ length: perItem }, () => rows[0]),
    }));
    const before = await api.gql('{ plans(first: 100) { totalCount } }');
    const { importPlanDocument } = await api.gql(IMPORT, { d: document });
    expect(importPlanDocument.plan).toBeNull();
    expect(importPlanDocument.userErrors).toEqual([expect.objectContaining({ code: 'TOO_MANY', field: ['document', 'indicators'] })]);
    expect(importPlanDocument.userErrors[0].message).toContain('10000');
    expect(await api.gql('{ plans(first: 100) { totalCount } }')).toEqual(before);
  });

  it('an import with line items nested deeper than 4 levels is refused with TOO_DEEP', async () => {
    const document = planDocument('过深计划部门', 1) as any;
    const leaf = document.lineItems[0].children[0];
    const nest = (depth: number): any => ({ ...leaf, name: `第 ${depth} 级`, children: depth < 5 ? [nest(depth + 1)] : [] });
    document.lineItems = [nest(1)];
    const { importPlanDocument } = await api.gql(IMPORT, { d: document });
    expect(importPlanDocument.plan).toBeNull();
    expect(importPlanDocument.userErrors).toEqual([
      expect.objectContaining({ code: 'TOO_DEEP', field: ['document', 'lineItems', '0', 'children', '0', 'children', '0', 'children', '0', 'children', '0'] }),
    ]);
    // Exactly 4 levels is fine.
    document.lineItems = [{ ...nest(2), name: '第 1 级' }];
    document.lineItems[0].children[0].children[0].children[0].children = [];
    const accepted = await api.gql(IMPORT, { d: document });
    expect(accepted.importPlanDocument.userErrors).toEqual([]);
  });

  it('addLineItem under a 4th-level item is refused with TOO_DEEP; moveLineItem too', async () => {
    const { planId, lineItemIds } = await importPlan('层级计划部门', 2);
    const add = 'mutation($input: AddLineItemInput!) { addLineItem(input: $input) { lineItem { id } userErrors { code field message } } }';
    let parent = lineItemIds[1];
    const chain: string[] = [parent];
    for (let level = 2; level <= PLAN_LIMITS.maxLineItemDepth; level++) {
      const { addLineItem } = await api.gql(add, { input: { planId, parentId: parent, fields: { name: `第 ${level} 级` } } });
      expect(addLineItem.userErrors).toEqual([]);
      parent = addLineItem.lineItem.id;
      chain.push(parent);
    }
    const refused = await api.gql(add, { input: { planId, parentId: parent, fields: { name: '第 5 级' } } });
    expect(refused.addLineItem).toMatchObject({ lineItem: null, userErrors: [{ code: 'TOO_DEEP', field: ['input', 'parentId'] }] });
    // Moving a two-level 专项 (专项 0 › 子项) under the 3rd level would put its 子项 at level 5.
    const move = 'mutation($id: ID!, $parentId: ID) { moveLineItem(id: $id, parentId: $parentId, position: 0) { lineItem { id } userErrors { code field } } }';
    const moved = await api.gql(move, { id: lineItemIds[0], parentId: chain[2] });
    expect(moved.moveLineItem).toMatchObject({ lineItem: null, userErrors: [{ code: 'TOO_DEEP', field: ['parentId'] }] });
    const fits = await api.gql(move, { id: lineItemIds[0], parentId: chain[1] });
    expect(fits.moveLineItem.userErrors).toEqual([]);
    await api.gql(move, { id: lineItemIds[0], parentId: null });
  });

  it('addIndicator to a plan that already holds 10,000 indicators is refused with TOO_MANY', async () => {
    const { importPlanDocument } = await api.gql(IMPORT, { d: planDocument('满额计划部门', 1) });
    const planId = Number(importPlanDocument.plan.id);
    const connection = api.orm.em.getConnection();
    const [{ n }] = await connection.execute('select count(*) as n from indicator where plan_id = ?', [planId]);
    // Fill up to the limit straight in SQL (the import path would take seconds).
    await connection.execute(
      `with recursive k(i) as (select 1 union all select i + 1 from k where i < ?)
       insert into indicator (plan_id, position, level1, level1_label, name) select ?, 1000 + i, 'OUTPUT', '产出指标', '填充 ' || i from k`,
      [PLAN_LIMITS.maxIndicators - n, planId],
    );
    const add = 'mutation($input: AddIndicatorInput!) { addIndicator(input: $input) { indicator { id } userErrors { code field message } } }';
    const refused = await api.gql(add, { input: { planId, fields: { level1Label: '产出指标', name: '第 10001 个' } } });
    expect(refused.addIndicator).toMatchObject({ indicator: null, userErrors: [{ code: 'TOO_MANY', field: ['input', 'planId'] }] });
    await connection.execute('delete from indicator where plan_id = ? and position > 1000', [planId]);
    const accepted = await api.gql(add, { input: { planId, fields: { level1Label: '产出指标', name: '有空位' } } });
    expect(accepted.addIndicator.userErrors).toEqual([]);
  });
});
