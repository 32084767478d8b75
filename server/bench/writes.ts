// Single-indicator writes under load (issue 12): N concurrent HTTP clients send recordIndicatorActual (or a
// mix of the single-indicator edits) to random indicators of typical plans of a province on a SQLite file.
//   pnpm tsx bench/writes.ts                  200 departments (built once into /tmp/jixiao-writes), 1/8/32 clients
// Env: WRITES_DEPARTMENTS (200), WRITES_DIR (/tmp/jixiao-writes), WRITES_CLIENTS ("1,8,32"), WRITES_REQUESTS
// per level (400), WRITES_MIX=1 (rotate recordIndicatorActual/setIndicatorDeviationReason/scoreIndicator/
// setIndicatorWeight/setIndicatorTarget), WRITES_NODE_FLAGS (the server's extra node flags), WRITES_BIG_READS=1 (16
// editor reads of the 5,020-indicator plan first, as the province bench leaves the server), WRITES_PROFILE=1 (the server runs with --cpu-prof into WRITES_DIR),
// WRITES_REBUILD=1 (build the province again), WRITES_RATE=300 (after the closed loops, an open loop: the last
// client count together offering that many writes a second for WRITES_SECONDS (10), each client on its own
// schedule, latency from the scheduled send, as bench/province-bench.ts measures the target; WRITES_TRACE=<file>
// writes each of its writes there as "W <due, epoch ms> <latency ms>", to set beside the server's events). Prints writes/s,
// p50, p95 and the server's CPU ms per write (user + system from /proc, so other processes do not count).
import 'reflect-metadata';
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { EntityManager } from '@mikro-orm/sqlite';
import { openDatabase } from '../src/db/orm.js';
import type { PlanDocument } from '../src/domain/plan-document.js';
import { outdatedFigurePlans, rebuildFigures } from '../src/modules/plan/plan-figures.store.js';
import type { Actor } from '../src/modules/user/access.js';
import { Role } from '../src/modules/user/user.entity.js';
import { createBenchAdmin } from './province/bench-user.js';
import { closeLoadClient, postJson } from './province/load-client.js';
import { bigPlanDocument, closeRaw, departmentDocument, loadVocabulary, openRaw, writeRaw } from './province/generate.js';

const DEPARTMENTS = Number(process.env.WRITES_DEPARTMENTS ?? 200);
const DIR = process.env.WRITES_DIR ?? '/tmp/jixiao-writes';
const CLIENTS = (process.env.WRITES_CLIENTS ?? '1,8,32').split(',').map(Number);
const REQUESTS = Number(process.env.WRITES_REQUESTS ?? 400);
const MIX = process.env.WRITES_MIX === '1';
const PROFILE = process.env.WRITES_PROFILE === '1';
const RATE = Number(process.env.WRITES_RATE ?? 0);
const SECONDS = Number(process.env.WRITES_SECONDS ?? 10);
const TRACE = process.env.WRITES_TRACE;
const SERVER_DIR = process.env.WRITES_SERVER_DIR ?? resolve(import.meta.dirname, '..');
const ADMIN: Actor = { id: 0, name: '基准测试 (bench)', role: Role.ADMIN, departmentIds: [] };
const PASSWORD = 'bench correct horse battery';
const log = (line: string) => console.log(`[writes ${new Date().toISOString().slice(11, 19)}] ${line}`);

mkdirSync(DIR, { recursive: true });
const template = join(DIR, `province-${DEPARTMENTS}.sqlite`);
const dbPath = join(DIR, 'run.sqlite');

