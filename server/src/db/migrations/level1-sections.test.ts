import { MikroORM } from '@mikro-orm/sqlite';
import { describe, expect, it } from 'vitest';
import { ormOptions } from '../orm.js';

/**
 * Migration20261201300000Level1Sections rebuilds `indicator` to widen its 一级 check (issue 10 item 7):
 * on a database holding rows, every row and column survives, the AUTOINCREMENT high-water mark is kept
 * (a deleted indicator's id, which the audit trail names, is never reused), and 决策/投入/过程 are accepted.
 */
describe('migration: 一级 sections of the 部门整体 framework', () => {
  it('keeps every indicator and its id sequence, and accepts DECISION, INPUT and PROCESS', async () => {
    const orm = await MikroORM.init(ormOptions(':memory:'));
    const connection = orm.em.getConnection();
    try {
      await orm.getMigrator().up({ to: 'Migration20261201200000PlanImportAudit' });
      const now = "'2026-12-01 00:00:00'";
      await connection.execute(`insert into department (id, name, created_at, updated_at) values (1, '雁峰区委宣传部', ${now}, ${now})`);
      await connection.execute(`insert into plan (id, department_id, year, created_at, updated_at) values (1, 1, 2024, ${now}, ${now})`);
      const insert = (id: number, level1: string, name: string) =>
        connection.execute(
          `insert into indicator (id, plan_id, position, level1, level1_label, name, target_text, weight, score, deviation_reason, score_unconfirmed) values (${id}, 1, ${id}, '${level1}', '${level1 === 'OUTPUT' ? '产出指标' : '预算执行率'}', '${name}', '≥90%', 10000000, 9000000, '原因', 1)`,
        );
      await insert(1, 'OUTPUT', '组织中心组学习');
      await insert(2, 'BUDGET_EXECUTION', '预算执行率');
      await insert(7, 'OUTPUT', '已删除的指标');
      await connection.execute('delete from indicator where id = 7');
      await expect(connection.execute("insert into indicator (plan_id, level1, level1_label, name) values (1, 'DECISION', '决策', '绩效目标合理性')")).rejects.toThrow(/CHECK constraint/);
      const before = await connection.execute('select * from indicator order by id');

      await orm.getMigrator().up();
      // The columns of that time (later migrations may add more).
      const columns = Object.keys(before[0]).map((column) => `\`${column}\``).join(', ');
      expect(await connection.execute(`select ${columns} from indicator order by id`)).toEqual(before);
      for (const level1 of ['DECISION', 'INPUT', 'PROCESS']) {
        await connection.execute(`insert into indicator (plan_id, level1, level1_label, name) values (1, '${level1}', '${level1}', '${level1}')`);
      }
      const ids = (await connection.execute("select id from indicator where level1 in ('DECISION', 'INPUT', 'PROCESS') order by id")).map((row) => (row as { id: number }).id);
      expect(ids).toEqual([8, 9, 10]); // after the deleted 7, not after the surviving 2
      await expect(connection.execute("insert into indicator (plan_id, level1, level1_label, name) values (1, 'NONSENSE', 'x', 'x')")).rejects.toThrow(/CHECK constraint/);
      expect(await connection.execute("select name from sqlite_master where name like 'indicator%' order by name")).toEqual([
        { name: 'indicator' },
        { name: 'indicator_completion_order_index' }, // Migration20261202410000IndicatorOrderIndexes
        { name: 'indicator_gap_status_index' }, // Migration20261202400000AnalystIndexes
        { name: 'indicator_line_item_id_index' },
        { name: 'indicator_plan_id_index' },
        { name: 'indicator_previous_id_index' }, // Migration20261201400000StoredFigures
        { name: 'indicator_score_lost_order_index' }, // Migration20261202410000IndicatorOrderIndexes
        { name: 'indicator_stats_index' }, // Migration20261202400000AnalystIndexes
      ]);
      expect(await connection.execute('pragma foreign_key_check')).toEqual([]);
    } finally {
      await orm.close();
    }
  });
});
