import { Migration } from '@mikro-orm/migrations';

/** The gap engine (issue 4): a planner's explicit reading of a target, and a plan's own section weights. */
export class Migration20261124010000StructuredTarget extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table `plan` add column `section_weights` json null');
    this.addSql('alter table `indicator` add column `target_comparator` text null');
    this.addSql('alter table `indicator` add column `target_value` text null');
    this.addSql('alter table `indicator` add column `target_upper` text null');
    this.addSql('alter table `indicator` add column `target_unit` text null');
    this.addSql('alter table `indicator` add column `target_direction` text null');
  }
}
