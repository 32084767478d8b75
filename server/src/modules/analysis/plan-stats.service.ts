import { EVALUATION_GRADE_LABELS, EVALUATION_GRADE_VALUES, type EvaluationGrade } from '@jixiao/vocabulary';
import type { EntityManager, Knex } from '@mikro-orm/sqlite';
import { formatDecimal, ratio, ratioToMicros } from '../../domain/decimal.js';
import { averageScore, shareOf } from '../../domain/aggregates.js';
import { GAP_STATUSES, type GapStatus } from '../../domain/gap.js';
import { formatPercent } from '../../domain/scoring.js';
import { Department } from '../department/department.entity.js';
import { CATEGORY_ORDER } from '../plan/budget.js';
import { BUDGET_CATEGORY_LABELS, type BudgetCategory } from '../plan/plan-enums.js';
import { type Actor, readableDepartmentIds } from '../user/access.js';
import { applyPlanScope, filterError } from './analysis-filter.js';
import type { PlanScopeFilter, PlanStatsGroup } from './analysis.input.js';
import type { BudgetSum, PlanStats } from './plan-stats.type.js';

/**
 * planStats (issue 11 item 3): every figure is summed by the database (GROUP BY over the stored columns),
 * money as INTEGER micro-units summed exactly — `cast(sum(x) as text)`, read as BigInt: a sum past 2^53
 * would lose digits as a JS number, and PostgreSQL returns bigint sums as strings anyway.
 */
const GROUP_COLUMNS: Record<PlanStatsGroup, { column: string; alias: string }> = {
  DEPARTMENT: { column: 'd.id', alias: 'g_department' },
  YEAR: { column: 'p.year', alias: 'g_year' },
  REGION: { column: 'd.region', alias: 'g_region' },
};

const STAGES = [
  ['initial', 'initial'],
  ['adjustment', 'adjustment'],
  ['full_year', 'fullYear'],
  ['actual', 'actual'],
  ['carryover', 'carryover'],
] as const;

type Row = Record<string, unknown>;

/**
 * The figures of planStats by the query that sums them. The plans themselves (the groups, planCount and
 * the scores) are always read; each other family only when a field of it is asked for: a question about
 * budget sums does not scan the province's indicators.
 */
export type PlanStatsFamily = 'budget' | 'budgetPlanCount' | 'executionRate' | 'indicators' | 'grades' | 'checks' | 'department' | 'scores' | BudgetStage;
/** A stage of the budget sums (`budget { initial fullYear }`): summed only when asked for. */
type BudgetStage = (typeof STAGES)[number][1];
export const ALL_PLAN_STATS_FAMILIES: ReadonlySet<PlanStatsFamily> = new Set<PlanStatsFamily>([
  'budget',
  'budgetPlanCount',
  'executionRate',
  'indicators',
  'grades',
  'checks',
  'department',
  'scores',
  'initial',
  'adjustment',
  'fullYear',
  'actual',
  'carryover',
]);
/** What each selected field (a path: `budget.planCount`) needs. */
const FAMILIES_OF_FIELD: Record<string, PlanStatsFamily[]> = {
  budget: ['budget'],
  'budget.planCount': ['budget', 'budgetPlanCount'], // count(distinct plan): a sort of its own
  // Each stage's sum only when asked for: summing the province's budget rows is most of a region query's time.
  'budget.initial': ['budget', 'initial'],
  'budget.adjustment': ['budget', 'adjustment'],
  'budget.fullYear': ['budget', 'fullYear'],
  'budget.actual': ['budget', 'actual'],
  'budget.carryover': ['budget', 'carryover'],
  // The plans' stored totals (another index than the plan count's).
  scoredPlanCount: ['scores'],
  scoreTotal: ['scores'],
  averageScore: ['scores'],
  executionRate: ['budget', 'executionRate'],
  executionRatePercent: ['budget', 'executionRate'],
  indicatorCount: ['indicators'],
  statusCounts: ['indicators'],
  textTargetCount: ['indicators'],
  textTargetShare: ['indicators'],
  gradeCounts: ['grades'],
  checkCounts: ['checks'],
  department: ['department'],
};

