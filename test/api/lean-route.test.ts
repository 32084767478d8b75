// The lean route for the single-indicator edits and plan reads (server/src/graphql/lean-route.ts) against the full path
// (express, body-parser, Apollo): two apps over two databases holding the same plan get the same requests,
// and every answer must be the same byte for byte (status, headers but Date, body) — those the lean route
// answers and those it hands on. indicator-writes-http.test.ts holds the five edits to their recorded transcript.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPostgres } from '../../server/src/db/orm.js';
import { leanRouteStats } from '../../server/src/graphql/lean-route.js';
import { type HttpApi, type HttpReply, openHttpApi } from './http-harness.js';
import { readFixture } from './harness.js';

interface Side {
  api: HttpApi;
  admin: string;
  outsider: string;
  planId: string;
  ids: string[];
}

let lean: Side;
let full: Side;

async function side(options: { leanRoute?: boolean }): Promise<Side> {
  const api = await openHttpApi(options);
  const admin = await api.addUser('lean-admin', 'ADMIN');
  const elsewhere = await api.gql('mutation { createDepartment(input: { name: "其他部门" }) { department { id } } }', {}, admin);
  const outsider = await api.addUser('lean-outsider', 'EVALUATOR', [Number(elsewhere.createDepartment.department.id)]);
  const reply = await api.post({ query: 'mutation($d: JSONObject!) { importPlanDocument(document: $d) { plan { id indicators { id } } } }', variables: { d: readFixture('yanfeng') } }, { token: admin });
  const plan = reply.json.data.importPlanDocument.plan;
  await api.orm.em.fork().getConnection().execute('update plan set status = ? where id = ?', ['EVALUATING', Number(plan.id)]);
  return { api, admin, outsider, planId: plan.id, ids: plan.indicators.map((row: { id: string }) => row.id) };
}

const environment = process.env.NODE_ENV;
beforeAll(async () => {
  // As deployed: errors without stack traces (the two paths call graphql-js from different frames).
  process.env.NODE_ENV = 'production';
  lean = await side({});
  full = await side({ leanRoute: false });
  process.env.NODE_ENV = environment;
});
afterAll(async () => {
  await lean?.api.close();
  await full?.api.close();
});

/** The tables' rows without their creation and update times (the two databases were filled a moment apart) and salted password hashes. */
function withoutTimes(tables: Record<string, unknown[]>): Record<string, unknown[]> {
  const strip = (row: unknown) => Object.fromEntries(Object.entries(row as Record<string, unknown>).filter(([column]) => !['created_at', 'updated_at', 'password_hash'].includes(column)));
  return Object.fromEntries(Object.entries(tables).map(([table, rows]) => [table, rows.map(strip)]));
}

function record(reply: HttpReply): string {
  const headers = [...reply.headers].filter(([name]) => name !== 'date').map(([name, value]) => `${name}: ${value}`);
  return `${reply.status}\n${headers.join('\n')}\n${reply.text}`;
}

/** The editor's own shape: a named operation, a fragment, the plan's fresh roll-up and checks. */
const EDITOR_ACTUAL = `mutation RecordIndicatorActual($id: ID!, $actual: String, $expectedVersion: Int) {
  recordIndicatorActual(id: $id, actual: $actual, expectedVersion: $expectedVersion) { ...Change }
}
fragment Change on IndicatorChangePayload {
  indicator { id version actualText scoreUnconfirmed gap { status completion difference suggestedScore explanation warnings { code message } } }
  plan { id version rollup { count scoreTotal weightTotal suggestedScoreTotal grade pendingCount statusCounts { status count } } checks { code message } }
  userErrors { field code message }
}`;
const SCORE = 'mutation($id: ID!, $s: Decimal, $r: String, $v: Int) { scoreIndicator(id: $id, score: $s, reason: $r, expectedVersion: $v) { indicator { id version score deduction gap { effectiveScore } } userErrors { field code message } } }';
const WEIGHT = 'mutation($id: ID!, $w: Decimal) { changed: setIndicatorWeight(id: $id, weight: $w) { __typename indicator { id weight } userErrors { code } } }';

