import { Migration } from '@mikro-orm/migrations';

/** PostgreSQL twin of Migration20261201600000ApprovalOpinion: the reviewer's 批复意见, who gave it and when. */
export class PgMigration20261201600000ApprovalOpinion extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "plan" add column "approval_opinion" text null, add column "approval_opinion_by" varchar(500) null, add column "approval_opinion_at" timestamptz null`);
  }
}
