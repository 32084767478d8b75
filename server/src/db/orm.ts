import 'reflect-metadata';
import { Migrator } from '@mikro-orm/migrations';
import { type Dictionary, MikroORM as CoreMikroORM, type Configuration, type Options as CoreOptions } from '@mikro-orm/core';
import { AbstractSqlDriver, PostgreSqlConnection, PostgreSqlPlatform } from '@mikro-orm/postgresql';
import { type EntityManager, type MikroORM, type Options, SqliteDriver } from '@mikro-orm/sqlite';
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
          driver: SqliteDriver,
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
