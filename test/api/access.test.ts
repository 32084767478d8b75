import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../server/src/modules/user/access.js';
import { type Api, openApi, readFixture, TEST_ADMIN } from './harness.js';
import { TEST_POSTGRES } from './test-db.js';

/**
 * The access matrix (issue 6 §2, DOMAIN.md §1): every role × own/other department × every query and
 * mutation, each in the plan status where the operation is open, asserted allow or deny.
 */
type Status = 'DRAFT' | 'SUBMITTED' | 'APPROVED' | 'EVALUATING';
type Ids = { department: string; emptyDepartment: string; plan: string; lineItem: string; indicator: string; keyTask: string; budgetLine: string };
type Outcome = 'allow' | 'deny';
type Role = 'PLANNER' | 'REVIEWER' | 'EVALUATOR' | 'ANALYST' | 'ADMIN';
type Client = Pick<Api, 'gql' | 'raw'>;

interface Operation {
  name: string;
  status: Status;
  /** Roles allowed on their own department's objects; on another department's only ADMIN (and ANALYST for reads). */
  own: Role[];
  read?: boolean;
  run(client: Client, ids: Ids): Promise<{ data?: any; errors?: readonly any[] }>;
}

const m = (query: string, pick: (data: any) => any) => async (client: Client, variables: Record<string, unknown>) => {
  const result = await client.raw(query, variables);
  return { ...result, data: result.data && pick(result.data) };
};

const WRITERS_DRAFT: Role[] = ['PLANNER', 'ADMIN'];
const EVALUATORS: Role[] = ['EVALUATOR', 'ADMIN'];
const REVIEWERS: Role[] = ['REVIEWER', 'ADMIN'];
const EVERYONE: Role[] = ['PLANNER', 'REVIEWER', 'EVALUATOR', 'ANALYST', 'ADMIN'];

