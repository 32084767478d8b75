import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 12 (database size): an indicator's own warning codes as bits (`check_flags`, plan-figures.types.ts
 * INDICATOR_CHECK_CODES: 1, 2, 4, 8) instead of their names (`check_codes`, about 28 bytes a row with
 * warnings). FIGURES_VERSION 4 fills them at start. The PostgreSQL twin runs the same statements.
 */
export const CHECK_FLAGS = ['alter table "indicator" drop column "check_codes"', 'alter table "indicator" add column "check_flags" integer null'];

export class Migration20261203110000CheckFlags extends Migration {
  override async up(): Promise<void> {
    for (const sql of CHECK_FLAGS) this.addSql(sql);
  }
}
