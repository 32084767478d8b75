import { Migration } from '@mikro-orm/migrations';

/**
 * The PostgreSQL schema as the SQLite migrations up to Migration20261201200000PlanImportAudit leave it:
 * generated once by MikroORM's schema generator from the entities (money as bigint micro-units, JSON as
 * jsonb, booleans as boolean, times as timestamptz), then committed as plain SQL. Beside it: an index on
 * every foreign key (the SQLite schema has them; PostgreSQL does not make them itself) and the audit
 * trail's append-only triggers, in PL/pgSQL.
 */
export class PgMigration20261201200000Baseline extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "audit_entry" ("id" serial primary key, "at" timestamptz not null, "user_id" int null, "user_name" varchar(200) not null default '系统', "plan_id" int null, "object_type" varchar(50) not null, "object_id" int not null, "field" varchar(100) not null, "before" text null, "after" text null, "reason" text null, "replaced_document" bytea null)`);
    this.addSql(`create index "audit_entry_object_type_object_id_index" on "audit_entry" ("object_type", "object_id")`);
    this.addSql(`create index "audit_entry_plan_id_at_index" on "audit_entry" ("plan_id", "at")`);
    this.addSql(`create table "department" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(500) not null, "short_name" varchar(500) null, "region" varchar(500) null, "code" varchar(100) null)`);
    this.addSql(`alter table "department" add constraint "department_name_unique" unique ("name")`);
    this.addSql(`alter table "department" add constraint "department_code_unique" unique ("code")`);
    this.addSql(`create table "plan" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "department_id" int not null, "year" int not null, "status" text check ("status" in ('DRAFT', 'SUBMITTED', 'APPROVED', 'EVALUATING', 'CLOSED')) not null default 'DRAFT', "document_kind" text check ("document_kind" in ('TARGET_TABLE', 'SELF_EVALUATION', 'FINAL_ACCOUNTS_REPORT')) null, "source" varchar(500) null, "stated_department_name" varchar(500) null, "stated_short_name" varchar(500) null, "stated_region" varchar(500) null, "functions" jsonb null, "internal_units" jsonb null, "sub_units" jsonb null, "staff" jsonb null, "overall_goals" jsonb null, "achievements" jsonb null, "fixed_assets" bigint null, "section_weights" jsonb null, "execution_scoring" jsonb null)`);
    this.addSql(`alter table "plan" add constraint "plan_department_id_year_unique" unique ("department_id", "year")`);
    this.addSql(`create table "line_item" ("id" serial primary key, "version" int not null default 1, "plan_id" int not null, "parent_id" int null, "position" int not null default 0, "name" varchar(500) not null, "kind" text check ("kind" in ('INITIAL', 'MIDYEAR')) null, "amount_initial" bigint null, "amount_adjustment" bigint null, "amount_full_year" bigint null, "amount_actual" bigint null, "amount_carryover" bigint null, "amount_stated_execution_rate" varchar(255) null, "period" varchar(500) null, "period_goal" text null, "annual_goal" text null, "use" text null)`);
    this.addSql(`create table "key_task" ("id" serial primary key, "version" int not null default 1, "plan_id" int not null, "position" int not null default 0, "item" text null, "owner" text null, "goal" text null)`);
    this.addSql(`create table "indicator" ("id" serial primary key, "version" int not null default 1, "plan_id" int not null, "line_item_id" int null, "position" int not null default 0, "level1" text check ("level1" in ('OUTPUT', 'OUTCOME', 'SATISFACTION', 'COST', 'BUDGET_EXECUTION', 'UNKNOWN')) not null, "level1_label" varchar(500) not null, "level2" text check ("level2" in ('QUANTITY', 'QUALITY', 'TIMELINESS', 'OUTPUT_COST', 'ECONOMIC', 'SOCIAL', 'ECOLOGICAL', 'SUSTAINABILITY', 'SERVICE_SATISFACTION', 'ECONOMIC_COST', 'SOCIAL_COST', 'ECOLOGICAL_COST', 'UNKNOWN')) null, "level2_label" varchar(500) null, "name" text not null, "target_text" text null, "target_comparator" varchar(20) null, "target_value" varchar(60) null, "target_upper" varchar(60) null, "target_unit" varchar(20) null, "target_direction" varchar(20) null, "actual_text" text null, "weight" bigint null, "score" bigint null, "deduction" text null, "deviation_reason" text null, "score_unconfirmed" boolean not null default false, "remark" text null, "evidence" text null)`);
    this.addSql(`create table "evaluation" ("id" serial primary key, "version" int not null default 1, "plan_id" int not null, "total_score" bigint null, "grade" varchar(100) null, "max_score" bigint null, "satisfaction" jsonb null, "evaluators" jsonb null, "problems" jsonb null, "measures" jsonb null, "application" text null, "disclosure" text null)`);
    this.addSql(`alter table "evaluation" add constraint "evaluation_plan_id_unique" unique ("plan_id")`);
    this.addSql(`create table "evaluation_section" ("id" serial primary key, "evaluation_id" int not null, "position" int not null default 0, "name" varchar(500) null, "weight" bigint null, "score" bigint null)`);
    this.addSql(`create table "budget_line" ("id" serial primary key, "version" int not null default 1, "plan_id" int not null, "category" text check ("category" in ('TOTAL', 'BASIC', 'PERSONNEL', 'PUBLIC_USE', 'PROJECT', 'INCOME_GENERAL_PUBLIC', 'INCOME_GOVERNMENT_FUND', 'INCOME_OTHER', 'INCOME_PRIOR_YEAR_CARRYOVER', 'INCOME_SPECIAL_ACCOUNT_NON_TAX', 'BASIC_DETAIL', 'THREE_PUBLIC_TOTAL', 'THREE_PUBLIC_RECEPTION', 'THREE_PUBLIC_VEHICLE_OPS', 'THREE_PUBLIC_VEHICLE_PURCHASE', 'THREE_PUBLIC_OVERSEAS')) not null, "name" varchar(500) null, "position" int not null default 0, "initial" bigint null, "adjustment" bigint null, "full_year" bigint null, "actual" bigint null, "carryover" bigint null, "stated_execution_rate" varchar(255) null)`);
    this.addSql(`create table "app_user" ("id" serial primary key, "username" varchar(100) not null, "display_name" varchar(200) not null, "password_hash" varchar(300) not null, "role" text check ("role" in ('PLANNER', 'REVIEWER', 'EVALUATOR', 'ANALYST', 'ADMIN')) not null, "active" boolean not null default true, "created_at" timestamptz not null)`);
    this.addSql(`alter table "app_user" add constraint "app_user_username_unique" unique ("username")`);
    this.addSql(`create table "session" ("id" serial primary key, "token_hash" varchar(64) not null, "user_id" int not null, "created_at" timestamptz not null, "expires_at" timestamptz not null)`);
    this.addSql(`alter table "session" add constraint "session_token_hash_unique" unique ("token_hash")`);
    this.addSql(`create table "app_user_departments" ("user_id" int not null, "department_id" int not null, constraint "app_user_departments_pkey" primary key ("user_id", "department_id"))`);
    this.addSql(`alter table "plan" add constraint "plan_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade on delete restrict`);
    this.addSql(`alter table "line_item" add constraint "line_item_plan_id_foreign" foreign key ("plan_id") references "plan" ("id") on update cascade on delete cascade`);
    this.addSql(`alter table "line_item" add constraint "line_item_parent_id_foreign" foreign key ("parent_id") references "line_item" ("id") on update cascade on delete cascade`);
    this.addSql(`alter table "key_task" add constraint "key_task_plan_id_foreign" foreign key ("plan_id") references "plan" ("id") on update cascade on delete cascade`);
    this.addSql(`alter table "indicator" add constraint "indicator_plan_id_foreign" foreign key ("plan_id") references "plan" ("id") on update cascade on delete cascade`);
    this.addSql(`alter table "indicator" add constraint "indicator_line_item_id_foreign" foreign key ("line_item_id") references "line_item" ("id") on update cascade on delete cascade`);
    this.addSql(`alter table "evaluation" add constraint "evaluation_plan_id_foreign" foreign key ("plan_id") references "plan" ("id") on update cascade on delete cascade`);
    this.addSql(`alter table "evaluation_section" add constraint "evaluation_section_evaluation_id_foreign" foreign key ("evaluation_id") references "evaluation" ("id") on update cascade on delete cascade`);
    this.addSql(`alter table "budget_line" add constraint "budget_line_plan_id_foreign" foreign key ("plan_id") references "plan" ("id") on update cascade on delete cascade`);
    this.addSql(`alter table "session" add constraint "session_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade`);
    this.addSql(`alter table "app_user_departments" add constraint "app_user_departments_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade`);
    this.addSql(`alter table "app_user_departments" add constraint "app_user_departments_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade on delete cascade`);

    // Foreign keys are looked up by plan, parent, user…: index them, as the SQLite schema does.
    for (const [table, columns] of FOREIGN_KEY_INDEXES) {
      this.addSql(`create index "${table}_${columns.join('_')}_index" on "${table}" (${columns.map((column) => `"${column}"`).join(', ')})`);
    }

    // The audit trail is append-only, whatever client talks to the database.
    this.addSql(`create function audit_entry_append_only() returns trigger language plpgsql as $$ begin raise exception 'audit_entry is append-only' using errcode = 'restrict_violation'; end $$`);
    this.addSql(`create trigger audit_entry_no_update before update on "audit_entry" for each row execute function audit_entry_append_only()`);
    this.addSql(`create trigger audit_entry_no_delete before delete on "audit_entry" for each row execute function audit_entry_append_only()`);
    this.addSql(`create trigger audit_entry_no_truncate before truncate on "audit_entry" for each statement execute function audit_entry_append_only()`);
  }
}

/** The indexes on foreign-key columns that PostgreSQL migrations add beyond what the schema generator makes. */
export const FOREIGN_KEY_INDEXES: [table: string, columns: string[]][] = [
  ['plan', ['department_id']],
  ['line_item', ['plan_id']],
  ['line_item', ['parent_id']],
  ['key_task', ['plan_id']],
  ['indicator', ['plan_id']],
  ['indicator', ['line_item_id']],
  ['evaluation_section', ['evaluation_id']],
  ['budget_line', ['plan_id']],
  ['session', ['user_id']],
  ['app_user_departments', ['user_id']],
  ['app_user_departments', ['department_id']],
];
