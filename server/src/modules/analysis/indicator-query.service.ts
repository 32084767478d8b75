import type { EntityManager, Knex } from '@mikro-orm/sqlite';
import { type SortKey, readKeysetPage } from '../../db/keyset.js';
import { keysetWindow, type Page, type PageArgs, toKeysetPage } from '../../graphql/connection.js';
import { Indicator } from '../indicator/indicator.entity.js';
import { Plan } from '../plan/plan.entity.js';
import { type Actor, readableDepartmentIds } from '../user/access.js';
import { applyIndicatorFilter } from './analysis-filter.js';
import type { IndicatorFilter, IndicatorOrder, IndicatorOrderField, OrderDirection } from './analysis.input.js';

/**
 * A nullable numeric column as two keys that are never null: rows without a value last, in either direction.
 * Score lost (descending) and completion (ascending) have indexes on exactly these expressions
 * (db/migrations/…IndicatorOrderIndexes): change them together.
 */
function nullsLast(column: string, direction: 'asc' | 'desc'): SortKey[] {
  return [
    { sql: `case when ${column} is null then 1 else 0 end`, direction: 'asc', numeric: true },
    { sql: `coalesce(${column}, 0)`, direction, numeric: true },
  ];
}

/** The keys of each ordering; the indicator's id breaks every tie, so the order is total. */
export function indicatorSortKeys(field: IndicatorOrderField, direction: OrderDirection): SortKey[] {
  const dir = direction === 'DESC' ? 'desc' : 'asc';
  const id: SortKey = { sql: 'i.id', direction: dir, numeric: true };
  switch (field) {
    case 'ID':
      return [id];
    case 'YEAR':
      return [{ sql: 'p.year', direction: dir, numeric: true }, { sql: 'd.name', direction: dir, numeric: false }, id];
    case 'DEPARTMENT':
      return [{ sql: 'd.name', direction: dir, numeric: false }, { sql: 'p.year', direction: dir, numeric: true }, id];
    case 'SCORE_LOST':
      return [...nullsLast('i.score_lost', dir), id];
    case 'COMPLETION':
      return [...nullsLast('i.completion', dir), id];
  }
}

export const orderingName = (order: IndicatorOrder | null | undefined): string => `indicators:${order?.field ?? 'ID'}:${order?.direction ?? 'ASC'}`;

/** The filter fields that read the plan (`p`): without any of them (and for an actor who reads everything) the plan is not joined. */
const PLAN_FILTERS = ['years', 'departmentIds', 'planIds', 'region', 'planStatuses', 'executionRate', 'grades'] as const satisfies readonly (keyof IndicatorFilter)[];

/** The base query of a cross-plan indicator question: indicators, their plan and department, filtered and scoped. */
export function indicatorQuery(
  knex: Knex,
  actor: Actor,
  filter: IndicatorFilter | null | undefined,
  { readsPlan = true, readsDepartment = true, departmentFirst = false }: { readsPlan?: boolean; readsDepartment?: boolean; departmentFirst?: boolean } = {},
): () => Knex.QueryBuilder {
  // Checked once, up front: a bad filter is refused before any SQL runs.
  applyIndicatorFilter(knex('indicator as i'), actor, filter);
  // The department is joined only when a condition, the ordering or a column reads it (a count over 648k rows feels each join).
  const department = readsDepartment || filter?.region != null;
  const plan = department || readsPlan || readableDepartmentIds(actor) !== null || PLAN_FILTERS.some((field) => filter?.[field] != null);
  return () => {
    if (departmentFirst) {
      // Ordered by department name, then year, then id: departments by their unique name, each one's plans by
      // (department, year), each plan's indicators by id — the nested loops give the order, nothing is
      // sorted, and a cursor seeks to its department. Cross joins keep SQLite to this order (PostgreSQL
      // plans them as the inner joins they are).
      const query = knex('department as d').joinRaw('cross join plan as p').joinRaw('cross join indicator as i').whereRaw('p.department_id = d.id and i.plan_id = p.id');
      applyIndicatorFilter(query, actor, filter);
      return query;
    }
    const query = knex('indicator as i');
    if (plan) query.join('plan as p', 'p.id', 'i.plan_id');
    if (department) query.join('department as d', 'd.id', 'p.department_id');
    applyIndicatorFilter(query, actor, filter);
    return query;
  };
}

