// Issue 12: on SQLite an import's rows go in as one JSON parameter per table and 200 rows
// (plan-rows.writer.ts). The database must hold exactly what binding each value the knex way holds:
// the same rows, the same values, the same storage class (INTEGER, REAL, TEXT, NULL) in every column.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EntityManager, MikroORM } from '@mikro-orm/sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/src/db/orm.js';
import { withAuditScope } from '../../server/src/modules/audit/audit-scope.js';
import { importPlanDocument } from '../../server/src/modules/plan-document/plan-document.service.js';
import { PlanRowsWriter } from '../../server/src/modules/plan-document/plan-rows.writer.js';
import { bindActor } from '../../server/src/modules/user/access.js';
import { Role } from '../../server/src/modules/user/user.entity.js';
import { readFixture } from './harness.js';
import { importFiles, startImportWorker } from '../../server/src/cli/main.js';
import { rebuildFigures } from '../../server/src/modules/plan/plan-figures.store.js';
import { departmentDocument, loadVocabulary } from '../../server/bench/province/generate.js';

const TABLES = ['budget_line', 'key_task', 'line_item', 'indicator', 'evaluation', 'evaluation_section', 'plan', 'department'];
const CLOCK = new Set(['created_at', 'updated_at']);
const opened: MikroORM[] = [];
const folder = mkdtempSync(join(tmpdir(), 'jixiao-cli-import-'));
afterAll(async () => {
  for (const orm of opened) await orm.close();
  rmSync(folder, { recursive: true, force: true });
});

async function importedWith(json: boolean): Promise<Record<string, unknown>[]> {
  const orm = await openDatabase(':memory:');
  opened.push(orm);
  // A third plan with its line items six times over: more than 200 rows a table, so several INSERTs each.
  const shifeng = readFixture('shifeng');
  const big = { ...shifeng, department: { name: '六倍计划部门' }, lineItems: Array.from({ length: 6 }, () => shifeng.lineItems).flat() };
  for (const document of [shifeng, readFixture('yanfeng'), big]) {
    await withAuditScope({ userId: null, userName: 'test' }, () =>
      orm.em.fork().transactional(async (em) => {
        bindActor(em as EntityManager, { id: 0, name: 'test', role: Role.ADMIN, departmentIds: [] });
        const writer = new PlanRowsWriter(em as EntityManager, { json });
        await importPlanDocument(em as EntityManager, document, 'IMPORT', { writer });
        await writer.close();
      }),
    );
  }
  const connection = orm.em.getConnection();
  const rows: Record<string, unknown>[] = [];
  for (const table of TABLES) {
    const columns = (await connection.execute<{ name: string }[]>(`select name from pragma_table_info('${table}')`)).map((column) => column.name).filter((name) => !CLOCK.has(name));
    const select = columns.flatMap((column) => [`"${column}"`, `typeof("${column}") as "${column}:type"`]).join(', ');
    for (const row of await connection.execute<Record<string, unknown>[]>(`select ${select} from "${table}" order by id`)) rows.push({ table, ...row });
  }
  return rows;
}

describe('the import writer', () => {
  it('stores through one JSON parameter exactly what bound parameters store', async () => {
    const [json, bound] = [await importedWith(true), await importedWith(false)];
    expect(json.filter((row) => row.table === 'indicator' && row.plan_id === 3).length).toBeGreaterThan(200);
    expect(json.some((row) => row['weight:type'] === 'integer')).toBe(true);
    expect(json).toEqual(bound);
  });
});

describe('the CLI computing the next document ahead', () => {
  it('figures a replaced plan with its own execution scoring by that setting, not as a new plan', async () => {
    const orm = await openDatabase(join(folder, 'ahead.sqlite'));
    opened.push(orm);
    const vocabulary = loadVocabulary();
    const [first, second] = [1, 2].map((index) => {
      const path = join(folder, `department-${index}.json`);
      writeFileSync(path, JSON.stringify(departmentDocument(index, vocabulary, 12)));
      return path;
    });
    const connection = orm.em.getConnection();
    await importFiles(orm, [first], () => {});
    const [{ id }] = await connection.execute<{ id: number }[]>('select id from plan');
    await connection.execute('update plan set execution_scoring = ? where id = ?', [JSON.stringify({ profile: 'STEPWISE', stepPercent: '1', deductionPerStep: '1' }), id]);
    // The plan comes second: its rows and figures were computed (as a new plan's) while the first was written.
    await importFiles(orm, [second, first], () => {}, '再次导入 (again)');
    const figures = () =>
      connection.execute(
        `select i.id, i.gap_status, i.completion, i.suggested_score, i.effective_score, i.score_lost, i.reading_kind, p.rollup_computed_total, p.rollup_grade
         from indicator i join plan p on p.id = i.plan_id where p.id = ? order by i.id`,
        [id],
      );
    const imported = await figures();
    expect(imported.some((row) => row.suggested_score != null)).toBe(true);
    await rebuildFigures(orm.em.fork() as EntityManager, [id]);
    expect(await figures()).toEqual(imported);
  });
});

