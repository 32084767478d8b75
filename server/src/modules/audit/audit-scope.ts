import { AsyncLocalStorage } from 'node:async_hooks';

/** Who is changing things, and why, for the writes of one mutation or one CLI run. */
export interface AuditScope {
  userId: number | null;
  userName: string;
  reason: string | null;
  /** False while a plan import writes its rows: the import is recorded as one entry instead (issue 12). */
  rowsAudited?: boolean;
}

const scope = new AsyncLocalStorage<AuditScope>();

export function withAuditScope<T>(actor: Omit<AuditScope, 'reason'>, work: () => Promise<T>): Promise<T> {
  return scope.run({ ...actor, reason: null }, work);
}

export function currentAuditScope(): AuditScope {
  return scope.getStore() ?? { userId: null, userName: '系统', reason: null };
}

/** The reason a service was given (调整原因, 退回原因, 扣分原因) goes with every change it writes. */
export function setAuditReason(reason: string | null | undefined): void {
  const store = scope.getStore();
  if (store) store.reason = reason?.trim() || null;
}

/**
 * Runs work whose row changes the subscriber leaves out of the trail, because the caller records them
 * as a whole (a plan import: one entry with the document's hash, counts and the replaced document).
 * Departments are still recorded row by row: they are not part of the plan.
 */
export function withoutRowAudit<T>(work: () => Promise<T>): Promise<T> {
  return scope.run({ ...currentAuditScope(), rowsAudited: false }, work);
}
