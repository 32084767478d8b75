import 'reflect-metadata';
import { Migrator } from '@mikro-orm/migrations';
import { type Dictionary, MikroORM as CoreMikroORM, type Configuration, type Options as CoreOptions } from '@mikro-orm/core';
import { AbstractSqlDriver, PostgreSqlConnection, PostgreSqlPlatform } from '@mikro-orm/postgresql';
import {
  type AnyEntity,
  type EntityData,
  type EntityManager,
  EventType,
  type Knex,
  type LogContext,
  type LoggingOptions,
  type MikroORM,
  type Options,
  type QueryResult,
  SqlitePlatform,
  type Transaction,
  BaseSqliteConnection,
  type TransactionEventBroadcaster,
  type TransactionEventType,
} from '@mikro-orm/sqlite';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { AuditSubscriber } from '../modules/audit/audit.subscriber.js';
import { outdatedFigurePlans, rebuildFigures } from '../modules/plan/plan-figures.store.js';
import { entities } from './entities.js';
import { migrationsList } from './migrations/index.js';
import { postgresMigrationsList } from './migrations/postgres/index.js';
import { onPostgresServer } from './postgres-admin.js';
import { JixiaoSqliteDialect, runStatement, runStatementNow, setBusyTimeout as setHandleBusyTimeout, type SqliteHandle, startCheckpointer } from './sqlite.js';

/** A PostgreSQL connection URL (`postgres://user:pass@host:5432/db` or `postgresql://…`), as opposed to a SQLite file. */
export function isPostgresUrl(dbName: string): boolean {
  return /^postgres(ql)?:\/\//i.test(dbName);
}

export { isPostgres } from './dialect.js';

/**
 * Where the database lives: env JIXIAO_DB — a PostgreSQL URL, or a SQLite file (default
 * ./data/jixiao.sqlite under the server package; `:memory:` in tests).
 */
export function databasePath(): string {
  const configured = process.env.JIXIAO_DB;
  if (configured === ':memory:') return configured;
  if (configured && isPostgresUrl(configured)) return configured;
  // pnpm runs scripts inside server/; a relative path means relative to where the user typed it.
  if (configured) return resolve(process.env.INIT_CWD ?? process.cwd(), configured);
  return resolve(import.meta.dirname, '../../data/jixiao.sqlite');
}

/**
 * PostgreSQL returns bigint (int8) columns and count(*) as strings, where SQLite returns numbers. Money
 * is micro-units in bigint columns, far inside 2^53 (9 × 10^9 万元), so the connection reads int8 as a
 * number and the code sees the same values on both databases. A value past 2^53 stays a string.
 * (sum() of bigint is numeric and stays a string: convert it with BigInt.)
 */
class JixiaoPostgreSqlConnection extends PostgreSqlConnection {
  override getConnectionOptions(): Dictionary {
    const options = super.getConnectionOptions();
    (options.types as unknown as { setTypeParser(oid: number, parse: (text: string) => unknown): void }).setTypeParser(20, (text: string) => {
      const value = Number(text);
      return Number.isSafeInteger(value) ? value : text;
    });
    return options;
  }
}

/** MikroORM's PostgreSqlDriver with the connection above. */
export class JixiaoPostgreSqlDriver extends AbstractSqlDriver<JixiaoPostgreSqlConnection, PostgreSqlPlatform> {
  constructor(config: Configuration) {
    super(config, new PostgreSqlPlatform(), JixiaoPostgreSqlConnection, ['knex', 'pg']);
  }
}

/** A knex transaction as MikroORM hands it around (em.getTransactionContext()). */
interface KnexTransaction {
  client: { acquireConnection(): Promise<SqliteHandle>; emit(event: string, data: unknown): boolean };
  isCompleted(): boolean;
}

/**
 * A statement given as SQL text with bound parameters, as the connection sends it to better-sqlite3 (db/sqlite.ts
 * binds integers as INTEGER, booleans as 1/0, undefined as NULL: the values stored are those of MikroORM's
 * formatted statement). Null when the statement needs MikroORM's own formatting (identifier placeholders
 * `??`, escaped `\?`, Dates, objects, or a placeholder count that does not match).
 */
function boundStatement(sql: string, params: readonly unknown[]): { sql: string; params: readonly unknown[] } | null {
  for (const value of params) {
    if (value === null || value === undefined) continue;
    const type = typeof value;
    if (type !== 'string' && type !== 'number' && type !== 'boolean' && type !== 'bigint') return null;
  }
  if (sql.includes('??') || sql.includes('\\?')) return null;
  let count = 0;
  for (let at = sql.indexOf('?'); at >= 0; at = sql.indexOf('?', at + 1)) count += 1;
  if (count !== params.length) return null;
  return { sql, params };
}

