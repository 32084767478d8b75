import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHttpApp } from '../../server/src/app.js';
import { openDatabase } from '../../server/src/db/orm.js';
import { resetSignInLimits } from '../../server/src/modules/user/session.service.js';
import { createUser } from '../../server/src/modules/user/user.service.js';
import { type Api, openApi, TEST_ADMIN } from './harness.js';

let api: Api;
let planId: string;
let indicatorId: string;
beforeEach(async () => {
  api = await openApi();
  const department = (await api.gql('mutation { createDepartment(input: { name: "中共雁峰区委宣传部" }) { department { id } } }')).createDepartment.department.id;
  planId = (await api.gql('mutation($d: ID!) { createPlan(input: { departmentId: $d, year: 2025 }) { plan { id } } }', { d: department })).createPlan.plan.id;
  indicatorId = (await api.gql('mutation($p: ID!) { addIndicator(input: { planId: $p, fields: { level1Label: "产出指标", name: "理论宣讲", target: "不少于12次", weight: "10" } }) { indicator { id } } }', { p: planId }))
    .addIndicator.indicator.id;
});
afterEach(async () => {
  await api.close();
});

const step = async (name: string, extra = '') =>
  (await api.gql(`mutation($id: ID!) { ${name}(id: $id${extra}) { plan { status version allowedActions } userErrors { code message } } }`, { id: planId }))[name];

describe('the workflow: DRAFT → SUBMITTED → APPROVED → EVALUATING → CLOSED', () => {
  it('moves only along its arrows, freezes targets after 批复 except a recorded 调整, and ends read-only', async () => {
    expect((await step('approvePlan')).userErrors).toEqual([{ code: 'WRONG_STATUS', message: expect.stringContaining('编制中') }]);
    expect((await step('submitPlan')).plan.status).toBe('SUBMITTED');
    expect((await step('returnPlan', ', reason: " "')).userErrors.map((error: any) => error.code)).toEqual(['REQUIRED']);
    expect((await step('returnPlan', ', reason: "指标值需量化"')).plan.status).toBe('DRAFT');
    await step('submitPlan');
    expect((await step('approvePlan')).plan).toMatchObject({ status: 'APPROVED', allowedActions: ['ADJUST_TARGET', 'START_EVALUATION', 'IMPORT'] });

    // Frozen: ordinary edits are refused; a target changes only as a 调整 with a reason.
    const edit = (await api.gql('mutation($id: ID!) { updateIndicator(id: $id, fields: { target: "不少于10次" }) { userErrors { code } } }', { id: indicatorId })).updateIndicator;
    expect(edit.userErrors).toEqual([{ code: 'WRONG_STATUS' }]);
    const unexplained = (await api.gql('mutation($id: ID!) { setIndicatorTarget(id: $id, target: "不少于10次") { userErrors { code field } } }', { id: indicatorId })).setIndicatorTarget;
    expect(unexplained.userErrors).toEqual([{ code: 'REQUIRED', field: ['reason'] }]);
    const adjusted = (await api.gql('mutation($id: ID!) { setIndicatorTarget(id: $id, target: "不少于10次", reason: "上级调减宣讲任务") { indicator { targetText } userErrors { code } } }', { id: indicatorId })).setIndicatorTarget;
    expect(adjusted).toEqual({ indicator: { targetText: '不少于10次' }, userErrors: [] });
    // Actuals only once the 自评 is open.
    const early = (await api.gql('mutation($id: ID!) { recordIndicatorActual(id: $id, actual: "10次") { userErrors { code } } }', { id: indicatorId })).recordIndicatorActual;
    expect(early.userErrors).toEqual([{ code: 'WRONG_STATUS' }]);

    await step('startEvaluation');
    const recorded = (await api.gql('mutation($id: ID!) { recordIndicatorActual(id: $id, actual: "10次") { indicator { gap { status } } userErrors { code } } }', { id: indicatorId })).recordIndicatorActual;
    expect(recorded).toEqual({ indicator: { gap: { status: 'MET' } }, userErrors: [] });
    expect((await step('closePlan')).plan).toMatchObject({ status: 'CLOSED', allowedActions: [] });

    // CLOSED is read-only, for the administrator too.
    const before = await api.dump();
    for (const mutation of [
      `updateIndicator(id: "${indicatorId}", fields: { remark: "x" })`,
      `recordIndicatorActual(id: "${indicatorId}", actual: "11次")`,
      `setIndicatorTarget(id: "${indicatorId}", target: "x", reason: "y")`,
      `deletePlan(id: "${planId}")`,
    ]) {
      const result = await api.gql(`mutation { ${mutation} { userErrors { code } } }`);
      expect(Object.values(result)[0]).toEqual({ userErrors: [{ code: 'WRONG_STATUS' }] });
    }
    expect(await api.dump()).toEqual(before);
  });
});

