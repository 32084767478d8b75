// Issue 9 item 5: every deletion is in the audit trail, the rows it took with it included, and so is every
// change to a user account (never its password hash).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Api, openApi, readFixture } from './harness.js';

let api: Api;
beforeEach(async () => {
  api = await openApi();
});
afterEach(async () => {
  await api.close();
});

/** 石峰's targets (key tasks, a line-item tree, indicators, budget) with 雁峰's 自评 block: a plan holding every kind of row, still DRAFT. */
function everyKindOfRow() {
  return { ...readFixture('shifeng'), evaluation: readFixture('yanfeng').evaluation };
}

const sql = async (query: string, params: unknown[] = []) => (await api.orm.em.getConnection().execute(query, params)) as Record<string, any>[];
const ids = async (query: string, params: unknown[] = []) => (await sql(query, params)).map((row) => Number(row.id)).sort((a, b) => a - b);

const DELETED = 'query($p: ID, $t: String, $o: ID) { auditLog(planId: $p, objectType: $t, objectId: $o, field: "DELETED", first: 100) { totalCount nodes { objectType objectId planId before userName } } }';
async function deletedEntries(variables: Record<string, unknown>) {
  const all: any[] = [];
  let after: string | null = null;
  for (;;) {
    const page: any = (
      await api.gql(
        'query($p: ID, $t: String, $o: ID, $a: String) { auditLog(planId: $p, objectType: $t, objectId: $o, field: "DELETED", first: 100, after: $a) { nodes { objectType objectId planId before userName } pageInfo { hasNextPage endCursor } } }',
        { ...variables, a: after },
      )
    ).auditLog;
    all.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return all;
    after = page.pageInfo.endCursor;
  }
}
const byType = (entries: any[]) => {
  const groups: Record<string, number[]> = {};
  for (const entry of entries) (groups[entry.objectType] ??= []).push(Number(entry.objectId));
  for (const list of Object.values(groups)) list.sort((a, b) => a - b);
  return groups;
};

async function importPlan(document: Record<string, unknown>): Promise<string> {
  const result = (await api.gql('mutation($d: JSONObject!) { importPlanDocument(document: $d) { plan { id status } userErrors { code } } }', { d: document })).importPlanDocument;
  expect(result.userErrors).toEqual([]);
  return result.plan.id;
}

