// The analysts' requests at province scale (issue 12): each GraphQL query against a hand-written SQL
// equivalent over the same SQLite file, in one process (no HTTP on either side), with the number of
// statements the app sends and the query plans of the SQL it sends.
//   pnpm tsx bench/analytics.ts                       1,200 departments (built once, kept in the tmp dir)
//   BENCH_DEPARTMENTS=200 pnpm tsx bench/analytics.ts a quicker province
//   BENCH_PLANS=1 …                                   also print EXPLAIN QUERY PLAN of every statement the app sends
//   BENCH_ONLY=regions,notMet …                       only these cases
// The built province (raw INSERTs + stored figures, as province-bench.ts makes it) is kept as
// <tmp>/jixiao-analytics-<departments>/base.sqlite; each run measures a copy (the app migrates its copy).
import 'reflect-metadata';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { contextFor, createApolloServer } from '../src/app.js';
import { openDatabase } from '../src/db/orm.js';
import type { Actor } from '../src/modules/user/access.js';
import { Role } from '../src/modules/user/user.entity.js';
import { bigPlanDocument, closeRaw, departmentDocument, loadVocabulary, openRaw, writeRaw } from './province/generate.js';

const DEPARTMENTS = Number(process.env.BENCH_DEPARTMENTS ?? 1200);
const SEED = 12;
const ONLY = process.env.BENCH_ONLY?.split(',');
const PLANS = process.env.BENCH_PLANS === '1';
const folder = join(tmpdir(), `jixiao-analytics-${DEPARTMENTS}`);
const base = join(folder, 'base.sqlite');
const log = (line: string) => console.log(`[analytics ${new Date().toISOString().slice(11, 19)}] ${line}`);

if (!existsSync(join(folder, 'ready'))) {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  await (await openDatabase(base)).close();
  const vocabulary = loadVocabulary();
  const raw = await writeRaw(
    base,
    (function* () {
      yield bigPlanDocument(vocabulary);
      for (let index = 0; index < DEPARTMENTS; index++) yield departmentDocument(index, vocabulary, SEED);
    })(),
  );
  log(`raw: ${raw.plans} plans, ${raw.indicators} indicators in ${(raw.ms / 1000).toFixed(0)} s`);
  // Some audit entries to page through: one per indicator of every 10th plan (no triggers mind an insert).
  const db = await openRaw(base);
  db.exec(
    `insert into audit_entry (at, user_id, user_name, object_type, object_id, plan_id, field, before, after, reason)
     select 1735689600000 + i.id, null, 'bench', 'Indicator', i.id, i.plan_id, 'actualText', null, i.actual_text, null from indicator i where i.plan_id % 10 = 0`,
  );
  await closeRaw(db);
  const begin = performance.now();
  const orm = await openDatabase(base); // computes every plan's stored figures (figures_version 0)
  await orm.close();
  log(`stored figures in ${((performance.now() - begin) / 1000).toFixed(0)} s`);
  const { writeFileSync } = await import('node:fs');
  writeFileSync(join(folder, 'ready'), new Date().toISOString());
}

const work = join(folder, `run-${process.pid}.sqlite`);
copyFileSync(base, work);
for (const suffix of ['-wal', '-shm']) if (existsSync(base + suffix)) copyFileSync(base + suffix, work + suffix);
const orm = await openDatabase(work);
const server = await createApolloServer();
const ADMIN: Actor = { id: 0, name: 'bench', role: Role.ADMIN, departmentIds: [] };
const db = await openRaw(work);
const all = async (sql: string, params: unknown[] = []): Promise<any[]> => db.prepare(sql).all(params);

const statements: { sql: string; bindings: unknown[] }[] = [];
orm.em.getConnection().getKnex().on('query', (query: { sql: string; bindings?: unknown[] }) => statements.push({ sql: query.sql, bindings: query.bindings ?? [] }));

async function gql(query: string, actor: Actor = ADMIN) {
  const response = await server.executeOperation({ query }, { contextValue: contextFor(orm, actor) });
  if (response.body.kind !== 'single') throw new Error('incremental');
  const result = response.body.singleResult;
  if (result.errors?.length) throw new Error(JSON.stringify(result.errors).slice(0, 600));
  return result.data as any;
}