describe('the self-evaluation narrative', () => {
  it('the evaluator writes evaluators, survey, problems and measures; the export carries them', async () => {
    await step('submitPlan');
    await step('approvePlan');
    await step('startEvaluation');
    const UPDATE = 'mutation($i: UpdateEvaluationInput!, $v: Int) { updateEvaluation(input: $i, expectedVersion: $v) { evaluation { version problems measures evaluators { name title unit } satisfaction { satisfied } } userErrors { code field } } }';
    const first = (await api.gql(UPDATE, {
      i: { planId, evaluators: [{ name: '王五', title: '科长', unit: '区财政局' }], satisfaction: { satisfied: '92%' }, problems: ['预算执行均衡性有待提高'] },
    })).updateEvaluation;
    expect(first.userErrors).toEqual([]);
    expect(first.evaluation).toMatchObject({ problems: ['预算执行均衡性有待提高'], measures: null, evaluators: [{ name: '王五', title: '科长', unit: '区财政局' }], satisfaction: { satisfied: '92%' } });
    const second = (await api.gql(UPDATE, { i: { planId, measures: ['加强预算执行动态分析'] }, v: first.evaluation.version })).updateEvaluation;
    expect(second.evaluation).toMatchObject({ problems: ['预算执行均衡性有待提高'], measures: ['加强预算执行动态分析'] });
    const stale = (await api.gql(UPDATE, { i: { planId, measures: [] }, v: first.evaluation.version })).updateEvaluation;
    expect(stale.userErrors).toEqual([{ code: 'CONFLICT', field: ['expectedVersion'] }]);
    expect((await api.gql('query($id: ID!) { plan(id: $id) { evaluation { plan { id } } } }', { id: planId })).plan.evaluation.plan.id).toBe(planId);
    const exported = (await api.gql('query($id: ID!) { exportPlanDocument(planId: $id) }', { id: planId })).exportPlanDocument;
    expect(exported.evaluation).toMatchObject({ problems: ['预算执行均衡性有待提高'], measures: ['加强预算执行动态分析'] });
  });
});

describe('no lost writes: optimistic locking', () => {
  it('two editors of one indicator: the stale write is refused with the current value, then retried knowingly', async () => {
    const read = async () => (await api.gql('query($id: ID!) { plan(id: $id) { indicators { id version targetText } } }', { id: planId })).plan.indicators[0];
    const seenByA = await read();
    const seenByB = await read();
    const SET = 'mutation($id: ID!, $t: String, $v: Int) { setIndicatorTarget(id: $id, target: $t, expectedVersion: $v) { indicator { version targetText } userErrors { code field message } } }';
    const a = (await api.gql(SET, { id: indicatorId, t: '不少于15次', v: seenByA.version })).setIndicatorTarget;
    expect(a).toEqual({ indicator: { version: seenByA.version + 1, targetText: '不少于15次' }, userErrors: [] });

    const b = (await api.gql(SET, { id: indicatorId, t: '不少于20次', v: seenByB.version })).setIndicatorTarget;
    expect(b.userErrors).toEqual([{ code: 'CONFLICT', field: ['expectedVersion'], message: expect.stringContaining('已被他人修改') }]);
    // B is shown what A wrote, and nothing of B's was written.
    expect(b.indicator).toEqual({ version: seenByA.version + 1, targetText: '不少于15次' });
    expect((await read()).targetText).toBe('不少于15次');

    const retried = (await api.gql(SET, { id: indicatorId, t: '不少于20次', v: b.indicator.version })).setIndicatorTarget;
    expect(retried).toEqual({ indicator: { version: seenByA.version + 2, targetText: '不少于20次' }, userErrors: [] });
  });

  it('every editable row carries a version that moves with each write', async () => {
    const { plan } = await api.gql('query($id: ID!) { plan(id: $id) { version department { version } indicators { version } } }', { id: planId });
    expect([plan.version, plan.department.version, plan.indicators[0].version].every(Number.isInteger)).toBe(true);
    const v = plan.version;
    const first = (await api.gql('mutation($id: ID!, $v: Int) { updatePlan(id: $id, input: { overallGoals: ["目标"] }, expectedVersion: $v) { plan { version } userErrors { code } } }', { id: planId, v })).updatePlan;
    expect(first).toEqual({ plan: { version: v + 1 }, userErrors: [] });
    const stale = (await api.gql('mutation($id: ID!, $v: Int) { updatePlan(id: $id, input: { overallGoals: ["另一个目标"] }, expectedVersion: $v) { plan { overallGoals version } userErrors { code } } }', { id: planId, v })).updatePlan;
    expect(stale).toEqual({ plan: { overallGoals: ['目标'], version: v + 1 }, userErrors: [{ code: 'CONFLICT' }] });
  });
});

