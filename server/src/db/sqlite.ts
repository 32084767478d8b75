import { BetterSqliteKnexDialect } from '@mikro-orm/sqlite';
import { createRequire } from 'node:module';

/**
 * The SQLite driver: better-sqlite3 (synchronous; issue 12). A statement runs on the main thread, start to
 * finish, inside the call — a trivial prepared statement costs ≈ 1 µs, against ≈ 60 µs as a hop through
 * node-sqlite3's thread pool, and a write's statements no longer hold the one connection between turns of
 * the event loop. What a synchronous driver would otherwise take away is kept here, for every statement the
 * app sends (db/orm.ts's connection and transactions, knex's own path, the import's rows writer):
 *
 * - **The event loop keeps turning.** A statement waits for the next turn (`setImmediate`) once the
 *   statements run since the loop last turned have taken `JIXIAO_DB_SLICE_MS` (default 10 ms): a plan
 *   import, a figures rebuild or a paged read is a chain of statements that never blocks other requests for
 *   longer than one slice plus the statement and the computation between two statements (`/healthz` is
 *   answered during a 5,020-indicator import, test/api/concurrent-reads.test.ts). A single write (≈ 7
 *   statements, ≈ 1 ms) never yields.
 * - **A lock held by another process never freezes this one.** SQLite's busy timeout is 0 on every
 *   connection (its busy handler sleeps the calling thread — here the whole server); a statement that meets
 *   SQLITE_BUSY is retried on timers (1, 2, 5, 10, … 100 ms apart, SQLite's own schedule) for up to the
 *   connection's busy timeout (`BUSY_TIMEOUT_MS`, 5 s, `setBusyTimeout`), then fails with SQLite's error as
 *   before ("SQLITE_BUSY: database is locked"; test/api/database.test.ts).
 * - **The same values and errors as node-sqlite3.** A JS integer is bound as an INTEGER (better-sqlite3
 *   binds every number as a REAL: a TEXT or untyped column, JSON functions and `typeof` would see 1.0), a
 *   boolean as 1/0, undefined as NULL; numbers come back as numbers (no safeIntegers: money is micro-units,
 *   far inside 2^53). An error's message reads "SQLITE_CONSTRAINT: UNIQUE constraint failed: …" and its
 *   code is the primary result code, as node-sqlite3 wrote them (better-sqlite3: the bare message and the
 *   extended code, kept as `extendedCode`).
 */

/** better-sqlite3's Database as knex's pool holds it: the part the app uses. */
export interface SqliteHandle {
  prepare(sql: string): SqliteStatement;
  exec(sql: string): unknown;
  close(): unknown;
  __knexUid?: string;
  __knexTxId?: string;
}

/** A prepared statement: `reader` when it returns rows (`all`), else `run`. */
export interface SqliteStatement {
  readonly reader: boolean;
  all(params: unknown[]): unknown[];
  run(params: unknown[]): SqliteRunResult;
}

/** What a statement that returns no rows answers (lastInsertRowid a number: safeIntegers is off). */
export interface SqliteRunResult {
  changes: number;
  lastInsertRowid: number | bigint;
}

/** The longest chain of statements in one turn of the event loop (ms): see above. */
export const SLICE_MS = Math.max(1, Number(process.env.JIXIAO_DB_SLICE_MS) || 10);

/** How long a statement keeps retrying while another connection holds the lock it needs (ms). */
export const BUSY_TIMEOUT_MS = 5000;

const busyTimeouts = new WeakMap<SqliteHandle, number>();

/** This connection's busy timeout (ms; 0: fail at once), like SQLite's `pragma busy_timeout = …` but waiting on timers. */
export function setBusyTimeout(handle: SqliteHandle, ms: number): void {
  busyTimeouts.set(handle, Math.max(0, ms));
}

export function busyTimeout(handle: SqliteHandle): number {
  return busyTimeouts.get(handle) ?? BUSY_TIMEOUT_MS;
}

/**
 * Statements kept prepared per handle, by SQL text, the least recently used dropped past 256: SQLite parses
 * and plans a statement's text once. Only data statements and BEGIN/COMMIT/ROLLBACK are kept; the text of
 * each is fixed with placeholders, so a few hundred cover every query the app sends. (better-sqlite3
 * finalizes a dropped statement when it is collected, and all of a handle's statements when it closes.)
 */
const PREPARED_LIMIT = 256;
const KEEPABLE = /^\s*(select|insert|update|delete|with)\s|^(BEGIN IMMEDIATE;|COMMIT;|ROLLBACK)$/i;
const preparedOf = new WeakMap<SqliteHandle, Map<string, SqliteStatement>>();