const OPERATIONS: Operation[] = [
  // queries
  { name: 'plan(id)', status: 'DRAFT', own: EVERYONE, read: true, run: (c, i) => m('query($id: ID!) { plan(id: $id) { id rollup { count } checks { code } } }', (d) => d.plan)(c, { id: i.plan }) },
  { name: 'planByYear', status: 'DRAFT', own: EVERYONE, read: true, run: (c, i) => m('query($d: ID!) { planByYear(departmentId: $d, year: 2025) { id } }', (d) => d.planByYear)(c, { d: i.department }) },
  { name: 'department(id)', status: 'DRAFT', own: EVERYONE, read: true, run: (c, i) => m('query($id: ID!) { department(id: $id) { id plans { id } } }', (d) => d.department)(c, { id: i.department }) },
  { name: 'exportPlanDocument', status: 'DRAFT', own: EVERYONE, read: true, run: (c, i) => m('query($id: ID!) { exportPlanDocument(planId: $id) }', (d) => d.exportPlanDocument)(c, { id: i.plan }) },
  { name: 'auditLog', status: 'DRAFT', own: EVERYONE, read: true, run: (c, i) => m('query($id: ID!) { auditLog(planId: $id) { totalCount } }', (d) => d.auditLog)(c, { id: i.plan }) },
  // drafting
  { name: 'updatePlan', status: 'DRAFT', own: WRITERS_DRAFT, run: (c, i) => m('mutation($id: ID!) { updatePlan(id: $id, input: { overallGoals: ["目标"] }) { userErrors { code } } }', (d) => d.updatePlan)(c, { id: i.plan }) },
  { name: 'deletePlan', status: 'DRAFT', own: WRITERS_DRAFT, run: (c, i) => m('mutation($id: ID!) { deletePlan(id: $id) { userErrors { code } } }', (d) => d.deletePlan)(c, { id: i.plan }) },
  { name: 'setBudgetLine', status: 'DRAFT', own: WRITERS_DRAFT, run: (c, i) => m('mutation($p: ID!) { setBudgetLine(input: { planId: $p, category: BASIC, amounts: { initial: "1" } }) { userErrors { code } } }', (d) => d.setBudgetLine)(c, { p: i.plan }) },
  { name: 'removeBudgetLine', status: 'DRAFT', own: WRITERS_DRAFT, run: (c, i) => m('mutation($id: ID!) { removeBudgetLine(id: $id) { userErrors { code } } }', (d) => d.removeBudgetLine)(c, { id: i.budgetLine }) },
  { name: 'addKeyTask', status: 'DRAFT', own: WRITERS_DRAFT, run: (c, i) => m('mutation($p: ID!) { addKeyTask(planId: $p, input: { item: "事项" }) { userErrors { code } } }', (d) => d.addKeyTask)(c, { p: i.plan }) },
  { name: 'updateKeyTask', status: 'DRAFT', own: WRITERS_DRAFT, run: (c, i) => m('mutation($id: ID!) { updateKeyTask(id: $id, input: { goal: "目标" }) { userErrors { code } } }', (d) => d.updateKeyTask)(c, { id: i.keyTask }) },
  { name: 'moveKeyTask', status: 'DRAFT', own: WRITERS_DRAFT, run: (c, i) => m('mutation($id: ID!) { moveKeyTask(id: $id, position: 0) { userErrors { code } } }', (d) => d.moveKeyTask)(c, { id: i.keyTask }) },
  { name: 'deleteKeyTask', status: 'DRAFT', own: WRITERS_DRAFT, run: (c, i) => m('mutation($id: ID!) { deleteKeyTask(id: $id) { userErrors { code } } }', (d) => d.deleteKeyTask)(c, { id: i.keyTask }) },
  { name: 'addLineItem', status: 'DRAFT', own: WRITERS_DRAFT, run: (c, i) => m('mutation($p: ID!) { addLineItem(input: { planId: $p, fields: { name: "专项" } }) { userErrors { code } } }', (d) => d.addLineItem)(c, { p: i.plan }) },
  { name: 'updateLineItem', status: 'DRAFT', own: WRITERS_DRAFT, run: (c, i) => m('mutation($id: ID!) { updateLineItem(id: $id, fields: { use: "用途" }) { userErrors { code } } }', (d) => d.updateLineItem)(c, { id: i.lineItem }) },
  { name: 'moveLineItem', status: 'DRAFT', own: WRITERS_DRAFT, run: (c, i) => m('mutation($id: ID!) { moveLineItem(id: $id, position: 0) { userErrors { code } } }', (d) => d.moveLineItem)(c, { id: i.lineItem }) },
  { name: 'deleteLineItem', status: 'DRAFT', own: WRITERS_DRAFT, run: (c, i) => m('mutation($id: ID!) { deleteLineItem(id: $id) { userErrors { code } } }', (d) => d.deleteLineItem)(c, { id: i.lineItem }) },
  { name: 'addIndicator', status: 'DRAFT', own: WRITERS_DRAFT, run: (c, i) => m('mutation($p: ID!) { addIndicator(input: { planId: $p, fields: { level1Label: "产出指标", name: "新指标" } }) { userErrors { code } } }', (d) => d.addIndicator)(c, { p: i.plan }) },
  { name: 'updateIndicator', status: 'DRAFT', own: WRITERS_DRAFT, run: (c, i) => m('mutation($id: ID!) { updateIndicator(id: $id, fields: { remark: "备注" }) { userErrors { code } } }', (d) => d.updateIndicator)(c, { id: i.indicator }) },
  { name: 'moveIndicator', status: 'DRAFT', own: WRITERS_DRAFT, run: (c, i) => m('mutation($id: ID!) { moveIndicator(input: { id: $id, position: 0 }) { userErrors { code } } }', (d) => d.moveIndicator)(c, { id: i.indicator }) },
  { name: 'deleteIndicator', status: 'DRAFT', own: WRITERS_DRAFT, run: (c, i) => m('mutation($id: ID!) { deleteIndicator(id: $id) { userErrors { code } } }', (d) => d.deleteIndicator)(c, { id: i.indicator }) },
  { name: 'setIndicatorTarget (draft)', status: 'DRAFT', own: WRITERS_DRAFT, run: (c, i) => m('mutation($id: ID!) { setIndicatorTarget(id: $id, target: "不少于14次") { userErrors { code } } }', (d) => d.setIndicatorTarget)(c, { id: i.indicator }) },
  { name: 'setIndicatorWeight (draft)', status: 'DRAFT', own: WRITERS_DRAFT, run: (c, i) => m('mutation($id: ID!) { setIndicatorWeight(id: $id, weight: "5") { userErrors { code } } }', (d) => d.setIndicatorWeight)(c, { id: i.indicator }) },
  { name: 'setSectionWeights (draft)', status: 'DRAFT', own: WRITERS_DRAFT, run: (c, i) => m('mutation($p: ID!) { setSectionWeights(planId: $p, weights: null) { userErrors { code } } }', (d) => d.setSectionWeights)(c, { p: i.plan }) },
  { name: 'setExecutionScoring (draft)', status: 'DRAFT', own: WRITERS_DRAFT, run: (c, i) => m('mutation($p: ID!) { setExecutionScoring(planId: $p, input: null) { userErrors { code } } }', (d) => d.setExecutionScoring)(c, { p: i.plan }) },
  { name: 'submitPlan', status: 'DRAFT', own: WRITERS_DRAFT, run: (c, i) => m('mutation($id: ID!) { submitPlan(id: $id) { userErrors { code } } }', (d) => d.submitPlan)(c, { id: i.plan }) },
  { name: 'createPlan', status: 'DRAFT', own: WRITERS_DRAFT, run: (c, i) => m('mutation($d: ID!) { createPlan(input: { departmentId: $d, year: 2026 }) { userErrors { code } } }', (d) => d.createPlan)(c, { d: i.department }) },
  // review
  { name: 'returnPlan', status: 'SUBMITTED', own: REVIEWERS, run: (c, i) => m('mutation($id: ID!) { returnPlan(id: $id, reason: "指标值不明确") { userErrors { code } } }', (d) => d.returnPlan)(c, { id: i.plan }) },
  { name: 'approvePlan', status: 'SUBMITTED', own: REVIEWERS, run: (c, i) => m('mutation($id: ID!) { approvePlan(id: $id) { userErrors { code } } }', (d) => d.approvePlan)(c, { id: i.plan }) },
  { name: 'startEvaluation', status: 'APPROVED', own: REVIEWERS, run: (c, i) => m('mutation($id: ID!) { startEvaluation(id: $id) { userErrors { code } } }', (d) => d.startEvaluation)(c, { id: i.plan }) },
  { name: 'setIndicatorTarget (调整)', status: 'APPROVED', own: WRITERS_DRAFT, run: (c, i) => m('mutation($id: ID!) { setIndicatorTarget(id: $id, target: "不少于10次", reason: "上级调减任务") { userErrors { code } } }', (d) => d.setIndicatorTarget)(c, { id: i.indicator }) },
  // evaluation
  { name: 'recordIndicatorActual', status: 'EVALUATING', own: EVALUATORS, run: (c, i) => m('mutation($id: ID!) { recordIndicatorActual(id: $id, actual: "10次") { userErrors { code } } }', (d) => d.recordIndicatorActual)(c, { id: i.indicator }) },
  { name: 'scoreIndicator', status: 'EVALUATING', own: EVALUATORS, run: (c, i) => m('mutation($id: ID!) { scoreIndicator(id: $id, score: "8", reason: "部分完成") { userErrors { code } } }', (d) => d.scoreIndicator)(c, { id: i.indicator }) },
  { name: 'setIndicatorWeight (自评)', status: 'EVALUATING', own: EVALUATORS, run: (c, i) => m('mutation($id: ID!) { setIndicatorWeight(id: $id, weight: "10") { userErrors { code } } }', (d) => d.setIndicatorWeight)(c, { id: i.indicator }) },
  { name: 'recordSpending', status: 'EVALUATING', own: EVALUATORS, run: (c, i) => m('mutation($p: ID!) { recordSpending(input: { planId: $p, actual: "90" }) { userErrors { code } } }', (d) => d.recordSpending)(c, { p: i.plan }) },
  { name: 'setSectionWeights (自评)', status: 'EVALUATING', own: EVALUATORS, run: (c, i) => m('mutation($p: ID!) { setSectionWeights(planId: $p, weights: null) { userErrors { code } } }', (d) => d.setSectionWeights)(c, { p: i.plan }) },
  { name: 'setIndicatorDeviationReason', status: 'EVALUATING', own: EVALUATORS, run: (c, i) => m('mutation($id: ID!) { setIndicatorDeviationReason(id: $id, reason: "两场宣讲因汛期取消") { userErrors { code } } }', (d) => d.setIndicatorDeviationReason)(c, { id: i.indicator }) },
  { name: 'setExecutionScoring (自评)', status: 'EVALUATING', own: EVALUATORS, run: (c, i) => m('mutation($p: ID!) { setExecutionScoring(planId: $p, input: { profile: STEPWISE }) { userErrors { code } } }', (d) => d.setExecutionScoring)(c, { p: i.plan }) },
  { name: 'updateEvaluation', status: 'EVALUATING', own: EVALUATORS, run: (c, i) => m('mutation($p: ID!) { updateEvaluation(input: { planId: $p, problems: ["预算执行均衡性有待提高"] }) { userErrors { code } } }', (d) => d.updateEvaluation)(c, { p: i.plan }) },
  { name: 'closePlan', status: 'EVALUATING', own: REVIEWERS, run: (c, i) => m('mutation($id: ID!) { closePlan(id: $id) { userErrors { code } } }', (d) => d.closePlan)(c, { id: i.plan }) },
  // administration
  { name: 'updateDepartment', status: 'DRAFT', own: ['ADMIN'], run: (c, i) => m('mutation($id: ID!) { updateDepartment(id: $id, input: { region: "湖南省" }) { userErrors { code } } }', (d) => d.updateDepartment)(c, { id: i.department }) },
  { name: 'deleteDepartment', status: 'DRAFT', own: ['ADMIN'], run: (c, i) => m('mutation($id: ID!) { deleteDepartment(id: $id) { userErrors { code } } }', (d) => d.deleteDepartment)(c, { id: i.emptyDepartment }) },
  { name: 'createDepartment', status: 'DRAFT', own: ['ADMIN'], run: (c) => m('mutation { createDepartment(input: { name: "新部门" }) { userErrors { code } } }', (d) => d.createDepartment)(c, {}) },
  { name: 'importPlanDocument', status: 'DRAFT', own: ['ADMIN'], run: (c) => m('mutation($d: JSONObject!) { importPlanDocument(document: $d) { userErrors { code } } }', (d) => d.importPlanDocument)(c, { d: readFixture('yanfeng') }) },
  { name: 'createUser', status: 'DRAFT', own: ['ADMIN'], run: (c) => m('mutation { createUser(input: { username: "zhang", displayName: "张三", password: "long-password-1", role: ANALYST }) { userErrors { code } } }', (d) => d.createUser)(c, {}) },
];

