// The typical plan read and the region sums, the app against raw SQL, CPU per request (issue 12, session 7).
// Builds (or reuses) a province file as the province bench writes it (bench/province-bench.ts: raw INSERTs,
// then the stored figures), starts the app (src/main.ts, NODE_ENV=production) and bench/province/raw-server.ts
// as child processes over it, and reads in alternation, batch by batch: each server's CPU per request from
// /proc (all its threads: SQLite's too; threads that end within a batch are not counted), its wall time, and the app/raw ratio per round (median).
//   pnpm --filter @jixiao/server exec tsx bench/read-vs-raw.ts
// Env: READ_DB=<file> (kept; built if absent), READ_DEPARTMENTS (4800), READ_ROUNDS (20), READ_BATCH (10),
// READ_ONLY=typical,regions,fixed (which reads), APP_CPU_PROF=<dir> (the app's CPU profile, written when it stops),
// READ_HASH=1 (print each response's sha256 and stop: same answers before and after a change),
// READ_OTHER=<another checkout's server folder> (its app too, over the same file, read in the same turns: an A/B of two
// versions on a machine whose speed drifts; its figures and its ratio to raw beside this one's).
// Each side's CPU is all its threads' (`cpuMs`) and its main thread's (`mainCpuMs`).
import 'reflect-metadata';
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { EntityManager } from '@mikro-orm/sqlite';
import { openDatabase } from '../src/db/orm.js';
import type { Actor } from '../src/modules/user/access.js';
import { Role } from '../src/modules/user/user.entity.js';
import { createBenchAdmin } from './province/bench-user.js';
import { bigPlanDocument, departmentDocument, loadVocabulary, writeRaw } from './province/generate.js';
import { REGION_QUERY, WHOLE_PLAN_TEXTS } from './province/queries.js';

const DEPARTMENTS = Number(process.env.READ_DEPARTMENTS ?? 4800);
const dbPath = resolve(process.env.READ_DB ?? `/tmp/jixiao-read-vs-raw-${DEPARTMENTS}/province.sqlite`);
const ADMIN: Actor = { id: 0, name: '基准测试 (bench)', role: Role.ADMIN, departmentIds: [] };
const PASSWORD = 'bench correct horse battery';
const SERVER_DIR = resolve(import.meta.dirname, '..');
const log = (line: string) => console.error(`[read-vs-raw ${new Date().toISOString().slice(11, 19)}] ${line}`);

if (!existsSync(dbPath)) {
  mkdirSync(dirname(dbPath), { recursive: true });
  log(`building a province of ${DEPARTMENTS} departments → ${dbPath}`);
  await createBenchAdmin(dbPath, ADMIN, PASSWORD);
  const vocabulary = loadVocabulary();
  await writeRaw(
    dbPath,
    (function* () {
      yield bigPlanDocument(vocabulary);
      for (let index = 0; index < DEPARTMENTS; index++) yield departmentDocument(index, vocabulary, 12);
    })(),
  );
  const store = await import('../src/modules/plan/plan-figures.store.js');
  const orm = await openDatabase(dbPath);
  const outdated = await store.outdatedFigurePlans(orm.em.fork() as EntityManager);
  if (outdated.length) await store.rebuildFigures(orm.em.fork() as EntityManager, outdated);
  await orm.close();
  log('built');
}

const TYPICAL = 2 + Math.floor(DEPARTMENTS / 2);

/** CPU time all threads of a process (or only its main thread) have run, in ms (the scheduler's nanoseconds: /proc/<pid>/stat counts 10 ms ticks). */
function cpuOf(pid: number, mainThreadOnly = false): number {
  let ns = 0;
  for (const task of mainThreadOnly ? [String(pid)] : readdirSync(`/proc/${pid}/task`)) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      /* a thread that ended */
    }
  }
  return ns / 1e6;
}

