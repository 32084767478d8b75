// The province benchmark (issue 12): the app at the size of a province against a raw-SQL baseline.
//   pnpm bench                          4,800 departments (~135 indicators each) + the 5,020-indicator plan
//   BENCH_DEPARTMENTS=100 pnpm bench    a small run for development (does not touch docs/BENCHMARKS.md)
// Env: BENCH_DEPARTMENTS (default 4800), BENCH_IMPORT_DEPARTMENTS (how many go through the app's import;
// default all; fewer = measured on that sample and extrapolated linearly, marked so), BENCH_SEED (12),
// BENCH_WRITE=1|0 (rewrite the province section of docs/BENCHMARKS.md; default: only at full scale).
// Both servers run as child processes on 127.0.0.1; every loop is bounded by a count and a time cap.
import 'reflect-metadata';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { EntityManager } from '@mikro-orm/sqlite';
import { openDatabase } from '../src/db/orm.js';
import type { PlanDocument } from '../src/domain/plan-document.js';
import { withAuditScope } from '../src/modules/audit/audit-scope.js';
import { importPlanDocument } from '../src/modules/plan-document/plan-document.service.js';
import { type Actor, bindActor } from '../src/modules/user/access.js';
import { Role } from '../src/modules/user/user.entity.js';
import { createBenchAdmin } from './province/bench-user.js';
import { postJson } from './province/load-client.js';
import { ACTUAL, REGION_QUERY, WHOLE_PLAN_EDITOR, WHOLE_PLAN_TEXTS } from './province/queries.js';
import { bigPlanDocument, departmentDocument, loadVocabulary, writeRaw } from './province/generate.js';
import { importFiles } from '../src/cli/main.js';

const PROVINCE = 4800;
const DEPARTMENTS = Number(process.env.BENCH_DEPARTMENTS ?? PROVINCE);
const IMPORT_DEPARTMENTS = Math.min(DEPARTMENTS, Number(process.env.BENCH_IMPORT_DEPARTMENTS ?? DEPARTMENTS));
const SEED = Number(process.env.BENCH_SEED ?? 12);
const WRITE_DOCS = process.env.BENCH_WRITE ? process.env.BENCH_WRITE === '1' : DEPARTMENTS >= 4800;
// Diagnosis only: the app's extra node flags (e.g. "--trace-gc"), a file for its standard output, and
// BENCH_SKIP_IMPORT=1 to stop after the served measures (nothing written to docs/BENCHMARKS.md).
const APP_NODE_FLAGS = (process.env.BENCH_APP_NODE_FLAGS ?? '').split(' ').filter(Boolean);
const APP_STDOUT = process.env.BENCH_APP_STDOUT;
const SKIP_IMPORT = process.env.BENCH_SKIP_IMPORT === '1';
const SERVER_DIR = resolve(import.meta.dirname, '..');
const ADMIN: Actor = { id: 0, name: '基准测试 (bench)', role: Role.ADMIN, departmentIds: [] };
const PASSWORD = 'bench correct horse battery';
const log = (line: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

const startedAt = new Date();
const loadAtStart = loadavg().map((value) => value.toFixed(1)).join(' ');
const folder = mkdtempSync(join(tmpdir(), 'jixiao-province-'));
const dbPath = join(folder, 'province.sqlite');
const vocabulary = loadVocabulary();
const children: ChildProcess[] = [];

function* documents(count: number): Generator<PlanDocument> {
  yield bigPlanDocument(vocabulary);
  for (let index = 0; index < count; index++) yield departmentDocument(index, vocabulary, SEED);
}

const stats = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), median: at(0.5) };
};

/**
 * The medians of reads run in turns (app, raw, app, raw, …), so each meets the machine in the same state as
 * the others: up to `runs` each, stopping early after `capMs`.
 */
async function medians<K extends string>(runs: number, capMs: number, reads: Record<K, () => Promise<unknown>>): Promise<Record<K, number>> {
  const sides = Object.entries(reads) as [K, () => Promise<unknown>][];
  const samples = new Map<K, number[]>(sides.map(([side]) => [side, []]));
  const begin = performance.now();
  for (let run = 0; run < runs && (run === 0 || performance.now() - begin < capMs); run++) {
    for (const [side, work] of sides) {
      const start = performance.now();
      await work();
      samples.get(side)!.push(performance.now() - start);
    }
  }
  return Object.fromEntries(sides.map(([side]) => [side, stats(samples.get(side)!).median])) as Record<K, number>;
}

