// The whole-plan read of the 5,020-indicator bench plan (issue 12), through the real schema (Apollo
// executeOperation, no HTTP): the median of a few runs, for profiling the read path.
//   pnpm --filter @jixiao/server exec tsx bench/plan-read.ts        (READ_RUNS=5, READ_QUERY=texts|editor)
// READ_PLAN=10000 (the largest plan the limits allow) | typical; READ_CONCURRENCY=n; READ_PROFILE=file.cpuprofile
// (+ READ_HEAP=1: allocations). Prints the median and fastest read, CPU per read, the longest event-loop
// delay (longestBlockMs: the longest any other request would have waited) and the longest GC pause.
import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { EntityManager } from '@mikro-orm/sqlite';
import { contextFor, createApolloServer } from '../src/app.js';
import { openDatabase } from '../src/db/orm.js';
import { withAuditScope } from '../src/modules/audit/audit-scope.js';
import { importPlanDocument } from '../src/modules/plan-document/plan-document.service.js';
import { type Actor, bindActor } from '../src/modules/user/access.js';
import { Role } from '../src/modules/user/user.entity.js';
import { bigPlan } from './big-plan.js';
import { bigPlanDocument, departmentDocument, loadVocabulary } from './province/generate.js';
import { WHOLE_PLAN_EDITOR, WHOLE_PLAN_TEXTS } from './province/queries.js';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';

const ADMIN: Actor = { id: 0, name: 'bench', role: Role.ADMIN, departmentIds: [] };

const folder = mkdtempSync(join(tmpdir(), 'jixiao-read-'));
const orm = await openDatabase(join(folder, 'read.sqlite'));
const planId = await withAuditScope({ userId: null, userName: 'bench' }, () =>
  orm.em.fork().transactional((em) => {
    bindActor(em as EntityManager, ADMIN);
    // READ_PLAN=10000: about the largest plan the limits allow (99 专项 × 10 子项 × 10 + 20 = 9,920 indicators).
    return importPlanDocument(em as EntityManager, process.env.READ_PLAN === '10000' ? bigPlan(99, 10, 10) : process.env.READ_PLAN === 'typical' ? departmentDocument(7, loadVocabulary()) : bigPlanDocument(loadVocabulary()));
  }),
).then(({ plan }) => plan.id); // only the id: the import's entities (and their identity map) go
(globalThis as { gc?: () => void }).gc?.();
const server = await createApolloServer();
const query = process.env.READ_QUERY === 'editor' ? WHOLE_PLAN_EDITOR : WHOLE_PLAN_TEXTS;
const samples: number[] = [];
let bytes = 0;
let hash = '';
const cpu = process.cpuUsage();
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();
// The longest pauses the collector made (they count in the loop's delay; a loaded machine stretches them).
let longestGcMs = 0;
const gcWatch = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) longestGcMs = Math.max(longestGcMs, entry.duration);
});
gcWatch.observe({ entryTypes: ['gc'] });
// READ_CONCURRENCY=8: each run fires that many reads at once (the plan-read slots apply); peak RSS is sampled.
const concurrency = Number(process.env.READ_CONCURRENCY ?? 1);
let peakRss = 0;
const rssWatch = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
const rssBefore = process.memoryUsage().rss;
const heapBefore = process.memoryUsage().heapUsed;
// READ_PROFILE=file.cpuprofile: a CPU profile of the reads only (not the setup), for `node --cpu-prof`-style analysis.
const profiler = process.env.READ_PROFILE ? new Session() : null;
if (profiler) {
  profiler.connect();
  await profiler.post('Profiler.enable');
  await profiler.post('Profiler.setSamplingInterval', { interval: 200 });
  await profiler.post('Profiler.start');
  // READ_HEAP=1: a sampling allocation profile as well (READ_PROFILE with .heapprofile appended).
  if (process.env.READ_HEAP) await profiler.post('HeapProfiler.startSampling', { samplingInterval: 16384, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
}
// READ_AB=1: the same reads through a server without the fast executor (graphql-js alone), in alternation:
// CPU per read of each, back to back, and whether both answer the same bytes.
if (process.env.READ_AB) {
  const plain = await createApolloServer({ fastExecution: false });
  const once = async (apollo: typeof server) => {
    const before = process.cpuUsage();
    const response = await apollo.executeOperation({ query, variables: { id: planId } }, { contextValue: contextFor(orm, ADMIN) });
    const spent = process.cpuUsage(before);
    const body = response.body.kind === 'single' ? response.body.singleResult : null;
    if (!body || body.errors) throw new Error(JSON.stringify(body?.errors));
    return { cpu: (spent.user + spent.system) / 1000, hash: createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 12) };
  };
  const fast: number[] = [];
  const slow: number[] = [];
  const hashes = new Set<string>();
  const runs = Number(process.env.READ_RUNS ?? 5);
  for (let run = 0; run < runs + 3; run++) {
    const a = await once(server);
    const b = await once(plain);
    hashes.add(a.hash).add(b.hash);
    if (run >= 3) fast.push(a.cpu), slow.push(b.cpu);
  }
  const q = (values: number[], at: number) => +values.sort((x, y) => x - y)[Math.floor(values.length * at)].toFixed(2);
  console.log(JSON.stringify({ fastCpuP25: q(fast, 0.25), fastCpuMedian: q(fast, 0.5), graphqlJsCpuP25: q(slow, 0.25), graphqlJsCpuMedian: q(slow, 0.5), hashes: [...hashes] }));
  process.exit(0);
}
for (let run = 0; run < Number(process.env.READ_RUNS ?? 5); run++) {
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      const response = await server.executeOperation({ query, variables: { id: planId } }, { contextValue: contextFor(orm, ADMIN) });
      const body = response.body.kind === 'single' ? response.body.singleResult : null;
      if (!body || body.errors) throw new Error(JSON.stringify(body?.errors));
      const text = JSON.stringify(body);
      bytes = text.length;
      hash = createHash('sha256').update(text).digest('hex').slice(0, 12);
    }),
  );
  samples.push(performance.now() - start);
}
clearInterval(rssWatch);
gcWatch.disconnect();
if (profiler) {
  writeFileSync(process.env.READ_PROFILE!, JSON.stringify((await profiler.post('Profiler.stop')).profile));
  if (process.env.READ_HEAP) writeFileSync(`${process.env.READ_PROFILE}.heapprofile`, JSON.stringify((await profiler.post('HeapProfiler.stopSampling')).profile));
}
const used = process.cpuUsage(cpu);
loopDelay.disable();
samples.sort((a, b) => a - b);
console.log(JSON.stringify({ query: process.env.READ_QUERY ?? 'texts', medianMs: Math.round(samples[samples.length >> 1]), minMs: Math.round(samples[0]), heapBeforeMB: Math.round(heapBefore / 2 ** 20), cpuMsPerRead: Math.round((used.user + used.system) / 1000 / samples.length), bytes, hash, rssBeforeMB: Math.round(rssBefore / 2 ** 20), peakRssMB: Math.round(peakRss / 2 ** 20), longestBlockMs: Math.round(loopDelay.max / 1e6), longestGcMs: Math.round(longestGcMs), loadAverage: loadavg()[0].toFixed(1), samples: samples.map(Math.round) }));
await orm.close();
rmSync(folder, { recursive: true, force: true });
process.exit(0);
