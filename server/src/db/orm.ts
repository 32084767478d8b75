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
  SqliteConnection,
  SqlitePlatform,
  type Transaction,
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

/** The sqlite3 driver's database handle (node-sqlite3), as knex's pool holds it. */
interface SqliteHandle {
  all(sql: string, params: unknown[], done: (error: Error | null, rows: unknown[]) => void): void;
  run(sql: string, params: unknown[], done: RunCallback): void;
  prepare(sql: string, done: (error: Error | null) => void): SqliteStatement;
  close(done: (error: Error | null) => void): void;
  __knexUid?: string;
  __knexTxId?: string;
}

type RunCallback = (this: { lastID: number; changes: number }, error: Error | null) => void;

/** A prepared statement of that handle: run again and again with new parameters (sqlite3 resets it first). */
interface SqliteStatement {
  all(params: unknown[], done: (error: Error | null, rows: unknown[]) => void): void;
  run(params: unknown[], done: RunCallback): void;
  finalize(done?: () => void): void;
}

/**
 * Statements kept prepared per handle, by SQL text, the least recently used dropped past 256. sqlite3's
 * `all`/`run` on the handle prepare a statement and then finalize it — on the main thread, where
 * sqlite3_finalize waits for the database mutex while another statement runs on the thread pool: the event
 * loop stood still for milliseconds per write under load (issue 12). A kept statement is never finalized
 * until the handle closes, and SQLite parses and plans its text once. Only data statements are kept (a
 * statement run to completion holds no lock); the text of each is fixed with placeholders, so a few hundred
 * cover every query the app sends.
 */
const PREPARED_LIMIT = 256;
const KEEPABLE = /^\s*(select|insert|update|delete|with)\s|^(BEGIN;|COMMIT;|ROLLBACK)$/i;
const preparedOf = new WeakMap<SqliteHandle, Map<string, SqliteStatement>>();

async function preparedStatement(handle: SqliteHandle, sql: string): Promise<SqliteStatement | null> {
  if (!KEEPABLE.test(sql)) return null;
  let kept = preparedOf.get(handle);
  if (!kept) {
    const cache = (kept = new Map());
    preparedOf.set(handle, cache);
    // Closing with statements unfinalized fails (SQLITE_BUSY): finalize them first.
    const close = handle.close.bind(handle);
    handle.close = (done) => {
      for (const statement of cache.values()) statement.finalize();
      cache.clear();
      close(done);
    };
  }
  const statement = kept.get(sql);
  if (statement) {
    kept.delete(sql); // most recently used last
    kept.set(sql, statement);
    return statement;
  }
  const fresh = await new Promise<SqliteStatement>((resolve, reject) => {
    let settled = false;
    const created = handle.prepare(sql, (error) => {
      if (settled) return;
      settled = true;
      if (error) reject(error);
      else resolve(created);
    });
  });
  const cache = preparedOf.get(handle)!;
  if (cache.has(sql)) {
    fresh.finalize(); // prepared meanwhile by a concurrent caller
    return cache.get(sql)!;
  }
  if (cache.size >= PREPARED_LIMIT) {
    const [oldest, dropped] = cache.entries().next().value!;
    cache.delete(oldest);
    dropped.finalize();
  }
  cache.set(sql, fresh);
  return fresh;
}

const INT32 = (value: number) => (value | 0) === value;

/**
 * A statement's SQL for the sqlite3 handle with its parameters bound — strings, 32-bit integers, booleans
 * and nulls — and any other number written into the text as MikroORM's formatQuery writes it (sqlite3
 * binds a larger integer as a REAL, which a TEXT or untyped column would keep as such). So the values
 * stored are exactly those of the formatted statement. Null when the statement needs MikroORM's own
 * formatting (identifier placeholders `??`, escaped `\?`, Dates, Buffers, objects, bigints, or a
 * placeholder count that does not match).
 */
function boundStatement(sql: string, params: readonly unknown[]): { sql: string; params: unknown[] } | null {
  let inline = false;
  for (const value of params) {
    if (value === null || value === undefined || typeof value === 'string' || typeof value === 'boolean') continue;
    if (typeof value !== 'number') return null;
    if (!INT32(value)) inline = true;
  }
  if (sql.includes('??') || sql.includes('\\?')) return null;
  let count = 0;
  for (let at = sql.indexOf('?'); at >= 0; at = sql.indexOf('?', at + 1)) count += 1;
  if (count !== params.length) return null;
  if (!inline) return { sql, params: params as unknown[] };
  let text = '';
  let from = 0;
  const bound: unknown[] = [];
  params.forEach((value) => {
    const at = sql.indexOf('?', from);
    if (typeof value === 'number' && !INT32(value)) {
      text += sql.slice(from, at) + String(value);
    } else {
      text += sql.slice(from, at + 1);
      bound.push(value);
    }
    from = at + 1;
  });
  return { sql: text + sql.slice(from), params: bound };
}

