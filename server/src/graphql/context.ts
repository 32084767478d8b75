import type { EntityManager } from '@mikro-orm/sqlite';
import type { Actor } from '../modules/user/access.js';
import type { User } from '../modules/user/user.entity.js';

/** What HTTP gives a request: where it came from, its session token, and a way to set the cookie. */
export interface HttpContext {
  address: string;
  token: string | null;
  setSessionCookie(token: string, maxAgeSeconds: number): void;
}

/** Per-request context: a forked EntityManager (requests never share an identity map) and who is asking. */
export interface Context {
  em: EntityManager;
  actor: Actor | null;
  user: User | null;
  http?: HttpContext;
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
