import { Migration } from '@mikro-orm/migrations';

/** The data model of the forms (issue 3): departments, plans, budget matrix, line items, indicators, evaluations. */
export class Migration20261124000000Initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`department\` (\`id\` integer not null primary key autoincrement, \`name\` text not null, \`short_name\` text null, \`region\` text null, \`code\` text null, \`created_at\` datetime not null, \`updated_at\` datetime not null)`,
    );
    this.addSql(
      `create unique index \`department_name_unique\` on \`department\` (\`name\`)`,
    );
    this.addSql(
      `create unique index \`department_code_unique\` on \`department\` (\`code\`)`,
    );
    this.addSql(
      `create table \`plan\` (\`id\` integer not null primary key autoincrement, \`department_id\` integer not null, \`year\` integer not null, \`status\` text check (\`status\` in ('DRAFT', 'SUBMITTED', 'APPROVED', 'EVALUATING', 'CLOSED')) not null default 'DRAFT', \`document_kind\` text check (\`document_kind\` in ('TARGET_TABLE', 'SELF_EVALUATION', 'FINAL_ACCOUNTS_REPORT')) null, \`source\` text null, \`stated_department_name\` text null, \`stated_short_name\` text null, \`stated_region\` text null, \`functions\` json null, \`internal_units\` json null, \`sub_units\` json null, \`staff\` json null, \`overall_goals\` json null, \`achievements\` json null, \`fixed_assets\` integer null, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`plan_department_id_foreign\` foreign key(\`department_id\`) references \`department\`(\`id\`) on delete restrict on update cascade)`,
    );
    this.addSql(
      `create index \`plan_department_id_index\` on \`plan\` (\`department_id\`)`,
    );
    this.addSql(
      `create unique index \`plan_department_id_year_unique\` on \`plan\` (\`department_id\`, \`year\`)`,
    );
    this.addSql(
      `create table \`line_item\` (\`id\` integer not null primary key autoincrement, \`plan_id\` integer not null, \`parent_id\` integer null, \`position\` integer not null default 0, \`name\` text not null, \`kind\` text check (\`kind\` in ('INITIAL', 'MIDYEAR')) null, \`amount_initial\` integer null, \`amount_adjustment\` integer null, \`amount_full_year\` integer null, \`amount_actual\` integer null, \`amount_carryover\` integer null, \`amount_stated_execution_rate\` text null, \`period\` text null, \`period_goal\` text null, \`annual_goal\` text null, \`use\` text null, constraint \`line_item_plan_id_foreign\` foreign key(\`plan_id\`) references \`plan\`(\`id\`) on delete cascade on update cascade, constraint \`line_item_parent_id_foreign\` foreign key(\`parent_id\`) references \`line_item\`(\`id\`) on delete cascade on update cascade)`,
    );
    this.addSql(
      `create index \`line_item_plan_id_index\` on \`line_item\` (\`plan_id\`)`,
    );
    this.addSql(
      `create index \`line_item_parent_id_index\` on \`line_item\` (\`parent_id\`)`,
    );
    this.addSql(
      `create table \`key_task\` (\`id\` integer not null primary key autoincrement, \`plan_id\` integer not null, \`position\` integer not null default 0, \`item\` text null, \`owner\` text null, \`goal\` text null, constraint \`key_task_plan_id_foreign\` foreign key(\`plan_id\`) references \`plan\`(\`id\`) on delete cascade on update cascade)`,
    );
    this.addSql(
      `create index \`key_task_plan_id_index\` on \`key_task\` (\`plan_id\`)`,
    );
    this.addSql(
      `create table \`indicator\` (\`id\` integer not null primary key autoincrement, \`plan_id\` integer not null, \`line_item_id\` integer null, \`position\` integer not null default 0, \`level1\` text check (\`level1\` in ('OUTPUT', 'OUTCOME', 'SATISFACTION', 'COST', 'BUDGET_EXECUTION', 'UNKNOWN')) not null, \`level1_label\` text not null, \`level2\` text check (\`level2\` in ('QUANTITY', 'QUALITY', 'TIMELINESS', 'OUTPUT_COST', 'ECONOMIC', 'SOCIAL', 'ECOLOGICAL', 'SUSTAINABILITY', 'SERVICE_SATISFACTION', 'ECONOMIC_COST', 'SOCIAL_COST', 'ECOLOGICAL_COST', 'UNKNOWN')) null, \`level2_label\` text null, \`name\` text not null, \`target_text\` text null, \`actual_text\` text null, \`weight\` integer null, \`score\` integer null, \`deduction\` text null, \`remark\` text null, \`evidence\` text null, constraint \`indicator_plan_id_foreign\` foreign key(\`plan_id\`) references \`plan\`(\`id\`) on delete cascade on update cascade, constraint \`indicator_line_item_id_foreign\` foreign key(\`line_item_id\`) references \`line_item\`(\`id\`) on delete cascade on update cascade)`,
    );
    this.addSql(
      `create index \`indicator_plan_id_index\` on \`indicator\` (\`plan_id\`)`,
    );
    this.addSql(
      `create index \`indicator_line_item_id_index\` on \`indicator\` (\`line_item_id\`)`,
    );
    this.addSql(
      `create table \`evaluation\` (\`id\` integer not null primary key autoincrement, \`plan_id\` integer not null, \`total_score\` integer null, \`grade\` text null, \`max_score\` integer null, \`satisfaction\` json null, \`evaluators\` json null, \`problems\` json null, \`measures\` json null, \`application\` text null, \`disclosure\` text null, constraint \`evaluation_plan_id_foreign\` foreign key(\`plan_id\`) references \`plan\`(\`id\`) on delete cascade on update cascade)`,
    );
    this.addSql(
      `create unique index \`evaluation_plan_id_unique\` on \`evaluation\` (\`plan_id\`)`,
    );
    this.addSql(
      `create table \`evaluation_section\` (\`id\` integer not null primary key autoincrement, \`evaluation_id\` integer not null, \`position\` integer not null default 0, \`name\` text null, \`weight\` integer null, \`score\` integer null, constraint \`evaluation_section_evaluation_id_foreign\` foreign key(\`evaluation_id\`) references \`evaluation\`(\`id\`) on delete cascade on update cascade)`,
    );
    this.addSql(
      `create index \`evaluation_section_evaluation_id_index\` on \`evaluation_section\` (\`evaluation_id\`)`,
    );
    this.addSql(
      `create table \`budget_line\` (\`id\` integer not null primary key autoincrement, \`plan_id\` integer not null, \`category\` text check (\`category\` in ('TOTAL', 'BASIC', 'PERSONNEL', 'PUBLIC_USE', 'PROJECT', 'INCOME_GENERAL_PUBLIC', 'INCOME_GOVERNMENT_FUND', 'INCOME_OTHER', 'INCOME_PRIOR_YEAR_CARRYOVER', 'INCOME_SPECIAL_ACCOUNT_NON_TAX', 'BASIC_DETAIL', 'THREE_PUBLIC_TOTAL', 'THREE_PUBLIC_RECEPTION', 'THREE_PUBLIC_VEHICLE_OPS', 'THREE_PUBLIC_VEHICLE_PURCHASE', 'THREE_PUBLIC_OVERSEAS')) not null, \`name\` text null, \`position\` integer not null default 0, \`initial\` integer null, \`adjustment\` integer null, \`full_year\` integer null, \`actual\` integer null, \`carryover\` integer null, \`stated_execution_rate\` text null, constraint \`budget_line_plan_id_foreign\` foreign key(\`plan_id\`) references \`plan\`(\`id\`) on delete cascade on update cascade)`,
    );
    this.addSql(
      `create index \`budget_line_plan_id_index\` on \`budget_line\` (\`plan_id\`)`,
    );
  }
}
