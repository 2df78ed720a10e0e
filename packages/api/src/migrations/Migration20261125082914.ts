import { Migration } from '@mikro-orm/migrations';

export class Migration20261125082914 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "job_run" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "workflow" text not null, "occurrence" text not null, "trigger" text check ("trigger" in ('SCHEDULE', 'MANUAL', 'EVENT')) not null, "status" text check ("status" in ('RUNNING', 'SUCCEEDED', 'FAILED')) not null default 'RUNNING', "attempt" int not null default 1, "started_at" timestamptz not null, "finished_at" timestamptz null, "duration_ms" int null, "heartbeat_at" timestamptz not null, "worker" text not null, "requested_by" text null, "error" text null, "result" jsonb null, constraint "job_run_pkey" primary key ("id"));`);
    this.addSql(`create index "job_run_tenant_id_workflow_started_at_index" on "job_run" ("tenant_id", "workflow", "started_at");`);
    this.addSql(`alter table "job_run" add constraint "job_run_tenant_id_workflow_occurrence_unique" unique ("tenant_id", "workflow", "occurrence");`);

    this.addSql(`alter table "job_run" add constraint "job_run_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "outbox_email" drop constraint if exists "outbox_email_template_check";`);
    this.addSql(`alter table "outbox_email" drop constraint if exists "outbox_email_status_check";`);

    this.addSql(`alter table "outbox_email" add column "next_attempt_at" timestamptz null, add column "locked_until" timestamptz null, add column "dedupe_key" text null, add column "message_id" text null, add column "resend_of" uuid null;`);
    this.addSql(`alter table "outbox_email" add constraint "outbox_email_template_check" check("template" in ('APPLICATION_RECEIVED', 'NEW_APPLICATION_ADMIN', 'APPLICATION_APPROVED', 'APPLICATION_REJECTED', 'ONBOARDING_COMPLETED', 'PAYOUT_ACCOUNT_CHANGED', 'PAYMENT_STATEMENT', 'ONBOARDING_TASK_REMINDER', 'COMMISSION_STATEMENT', 'PARTNER_ALERT', 'COMMISSION_RUN_READY'));`);
    this.addSql(`alter table "outbox_email" add constraint "outbox_email_status_check" check("status" in ('QUEUED', 'SENT', 'FAILED', 'CAPTURED'));`);
    this.addSql(`create unique index "outbox_email_dedupe_key_unique" on "outbox_email" ("tenant_id", "dedupe_key") where "dedupe_key" is not null;`);
    this.addSql(`create index "outbox_email_due_idx" on "outbox_email" ("next_attempt_at") where "status" = 'QUEUED';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "job_run" cascade;`);

    this.addSql(`alter table "outbox_email" drop constraint if exists "outbox_email_template_check";`);
    this.addSql(`alter table "outbox_email" drop constraint if exists "outbox_email_status_check";`);

    this.addSql(`drop index "outbox_email_dedupe_key_unique";`);
    this.addSql(`drop index "outbox_email_due_idx";`);
    this.addSql(`alter table "outbox_email" drop column "next_attempt_at", drop column "locked_until", drop column "dedupe_key", drop column "message_id", drop column "resend_of";`);

    this.addSql(`alter table "outbox_email" add constraint "outbox_email_template_check" check("template" in ('APPLICATION_RECEIVED', 'NEW_APPLICATION_ADMIN', 'APPLICATION_APPROVED', 'APPLICATION_REJECTED', 'ONBOARDING_COMPLETED', 'PAYOUT_ACCOUNT_CHANGED', 'PAYMENT_STATEMENT'));`);
    this.addSql(`alter table "outbox_email" add constraint "outbox_email_status_check" check("status" in ('QUEUED', 'SENT', 'FAILED'));`);
  }

}
