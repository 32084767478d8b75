import { Migration } from '@mikro-orm/migrations';

/**
 * PostgreSQL twin of Migration20261201300000Level1Sections: 决策 DECISION, 投入 INPUT, 过程 PROCESS join the
 * 一级 values. PostgreSQL alters the CHECK constraint in place (no table rebuild; ids and sequence untouched).
 */
export class PgMigration20261201300000Level1Sections extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "indicator" drop constraint if exists "indicator_level1_check"`);
    this.addSql(
      `alter table "indicator" add constraint "indicator_level1_check" check("level1" in ('OUTPUT', 'OUTCOME', 'SATISFACTION', 'COST', 'BUDGET_EXECUTION', 'DECISION', 'INPUT', 'PROCESS', 'UNKNOWN'))`,
    );
  }
}