/** Median wall and CPU ms of `work` over `runs` runs (after one warm-up). */
async function time(runs: number, work: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  await work();
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let run = 0; run < runs; run++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    await work();
    walls.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    cpus.push((used.user + used.system) / 1000);
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return { wall: median(walls), cpu: median(cpus) };
}

const [{ n: indicatorCount }] = await all('select count(*) as n from indicator');
const [{ n: planCount }] = await all('select count(*) as n from plan');
log(`${planCount} plans, ${indicatorCount} indicators (${work})`);

interface Case {
  name: string;
  query: string;
  raw: () => Promise<unknown>;
  runs?: number;
}

const TOTAL_BY_REGION = `select d.region as region, count(*) as plans, sum(b.initial) as initial, sum(b.full_year) as full_year, sum(b.actual) as actual
  from budget_line b join plan p on p.id = b.plan_id join department d on d.id = p.department_id
  where b.category = 'TOTAL' group by d.region order by d.region`;
const cases: Case[] = [
  {
    name: 'regions',
    query: 'query { planStats(groupBy: [REGION]) { region planCount budget { category initial fullYear actual } } }',
    raw: () => all(TOTAL_BY_REGION),
  },
  {
    name: 'regionsAll',
    query:
      'query { planStats(groupBy: [REGION]) { region planCount budget { category initial adjustment fullYear actual carryover planCount } executionRate indicatorCount statusCounts { status count } textTargetCount textTargetShare scoredPlanCount scoreTotal averageScore gradeCounts { grade count provisionalCount } checkCounts { code count planCount } } }',
    raw: () =>
      Promise.all([
        all(
          `select d.region, b.category, count(distinct b.plan_id) as plans, sum(b.initial), sum(b.adjustment), sum(b.full_year), sum(b.actual), sum(b.carryover) from budget_line b join plan p on p.id = b.plan_id join department d on d.id = p.department_id group by d.region, b.category`,
        ),
        all(`select d.region, i.gap_status, count(*), sum(case when i.reading_kind = 'TEXT' then 1 else 0 end) from indicator i join plan p on p.id = i.plan_id join department d on d.id = p.department_id group by d.region, i.gap_status`),
        all(`select d.region, count(*), count(p.rollup_computed_total), sum(p.rollup_computed_total) from plan p join department d on d.id = p.department_id group by d.region`),
      ]),
  },
  {
    name: 'departments',
    query: 'query { planStats(groupBy: [DEPARTMENT, YEAR]) { departmentId year department { name } planCount budget { category fullYear actual } executionRate } }',
    raw: () =>
      all(
        `select p.department_id, p.year, d.name, count(*) as plans, sum(b.full_year), sum(b.actual) from plan p join department d on d.id = p.department_id left join budget_line b on b.plan_id = p.id and b.category = 'TOTAL' group by p.department_id, p.year, d.name`,
      ),
    runs: 3,
  },
  {
    // province-bench.ts's NOT_MET page (no totalCount); raw: the stored status, as the app reads it.
    name: 'notMet',
    query: 'query { indicators(filter: { gapStatuses: [NOT_MET] }, first: 50) { nodes { id name targetText actualText gap { status } } } }',
    raw: () => all(`select id, name, target_text, actual_text, gap_status from indicator where gap_status = 'NOT_MET' order by id limit 51`),
  },
  {
    name: 'notMetCount',
    query: 'query { indicators(filter: { gapStatuses: [NOT_MET] }, first: 50) { totalCount nodes { id name targetText actualText gap { status } } } }',
    raw: () => Promise.all([all(`select id, name, target_text, actual_text, gap_status from indicator where gap_status = 'NOT_MET' order by id limit 51`), all(`select count(*) from indicator where gap_status = 'NOT_MET'`)]),
  },
  {
    name: 'scoreLost',
    query:
      'query { indicators(filter: { gapStatuses: [NOT_MET, PARTIAL] }, orderBy: { field: SCORE_LOST, direction: DESC }, first: 50) { totalCount nodes { id name gap { scoreLost } plan { year department { name } } } } }',
    raw: () =>
      Promise.all([
        all(
          `select i.id, i.name, i.score_lost, p.year, d.name from indicator i join plan p on p.id = i.plan_id join department d on d.id = p.department_id where i.gap_status in ('NOT_MET', 'PARTIAL') order by i.score_lost is null, i.score_lost desc, i.id desc limit 51`,
        ),
        all(`select count(*) from indicator where gap_status in ('NOT_MET', 'PARTIAL')`),
      ]),
  },
  {
    name: 'scoreLostAll',
    query: 'query { indicators(orderBy: { field: SCORE_LOST, direction: DESC }, first: 50) { nodes { id name gap { scoreLost } plan { year department { name } } } } }',
    raw: () =>
      all(
        `select i.id, i.name, i.score_lost, p.year, d.name from indicator i join plan p on p.id = i.plan_id join department d on d.id = p.department_id order by case when i.score_lost is null then 1 else 0 end, coalesce(i.score_lost, 0) desc, i.id desc limit 51`,
      ),
  },
  {
    name: 'completion',
    query: 'query { indicators(orderBy: { field: COMPLETION, direction: ASC }, first: 50) { totalCount nodes { id name gap { completion } } } }',
    raw: () => Promise.all([all(`select i.id, i.name, i.completion from indicator i order by case when i.completion is null then 1 else 0 end, coalesce(i.completion, 0), i.id limit 51`), all(`select count(*) from indicator`)]),
  },
  {
    name: 'byDepartment',
    query: 'query { indicators(orderBy: { field: DEPARTMENT }, first: 50) { totalCount nodes { id name plan { year department { name } } } } }',
    raw: () => Promise.all([all(`select i.id, i.name, p.year, d.name from indicator i join plan p on p.id = i.plan_id join department d on d.id = p.department_id order by d.name, p.year, i.id limit 51`), all(`select count(*) from indicator`)]),
  },
  {
    name: 'auditEntries',
    query: 'query { auditEntries(first: 50) { totalCount nodes { id at field before after } } }',
    raw: () => Promise.all([all(`select id, at, field, before, after from audit_entry order by id desc limit 51`), all(`select count(*) from audit_entry`)]),
  },
];

