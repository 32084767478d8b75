// The single-indicator writes over HTTP, byte for byte (issue 12: the write path was made lighter — the JSON body
// read without body-parser's layers, helmet's headers computed once, the indicator loaded as a plain row instead
// of a MikroORM entity). A script of the five single-indicator mutations on both fixtures — accepted edits,
// refused inputs, stale versions, other departments' and signed-out callers, each plan status, a CSRF-less body,
// bodies that are not JSON — must give the responses (status, headers but Date, body) and audit entries it gave
// before the change: their SHA-256 is below (the transcript is ≈ 300 KB). A difference is a change of behaviour:
// the test writes the transcript to a file to compare with one from the code before; if the change is meant,
// put the new hash here and say so.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EntityManager } from '@mikro-orm/sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leanRouteStats } from '../../server/src/graphql/lean-route.js';
import { Indicator } from '../../server/src/modules/indicator/indicator.entity.js';
import { indicatorOfRow, indicatorSnapshot } from '../../server/src/modules/indicator/indicator.service.js';
import { type HttpApi, type HttpReply, openHttpApi } from './http-harness.js';
import { readFixture } from './harness.js';

let api: HttpApi;
let admin: string;

const environment = process.env.NODE_ENV;
beforeAll(async () => {
  // As deployed: no stack traces in errors (their paths and async frames differ between machines and databases).
  process.env.NODE_ENV = 'production';
  api = await openHttpApi();
  process.env.NODE_ENV = environment;
  admin = await api.addUser('writes-admin', 'ADMIN');
});
afterAll(() => api?.close());

const VALUE = 'raw kind comparator value upper unit approximate direction boolean grade display confidence explanation splitSuggested';
const INDICATOR = `id version position level1 level1Label level2 level2Label name targetText actualText weight score deduction deviationReason scoreUnconfirmed remark evidence lineItemId planId unknownLevelLabels path previous { id }
  target { ${VALUE} } actual { ${VALUE} } gap { status completion completionPercent difference differenceUnit effectiveScore evaluatorScore explanation favourable scoreLost scoreSource scoringMethod suggestedScore warnings { code message } }`;
const CHANGE = `indicator { ${INDICATOR} } userErrors { field code message }`;
const SHORT = 'indicator { id version weight score deduction scoreUnconfirmed gap { status suggestedScore effectiveScore warnings { code } } } userErrors { field code message }';
/** Statuses the script runs in, and edits per status (the proof before/after ran all four statuses and six rounds). */
const STATUSES = ['DRAFT', 'EVALUATING', 'APPROVED'];
const ROUNDS = 3;
/**
 * The transcript's hash (SQLite and PostgreSQL alike). From main at 637c096, before the lighter write path
 * (81eb43bd…). Since session 8 /graphql's answers carry no `etag` header (app.ts): this is that transcript
 * with its 202 `etag:` lines removed, nothing else changed.
 */
const TRANSCRIPT_SHA256 = '4579f05aa832d82d2cea1226d46c16eb8ca3d56f316e0426061021b076cc1d5e';
const MUTATIONS = {
  actual: `mutation($id: ID!, $a: String, $e: String, $v: Int) { recordIndicatorActual(id: $id, actual: $a, evidence: $e, expectedVersion: $v) { ${CHANGE} } }`,
  reason: `mutation($id: ID!, $r: String, $v: Int) { setIndicatorDeviationReason(id: $id, reason: $r, expectedVersion: $v) { ${SHORT} } }`,
  score: `mutation($id: ID!, $s: Decimal, $r: String, $v: Int) { scoreIndicator(id: $id, score: $s, reason: $r, expectedVersion: $v) { ${SHORT} } }`,
  weight: `mutation($id: ID!, $w: Decimal, $v: Int) { setIndicatorWeight(id: $id, weight: $w, expectedVersion: $v) { ${SHORT} } }`,
  target: `mutation($id: ID!, $t: String, $st: StructuredTargetInput, $r: String, $v: Int) { setIndicatorTarget(id: $id, target: $t, structured: $st, reason: $r, expectedVersion: $v) { ${CHANGE} } }`,
  // The plan's roll-up and checks as the payload gives them after the write.
  withPlan: `mutation($id: ID!, $a: String) { recordIndicatorActual(id: $id, actual: $a) { indicator { id version gap { status } } plan { id version status rollup { count scoreTotal weightTotal suggestedScoreTotal grade pendingCount unconfirmedCount statusCounts { status count } } checks { code message } } userErrors { code } } }`,
} as const;

function record(reply: HttpReply): string {
  const headers = [...reply.headers].filter(([name]) => name !== 'date').map(([name, value]) => `${name}: ${value}`);
  return `${reply.status}\n${headers.join('\n')}\n${reply.text}`;
}