/** The families the selected PlanStats fields (paths two deep, selection.ts) need. */
export function planStatsFamilies(fields: Iterable<string>): Set<PlanStatsFamily> {
  return new Set([...fields].flatMap((field) => FAMILIES_OF_FIELD[field] ?? []));
}

const exactSum = (knex: Knex, expression: string, alias: string) => knex.raw(`cast(sum(${expression}) as text) as ${alias}`);
const bigOrNull = (value: unknown): bigint | null => (value === null || value === undefined ? null : BigInt(String(value).replace(/\.0+$/, '')));
const decimalOrNull = (value: unknown): string | null => {
  const micros = bigOrNull(value);
  return micros === null ? null : formatDecimal(micros);
};

function groupsOf(groupBy: PlanStatsGroup[]): PlanStatsGroup[] {
  const unique = [...new Set(groupBy)];
  if (unique.length !== groupBy.length) throw filterError(['groupBy'], 'DUPLICATE', '分组维度重复 (a group is listed twice)');
  return unique;
}

export async function planStats(
  em: EntityManager,
  actor: Actor,
  filter: PlanScopeFilter | null | undefined,
  groupBy: PlanStatsGroup[],
  families: ReadonlySet<PlanStatsFamily> = ALL_PLAN_STATS_FAMILIES,
): Promise<PlanStats[]> {
  const groups = groupsOf(groupBy);
  const statements = planStatsStatements(em, actor, filter, groups, families);
  // One GROUP BY per family asked for; a family not asked for is not queried (its rows stay empty).
  const [plans, budget, statuses, grades, checks] = (await Promise.all(statements.map((statement) => (statement ? em.execute(statement.sql, statement.bindings as never[]) : [])))) as Row[][];
  return assemble(em, groups, families, plans, budget, statuses, grades, checks);
}

type Statement = { sql: string; bindings: readonly unknown[] } | null;

/**
 * The statements of a question, built once for its inputs (issue 12: building five knex queries cost about
 * a millisecond a request). The text and bindings are a function of the groups, the families, the plans the
 * actor may read and the filter, which make the key; each connection's (knex's) own, at most
 * STATEMENT_CACHE_SIZE of them. A bad filter is refused before anything is built or cached.
 */
const statementCache = new WeakMap<object, Map<string, Statement[]>>();
const STATEMENT_CACHE_SIZE = 500;

