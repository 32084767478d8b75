import { Migration } from '@mikro-orm/migrations';

const ROLLUP_COLUMNS = [
  '`rollup_count` integer null',
  '`rollup_scored_count` integer null',
  '`rollup_pending_count` integer null',
  '`rollup_weight_total` integer null',
  '`rollup_score_total` integer null',
  '`rollup_computed_total` integer null',
  '`rollup_grade` text null',
  '`rollup_grade_provisional` integer null',
  '`rollup_execution_rate` integer null',
  '`rollup_met_count` integer null',
  '`rollup_partial_count` integer null',
  '`rollup_not_met_count` integer null',
  '`rollup_text_target_count` integer null',
  '`rollup` json null',
];

/**
 * Issue 11 items 1 and 6: figures kept with the data. Each indicator's reading and gap, each line
 * item's and plan's roll-up, and the plan's checks (with counts by code) are stored, written in the
 * transaction of the change that affects them; `figures_version` 0 makes the server compute them for
 * plans that existed before (db/orm.ts). An indicator copied from last year's plan links to it.
 */
export class Migration20261201400000StoredFigures extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      'create table `plan_check_count` (`plan_id` integer not null, `code` text not null, `count` integer not null, constraint `plan_check_count_plan_id_foreign` foreign key(`plan_id`) references `plan`(`id`) on delete cascade on update cascade, primary key (`plan_id`, `code`))',
    );
    this.addSql('create index `plan_check_count_plan_id_index` on `plan_check_count` (`plan_id`)');
    for (const table of ['plan', 'line_item']) {
      for (const column of ROLLUP_COLUMNS) this.addSql(`alter table \`${table}\` add column ${column}`);
    }
    this.addSql('alter table `plan` add column `checks` json null');
    this.addSql('alter table `plan` add column `figures_version` integer not null default 0');
    this.addSql(
      'alter table `indicator` add column `previous_id` integer null constraint `indicator_previous_id_foreign` references `indicator` (`id`) on update cascade on delete set null',
    );
    for (const column of [
      '`reading_kind` text null',
      '`reading_comparator` text null',
      '`reading_value` text null',
      '`reading_unit` text null',
      '`reading_confidence` text null',
      '`gap_status` text null',
      '`completion` integer null',
      '`suggested_score` integer null',
      '`effective_score` integer null',
      '`score_lost` integer null',
      '`figures` json null',
    ]) {
      this.addSql(`alter table \`indicator\` add column ${column}`);
    }
    this.addSql('create index `indicator_previous_id_index` on `indicator` (`previous_id`)');
  }
}