interface Users {
  own: string;
  planner: string;
  other: string;
  analyst: string;
}

async function importFixture(fixture: 'yanfeng' | 'shifeng'): Promise<{ id: string; departmentId: number; ids: string[] }> {
  const reply = await api.post({ query: 'mutation($d: JSONObject!) { importPlanDocument(document: $d) { plan { id department { id } indicators { id } } } }', variables: { d: readFixture(fixture) } }, { token: admin });
  const plan = reply.json.data.importPlanDocument.plan;
  return { id: plan.id, departmentId: Number(plan.department.id), ids: plan.indicators.map((row: { id: string }) => row.id) };
}

/** Runs the script against one imported fixture; returns what each request answered, in order. */
async function script(fixture: string, plan: { id: string; ids: string[] }, users: Users): Promise<string[]> {
  const out: string[] = [];
  const send = async (body: unknown, token: string | null = admin) => {
    const reply = await api.post(body, { token });
    out.push(record(reply));
    return reply;
  };
  const pick = (n: number) => plan.ids[(n * 7) % plan.ids.length];
  for (const status of STATUSES) {
    await api.orm.em.fork().getConnection().execute('update plan set status = ? where id = ?', [status, Number(plan.id)]);
    out.push(`-- ${fixture} ${status}`);
    for (let n = 0; n < ROUNDS; n++) {
      const id = pick(n);
      await send({ query: MUTATIONS.actual, variables: { id, a: ['37次', '≥95%', '无', '', null, '  按期完成 '][n], e: n % 2 ? '见附件' : undefined } });
      await send({ query: MUTATIONS.reason, variables: { id, r: ['因第3批次物资延迟到货', null, '无', '  ', '原因：供应商延迟交货，已督促整改', 'x'.repeat(5001)][n] } });
      await send({ query: MUTATIONS.score, variables: { id, s: ['0', null, '1.5', '-1', '0.001', '100'][n], r: [undefined, null, '实际完成情况低于目标值，按比例扣分', '扣1分', undefined, '超出分值'][n] } });
      await send({ query: MUTATIONS.weight, variables: { id, w: ['5', null, '101', '0', '2.5', '-3'][n] } });
      await send({
        query: MUTATIONS.target,
        variables: { id, t: ['≥90%', null, '100次', '按期完成', '≤5%', ''][n], r: [undefined, '年中调整', null, '预算调整后目标随之调整', undefined, '调整'][n], st: n === 2 ? { comparator: 'GTE', value: '100', unit: '次' } : n === 4 ? { comparator: 'RANGE', value: '5', upper: '1' } : undefined },
      });
    }
    const id = pick(9);
    const version = (await send({ query: MUTATIONS.withPlan, variables: { id, a: '12次' } })).json.data.recordIndicatorActual.indicator?.version ?? 1;
    await send({ query: MUTATIONS.actual, variables: { id, a: '13次', v: version - 1 } }); // stale: CONFLICT
    await send({ query: MUTATIONS.actual, variables: { id, a: '14次', v: version } });
    await send({ query: MUTATIONS.actual, variables: { id: 'abc', a: '1次' } });
    await send({ query: MUTATIONS.actual, variables: { id: '99999999', a: '1次' } });
    await send({ query: MUTATIONS.reason, variables: { id, r: '供应商延迟' } }, users.own);
    await send({ query: MUTATIONS.actual, variables: { id, a: '2次' } }, users.own);
    await send({ query: MUTATIONS.target, variables: { id, t: '≥80%', r: '年中调整' } }, users.planner);
    await send({ query: MUTATIONS.weight, variables: { id, w: '3' } }, users.planner);
    await send({ query: MUTATIONS.actual, variables: { id, a: '3次' } }, users.other);
    await send({ query: MUTATIONS.score, variables: { id, s: '1', r: '按比例扣分，实际低于目标' } }, users.analyst);
    await send({ query: MUTATIONS.actual, variables: { id, a: '4次' } }, null);
    await send({ query: MUTATIONS.actual, variables: { id, a: '5\u0000次' } });
    await send({ query: MUTATIONS.actual, variables: { id } });
    await send({ query: `${MUTATIONS.actual} # ${'{'.repeat(101)}`, variables: { id, a: '6次' } });
    await send({ query: `mutation { a: recordIndicatorActual(id: ${id}, actual: "7次") { indicator { id version } userErrors { code } } b: setIndicatorWeight(id: ${id}, weight: "4") { indicator { weight } userErrors { code } } }` });
  }
  return out;
}