/** A whole-plan read as the editor's is shaped: fragments, the tree, the tables with their gaps, roll-up and checks. */
const PLAN = `query Plan($id: ID!) { plan(id: $id) { ...Head indicators { ...Row } lineItems { id name indicators { ...Row } children { id name } } } }
fragment Head on Plan { id year status version rollup { count scoreTotal grade } checks { code message } }
fragment Row on Indicator { id position level1 name targetText actualText weight score gap { status completion suggestedScore explanation } }`;
const PLAN_BY_YEAR = 'query($d: String, $y: Int!) { planByYear(department: $d, year: $y) { id year status indicators { id name } } again: plan(id: "1") { id } }';

interface Case {
  name: string;
  body: (ids: string[], planId: string) => unknown;
  token?: 'admin' | 'outsider' | 'none';
  headers?: Record<string, string>;
  /** The lean route answers it (otherwise it hands it on). */
  lean: boolean;
}

const CASES: Case[] = [
  { name: 'the editor’s document', body: (ids) => ({ query: EDITOR_ACTUAL, operationName: 'RecordIndicatorActual', variables: { id: ids[0], actual: '12次' } }), lean: true },
  { name: 'again, a stale version', body: (ids) => ({ query: EDITOR_ACTUAL, variables: { id: ids[0], actual: '13次', expectedVersion: 1 } }), lean: true },
  { name: 'Accept: application/json', body: (ids) => ({ query: EDITOR_ACTUAL, variables: { id: ids[1], actual: '98%' } }), headers: { accept: 'application/json' }, lean: true },
  { name: 'Accept as Apollo Client 4 sends it', body: (ids) => ({ query: EDITOR_ACTUAL, variables: { id: ids[2], actual: '良好' } }), headers: { accept: 'application/graphql-response+json,application/json;q=0.9' }, lean: true },
  { name: 'Accept: text/html', body: (ids) => ({ query: EDITOR_ACTUAL, variables: { id: ids[2], actual: '好' } }), headers: { accept: 'text/html' }, lean: false },
  { name: 'a score that needs a reason', body: (ids) => ({ query: SCORE, variables: { id: ids[3], s: '0' } }), lean: true },
  { name: 'a score with one', body: (ids) => ({ query: SCORE, variables: { id: ids[3], s: '0', r: '实际完成情况低于目标值，按比例扣分' } }), lean: true },
  { name: 'an alias and __typename', body: (ids) => ({ query: WEIGHT, variables: { id: ids[4], w: '7.5' } }), lean: true },
  { name: 'a weight out of range', body: (ids) => ({ query: WEIGHT, variables: { id: ids[4], w: '101' } }), lean: true },
  { name: 'no such indicator', body: () => ({ query: WEIGHT, variables: { id: '999999', w: '5' } }), lean: true },
  { name: 'another department’s evaluator', body: (ids) => ({ query: SCORE, variables: { id: ids[5], s: null } }), token: 'outsider', lean: true },
  { name: 'signed out', body: (ids) => ({ query: SCORE, variables: { id: ids[5], s: null } }), token: 'none', lean: false },
  { name: 'a variable of the wrong type', body: (ids) => ({ query: SCORE, variables: { id: ids[5], s: 'abc' } }), lean: false },
  { name: 'a required variable missing', body: () => ({ query: SCORE, variables: {} }), lean: false },
  { name: 'an operation name that does not match', body: (ids) => ({ query: EDITOR_ACTUAL, operationName: 'Other', variables: { id: ids[0], actual: '1次' } }), lean: false },
  { name: 'extensions', body: (ids) => ({ query: SCORE, variables: { id: ids[5], s: null }, extensions: { persistedQuery: { version: 1, sha256Hash: 'x' } } }), lean: false },
  { name: 'two edits in one document', body: (ids) => ({ query: `mutation { a: setIndicatorWeight(id: "${ids[6]}", weight: "5") { userErrors { code } } b: setIndicatorWeight(id: "${ids[7]}", weight: "5") { userErrors { code } } }` }), lean: false },
  { name: 'a field that does not exist', body: (ids) => ({ query: `mutation { setIndicatorWeight(id: "${ids[6]}", weight: "5") { nothing } }` }), lean: false },
  { name: 'a directive', body: (ids) => ({ query: `mutation { setIndicatorWeight(id: "${ids[6]}", weight: "5") { userErrors @include(if: true) { code } } }` }), lean: false },
  { name: 'a NUL in a variable', body: (ids) => ({ query: EDITOR_ACTUAL, variables: { id: ids[0], actual: 'a\u0000b' } }), lean: false },
  { name: 'a batch', body: (ids) => [{ query: WEIGHT, variables: { id: ids[6], w: '5' } }], lean: false },
  { name: 'a body that is not JSON (read by the lean route, answered by express’s error handler)', body: () => '{"query": "mutation {', lean: false },
  { name: 'another mutation', body: () => ({ query: 'mutation { createDepartment(input: { name: "新部门" }) { department { name } userErrors { code } } }' }), lean: false },
  { name: 'a whole-plan read', body: (_, planId) => ({ query: PLAN, operationName: 'Plan', variables: { id: planId } }), lean: true },
  { name: 'a plan by year, and a second root field', body: () => ({ query: PLAN_BY_YEAR, variables: { d: '雁峰区委宣传部', y: 2024 } }), lean: true },
  { name: 'a plan id that is not one', body: () => ({ query: PLAN, variables: { id: 'abc' } }), lean: true },
  { name: 'a plan the caller may not read', body: (_, planId) => ({ query: PLAN, variables: { id: planId } }), token: 'outsider', lean: true },
  { name: 'a plan read signed out', body: (_, planId) => ({ query: PLAN, variables: { id: planId } }), token: 'none', lean: false },
  { name: 'a query of another root field', body: (ids) => ({ query: `query { indicator(id: "${ids[0]}") { id actualText } }` }), lean: false },
  { name: 'a plan and another root field', body: (ids, planId) => ({ query: `query { plan(id: "${planId}") { id } indicator(id: "${ids[0]}") { id } }` }), lean: false },
];