describe('the audit trail', () => {
  it('records who, when, object, field, before, after and why for targets, actuals, scores, amounts and status', async () => {
    const planner = { id: 7, name: '雁峰编报员', role: 'PLANNER' as const, departmentIds: [1] };
    await api.as(planner).gql('mutation($id: ID!) { setIndicatorTarget(id: $id, target: "不少于14次") { userErrors { code } } }', { id: indicatorId });
    await step('submitPlan');
    await step('returnPlan', ', reason: "请补充佐证"');
    await step('submitPlan');
    await step('approvePlan');
    await step('startEvaluation');
    const evaluator = { id: 8, name: '评价人员', role: 'EVALUATOR' as const, departmentIds: [1] };
    await api.as(evaluator).gql('mutation($id: ID!) { recordIndicatorActual(id: $id, actual: "10次") { userErrors { code } } }', { id: indicatorId });
    await api.as(evaluator).gql('mutation($id: ID!) { scoreIndicator(id: $id, score: "6", reason: "四场未留存记录") { userErrors { code } } }', { id: indicatorId });
    await api.as(evaluator).gql('mutation($p: ID!) { recordSpending(input: { planId: $p, fullYear: "120", actual: "118.5" }) { userErrors { code } } }', { p: planId });

    const history = (await api.gql('query($p: ID!, $o: ID) { auditLog(planId: $p, objectType: "Indicator", objectId: $o) { totalCount nodes { userName field before after reason at } } }', { p: planId, o: indicatorId })).auditLog;
    const changes = history.nodes.filter((entry: any) => entry.field !== 'CREATED').map((entry: any) => [entry.userName, entry.field, entry.before, entry.after, entry.reason]);
    // The score and its reason are one change, written in one flush.
    expect(changes.slice(0, 2).sort()).toEqual([
      ['评价人员', 'deduction', null, '"四场未留存记录"', '扣分原因：四场未留存记录'],
      ['评价人员', 'score', null, '"6"', '扣分原因：四场未留存记录'],
    ]);
    expect(changes.slice(2)).toEqual([
      ['评价人员', 'actualText', null, '"10次"', null],
      ['雁峰编报员', 'targetText', '"不少于12次"', '"不少于14次"', null],
    ]);
    expect(history.nodes.every((entry: any) => typeof entry.at === 'string')).toBe(true);

    const statuses = (await api.gql('query($p: ID!) { auditLog(planId: $p, objectType: "Plan", field: "status") { nodes { before after reason userName } } }', { p: planId })).auditLog.nodes;
    expect(statuses.map((entry: any) => [entry.before, entry.after, entry.reason])).toEqual([
      ['"APPROVED"', '"EVALUATING"', null],
      ['"SUBMITTED"', '"APPROVED"', null],
      ['"DRAFT"', '"SUBMITTED"', null],
      ['"SUBMITTED"', '"DRAFT"', '请补充佐证'],
      ['"DRAFT"', '"SUBMITTED"', null],
    ]);
    const amounts = (await api.gql('query($p: ID!) { auditLog(planId: $p, objectType: "BudgetLine") { nodes { field after userName } } }', { p: planId })).auditLog.nodes;
    expect(amounts[0]).toEqual({ field: 'CREATED', after: expect.stringContaining('"amounts.actual":"118.5"'), userName: '评价人员' });
  });

  it('is append-only: no mutation touches it, and the database refuses UPDATE and DELETE', async () => {
    const { __schema } = await api.gql('{ __schema { mutationType { fields { name } } } }');
    expect(__schema.mutationType.fields.map((field: any) => field.name).filter((name: string) => /audit/i.test(name))).toEqual([]);
    const connection = api.orm.em.getConnection();
    await expect(connection.execute("update audit_entry set after = 'forged'")).rejects.toThrow(/append-only/);
    await expect(connection.execute('update audit_entry set object_id = 0, plan_id = null')).rejects.toThrow(/append-only/);
    await expect(connection.execute('delete from audit_entry')).rejects.toThrow(/append-only/);
  });

  it('a refused change leaves no trace in the trail either', async () => {
    const before = (await api.gql('query($p: ID!) { auditLog(planId: $p) { totalCount } }', { p: planId })).auditLog.totalCount;
    await api.gql('mutation($id: ID!) { setIndicatorWeight(id: $id, weight: "-1") { userErrors { code } } }', { id: indicatorId });
    expect((await api.gql('query($p: ID!) { auditLog(planId: $p) { totalCount } }', { p: planId })).auditLog.totalCount).toBe(before);
  });
});

