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

/**
 * Loads for many parents in one query: the field resolvers of a list call this once each, in the same
 * tick, and share one `loadMany` over all their ids (the DataLoader idea, per request).
 */
export function batchLoad<V>(em: EntityManager, key: string, id: number, loadMany: (ids: number[]) => Promise<Map<number, V>>): Promise<V | undefined> {
  let batches = requestBatches.get(em);
  if (!batches) requestBatches.set(em, (batches = new Map()));
  let batch = batches.get(key) as Batch<V> | undefined;
  if (!batch) {
    const ids = new Set<number>();
    const result = new Promise<Map<number, V>>((resolve, reject) => {
      process.nextTick(() => {
        batches!.delete(key);
        loadMany([...ids]).then(resolve, reject);
      });
    });
    batch = { ids, result };
    batches.set(key, batch);
  }
  batch.ids.add(id);
  return batch.result.then((values) => values.get(id));
}

interface Batch<V> {
  ids: Set<number>;
  result: Promise<Map<number, V>>;
}

const requestBatches = new WeakMap<EntityManager, Map<string, Batch<unknown>>>();