if (!existsSync(template) || process.env.WRITES_REBUILD === '1') {
  for (const suffix of ['', '-wal', '-shm']) rmSync(template + suffix, { force: true });
  log(`building a province of ${DEPARTMENTS} departments + the 5,020-indicator plan → ${template}`);
  await createBenchAdmin(template, ADMIN, PASSWORD);
  const vocabulary = loadVocabulary();
  const raw = await writeRaw(
    template,
    (function* (): Generator<PlanDocument> {
      yield bigPlanDocument(vocabulary);
      for (let index = 0; index < DEPARTMENTS; index++) yield departmentDocument(index, vocabulary, 12);
    })(),
  );
  const figures = await openDatabase(template);
  await rebuildFigures(figures.em.fork() as EntityManager, await outdatedFigurePlans(figures.em.fork() as EntityManager));
  await figures.em.getConnection().execute('pragma wal_checkpoint(truncate)');
  await figures.close();
  log(`  ${raw.plans} plans, ${raw.indicators} indicators`);
}
{
  // A template stored by an older figure code would be recomputed (every plan) at each run's start, inside
  // the measured process: bring it up to date once.
  const db = await openDatabase(template);
  await db.em.getConnection().execute('pragma wal_checkpoint(truncate)');
  await db.close();
}
for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
copyFileSync(template, dbPath);
// Indicators outside the big plan (plan 1, written first), as the province bench picks them.
const range = await (async () => {
  const db = await openRaw(dbPath);
  const row = db.prepare('select min(id) as first, max(id) as last, count(distinct plan_id) as plans from indicator where plan_id > 1').get() as { first: number; last: number; plans: number };
  await closeRaw(db);
  return row;
})();

/** This process's threads' CPU time so far (user + system, ms), by thread id: the main thread is named after the process. */
function threadCpu(): Map<string, { name: string; ms: number }> {
  const threads = new Map<string, { name: string; ms: number }>();
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const name = tid === String(process.pid) ? 'main' : readFileSync(`/proc/self/task/${tid}/comm`, 'utf8').trim().replace(/[0-9]+$/, '');
      const fields = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1].split(' ');
      threads.set(tid, { name, ms: ((Number(fields[11]) + Number(fields[12])) * 1000) / 100 });
    } catch {
      /* the thread ended */
    }
  }
  return threads;
}

/** The server's CPU time so far (user + system), in ms; `main`: its main thread's only. */
function cpuMs(pid: number, main = false): number {
  const fields = readFileSync(main ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks of 10 ms
}

async function start(port: number): Promise<ChildProcess> {
  const flags = PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${DIR}`] : [];
  const nodeFlags = (process.env.WRITES_NODE_FLAGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, ['--max-old-space-size=320', ...nodeFlags, ...flags, '--import', 'tsx', 'src/main.ts'], {
    cwd: SERVER_DIR,
    env: { ...process.env, NODE_ENV: 'production', JIXIAO_DB: dbPath, PORT: String(port) },
    stdio: ['ignore', process.env.WRITES_STDOUT ? 'inherit' : 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  for (let attempt = 0; attempt < 3000; attempt++) {
    if (child.exitCode != null) throw new Error(`server exited: ${stderr}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return child;
    } catch {
      /* not yet */
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`server did not start: ${stderr}`);
}