describe('sign-in over HTTP', () => {
  it('sets an HttpOnly SameSite cookie, accepts a bearer token, rate-limits failures and signs out', async () => {
    resetSignInLimits();
    const orm = await openDatabase(':memory:');
    await orm.em.fork().transactional(async (em) => {
      const { bindActor } = await import('../../server/src/modules/user/access.js');
      bindActor(em as never, TEST_ADMIN);
      await createUser(em as never, { username: 'li', displayName: '李四', password: 'correct-horse-1', role: 'ANALYST', departments: [] });
    });
    const [row] = await orm.em.getConnection().execute('select password_hash from app_user');
    expect(row.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);

    const { listener, apollo } = await createHttpApp(orm);
    const server = createServer(listener).listen(0, '127.0.0.1');
    await new Promise((done) => server.once('listening', done));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    const post = (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
    const SIGN_IN = 'mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { user { username role } token userErrors { code } } }';
    try {
      const signedIn = await post(SIGN_IN, { u: 'li', p: 'correct-horse-1' });
      const cookie = signedIn.headers.get('set-cookie')!;
      expect(cookie).toMatch(/^jixiao_session=[\w-]+;/);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Strict/);
      const body = (await signedIn.json()) as any;
      expect(body.data.signIn).toMatchObject({ user: { username: 'li', role: 'ANALYST' }, userErrors: [] });

      const withCookie = (await (await post('{ me { username } plans { totalCount } }', {}, { cookie: cookie.split(';')[0] })).json()) as any;
      expect(withCookie.data).toEqual({ me: { username: 'li' }, plans: { totalCount: 0 } });
      const withBearer = (await (await post('{ me { username } }', {}, { authorization: `Bearer ${body.data.signIn.token}` })).json()) as any;
      expect(withBearer.data.me).toEqual({ username: 'li' });
      const anonymous = (await (await post('{ plans { totalCount } }')).json()) as any;
      expect(anonymous.errors[0].extensions.code).toBe('UNAUTHENTICATED');

      const codes: string[] = [];
      for (let attempt = 0; attempt < 6; attempt++) {
        const failed = (await (await post(SIGN_IN, { u: 'li', p: 'wrong-password' })).json()) as any;
        codes.push(failed.data.signIn.userErrors[0].code);
      }
      expect(codes).toEqual(['BAD_CREDENTIALS', 'BAD_CREDENTIALS', 'BAD_CREDENTIALS', 'BAD_CREDENTIALS', 'BAD_CREDENTIALS', 'TOO_MANY_ATTEMPTS']);
      // Locked out now, even with the right password.
      expect(((await (await post(SIGN_IN, { u: 'li', p: 'correct-horse-1' })).json()) as any).data.signIn.userErrors[0].code).toBe('TOO_MANY_ATTEMPTS');

      // Changing one's password ends the other sessions, keeps this one.
      resetSignInLimits();
      const second = ((await (await post(SIGN_IN, { u: 'li', p: 'correct-horse-1' })).json()) as any).data.signIn.token;
      const CHANGE = 'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { userErrors { code field } } }';
      const wrong = (await (await post(CHANGE, { c: 'nope-nope-1', n: 'new-horse-22' }, { cookie: cookie.split(';')[0] })).json()) as any;
      expect(wrong.data.changePassword.userErrors).toEqual([{ code: 'BAD_CREDENTIALS', field: ['currentPassword'] }]);
      const changed = (await (await post(CHANGE, { c: 'correct-horse-1', n: 'new-horse-22' }, { cookie: cookie.split(';')[0] })).json()) as any;
      expect(changed.data.changePassword.userErrors).toEqual([]);
      expect(((await (await post('{ me { username } }', {}, { authorization: `Bearer ${second}` })).json()) as any).data.me).toBeNull();
      expect(((await (await post('{ me { username } }', {}, { cookie: cookie.split(';')[0] })).json()) as any).data.me).toEqual({ username: 'li' });

      const out = await post('mutation { signOut { signedOut } }', {}, { cookie: cookie.split(';')[0] });
      expect(out.headers.get('set-cookie')).toMatch(/^jixiao_session=;/);
      const after = (await (await post('{ me { username } }', {}, { cookie: cookie.split(';')[0] })).json()) as any;
      expect(after.data.me).toBeNull();
    } finally {
      server.close();
      await apollo.stop();
      await orm.close();
      resetSignInLimits();
    }
  });
});