function fileSize(path: string): number {
  return ['', '-wal'].reduce((sum, suffix) => sum + (existsSync(path + suffix) ? statSync(path + suffix).size : 0), 0);
}

/** Peak resident set (VmHWM) and current (VmRSS) of a child, in MB. */
function memory(pid: number): { peak: number; now: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(status.match(new RegExp(`${key}:\\s+(\\d+)`))?.[1] ?? 0) / 1024;
  return { peak: kb('VmHWM'), now: kb('VmRSS') };
}

async function start(script: string, port: number, env: Record<string, string>): Promise<ChildProcess> {
  // The app's heap ceiling as `pnpm start` sets it (server/package.json), so its RSS is measured as it ships.
  const app = script === 'src/main.ts';
  const child = spawn(process.execPath, [...(app ? ['--max-old-space-size=320', ...APP_NODE_FLAGS] : []), '--import', 'tsx', script], {
    cwd: SERVER_DIR,
    env: { ...process.env, ...env, JIXIAO_DB: dbPath, PORT: String(port) },
    stdio: ['ignore', app && APP_STDOUT ? openSync(APP_STDOUT, 'w') : 'ignore', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  for (let attempt = 0; attempt < 18_000; attempt++) {
    if (child.exitCode != null) throw new Error(`${script} exited: ${stderr}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return child;
    } catch {
      /* not yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${script} did not start: ${stderr}`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode != null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

// ---------------------------------------------------------------------------------------------------
log(`province of ${DEPARTMENTS} departments + the 5,020-indicator plan → ${dbPath}`);
{
  await createBenchAdmin(dbPath, ADMIN, PASSWORD);
}
const raw = await writeRaw(dbPath, documents(DEPARTMENTS));
const databaseBytes = fileSize(dbPath);
log(`raw INSERTs: ${raw.plans} plans, ${raw.lineItems} line items, ${raw.indicators} indicators in ${(raw.ms / 1000).toFixed(1)} s; file ${(databaseBytes / 2 ** 20).toFixed(0)} MB for ${(raw.rawBytes / 2 ** 20).toFixed(0)} MB of values`);
// The app keeps each plan's figures in columns (plan-figures.store.ts) and computes them at start for plans
// without: done here, timed, so the server starts on a province whose figures are stored.
const figuresBackfill = await (async () => {
  const store = await import('../src/modules/plan/plan-figures.store.js' as string).catch(() => null);
  if (!store?.rebuildFigures) return null;
  const begin = performance.now();
  const orm = await openDatabase(dbPath); // computes the missing ones itself where openDatabase does
  const outdated: number[] = store.outdatedFigurePlans ? await store.outdatedFigurePlans(orm.em.fork() as EntityManager) : [];
  if (outdated.length) await store.rebuildFigures(orm.em.fork() as EntityManager, outdated);
  const ms = performance.now() - begin;
  const plans = raw.plans;
  await orm.close();
  log(`stored figures recomputed for ${plans} plans in ${(ms / 1000).toFixed(1)} s`);
  return { plans, ms };
})();

const APP_PORT = 41_000 + Math.floor(Math.random() * 1000);
const RAW_PORT = APP_PORT + 1000;
const results: Record<string, any> = {};
try {
  const app = await start('src/main.ts', APP_PORT, { NODE_ENV: 'production', JIXIAO_MAX_QUERY_COST: '100000000' });
  const rawServer = await start('bench/province/raw-server.ts', RAW_PORT, {});
  const appUrl = `http://127.0.0.1:${APP_PORT}/graphql`;
  const rawUrl = `http://127.0.0.1:${RAW_PORT}`;
  const signIn = await (
    await fetch(appUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `mutation { signIn(username: "bench", password: "${PASSWORD}") { token userErrors { message } } }` }) })
  ).json();
  const token = signIn.data.signIn.token as string;
  const gql = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(appUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
    const body = await response.json();
    if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 500));
    return body.data;
  };
  const get = async (path: string, init?: RequestInit) => {
    const response = await fetch(rawUrl + path, init);
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return response.json();
  };

  const BIG = 1; // written first
  const TYPICAL = 2 + Math.floor(DEPARTMENTS / 2);

  // Peak memory first, on a fresh server: 8 concurrent editor reads of the big plan, twice.
  log('memory: 8 concurrent reads of the 5,020-indicator plan');
  const before = memory(app.pid!);
  const concurrentBegin = performance.now();
  const failures: string[] = [];
  for (let round = 0; round < 2; round++) {
    const settled = await Promise.allSettled(Array.from({ length: 8 }, () => gql(WHOLE_PLAN_EDITOR, { id: BIG })));
    for (const outcome of settled) if (outcome.status === 'rejected') failures.push(String(outcome.reason).slice(0, 300));
  }
  const concurrentMs = performance.now() - concurrentBegin;
  if (failures.length) log(`  ${failures.length} of 16 failed: ${failures[0]}`);
  const rawBefore = memory(rawServer.pid!);
  for (let round = 0; round < 2; round++) await Promise.all(Array.from({ length: 8 }, () => get(`/plan?id=${BIG}`)));
  results.memory = { failures: failures.length, firstFailure: failures[0] ?? null, concurrentMs, idle: before.now, peak: memory(app.pid!).peak, rawIdle: rawBefore.now, rawPeak: memory(rawServer.pid!).peak };

  log('whole plan');
  const bigIndicators = (await get(`/plan?id=${BIG}`)).indicators.length;
  const typicalIndicators = (await get(`/plan?id=${TYPICAL}`)).indicators.length;
  results.wholePlan = {
    bigIndicators,
    typicalIndicators,
    big: await medians(5, 60_000, { app: () => gql(WHOLE_PLAN_TEXTS, { id: BIG }), raw: () => get(`/plan?id=${BIG}`) }),
    bigEditor: (await medians(3, 30_000, { app: () => gql(WHOLE_PLAN_EDITOR, { id: BIG }) })).app,
    typical: await medians(9, 20_000, { app: () => gql(WHOLE_PLAN_TEXTS, { id: TYPICAL }), raw: () => get(`/plan?id=${TYPICAL}`) }),
  };

  log('NOT_MET page');
  // The analysts' query (docs/ANALYST.md): indicators across plans filtered by their gap status. It needs
  // the stored figures; where the API refuses the filter, the fallback is the old way: paging through
  // plans with every indicator's gap and keeping the NOT_MET ones until the page is full (marked).
  const NOT_MET_QUERY = 'query { indicators(filter: { gapStatuses: [NOT_MET] }, first: 50) { nodes { id name targetText actualText gap { status } } } }';
  const PLAN_PAGE = `query($after: String) { plans(first: 20, after: $after) { pageInfo { hasNextPage endCursor } nodes { id
    indicators { id name targetText actualText gap { status } }
    lineItems { children { indicators { id name targetText actualText gap { status } } } } } } }`;
  let appRequests = 0;
  const pagedNotMet = async () => {
    const found: unknown[] = [];
    appRequests = 0;
    for (let after: string | null = null, more = true; more && found.length < 50 && appRequests < 100; ) {
      const { plans } = await gql(PLAN_PAGE, { after });
      appRequests++;
      for (const plan of plans.nodes) {
        const rows = [...plan.indicators, ...plan.lineItems.flatMap((item: any) => item.children.flatMap((child: any) => child.indicators))];
        for (const row of rows) if (row.gap.status === 'NOT_MET' && found.length < 50) found.push(row);
      }
      after = plans.pageInfo.endCursor;
      more = plans.pageInfo.hasNextPage;
    }
    return found;
  };
  const filteredNotMet = async () => {
    appRequests = 1;
    return (await gql(NOT_MET_QUERY)).indicators.nodes as unknown[];
  };
  let notMetQuery: 'indicators' | 'paged' = 'indicators';
  let appFound: number;
  try {
    appFound = (await filteredNotMet()).length;
  } catch (error) {
    log(`  indicators(filter: { gapStatuses }) refused, paging through plans instead: ${String(error).slice(0, 200)}`);
    notMetQuery = 'paged';
    appFound = (await pagedNotMet()).length;
  }
  const rawFound = (await get('/not-met?first=50')).length;
  const appNotMet = notMetQuery === 'indicators' ? filteredNotMet : pagedNotMet;
  results.notMet = { ...(await medians(5, 50_000, { app: appNotMet, raw: () => get('/not-met?first=50') })), rawFound, appFound, appRequests, query: notMetQuery };

  log('region aggregate');
  // planStats(groupBy: [REGION]) sums in SQL (docs/ANALYST.md); raw: the same sums by region over the TOTAL rows.
  const regionCount = (await get('/regions')).length;
  const appRegionCount = (await gql(REGION_QUERY)).planStats.length;
  results.regions = { ...(await medians(5, 80_000, { app: () => gql(REGION_QUERY), raw: () => get('/regions') })), regionCount, appRegionCount };

  log('writes: recordIndicatorActual at 1 / 8 / 32 clients');
  const totalIndicators = raw.indicators;
  const pickId = (() => {
    let state = 7;
    return () => {
      state = (state * 48271) % 2147483647;
      return 5_021 + (state % (totalIndicators - 5_020)); // outside the big plan
    };
  })();
  const load = async (clients: number, requests: number, capMs: number, one: (id: number, n: number) => Promise<void>) => {
    const latencies: number[] = [];
    const errors: string[] = [];
    let issued = 0;
    const begin = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (issued < requests && performance.now() - begin < capMs) {
          const n = issued++;
          const start = performance.now();
          try {
            await one(pickId(), n);
            latencies.push(performance.now() - start);
          } catch (error) {
            errors.push(String(error).slice(0, 200));
          }
        }
      }),
    );
    const wall = performance.now() - begin;
    const s = stats(latencies);
    return { clients, requests: latencies.length, errors: errors.length, firstError: errors[0] ?? null, perSecond: (latencies.length / wall) * 1000, p50: s.p50, p95: s.p95 };
  };
  // The write loads through node:http (bench/province/load-client.ts): fetch's own CPU, on the server's two
  // cores, was a third of a core at 300 writes a second.
  const writeActual = async (id: number, n: number) => {
    const { json } = await postJson(appUrl, { query: ACTUAL, variables: { id, a: `${n % 100}次` } }, { authorization: `Bearer ${token}` });
    if (json.errors) throw new Error(JSON.stringify(json.errors).slice(0, 500));
    if (json.data.recordIndicatorActual.userErrors.length) throw new Error(JSON.stringify(json.data.recordIndicatorActual.userErrors));
  };
  const writeRawActual = async (id: number, n: number) => {
    const { status } = await postJson(`${rawUrl}/actual`, { id, actual: `${n % 100}次` });
    if (status !== 200) throw new Error(`/actual: ${status}`);
  };
  results.writes = [];
  for (const clients of [1, 8, 32]) {
    const appResult = await load(clients, 400, 30_000, async (id, n) => {
      await writeActual(id, n);
    });
    const rawResult = await load(clients, 2000, 15_000, async (id, n) => {
      await writeRawActual(id, n);
    });
    results.writes.push({ app: appResult, raw: rawResult });
    log(`  ${clients} clients: app ${appResult.perSecond.toFixed(0)}/s p95 ${appResult.p95.toFixed(0)} ms; raw ${rawResult.perSecond.toFixed(0)}/s p95 ${rawResult.p95.toFixed(1)} ms`);
  }
  // The target (≥ 300/s with p95 ≤ 50 ms at 32 clients) read as a load: 32 clients together offering 300
  // writes a second, each on its own schedule (one every 32/300 s), latency counted from the scheduled
  // send time so a queue behind a slow write shows (no coordinated omission). The closed loop above is
  // the saturation throughput: 32 clients back to back have p95 ≈ 32 / throughput by Little's law.
  const OFFERED = 300;
  const openLoop = async (clients: number, perSecond: number, durationMs: number, one: (id: number, n: number) => Promise<void>) => {
    const latencies: number[] = [];
    const errors: string[] = [];
    const interval = (1000 * clients) / perSecond;
    let issued = 0;
    let dropped = 0;
    let lastDone = 0;
    // The load's own event-loop delay: a pause here (its GC) would count as the server's latency.
    const loopDelay = monitorEventLoopDelay({ resolution: 5 });
    loopDelay.enable();
    const begin = performance.now() + 50;
    await Promise.all(
      Array.from({ length: clients }, async (_, client) => {
        for (let k = 0; ; k++) {
          const due = begin + (client * interval) / clients + k * interval;
          if (due - begin >= durationMs) break;
          const wait = due - performance.now();
          if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
          else if (wait < -5_000) {
            dropped++; // over 5 s behind its schedule: the server is saturated, stop offering (counted as not served)
            continue;
          }
          const n = issued++;
          try {
            await one(pickId(), n);
            lastDone = performance.now();
            latencies.push(lastDone - due);
          } catch (error) {
            errors.push(String(error).slice(0, 200));
          }
        }
      }),
    );
    loopDelay.disable();
    const s = stats(latencies);
    return { loadDelayP99: loopDelay.percentile(99) / 1e6, loadDelayMax: loopDelay.max / 1e6, clients, offered: perSecond, requests: latencies.length, dropped, errors: errors.length, firstError: errors[0] ?? null, perSecond: (latencies.length / Math.max(durationMs, lastDone - begin)) * 1000, p50: s.p50, p95: s.p95 };
  };
  log(`writes: recordIndicatorActual, 32 clients offering ${OFFERED}/s for 10 s`);
  results.writesOffered = {
    app: await openLoop(32, OFFERED, 10_000, async (id, n) => {
      await writeActual(id, n);
    }),
    raw: await openLoop(32, OFFERED, 10_000, async (id, n) => {
      await writeRawActual(id, n);
    }),
  };
  log(`  offered ${OFFERED}/s: app ${results.writesOffered.app.perSecond.toFixed(0)}/s p95 ${results.writesOffered.app.p95.toFixed(0)} ms; raw ${results.writesOffered.raw.perSecond.toFixed(0)}/s p95 ${results.writesOffered.raw.p95.toFixed(1)} ms`);
  results.memory.peakAfterAll = memory(app.pid!).peak;
  if (SKIP_IMPORT) log(`served measures: ${JSON.stringify({ writes: results.writes, writesOffered: results.writesOffered, wholePlan: results.wholePlan })}`);
  await stop(app);
  await stop(rawServer);
} finally {
  for (const child of children) await stop(child);
}

