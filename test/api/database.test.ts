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

  it('runs in WAL mode with a busy timeout', async () => {
    const orm = await openDatabase(join(folder, 'wal.sqlite'));
    const connection = orm.em.getConnection();
    expect(await connection.execute('pragma journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    expect(await connection.execute('pragma busy_timeout')).toEqual([{ timeout: 5000 }]);
    await orm.close();
  });
});