describe('user administration', () => {
  it('the administrator lists users, changes role and departments, and deactivates; others may not', async () => {
    const CREATE = 'mutation($i: CreateUserInput!) { createUser(input: $i) { user { id username role departments { name } } userErrors { code field } } }';
    const created = (await api.gql(CREATE, { i: { username: 'wang', displayName: '王五', password: 'long-password-1', role: 'PLANNER', departmentIds: ['1'] } })).createUser;
    expect(created.user).toMatchObject({ username: 'wang', role: 'PLANNER', departments: [{ name: '中共雁峰区委宣传部' }] });
    expect((await api.gql(CREATE, { i: { username: 'zhao', displayName: '赵六', password: 'long-password-1', role: 'EVALUATOR' } })).createUser.userErrors).toEqual([
      { code: 'REQUIRED', field: ['input', 'departmentIds'] },
    ]);
    const UPDATE = 'mutation($id: ID!, $i: UpdateUserInput!) { updateUser(id: $id, input: $i) { user { role active departments { id } } userErrors { code } } }';
    expect((await api.gql(UPDATE, { id: created.user.id, i: { role: 'ANALYST', departmentIds: [] } })).updateUser).toEqual({ user: { role: 'ANALYST', active: true, departments: [] }, userErrors: [] });
    expect((await api.gql(UPDATE, { id: created.user.id, i: { active: false } })).updateUser.user.active).toBe(false);
    expect((await api.gql('{ users { totalCount nodes { username active } } }')).users).toEqual({ totalCount: 1, nodes: [{ username: 'wang', active: false }] });
    const planner = { id: 7, name: '雁峰编报员', role: 'PLANNER' as const, departmentIds: [1] };
    expect((await api.as(planner).raw('{ users { totalCount } }')).errors?.[0].extensions.code).toBe('UNAUTHORIZED');
    expect((await api.as(planner).raw(UPDATE, { id: created.user.id, i: { active: true } })).errors?.[0].extensions.code).toBe('UNAUTHORIZED');
  });
});

describe('versions move only with their own row', () => {
  it('editing an indicator leaves the plan\'s version alone, so a workflow step right after does not conflict', async () => {
    const before = (await api.gql('query($id: ID!) { plan(id: $id) { version } }', { id: planId })).plan.version;
    await api.gql('mutation($id: ID!) { updateIndicator(id: $id, fields: { remark: "备注" }) { userErrors { code } } }', { id: indicatorId });
    await api.gql('mutation($p: ID!) { addKeyTask(planId: $p, input: { item: "理论学习" }) { userErrors { code } } }', { p: planId });
    expect((await api.gql('query($id: ID!) { plan(id: $id) { version } }', { id: planId })).plan.version).toBe(before);
    const submitted = (await api.gql('mutation($id: ID!, $v: Int) { submitPlan(id: $id, expectedVersion: $v) { plan { status } userErrors { code } } }', { id: planId, v: before })).submitPlan;
    expect(submitted).toEqual({ plan: { status: 'SUBMITTED' }, userErrors: [] });
  });
});