/** Requests that never reach a resolver: how the HTTP layer refuses them. */
async function refusals(): Promise<string[]> {
  const body = JSON.stringify({ query: MUTATIONS.actual, variables: { id: '1', a: '1次' } });
  const replies: HttpReply[] = [
    await api.post(body, { token: admin, headers: { 'content-type': 'text/plain' } }), // CSRF prevention
    await api.post(body, { token: admin, headers: { 'content-type': 'application/json; charset=utf-8' } }),
    await api.post(body, { token: admin, headers: { 'content-type': 'Application/JSON;charset=UTF-8' } }),
    await api.post(`\ufeff${body}`, { token: admin }),
    await api.post(`  \n${body}`, { token: admin }),
    await api.post('{"query": "mutation {', { token: admin }),
    await api.post('"just a string"', { token: admin }),
    await api.post('', { token: admin }),
    await api.post('[]', { token: admin }),
    await api.post(body, { token: admin, headers: { 'content-type': 'application/json; charset=latin1' } }),
    await api.post(body, { token: admin, headers: { 'content-type': 'application/vnd.api+json' } }),
    await api.post(body, { token: admin, headers: { 'content-type': 'application/json', 'content-encoding': 'identity' } }),
    await api.post(JSON.stringify({ query: `query { __typename } # ${'x'.repeat(100_001)}` }), { token: admin }),
    await api.post(body, { token: 'not-a-session' }),
    await api.request('/graphql?query=%7B__typename%7D', { headers: { 'apollo-require-preflight': 'true' } }),
    await api.request('/healthz'),
  ];
  return replies.map(record);
}

/** Every audit entry but its time and id, oldest first. */
async function trail(): Promise<unknown[]> {
  return api.orm.em.fork().getConnection().execute('select user_id, user_name, plan_id, object_type, object_id, field, before, after, reason from audit_entry order by id');
}

describe('single-indicator writes over HTTP', () => {
  it('answer and audit as recorded, on both fixtures', async () => {
    const yanfeng = await importFixture('yanfeng');
    const shifeng = await importFixture('shifeng');
    const elsewhere = await api.post({ query: 'mutation { createDepartment(input: { name: "其他部门" }) { department { id } } }' }, { token: admin });
    const departments = [yanfeng.departmentId, shifeng.departmentId];
    const users: Users = {
      own: await api.addUser('writes-evaluator', 'EVALUATOR', departments),
      planner: await api.addUser('writes-planner', 'PLANNER', departments),
      other: await api.addUser('writes-other', 'EVALUATOR', [Number(elsewhere.json.data.createDepartment.department.id)]),
      analyst: await api.addUser('writes-analyst', 'ANALYST'),
    };
    const leanBefore = leanRouteStats.answered;
    const transcript = [...(await refusals()), ...(await script('yanfeng', yanfeng, users)), ...(await script('shifeng', shifeng, users))];
    expect(transcript.length).toBeGreaterThan(150);
    // Most of the script goes the lean route (graphql/lean-route.ts: 173 of 208 requests); the rest, the full path.
    expect(leanRouteStats.answered - leanBefore).toBeGreaterThan(150);
    const text = `${transcript.join('\n\n')}\n\n-- audit\n${(await trail()).map((entry) => JSON.stringify(entry)).join('\n')}\n`;
    const hash = createHash('sha256').update(text).digest('hex');
    if (hash !== TRANSCRIPT_SHA256) writeFileSync(join(tmpdir(), `indicator-writes-http-${hash.slice(0, 12)}.txt`), text);
    expect(hash, `transcript in ${join(tmpdir(), `indicator-writes-http-${hash.slice(0, 12)}.txt`)}`).toBe(TRANSCRIPT_SHA256);
  });

  it('load the indicator as a plain row with the values and snapshot em.map gives', async () => {
    const rows = (await api.orm.em.fork().getConnection().execute('select * from indicator order by id')) as Record<string, unknown>[];
    expect(rows.length).toBeGreaterThan(50);
    const reference = (value: unknown) => (value && typeof value === 'object' && 'id' in value ? (value as { id: unknown }).id : value);
    for (const row of rows) {
      const em = api.orm.em.fork() as EntityManager;
      const managed = em.map(Indicator, { ...row });
      const plain = indicatorOfRow(em, { ...row });
      expect(plain).toBeInstanceOf(Indicator);
      expect(indicatorSnapshot(em, plain)).toEqual((managed as unknown as { __helper: { __originalEntityData: unknown } }).__helper.__originalEntityData);
      for (const prop of em.getMetadata().get(Indicator.name).props) {
        expect(reference(plain[prop.name as keyof Indicator]), prop.name).toEqual(reference(managed[prop.name as keyof Indicator]));
      }
    }
  });
});
