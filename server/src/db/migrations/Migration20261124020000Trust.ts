import { Migration } from '@mikro-orm/migrations';

/** Trust (issue 6): users and sessions, the append-only audit trail, and a version on every editable row. */
export class Migration20261124020000Trust extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table \`audit_entry\` (\`id\` integer not null primary key autoincrement, \`at\` datetime not null, \`user_id\` integer null, \`user_name\` text not null default '系统', \`plan_id\` integer null, \`object_type\` text not null, \`object_id\` integer not null, \`field\` text not null, \`before\` text null, \`after\` text null, \`reason\` text null)`);
    this.addSql(`create index \`audit_entry_object_type_object_id_index\` on \`audit_entry\` (\`object_type\`, \`object_id\`)`);
    this.addSql(`create index \`audit_entry_plan_id_at_index\` on \`audit_entry\` (\`plan_id\`, \`at\`)`);
    this.addSql(`create table \`app_user\` (\`id\` integer not null primary key autoincrement, \`username\` text not null, \`display_name\` text not null, \`password_hash\` text not null, \`role\` text check (\`role\` in ('PLANNER', 'REVIEWER', 'EVALUATOR', 'ANALYST', 'ADMIN')) not null, \`active\` integer not null default true, \`created_at\` datetime not null)`);
    this.addSql(`create unique index \`app_user_username_unique\` on \`app_user\` (\`username\`)`);
    this.addSql(`create table \`session\` (\`id\` integer not null primary key autoincrement, \`token_hash\` text not null, \`user_id\` integer not null, \`created_at\` datetime not null, \`expires_at\` datetime not null, constraint \`session_user_id_foreign\` foreign key(\`user_id\`) references \`app_user\`(\`id\`) on delete cascade on update cascade)`);
    this.addSql(`create unique index \`session_token_hash_unique\` on \`session\` (\`token_hash\`)`);
    this.addSql(`create index \`session_user_id_index\` on \`session\` (\`user_id\`)`);
    this.addSql(`create table \`app_user_departments\` (\`user_id\` integer not null, \`department_id\` integer not null, constraint \`app_user_departments_user_id_foreign\` foreign key(\`user_id\`) references \`app_user\`(\`id\`) on delete cascade on update cascade, constraint \`app_user_departments_department_id_foreign\` foreign key(\`department_id\`) references \`department\`(\`id\`) on delete cascade on update cascade, primary key (\`user_id\`, \`department_id\`))`);
    this.addSql(`create index \`app_user_departments_user_id_index\` on \`app_user_departments\` (\`user_id\`)`);
    this.addSql(`create index \`app_user_departments_department_id_index\` on \`app_user_departments\` (\`department_id\`)`);
    this.addSql(`alter table \`department\` add column \`version\` integer not null default 1`);
    this.addSql(`alter table \`plan\` add column \`version\` integer not null default 1`);
    this.addSql(`alter table \`line_item\` add column \`version\` integer not null default 1`);
    this.addSql(`alter table \`key_task\` add column \`version\` integer not null default 1`);
    this.addSql(`alter table \`indicator\` add column \`version\` integer not null default 1`);
    this.addSql(`alter table \`evaluation\` add column \`version\` integer not null default 1`);
    this.addSql(`alter table \`budget_line\` add column \`version\` integer not null default 1`);
    // The audit trail is append-only, whatever client talks to the database.
    this.addSql(
      "create trigger `audit_entry_no_update` before update of `at`, `user_id`, `user_name`, `object_type`, `field`, `before`, `after`, `reason` on `audit_entry` begin select raise(abort, 'audit_entry is append-only'); end",
    );
    this.addSql("create trigger `audit_entry_no_delete` before delete on `audit_entry` begin select raise(abort, 'audit_entry is append-only'); end");
  }
}