const results: string[] = ['| case | app ms (CPU) | raw ms | app/raw | statements |', '|---|---|---|---|---|'];
for (const item of cases) {
  if (ONLY && !ONLY.includes(item.name)) continue;
  statements.length = 0;
  const data = await gql(item.query);
  const sent = [...statements];
  const runs = item.runs ?? 7;
  const app = await time(runs, () => gql(item.query));
  if (process.env.BENCH_PROFILE === item.name) {
    const { Session } = await import('node:inspector/promises');
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
    for (let run = 0; run < 20; run++) await gql(item.query);
    const { profile } = await session.post('Profiler.stop');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`/tmp/analytics-${item.name}.cpuprofile`, JSON.stringify(profile));
  }
  const raw = await time(runs, item.raw);
  results.push(`| ${item.name} | ${app.wall.toFixed(1)} (${app.cpu.toFixed(1)}) | ${raw.wall.toFixed(1)} | ${(app.wall / raw.wall).toFixed(1)}× | ${sent.length} |`);
  log(`${item.name}: app ${app.wall.toFixed(1)} ms (CPU ${app.cpu.toFixed(1)}), raw ${raw.wall.toFixed(1)} ms, ${sent.length} statements; ${JSON.stringify(data).length} bytes`);
  if (PLANS) {
    for (const { sql, bindings } of sent) {
      const plan = await all(`explain query plan ${sql}`, bindings).catch((error) => [{ detail: String(error) }]);
      const alone = await time(5, () => all(sql, bindings));
      console.log(`  [${alone.wall.toFixed(1)} ms alone] ${sql.slice(0, 400)}\n${plan.map((row) => `      ${row.detail}`).join('\n')}`);
    }
  }
}
console.log(`\n${results.join('\n')}\n`);
await closeRaw(db);
await orm.close();
for (const suffix of ['', '-wal', '-shm']) rmSync(work + suffix, { force: true });
process.exit(0);