if (SKIP_IMPORT) {
  rmSync(folder, { recursive: true, force: true });
  process.exit(0);
}

let importCpuMs = 0;
// The app's import path (importPlanDocument, one transaction per department, as the CLI and the
// GraphQL mutation do it) into a fresh database, for the whole province or a sample.
log(`import through the app: ${IMPORT_DEPARTMENTS} departments${IMPORT_DEPARTMENTS < DEPARTMENTS ? ' (sample, extrapolated)' : ''}`);
{
  const importPath = join(folder, 'imported.sqlite');
  const orm = await openDatabase(importPath);
  const begin = performance.now();
  const cpuBefore = process.cpuUsage();
  let imported = 0;
  for (const document of documents(IMPORT_DEPARTMENTS)) {
    if (imported === 0) {
      imported++;
      continue; // the big plan is not part of the province
    }
    await withAuditScope({ userId: null, userName: ADMIN.name }, () =>
      orm.em.fork().transactional(async (em) => {
        bindActor(em as EntityManager, ADMIN);
        await importPlanDocument(em as EntityManager, document);
      }),
    );
    if (imported++ % 200 === 0) log(`  ${imported - 1} imported, ${((performance.now() - begin) / 1000).toFixed(0)} s`);
  }
  const ms = performance.now() - begin;
  const cpu = process.cpuUsage(cpuBefore);
  importCpuMs = (cpu.user + cpu.system) / 1000;
  await orm.em.getConnection().execute('pragma wal_checkpoint(truncate)');
  await orm.close();
  const rawSample = await (async () => {
    const samplePath = join(folder, 'raw-sample.sqlite');
    const sampleOrm = await openDatabase(samplePath);
    await sampleOrm.close();
    const { departmentDocument: doc } = await import('./province/generate.js');
    const written = await writeRaw(samplePath, (function* () {
      for (let index = 0; index < IMPORT_DEPARTMENTS; index++) yield doc(index, vocabulary, SEED);
    })());
    return { ...written, fileBytes: fileSize(samplePath) }; // writeRaw checkpoints (truncate) before it closes
  })();
  // What a province administrator runs: `pnpm cli import <files…>` (importFiles: every file validated,
  // then all imported in one transaction), over the same documents written to a folder, CLI_BATCH files
  // per command (each batch all or nothing), into a fresh file; the CLI checkpoints the WAL at the end.
  const cliPath = join(folder, 'cli.sqlite');
  const cliFolder = mkdtempSync(join(folder, 'documents-'));
  const cliOrm = await openDatabase(cliPath);
  const CLI_BATCH = 200;
  const cliBegin = performance.now();
  const cliCpuBefore = process.cpuUsage();
  let batch: string[] = [];
  let index = 0;
  for (const document of documents(IMPORT_DEPARTMENTS)) {
    if (index++ === 0) continue; // the big plan is not part of the province
    const path = join(cliFolder, `${index}.json`);
    writeFileSync(path, JSON.stringify(document));
    batch.push(path);
    if (batch.length === CLI_BATCH) {
      await importFiles(cliOrm as never, batch, () => {});
      batch = [];
    }
  }
  if (batch.length) await importFiles(cliOrm as never, batch, () => {});
  const cliMs = performance.now() - cliBegin;
  const cliCpu = process.cpuUsage(cliCpuBefore);
  await cliOrm.close();
  results.importCli = { ms: cliMs, cpuMs: (cliCpu.user + cliCpu.system) / 1000, perDepartment: cliMs / IMPORT_DEPARTMENTS, extrapolatedMs: (cliMs / IMPORT_DEPARTMENTS) * PROVINCE, bytes: fileSize(cliPath), batch: CLI_BATCH };
  results.import = { departments: IMPORT_DEPARTMENTS, ms, rawMs: rawSample.ms, rawBytes: rawSample.rawBytes, rawFileBytes: rawSample.fileBytes, perDepartment: ms / IMPORT_DEPARTMENTS, extrapolatedMs: (ms / IMPORT_DEPARTMENTS) * PROVINCE, rawExtrapolatedMs: (rawSample.ms / IMPORT_DEPARTMENTS) * PROVINCE, cpuMs: importCpuMs, bytes: fileSize(importPath) };
}
rmSync(folder, { recursive: true, force: true });