describe('the lean route for single-indicator edits and plan reads', () => {
  it('answers as the full path does, byte for byte, and takes the requests it should', async () => {
    for (const one of CASES) {
      const before = leanRouteStats.answered;
      const replies = await Promise.all(
        [lean, full].map(({ api, admin, outsider, ids, planId }) => {
          const token = one.token === 'none' ? null : one.token === 'outsider' ? outsider : admin;
          return api.post(JSON.stringify(one.body(ids, planId)), { token, headers: one.headers });
        }),
      );
      expect(record(replies[0]), one.name).toBe(record(replies[1]));
      expect(leanRouteStats.answered - before, `${one.name}: lean`).toBe(one.lean ? 1 : 0);
    }
    expect(withoutTimes(await lean.api.dump())).toEqual(withoutTimes(await full.api.dump()));
    const trail = (api: HttpApi) => api.orm.em.fork().getConnection().execute('select user_id, user_name, plan_id, object_type, object_id, field, before, after, reason from audit_entry order by id');
    expect(await trail(lean.api)).toEqual(await trail(full.api));
  });

  it('formats an unexpected failure as the full path does (production: masked)', async () => {
    for (const { api } of [lean, full]) await api.orm.em.fork().getConnection().execute(`drop table evaluation${isPostgres(api.orm) ? ' cascade' : ''}`);
    const replies = await Promise.all([lean, full].map(({ api, admin, ids }) => api.post({ query: SCORE, variables: { id: ids[8], s: null } }, { token: admin })));
    expect(replies[0].json.errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect(record(replies[0])).toBe(record(replies[1]));
  });
});
