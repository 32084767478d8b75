/**
 * Issue 11 item 4: the audit trail across plans — `auditEntries(filter, first, after)` — with the object
 * each entry concerns (an indicator with its plan and department), scoped like `auditLog`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, openApi, readFixture } from './harness.js';

const IMPORT = 'mutation($d: JSONObject!) { importPlanDocument(document: $d) { plan { id status department { id } } userErrors { code message } } }';
const ENTRIES = `query($f: AuditEntryFilter, $first: Int, $after: String) {
  auditEntries(filter: $f, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    nodes {
      id at userName objectType objectId field before after reason planId
      plan { year department { name } }
      department { name }
      indicator { name targetText plan { year department { shortName } } }
      lineItem { name }
    }
  }
}`;

describe('auditEntries', () => {
  let api: Api;
  let shifeng: { plan: string; department: string };
  let yanfeng: { plan: string; department: string };
  let adjusted: { id: string; name: string };
  let start: Date;

  beforeAll(async () => {
    api = await openApi();
    start = new Date(Date.now() - 1000);
    const imported = [];
    for (const fixture of ['shifeng', 'yanfeng'] as const) {
      const { importPlanDocument } = await api.gql(IMPORT, { d: readFixture(fixture) });
      imported.push({ plan: importPlanDocument.plan.id, department: importPlanDocument.plan.department.id });
    }
    [shifeng, yanfeng] = imported;
    // 石峰 2021 is approved, then one target is adjusted with a reason (调整).
    await api.gql('mutation($id: ID!) { submitPlan(id: $id) { userErrors { code } } }', { id: shifeng.plan });
    await api.gql('mutation($id: ID!) { approvePlan(id: $id) { userErrors { code } } }', { id: shifeng.plan });
    const target = (await api.gql('query($id: ID!) { plan(id: $id) { indicators { id name } } }', { id: shifeng.plan })).plan.indicators[0];
    const reply = await api.gql('mutation($id: ID!) { setIndicatorTarget(id: $id, target: "≥ 15 次", reason: "上级要求增加宣讲场次") { userErrors { code message } } }', { id: target.id });
    expect(reply.setIndicatorTarget.userErrors).toEqual([]);
    adjusted = target;
    // Then its evaluation opens and an evaluator records an actual.
    await api.gql('mutation($id: ID!) { startEvaluation(id: $id) { userErrors { code } } }', { id: shifeng.plan });
    const evaluated = (await api.gql('query($id: ID!) { plan(id: $id) { indicators { id } } }', { id: shifeng.plan })).plan.indicators[1];
    const evaluator = api.as({ id: 7, name: '评价员甲', role: 'EVALUATOR', departmentIds: [Number(shifeng.department)] });
    const recorded = await evaluator.gql('mutation($id: ID!) { recordIndicatorActual(id: $id, actual: "100%") { userErrors { code message } } }', { id: evaluated.id });
    expect(recorded.recordIndicatorActual.userErrors).toEqual([]);
  });
  afterAll(() => api?.close());

  const entries = async (variables: Record<string, unknown>, who: Pick<Api, 'gql'> = api) => (await who.gql(ENTRIES, variables)).auditEntries;

  it('answers "who adjusted approved targets", each entry reaching the indicator, its plan and department', async () => {
    const { totalCount, nodes } = await entries({ f: { adjustmentsOnly: true } });
    expect(totalCount).toBe(1);
    expect(nodes[0]).toMatchObject({
      userName: '测试管理员',
      objectType: 'Indicator',
      objectId: adjusted.id,
      field: 'targetText',
      after: JSON.stringify('≥ 15 次'),
      reason: '调整：上级要求增加宣讲场次',
      plan: { year: 2021, department: { name: '中共株洲市石峰区委员会宣传部' } },
      department: { name: '中共株洲市石峰区委员会宣传部' },
      indicator: { name: adjusted.name, targetText: '≥ 15 次', plan: { year: 2021, department: { shortName: '石峰区委宣传部' } } },
      lineItem: null,
    });
  });

  it('filters by year, plan, object type, field, user and time', async () => {
    const all = await entries({ first: 100 });
    expect(all.totalCount).toBeGreaterThan(3);
    const ids = all.nodes.map((node: any) => Number(node.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a)); // newest first

    const of2024 = await entries({ first: 100, f: { years: [2024] } });
    expect(of2024.nodes.every((node: any) => node.planId === yanfeng.plan)).toBe(true);
    expect(of2024.nodes.map((node: any) => node.field)).toEqual(['IMPORTED']);
    const actuals = await entries({ f: { objectTypes: ['Indicator'], fields: ['actualText'] } });
    expect(actuals.totalCount).toBe(1);
    expect(actuals.nodes[0]).toMatchObject({ userName: '评价员甲', after: '"100%"', indicator: { plan: { year: 2021 } } });
    expect((await entries({ f: { users: ['评价员甲'] } })).totalCount).toBe(1);
    expect((await entries({ f: { users: ['7'] } })).totalCount).toBe(1);
    expect((await entries({ f: { planIds: [shifeng.plan], fields: ['status'] } })).totalCount).toBe(3); // submitted, approved, evaluating
    const imports = await entries({ f: { objectTypes: ['PlanImport'] } });
    expect(imports.totalCount).toBe(2);
    expect(imports.nodes.map((node: any) => node.plan.year).sort()).toEqual([2021, 2024]);
    const departments = await entries({ f: { objectTypes: ['Department'] } });
    expect(departments.nodes.map((node: any) => node.department.name).sort()).toEqual(['中共株洲市石峰区委员会宣传部', '中共雁峰区委宣传部']);
    expect((await entries({ f: { since: start.toISOString() } })).totalCount).toBe(all.totalCount);
    expect((await entries({ f: { until: start.toISOString() } })).totalCount).toBe(0);
    expect((await entries({ f: { since: new Date(Date.now() + 60_000).toISOString() } })).totalCount).toBe(0);
  });

  it('pages by keyset cursors: a new entry does not shift the next page', async () => {
    const everything = (await entries({ first: 100 })).nodes.map((node: any) => node.id);
    const first = await entries({ first: 3 });
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    await api.gql('mutation($id: ID!) { setIndicatorTarget(id: $id, target: "≥ 16 次", reason: "再次调整") { userErrors { code } } }', { id: adjusted.id });
    const second = await entries({ first: 3, after: first.pageInfo.endCursor });
    expect(second.nodes.map((node: any) => node.id)).toEqual(everything.slice(3, 6));
    expect(second.pageInfo.hasPreviousPage).toBe(true);
    expect((await entries({ f: { adjustmentsOnly: true } })).totalCount).toBe(2);
  });

  it('refuses bad input with typed errors', async () => {
    for (const [variables, argumentName] of [
      [{ after: 'bogus' }, 'after'],
      [{ first: 0 }, 'first'],
      [{ first: 101 }, 'first'],
      [{ f: { years: [1900] } }, 'filter'],
      [{ f: { planIds: ['x'] } }, 'filter'],
      [{ f: { since: '2026-02-01T00:00:00Z', until: '2026-01-01T00:00:00Z' } }, 'filter'],
      [{ f: { fields: Array.from({ length: 1001 }, () => 'x') } }, 'filter'],
    ] as const) {
      const reply = await api.raw(ENTRIES, variables);
      expect(reply.errors?.[0].extensions, JSON.stringify(variables)).toMatchObject({ code: 'BAD_USER_INPUT', argumentName });
    }
  });

  it('shows each actor only what they may read', async () => {
    const planner = api.as({ id: 9, name: '石峰编报', role: 'PLANNER', departmentIds: [Number(shifeng.department)] });
    const mine = await entries({ first: 100 }, planner);
    expect(mine.totalCount).toBeGreaterThan(0);
    expect(mine.nodes.every((node: any) => node.planId === shifeng.plan)).toBe(true);
    expect((await entries({ f: { objectTypes: ['Department'] } }, planner)).totalCount).toBe(0);
    // Accounts are the administrator's business.
    await api.gql('mutation { createUser(input: { username: "li", displayName: "李四", role: ANALYST, password: "correct horse battery" }) { userErrors { code } } }');
    const analyst = api.as({ id: 11, name: '分析', role: 'ANALYST', departmentIds: [] });
    expect((await entries({ f: { objectTypes: ['User'] } }, analyst)).totalCount).toBe(0);
    expect((await entries({ f: { objectTypes: ['User'] } })).totalCount).toBeGreaterThan(0);
    expect((await api.as(null).raw(ENTRIES, {})).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
