import { Migration } from '@mikro-orm/migrations';

/** The columns of `indicator` when this migration runs, in table order (later migrations add more). */
const COLUMNS = [
  'id', 'plan_id', 'line_item_id', 'position', 'level1', 'level1_label', 'level2', 'level2_label', 'name', 'target_text', 'actual_text',
  'weight', 'score', 'deduction', 'remark', 'evidence', 'target_comparator', 'target_value', 'target_upper', 'target_unit',
  'target_direction', 'version', 'deviation_reason', 'score_unconfirmed',
].map((column) => `\`${column}\``).join(', ');

/**
 * Issue 10 item 7: the 部门整体 framework's sections 决策 DECISION, 投入 INPUT, 过程 PROCESS join the 一级
 * values. SQLite cannot alter a CHECK constraint, so `indicator` is rebuilt (sqlite.org/lang_altertable.html
 * §7): a new table with the new check, the rows copied by an explicit column list, the old table dropped,
 * the new one renamed, its indexes recreated. Nothing references `indicator` by foreign key, so dropping it
 * (inside the migration's transaction, foreign keys on) deletes nothing elsewhere. The AUTOINCREMENT
 * high-water mark is carried over: ids of deleted indicators stay unused, as the audit trail names them.
 */
export class Migration20261201300000Level1Sections extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      "create table `indicator_new` (`id` integer not null primary key autoincrement, `plan_id` integer not null, `line_item_id` integer null, `position` integer not null default 0, `level1` text check (`level1` in ('OUTPUT', 'OUTCOME', 'SATISFACTION', 'COST', 'BUDGET_EXECUTION', 'DECISION', 'INPUT', 'PROCESS', 'UNKNOWN')) not null, `level1_label` text not null, `level2` text check (`level2` in ('QUANTITY', 'QUALITY', 'TIMELINESS', 'OUTPUT_COST', 'ECONOMIC', 'SOCIAL', 'ECOLOGICAL', 'SUSTAINABILITY', 'SERVICE_SATISFACTION', 'ECONOMIC_COST', 'SOCIAL_COST', 'ECOLOGICAL_COST', 'UNKNOWN')) null, `level2_label` text null, `name` text not null, `target_text` text null, `actual_text` text null, `weight` integer null, `score` integer null, `deduction` text null, `remark` text null, `evidence` text null, `target_comparator` text null, `target_value` text null, `target_upper` text null, `target_unit` text null, `target_direction` text null, `version` integer not null default 1, `deviation_reason` text null, `score_unconfirmed` integer not null default false, constraint `indicator_plan_id_foreign` foreign key(`plan_id`) references `plan`(`id`) on delete cascade on update cascade, constraint `indicator_line_item_id_foreign` foreign key(`line_item_id`) references `line_item`(`id`) on delete cascade on update cascade)",
    );
    this.addSql(`insert into \`indicator_new\` (${COLUMNS}) select ${COLUMNS} from \`indicator\``);
    this.addSql("delete from `sqlite_sequence` where `name` = 'indicator_new'");
    this.addSql("insert into `sqlite_sequence` (`name`, `seq`) select 'indicator_new', `seq` from `sqlite_sequence` where `name` = 'indicator'");
    this.addSql('drop table `indicator`');
    this.addSql('alter table `indicator_new` rename to `indicator`');
    this.addSql('create index `indicator_plan_id_index` on `indicator` (`plan_id`)');
    this.addSql('create index `indicator_line_item_id_index` on `indicator` (`line_item_id`)');
  }
}