describe('the CLI importing new departments a batch at a time', () => {
  /** Every table the import writes, row by row in id order, without the clock's columns. */
  async function tables(orm: MikroORM): Promise<Record<string, unknown>[]> {
    const connection = orm.em.getConnection();
    const rows: Record<string, unknown>[] = [];
    for (const table of [...TABLES, 'audit_entry', 'plan_check_count']) {
      const columns = (await connection.execute<{ name: string }[]>(`select name from pragma_table_info('${table}')`)).map((column) => column.name).filter((name) => !CLOCK.has(name) && name !== 'at');
      const select = columns.flatMap((column) => [`"${column}"`, `typeof("${column}") as "${column}:type"`]).join(', ');
      for (const row of await connection.execute<Record<string, unknown>[]>(`select ${select} from "${table}" order by rowid`)) rows.push({ table, ...row });
    }
    const sequences = await connection.execute<Record<string, unknown>[]>('select * from sqlite_sequence order by name');
    return [...rows, ...sequences];
  }

  it('writes what importing the documents one at a time writes: the same rows, ids, figures, check counts and audit entries', async () => {
    const vocabulary = loadVocabulary();
    const generated = Array.from({ length: 64 }, (_, index) => departmentDocument(index, vocabulary, 5));
    // More than one batch; a department's second year and a document again within the command (each ends
    // a batch: its department exists by then); a department the database held before the command.
    const documents = [...generated.slice(0, 55), { ...generated[3], year: generated[3].year + 1 }, ...generated.slice(55, 60), generated[57], ...generated.slice(60), readFixture('shifeng')];
    const paths = documents.map((document, index) => {
      const path = join(folder, `batch-${index}.json`);
      writeFileSync(path, JSON.stringify(document));
      return path;
    });
    const before = join(folder, 'before.json');
    writeFileSync(before, JSON.stringify(generated[60]));

    const batched = await openDatabase(join(folder, 'batched.sqlite'));
    const oneByOne = await openDatabase(join(folder, 'one-by-one.sqlite'));
    opened.push(batched, oneByOne);
    const lines: string[] = [];
    await importFiles(batched, [before], () => {});
    await importFiles(batched, paths, (line) => lines.push(line), '批量 (batch)');

    // The same documents through importPlanDocument, one after another, as the command line's actor.
    const actor = { id: 0, name: '命令行 (CLI)', role: Role.ADMIN, departmentIds: [] };
    for (const [list, reason] of [[[generated[60]], null], [documents, '批量 (batch)']] as const) {
      await withAuditScope({ userId: null, userName: actor.name }, () =>
        oneByOne.em.fork().transactional(async (em) => {
          bindActor(em as EntityManager, actor);
          for (const document of list) await importPlanDocument(em as EntityManager, document, 'IMPORT', { reason });
        }),
      );
    }
    const expected = await tables(oneByOne);
    expect(expected.filter((row) => row.table === 'audit_entry' && row.object_type === 'Department').length).toBe(64 + 1);
    expect(expected.filter((row) => row.table === 'line_item' && row.parent_id != null).length).toBeGreaterThan(100);
    expect(await tables(batched)).toEqual(expected);
    expect(lines).toHaveLength(documents.length);
    expect(lines[0]).toMatch(/^新建 created {2}\S+ \d+ 年度 \(plan 2\) ← .*batch-0\.json$/);
    expect(lines.filter((line) => line.startsWith('替换 replaced'))).toHaveLength(2);
  });
});