function outcome(result: { data?: any; errors?: readonly any[] }): Outcome | string {
  const codes = (result.errors ?? []).map((error) => error.extensions?.code);
  if (codes.length) return codes.every((code) => code === 'FORBIDDEN' || code === 'UNAUTHENTICATED' || code === 'UNAUTHORIZED') ? 'deny' : `error ${JSON.stringify(result.errors)}`;
  const userErrors: { code: string }[] = result.data?.userErrors ?? [];
  // WRONG_STATUS denies too: a planner may edit weights in a draft, but not once the 自评 is open.
  if (userErrors.some((error) => error.code === 'FORBIDDEN' || error.code === 'WRONG_STATUS')) return 'deny';
  if (userErrors.length) return `userErrors ${JSON.stringify(userErrors)}`;
  return 'allow';
}

const ADVANCE: Record<Status, string[]> = {
  DRAFT: [],
  SUBMITTED: ['submitPlan'],
  APPROVED: ['submitPlan', 'approvePlan'],
  EVALUATING: ['submitPlan', 'approvePlan', 'startEvaluation'],
};

async function setUp(status: Status): Promise<{ api: Api; own: Ids; other: Ids }> {
  const api = await openApi();
  const ids = async (name: string): Promise<Ids> => {
    const department = (await api.gql('mutation($n: String!) { createDepartment(input: { name: $n }) { department { id } } }', { n: name })).createDepartment.department.id;
    const emptyDepartment = (await api.gql('mutation($n: String!) { createDepartment(input: { name: $n }) { department { id } } }', { n: `${name}（撤并）` })).createDepartment.department.id;
    const plan = (await api.gql('mutation($d: ID!) { createPlan(input: { departmentId: $d, year: 2025 }) { plan { id } } }', { d: department })).createPlan.plan.id;
    const lineItem = (await api.gql('mutation($p: ID!) { addLineItem(input: { planId: $p, fields: { name: "业务性专项经费" } }) { lineItem { id } } }', { p: plan })).addLineItem.lineItem.id;
    const indicator = (await api.gql('mutation($p: ID!) { addIndicator(input: { planId: $p, fields: { level1Label: "产出指标", name: "理论宣讲", target: "不少于12次", weight: "10" } }) { indicator { id } } }', { p: plan })).addIndicator.indicator.id;
    const keyTask = (await api.gql('mutation($p: ID!) { addKeyTask(planId: $p, input: { item: "理论学习" }) { keyTask { id } } }', { p: plan })).addKeyTask.keyTask.id;
    const budgetLine = (await api.gql('mutation($p: ID!) { setBudgetLine(input: { planId: $p, category: TOTAL, amounts: { initial: "100", fullYear: "100" } }) { budgetLine { id } } }', { p: plan })).setBudgetLine.budgetLine.id;
    for (const step of ADVANCE[status]) await api.gql(`mutation($id: ID!) { ${step}(id: $id) { userErrors { code } } }`, { id: plan });
    return { department, emptyDepartment, plan, lineItem, indicator, keyTask, budgetLine };
  };
  return { api, own: await ids('中共雁峰区委宣传部'), other: await ids('中共株洲市石峰区委员会宣传部') };
}