describe('deletions are audited, children included', () => {
  it('deleting a plan records the plan and each of its indicators, line items, key tasks, budget rows, evaluation and sections', async () => {
    const planId = await importPlan(everyKindOfRow());
    const p = [Number(planId)];
    const expected = {
      BudgetLine: await ids('select id from budget_line where plan_id = ?', p),
      Evaluation: await ids('select id from evaluation where plan_id = ?', p),
      EvaluationSection: await ids('select s.id from evaluation_section s join evaluation e on e.id = s.evaluation_id where e.plan_id = ?', p),
      Indicator: await ids('select id from indicator where plan_id = ?', p),
      KeyTask: await ids('select id from key_task where plan_id = ?', p),
      LineItem: await ids('select id from line_item where plan_id = ?', p),
      Plan: [Number(planId)],
    };
    expect(expected.Indicator.length).toBe(54);
    expect(expected.LineItem.length).toBe(7);
    expect(expected.KeyTask.length).toBe(5);
    expect(expected.EvaluationSection.length).toBe(4);
    const indicator = (await sql('select name, target_text from indicator where id = ?', [expected.Indicator[0]]))[0];

    const deleted = (await api.gql('mutation($id: ID!) { deletePlan(id: $id) { deletedId userErrors { code } } }', { id: planId })).deletePlan;
    expect(deleted).toEqual({ deletedId: planId, userErrors: [] });

    const entries = await deletedEntries({ p: planId });
    expect(byType(entries)).toEqual(expected);
    expect(entries.every((entry) => entry.planId === planId && entry.userName === '测试管理员')).toBe(true);
    // Newest first: the plan went last, after what it held.
    expect(entries[0]).toMatchObject({ objectType: 'Plan', objectId: planId });
    expect(JSON.parse(entries[0].before)).toMatchObject({ year: 2021, status: 'DRAFT' });
    const indicatorEntry = entries.find((entry) => entry.objectType === 'Indicator' && Number(entry.objectId) === expected.Indicator[0]);
    expect(JSON.parse(indicatorEntry.before)).toMatchObject({ name: indicator.name, targetText: indicator.target_text, plan: Number(planId) });
    const budgetEntry = entries.find((entry) => entry.objectType === 'BudgetLine');
    expect(JSON.parse(budgetEntry.before)).toHaveProperty(['amounts.initial']);
  });

  it('deleting a line item records its whole subtree and their indicators', async () => {
    const planId = await importPlan(everyKindOfRow());
    const parent = (await sql('select p.id from line_item p where p.plan_id = ? and p.parent_id is null and exists (select 1 from line_item c where c.parent_id = p.id) order by p.id limit 1', [Number(planId)]))[0].id;
    const subtree = await ids('with recursive t(id) as (select ? union all select l.id from line_item l join t on l.parent_id = t.id) select id from t', [parent]);
    expect(subtree.length).toBeGreaterThan(1);
    const indicators = await ids(`select id from indicator where line_item_id in (${subtree.join(',')})`);
    expect(indicators.length).toBeGreaterThan(0);

    expect((await api.gql('mutation($id: ID!) { deleteLineItem(id: $id) { userErrors { code } } }', { id: String(parent) })).deleteLineItem.userErrors).toEqual([]);
    expect(byType(await deletedEntries({ p: planId }))).toEqual({ Indicator: indicators, LineItem: subtree });
  });

  it('deleting an indicator, a key task or a budget row records that row', async () => {
    const planId = await importPlan(everyKindOfRow());
    const p = [Number(planId)];
    const [indicator] = await ids('select id from indicator where plan_id = ? and line_item_id is null', p);
    const [task] = await ids('select id from key_task where plan_id = ?', p);
    const [line] = await ids('select id from budget_line where plan_id = ?', p);
    for (const [mutation, id] of [['deleteIndicator', indicator], ['deleteKeyTask', task], ['removeBudgetLine', line]] as const) {
      expect((await api.gql(`mutation($id: ID!) { ${mutation}(id: $id) { deletedId userErrors { code } } }`, { id: String(id) }))[mutation]).toEqual({ deletedId: String(id), userErrors: [] });
    }
    const entries = await deletedEntries({ p: planId });
    expect(byType(entries)).toEqual({ BudgetLine: [line], Indicator: [indicator], KeyTask: [task] });
    expect(entries.map((entry) => entry.objectType)).toEqual(['BudgetLine', 'KeyTask', 'Indicator']);
    expect(JSON.parse(entries[1].before)).toMatchObject({ item: expect.any(String), plan: Number(planId) });
    expect(JSON.parse(entries[2].before)).toMatchObject({ name: expect.any(String), targetText: expect.anything() });
  });

  it('deleting a department records it; the trail beyond plans is for administrators and analysts', async () => {
    const id = (await api.gql('mutation { createDepartment(input: { name: "中共雁峰区委宣传部", shortName: "雁峰区委宣传部" }) { department { id } } }')).createDepartment.department.id;
    expect((await api.gql('mutation($id: ID!) { deleteDepartment(id: $id) { userErrors { code } } }', { id })).deleteDepartment.userErrors).toEqual([]);
    const entries = await deletedEntries({ t: 'Department', o: id });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ objectType: 'Department', objectId: id, planId: null });
    expect(JSON.parse(entries[0].before)).toMatchObject({ name: '中共雁峰区委宣传部', shortName: '雁峰区委宣传部' });

    const analyst = { id: 9, name: '分析人员', role: 'ANALYST' as const, departmentIds: [] };
    expect((await api.as(analyst).gql(DELETED, { t: 'Department', o: id })).auditLog.totalCount).toBe(1);
    const planner = { id: 7, name: '编报员', role: 'PLANNER' as const, departmentIds: [Number(id)] };
    expect((await api.as(planner).raw(DELETED, { t: 'Department', o: id })).errors?.[0].extensions.code).toBe('FORBIDDEN');
  });

  it('a refused deletion leaves no trace', async () => {
    const planId = await importPlan(everyKindOfRow());
    const department = (await api.gql('query($id: ID!) { plan(id: $id) { department { id } } }', { id: planId })).plan.department.id;
    expect((await api.gql('mutation($id: ID!) { deleteDepartment(id: $id) { userErrors { code } } }', { id: department })).deleteDepartment.userErrors).toEqual([{ code: 'HAS_DEPENDENTS' }]);
    await api.gql('mutation($id: ID!) { submitPlan(id: $id) { userErrors { code } } }', { id: planId });
    const refused = (await api.gql('mutation($id: ID!) { deletePlan(id: $id) { userErrors { code } } }', { id: planId })).deletePlan;
    expect(refused.userErrors).toEqual([{ code: 'WRONG_STATUS' }]);
    expect(await sql("select count(*) as n from audit_entry where field = 'DELETED'")).toEqual([{ n: 0 }]);
  });
});