export interface IndicatorPageRow {
  id: number;
  key: (number | string)[];
}

/** One page of raw rows (id and key), for the API and for streaming exports alike. */
export async function indicatorRows(
  em: EntityManager,
  actor: Actor,
  filter: IndicatorFilter | null | undefined,
  order: IndicatorOrder | null | undefined,
  page: PageArgs,
  { defaultSize = 20, columns = ['i.id as id'], count = true, previous = count, maxSize }: { defaultSize?: number; columns?: string[]; count?: boolean; previous?: boolean; maxSize?: number } = {},
) {
  const keys = indicatorSortKeys(order?.field ?? 'ID', order?.direction ?? 'ASC');
  const ordering = orderingName(order);
  const window = keysetWindow(page, ordering, keys.length, defaultSize, maxSize);
  const knex = em.getKnex();
  const reads = (alias: string) => [...keys.map((key) => key.sql), ...columns].some((sql) => sql.startsWith(alias));
  const base = indicatorQuery(knex, actor, filter, { readsPlan: reads('p.'), readsDepartment: reads('d.'), departmentFirst: order?.field === 'DEPARTMENT' });
  const result = await readKeysetPage<{ id: number } & Record<string, unknown>>(base, columns, keys, window, knex, { count, previous });
  return { ...result, ordering };
}

/**
 * `indicators(filter, orderBy, first, after, last, before)`: the page's indicators as entities (their
 * plans and departments loaded with them, so `plan { year department { name } }` costs no query per row).
 * `count: false` when the query does not ask for totalCount: counting every row a filter selects is the
 * one part of a page that grows with the province; `plans: false` when it does not ask for the plans (a
 * plan row carries its stored roll-up and checks as JSON: the 5,020-indicator plan's take ~12 ms to read).
 */
export async function findIndicators(
  em: EntityManager,
  actor: Actor,
  filter: IndicatorFilter | null | undefined,
  order: IndicatorOrder | null | undefined,
  page: PageArgs,
  { count = true, plans = true }: { count?: boolean; plans?: boolean } = {},
): Promise<Page<Indicator>> {
  const { rows, ordering, totalCount, hasNextPage, hasPreviousPage } = await indicatorRows(em, actor, filter, order, page, { count, previous: true });
  const ids = rows.map((row) => Number(row.id));
  const indicators = ids.length ? await em.find(Indicator, { id: { $in: ids } }) : [];
  const planIds = [...new Set(indicators.map((indicator) => indicator.plan.id))];
  if (plans && planIds.length) await em.find(Plan, { id: { $in: planIds } }, { populate: ['department'] });
  const byId = new Map(indicators.map((indicator) => [indicator.id, indicator]));
  const keyOf = new Map(rows.map((row) => [Number(row.id), row.key]));
  const nodes = ids.map((id) => byId.get(id)).filter((indicator): indicator is Indicator => indicator !== undefined);
  return toKeysetPage(nodes, { keyOf: (indicator) => keyOf.get(indicator.id)!, ordering, totalCount, hasNextPage, hasPreviousPage });
}

/** 专项 › 子项: the names of the line items above each of the given line items, outermost first. */
export async function lineItemPaths(em: EntityManager, lineItemIds: number[]): Promise<Map<number, string[]>> {
  const knex = em.getKnex();
  const rows = (await knex('line_item')
    .select('id', 'parent_id', 'name')
    .whereIn('plan_id', knex('line_item').select('plan_id').whereIn('id', lineItemIds))) as { id: number; parent_id: number | null; name: string }[];
  const byId = new Map(rows.map((row) => [Number(row.id), row]));
  const paths = new Map<number, string[]>();
  for (const id of lineItemIds) {
    const path: string[] = [];
    // A tree of at most 4 levels (docs/trust.md); the bound only guards against a cycle.
    for (let row = byId.get(id); row && path.length < 50; row = row.parent_id == null ? undefined : byId.get(Number(row.parent_id))) path.unshift(row.name);
    paths.set(id, path);
  }
  return paths;
}
