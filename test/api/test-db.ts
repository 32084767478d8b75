import { createHash, randomBytes } from 'node:crypto';
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

/** The database a test opens when it asks for a fresh one: in-memory SQLite, or a new PostgreSQL database. */
export async function freshDatabase(): Promise<{ dbName: string; drop(): Promise<void> }> {
  if (!TEST_POSTGRES) return { dbName: ':memory:', drop: async () => {} };
  const { url, drop } = await createTestDatabase();
  return { dbName: url, drop };
}