/**
 * MikroORM's SQLite connection on better-sqlite3 (db/sqlite.ts: the knex dialect, pacing, busy retries), with a
 * statement given as SQL text (every query builder's and every hand-written statement) run straight on the
 * handle — the transaction's, or one taken from knex's pool of one — as a kept prepared statement with bound
 * parameters. MikroORM's own path formats every value into the text (escaping it: a plan's check list is tens
 * of KB) and runs it through knex's query runner; that was a fifth of a single-indicator write's CPU (issue
 * 12). Same connection, same transaction, same results (transformRawResult), same knex `query` event (the
 * statement counts of test/api/statements.test.ts), the same error message (the formatted statement, then
 * SQLite's). With query logging on, MikroORM's path.
 */
class JixiaoSqliteConnection extends BaseSqliteConnection {
  override createKnex(): void {
    const self = this as unknown as { client: Knex; connected: boolean; createKnexClient(dialect: unknown): Knex };
    self.client = self.createKnexClient(JixiaoSqliteDialect);
    self.connected = true;
  }

  override async execute<T extends QueryResult | EntityData<AnyEntity> | EntityData<AnyEntity>[] = EntityData<AnyEntity>[]>(
    queryOrKnex: string | Knex.QueryBuilder | Knex.Raw,
    params: unknown[] = [],
    method: 'all' | 'get' | 'run' = 'all',
    ctx?: Transaction,
    loggerContext?: LoggingOptions,
  ): Promise<T> {
    const transaction = ctx as unknown as KnexTransaction | undefined;
    const statement =
      typeof queryOrKnex === 'string' && !(transaction && transaction.isCompleted()) && !this.config.getLogger().isEnabled('query') ? boundStatement(queryOrKnex, params) : null;
    if (!statement) return super.execute<T>(queryOrKnex, params, method, ctx, loggerContext);
    await this.ensureConnection();
    const client = transaction ? transaction.client : (this.getKnex().client as unknown as KnexPool);
    const withMessage = (error: Error) => {
      error.message = `${this.getPlatform().formatQuery(queryOrKnex as string, params)} - ${error.message}`;
      return error;
    };
    const idle = transaction ? null : idleConnection(client as KnexPool);
    if (idle) {
      // Nothing holds or awaits the pool's one connection, and the statement runs synchronously: no other
      // statement or transaction can come between, so it needs no acquire and release through the pool
      // (tarn's pending operation, its promise and timeout: issue 12, ≈ 5 % of a small read's main-thread samples). Autocommit, as through the pool.
      let result: ReturnType<typeof runStatementNow>;
      try {
        result = runStatementNow(idle, statement.sql, statement.params);
      } catch (error) {
        throw withMessage(error as Error);
      }
      if (result !== undefined) {
        client.emit('query', { method: 'raw', sql: statement.sql, bindings: statement.params, __knexUid: idle.__knexUid, __knexTxId: idle.__knexTxId });
        return this.transformRawResult<T>(result, method);
      }
    }
    const handle = await client.acquireConnection();
    try {
      client.emit('query', { method: 'raw', sql: statement.sql, bindings: statement.params, __knexUid: handle.__knexUid, __knexTxId: handle.__knexTxId });
      const result = await runStatement(handle, statement.sql, statement.params).catch((error: Error) => {
        throw withMessage(error);
      });
      return this.transformRawResult<T>(result, method);
    } finally {
      if (!transaction) await (client as KnexPool).releaseConnection(handle);
    }
  }

  /** A transaction without knex's Transaction (SqliteTransaction above); with query logging on, or an isolation level asked for, knex's. */
  override async begin(options: Parameters<BaseSqliteConnection['begin']>[0] = {}): Promise<Knex.Transaction> {
    const parent = options.ctx as unknown;
    if (this.config.getLogger().isEnabled('query') || options.isolationLevel || options.readOnly || (parent && !(parent instanceof SqliteTransaction))) return super.begin(options);
    if (parent) return (await (parent as SqliteTransaction).savepoint()) as unknown as Knex.Transaction;
    await options.eventBroadcaster?.dispatchEvent(EventType.beforeTransactionStart);
    const transaction = await SqliteTransaction.begin(this.getKnex().client as unknown as KnexClient);
    await options.eventBroadcaster?.dispatchEvent(EventType.afterTransactionStart, transaction);
    return transaction as unknown as Knex.Transaction;
  }

