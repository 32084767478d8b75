import { Migration } from '@mikro-orm/migrations';

/** Issue 13 item 4: the reviewer's 批复意见, with who gave it and when, kept on the plan. */
export class Migration20261201600000ApprovalOpinion extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table `plan` add column `approval_opinion` text null');
    this.addSql('alter table `plan` add column `approval_opinion_by` text null');
    this.addSql('alter table `plan` add column `approval_opinion_at` datetime null');
  }
}
