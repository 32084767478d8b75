// Proof that a change to the import path writes the same database (issue 12): imports the fixtures and a
// sample of generated departments through `importFiles` (what `pnpm cli import` runs, several files per
// command), re-imports some of them (the replace path, with a reason), imports a few more a transaction
// each (as the GraphQL mutation does), then prints every table's rows in id order, without the clock's
// columns (created_at, updated_at, audit `at`) and with each replaced document unzipped. Run it before and
// after a change and diff the outputs:
//   pnpm --filter @jixiao/server exec tsx bench/import-identity.ts > before.jsonl   (IDENTITY_DEPARTMENTS=60)
import 'reflect-metadata';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { EntityManager } from '@mikro-orm/sqlite';
import { openDatabase } from '../src/db/orm.js';
import { importFiles } from '../src/cli/main.js';
import { withAuditScope } from '../src/modules/audit/audit-scope.js';
import { importPlanDocument } from '../src/modules/plan-document/plan-document.service.js';
import { type Actor, bindActor } from '../src/modules/user/access.js';
import { Role } from '../src/modules/user/user.entity.js';
import { departmentDocument, FIXTURES_DIR, loadVocabulary } from './province/generate.js';

const DEPARTMENTS = Number(process.env.IDENTITY_DEPARTMENTS ?? 60);
const folder = mkdtempSync(join(tmpdir(), 'jixiao-identity-'));
const vocabulary = loadVocabulary();
const write = (name: string, document: unknown) => {
  const path = join(folder, name);
  writeFileSync(path, JSON.stringify(document));
  return path;
};
const generated = Array.from({ length: DEPARTMENTS }, (_, index) => write(`department-${index}.json`, departmentDocument(index, vocabulary, 7)));
const fixtures = ['shifeng-2021-targets.json', 'yanfeng-2024-self-evaluation.json'].map((name) => join(FIXTURES_DIR, name));

const orm = await openDatabase(join(folder, 'identity.sqlite'));
const quiet = () => {};
await importFiles(orm as never, fixtures, quiet);
for (let first = 0; first < generated.length; first += 25) await importFiles(orm as never, generated.slice(first, first + 25), quiet);
// Replacing: the fixtures and every fifth department again, in one command, with a reason.
await importFiles(orm as never, [...fixtures, ...generated.filter((_, index) => index % 5 === 0)], quiet, '重新导入 (identity check)');
// A transaction per document, as the GraphQL mutation runs the service.
const ADMIN: Actor = { id: 0, name: '校验 (identity)', role: Role.ADMIN, departmentIds: [] };
for (let index = DEPARTMENTS; index < DEPARTMENTS + 5; index++) {
  await withAuditScope({ userId: null, userName: ADMIN.name }, () =>
    orm.em.fork().transactional(async (em) => {
      bindActor(em as EntityManager, ADMIN);
      await importPlanDocument(em as EntityManager, departmentDocument(index, vocabulary, 7));
    }),
  );
}

const CLOCK = new Set(['created_at', 'updated_at', 'at', 'approval_opinion_at']);
const connection = orm.em.getConnection();
const tables = (await connection.execute<{ name: string }[]>("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not in ('mikro_orm_migrations', 'session') order by name")).map((row) => row.name);
for (const table of tables) {
  // Each value's storage class too (a number stored as INTEGER or REAL reads back the same).
  const columns = (await connection.execute<{ name: string }[]>(`select name from pragma_table_info('${table}')`)).map((column) => column.name);
  const types = columns.map((column) => `substr(typeof("${column}"), 1, 1)`).join(' || ');
  const rows = await connection.execute<Record<string, unknown>[]>(`select *, ${types} as "storage classes" from "${table}" order by rowid`);
  for (const row of rows) {
    const out: Record<string, unknown> = { table };
    for (const [column, value] of Object.entries(row)) {
      if (CLOCK.has(column)) continue;
      out[column] = Buffer.isBuffer(value) ? gunzipSync(value).toString('utf8') : value;
    }
    console.log(JSON.stringify(out));
  }
}
await orm.close();
rmSync(folder, { recursive: true, force: true });
process.exit(0);