  override commit(ctx: Knex.Transaction, eventBroadcaster?: TransactionEventBroadcaster, loggerContext?: LogContext): Promise<void> {
    if (!(ctx instanceof SqliteTransaction)) return super.commit(ctx, eventBroadcaster, loggerContext);
    return this.end(ctx, 'commit', eventBroadcaster, EventType.beforeTransactionCommit, EventType.afterTransactionCommit);
  }

  override rollback(ctx: Knex.Transaction, eventBroadcaster?: TransactionEventBroadcaster, loggerContext?: LogContext): Promise<void> {
    if (!(ctx instanceof SqliteTransaction)) return super.rollback(ctx, eventBroadcaster, loggerContext);
    return this.end(ctx, 'rollback', eventBroadcaster, EventType.beforeTransactionRollback, EventType.afterTransactionRollback);
  }

  /** Ends one of our transactions; only the outermost one (not a savepoint) tells the listeners. */
  private async end(transaction: SqliteTransaction, how: 'commit' | 'rollback', broadcaster: TransactionEventBroadcaster | undefined, before: TransactionEventType, after: TransactionEventType): Promise<void> {
    const ctx = transaction as unknown as Knex.Transaction;
    const root = !transaction.parent;
    if (root) await broadcaster?.dispatchEvent(before, ctx);
    await transaction[how]();
    if (root) await broadcaster?.dispatchEvent(after, ctx);
  }

  private checkpointer: { stop(): Promise<void> } | null = null;

  /** Checkpoints the WAL on a thread of its own (db/sqlite.ts, CHECKPOINT_MS): SQLite's in a COMMIT stopped the server. */
  async startCheckpointer(file: string): Promise<void> {
    await this.ensureConnection();
    const client = this.getKnex().client as unknown as KnexPool;
    const handle = await client.acquireConnection();
    try {
      this.checkpointer ??= await startCheckpointer(handle, file, async () => {
        const held = await client.acquireConnection(); // the pool's one connection: waits for the open transaction
        return () => client.releaseConnection(held);
      });
    } finally {
      await client.releaseConnection(handle);
    }
  }

  override async close(force?: boolean): Promise<void> {
    const checkpointer = this.checkpointer;
    this.checkpointer = null;
    await checkpointer?.stop();
    return super.close(force);
  }

  /** This connection's busy timeout (ms): how long a statement retries while another process holds the lock (db/sqlite.ts). */
  async setBusyTimeout(ms: number): Promise<void> {
    await this.ensureConnection();
    const client = this.getKnex().client as unknown as KnexPool;
    const handle = await client.acquireConnection();
    setHandleBusyTimeout(handle, ms);
    await client.releaseConnection(handle);
  }
}

interface KnexPool {
  acquireConnection(): Promise<SqliteHandle>;
  releaseConnection(handle: SqliteHandle): Promise<void>;
  emit(event: string, data: unknown): boolean;
  /** knex's tarn pool: SQLite's holds one connection. */
  pool?: { numUsed(): number; numPendingAcquires(): number; free: { resource: SqliteHandle }[] };
}

/** The pool's connection when it is free and nobody waits for it (a transaction or an acquire in line goes first), else null. */
function idleConnection(client: KnexPool): SqliteHandle | null {
  const pool = client.pool;
  if (!pool || pool.numUsed() !== 0 || pool.numPendingAcquires() !== 0) return null;
  return pool.free.length === 1 ? pool.free[0].resource : null;
}

/** knex's client as a transaction's client is made from it (knex/lib/execution/transaction.js, makeTxClient). */
interface KnexClient extends KnexPool {
  constructor: { prototype: object };
  version?: unknown;
  config: unknown;
  driver: unknown;
  connectionSettings: unknown;
  valueForUndefined: unknown;
  logger: unknown;
  query(handle: SqliteHandle, query: unknown): Promise<unknown>;
  on(event: string, listener: (...args: unknown[]) => void): unknown;
}

/**
 * A SQLite transaction without knex's Transaction: its client is the one knex makes for a transaction (the
 * held connection, every query builder's and raw query's `.transacting(ctx)` runs on it), and BEGIN, COMMIT,
 * ROLLBACK and savepoints are statements on that connection. knex builds a whole knex instance per
 * transaction (makeKnex: a hundred properties, listeners, promises): 0.45 ms of CPU and its garbage for
 * every mutation (issue 12). Nested transactions are savepoints, as knex makes them. The statements are
 * reported to knex's `query` listeners as they run ("BEGIN IMMEDIATE;", "COMMIT;", "ROLLBACK").
 *
 * BEGIN IMMEDIATE takes the write lock before the transaction reads anything. A deferred BEGIN read first
 * and asked for the lock at its first write: meanwhile it held a snapshot that another connection's RESTART
 * checkpoint then waited on (db/sqlite.ts), and a write committed by another process in between made its
 * own write fail (SQLITE_BUSY_SNAPSHOT). Now a transaction that meets the lock held waits before it has read
 * (whileBusy's timers) and holds nothing while it does.
 */