function planStatsStatements(em: EntityManager, actor: Actor, filter: PlanScopeFilter | null | undefined, groups: PlanStatsGroup[], families: ReadonlySet<PlanStatsFamily>): Statement[] {
  const knex = em.getKnex();
  let cache = statementCache.get(knex);
  if (!cache) statementCache.set(knex, (cache = new Map()));
  const key = JSON.stringify([groups, [...families].sort(), readableDepartmentIds(actor), filter ?? null]);
  const cached = cache.get(key);
  if (cached) return cached;
  applyPlanScope(knex('plan as p'), actor, filter); // refuse a bad filter before any SQL runs
  // The plans in scope first, then each plan's rows of the family (`alias.plan_id = p.id`), all read from
  // indexes (db/migrations/…AnalystIndexes). Written as cross joins with the join conditions in the where
  // clause: SQLite then joins in the order written (its documented manual control; left to itself it scans
  // the family's table and looks every row's plan up, reading the plan rows with their stored JSON),
  // PostgreSQL plans them as the inner joins they are.
  const from = (family?: { table: string; alias: string }) => {
    const query = knex('plan as p').joinRaw('cross join department as d').whereRaw('d.id = p.department_id');
    if (family) query.joinRaw(`cross join ${family.table} as ${family.alias}`).whereRaw(`${family.alias}.plan_id = p.id`);
    applyPlanScope(query, actor, filter);
    for (const group of groups) query.select(`${GROUP_COLUMNS[group].column} as ${GROUP_COLUMNS[group].alias}`).groupBy(GROUP_COLUMNS[group].column);
    return query;
  };

  const when = (family: PlanStatsFamily, query: () => Knex.QueryBuilder): Knex.QueryBuilder | null => (families.has(family) ? query() : null);
  const statements = [
    from()
      .count({ plans: '*' })
      .modify((query) => {
        if (families.has('scores')) query.count({ scored: 'p.rollup_computed_total' }).select(exactSum(knex, 'p.rollup_computed_total', 'score_total'));
      }),
    when('budget', () =>
      from({ table: 'budget_line', alias: 'b' })
        .select('b.category')
        .groupBy('b.category')
        .modify((query) => {
          if (families.has('budgetPlanCount')) query.countDistinct({ plans: 'b.plan_id' });
        })
        .select(...STAGES.filter(([, field]) => families.has(field)).map(([column]) => exactSum(knex, `b.${column}`, `s_${column}`)))
        .modify((query) => {
          if (!families.has('executionRate')) return;
          query.select(
            exactSum(knex, 'case when b.actual is not null and b.full_year is not null then b.actual end', 'rate_actual'),
            exactSum(knex, 'case when b.actual is not null and b.full_year is not null then b.full_year end', 'rate_full_year'),
          );
        }),
    ),
    when('indicators', () =>
      from({ table: 'indicator', alias: 'i' })
        .select('i.gap_status')
        .groupBy('i.gap_status')
        .count({ n: '*' })
        .select(knex.raw("sum(case when i.reading_kind = 'TEXT' then 1 else 0 end) as text_targets")),
    ),
    when('grades', () =>
      from().select('p.rollup_grade', 'p.rollup_grade_provisional').whereNotNull('p.rollup_grade').groupBy('p.rollup_grade', 'p.rollup_grade_provisional').count({ n: '*' }),
    ),
    when('checks', () => from({ table: 'plan_check_count', alias: 'c' }).select('c.code').groupBy('c.code').select(exactSum(knex, 'c.count', 'n')).countDistinct({ plans: 'c.plan_id' })),
  ].map((query): Statement => {
    if (!query) return null;
    const { sql, bindings } = query.toSQL();
    return { sql, bindings };
  });
  if (cache.size >= STATEMENT_CACHE_SIZE) cache.clear();
  cache.set(key, statements);
  return statements;
}

