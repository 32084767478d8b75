// Issue 12: a plan read skips what its query cannot ask for. A document that selects no `keyTasks` field
// anywhere reads no key tasks (one statement fewer); the plan it answers is the one a read with them answers.
// A plan without an evaluation is read as a plain object (plan-head.ts): every field answers as the managed
// entity the ORM loads for the `plans` page answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../server/src/modules/user/access.js';
import { type Api, openApi, readFixture } from './harness.js';

/** Every field of Plan but those that read more than the plan row (content, figures). */
const PLAN_FIELDS = `id version year status documentKind source statedDepartmentName statedShortName statedRegion functions internalUnits subUnits
  staff { authorized actual retired } overallGoals achievements fixedAssets approvalOpinion approvalOpinionBy approvalOpinionAt createdAt updatedAt
  allowedActions executionScoring { profile fullMarksRate } sectionWeights { level1 weight } department { id name shortName region createdAt updatedAt version }
  evaluation { id } rollup { scoreTotal grade } derivedFigures { budgetAdjustmentRate { value explanation } staffControlRate { value } }`;

const INDICATOR = 'id position level1 level2 name targetText actualText weight score version';
const TEXTS = `plan(id: $id) { id year status version department { name region }
  budget { lines { id category amounts { initial fullYear actual } } }
  indicators { ${INDICATOR} } lineItems { id name amounts { initial } indicators { ${INDICATOR} } children { id name indicators { ${INDICATOR} } } } }`;

describe('plan reads without the key tasks', () => {
  let api: Api;
  let planId: string;
  let departmentId: number;
  const statements: string[] = [];
  beforeAll(async () => {
    api = await openApi();
    const data = await api.gql('mutation($d: JSONObject!) { importPlanDocument(document: $d) { plan { id department { id } } userErrors { message } } }', { d: readFixture('shifeng') });
    expect(data.importPlanDocument.userErrors).toEqual([]);
    planId = data.importPlanDocument.plan.id;
    departmentId = Number(data.importPlanDocument.plan.department.id);
    for (const item of ['重点一', '重点二']) {
      const added = await api.gql('mutation($p: ID!, $i: KeyTaskInput!) { addKeyTask(planId: $p, input: $i) { userErrors { message } } }', { p: planId, i: { item, owner: '办公室', goal: '完成' } });
      expect(added.addKeyTask.userErrors).toEqual([]);
    }
    api.orm.em.getKnex().client.on('query', (query: { sql: string }) => statements.push(query.sql));
  });
  afterAll(() => api?.close());

  const read = async (query: string, actor?: Actor) => {
    statements.length = 0;
    const data = await (actor ? api.as(actor) : api).gql(query, { id: planId });
    return { data, statements: [...statements] };
  };

  for (const who of ['admin', 'planner'] as const) {
    it(`as ${who}: the same plan with and without key tasks asked for, one statement apart`, async () => {
      const actor = who === 'planner' ? ({ id: 98, name: '规划员', role: 'PLANNER', departmentIds: [departmentId] } as Actor) : undefined;
      const without = await read(`query($id: ID!) { ${TEXTS} }`, actor);
      const withTasks = await read(`query($id: ID!) { ${TEXTS} other: plan(id: $id) { keyTasks { item } } }`, actor);
      const throughFragment = await read(`query($id: ID!) { ${TEXTS} other: plan(id: $id) { ...Tasks } } fragment Tasks on Plan { keyTasks { item } }`, actor);
      expect(withTasks.data.plan).toEqual(without.data.plan);
      expect(withTasks.data.other.keyTasks.slice(-2)).toEqual([{ item: '重点一' }, { item: '重点二' }]);
      expect(throughFragment.data).toEqual(withTasks.data);
      expect(without.statements.some((sql) => /key_task/.test(sql))).toBe(false);
      expect(withTasks.statements.filter((sql) => /key_task/.test(sql))).toHaveLength(1);
      expect(withTasks.statements).toHaveLength(without.statements.length + 1);
    });
  }
});

describe('the plan read as a plain object', () => {
  let api: Api;
  beforeAll(async () => {
    api = await openApi();
    for (const name of ['shifeng', 'yanfeng'] as const) expect((await api.gql('mutation($d: JSONObject!) { importPlanDocument(document: $d) { userErrors { message } } }', { d: readFixture(name) })).importPlanDocument.userErrors).toEqual([]);
    // A draft copied from a plan (its JSON fields, key tasks), then fixed assets, duties and staffing set.
    const { plans } = await api.gql('{ plans(first: 1) { nodes { id year department { id } } } }');
    const [from] = plans.nodes;
    const created = await api.gql('mutation($i: CreatePlanInput!) { createPlan(input: $i) { plan { id version } userErrors { message } } }', { i: { departmentId: from.department.id, year: from.year + 1, copyFromPlanId: from.id } });
    expect(created.createPlan.userErrors).toEqual([]);
    const { id, version } = created.createPlan.plan;
    const updated = await api.gql('mutation($id: ID!, $v: Int) { updatePlan(id: $id, input: { fixedAssets: "12.5", functions: ["一"], staff: { authorized: 3, actual: 2 } }, expectedVersion: $v) { userErrors { message } } }', { id, v: version });
    expect(updated.updatePlan.userErrors).toEqual([]);
  });
  afterAll(() => api?.close());

  it('answers every field as the managed entity does (plans page), for plans with and without an evaluation', async () => {
    const { plans } = await api.gql(`{ plans(first: 10) { nodes { ${PLAN_FIELDS} } } }`);
    expect(plans.nodes.length).toBeGreaterThanOrEqual(2);
    expect(plans.nodes.some((node: { evaluation: unknown }) => node.evaluation === null)).toBe(true);
    for (const node of plans.nodes) {
      const { plan } = await api.gql(`query($id: ID!) { plan(id: $id) { ${PLAN_FIELDS} } }`, { id: node.id });
      expect(plan).toEqual(node);
      const { planByYear } = await api.gql(`query($y: Int!, $d: ID) { planByYear(year: $y, departmentId: $d) { ${PLAN_FIELDS} } }`, { y: node.year, d: node.department.id });
      expect(planByYear).toEqual(node);
    }
  });
});