class SqliteTransaction {
  readonly client: KnexClient;
  private completed = false;
  private savepoints = 0;

  private constructor(
    private readonly root: KnexClient,
    readonly handle: SqliteHandle,
    readonly parent: SqliteTransaction | null,
    readonly savepointName: string | null,
  ) {
    const client = Object.create(root.constructor.prototype) as KnexClient;
    Object.assign(client, {
      version: root.version,
      config: root.config,
      driver: root.driver,
      connectionSettings: root.connectionSettings,
      transacting: true,
      valueForUndefined: root.valueForUndefined,
      logger: root.logger,
    });
    client.on('query', (query: unknown) => root.emit('query', query));
    const query = client.query;
    client.query = (connection: SqliteHandle, statement: unknown) => {
      if (connection !== handle) return Promise.reject(new Error('Invalid connection for transaction query.'));
      if (this.isCompleted()) return Promise.reject(new Error('Transaction query already complete, run with DEBUG=knex:tx for more info'));
      return query.call(client, connection, statement);
    };
    client.acquireConnection = () => Promise.resolve(handle);
    client.releaseConnection = () => Promise.resolve();
    this.client = client;
  }

  /** BEGIN IMMEDIATE on a connection from knex's pool (released again if BEGIN fails). */
  static async begin(root: KnexClient): Promise<SqliteTransaction> {
    const handle = await root.acquireConnection();
    const transaction = new SqliteTransaction(root, handle, null, null);
    try {
      await transaction.statement('BEGIN IMMEDIATE;');
    } catch (error) {
      await root.releaseConnection(handle);
      throw error;
    }
    return transaction;
  }

  /** A savepoint inside this transaction, released by commit and rolled back to by rollback. */
  async savepoint(): Promise<SqliteTransaction> {
    this.savepoints += 1;
    const name = `${this.savepointName ?? 'trx'}_${this.savepoints}`;
    await this.statement(`savepoint ${name}`);
    return new SqliteTransaction(this.root, this.handle, this, name);
  }

  isCompleted(): boolean {
    return this.completed || (this.parent?.isCompleted() ?? false);
  }

  async commit(): Promise<void> {
    if (this.completed) return;
    try {
      await this.statement(this.savepointName ? `release savepoint ${this.savepointName}` : 'COMMIT;');
    } catch (error) {
      if (!this.savepointName) await this.statement('ROLLBACK').catch(() => undefined); // leave no transaction open on the connection
      throw error;
    } finally {
      await this.complete();
    }
  }

  async rollback(): Promise<void> {
    if (this.completed) return;
    try {
      await this.statement(this.savepointName ? `rollback to savepoint ${this.savepointName}` : 'ROLLBACK');
    } finally {
      await this.complete();
    }
  }

  private async complete(): Promise<void> {
    this.completed = true;
    if (!this.parent) await this.root.releaseConnection(this.handle);
  }

  /** BEGIN, COMMIT and ROLLBACK are kept prepared too (db/sqlite.ts). */
  private async statement(sql: string): Promise<void> {
    this.root.emit('query', { method: 'raw', sql, bindings: [], __knexUid: this.handle.__knexUid, __knexTxId: this.handle.__knexTxId });
    await runStatement(this.handle, sql);
  }
}

/** MikroORM's SqliteDriver with the connection above. */
export class JixiaoSqliteDriver extends AbstractSqlDriver<JixiaoSqliteConnection, SqlitePlatform> {
  constructor(config: Configuration) {
    super(config, new SqlitePlatform(), JixiaoSqliteConnection, ['knex', 'better-sqlite3']);
  }
}