/** The answer from the rows of the statements (a family not queried: no rows). */
async function assemble(
  em: EntityManager,
  groups: PlanStatsGroup[],
  families: ReadonlySet<PlanStatsFamily>,
  plans: Row[],
  budget: Row[],
  statuses: Row[],
  grades: Row[],
  checks: Row[],
): Promise<PlanStats[]> {

  const keyOf = (row: Row) => JSON.stringify(groups.map((group) => row[GROUP_COLUMNS[group].alias] ?? null));
  const stats = new Map<string, PlanStats & { rate: { actual: bigint; fullYear: bigint } | null; statusMap: Map<GapStatus, number> }>();
  for (const row of plans) {
    const department = groups.includes('DEPARTMENT') ? Number(row.g_department) : null;
    const planCount = Number(row.plans);
    const scored = Number(row.scored ?? 0);
    const scoreTotal = bigOrNull(row.score_total);
    stats.set(keyOf(row), {
      departmentId: department === null ? null : String(department),
      department: null,
      year: groups.includes('YEAR') ? Number(row.g_year) : null,
      region: groups.includes('REGION') ? ((row.g_region as string | null) ?? null) : null,
      planCount,
      budget: [],
      executionRate: null,
      executionRatePercent: null,
      indicatorCount: 0,
      statusCounts: [],
      textTargetCount: 0,
      textTargetShare: null,
      scoredPlanCount: scored,
      scoreTotal: scoreTotal === null ? null : formatDecimal(scoreTotal),
      averageScore: averageScore(scoreTotal, scored),
      gradeCounts: EVALUATION_GRADE_VALUES.map((grade) => ({ grade, label: EVALUATION_GRADE_LABELS[grade], count: 0, provisionalCount: 0 })),
      checkCounts: [],
      rate: null,
      statusMap: new Map(),
    });
  }
  const budgetRows = budget
    .map((row) => ({ row, order: CATEGORY_ORDER.indexOf(row.category as BudgetCategory) }))
    .sort((a, b) => a.order - b.order)
    .map(({ row }) => row);
  for (const row of budgetRows) {
    const group = stats.get(keyOf(row));
    if (!group) continue;
    const category = row.category as BudgetCategory;
    const sum = Object.fromEntries(STAGES.map(([column, field]) => [field, decimalOrNull(row[`s_${column}`])])) as Pick<BudgetSum, 'initial' | 'adjustment' | 'fullYear' | 'actual' | 'carryover'>;
    group.budget.push({ category, label: BUDGET_CATEGORY_LABELS[category], ...sum, planCount: Number(row.plans ?? 0) });
    if (category === 'TOTAL') {
      const actual = bigOrNull(row.rate_actual);
      const fullYear = bigOrNull(row.rate_full_year);
      const rate = actual !== null && fullYear !== null ? ratio(actual, fullYear) : null;
      group.executionRate = rate && formatDecimal(ratioToMicros(rate));
      group.executionRatePercent = rate && formatPercent(rate);
    }
  }
  for (const row of statuses) {
    const group = stats.get(keyOf(row));
    if (!group) continue;
    const count = Number(row.n);
    group.indicatorCount += count;
    group.textTargetCount += Number(row.text_targets ?? 0);
    const status = (row.gap_status as GapStatus | null) ?? 'PENDING';
    group.statusMap.set(status, (group.statusMap.get(status) ?? 0) + count);
  }
  for (const row of grades) {
    const group = stats.get(keyOf(row));
    const entry = group?.gradeCounts.find((grade) => grade.grade === (row.rollup_grade as EvaluationGrade));
    if (!entry) continue;
    entry.count += Number(row.n);
    if (row.rollup_grade_provisional === true || Number(row.rollup_grade_provisional) === 1) entry.provisionalCount += Number(row.n);
  }
  for (const row of checks) {
    stats.get(keyOf(row))?.checkCounts.push({ code: String(row.code), count: Number(bigOrNull(row.n) ?? 0n), planCount: Number(row.plans) });
  }

  const departmentIds = !families.has('department') ? [] : [...stats.values()].map((group) => group.departmentId).filter((id): id is string => id !== null);
  const departments = departmentIds.length ? new Map((await em.find(Department, { id: { $in: departmentIds.map(Number) } })).map((department) => [String(department.id), department])) : new Map();
  const result: PlanStats[] = [...stats.values()].map(({ rate: _rate, statusMap, ...group }) => ({
    ...group,
    department: group.departmentId ? (departments.get(group.departmentId) ?? null) : null,
    statusCounts: GAP_STATUSES.map((status) => ({ status, count: statusMap.get(status) ?? 0 })),
    textTargetShare: shareOf(group.textTargetCount, group.indicatorCount),
    checkCounts: group.checkCounts.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
  }));
  // Years ascending, then region, then department name: a stable order for tables and charts. One
  // collator for the whole sort (localeCompare with a locale builds one per call: seconds for 4,800 rows).
  // Equal strings (every region '' when not grouped by region) skip the collator: a zh-CN comparison costs
  // microseconds, and 4,800 departments by year make ~60,000 of them.
  const collator = new Intl.Collator('zh-CN');
  const compare = (a: string, b: string) => (a === b ? 0 : collator.compare(a, b));
  return result.sort(
    (a, b) =>
      (a.year ?? 0) - (b.year ?? 0) ||
      compare(a.region ?? '', b.region ?? '') ||
      compare(a.department?.name ?? '', b.department?.name ?? '') ||
      Number(a.departmentId ?? 0) - Number(b.departmentId ?? 0),
  );
}
