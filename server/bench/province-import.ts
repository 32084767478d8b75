// The province import alone (issue 12): `importPlanDocument` per department, one transaction each, into a
// fresh SQLite file, against the raw writer for the same documents. For quick measurements of the import path.
//   BENCH_DEPARTMENTS=200 pnpm --filter @jixiao/server exec tsx bench/province-import.ts   (SKIP_RAW=1: the app alone)
// BENCH_CLI=1: also the command line over a folder of files (`pnpm cli import`, one transaction);
// BENCH_CLI_POSTGRES=<server URL>: the command line into a fresh PostgreSQL database on that server instead (dropped after; e.g. scripts/postgres.sh's);
// SKIP_APP=1: not the transaction-per-department path; JIXIAO_IMPORT_WORKER=0: the CLI without its preparing worker; BENCH_REBUILD=1: also rebuildFigures; BENCH_KEEP=1 keeps the database files. Sizes after a WAL checkpoint.
// Prints wall and CPU time of the process: on a shared machine the CPU time is the steadier figure.
import 'reflect-metadata';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { EntityManager } from '@mikro-orm/sqlite';
import { openDatabase } from '../src/db/orm.js';
import { createPostgresDatabase, dropPostgresDatabase } from '../src/db/postgres-admin.js';
import { withAuditScope } from '../src/modules/audit/audit-scope.js';
import { importPlanDocument } from '../src/modules/plan-document/plan-document.service.js';
import { rebuildFigures } from '../src/modules/plan/plan-figures.store.js';
import { importFiles, startImportWorker } from '../src/cli/main.js';
import { type Actor, bindActor } from '../src/modules/user/access.js';
import { Role } from '../src/modules/user/user.entity.js';
import { departmentDocument, loadVocabulary, writeRaw } from './province/generate.js';

/** CPU ms of this process's threads by name (/proc, Linux): the main thread (better-sqlite3 runs SQLite there) apart from libuv's pool and workers. */
function threadCpu(): Record<string, number> {
  const out: Record<string, number> = {};
  try {
    for (const task of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${task}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ms = ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, clock ticks of 10 ms
      const key = task === String(process.pid) ? 'main' : process.env.BENCH_TIDS ? `${name}-${task}` : name;
      out[key] = (out[key] ?? 0) + ms;
    }
  } catch {
    // not Linux
  }
  return out;
}
const threadDelta = (before: Record<string, number>, after: Record<string, number>, count: number) =>
  Object.fromEntries(Object.entries(after).map(([name, ms]) => [name, +((ms - (before[name] ?? 0)) / count).toFixed(2)]).filter(([, ms]) => (ms as number) > 0));

const DEPARTMENTS = Number(process.env.BENCH_DEPARTMENTS ?? 200);
const SEED = Number(process.env.BENCH_SEED ?? 12);
const ADMIN: Actor = { id: 0, name: '基准测试 (bench)', role: Role.ADMIN, departmentIds: [] };
// The CLI's preparing worker loads its modules while the documents are generated, as `pnpm cli import` starts
// it while the database opens (BENCH_WORKER_COLD=1: at the first command, which prepares on the main thread until it is ready).
const workerReady = process.env.BENCH_CLI && !process.env.BENCH_WORKER_COLD ? startImportWorker() : null;
const vocabulary = loadVocabulary();
const folder = mkdtempSync(join(tmpdir(), 'jixiao-import-'));
const documents = Array.from({ length: DEPARTMENTS }, (_, index) => departmentDocument(index, vocabulary, SEED));

const orm = await openDatabase(join(folder, 'imported.sqlite'));
const cpuBefore = process.cpuUsage();
const begin = performance.now();
for (const document of process.env.SKIP_APP ? [] : documents) {
  await withAuditScope({ userId: null, userName: ADMIN.name }, () =>
    orm.em.fork().transactional(async (em) => {
      bindActor(em as EntityManager, ADMIN);
      await importPlanDocument(em as EntityManager, document);
    }),
  );
}
const ms = performance.now() - begin;
const cpu = process.cpuUsage(cpuBefore);
// rebuildFigures (pnpm cli rebuild-figures; start-up after a FIGURES_VERSION change): once with nothing to
// change, once with every stored figure cleared (what an upgrade costs).
const rebuild: Record<string, number> = {};
if (process.env.BENCH_REBUILD) {
  for (const label of ['unchanged', 'cleared']) {
    if (label === 'cleared') {
      await orm.em.getConnection().execute('update indicator set check_flags = null, gap_status = null');
      await orm.em.getConnection().execute('update line_item set rollup_count = null');
      await orm.em.getConnection().execute('update plan set rollup_count = null, figures_version = 0');
    }
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    const plans = await rebuildFigures(orm.em.fork() as EntityManager);
    rebuild[`${label}MsPerPlan`] = +((performance.now() - start) / plans).toFixed(2);
    rebuild[`${label}CpuMsPerPlan`] = +(((c) => (c.user + c.system) / 1000)(process.cpuUsage(cpuStart)) / plans).toFixed(2);
  }
}
await orm.em.getConnection().execute('pragma wal_checkpoint(truncate)');
const appBytes = statSync(join(folder, 'imported.sqlite')).size;
await orm.close();

