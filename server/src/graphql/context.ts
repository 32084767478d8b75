import type { EntityManager } from '@mikro-orm/sqlite';

/** Per-request context: a forked EntityManager, so requests never share an identity map. */
export interface Context {
  em: EntityManager;
}

/**
 * Work computed once per request and shared by the fields that need it (a plan's gaps, roll-ups and
 * checks). A mutation forgets it, so the payload is computed from what was just written.
 */
const requestMemos = new WeakMap<EntityManager, Map<string, Promise<unknown>>>();

export function memoised<T>(em: EntityManager, key: string, compute: () => Promise<T>): Promise<T> {
  let memo = requestMemos.get(em);
  if (!memo) requestMemos.set(em, (memo = new Map()));
  if (!memo.has(key)) memo.set(key, compute());
  return memo.get(key) as Promise<T>;
}

export function forgetMemos(em: EntityManager): void {
  requestMemos.delete(em);
}
