import { type EntityManager, type FilterQuery, raw } from '@mikro-orm/sqlite';
import { GraphQLError } from 'graphql';
import { keysetWindow, type Page, toKeysetPage } from '../../graphql/connection.js';
import { Department } from '../department/department.entity.js';
import { Indicator } from '../indicator/indicator.entity.js';
import { LineItem } from '../line-item/line-item.entity.js';
import { Plan } from '../plan/plan.entity.js';
import { type Actor, readableDepartmentIds } from '../user/access.js';
import { Role } from '../user/user.entity.js';
import { parseId } from '../validation.js';
import { AuditEntry } from './audit-entry.entity.js';
import type { AuditEntryFilter } from './audit.input.js';

/** The reason every recorded 调整 of an approved target carries (indicator.service: setIndicatorTarget). */
export const ADJUSTMENT_REASON_PREFIX = '调整：';
const LIST_MAX = 1000;
const ORDERING = 'audit:ID:DESC';

function bad(field: string[], code: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argumentName: field[0], field, userErrors: [{ field, code, message }] } });
}

function list<T>(values: T[] | null | undefined, field: string[], check?: (value: T, index: number) => void): T[] | null {
  if (values == null) return null;
  if (values.length > LIST_MAX) throw bad(field, 'TOO_MANY', `最多 ${LIST_MAX} 个，给出了 ${values.length} 个 (at most ${LIST_MAX} values)`);
  values.forEach((value, index) => check?.(value, index));
  return values;
}

const inPlans = (sql: string, bindings: unknown[]): FilterQuery<AuditEntry> => ({ [raw((alias: string) => `${alias}.plan_id in (${sql})`, bindings)]: [] }) as FilterQuery<AuditEntry>;

/**
 * The conditions of `auditEntries`: the actor's scope first — entries of plans they may read; entries
 * beyond plans (departments, users, deleted plans) for analysts and administrators; user accounts for
 * administrators only, as `auditLog` rules — then the filter.
 */
export function auditEntriesWhere(actor: Actor, filter: AuditEntryFilter | null | undefined): FilterQuery<AuditEntry> {
  const where: FilterQuery<AuditEntry>[] = [];
  const readable = readableDepartmentIds(actor);
  if (readable !== null) {
    where.push(readable.length ? inPlans(`select id from plan where department_id in (${readable.map(() => '?').join(', ')})`, readable) : { id: { $lt: 0 } });
  }
  if (actor.role !== Role.ADMIN) where.push({ objectType: { $ne: 'User' } });
  const years = list(filter?.years, ['filter', 'years'], (year, index) => {
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw bad(['filter', 'years', String(index)], 'OUT_OF_RANGE', `年度须在 2000 到 2100 之间：${year} (year must be 2000..2100)`);
  });
  if (years) where.push(years.length ? inPlans(`select id from plan where year in (${years.map(() => '?').join(', ')})`, years) : { id: { $lt: 0 } });
  const planIds = list(filter?.planIds, ['filter', 'planIds']);
  if (planIds) {
    where.push({
      planId: {
        $in: planIds.map((id, index) => {
          try {
            return parseId(id, ['filter', 'planIds', String(index)]);
          } catch {
            throw bad(['filter', 'planIds', String(index)], 'NOT_FOUND', `无效的编号：${String(id).slice(0, 40)} (invalid id)`);
          }
        }),
      },
    });
  }
  const objectTypes = list(filter?.objectTypes, ['filter', 'objectTypes']);
  if (objectTypes) where.push({ objectType: { $in: objectTypes } });
  const fields = list(filter?.fields, ['filter', 'fields']);
  if (fields) where.push({ field: { $in: fields } });
  if (filter?.adjustmentsOnly) where.push({ reason: { $like: `${ADJUSTMENT_REASON_PREFIX}%` } });
  const users = list(filter?.users, ['filter', 'users']);
  if (users) {
    const ids = users.filter((user) => /^\d{1,15}$/.test(user)).map(Number);
    where.push({ $or: [{ userName: { $in: users } }, ...(ids.length ? [{ userId: { $in: ids } }] : [])] });
  }
  for (const [name, date] of [
    ['since', filter?.since],
    ['until', filter?.until],
  ] as const) {
    if (date != null && Number.isNaN(date.getTime())) throw bad(['filter', name], 'INVALID', `无效的时间 (invalid date)`);
  }
  if (filter?.since && filter?.until && filter.since > filter.until) throw bad(['filter', 'since'], 'OUT_OF_RANGE', '起始时间晚于截止时间 (since is after until)');
  if (filter?.since) where.push({ at: { $gte: filter.since } });
  if (filter?.until) where.push({ at: { $lt: filter.until } });
  return where.length ? { $and: where } : {};
}

/**
 * `auditEntries`: newest first, keyset cursors on the entry's id (the trail only grows: pages never shift).
 * `count: false` (the query does not ask for totalCount) skips counting every entry the filter selects.
 */
export async function findAuditEntries(
  em: EntityManager,
  actor: Actor,
  filter: AuditEntryFilter | null | undefined,
  first: number | null,
  after: string | null,
  { count = true }: { count?: boolean } = {},
): Promise<Page<AuditEntry>> {
  const window = keysetWindow({ first, after }, ORDERING, 1, 50);
  // A raw() condition is used up by the query it is in: each query builds its own.
  const where = () => auditEntriesWhere(actor, filter);
  const paged: FilterQuery<AuditEntry> = window.after ? { $and: [where(), { id: { $lt: Number(window.after[0]) } }] } : where();
  const [found, totalCount] = await Promise.all([em.find(AuditEntry, paged, { orderBy: { id: 'desc' }, limit: window.size + 1 }), count ? em.count(AuditEntry, where()) : -1]);
  const rows = found.slice(0, window.size);
  // Is any entry at or before the cursor (still) there? One row is enough to know.
  const hasPreviousPage = window.after ? (await em.find(AuditEntry, { $and: [where(), { id: { $gte: Number(window.after[0]) } }] }, { fields: ['id'], limit: 1, disableIdentityMap: true })).length > 0 : false;
  return toKeysetPage(rows, { keyOf: (entry) => [entry.id], ordering: ORDERING, totalCount, hasNextPage: found.length > window.size, hasPreviousPage });
}

/** The objects entries concern, loaded for many entries at once (a deleted object is simply absent). */
export async function loadPlans(em: EntityManager, ids: number[]): Promise<Map<number, Plan>> {
  const plans = await em.find(Plan, { id: { $in: ids } }, { populate: ['department'] });
  return new Map(plans.map((plan) => [plan.id, plan]));
}

export async function loadIndicators(em: EntityManager, ids: number[]): Promise<Map<number, Indicator>> {
  const indicators = await em.find(Indicator, { id: { $in: ids } });
  await loadPlans(em, [...new Set(indicators.map((indicator) => indicator.plan.id))]);
  return new Map(indicators.map((indicator) => [indicator.id, indicator]));
}

export async function loadLineItems(em: EntityManager, ids: number[]): Promise<Map<number, LineItem>> {
  const items = await em.find(LineItem, { id: { $in: ids } });
  return new Map(items.map((item) => [item.id, item]));
}

export async function loadDepartments(em: EntityManager, ids: number[]): Promise<Map<number, Department>> {
  const departments = await em.find(Department, { id: { $in: ids } });
  return new Map(departments.map((department) => [department.id, department]));
}
