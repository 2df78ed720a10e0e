import { Migration } from '@mikro-orm/migrations';

export class Migration20261125045852 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "onboarding_task" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "reseller_id" uuid not null, "key" text not null, "title" text not null, "category" text not null, "priority" text not null, "effort_hours" int not null, "owner" text check ("owner" in ('RESELLER', 'ISP')) not null, "due_date" date not null, "prerequisites" jsonb not null, "done_when" text not null, "position" int not null, "status" text check ("status" in ('PENDING', 'COMPLETED')) not null default 'PENDING', "completed_at" timestamptz null, "completed_by" text null, "note" text null, constraint "onboarding_task_pkey" primary key ("id"));`);
    this.addSql(`create index "onboarding_task_tenant_id_status_due_date_index" on "onboarding_task" ("tenant_id", "status", "due_date");`);
    this.addSql(`alter table "onboarding_task" add constraint "onboarding_task_reseller_id_key_unique" unique ("reseller_id", "key");`);

    this.addSql(`alter table "onboarding_task" add constraint "onboarding_task_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "onboarding_task" add constraint "onboarding_task_reseller_id_foreign" foreign key ("reseller_id") references "reseller" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "outbox_email" drop constraint if exists "outbox_email_template_check";`);

    this.addSql(`alter table "outbox_email" add constraint "outbox_email_template_check" check("template" in ('APPLICATION_RECEIVED', 'NEW_APPLICATION_ADMIN', 'APPLICATION_APPROVED', 'APPLICATION_REJECTED', 'ONBOARDING_COMPLETED'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "onboarding_task" cascade;`);

    this.addSql(`alter table "outbox_email" drop constraint if exists "outbox_email_template_check";`);

    this.addSql(`alter table "outbox_email" add constraint "outbox_email_template_check" check("template" in ('APPLICATION_RECEIVED', 'NEW_APPLICATION_ADMIN', 'APPLICATION_APPROVED', 'APPLICATION_REJECTED'));`);
  }

}