describe('the CLI validating files as the import goes', () => {
  it('fails on the first invalid file as if every file were validated first: nothing written, nothing logged, whatever failed before it', async () => {
    const orm = await openDatabase(join(folder, 'invalid.sqlite'));
    opened.push(orm);
    const vocabulary = loadVocabulary();
    const generated = Array.from({ length: 70 }, (_, index) => departmentDocument(index, vocabulary, 9));
    const write = (name: string, document: unknown) => {
      const path = join(folder, name);
      writeFileSync(path, JSON.stringify(document));
      return path;
    };
    const paths = generated.map((document, index) => write(`valid-${index}.json`, document));
    const evaluated = generated.findIndex((document) => document.kind === 'self_evaluation');
    expect(evaluated).toBeGreaterThanOrEqual(0);
    const invalid = write('invalid.json', { ...generated[0], year: '二〇二五' });
    const rows = async () => (await orm.em.getConnection().execute<{ n: number }[]>('select (select count(*) from plan) + (select count(*) from indicator) + (select count(*) from audit_entry) as n'))[0].n;

    // An invalid file late in the command: its problem, nothing written, no line.
    const lines: string[] = [];
    await expect(importFiles(orm, [...paths.slice(0, 65), invalid, ...paths.slice(65)], (line) => lines.push(line))).rejects.toThrow(/invalid\.json 不符合计划文件格式，未写入任何数据[\s\S]*document\.year/);
    expect(lines).toEqual([]);
    expect(await rows()).toBe(0);

    // A self-evaluation imported, then replaced without a reason (refused) before an invalid file: still the invalid file's problem.
    await importFiles(orm, [paths[evaluated]], () => {});
    const before = await rows();
    await expect(importFiles(orm, [...paths.filter((_, index) => index !== evaluated).slice(0, 3), paths[evaluated], invalid], (line) => lines.push(line))).rejects.toThrow(/invalid\.json 不符合计划文件格式/);
    expect(lines).toEqual([]);
    // Without the invalid file: the refusal, after the lines of the files imported before it (rolled back).
    await expect(importFiles(orm, [...paths.filter((_, index) => index !== evaluated).slice(0, 3), paths[evaluated]], (line) => lines.push(line))).rejects.toThrow(/REASON_REQUIRED[\s\S]*未写入任何数据/);
    expect(lines).toHaveLength(3);
    expect(await rows()).toBe(before);
    // A file that cannot be read counts as invalid too.
    lines.length = 0;
    await expect(importFiles(orm, [paths[1], join(folder, 'missing.json'), paths[2]], (line) => lines.push(line))).rejects.toThrow(/无法读取文件 .*missing\.json：ENOENT/);
    expect(lines).toEqual([]);
    expect(await rows()).toBe(before);
  });
});

describe('the CLI preparing the files on a worker thread', () => {
  it('writes what preparing them on the main thread writes, logs the same lines, and an invalid file late in the list is still the error', async () => {
    const setting = process.env.JIXIAO_IMPORT_WORKER;
    const using = (value: string) => (process.env.JIXIAO_IMPORT_WORKER = value);
    try {
      expect(await startImportWorker()).toBe(true);
      const vocabulary = loadVocabulary();
      const paths = Array.from({ length: 24 }, (_, index) => {
        const path = join(folder, `worker-${index}.json`);
        writeFileSync(path, JSON.stringify(departmentDocument(index, vocabulary, 5)));
        return path;
      });
      const invalid = join(folder, 'worker-invalid.json');
      writeFileSync(invalid, JSON.stringify({ ...departmentDocument(99, vocabulary, 5), year: '二〇二五' }));
      const dump = async (orm: MikroORM) => {
        const rows: Record<string, unknown>[] = [];
        for (const table of [...TABLES, 'plan_check_count', 'audit_entry']) {
          for (const row of await orm.em.getConnection().execute<Record<string, unknown>[]>(`select * from "${table}" order by rowid`)) {
            rows.push(Object.fromEntries(Object.entries({ table, ...row }).filter(([column]) => !CLOCK.has(column) && column !== 'at')));
          }
        }
        return rows;
      };
      const imported = async (worker: string, files: string[]) => {
        const orm = await openDatabase(join(folder, `worker-${worker}-${files.length}.sqlite`));
        opened.push(orm);
        const lines: string[] = [];
        using(worker);
        await importFiles(orm, files, (line) => lines.push(line));
        return { orm, lines };
      };
      const [onWorker, here] = [await imported('1', paths), await imported('0', paths)];
      expect(onWorker.lines).toHaveLength(24);
      expect(onWorker.lines).toEqual(here.lines);
      expect(await dump(onWorker.orm)).toEqual(await dump(here.orm));

      // Late in the list, after a batch's worth: its problem, nothing written, no line; the same before replaced plans (the ordinary way).
      using('1');
      const before = await dump(onWorker.orm);
      const lines: string[] = [];
      for (const files of [[...paths.slice(0, 3), ...paths.slice(0, 20)], paths]) {
        const fresh = await openDatabase(join(folder, `worker-fresh-${files.length}.sqlite`));
        opened.push(fresh);
        await expect(importFiles(fresh, [...files, invalid, paths[0]], (line) => lines.push(line))).rejects.toThrow(/worker-invalid\.json 不符合计划文件格式，未写入任何数据[\s\S]*document\.year/);
        expect(await fresh.em.getConnection().execute('select id from plan')).toEqual([]);
      }
      await expect(importFiles(onWorker.orm, [...paths.slice(0, 3), invalid], (line) => lines.push(line), '再次 (again)')).rejects.toThrow(/worker-invalid\.json 不符合计划文件格式/);
      expect(lines).toEqual([]);
      expect(await dump(onWorker.orm)).toEqual(before);
    } finally {
      if (setting === undefined) delete process.env.JIXIAO_IMPORT_WORKER;
      else process.env.JIXIAO_IMPORT_WORKER = setting;
    }
  });
});