// What a province administrator runs: `pnpm cli import <folder>/*.json`, 200 files per command as province-bench.ts runs it.
const CLI_BATCH = Number(process.env.BENCH_CLI_BATCH ?? 200);
const cli: Record<string, number> = {};
if (process.env.BENCH_CLI) {
  const paths = documents.map((document, index) => {
    const path = join(folder, `department-${index}.json`);
    writeFileSync(path, JSON.stringify(document));
    return path;
  });
  const postgres = process.env.BENCH_CLI_POSTGRES;
  const postgresName = `jixiao_bench_${process.pid}`;
  const cliOrm = await openDatabase(postgres ? await createPostgresDatabase(postgres, postgresName) : join(folder, 'cli.sqlite'));
  if (workerReady && !(await workerReady)) console.error('the preparing worker did not start: the CLI prepares on the main thread');
  const threadsStart = threadCpu();
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  for (let first = 0; first < paths.length; first += CLI_BATCH) await importFiles(cliOrm as never, paths.slice(first, first + CLI_BATCH), () => {});
  const elapsed = performance.now() - start;
  const cliCpu = process.cpuUsage(cpuStart);
  const threads = threadDelta(threadsStart, threadCpu(), DEPARTMENTS);
  if (!postgres) await cliOrm.em.getConnection().execute('pragma wal_checkpoint(truncate)');
  const [size] = postgres ? ((await cliOrm.em.getConnection().execute('select pg_database_size(current_database()) as bytes')) as { bytes: string }[]) : [{ bytes: String(statSync(join(folder, 'cli.sqlite')).size) }];
  Object.assign(cli, {
    cliPerDepartmentMs: +(elapsed / DEPARTMENTS).toFixed(2),
    cliCpuPerDepartmentMs: +((cliCpu.user + cliCpu.system) / 1000 / DEPARTMENTS).toFixed(2),
    cliExtrapolated4800s: +((elapsed / DEPARTMENTS) * 4.8).toFixed(1),
    cliMB: +(Number(size.bytes) / 2 ** 20).toFixed(2),
  });
  console.error(`CPU ms per department by thread: ${JSON.stringify(threads)}`);
  await cliOrm.close();
  if (postgres) await dropPostgresDatabase(postgres, postgresName);
}
const sample = join(folder, 'raw.sqlite');
await (await openDatabase(sample)).close();
const rawCpuBefore = process.cpuUsage();
const raw = process.env.SKIP_RAW ? { indicators: 0, ms: 0 } : await writeRaw(sample, documents);
console.log(
  JSON.stringify({
    departments: DEPARTMENTS,
    indicators: raw.indicators,
    appMs: Math.round(ms),
    appCpuMs: Math.round((cpu.user + cpu.system) / 1000),
    perDepartmentMs: +(ms / DEPARTMENTS).toFixed(2),
    extrapolated4800s: +((ms / DEPARTMENTS) * 4.8).toFixed(1),
    rawMs: Math.round(raw.ms),
    rawCpuMs: Math.round(((c) => (c.user + c.system) / 1000)(process.cpuUsage(rawCpuBefore))),
    rawPerDepartmentMs: +(raw.ms / DEPARTMENTS).toFixed(2),
    appMB: +(appBytes / 2 ** 20).toFixed(2),
    rawValuesMB: +(((raw as { rawBytes?: number }).rawBytes ?? 0) / 2 ** 20).toFixed(2),
    ...rebuild,
    ...cli,
  }),
);
if (process.env.BENCH_KEEP) console.log(`kept ${folder}`);
else rmSync(folder, { recursive: true, force: true });
process.exit(0);