function prepared(handle: SqliteHandle, sql: string): SqliteStatement {
  if (!KEEPABLE.test(sql)) return handle.prepare(sql);
  let kept = preparedOf.get(handle);
  if (!kept) preparedOf.set(handle, (kept = new Map()));
  let statement = kept.get(sql);
  if (statement) {
    kept.delete(sql); // most recently used last
  } else {
    statement = handle.prepare(sql);
    if (kept.size >= PREPARED_LIMIT) kept.delete(kept.keys().next().value!);
  }
  kept.set(sql, statement);
  return statement;
}

/** Parameters as node-sqlite3 bound them: integers as INTEGER (a BigInt for better-sqlite3), booleans as 1/0, undefined as NULL. */
export function bindable(params: readonly unknown[]): unknown[] {
  let bound: unknown[] | null = null;
  for (let index = 0; index < params.length; index++) {
    const value = params[index];
    let converted: unknown;
    if (typeof value === 'number') {
      if (!Number.isSafeInteger(value)) continue;
      converted = BigInt(value);
    } else if (typeof value === 'boolean') converted = value ? 1 : 0;
    else if (value === undefined) converted = null;
    else continue;
    (bound ??= params.slice())[index] = converted;
  }
  return bound ?? (params as unknown[]);
}

/** knex's sqlite3 dialect's rule (SqliteKnexDialect.isRunQuery): these answer with changes and lastInsertRowid, not rows. */
export function isRunQuery(sql: string): boolean {
  const query = sql.trimStart().slice(0, 12).toLowerCase();
  if ((query.startsWith('insert into') || query.startsWith('update ')) && / returning /i.test(sql)) return false;
  return query.startsWith('insert into') || query.startsWith('update') || query.startsWith('delete') || query.startsWith('truncate');
}

/** better-sqlite3's error worded as node-sqlite3 worded it ("SQLITE_BUSY: database is locked", code SQLITE_BUSY). */
export function asSqliteError(error: unknown): unknown {
  const failure = error as Error & { code?: unknown; extendedCode?: string };
  if (!(failure instanceof Error) || typeof failure.code !== 'string' || failure.extendedCode !== undefined) return error;
  const primary = /^SQLITE_[A-Z]+/.exec(failure.code)?.[0];
  if (!primary) return error;
  failure.extendedCode = failure.code;
  failure.code = primary;
  if (!failure.message.startsWith(`${primary}:`)) failure.message = `${primary}: ${failure.message}`;
  return failure;
}

/** A statement run to completion now (no waiting, no retry): rows for a reader, the run result for INSERT/UPDATE/DELETE, else []. */
function runNow(handle: SqliteHandle, sql: string, params: readonly unknown[]): unknown[] | SqliteRunResult {
  try {
    const statement = prepared(handle, sql);
    const values = bindable(params);
    if (isRunQuery(sql)) return statement.run(values);
    if (statement.reader) return statement.all(values);
    statement.run(values);
    return [];
  } catch (error) {
    throw asSqliteError(error);
  }
}

/**
 * Runs one statement on the handle at once, when that needs no waiting: this turn's slice not spent, not a
 * checkpoint, and no other connection holding the lock (SQLITE_BUSY: nothing was done). Undefined when it
 * would have to wait: runStatement then runs it as usual.
 */
export function runStatementNow(handle: SqliteHandle, sql: string, params: readonly unknown[] = []): unknown[] | SqliteRunResult | undefined {
  if (sliceSpent() || CHECKPOINT.test(sql)) return undefined;
  try {
    return runNow(handle, sql, params);
  } catch (error) {
    if (isBusy(error)) return undefined;
    throw error;
  }
}

/**
 * Runs one statement on the handle: after the event loop's next turn when this turn's statements have had
 * their slice, and retried on timers while another connection holds the lock (up to the busy timeout).
 */
export async function runStatement(handle: SqliteHandle, sql: string, params: readonly unknown[] = []): Promise<unknown[] | SqliteRunResult> {
  if (sliceSpent()) await nextTurn();
  if (CHECKPOINT.test(sql)) return checkpoint(handle, sql, params);
  return whileBusy(handle, () => runNow(handle, sql, params));
}

const CHECKPOINT = /^\s*pragma\s+wal_checkpoint/i;

/**
 * `pragma wal_checkpoint(…)`: SQLite answers a row with busy = 1 (not an error) when another connection (the
 * checkpointer, a reader) held it up; with its busy handler it would have waited first. Asked again on timers
 * until done or the busy timeout has passed; the last answer either way.
 */