function actor(role: Role, departmentId: string): Actor {
  if (role === 'ADMIN') return TEST_ADMIN;
  return { id: 100, name: `测试${role}`, role, departmentIds: role === 'ANALYST' ? [] : [Number(departmentId)] };
}

const ROLES: Role[] = ['PLANNER', 'REVIEWER', 'EVALUATOR', 'ANALYST', 'ADMIN'];
const CASES = OPERATIONS.flatMap((operation) =>
  ROLES.flatMap((role) =>
    (['own', 'other'] as const).map((side) => {
      const allowed = side === 'own' ? operation.own.includes(role) : role === 'ADMIN' || (operation.read === true && role === 'ANALYST');
      return { label: `${operation.name} · ${role} · ${side}`, operation, role, side, expected: (allowed ? 'allow' : 'deny') as Outcome };
    }),
  ),
);

/**
 * The rules are decided in the server's code, not in SQL, so the whole matrix runs on SQLite; on
 * PostgreSQL (a second run of the API tests, for the SQL) each operation runs once allowed and once
 * denied, which exercises its queries and its refusal's rollback there at a tenth of the time.
 */
const SAMPLED = TEST_POSTGRES
  ? OPERATIONS.flatMap((operation) => (['allow', 'deny'] as const).map((outcome) => CASES.find((c) => c.operation === operation && c.expected === outcome)).filter((c) => c !== undefined))
  : CASES;

