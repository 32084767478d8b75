// Benchmark: import, read (gaps, roll-ups, checks) and export of a large plan on a real SQLite file.
//   pnpm --filter @jixiao/server bench:plan   prints the figures and rewrites the server section of docs/BENCHMARKS.md
import 'reflect-metadata';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { contextFor, createApolloServer } from '../src/app.js';
import { parseIndicatorValue } from '../src/domain/indicator-value/parse.js';
import { openDatabase } from '../src/db/orm.js';
import { ACTUALS, bigPlan, TARGETS } from './big-plan.js';

const WHOLE_PLAN = `query($id: ID!) { plan(id: $id) {
  rollup { scoreTotal grade statusCounts { status count } }
  checks { code message }
  indicators { name target { display } gap { status suggestedScore explanation } }
  lineItems { name rollup { scoreTotal } children { name rollup { scoreTotal } indicators { name target { display } actual { display } gap { status suggestedScore explanation } } } }
} }`;

async function time<T>(runs: number, work: () => Promise<T>): Promise<{ median: number; result: T }> {
  const samples: number[] = [];
  let result!: T;
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    result = await work();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)], result };
}

const folder = mkdtempSync(join(tmpdir(), 'jixiao-bench-'));
const orm = await openDatabase(join(folder, 'bench.sqlite'));
const server = await createApolloServer();
const gql = async (query: string, variables: Record<string, unknown>) => {
  const response = await server.executeOperation({ query, variables }, { contextValue: contextFor(orm, { id: 0, name: 'bench', role: 'ADMIN', departmentIds: [] }) });
  const body = response.body.kind === 'single' ? response.body.singleResult : null;
  if (!body || body.errors) throw new Error(JSON.stringify(body?.errors));
  return body.data as any;
};

const rows: string[] = [];
for (const [items, children, perChild] of [
  [2, 3, 9],
  [20, 5, 10],
  [50, 10, 10],
] as const) {
  const document = bigPlan(items, children, perChild);
  const indicators = 20 + items * children * perChild;
  const bytes = Buffer.byteLength(JSON.stringify(document));
  const imported = await time(3, () => gql('mutation($d: JSONObject!) { importPlanDocument(document: $d) { plan { id } userErrors { message } } }', { d: document }));
  const id = imported.result.importPlanDocument.plan.id;
  const read = await time(5, () => gql(WHOLE_PLAN, { id }));
  const exported = await time(5, () => gql('query($id: ID!) { exportPlanDocument(planId: $id) }', { id }));
  rows.push(`| ${items} 专项 × ${children} 子项 × ${perChild} | ${indicators} | ${(bytes / 1024).toFixed(0)} KB | ${imported.median.toFixed(0)} ms | ${read.median.toFixed(0)} ms | ${exported.median.toFixed(0)} ms |`);
  await gql('mutation($id: ID!) { deletePlan(id: $id) { deletedId } }', { id });
}

const texts = [...TARGETS, ...ACTUALS];
const parseRuns = 20_000;
const parseStart = performance.now();
for (let i = 0; i < parseRuns; i++) parseIndicatorValue(texts[i % texts.length]);
const perParse = ((performance.now() - parseStart) * 1000) / parseRuns;

await server.stop();
await orm.close();
rmSync(folder, { recursive: true, force: true });

const section = `<!-- server-bench:start -->
## Server: import, whole-plan read, export of one plan (\`pnpm --filter @jixiao/server bench:plan\`)

Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, SQLite file in WAL mode,
through the real GraphQL schema (Apollo \`executeOperation\`, no HTTP). Median of 3 imports and 5 reads/exports.
"Whole-plan read" asks for every indicator's reading and gap (status, suggested score, explanation),
every line item's roll-up, the plan roll-up and the 勾稽关系 checks in one request.

| plan | indicators | document | import (validate + replace) | whole-plan read | export |
|---|---|---|---|---|---|
${rows.join('\n')}

Reading one 指标值 text (\`parseIndicatorValue\`, mixed fixture texts): ${perParse.toFixed(1)} µs on average over ${parseRuns} calls.
<!-- server-bench:end -->`;

console.log(section);
const file = resolve(import.meta.dirname, '../../docs/BENCHMARKS.md');
const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
const updated = /<!-- server-bench:start -->[\s\S]*<!-- server-bench:end -->/.test(current)
  ? current.replace(/<!-- server-bench:start -->[\s\S]*<!-- server-bench:end -->/, section)
  : `${current.trimEnd()}\n\n${section}\n`;
if (process.env.BENCH_WRITE !== '0') writeFileSync(file, updated);