export function ormOptions(dbName: string): Options {
  const postgres = isPostgresUrl(dbName);
  const options: CoreOptions = {
    ...(postgres
      ? {
          driver: JixiaoPostgreSqlDriver,
          clientUrl: dbName,
          // One app server: a handful of connections (the event loop computes; the database is rarely the wait).
          // Several app servers share PostgreSQL's max_connections (100 by default): see docs/scale.md.
          pool: { min: 0, max: Number(process.env.JIXIAO_DB_POOL) || 10 },
        }
      : {
          driver: JixiaoSqliteDriver,
          dbName,
          // SQLite has one connection: a statement queued behind a long synchronous computation (a whole-plan
          // read's figures) or a plan import's transaction waits; it must not fail after knex's default 60 s
          // (issue 12: half of eight concurrent big-plan reads did). Plan reads are also queued (plan-content.ts).
          driverOptions: { acquireConnectionTimeout: 10 * 60_000 },
        }),
    entities,
    subscribers: [new AuditSubscriber()],
    extensions: [Migrator],
    migrations: { migrationsList: postgres ? postgresMigrationsList : migrationsList, transactional: true, allOrNothing: true, snapshot: false, silent: true },
    // Decorators carry explicit types (tsx emits no metadata), so no reflection is needed.
    discovery: { requireEntitiesArray: true },
    forceUndefined: false,
    debug: process.env.JIXIAO_SQL_DEBUG === '1',
    allowGlobalContext: false,
  };
  // The rest of the code is typed against the SQLite flavour of MikroORM; both drivers are knex-based SQL drivers.
  return options as Options;
}

/** Opens the database and brings its schema up to date; a fresh file and an existing one both work. */
export async function openDatabase(dbName: string = databasePath()): Promise<MikroORM> {
  const postgres = isPostgresUrl(dbName);
  if (!postgres && dbName !== ':memory:') mkdirSync(dirname(dbName), { recursive: true });
  const orm = (await CoreMikroORM.init(ormOptions(dbName))) as unknown as MikroORM;
  if (!postgres && dbName !== ':memory:') {
    const connection = orm.em.getConnection();
    await connection.execute('pragma journal_mode = wal');
    // No `pragma busy_timeout`: SQLite's busy handler would sleep the whole server. Every connection is opened
    // with it at 0 and a statement meeting another process's lock is retried on timers for up to 5 s
    // (db/sqlite.ts, BUSY_TIMEOUT_MS), then fails with SQLITE_BUSY as before.
    // In WAL mode, NORMAL syncs the log at checkpoints, not at every commit: a commit is not fsync'd
    // (issue 12: the fsync was most of a single-indicator write's time holding the one connection). The
    // database stays consistent whatever happens; what an OS crash or power cut (not a crash of the
    // server process) can lose is the last commits before it (docs/scale.md, "Durability").
    await connection.execute('pragma synchronous = normal');
    // A 2 MB page cache, as node-sqlite3's build had (better-sqlite3 builds SQLite with 16 MB): the same
    // memory as before, and a large import's uncommitted pages spill into the WAL as they did
    // (test/api/crash-safety.test.ts).
    await connection.execute('pragma cache_size = -2000');
    await (connection as unknown as JixiaoSqliteConnection).startCheckpointer(dbName);
  }
  const migrate = async () => {
    await orm.getMigrator().up();
    // An existing database is never read with missing figures: plans stored before (or by an older
    // figure code) are computed now.
    const em = orm.em.fork() as EntityManager;
    await rebuildFigures(em, await outdatedFigurePlans(em));
  };
  if (postgres) {
    // Several app servers may start at once on one database: one migrates (and fills the figures), the
    // others wait for it, then find nothing to do.
    await onPostgresServer(dbName, async (sql) => {
      await sql('select pg_advisory_lock(?)', [MIGRATION_LOCK]);
      try {
        await migrate();
      } finally {
        await sql('select pg_advisory_unlock(?)', [MIGRATION_LOCK]);
      }
    });
  } else {
    await migrate();
  }
  return orm;
}

/**
 * How long this SQLite database's statements keep retrying while another process holds the lock they need
 * (ms; 0: fail at once with SQLITE_BUSY). 5 s unless set (db/sqlite.ts). Not for PostgreSQL.
 */
export async function setBusyTimeout(orm: MikroORM, ms: number): Promise<void> {
  await (orm.em.getConnection() as unknown as JixiaoSqliteConnection).setBusyTimeout(ms);
}

/** The advisory lock key that serialises migrations on one PostgreSQL database ("jixiao" in ASCII, in a 64-bit key). */
const MIGRATION_LOCK = 0x6a6978696130;

/**
 * A database built straight from the entities, bypassing migrations: to write and check migrations.
 * In memory for SQLite; for PostgreSQL, in the (empty) database the URL names.
 */
export async function openFromEntities(dbName = ':memory:'): Promise<MikroORM> {
  const orm = (await CoreMikroORM.init({ ...ormOptions(dbName), extensions: [] })) as unknown as MikroORM;
  await orm.getSchemaGenerator().createSchema();
  return orm;
}