// ---------------------------------------------------------------------------------------------------
const r = results;
const ms = (value: number) => (value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`);
const ratio = (app: number, base: number) => `${(app / base).toFixed(1)}×`;
const verdict = (ok: boolean) => (ok ? '**met**' : '**not met**');
const w32offered = r.writesOffered.app;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
// The target is the province (4,800 departments): a smaller run is extrapolated linearly to it, and so is raw's time for the same sample.
const extrapolated = r.import.departments < PROVINCE;
const importFigure = extrapolated ? r.import.extrapolatedMs : r.import.ms;
const rawImportFigure = extrapolated ? r.import.rawExtrapolatedMs : r.import.rawMs;
const rows = [
  ['whole plan, 5,020 indicators (texts, tree)', ms(r.wholePlan.big.app), ms(r.wholePlan.big.raw), ratio(r.wholePlan.big.app, r.wholePlan.big.raw), '≤ 2× raw', verdict(r.wholePlan.big.app <= 2 * r.wholePlan.big.raw)],
  [`whole plan, typical (${r.wholePlan.typicalIndicators} indicators)`, ms(r.wholePlan.typical.app), ms(r.wholePlan.typical.raw), ratio(r.wholePlan.typical.app, r.wholePlan.typical.raw), '≤ 2× raw', verdict(r.wholePlan.typical.app <= 2 * r.wholePlan.typical.raw)],
  ['whole plan, 5,020, as the editor reads it (+ gaps, roll-ups, checks)', ms(r.wholePlan.bigEditor), '—', ratio(r.wholePlan.bigEditor, r.wholePlan.big.raw), '(information)', ''],
  [
    `first 50 NOT_MET across the province ¹`,
    `${ms(r.notMet.app)} (${r.notMet.appRequests} request${r.notMet.appRequests === 1 ? '' : 's'})`,
    ms(r.notMet.raw),
    ratio(r.notMet.app, r.notMet.raw),
    '≤ 2× raw',
    r.notMet.query === 'indicators' ? verdict(r.notMet.app <= 2 * r.notMet.raw) : 'not comparable yet',
  ],
  [`budget sums by region (${r.regions.regionCount} regions) ²`, ms(r.regions.app), ms(r.regions.raw), ratio(r.regions.app, r.regions.raw), '≤ 2× raw', verdict(r.regions.app <= 2 * r.regions.raw)],
  ...r.writes.map((row: any) => [
    `recordIndicatorActual, ${row.app.clients} client${row.app.clients > 1 ? 's' : ''} back to back${row.app.clients === 32 ? ' (saturation) ⁵' : ''}`,
    `${row.app.perSecond.toFixed(0)}/s, p50 ${ms(row.app.p50)}, p95 ${ms(row.app.p95)}${row.app.errors ? `, **${row.app.errors} errors**` : ''}`,
    `${row.raw.perSecond.toFixed(0)}/s, p50 ${ms(row.raw.p50)}, p95 ${ms(row.raw.p95)}`,
    ratio(row.raw.perSecond, row.app.perSecond) + ' slower',
    row.app.clients === 32 ? '(information)' : '',
    '',
  ]),
  [
    `recordIndicatorActual, 32 clients offering ${r.writesOffered.app.offered}/s together for 10 s ⁵`,
    `${r.writesOffered.app.perSecond.toFixed(0)}/s, p50 ${ms(r.writesOffered.app.p50)}, p95 ${ms(r.writesOffered.app.p95)}${r.writesOffered.app.errors ? `, **${r.writesOffered.app.errors} errors**` : ''}${r.writesOffered.app.dropped ? `, ${r.writesOffered.app.dropped} not sent (over 5 s behind)` : ''}`,
    `${r.writesOffered.raw.perSecond.toFixed(0)}/s, p50 ${ms(r.writesOffered.raw.p50)}, p95 ${ms(r.writesOffered.raw.p95)}`,
    ratio(r.writesOffered.app.p95, r.writesOffered.raw.p95) + ' p95',
    '≥ 300/s, p95 ≤ 50 ms',
    verdict(w32offered.perSecond >= 0.98 * w32offered.offered && !w32offered.errors && !w32offered.dropped && w32offered.p95 <= 50),
  ],
  [
    `province import with \`pnpm cli import\` (${r.importCli.batch} files per command), 4,800 departments${extrapolated ? ` (**extrapolated** from ${r.import.departments.toLocaleString('en')})` : ''}`,
    `${ms(extrapolated ? r.importCli.extrapolatedMs : r.importCli.ms)} (${ms(r.importCli.perDepartment)} per department, CPU ${ms(r.importCli.cpuMs / r.import.departments)})`,
    `${ms(rawImportFigure)} (the same documents${extrapolated ? ', extrapolated' : ''})`,
    ratio(extrapolated ? r.importCli.extrapolatedMs : r.importCli.ms, rawImportFigure),
    '≤ 60 s',
    verdict((extrapolated ? r.importCli.extrapolatedMs : r.importCli.ms) <= 60_000),
  ],
  [
    `province import, a GraphQL \`importPlanDocument\` transaction per department${extrapolated ? ` (extrapolated from ${r.import.departments.toLocaleString('en')})` : ''}`,
    `${ms(importFigure)} (${ms(r.import.perDepartment)} per department, CPU ${ms(r.import.cpuMs / r.import.departments)})`,
    `${ms(rawImportFigure)}`,
    ratio(importFigure, rawImportFigure),
    '(information)',
    '',
  ],
  ...(figuresBackfill
    ? [[`stored figures of every plan recomputed (\`rebuildFigures\`, ${figuresBackfill.plans.toLocaleString('en')} plans)`, ms(figuresBackfill.ms), '—', '', '(information)', '']]
    : []),
  ['database file written with raw INSERTs vs the values in its rows', mb(databaseBytes), mb(raw.rawBytes), ratio(databaseBytes, raw.rawBytes), '(information)', ''],
  [
    `database file written by the app's CLI import (${r.import.departments.toLocaleString('en')} departments, WAL checkpointed) vs the file raw INSERTs write for the same rows ⁴`,
    mb(r.importCli.bytes),
    mb(r.import.rawFileBytes),
    ratio(r.importCli.bytes, r.import.rawFileBytes),
    '≤ 2× raw',
    verdict(r.importCli.bytes <= 2 * r.import.rawFileBytes),
  ],
  [
    `the same app file vs the values in the rows (UTF-8 text bytes, 8 per number)`,
    mb(r.importCli.bytes),
    mb(r.import.rawBytes),
    ratio(r.importCli.bytes, r.import.rawBytes),
    '(information)',
    '',
  ],
  [
    'server peak RSS, 8 concurrent reads of the 5,020 plan (×2)',
    `${r.memory.peak.toFixed(0)} MB (idle ${r.memory.idle.toFixed(0)} MB; ${ms(r.memory.concurrentMs)} for 16 reads${r.memory.failures ? `, **${r.memory.failures} of 16 failed** ³` : ''})`, `${r.memory.rawPeak.toFixed(0)} MB`, ratio(r.memory.peak, r.memory.rawPeak), '≤ 400 MB', verdict(r.memory.peak <= 400)],
];
const table = ['| measure | app | raw SQL | app / raw | target | |', '|---|---|---|---|---|---|', ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
const machine = `${availableParallelism()} × ${cpus()[0]?.model ?? 'CPU'} (nproc ${availableParallelism()}), ${(totalmem() / 2 ** 30).toFixed(1)} GB memory, Node ${process.version}, load average at start ${loadAtStart} (the machine is shared with other work)`;
const section = `<!-- province-bench:start -->
## Province: the app against raw SQL (\`pnpm bench\`)

Measured ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine}.
A synthetic province written by \`server/bench/province/generate.ts\` (seed ${SEED}, deterministic): ${DEPARTMENTS.toLocaleString('en')} departments
with ~135 indicators each (${raw.indicators.toLocaleString('en')} indicators, ${raw.lineItems.toLocaleString('en')} line items 专项 › 子项, ${raw.budgetLines.toLocaleString('en')} budget rows; texts
drawn from the fixtures, 70% with an actual, some scored) plus one plan at the 5,020-indicator size, written straight into a
migrated SQLite file. The app runs as it ships (\`NODE_ENV=production node --max-old-space-size=320 --import tsx src/main.ts\`, its own process,
HTTP on 127.0.0.1, signed in as an administrator); beside it \`server/bench/province/raw-server.ts\`: node:http + the same
driver (better-sqlite3), hand-written SQL, JSON out, no access rules or audit trail (for NOT_MET it calls the same domain gap
functions). Reads are medians of up to 5 runs (9 for the typical plan), the app and raw SQL in turns; writes hit random indicators outside the big plan (400 requests per level
for the app, up to 2,000 for raw SQL, each capped at 30 s / 15 s); the app writes an audit row too.

${table}

¹ ${
  r.notMet.query === 'indicators'
    ? `\`indicators(filter: { gapStatuses: [NOT_MET] }, first: 50)\` (docs/ANALYST.md), one request; raw: plans in id order, each indicator's gap computed by the domain functions until 50 are found`
    : `The API refused \`indicators(filter: { gapStatuses })\` (the stored figures are not in yet): the app figure pages through \`plans(first: 20)\` with every indicator's \`gap { status }\` and keeps the NOT_MET ones until 50 are found. Not comparable`
} (app found ${r.notMet.appFound}, raw ${r.notMet.rawFound}).
² \`planStats(groupBy: [REGION])\` with the plan count and the budget sums per category (${r.regions.appRegionCount} groups); raw: the same answer (each region's plan count, and its budget sums per category) in two GROUP BYs, as the app's SQL does it (until 20:40 on 2026-12-01 raw summed only the TOTAL rows).
${r.memory.failures ? `³ ${r.memory.failures} of the 16 concurrent reads failed (first: ${String(r.memory.firstFailure).replace(/[|\n]/g, ' ').slice(0, 200)}).\n` : ''}Import: \`importPlanDocument\` per department, one transaction each (the GraphQL mutation's and the CLI's service: validation, then
multi-row INSERTs per table, one \`PlanImport\` audit entry), into a fresh file; raw: the same documents as prepared single-row INSERTs,
200 plans a transaction${extrapolated ? `; both figures are the time for the first ${r.import.departments.toLocaleString('en')} departments × ${PROVINCE}/${r.import.departments} (**extrapolated**, linear; raw for the same sample: ${ms(r.import.rawMs)})` : ''}. The CLI row runs \`importFiles\` (what \`pnpm cli import\` runs) over the same documents written as files, ${r.importCli.batch} files per command; database files are measured after a WAL checkpoint (truncate).
⁴ "The rows' raw size" is read as the file raw INSERTs write for the same rows into the same migrated schema (\`writeRaw\`, WAL checkpointed), the baseline every other figure here is compared with; the values alone (UTF-8 bytes of each text, 8 per number) are the row after it. The app's file holds the same rows plus one \`PlanImport\` audit entry per plan (the document's hash and counts), each new department's entry, and the stored figures (each indicator's reading, gap status, completion and scores as columns, each line item's and plan's roll-up columns, the plan's check counts).
⁵ Back to back, 32 clients measure the saturation throughput, and their latency is 32 ÷ that throughput (Little's law): no server meets p95 ≤ 50 ms that way below 640/s. The target row is the load it describes: 32 clients that together offer 300 writes a second (each client one write every 107 ms on a fixed schedule), latency counted from the scheduled send time so a queue shows; met when all 300/s are served with p95 ≤ 50 ms. The load runs on the same two cores, through node:http with kept-alive connections (≈ 0.5 ms of CPU per write; fetch took ≈ 1.2 ms, a third of a core at 300/s), the same client for app and raw.
Peak RSS is the child's VmHWM after the 8 concurrent reads on a fresh server (${r.memory.peakAfterAll.toFixed(0)} MB after every phase); plan reads
take one of ${process.env.JIXIAO_PLAN_READ_SLOTS ?? 2} slots at a time (\`JIXIAO_PLAN_READ_SLOTS\`), the others queue.
<!-- province-bench:end -->`;

console.log(`\n${section}\n`);
const file = resolve(import.meta.dirname, '../../docs/BENCHMARKS.md');
if (WRITE_DOCS) {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const pattern = /<!-- province-bench:start -->[\s\S]*<!-- province-bench:end -->/;
  writeFileSync(file, pattern.test(current) ? current.replace(pattern, section) : current.replace('<!-- server-bench:start -->', `${section}\n\n<!-- server-bench:start -->`));
  log('docs/BENCHMARKS.md updated');
}
process.exit(0);
