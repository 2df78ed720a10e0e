import { Migration } from '@mikro-orm/migrations';

export class Migration20261125061242 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "customer_task" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "customer_id" uuid not null, "type" text check ("type" in ('WELCOME_SEQUENCE', 'ASSIGN_ACCOUNT_MANAGER', 'START_ONBOARDING', 'HEALTH_CHECK_IN', 'RETENTION_INTERVENTION', 'EXIT_SURVEY', 'WIN_BACK')) not null, "stage" text check ("stage" in ('PROSPECT', 'LEAD', 'QUALIFIED', 'PROPOSAL', 'NEGOTIATION', 'CLOSED_WON', 'ONBOARDING', 'ACTIVE', 'EXPANSION', 'AT_RISK', 'CHURNED', 'REACTIVATION')) not null, "title" text not null, "due_date" date not null, "status" text check ("status" in ('OPEN', 'DONE')) not null default 'OPEN', "completed_at" timestamptz null, "completed_by" text null, "note" text null, constraint "customer_task_pkey" primary key ("id"));`);
    this.addSql(`create index "customer_task_tenant_id_status_due_date_index" on "customer_task" ("tenant_id", "status", "due_date");`);
    this.addSql(`create index "customer_task_customer_id_status_index" on "customer_task" ("customer_id", "status");`);

    this.addSql(`create table "customer_stage_transition" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "customer_id" uuid not null, "from_stage" text check ("from_stage" in ('PROSPECT', 'LEAD', 'QUALIFIED', 'PROPOSAL', 'NEGOTIATION', 'CLOSED_WON', 'ONBOARDING', 'ACTIVE', 'EXPANSION', 'AT_RISK', 'CHURNED', 'REACTIVATION')) null, "to_stage" text check ("to_stage" in ('PROSPECT', 'LEAD', 'QUALIFIED', 'PROPOSAL', 'NEGOTIATION', 'CLOSED_WON', 'ONBOARDING', 'ACTIVE', 'EXPANSION', 'AT_RISK', 'CHURNED', 'REACTIVATION')) not null, "at" timestamptz not null, "actor" text not null, "reason" text null, constraint "customer_stage_transition_pkey" primary key ("id"));`);
    this.addSql(`create index "customer_stage_transition_tenant_id_to_stage_at_index" on "customer_stage_transition" ("tenant_id", "to_stage", "at");`);
    this.addSql(`create index "customer_stage_transition_customer_id_at_index" on "customer_stage_transition" ("customer_id", "at");`);

    this.addSql(`create table "customer_interaction" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "customer_id" uuid not null, "type" text check ("type" in ('SALES_CALL', 'EMAIL', 'MEETING', 'TRAINING', 'SUPPORT_TICKET', 'BILLING_INQUIRY', 'TECHNICAL_ISSUE', 'FEATURE_REQUEST', 'COMPLAINT', 'COMPLIMENT')) not null, "occurred_on" date not null, "duration_minutes" int null, "outcome" text check ("outcome" in ('POSITIVE', 'NEUTRAL', 'NEGATIVE', 'RESOLVED', 'UNRESOLVED', 'NO_RESPONSE')) not null, "satisfaction" smallint null, "notes" text null, "follow_up_on" date null, "follow_up_done_at" timestamptz null, "logged_by" text not null, constraint "customer_interaction_pkey" primary key ("id"));`);
    this.addSql(`create index "customer_interaction_tenant_id_follow_up_on_index" on "customer_interaction" ("tenant_id", "follow_up_on");`);
    this.addSql(`create index "customer_interaction_customer_id_occurred_on_index" on "customer_interaction" ("customer_id", "occurred_on");`);

    this.addSql(`alter table "customer_task" add constraint "customer_task_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "customer_task" add constraint "customer_task_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "customer_stage_transition" add constraint "customer_stage_transition_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "customer_stage_transition" add constraint "customer_stage_transition_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "customer_interaction" add constraint "customer_interaction_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "customer_interaction" add constraint "customer_interaction_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "customer" add column "service_plan" text null, add column "mrr_cents" bigint not null default 0, add column "signup_date" date null, add column "stage" text check ("stage" in ('PROSPECT', 'LEAD', 'QUALIFIED', 'PROPOSAL', 'NEGOTIATION', 'CLOSED_WON', 'ONBOARDING', 'ACTIVE', 'EXPANSION', 'AT_RISK', 'CHURNED', 'REACTIVATION')) not null default 'PROSPECT', add column "stage_entered_at" timestamptz not null default now(), add column "usage_percent" smallint null, add column "health_score" smallint null, add column "health_components" jsonb null, add column "health_computed_at" timestamptz null;`);
    this.addSql(`create index "customer_tenant_id_stage_index" on "customer" ("tenant_id", "stage");`);
    // Customers from before the lifecycle: those with invoices are paying (ACTIVE) since their
    // first assignment; every customer gets its first transition so time in stage has a start.
    this.addSql(`update "customer" c set "stage" = 'ACTIVE', "signup_date" = coalesce(c."signup_date", (select min(a."from_date") from "customer_assignment" a where a."customer_id" = c."id")) where exists (select 1 from "billing_record" b where b."customer_id" = c."id");`);
    this.addSql(`update "customer" set "stage_entered_at" = "created_at";`);
    this.addSql(`alter table "customer" alter column "stage_entered_at" drop default;`);
    this.addSql(`insert into "customer_stage_transition" ("id", "tenant_id", "created_at", "customer_id", "from_stage", "to_stage", "at", "actor", "reason") select gen_random_uuid(), "tenant_id", now(), "id", null, "stage", "created_at", 'system', 'Stage when the lifecycle was introduced' from "customer";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "customer_task" cascade;`);

    this.addSql(`drop table if exists "customer_stage_transition" cascade;`);

    this.addSql(`drop table if exists "customer_interaction" cascade;`);

    this.addSql(`drop index "customer_tenant_id_stage_index";`);
    this.addSql(`alter table "customer" drop column "service_plan", drop column "mrr_cents", drop column "signup_date", drop column "stage", drop column "stage_entered_at", drop column "usage_percent", drop column "health_score", drop column "health_components", drop column "health_computed_at";`);
  }

}
