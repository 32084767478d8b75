// The analysts' SQL on PostgreSQL at province size: a synthetic province (departments, one plan each, 5 budget
// rows and 135 indicators per plan, statuses and points lost spread) inserted with generate_series into a
// migrated database, ANALYZEd, then EXPLAIN ANALYZE of each query as the app sends it (issue 12).
//   dir=$(mktemp -d); url=$(bash ../scripts/postgres.sh start $dir); pnpm tsx bench/analytics-pg-explain.ts $url 4800; bash ../scripts/postgres.sh stop $dir
import 'reflect-metadata';
import { openDatabase } from '../src/db/orm.js';
const orm = await openDatabase(process.argv[2]);
const sql = (text: string) => orm.em.getConnection().execute(text) as Promise<any[]>;
const N = Number(process.argv[3] ?? 4800);
const t = performance.now();
await sql(`insert into department (name, region, created_at, updated_at, version) select '部门' || g, '城市' || (g % 14), now(), now(), 1 from generate_series(1, ${N}) g`);
await sql(`insert into plan (department_id, year, status, document_kind, source, created_at, updated_at, version, figures_version, rollup_computed_total) select id, 2025, 'EVALUATING', 'SELF_EVALUATION', 'x', now(), now(), 1, 1000, 90000000 from department`);
await sql(`insert into budget_line (plan_id, category, position, initial, full_year, actual, version) select p.id, c.cat, c.pos, 1000000, 2000000, 1500000, 1 from plan p cross join (values ('TOTAL', 0), ('BASIC', 1), ('PROJECT', 2), ('PERSONNEL', 3), ('PUBLIC_USE', 4)) as c(cat, pos)`);
await sql(`insert into indicator (plan_id, position, level1, level1_label, name, version, gap_status, score_lost, completion, reading_kind) select p.id, g, 'OUTPUT', '产出指标', '指标' || g, 1, (array['MET','PARTIAL','NOT_MET','PENDING','NEEDS_JUDGEMENT'])[1 + (p.id + g) % 5], case when g % 3 = 0 then null else ((p.id * 7 + g) % 100) * 100000 end, case when g % 4 = 0 then null else ((p.id * 13 + g) % 120) * 10000 end, case when g % 6 = 0 then 'TEXT' else 'NUMBER' end from plan p cross join generate_series(1, 135) g`);
await sql('analyze');
console.log(`data in ${((performance.now() - t) / 1000).toFixed(0)} s`);
const queries: Record<string, string> = {
  regionPlans: `select d.region as g_region, count(*) as plans, count(p.rollup_computed_total) as scored, cast(sum(p.rollup_computed_total) as text) as score_total from plan as p cross join department as d where d.id = p.department_id group by d.region`,
  regionBudget: `select d.region as g_region, b.category, cast(sum(b.initial) as text) as s_initial, cast(sum(b.full_year) as text) as s_full_year, cast(sum(b.actual) as text) as s_actual from plan as p cross join department as d cross join budget_line as b where d.id = p.department_id and b.plan_id = p.id group by d.region, b.category`,
  regionIndicators: `select d.region as g_region, i.gap_status, count(*) as n, sum(case when i.reading_kind = 'TEXT' then 1 else 0 end) as text_targets from plan as p cross join department as d cross join indicator as i where d.id = p.department_id and i.plan_id = p.id group by d.region, i.gap_status`,
  notMetPage: `select i.id as id, i.id as k0 from indicator as i where i.gap_status in ('NOT_MET') order by i.id asc limit 51`,
  notMetCount: `select count(*) as n from indicator as i where i.gap_status in ('NOT_MET')`,
  scoreLostDesc: `select i.id as id, case when i.score_lost is null then 1 else 0 end as k0, coalesce(i.score_lost, 0) as k1, i.id as k2 from indicator as i order by case when i.score_lost is null then 1 else 0 end asc, coalesce(i.score_lost, 0) desc, i.id desc limit 51`,
  scoreLostDescAfter: `select i.id as id from indicator as i where (case when i.score_lost is null then 1 else 0 end >= 0 and ((case when i.score_lost is null then 1 else 0 end > 0) or (case when i.score_lost is null then 1 else 0 end = 0 and coalesce(i.score_lost, 0) < 5000000) or (case when i.score_lost is null then 1 else 0 end = 0 and coalesce(i.score_lost, 0) = 5000000 and i.id < 300000))) order by case when i.score_lost is null then 1 else 0 end asc, coalesce(i.score_lost, 0) desc, i.id desc limit 51`,
  completionAsc: `select i.id from indicator as i order by case when i.completion is null then 1 else 0 end asc, coalesce(i.completion, 0) asc, i.id asc limit 51`,
  byDepartment: `select i.id as id, d.name as k0, p.year as k1, i.id as k2 from department as d cross join plan as p cross join indicator as i where p.department_id = d.id and i.plan_id = p.id order by d.name asc, p.year asc, i.id asc limit 51`,
  byDepartmentAfter: `select i.id as id from department as d cross join plan as p cross join indicator as i where p.department_id = d.id and i.plan_id = p.id and (d.name >= '部门3000' and ((d.name > '部门3000') or (d.name = '部门3000' and p.year > 2025) or (d.name = '部门3000' and p.year = 2025 and i.id > 0))) order by d.name asc, p.year asc, i.id asc limit 1001`,
};
for (const [name, text] of Object.entries(queries)) {
  const plan = await sql(`explain (analyze, costs off, timing off, summary on) ${text}`);
  console.log(`--- ${name}\n${plan.map((row) => row['QUERY PLAN']).join('\n')}`);
}
await orm.close();
