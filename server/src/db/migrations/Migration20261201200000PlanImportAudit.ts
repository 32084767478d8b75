import { Migration } from '@mikro-orm/migrations';

/** An import is one audit entry: it keeps the document it replaced, gzip-compressed, once (issue 12). */
export class Migration20261201200000PlanImportAudit extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table `audit_entry` add column `replaced_document` blob null');
  }
}
