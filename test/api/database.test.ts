import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FOREIGN_KEY_INDEXES } from '../../server/src/db/migrations/postgres/index.js';
import { databasePath, openDatabase, openFromEntities, setBusyTimeout } from '../../server/src/db/orm.js';
import { openApi, readFixture } from './harness.js';
import { createTestDatabase, TEST_POSTGRES } from './test-db.js';

const folder = mkdtempSync(join(tmpdir(), 'jixiao-db-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

// On a PostgreSQL run (JIXIAO_TEST_DB) these SQLite checks would only repeat the SQLite run.
describe.skipIf(TEST_POSTGRES)('the SQLite database', () => {
  it('starts fresh, then starts again on the existing file with its data', async () => {
    const file = join(folder, 'nested', 'jixiao.sqlite');
    const first = await openApi(file);
    await first.gql('mutation($d: JSONObject!) { importPlanDocument(document: $d) { userErrors { code } } }', { d: readFixture('shifeng') });
    await first.close();
    const second = await openApi(file);
    expect((await second.gql('{ plans { totalCount } }')).plans.totalCount).toBe(1);
    await second.close();
  });

  it('after the migrations, the tables are exactly what the entities describe', async () => {
    // Columns by name (a migration appends columns where a fresh table would interleave them) and indexes.
    const tables = async (orm: Awaited<ReturnType<typeof openDatabase>>) => {
      const connection = orm.em.getConnection();
      const names = (await connection.execute("select name from sqlite_master where type = 'table' and name not like 'mikro_orm_%' and name not like 'sqlite_%' order by name")) as { name: string }[];
      const shape: Record<string, unknown> = {};
      for (const { name } of names) {
        const columns = (await connection.execute(`pragma table_info(\`${name}\`)`)) as { name: string }[];
        shape[name] = {
          columns: columns.map(({ cid: _cid, ...column }: any) => column).sort((a, b) => a.name.localeCompare(b.name)),
          indexes: await connection.execute(`select name, sql from sqlite_master where type = 'index' and tbl_name = '${name}' order by name`),
          foreignKeys: await connection.execute(`pragma foreign_key_list(\`${name}\`)`),
        };
      }
      return shape;
    };
    const migrated = await openDatabase(':memory:');
    const generated = await openFromEntities();
    expect(await tables(migrated)).toEqual(await tables(generated));
    await Promise.all([migrated.close(), generated.close()]);
  });

  it('runs in WAL mode with a busy timeout: a second writer waits for the first instead of failing, and the process keeps running', async () => {
    const file = join(folder, 'wal.sqlite');
    const [a, b] = [await openDatabase(file), await openDatabase(file)];
    const [first, second] = [a.em.getConnection(), b.em.getConnection()];
    expect(await first.execute('pragma journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    // SQLite's own busy handler would sleep the whole process (better-sqlite3 is synchronous): it is off, and
    // the connection retries on timers instead (db/sqlite.ts).
    expect(await second.execute('pragma busy_timeout')).toEqual([{ timeout: 0 }]);
    expect(await first.execute('pragma synchronous')).toEqual([{ synchronous: 1 }]); // NORMAL: no fsync per commit in WAL mode (docs/scale.md)
    await first.execute('create table busy_probe (writer text)');

    // Without the timeout, a write while another connection holds the write lock fails at once (the control)…
    await setBusyTimeout(b, 0);
    await first.execute('begin immediate');
    await expect(second.execute("insert into busy_probe values ('b')")).rejects.toThrow(/SQLITE_BUSY: database is locked/);
    // …with a short one, after it (SQLite's error, as before)…
    await setBusyTimeout(b, 100);
    await expect(second.execute("insert into busy_probe values ('b')")).rejects.toThrow(/SQLITE_BUSY: database is locked/);
    await first.execute('rollback');
    await setBusyTimeout(b, 5000);

    // …with the default (5 s), the write waits until the lock is released (~300 ms later) and then succeeds,
    // while this process's timers keep firing (the wait does not block the event loop).
    await first.execute('begin immediate');
    await first.execute("insert into busy_probe values ('a')");
    const started = performance.now();
    const waiting = second.execute("insert into busy_probe values ('b')");
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 10);
    await new Promise((done) => setTimeout(done, 300));
    clearInterval(ticker);
    expect(ticks).toBeGreaterThan(5);
    await first.execute('commit');
    await waiting;
    expect(performance.now() - started).toBeGreaterThanOrEqual(250);
    expect(await first.execute('select writer from busy_probe order by rowid')).toEqual([{ writer: 'a' }, { writer: 'b' }]);
    await Promise.all([a.close(), b.close()]);
  }, 20_000);
  it('checkpoints the WAL on a thread of its own, never inside a COMMIT (db/sqlite.ts)', async () => {
    const file = join(folder, 'checkpoint.sqlite');
    const orm = await openDatabase(file);
    const connection = orm.em.getConnection();
    expect(await connection.execute('pragma wal_autocheckpoint')).toEqual([{ wal_autocheckpoint: 0 }]);
    await connection.execute('create table checkpoint_probe (text text)');
    const before = statSync(file).size;
    for (let row = 0; row < 200; row++) await connection.execute('insert into checkpoint_probe values (?)', ['检查点'.repeat(700)]);
    // ≈ 200 pages, written to the WAL; only the checkpointer copies them into the file while the connection is open.
    for (let wait = 0; wait < 100 && statSync(file).size < before + 150 * 4096; wait++) await new Promise((done) => setTimeout(done, 50));
    expect(statSync(file).size).toBeGreaterThanOrEqual(before + 150 * 4096);
    await orm.close();
  }, 20_000);

  it('starts the WAL over while writes keep coming: the checkpointer catches up between them (db/sqlite.ts)', async () => {
    const file = join(folder, 'steady.sqlite');
    const orm = await openDatabase(file);
    const connection = orm.em.getConnection();
    await connection.execute('create table steady_probe (text text)');
    // 3,000 writes of 2.4 KB over a couple of seconds, 5 ms apart in tens; each commit appends at least one
    // 4 KB page to the log. A checkpoint that never catches up leaves the log to grow by all of them (20 MB
    // measured); one that does lets SQLite start it over from the beginning, and the file stays at what a few
    // hundred ms of writes fill (4 MB; 4.4–6.2 MB with the full suite running beside it, so the line is drawn
    // at three quarters of the rows' pages, still far below the 20 MB of a log never started over).
    const rows = 3000;
    for (let row = 0; row < rows; row++) {
      await connection.execute('insert into steady_probe values (?)', ['稳'.repeat(800)]);
      if (row % 10 === 0) await new Promise((done) => setTimeout(done, 5));
    }
    expect(statSync(`${file}-wal`).size).toBeLessThan((rows * 4096 * 3) / 4);
    expect(await connection.execute('select count(*) as count from steady_probe')).toEqual([{ count: rows }]);
    await orm.close();
  }, 30_000);
});

describe.runIf(TEST_POSTGRES)('the PostgreSQL database (JIXIAO_TEST_DB)', () => {
  it('JIXIAO_DB=postgres://… or postgresql://… selects PostgreSQL, unchanged; anything else is a SQLite file', () => {
    const saved = process.env.JIXIAO_DB;
    try {
      for (const url of ['postgres://u:p@127.0.0.1:5432/jixiao', 'postgresql://u@db.example/jixiao?sslmode=require']) {
        process.env.JIXIAO_DB = url;
        expect(databasePath()).toBe(url);
      }
      process.env.JIXIAO_DB = 'data/postgres.sqlite';
      expect(databasePath()).toMatch(/\/data\/postgres\.sqlite$/);
    } finally {
      if (saved === undefined) delete process.env.JIXIAO_DB;
      else process.env.JIXIAO_DB = saved;
    }
  });

  it('starts fresh, then starts again on the existing database with its data', async () => {
    const database = await createTestDatabase(TEST_POSTGRES, { migrated: false });
    try {
      const first = await openApi(database.url);
      await first.gql('mutation($d: JSONObject!) { importPlanDocument(document: $d) { userErrors { code } } }', { d: readFixture('shifeng') });
      await first.close();
      const second = await openApi(database.url);
      expect((await second.gql('{ plans { totalCount } }')).plans.totalCount).toBe(1);
      await second.close();
    } finally {
      await database.drop();
    }
  });

  it('after the PostgreSQL migrations, the tables are exactly what the entities describe, plus an index on each foreign key', async () => {
    type Orm = Awaited<ReturnType<typeof openDatabase>>;
    const shape = async (orm: Orm) => {
      const sql = (text: string) => orm.em.getConnection().execute(text) as Promise<Record<string, unknown>[]>;
      const tables: Record<string, { columns: unknown[]; indexes: Record<string, unknown>; constraints: Record<string, unknown> }> = {};
      const names = await sql("select table_name as name from information_schema.tables where table_schema = current_schema() and table_name not like 'mikro_orm_%' order by 1");
      for (const { name } of names) tables[name as string] = { columns: [], indexes: {}, constraints: {} };
      // Columns by name (a migration appends columns where a fresh table would interleave them).
      for (const column of await sql(
        "select table_name, column_name, data_type, character_maximum_length, is_nullable, column_default from information_schema.columns where table_schema = current_schema() and table_name not like 'mikro_orm_%' order by table_name, column_name",
      )) {
        const { table_name, ...rest } = column;
        tables[table_name as string].columns.push(rest);
      }
      for (const { tablename, indexname, indexdef } of await sql("select tablename, indexname, indexdef from pg_indexes where schemaname = current_schema() and tablename not like 'mikro_orm_%'")) {
        tables[tablename as string].indexes[indexname as string] = indexdef;
      }
      for (const { table, name, definition } of await sql(
        "select conrelid::regclass::text as table, conname as name, pg_get_constraintdef(oid) as definition from pg_constraint where connamespace = current_schema()::regnamespace and conrelid::regclass::text not like 'mikro_orm_%'",
      )) {
        tables[(table as string).replace(/"/g, '')].constraints[name as string] = definition;
      }
      return tables;
    };
    const [migratedDb, generatedDb] = [await createTestDatabase(), await createTestDatabase(TEST_POSTGRES, { migrated: false })];
    const migrated = await openDatabase(migratedDb.url);
    const generated = await openFromEntities(generatedDb.url);
    try {
      const [fromMigrations, fromEntities] = [await shape(migrated), await shape(generated)];
      for (const [table, columns] of FOREIGN_KEY_INDEXES) {
        const name = `${table}_${columns.join('_')}_index`;
        expect(fromMigrations[table].indexes[name], name).toBeDefined();
        delete fromMigrations[table].indexes[name];
      }
      expect(Object.keys(fromEntities).length).toBeGreaterThanOrEqual(12);
      expect(fromMigrations).toEqual(fromEntities);
      // The audit trail's append-only triggers.
      const triggers = await migrated.em.getConnection().execute("select tgname from pg_trigger where tgrelid = 'audit_entry'::regclass and not tgisinternal order by 1");
      expect(triggers.map((row: { tgname: string }) => row.tgname)).toEqual(['audit_entry_no_delete', 'audit_entry_no_truncate', 'audit_entry_no_update']);
      await expect(migrated.em.getConnection().execute('truncate audit_entry')).rejects.toThrow(/append-only/);
    } finally {
      await Promise.all([migrated.close(), generated.close()]);
      await Promise.all([migratedDb.drop(), generatedDb.drop()]);
    }
  });
});
