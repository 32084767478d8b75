import { Migration } from '@mikro-orm/migrations';
import { ANALYST_INDEXES } from '../Migration20261202400000AnalystIndexes.js';

/** PostgreSQL twin of Migration20261202400000AnalystIndexes: the same indexes. */
export class PgMigration20261202400000AnalystIndexes extends Migration {
  override async up(): Promise<void> {
    for (const [name, table, columns] of ANALYST_INDEXES) this.addSql(`create index "${name}" on "${table}" (${columns.map((column) => `"${column}"`).join(', ')})`);
  }
}
