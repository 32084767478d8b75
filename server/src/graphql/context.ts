import type { EntityManager } from '@mikro-orm/sqlite';
import type { Actor } from '../modules/user/access.js';

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
  http?: HttpContext;
}

/**
 * Work computed once per request and shared by the fields that need it (a plan's gaps, roll-ups and
 * checks). A mutation forgets it, so the payload is computed from what was just written.
 */
interface Memo {
  promise: Promise<unknown>;
  settled: boolean;
  value?: unknown;
}

const requestMemos = new WeakMap<EntityManager, Map<string, Memo>>();

export function memoised<T>(em: EntityManager, key: string, compute: () => Promise<T>): Promise<T> {
  let memos = requestMemos.get(em);
  if (!memos) requestMemos.set(em, (memos = new Map()));
  let memo = memos.get(key);
  if (!memo) {
    const entry: Memo = { promise: compute(), settled: false };
    entry.promise.then(
      (value) => {
        entry.settled = true;
        entry.value = value;
      },
      () => undefined, // the caller sees the rejection through `promise`
    );
    memos.set(key, (memo = entry));
  }
  return memo.promise as Promise<T>;
}

/**
 * The value of a memo that has already resolved, else undefined: a field resolver returns it synchronously
 * instead of awaiting the memo again (graphql-js then completes the field without a promise per field).
 */
export function settledMemo<T>(em: EntityManager, key: string): T | undefined {
  const memo = requestMemos.get(em)?.get(key);
  return memo?.settled ? (memo.value as T) : undefined;
}

/** Whether the request has started (or finished) computing a memo. */
export function hasMemo(em: EntityManager, key: string): boolean {
  return requestMemos.get(em)?.has(key) ?? false;
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