if (process.env.WRITES_INPROCESS === '1') {
  // In this process, no HTTP and no session: the SQL of one write, then CPU per write of sequential writes.
  const { contextFor, createApolloServer } = await import('../src/app.js');
  const orm = await openDatabase(dbPath);
  const apollo = await createApolloServer();
  let statements: string[] = [];
  orm.em.getKnex().client.on('query', (query: { sql: string }) => statements.push(query.sql));
  const run = async (n: number) => {
    state = (state * 48271) % 2147483647;
    const id = range.first + (state % (range.last - range.first + 1));
    const query = `mutation($id: ID!, $a: String) { recordIndicatorActual(id: $id, actual: $a) { indicator { id version gap { status } } userErrors { code message } } }`;
    const response = await apollo.executeOperation({ query, variables: { id, a: `${n % 100}次` } }, { contextValue: contextFor(orm, ADMIN) });
    const body = response.body.kind === 'single' ? response.body.singleResult : null;
    if (body?.errors || (body?.data as any)?.recordIndicatorActual.userErrors.length) throw new Error(JSON.stringify(body));
  };
  let state = 7;
  for (let n = 0; n < 50; n++) await run(n);
  statements = [];
  await run(0);
  log(`${statements.length} statements:\n  ${statements.join('\n  ')}`);
  const count = Number(process.env.WRITES_REQUESTS ?? 400);
  statements = [];
  const threadsBefore = threadCpu();
  const cpu = process.cpuUsage();
  const begin = performance.now();
  for (let n = 0; n < count; n++) await run(n);
  const used = process.cpuUsage(cpu);
  const threads = threadCpu();
  const mainMs = threads.get(String(process.pid))!.ms - threadsBefore.get(String(process.pid))!.ms;
  log(`${count} sequential writes: ${((performance.now() - begin) / count).toFixed(2)} ms wall, ${((used.user + used.system) / 1000 / count).toFixed(2)} ms CPU per write, main thread ${(mainMs / count).toFixed(2)} ms`);
  const byName = new Map<string, number>();
  for (const [tid, { name, ms }] of threads) byName.set(name, (byName.get(name) ?? 0) + ms - (threadsBefore.get(tid)?.ms ?? 0));
  log(`CPU ms per write by thread: ${[...byName].filter(([, ms]) => ms > 0).map(([name, ms]) => `${name} ${(ms / count).toFixed(2)}`).join(', ')}`);
  // What the writes sent, by kind (the first words of each statement).
  const kinds = new Map<string, number>();
  for (const text of statements) {
    const kind = text.replace(/\s+/g, ' ').match(/^(with recursive|select|update "?\w+"?|insert into "?\w+"?|delete from "?\w+"?|\w+)/i)?.[0] ?? text.slice(0, 20);
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  log(`${(statements.length / count).toFixed(2)} statements per write: ${[...kinds].map(([kind, n]) => `${kind} ${(n / count).toFixed(2)}`).join(', ')}`);
  await orm.close();
  process.exit(0);
}

const port = 43_000 + Math.floor(Math.random() * 1000);
const server = await start(port);
const url = `http://127.0.0.1:${port}/graphql`;
try {
  const post = async (query: string, variables: Record<string, unknown>, token?: string) => {
    const { json: body } = await postJson(url, { query, variables }, token ? { authorization: `Bearer ${token}` } : {});
    if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 500));
    return body.data;
  };
  const token = (await post(`mutation($p: String!) { signIn(username: "bench", password: $p) { token } }`, { p: PASSWORD })).signIn.token as string;
  const gql = (query: string, variables: Record<string, unknown>) => post(query, variables, token);

  let state = 7;
  const pickId = () => {
    state = (state * 48271) % 2147483647;
    return range.first + (state % (range.last - range.first + 1));
  };
  const CHANGE = 'indicator { id version gap { status } } userErrors { code message }';
  const mutations: [string, string, (n: number) => Record<string, unknown>][] = [
    ['recordIndicatorActual', `mutation($id: ID!, $a: String) { recordIndicatorActual(id: $id, actual: $a) { ${CHANGE} } }`, (n) => ({ a: `${n % 100}次` })],
    ['setIndicatorDeviationReason', `mutation($id: ID!, $r: String) { setIndicatorDeviationReason(id: $id, reason: $r) { ${CHANGE} } }`, (n) => ({ r: n % 2 ? null : `因第${n}批次物资延迟到货` })],
    ['scoreIndicator', `mutation($id: ID!, $s: Decimal) { scoreIndicator(id: $id, score: $s, reason: "实际完成情况低于目标值，按比例扣分") { ${CHANGE} } }`, () => ({ s: '0' })],
    ['setIndicatorWeight', `mutation($id: ID!, $w: Decimal) { setIndicatorWeight(id: $id, weight: $w) { ${CHANGE} } }`, (n) => ({ w: String(5 + (n % 5)) })],
    ['setIndicatorTarget', `mutation($id: ID!, $t: String) { setIndicatorTarget(id: $id, target: $t, reason: "年中调整") { ${CHANGE} } }`, (n) => ({ t: `≥${80 + (n % 20)}%` })],
  ];
  const stats = (samples: number[]) => {
    const sorted = [...samples].sort((a, b) => a - b);
    return (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  };
  log(`${range.plans} plans, indicators ${range.first}..${range.last}; load ${loadavg().map((value) => value.toFixed(1)).join(' ')}; ${MIX ? 'mixed single-indicator writes' : 'recordIndicatorActual'}`);
  // Warm up (JIT, tsx's transforms, caches).
  for (let n = 0; n < 50; n++) await gql(mutations[0][1], { id: pickId(), ...mutations[0][2](n) });
  if (process.env.WRITES_BIG_READS === '1') {
    // As the province bench leaves the server: 8 concurrent editor reads of the 5,020-indicator plan, twice.
    const { WHOLE_PLAN_EDITOR } = await import('./province/queries.js');
    for (let round = 0; round < 2; round++) await Promise.all(Array.from({ length: 8 }, () => gql(WHOLE_PLAN_EDITOR, { id: 1 })));
    log('after 16 big-plan reads');
  }
  const rows: string[] = [];
  for (const clients of CLIENTS) {
    const latencies: number[] = [];
    const userErrors: Record<string, number> = {};
    let issued = 0;
    const cpuBefore = cpuMs(server.pid!);
    const mainBefore = cpuMs(server.pid!, true);
    const begin = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (issued < REQUESTS && performance.now() - begin < 60_000) {
          const n = issued++;
          const [name, query, variables] = mutations[MIX ? n % mutations.length : 0];
          const started = performance.now();
          const data = await gql(query, { id: pickId(), ...variables(n) });
          latencies.push(performance.now() - started);
          for (const error of data[name].userErrors) userErrors[error.code] = (userErrors[error.code] ?? 0) + 1;
        }
      }),
    );
    const wall = performance.now() - begin;
    const cpu = cpuMs(server.pid!) - cpuBefore;
    const main = cpuMs(server.pid!, true) - mainBefore;
    const at = stats(latencies);
    const line = `${String(clients).padStart(2)} clients: ${((latencies.length / wall) * 1000).toFixed(0).padStart(4)}/s  p50 ${at(0.5).toFixed(1)} ms  p95 ${at(0.95).toFixed(1)} ms  CPU ${(cpu / latencies.length).toFixed(1)} ms/write (main thread ${(main / latencies.length).toFixed(1)})  (${latencies.length} writes${Object.keys(userErrors).length ? `, userErrors ${JSON.stringify(userErrors)}` : ''})`;
    rows.push(line);
    log(line);
  }
  if (RATE > 0) {
    // Open loop: `clients` together offer RATE writes a second, each one write every clients/RATE s on its own
    // schedule; a write's latency runs from when it was due, so a queue behind a slow write shows.
    const clients = CLIENTS[CLIENTS.length - 1];
    const interval = (1000 * clients) / RATE;
    const latencies: number[] = [];
    let issued = 0;
    let dropped = 0;
    let lastDone = 0;
    const trace: string[] = [];
    const loadCpu = process.cpuUsage();
    const cpuBefore = cpuMs(server.pid!);
    const mainBefore = cpuMs(server.pid!, true);
    const begin = performance.now() + 50;
    await Promise.all(
      Array.from({ length: clients }, async (_, client) => {
        for (let k = 0; ; k++) {
          const due = begin + (client * interval) / clients + k * interval;
          if (due - begin >= SECONDS * 1000) break;
          const wait = due - performance.now();
          if (wait > 0) await new Promise((done) => setTimeout(done, wait));
          else if (wait < -5_000) {
            dropped++; // over 5 s behind: saturated, not offered (counted as not served)
            continue;
          }
          const n = issued++;
          const [name, query, variables] = mutations[MIX ? n % mutations.length : 0];
          const data = await gql(query, { id: pickId(), ...variables(n) });
          if (data[name].userErrors.length) throw new Error(JSON.stringify(data[name].userErrors));
          lastDone = performance.now();
          latencies.push(lastDone - due);
          if (TRACE) trace.push(`W ${(performance.timeOrigin + due).toFixed(1)} ${(lastDone - due).toFixed(1)}`);
        }
      }),
    );
    const cpu = cpuMs(server.pid!) - cpuBefore;
    const main = cpuMs(server.pid!, true) - mainBefore;
    const at = stats(latencies);
    if (TRACE) writeFileSync(TRACE, `${trace.join('\n')}\n`);
    const load = process.cpuUsage(loadCpu);
    const line = `${String(clients).padStart(2)} clients offering ${RATE}/s: ${((latencies.length / Math.max(SECONDS * 1000, lastDone - begin)) * 1000).toFixed(0).padStart(4)}/s  p50 ${at(0.5).toFixed(1)} ms  p95 ${at(0.95).toFixed(1)} ms  CPU ${(cpu / latencies.length).toFixed(1)} ms/write (main thread ${(main / latencies.length).toFixed(1)}; the load's own ${((load.user + load.system) / 1000 / latencies.length).toFixed(1)})  (${latencies.length} writes${dropped ? `, ${dropped} dropped` : ''})`;
    rows.push(line);
    log(line);
  }
  log(`load ${loadavg().map((value) => value.toFixed(1)).join(' ')}`);
} finally {
  await new Promise<void>((done) => {
    server.once('exit', () => done());
    server.kill('SIGTERM');
  });
  closeLoadClient();
  if (PROFILE) log(`profile in ${DIR}/*.cpuprofile`);
}