describe('the access matrix: role × own/other department × every operation', () => {
  it.each(SAMPLED)('$label → $expected', async ({ operation, role, side, expected }) => {
    const { api, own, other } = await setUp(operation.status);
    try {
      const before = expected === 'deny' ? await api.dump() : null;
      const result = await operation.run(api.as(actor(role, own.department)), side === 'own' ? own : other);
      expect(outcome(result)).toBe(expected);
      if (before) expect(await api.dump()).toEqual(before);
    } finally {
      await api.close();
    }
  });
});

describe('lists show only what a role may read', () => {
  let api: Api;
  let own: Ids;
  beforeAll(async () => {
    ({ api, own } = await setUp('DRAFT'));
  });
  afterAll(() => api.close());

  it.each(ROLES)('%s', async (role) => {
    const { departments, plans } = await api.as(actor(role, own.department)).gql('{ departments { totalCount } plans { totalCount nodes { department { id } } } }');
    const everything = role === 'ADMIN' || role === 'ANALYST';
    expect(departments.totalCount).toBe(everything ? 4 : 1);
    expect(plans.totalCount).toBe(everything ? 2 : 1);
    if (!everything) expect(plans.nodes.map((plan: any) => plan.department.id)).toEqual([own.department]);
  });

  it('nothing at all without signing in, except me and parseIndicatorValue-free sign-in', async () => {
    const anonymous = api.as(null);
    for (const query of ['{ departments { totalCount } }', '{ plans { totalCount } }', `{ plan(id: "${own.plan}") { id } }`, '{ parseIndicatorValue(text: "95%") { kind } }']) {
      expect(outcome(await anonymous.raw(query))).toBe('deny');
    }
    expect((await anonymous.gql('{ me { id } }')).me).toBeNull();
  });
});