async function checkpoint(handle: SqliteHandle, sql: string, params: readonly unknown[]): Promise<unknown[] | SqliteRunResult> {
  const started = performance.now();
  for (let attempt = 0; ; attempt++) {
    const rows = await whileBusy(handle, () => runNow(handle, sql, params));
    const busy = Array.isArray(rows) && (rows[0] as { busy?: number } | undefined)?.busy === 1;
    const left = started + busyTimeout(handle) - performance.now();
    if (!busy || left <= 0) return rows;
    await new Promise((resolve) => setTimeout(resolve, Math.min(PAUSES[Math.min(attempt, PAUSES.length - 1)], left)));
  }
}

/** SQLite's own busy handler's pauses (sqlite3.c, sqliteDefaultBusyCallback), then 100 ms each. */
const PAUSES = [1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100];

const isBusy = (error: unknown) => {
  const code = (error as { extendedCode?: string; code?: string }).extendedCode ?? (error as { code?: string }).code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_RECOVERY';
};

/** `run` now; on SQLITE_BUSY again after a pause (a timer: other requests run meanwhile) until the busy timeout has passed. */
export async function whileBusy<T>(handle: SqliteHandle, run: () => T | Promise<T>): Promise<T> {
  let started = 0;
  for (let attempt = 0; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (!isBusy(asSqliteError(error))) throw error;
      const limit = busyTimeout(handle);
      const now = performance.now();
      if (attempt === 0) started = now;
      const left = started + limit - now;
      if (left <= 0) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(PAUSES[Math.min(attempt, PAUSES.length - 1)], left)));
    }
  }
}

// The current slice: when the first statement since the event loop last turned ran (a `setImmediate` marks
// the turn's end: it runs once the loop moves on).
let sliceStart = 0;
let inSlice = false;
const endSlice = () => {
  inSlice = false;
};

/** True when this turn's statements have run for SLICE_MS: the caller should wait for the next turn. */
export function sliceSpent(): boolean {
  const now = performance.now();
  if (!inSlice) {
    inSlice = true;
    sliceStart = now;
    setImmediate(endSlice);
    return false;
  }
  return now - sliceStart >= SLICE_MS;
}

/** The event loop's next turn (other requests' I/O and timers run first). */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

const require = createRequire(import.meta.url);

interface KnexQuery {
  sql: string;
  bindings?: unknown[];
  method?: string;
}

/**
 * MikroORM's better-sqlite3 knex dialect, for what still goes through knex (MikroORM's own path with query
 * logging on, schema generation, knex query builders): each connection opened with SQLite's busy timeout at
 * 0, each statement paced and retried as runStatement's, bindings as `bindable`, errors as node-sqlite3's.
 */
export class JixiaoSqliteDialect extends BetterSqliteKnexDialect {
  declare connectionSettings: { filename: string; options?: { readonly?: boolean } };

  override _driver() {
    return require('better-sqlite3');
  }

  async acquireRawConnection(): Promise<SqliteHandle> {
    const Database = (this as unknown as { driver: new (file: string, options: object) => SqliteHandle }).driver;
    return new Database(this.connectionSettings.filename, { readonly: !!this.connectionSettings.options?.readonly, timeout: 0 });
  }

  async _query(connection: SqliteHandle, query: KnexQuery): Promise<unknown> {
    if (sliceSpent()) await nextTurn();
    const run = (super._query as (connection: SqliteHandle, query: KnexQuery) => Promise<unknown>).bind(this);
    try {
      return await whileBusy(connection, () => run(connection, query));
    } catch (error) {
      throw asSqliteError(error);
    }
  }

  _formatBindings(bindings: unknown[] | undefined): unknown[] {
    return bindable((super._formatBindings as (bindings: unknown[] | undefined) => unknown[]).call(this, bindings));
  }
}

/**
 * How often (ms) a worker thread looks at the WAL (env JIXIAO_DB_CHECKPOINT_MS, default 200; 0: SQLite's
 * automatic checkpoints, as before). SQLite checkpoints inside the COMMIT that takes the log past 1,000 pages,
 * copying them into the database file and syncing both: on a synchronous driver that COMMIT stopped the whole
 * server, ≈ 28 ms on average and up to 130–155 ms, about every 150 single-indicator writes (measured on the
 * 200-department file, loaded machine). So the app's connection has `wal_autocheckpoint = 0`, and a thread with
 * its own connection checkpoints when the log has grown since it last looked, PASSIVE: it never waits for a
 * lock, writers go on meanwhile.
 *
 * The log starts over (and stays small) only once a checkpoint has copied all of it, and only such a
 * checkpoint syncs the database file (sqlite3.c, walCheckpoint). Under a steady stream of writes one PASSIVE
 * never gets there: each write (≈ 13 pages) lands while it copies. So the thread checkpoints again at once,
 * each pass copying only what came in during the last, until a pass finds nothing new (at most
 * CATCH_UP_PASSES). At 300 writes/s that takes 3–8 passes, 20–30 ms on the thread, and the log starts over
 * every 200–600 ms (issue 12). Before, the database file went unsynced for seconds; the RESTART that then
 * held writers back paid for syncing all of it (≈ 35 ms of fsync) — and, as writers read before taking the
 * write lock, it often failed after holding them 30 ms, every 200 ms, while the log grew to 135 MB.
 *
 * Where the passes cannot catch up (writes without pause, another process's reader) and the log reaches
 * CHECKPOINT_RESTART_PAGES (16 MB), the thread asks the app for a moment between transactions
 * (`pauseWrites`: the app's one connection taken from its pool, so no transaction of this process is open
 * and new ones queue) and checkpoints with RESTART inside it, waiting at most 20 ms for another process's
 * reader. Crash safety is SQLite's either way.
 */
