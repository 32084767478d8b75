import type { KeyValue } from '../graphql/connection.js';

/**
 * One key of a keyset ordering: an SQL expression that is never null (a nullable column is two keys:
 * `case when x is null then 1 else 0 end`, then `coalesce(x, 0)`), its direction, and whether it is a
 * number (cursor values of numeric keys are bound as numbers: SQLite compares an expression without
 * affinity to a text value as text, always greater).
 */
export interface SortKey {
  sql: string;
  direction: 'asc' | 'desc';
  numeric: boolean;
}

/** The key of a row as its cursor carries it (bigint columns arrive as strings from PostgreSQL). */
export function keyValues(keys: SortKey[], values: unknown[]): KeyValue[] {
  return keys.map((key, index) => {
    const value = values[index];
    if (key.numeric) return Number(value ?? 0);
    return String(value ?? '');
  });
}

/**
 * Rows strictly after (or before) the row whose key is `values`, in the ordering `keys`:
 * k1 >= v1 and ((k1 > v1) or (k1 = v1 and k2 > v2) or …) — with `<` for a descending key. The leading
 * `k1 >= v1` says nothing new, but it is what lets the database seek an index on k1 to the cursor instead
 * of reading the ordering from its start up to it (an export's last chunk would read the province).
 * Portable SQL (no row values), the expressions are ours and every value is bound.
 */
export function keysetPredicate(keys: SortKey[], values: KeyValue[], side: 'after' | 'before'): { sql: string; bindings: KeyValue[] } {
  const parts: string[] = [];
  const bindings: KeyValue[] = [];
  keys.forEach((key, index) => {
    const ascending = (key.direction === 'asc') === (side === 'after');
    const terms: string[] = [];
    for (let earlier = 0; earlier < index; earlier += 1) {
      terms.push(`${keys[earlier].sql} = ?`);
      bindings.push(bind(keys[earlier], values[earlier]));
    }
    terms.push(`${key.sql} ${ascending ? '>' : '<'} ?`);
    bindings.push(bind(key, values[index]));
    parts.push(`(${terms.join(' and ')})`);
  });
  const first = keys[0];
  const seek = `${first.sql} ${(first.direction === 'asc') === (side === 'after') ? '>=' : '<='} ?`;
  return { sql: `(${seek} and (${parts.join(' or ')}))`, bindings: [bind(first, values[0]), ...bindings] };
}

function bind(key: SortKey, value: KeyValue): KeyValue {
  return key.numeric ? Number(value) : String(value);
}

/** `order by` for the keys, reversed for reading a page backwards (last/before). */
export function orderByClause(keys: SortKey[], reverse = false): string {
  return keys.map((key) => `${key.sql} ${(key.direction === 'asc') !== reverse ? 'asc' : 'desc'}`).join(', ');
}

/** What a keyset page needs of a query: a fresh builder with its tables, joins and filters (no select, no order). */
type Builder = import('@mikro-orm/sqlite').Knex.QueryBuilder<any, any>;

export interface KeysetWindowLike {
  size: number;
  backward: boolean;
  after: KeyValue[] | null;
  before: KeyValue[] | null;
}

/**
 * Reads one page: `size` rows after `after` and before `before` in the keys' order (read backwards from
 * `before` for last/before), one more to know whether the page ends the list, and whether any row lies
 * on the other side of the cursor it started from. Each row gets its key as `key`. Without `count`, no
 * count(*) over every row the filter selects is run (totalCount is -1; a page that does not show it should
 * not pay for it); without `previous`, hasPreviousPage is false.
 */
export async function readKeysetPage<Row extends Record<string, unknown>>(
  base: () => Builder,
  columns: string[],
  keys: SortKey[],
  window: KeysetWindowLike,
  knex: import('@mikro-orm/sqlite').Knex,
  { count = true, previous = count }: { count?: boolean; previous?: boolean } = {},
): Promise<{ rows: (Row & { key: KeyValue[] })[]; hasNextPage: boolean; hasPreviousPage: boolean; totalCount: number }> {
  const bounded = (query: Builder) => {
    for (const [values, side] of [
      [window.after, 'after'],
      [window.before, 'before'],
    ] as const) {
      if (!values) continue;
      const predicate = keysetPredicate(keys, values, side);
      query.whereRaw(predicate.sql, predicate.bindings);
    }
    return query;
  };
  const query = bounded(base())
    .select(columns)
    .select(keys.map((key, index) => knex.raw(`${key.sql} as k${index}`)))
    .orderByRaw(orderByClause(keys, window.backward))
    .limit(window.size + 1);
  const [found, [{ n }]] = await Promise.all([query as Promise<Record<string, unknown>[]>, count ? (base().count({ n: '*' }) as Promise<{ n: number | string }[]>) : Promise.resolve([{ n: -1 }])]);
  const more = found.length > window.size;
  const page = found.slice(0, window.size);
  if (window.backward) page.reverse();
  const rows = page.map((row) => ({ ...row, key: keyValues(keys, keys.map((_, index) => row[`k${index}`])) })) as (Row & { key: KeyValue[] })[];
  // The other side of the cursor the page started from: is anything there (still)?
  const start = window.backward ? window.before : window.after;
  let beyond = false;
  if (start && previous) {
    // Rows at or before `after` (forward), at or after `before` (backward): not strictly beyond it.
    const predicate = keysetPredicate(keys, start, window.backward ? 'before' : 'after');
    beyond = ((await base().whereRaw(`not ${predicate.sql}`, predicate.bindings).select(knex.raw('1 as one')).limit(1)) as unknown[]).length > 0;
  }
  return {
    rows,
    hasNextPage: window.backward ? beyond : more,
    hasPreviousPage: window.backward ? more : beyond,
    totalCount: Number(n),
  };
}
