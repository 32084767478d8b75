import { AsyncLocalStorage } from 'node:async_hooks';

/** Who is changing things, and why, for the writes of one mutation or one CLI run. */
export interface AuditScope {
  userId: number | null;
  userName: string;
  reason: string | null;
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
