import { Migration } from '@mikro-orm/migrations';

/** Audit rows are inserted whole (ids known), so the trigger can now refuse every UPDATE, not just some columns. */
export class Migration20261124030000AuditAppendOnly extends Migration {
  override async up(): Promise<void> {
    this.addSql('drop trigger if exists `audit_entry_no_update`');
    this.addSql("create trigger `audit_entry_no_update` before update on `audit_entry` begin select raise(abort, 'audit_entry is append-only'); end");
  }
}