describe('user changes are audited', () => {
  it('creation, name, role, departments, activation and password resets: who, when, before, after — never the hash', async () => {
    const d1 = (await api.gql('mutation { createDepartment(input: { name: "部门甲" }) { department { id } } }')).createDepartment.department.id;
    const d2 = (await api.gql('mutation { createDepartment(input: { name: "部门乙" }) { department { id } } }')).createDepartment.department.id;
    const created = (
      await api.gql('mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } userErrors { code } } }', {
        i: { username: 'wang', displayName: '王五', password: 'long-password-1', role: 'PLANNER', departmentIds: [d1] },
      })
    ).createUser.user.id;
    const UPDATE = 'mutation($id: ID!, $i: UpdateUserInput!) { updateUser(id: $id, input: $i) { userErrors { code } } }';
    await api.gql(UPDATE, { id: created, i: { role: 'REVIEWER', departmentIds: [d2, d1] } });
    await api.gql(UPDATE, { id: created, i: { displayName: '王五（审核）', password: 'another-password-2' } });
    await api.gql(UPDATE, { id: created, i: { active: false } });
    // A refused change (a scoped role with no department) is not recorded.
    expect((await api.gql(UPDATE, { id: created, i: { departmentIds: [] } })).updateUser.userErrors).toEqual([{ code: 'REQUIRED' }]);

    const log = (
      await api.gql('query($o: ID) { auditLog(objectType: "User", objectId: $o) { totalCount nodes { field before after userName userId planId at } } }', { o: created })
    ).auditLog;
    const rows = log.nodes.map((entry: any) => [entry.field, entry.before && JSON.parse(entry.before), entry.after && JSON.parse(entry.after)]);
    expect(rows).toEqual([
      ['active', true, false],
      ['password', null, '已重置 (reset)'],
      ['displayName', '王五', '王五（审核）'],
      ['departments', [Number(d1)], [Number(d1), Number(d2)].sort((a, b) => a - b)],
      ['role', 'PLANNER', 'REVIEWER'],
      ['CREATED', null, { username: 'wang', displayName: '王五', role: 'PLANNER', departments: [Number(d1)], active: true }],
    ]);
    expect(log.nodes.every((entry: any) => entry.userName === '测试管理员' && entry.userId === '0' && entry.planId === null && typeof entry.at === 'string')).toBe(true);
    const stored = await sql("select before, after from audit_entry where object_type = 'User'");
    expect(JSON.stringify(stored)).not.toMatch(/scrypt|long-password|another-password/);

    // Accounts are the administrator's: an analyst reading the whole trail does not see them.
    const analyst = { id: 9, name: '分析人员', role: 'ANALYST' as const, departmentIds: [] };
    expect((await api.as(analyst).gql('{ auditLog(objectType: "User") { totalCount } }')).auditLog.totalCount).toBe(0);
    expect((await api.as(analyst).gql('{ auditLog { totalCount } }')).auditLog.totalCount).toBeGreaterThan(0);
  });
});
