// A whole-plan read over HTTP, in process (issue 12): what a request costs beyond executing the query —
// express, the session lookup, Apollo's pipeline, the limits. Imports one plan, signs in, then reads it
// sequentially; prints the median wall time and CPU per request (client included: same process).
//   pnpm --filter @jixiao/server exec tsx bench/http-read.ts     (HTTP_PLAN=typical|5020, HTTP_RUNS=200, HTTP_QUERY=fixed, READ_PROFILE=file)
import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { EntityManager } from '@mikro-orm/sqlite';
import { createHttpApp } from '../src/app.js';
import { openDatabase } from '../src/db/orm.js';
import { withAuditScope } from '../src/modules/audit/audit-scope.js';
import { importPlanDocument } from '../src/modules/plan-document/plan-document.service.js';
import { type Actor, bindActor } from '../src/modules/user/access.js';
import { Role } from '../src/modules/user/user.entity.js';
import { createUser } from '../src/modules/user/user.service.js';
import { bigPlanDocument, departmentDocument, loadVocabulary } from './province/generate.js';

const INDICATOR_FIELDS = 'id position level1 level1Label level2 level2Label name targetText actualText weight score deduction remark evidence version';
const LINE_ITEM_FIELDS = 'id parentId position name kind amounts { initial fullYear actual } period periodGoal annualGoal use version';
// The province bench's WHOLE_PLAN_TEXTS (bench/province-bench.ts).
const WHOLE_PLAN_TEXTS = `query($id: ID!) { plan(id: $id) { id year status version department { name region }
  budget { lines { id category name position amounts { initial adjustment fullYear actual carryover } } }
  indicators { ${INDICATOR_FIELDS} }
  lineItems { ${LINE_ITEM_FIELDS} indicators { ${INDICATOR_FIELDS} } children { ${LINE_ITEM_FIELDS} indicators { ${INDICATOR_FIELDS} } } } } }`;
const ADMIN: Actor = { id: 0, name: 'bench', role: Role.ADMIN, departmentIds: [] };
const PASSWORD = 'bench correct horse battery';
const folder = mkdtempSync(join(tmpdir(), 'jixiao-http-read-'));
const orm = await openDatabase(join(folder, 'read.sqlite'));
const planId = await withAuditScope({ userId: null, userName: 'bench' }, () =>
  orm.em.fork().transactional(async (em) => {
    bindActor(em as EntityManager, ADMIN);
    await createUser(em as EntityManager, { username: 'bench', displayName: '基准测试', password: PASSWORD, role: Role.ADMIN, departments: [] });
    const document = process.env.HTTP_PLAN === '5020' ? bigPlanDocument(loadVocabulary()) : departmentDocument(7, loadVocabulary());
    return (await importPlanDocument(em as EntityManager, document)).plan.id;
  }),
);
const { app } = await createHttpApp(orm);
const server = app.listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
let lastHash = '';
let lastBytes = 0;
const post = async (body: unknown, token?: string) => {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  const text = await response.text();
  lastHash = createHash('sha256').update(text).digest('hex').slice(0, 12);
  lastBytes = text.length;
  const json = JSON.parse(text);
  if (json.errors) throw new Error(JSON.stringify(json.errors));
  return json.data;
};
const token = (await post({ query: `mutation { signIn(username: "bench", password: "${PASSWORD}") { token } }` })).signIn.token as string;
// HTTP_QUERY=fixed: a query that reads no plan (`{ plan(id) { id } }`): the fixed cost of a request.
const query = process.env.HTTP_QUERY === 'fixed' ? 'query($id: ID!) { plan(id: $id) { id } }' : WHOLE_PLAN_TEXTS;
const read = () => post({ query, variables: { id: planId } }, token);
for (let run = 0; run < 20; run++) await read(); // warm
// Statements one read sends (HTTP_SQL=1 prints them).
const statements: string[] = [];
const onQuery = (query: { sql: string }) => statements.push(query.sql);
orm.em.getKnex().client.on('query', onQuery);
await read();
orm.em.getKnex().client.off('query', onQuery);
if (process.env.HTTP_SQL) for (const sql of statements) console.log(sql.slice(0, 300));

const profiler = process.env.READ_PROFILE ? new Session() : null;
if (profiler) {
  profiler.connect();
  await profiler.post('Profiler.enable');
  await profiler.post('Profiler.setSamplingInterval', { interval: 100 });
  await profiler.post('Profiler.start');
}
const runs = Number(process.env.HTTP_RUNS ?? (process.env.HTTP_PLAN === '5020' ? 10 : 200));
const samples: number[] = [];
const cpu = process.cpuUsage();
// CPU per request as well (this process: server and client): its lower quartile is the least disturbed by
// other processes on a shared machine.
const cpuSamples: number[] = [];
for (let run = 0; run < runs; run++) {
  const start = performance.now();
  const before = process.cpuUsage();
  await read();
  const spent = process.cpuUsage(before);
  cpuSamples.push((spent.user + spent.system) / 1000);
  samples.push(performance.now() - start);
}
const used = process.cpuUsage(cpu);
if (profiler) writeFileSync(process.env.READ_PROFILE!, JSON.stringify((await profiler.post('Profiler.stop')).profile));
samples.sort((a, b) => a - b);
cpuSamples.sort((a, b) => a - b);
console.log(JSON.stringify({ plan: process.env.HTTP_PLAN ?? 'typical', runs, medianMs: +samples[runs >> 1].toFixed(2), minMs: +samples[0].toFixed(2), p25Ms: +samples[runs >> 2].toFixed(2), cpuP25Ms: +cpuSamples[runs >> 2].toFixed(2), cpuMedianMs: +cpuSamples[runs >> 1].toFixed(2), cpuMsPerRead: +((used.user + used.system) / 1000 / runs).toFixed(2), statements: statements.length, bytes: lastBytes, hash: lastHash }));
server.close();
await orm.close();
rmSync(folder, { recursive: true, force: true });
process.exit(0);
