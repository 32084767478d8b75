// A whole-plan read over HTTP, in process (issue 12): what a request costs beyond executing the query —
// express, the session lookup, Apollo's pipeline, the limits. Imports one plan, signs in, then reads it
// sequentially; prints the median wall time and CPU per request (client included: same process).
//   pnpm --filter @jixiao/server exec tsx bench/http-read.ts     (HTTP_PLAN=typical|5020, HTTP_RUNS=200, HTTP_QUERY=fixed, READ_PROFILE=file)
// HTTP_VS_RAW=1: the app (src/main.ts, NODE_ENV=production, as the province bench starts it) and the raw
// endpoint (bench/province/raw-server.ts) as child processes over the same file, read in alternation: each
// server's CPU per request (from /proc, all its threads) and wall time, and the app/raw ratios.
import 'reflect-metadata';
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
import { WHOLE_PLAN_TEXTS } from './province/queries.js';

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
if (process.env.HTTP_VS_RAW) {
  await orm.close();
  await versusRaw(join(folder, 'read.sqlite'), planId);
  rmSync(folder, { recursive: true, force: true });
  process.exit(0);
}
const { listener } = await createHttpApp(orm);
const server = createServer(listener).listen(0, '127.0.0.1');
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

/** CPU (user + system, all threads) a process has used, in ms. */
function cpuOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (100/s)
}

async function versusRaw(dbPath: string, id: number): Promise<void> {
  const children: ChildProcess[] = [];
  const start = async (script: string, port: number, env: Record<string, string>) => {
    // APP_CPU_PROF=dir: the app's CPU profile (start-up included) written there when it stops.
    const profile = script === 'src/main.ts' && process.env.APP_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.APP_CPU_PROF}`, '--cpu-prof-interval=200'] : [];
    const child = spawn(process.execPath, [...profile, '--import', 'tsx', script], { env: { ...process.env, ...env, JIXIAO_DB: dbPath, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'] });
    children.push(child);
    for (;;) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return child;
      } catch {
        /* not yet */
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const appPort = 43_000 + Math.floor(Math.random() * 1000);
  try {
    const appChild = await start('src/main.ts', appPort, { NODE_ENV: 'production', JIXIAO_MAX_QUERY_COST: '100000000' });
    const rawChild = await start('bench/province/raw-server.ts', appPort + 1000, {});
    const appUrl = `http://127.0.0.1:${appPort}/graphql`;
    const gql = async (body: unknown, token?: string) => {
      const response = await fetch(appUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
      const text = await response.text();
      const json = JSON.parse(text);
      if (json.errors) throw new Error(JSON.stringify(json.errors));
      return { data: json.data, text };
    };
    const token = (await gql({ query: `mutation { signIn(username: "bench", password: "${PASSWORD}") { token } }` })).data.signIn.token as string;
    // HTTP_QUERY=fixed: the fixed cost of a request (a query that reads no plan content against raw's /healthz).
    const fixed = process.env.HTTP_QUERY === 'fixed';
    const appRead = () => gql({ query: fixed ? 'query($id: ID!) { plan(id: $id) { id } }' : WHOLE_PLAN_TEXTS, variables: { id } }, token);
    const rawRead = async () => (await fetch(`http://127.0.0.1:${appPort + 1000}${fixed ? '/healthz' : `/plan?id=${id}`}`)).text();
    const hash = createHash('sha256').update((await appRead()).text).digest('hex').slice(0, 12);
    for (let run = 0; run < 30; run++) {
      await appRead();
      await rawRead();
    }
    const rounds = Number(process.env.HTTP_RUNS ?? (process.env.HTTP_PLAN === '5020' ? 8 : 20));
    const batch = process.env.HTTP_PLAN === '5020' ? 3 : 20;
    const measure = async (pid: number, read: () => Promise<unknown>) => {
      const cpu = cpuOf(pid);
      const begin = performance.now();
      for (let run = 0; run < batch; run++) await read();
      return { wall: (performance.now() - begin) / batch, cpu: (cpuOf(pid) - cpu) / batch };
    };
    const app: { wall: number; cpu: number }[] = [];
    const raw: { wall: number; cpu: number }[] = [];
    for (let round = 0; round < rounds; round++) {
      app.push(await measure(appChild.pid!, appRead));
      raw.push(await measure(rawChild.pid!, rawRead));
    }
    const median = (values: number[]) => values.sort((a, b) => a - b)[values.length >> 1];
    const summary = (samples: { wall: number; cpu: number }[]) => ({ wallMs: +median(samples.map((s) => s.wall)).toFixed(2), cpuMs: +median(samples.map((s) => s.cpu)).toFixed(2), cpuMinMs: +Math.min(...samples.map((s) => s.cpu)).toFixed(2) });
    const a = summary(app);
    const r = summary(raw);
    // The ratio per round (app and raw back to back), then its median: the least disturbed by other load.
    const wallRatio = median(app.map((s, index) => s.wall / raw[index].wall));
    const cpuRatio = median(app.map((s, index) => s.cpu / Math.max(raw[index].cpu, 0.01)));
    console.log(JSON.stringify({ plan: process.env.HTTP_PLAN ?? 'typical', rounds, batch, app: a, raw: r, wallRatio: +wallRatio.toFixed(2), cpuRatio: +cpuRatio.toFixed(2), hash }));
  } finally {
    await Promise.all(children.map((child) => new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM')))));
  }
}
