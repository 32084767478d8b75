import type { MikroORM } from '@mikro-orm/sqlite';
import { createHash, randomBytes } from 'node:crypto';
import { afterAll } from 'vitest';
import { postgresMigrationsList } from '../../server/src/db/migrations/postgres/index.js';
import { openDatabase } from '../../server/src/db/orm.js';
import { createPostgresDatabase, dropPostgresDatabase, ensurePostgresDatabase } from '../../server/src/db/postgres-admin.js';

/**
 * The PostgreSQL server the API tests run against, when `JIXIAO_TEST_DB` names one
 * (postgres://user:pass@host:port/db, a user that may create databases; scripts/postgres.sh starts one).
 * Unset: the tests run on SQLite, in memory.
 */
export const TEST_POSTGRES: string | null = /^postgres(ql)?:\/\//i.test(process.env.JIXIAO_TEST_DB ?? '') ? process.env.JIXIAO_TEST_DB! : null;

let template: Promise<string> | undefined;

/**
 * The migrated, empty database that test databases are copied from (CREATE DATABASE … TEMPLATE): made
 * once per server and set of migrations (its name carries their hash), by whichever test file asks first.
 */
function migratedTemplate(server: string): Promise<string> {
  const migrations = createHash('sha256');
  for (const { name, class: migration } of postgresMigrationsList) migrations.update(`${name}\n${String(migration)}\n`);
  const name = `jixiao_template_${migrations.digest('hex').slice(0, 16)}`;
  template ??= ensurePostgresDatabase(server, name, async (url) => {
    const orm = await openDatabase(url);
    await orm.close();
  }).then(() => name);
  return template;
}

/**
 * A fresh database on the test server (jixiao_test_<random>), migrated, so test files and tests run in
 * parallel; `drop` removes it (connections still open to it are ended first).
 */
export async function createTestDatabase(server = TEST_POSTGRES, options: { migrated?: boolean } = { migrated: true }): Promise<{ url: string; drop(): Promise<void> }> {
  if (!server) throw new Error('JIXIAO_TEST_DB is not a PostgreSQL URL');
  const name = `jixiao_test_${randomBytes(6).toString('hex')}`;
  const url = await createPostgresDatabase(server, name, options.migrated ? await migratedTemplate(server) : undefined);
  return { url, drop: () => dropPostgresDatabase(server, name) };
}

/** Databases a test has finished with, emptied, for the next test of this file (creating one costs ~0.5 s, emptying ~0.1 s). */
const idle: { name: string; url: string }[] = [];
let finished = false;
afterAll(async () => {
  finished = true;
  const server = TEST_POSTGRES;
  if (server) await Promise.all(idle.splice(0).map(({ name }) => dropPostgresDatabase(server, name)));
});

/** Empties every table (the audit trail's triggers are bypassed, as a superuser may) and restarts the ids: the template's state. */
const EMPTY_ALL = `set session_replication_role = replica;
do $$ begin execute (select 'truncate table ' || string_agg(format('%I', table_name), ', ') || ' restart identity cascade' from information_schema.tables
  where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name <> 'mikro_orm_migrations'); end $$;
set session_replication_role = origin`;

/**
 * The database a test opens when it asks for a fresh one: in-memory SQLite, or an empty migrated
 * PostgreSQL database of its own. `release(orm)`, before the ORM closes, empties the PostgreSQL
 * database for the file's next test (or drops it when it cannot be emptied, or the file is done).
 */
export async function freshDatabase(): Promise<{ dbName: string; release(orm: MikroORM): Promise<void> }> {
  const server = TEST_POSTGRES;
  if (!server) return { dbName: ':memory:', release: async () => {} };
  const database = idle.pop() ?? (await (async () => {
    const name = `jixiao_test_${randomBytes(6).toString('hex')}`;
    return { name, url: await createPostgresDatabase(server, name, await migratedTemplate(server)) };
  })());
  return {
    dbName: database.url,
    async release(orm) {
      if (!finished) {
        try {
          await orm.em.getConnection().execute(EMPTY_ALL);
          idle.push(database);
          return;
        } catch {
          // not a superuser, or the connection is gone: drop it instead
        }
      }
      await orm.close();
      await dropPostgresDatabase(server, database.name);
    },
  };
}
