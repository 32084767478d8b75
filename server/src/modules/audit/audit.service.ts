import type { EntityManager, EntityName, FilterQuery } from '@mikro-orm/core';
import { json, planIdOf, snapshot } from './audit.subscriber.js';
import { type AuditRow, insertAuditRows } from './audit.writer.js';

/**
 * Records the rows a native (bulk) delete is about to remove — one DELETED entry each, with the whole
 * row as the API speaks it, exactly as the subscriber records an ordinary delete. Call it right before
 * the native delete, in the same transaction. The rows are read outside the identity map, so nothing
 * stale of them stays behind. Returns how many were recorded.
 */
export async function recordDeletions<T extends object>(em: EntityManager, entityName: EntityName<T>, where: FilterQuery<T>, planId?: number | null): Promise<number> {
  const rows = await em.find(entityName, where, { disableIdentityMap: true, orderBy: { id: 'asc' } as never });
  if (!rows.length) return 0;
  const meta = em.getMetadata().get(entityName as never);
  const platform = em.getPlatform();
  const comparator = em.getComparator();
  await insertAuditRows(
    em,
    rows.map((row) => ({
      objectType: meta.className,
      objectId: (row as unknown as { id: number }).id,
      planId: planId === undefined ? planIdOf(row) : planId,
      field: 'DELETED',
      before: json(snapshot(meta as never, platform, comparator.prepareEntity(row) as Record<string, unknown>)),
    })),
  );
  return rows.length;
}

/**
 * Records a change to something outside the unit-of-work subscriber's reach (users, whose password hash
 * must never reach the trail): CREATED with the whole state, then one entry per field that differs.
 */
export async function recordStateChange(
  em: EntityManager,
  target: { objectType: string; objectId: number; planId?: number | null },
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
): Promise<void> {
  const base = { objectType: target.objectType, objectId: target.objectId, planId: target.planId ?? null };
  const rows: AuditRow[] = before
    ? Object.keys(after)
        .filter((field) => JSON.stringify(after[field]) !== JSON.stringify(before[field]))
        .map((field) => ({ ...base, field, before: json(before[field]), after: json(after[field]) }))
    : [{ ...base, field: 'CREATED', after: json(after) }];
  await insertAuditRows(em, rows);
}

// What other modules need to write the trail themselves when they bypass the unit of work (a
// single-indicator write's native UPDATE, plan-figures.store.ts): the entries of an update, and their insert.
export { updateEntries } from './audit.subscriber.js';
export { type AuditRow, insertAuditRows } from './audit.writer.js';
