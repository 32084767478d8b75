import type { Knex } from '@mikro-orm/sqlite';
import { GraphQLError } from 'graphql';
import { parseDecimal } from '../../domain/decimal.js';
import { UserInputError } from '../../graphql/user-error.js';
import { containsPattern, LIKE_ESCAPE } from '../department/department.service.js';
import { type Actor, readableDepartmentIds } from '../user/access.js';
import { parseId } from '../validation.js';
import { type DecimalRange, FILTER_LIST_MAX, type IndicatorFilter, type PlanScopeFilter } from './analysis.input.js';

type Builder = Knex.QueryBuilder;

/**
 * Bad filter input as a query's typed error: BAD_USER_INPUT, the argument it came in (`argumentName`),
 * and the field path and code as a mutation's userErrors would say them.
 */
export function filterError(field: string[], code: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argumentName: field[0], field, userErrors: [{ field, code, message }] } });
}

/** A service check's UserInputError (e.g. a search text's TOO_LONG) as the same typed error. */
function asFilterError<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof UserInputError) {
      const [first] = error.errors;
      throw filterError(first.field, first.code, first.message);
    }
    throw error;
  }
}

function checkList<T>(values: T[] | null | undefined, field: string[], max: number): T[] | null {
  if (values == null) return null;
  if (values.length > max) throw filterError(field, 'TOO_MANY', `最多 ${max} 个，给出了 ${values.length} 个 (at most ${max} values; ${values.length} given)`);
  return values;
}

function ids(values: string[] | null | undefined, field: string[], max: number): number[] | null {
  const list = checkList(values, field, max);
  return list && list.map((value, index) => asFilterError(() => parseId(value, [...field, String(index)])));
}

/** A decimal range as micro-unit integers; min > max is refused. */
export function microsRange(range: DecimalRange | null | undefined, field: string[]): { min: number | null; max: number | null } | null {
  if (!range) return null;
  const bound = (value: string | null | undefined, name: string): bigint | null => {
    if (value == null) return null;
    const parsed = parseDecimal(value);
    if (!parsed.ok) throw filterError([...field, name], parsed.error.code, parsed.error.message);
    return parsed.value;
  };
  const min = bound(range.min, 'min');
  const max = bound(range.max, 'max');
  if (min !== null && max !== null && min > max) throw filterError(field, 'OUT_OF_RANGE', `下限 ${range.min} 大于上限 ${range.max} (min is greater than max)`);
  return { min: min === null ? null : Number(min), max: max === null ? null : Number(max) };
}

export function whereRange(query: Builder, column: string, range: { min: number | null; max: number | null } | null): void {
  if (!range) return;
  if (range.min !== null) query.where(column, '>=', range.min);
  if (range.max !== null) query.where(column, '<=', range.max);
}

/**
 * The plans a question may see and asks about, on a query that has `plan as p` joined to `department as d`:
 * the actor's readable departments first (analysts and administrators: all), then the filter.
 */
export function applyPlanScope(query: Builder, actor: Actor, filter: PlanScopeFilter | null | undefined, argument = 'filter'): void {
  const readable = readableDepartmentIds(actor);
  if (readable !== null) {
    if (readable.length) query.whereIn('p.department_id', readable);
    else query.whereRaw('1 = 0');
  }
  if (!filter) return;
  const years = checkList(filter.years, [argument, 'years'], FILTER_LIST_MAX.years);
  if (years) {
    years.forEach((year, index) => {
      if (!Number.isInteger(year) || year < 2000 || year > 2100) throw filterError([argument, 'years', String(index)], 'OUT_OF_RANGE', `年度须在 2000 到 2100 之间：${year} (year must be 2000..2100)`);
    });
    query.whereIn('p.year', years);
  }
  const departments = ids(filter.departmentIds, [argument, 'departmentIds'], FILTER_LIST_MAX.departmentIds);
  if (departments) query.whereIn('p.department_id', departments);
  const plans = ids(filter.planIds, [argument, 'planIds'], FILTER_LIST_MAX.planIds);
  if (plans) query.whereIn('p.id', plans);
  if (filter.region != null) {
    const pattern = asFilterError(() => containsPattern(filter.region!, [argument, 'region']));
    query.whereRaw(`lower(d.region) like lower(?) ${LIKE_ESCAPE}`, [pattern]);
  }
  if (filter.planStatuses) query.whereIn('p.status', filter.planStatuses);
  whereRange(query, 'p.rollup_execution_rate', microsRange(filter.executionRate, [argument, 'executionRate']));
  if (filter.grades) query.whereIn('p.rollup_grade', filter.grades);
}


/** A text column holds something (not null, not blank). */
const written = (column: string) => `(${column} is not null and trim(${column}) <> '')`;
const blank = (column: string) => `(${column} is null or trim(${column}) = '')`;

/** The indicator conditions, on a query with `indicator as i` joined to its plan (`p`) and department (`d`). */
export function applyIndicatorFilter(query: Builder, actor: Actor, filter: IndicatorFilter | null | undefined, argument = 'filter'): void {
  applyPlanScope(query, actor, filter, argument);
  if (!filter) return;
  if (filter.level1) query.whereIn('i.level1', filter.level1);
  if (filter.level2) query.whereIn('i.level2', filter.level2);
  if (filter.hasTarget != null) query.whereRaw(filter.hasTarget ? written('i.target_text') : blank('i.target_text'));
  if (filter.hasActual != null) query.whereRaw(filter.hasActual ? written('i.actual_text') : blank('i.actual_text'));
  whereRange(query, 'i.weight', microsRange(filter.weight, [argument, 'weight']));
  if (filter.gapStatuses) query.whereIn('i.gap_status', filter.gapStatuses);
  if (filter.targetKinds) query.whereIn('i.reading_kind', filter.targetKinds);
  if (filter.targetConfidences) query.whereIn('i.reading_confidence', filter.targetConfidences);
  whereRange(query, 'i.completion', microsRange(filter.completion, [argument, 'completion']));
  whereRange(query, 'i.score_lost', microsRange(filter.scoreLost, [argument, 'scoreLost']));
  if (filter.text != null) {
    const pattern = asFilterError(() => containsPattern(filter.text!, [argument, 'text']));
    query.whereRaw(`(lower(i.name) like lower(?) ${LIKE_ESCAPE} or lower(i.target_text) like lower(?) ${LIKE_ESCAPE} or lower(i.actual_text) like lower(?) ${LIKE_ESCAPE})`, [pattern, pattern, pattern]);
  }
}