/** knex's sqlite3 dialect's rule (SqliteKnexDialect.isRunQuery): these answer with changes and lastID, not rows. */
function isRunQuery(sql: string): boolean {
  const query = sql.trimStart().slice(0, 12).toLowerCase();
  if ((query.startsWith('insert into') || query.startsWith('update ')) && / returning /i.test(sql)) return false;
  return query.startsWith('insert into') || query.startsWith('update') || query.startsWith('delete') || query.startsWith('truncate');
}

/**
 * MikroORM's SQLite connection, with a statement given as SQL text (every query builder's and every
 * hand-written statement) sent straight to the sqlite3 handle — the transaction's, or one taken from
 * knex's pool of one — with bound parameters. MikroORM's own path formats every value into the text
 * (escaping it: a plan's check list is tens of KB) and runs it through knex's query runner; that was a
 * fifth of a single-indicator write's CPU (issue 12). Same connection, same transaction, same results
 * (transformRawResult), same knex `query` event (the statement counts of test/api/statements.test.ts), the
 * same error message (the formatted statement, then SQLite's). With query logging on, MikroORM's path.
 */
class JixiaoSqliteConnection extends SqliteConnection {
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
    const handle = await client.acquireConnection();
    try {
      client.emit('query', { method: 'raw', sql: statement.sql, bindings: statement.params, __knexUid: handle.__knexUid, __knexTxId: handle.__knexTxId });
      const failed = (error: Error) => {
        error.message = `${this.getPlatform().formatQuery(queryOrKnex as string, params)} - ${error.message}`;
        return error;
      };
      const prepared = await preparedStatement(handle, statement.sql).catch((error: Error) => Promise.reject(failed(error)));
      const result = await new Promise<unknown>((resolve, reject) => {
        const done = (error: Error | null, value: unknown) => (error ? reject(failed(error)) : resolve(value));
        // Read at once: a kept statement's lastID and changes are its next run's afterwards.
        const run: RunCallback = function (error) {
          done(error, { lastID: this.lastID, changes: this.changes });
        };
        if (isRunQuery(statement.sql)) {
          if (prepared) prepared.run(statement.params, run);
          else handle.run(statement.sql, statement.params, run);
        } else if (prepared) prepared.all(statement.params, done);
        else handle.all(statement.sql, statement.params, done);
      });
      return this.transformRawResult<T>(result, method);
    } finally {
      if (!transaction) await (client as KnexPool).releaseConnection(handle);
    }
  }

  /** A transaction without knex's Transaction (SqliteTransaction above); with query logging on, or an isolation level asked for, knex's. */
  override async begin(options: Parameters<SqliteConnection['begin']>[0] = {}): Promise<Knex.Transaction> {
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
}

interface KnexPool {
  acquireConnection(): Promise<SqliteHandle>;
  releaseConnection(handle: SqliteHandle): Promise<void>;
  emit(event: string, data: unknown): boolean;
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
 * reported to knex's `query` listeners as knex words them ("BEGIN;", "COMMIT;", "ROLLBACK").
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

  /** BEGIN on a connection from knex's pool (released again if BEGIN fails). */
  static async begin(root: KnexClient): Promise<SqliteTransaction> {
    const handle = await root.acquireConnection();
    const transaction = new SqliteTransaction(root, handle, null, null);
    try {
      await transaction.statement('BEGIN;');
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

  /** BEGIN, COMMIT and ROLLBACK are kept prepared too: run on the handle, each was a prepare, a step and a finalize. */
  private async statement(sql: string): Promise<void> {
    this.root.emit('query', { method: 'raw', sql, bindings: [], __knexUid: this.handle.__knexUid, __knexTxId: this.handle.__knexTxId });
    const kept = await preparedStatement(this.handle, sql);
    return new Promise((resolve, reject) => {
      const done = (error: Error | null) => (error ? reject(error) : resolve());
      if (kept) kept.run([], done);
      else this.handle.run(sql, [], done);
    });
  }
}

/** MikroORM's SqliteDriver with the connection above. */
export class JixiaoSqliteDriver extends AbstractSqlDriver<JixiaoSqliteConnection, SqlitePlatform> {
  constructor(config: Configuration) {
    super(config, new SqlitePlatform(), JixiaoSqliteConnection, ['knex', 'sqlite3']);
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
    await connection.execute('pragma busy_timeout = 5000');
    // In WAL mode, NORMAL syncs the log at checkpoints, not at every commit: a commit is not fsync'd
    // (issue 12: the fsync was most of a single-indicator write's time holding the one connection). The
    // database stays consistent whatever happens; what an OS crash or power cut (not a crash of the
    // server process) can lose is the last commits before it (docs/scale.md, "Durability").
    await connection.execute('pragma synchronous = normal');
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
