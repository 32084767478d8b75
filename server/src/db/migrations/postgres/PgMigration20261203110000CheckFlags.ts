import { Migration } from '@mikro-orm/migrations';
import { CHECK_FLAGS } from '../Migration20261203110000CheckFlags.js';

/** PostgreSQL twin of Migration20261203110000CheckFlags: the same statements. */
export class PgMigration20261203110000CheckFlags extends Migration {
  override async up(): Promise<void> {
    for (const sql of CHECK_FLAGS) this.addSql(sql);
  }
}