const children: ChildProcess[] = [];
async function start(script: string, port: number, env: Record<string, string>, cwd = SERVER_DIR): Promise<ChildProcess> {
  const profile = script === 'src/main.ts' && cwd === SERVER_DIR && process.env.APP_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.APP_CPU_PROF}`, '--cpu-prof-interval=100'] : [];
  const args = [...(script === 'src/main.ts' ? ['--max-old-space-size=320'] : []), ...profile, '--import', 'tsx', script];
  const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env, JIXIAO_DB: dbPath, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'] });
  children.push(child);
  for (;;) {
    if (child.exitCode != null) throw new Error(`${script} exited`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return child;
    } catch {
      /* not yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const appPort = 44_000 + Math.floor(Math.random() * 1000);
const rawPort = appPort + 1000;
try {
  const appEnv = { NODE_ENV: 'production', JIXIAO_MAX_QUERY_COST: '100000000' };
  const appChild = await start('src/main.ts', appPort, appEnv);
  const rawChild = await start('bench/province/raw-server.ts', rawPort, {});
  const otherDir = process.env.READ_OTHER ? resolve(process.env.READ_OTHER) : null;
  const otherPort = rawPort + 1000;
  const otherChild = otherDir ? await start('src/main.ts', otherPort, appEnv, otherDir) : null;
  /** A GraphQL client of the app on `port`, signed in as the bench's administrator. */
  const appClient = async (port: number) => {
    const gql = async (query: string, variables: Record<string, unknown> = {}, token?: string) => {
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const text = await response.text();
      if (JSON.parse(text).errors) throw new Error(text.slice(0, 500));
      return text;
    };
    const token = JSON.parse(await gql(`mutation { signIn(username: "bench", password: "${PASSWORD}") { token } }`)).data.signIn.token as string;
    return {
      typical: () => gql(WHOLE_PLAN_TEXTS, { id: TYPICAL }, token),
      regions: () => gql(REGION_QUERY, {}, token),
      fixed: () => gql('query($id: ID!) { plan(id: $id) { id } }', { id: TYPICAL }, token),
    };
  };
  const raw = (path: string) => async () => (await fetch(`http://127.0.0.1:${rawPort}${path}`)).text();
  type Reads = Record<'typical' | 'regions' | 'fixed', () => Promise<string>>;
  // The sides read in turns, each batch by batch: this checkout's app, raw SQL, and the other checkout's app if any.
  const sides: { name: 'app' | 'raw' | 'other'; pid: number; reads: Reads }[] = [
    { name: 'app', pid: appChild.pid!, reads: await appClient(appPort) },
    { name: 'raw', pid: rawChild.pid!, reads: { typical: raw(`/plan?id=${TYPICAL}`), regions: raw('/regions'), fixed: raw('/healthz') } },
    ...(otherChild ? [{ name: 'other' as const, pid: otherChild.pid!, reads: await appClient(otherPort) }] : []),
  ];
  const only = (process.env.READ_ONLY ?? 'typical,regions,fixed').split(',') as (keyof Reads)[];
  const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 12);
  if (process.env.READ_HASH) {
    for (const name of only) {
      const [appText, rawText, otherText] = await Promise.all(sides.map((side) => side.reads[name]()));
      console.log(JSON.stringify({ read: name, hash: hash(appText), bytes: Buffer.byteLength(appText), rawBytes: Buffer.byteLength(rawText), ...(otherText === undefined ? {} : { otherHash: hash(otherText) }) }));
    }
  } else {
    const rounds = Number(process.env.READ_ROUNDS ?? 20);
    const batch = Number(process.env.READ_BATCH ?? 10);
    interface Sample {
      wall: number;
      cpu: number;
      mainCpu: number;
    }
    const measure = async (pid: number, read: () => Promise<unknown>): Promise<Sample> => {
      const [cpu, mainCpu] = [cpuOf(pid), cpuOf(pid, true)];
      const begin = performance.now();
      for (let run = 0; run < batch; run++) await read();
      return { wall: (performance.now() - begin) / batch, cpu: (cpuOf(pid) - cpu) / batch, mainCpu: (cpuOf(pid, true) - mainCpu) / batch };
    };
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];
    const summary = (samples: Sample[]) => ({
      wallMs: +median(samples.map((s) => s.wall)).toFixed(2),
      cpuMs: +median(samples.map((s) => s.cpu)).toFixed(2),
      mainCpuMs: +median(samples.map((s) => s.mainCpu)).toFixed(2),
    });
    /** Medians, round by round, of a side's figure over raw's in the same round. */
    const ratio = (samples: Sample[], rawSamples: Sample[], figure: 'wall' | 'cpu') => +median(samples.map((s, index) => s[figure] / Math.max(rawSamples[index][figure], 0.01))).toFixed(2);
    for (const name of only) {
      const appHash = hash(await sides[0].reads[name]());
      for (let run = 0; run < 20; run++) for (const side of sides) await side.reads[name]();
      const load = loadavg()[0].toFixed(1);
      const samples = new Map(sides.map((side) => [side.name, [] as Sample[]]));
      for (let round = 0; round < rounds; round++) for (const side of sides) samples.get(side.name)!.push(await measure(side.pid, side.reads[name]));
      const [app, rawSamples, other] = [samples.get('app')!, samples.get('raw')!, samples.get('other')];
      console.log(
        JSON.stringify({
          read: name,
          load,
          app: summary(app),
          raw: summary(rawSamples),
          wallRatio: ratio(app, rawSamples, 'wall'),
          cpuRatio: ratio(app, rawSamples, 'cpu'),
          ...(other ? { other: summary(other), otherWallRatio: ratio(other, rawSamples, 'wall'), otherCpuRatio: ratio(other, rawSamples, 'cpu') } : {}),
          hash: appHash,
        }),
      );
    }
  }
} finally {
  await Promise.all(children.map((child) => new Promise((resolve) => (child.exitCode != null ? resolve(null) : (child.once('exit', resolve), child.kill('SIGTERM'))))));
}
process.exit(0);
