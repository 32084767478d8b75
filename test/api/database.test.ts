import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, openFromEntities } from '../../server/src/db/orm.js';
import { openApi, readFixture } from './harness.js';

const folder = mkdtempSync(join(tmpdir(), 'jixiao-db-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('the SQLite database', () => {
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

  it('runs in WAL mode with a busy timeout: a second writer waits for the first instead of failing', async () => {
    const file = join(folder, 'wal.sqlite');
    const [a, b] = [await openDatabase(file), await openDatabase(file)];
    const [first, second] = [a.em.getConnection(), b.em.getConnection()];
    expect(await first.execute('pragma journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    expect(await second.execute('pragma busy_timeout')).toEqual([{ timeout: 5000 }]);
    await first.execute('create table busy_probe (writer text)');

    // Without the timeout, a write while another connection holds the write lock fails at once (the control)…
    await second.execute('pragma busy_timeout = 0');
    await first.execute('begin immediate');
    await expect(second.execute("insert into busy_probe values ('b')")).rejects.toThrow(/SQLITE_BUSY/);
    await first.execute('rollback');
    await second.execute('pragma busy_timeout = 5000');

    // …with it, the write waits until the lock is released (~300 ms later) and then succeeds.
    await first.execute('begin immediate');
    await first.execute("insert into busy_probe values ('a')");
    const started = performance.now();
    const waiting = second.execute("insert into busy_probe values ('b')");
    await new Promise((done) => setTimeout(done, 300));
    await first.execute('commit');
    await waiting;
    expect(performance.now() - started).toBeGreaterThanOrEqual(250);
    expect(await first.execute('select writer from busy_probe order by rowid')).toEqual([{ writer: 'a' }, { writer: 'b' }]);
    await Promise.all([a.close(), b.close()]);
  }, 20_000);
});
