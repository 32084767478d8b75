import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 10: 偏差原因 apart from 扣分原因; a manual score marked for re-confirmation when its actual
 * changes; a plan's 预算执行率 scoring profile (proportional or stepwise).
 */
export class Migration20261201100000Evaluation extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table `indicator` add column `deviation_reason` text null');
    this.addSql('alter table `indicator` add column `score_unconfirmed` integer not null default false');
    this.addSql('alter table `plan` add column `execution_scoring` json null');
  }
}
