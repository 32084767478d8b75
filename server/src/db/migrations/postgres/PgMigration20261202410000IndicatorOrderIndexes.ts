import { Migration } from '@mikro-orm/migrations';
import { INDICATOR_ORDER_INDEXES } from '../Migration20261202410000IndicatorOrderIndexes.js';

/** PostgreSQL twin of Migration20261202410000IndicatorOrderIndexes: the same expression indexes. */
export class PgMigration20261202410000IndicatorOrderIndexes extends Migration {
  override async up(): Promise<void> {
    for (const sql of INDICATOR_ORDER_INDEXES) this.addSql(sql);
  }
}
