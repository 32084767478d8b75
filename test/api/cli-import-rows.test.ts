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
import { importFiles } from '../../server/src/cli/main.js';
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