export const CHECKPOINT_MS = Math.max(0, Number(process.env.JIXIAO_DB_CHECKPOINT_MS ?? 200) || 0);
const CHECKPOINT_RESTART_PAGES = 4000;
const CATCH_UP_PASSES = 10;
/** The longest the app's writes stay paused for a RESTART, whatever happens on the thread's side (ms). */
const RESTART_PAUSE_LIMIT_MS = 1000;

// The checkpointer's code (a worker thread, CommonJS, evaluated: runs the same under tsx and from dist/).
// Messages: 'pause' (thread → app: pause writes, then answer 'paused' or 'not paused'), 'restarted' (thread → app), 'stop'.
const CHECKPOINTER = `
const { parentPort, workerData } = require('node:worker_threads');
const { statSync } = require('node:fs');
const Database = require(workerData.driver);
let db = null;
let seen = 0;
let pausing = false;
const timer = setInterval(() => {
  if (pausing) return;
  try {
    const changed = statSync(workerData.file + '-wal', { throwIfNoEntry: false })?.mtimeMs ?? 0;
    if (!changed || changed === seen) return;
    seen = changed;
    db ??= new Database(workerData.file, { timeout: 0 });
    let log = -1;
    for (let pass = 0; pass < workerData.catchUpPasses; pass++) {
      const [passive] = db.pragma('wal_checkpoint(PASSIVE)');
      if (passive.log === log) return; // nothing written during the last pass: all of the log is in the file
      log = passive.log;
    }
    if (log < workerData.restartPages) return;
    pausing = true;
    parentPort.postMessage('pause');
  } catch {
    // busy or closing: the next look tries again
  }
}, workerData.every);
function restart() {
  try {
    db.pragma('busy_timeout = 20');
    db.pragma('wal_checkpoint(RESTART)');
  } catch {
    // another process's lock: the next look tries again
  } finally {
    try { db.pragma('busy_timeout = 0'); } catch {}
    pausing = false;
    parentPort.postMessage('restarted');
  }
}
parentPort.on('message', (message) => {
  if (message === 'paused') return restart();
  if (message === 'not paused') return void (pausing = false);
  clearInterval(timer);
  try { db?.close(); } catch {}
  parentPort.close();
});
`;

/**
 * Starts the checkpointer of a SQLite file (nothing when CHECKPOINT_MS is 0); `pauseWrites` resolves once no
 * transaction of the app is open and none can start, to a function that lets them go on. `stop()` before the
 * app's connection closes.
 */
export async function startCheckpointer(handle: SqliteHandle, file: string, pauseWrites: () => Promise<() => Promise<void>>): Promise<{ stop(): Promise<void> } | null> {
  if (!CHECKPOINT_MS) return null;
  await runStatement(handle, 'pragma wal_autocheckpoint = 0');
  const { Worker } = await import('node:worker_threads');
  const worker = new Worker(CHECKPOINTER, { eval: true, workerData: { driver: require.resolve('better-sqlite3'), file, every: CHECKPOINT_MS, restartPages: CHECKPOINT_RESTART_PAGES, catchUpPasses: CATCH_UP_PASSES } });
  worker.unref(); // never keeps the process alive
  let stopped = false;
  let restarted: (() => void) | null = null;
  worker.on('message', async (message) => {
    if (message === 'restarted') return restarted?.();
    if (message !== 'pause' || stopped) return;
    let resume: () => Promise<void>;
    try {
      resume = await pauseWrites();
    } catch {
      return worker.postMessage('not paused'); // the connection is closing
    }
    try {
      if (stopped) return;
      const done = new Promise<void>((resolve) => (restarted = resolve));
      worker.postMessage('paused');
      await Promise.race([done, new Promise((resolve) => setTimeout(resolve, RESTART_PAUSE_LIMIT_MS).unref())]);
    } finally {
      restarted = null;
      await resume();
    }
  });
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    async stop() {
      stopped = true;
      restarted?.();
      worker.postMessage('stop');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
    },
  };
}
