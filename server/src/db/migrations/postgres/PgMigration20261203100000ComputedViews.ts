import { Migration } from '@mikro-orm/migrations';
import { COMPUTED_VIEWS } from '../Migration20261203100000ComputedViews.js';

/** PostgreSQL twin of Migration20261203100000ComputedViews: the same statements. */
export class PgMigration20261203100000ComputedViews extends Migration {
  override async up(): Promise<void> {
    for (const sql of COMPUTED_VIEWS) this.addSql(sql);
  }
}
