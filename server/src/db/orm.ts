import 'reflect-metadata';
import { Migrator } from '@mikro-orm/migrations';
import { MikroORM, type Options, SqliteDriver } from '@mikro-orm/sqlite';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { AuditSubscriber } from '../modules/audit/audit.subscriber.js';
import { entities } from './entities.js';
import { migrationsList } from './migrations/index.js';

/** Where the database lives: env JIXIAO_DB, else ./data/jixiao.sqlite under the server package. */
export function databasePath(): string {
  const configured = process.env.JIXIAO_DB;
  if (configured === ':memory:') return configured;
  // pnpm runs scripts inside server/; a relative path means relative to where the user typed it.
  if (configured) return resolve(process.env.INIT_CWD ?? process.cwd(), configured);
  return resolve(import.meta.dirname, '../../data/jixiao.sqlite');
}

export function ormOptions(dbName: string): Options {
  return {
    driver: SqliteDriver,
    dbName,
    entities,
    subscribers: [new AuditSubscriber()],
    extensions: [Migrator],
    migrations: { migrationsList, transactional: true, allOrNothing: true, snapshot: false, silent: true },
    // Decorators carry explicit types (tsx emits no metadata), so no reflection is needed.
    discovery: { requireEntitiesArray: true },
    forceUndefined: false,
    debug: process.env.JIXIAO_SQL_DEBUG === '1',
    allowGlobalContext: false,
  };
}

/** Opens the database and brings its schema up to date; a fresh file and an existing one both work. */
export async function openDatabase(dbName: string = databasePath()): Promise<MikroORM> {
  if (dbName !== ':memory:') mkdirSync(dirname(dbName), { recursive: true });
  const orm = await MikroORM.init(ormOptions(dbName));
  const connection = orm.em.getConnection();
  if (dbName !== ':memory:') {
    await connection.execute('pragma journal_mode = wal');
    await connection.execute('pragma busy_timeout = 5000');
  }
  await orm.getMigrator().up();
  return orm;
}

/** An in-memory database built straight from the entities, bypassing migrations: to write and check migrations. */
export async function openFromEntities(): Promise<MikroORM> {
  const orm = await MikroORM.init({ ...ormOptions(':memory:'), extensions: [] });
  await orm.getSchemaGenerator().createSchema();
  return orm;
}
