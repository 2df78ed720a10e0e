import { Migration } from '@mikro-orm/migrations';

export class Migration20261125043727 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "customer" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "external_id" text not null, "name" text not null, "email" text null, "reseller_id" uuid null, "updated_at" timestamptz not null, constraint "customer_pkey" primary key ("id"));`);
    this.addSql(`create index "customer_reseller_id_index" on "customer" ("reseller_id");`);
    this.addSql(`alter table "customer" add constraint "customer_tenant_id_external_id_unique" unique ("tenant_id", "external_id");`);

    this.addSql(`create table "customer_assignment" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "customer_id" uuid not null, "reseller_id" uuid not null, "from_date" date not null, "to_date" date null, "reason" text null, constraint "customer_assignment_pkey" primary key ("id"));`);
    this.addSql(`create index "customer_assignment_customer_id_from_date_index" on "customer_assignment" ("customer_id", "from_date");`);

    this.addSql(`create table "commission_run" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "period" text not null, "status" text check ("status" in ('RUNNING', 'COMPLETED', 'FAILED', 'APPROVED')) not null default 'RUNNING', "started_at" timestamptz not null, "finished_at" timestamptz null, "started_by" text not null, "reseller_count" int not null default 0, "line_count" int not null default 0, "adjustment_count" int not null default 0, "revenue_cents" bigint not null default 0, "total_cents" bigint not null default 0, "error" text null, "approved_by" text null, "approved_at" timestamptz null, constraint "commission_run_pkey" primary key ("id"));`);
    this.addSql(`create index "commission_run_tenant_id_period_started_at_index" on "commission_run" ("tenant_id", "period", "started_at");`);

    this.addSql(`create table "commission_plan" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "name" text not null, "description" text null, "type" text check ("type" in ('PERCENTAGE', 'FLAT_FEE', 'TIERED')) not null, "is_default" boolean not null default false, constraint "commission_plan_pkey" primary key ("id"));`);
    this.addSql(`create unique index commission_plan_one_default on commission_plan (tenant_id) where is_default;`);
    this.addSql(`alter table "commission_plan" add constraint "commission_plan_tenant_id_name_unique" unique ("tenant_id", "name");`);

    this.addSql(`create table "commission_plan_version" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "plan_id" uuid not null, "version" int not null, "effective_from" text not null, "rate_units" int null, "per_new_customer_cents" bigint null, "per_active_customer_cents" bigint null, "tiers" jsonb null, "tier_mode" text check ("tier_mode" in ('WHOLE', 'MARGINAL')) null, "holding_days" int not null default 0, "monthly_cap_cents" bigint null, "minimum_payout_cents" bigint not null default 5000, "payment_terms_days" int not null default 30, constraint "commission_plan_version_pkey" primary key ("id"));`);
    this.addSql(`alter table "commission_plan_version" add constraint "commission_plan_version_plan_id_effective_from_unique" unique ("plan_id", "effective_from");`);
    this.addSql(`alter table "commission_plan_version" add constraint "commission_plan_version_plan_id_version_unique" unique ("plan_id", "version");`);

    this.addSql(`create table "commission_plan_assignment" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "reseller_id" uuid not null, "plan_id" uuid not null, "effective_from" text not null, constraint "commission_plan_assignment_pkey" primary key ("id"));`);
    this.addSql(`alter table "commission_plan_assignment" add constraint "commission_plan_assignment_reseller_id_effective_from_unique" unique ("reseller_id", "effective_from");`);

    this.addSql(`create table "commission_period_close" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "period" text not null, "closed_by" text not null, constraint "commission_period_close_pkey" primary key ("id"));`);
    this.addSql(`alter table "commission_period_close" add constraint "commission_period_close_tenant_id_period_unique" unique ("tenant_id", "period");`);

    this.addSql(`create table "commission_line" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "run_id" uuid not null, "period" text not null, "reseller_id" uuid not null, "customer_id" uuid null, "kind" text check ("kind" in ('CUSTOMER', 'CAP', 'ADJUSTMENT')) not null, "adjustment_for_period" text null, "plan_version_id" uuid not null, "base_cents" bigint not null, "rate_units" int null, "fee_cents" bigint null, "tier_index" int null, "amount_cents" bigint not null, "status" text check ("status" in ('CALCULATED', 'APPROVED', 'PAID', 'DISPUTED', 'REVERSED')) not null default 'CALCULATED', "trace" text not null, "trace_data" jsonb not null, constraint "commission_line_pkey" primary key ("id"));`);
    this.addSql(`create index "commission_line_run_id_index" on "commission_line" ("run_id");`);
    this.addSql(`create index "commission_line_tenant_id_period_reseller_id_index" on "commission_line" ("tenant_id", "period", "reseller_id");`);

    this.addSql(`create table "billing_record" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "customer_id" uuid not null, "period" text not null, "invoice_id" text not null, "invoiced_cents" bigint not null, "paid_cents" bigint not null default 0, "paid_date" date null, "updated_at" timestamptz not null, constraint "billing_record_pkey" primary key ("id"));`);
    this.addSql(`create index "billing_record_customer_id_index" on "billing_record" ("customer_id");`);
    this.addSql(`create index "billing_record_tenant_id_paid_date_index" on "billing_record" ("tenant_id", "paid_date");`);
    this.addSql(`alter table "billing_record" add constraint "billing_record_tenant_id_invoice_id_unique" unique ("tenant_id", "invoice_id");`);

    this.addSql(`create table "commission_line_source" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "line_id" uuid not null, "billing_record_id" uuid not null, "counted_cents" bigint not null, constraint "commission_line_source_pkey" primary key ("id"));`);
    this.addSql(`create index "commission_line_source_billing_record_id_index" on "commission_line_source" ("billing_record_id");`);

    this.addSql(`alter table "customer" add constraint "customer_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "customer" add constraint "customer_reseller_id_foreign" foreign key ("reseller_id") references "reseller" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "customer_assignment" add constraint "customer_assignment_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "customer_assignment" add constraint "customer_assignment_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "customer_assignment" add constraint "customer_assignment_reseller_id_foreign" foreign key ("reseller_id") references "reseller" ("id") on update cascade;`);

    this.addSql(`alter table "commission_run" add constraint "commission_run_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "commission_plan" add constraint "commission_plan_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "commission_plan_version" add constraint "commission_plan_version_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "commission_plan_version" add constraint "commission_plan_version_plan_id_foreign" foreign key ("plan_id") references "commission_plan" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "commission_plan_assignment" add constraint "commission_plan_assignment_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "commission_plan_assignment" add constraint "commission_plan_assignment_reseller_id_foreign" foreign key ("reseller_id") references "reseller" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "commission_plan_assignment" add constraint "commission_plan_assignment_plan_id_foreign" foreign key ("plan_id") references "commission_plan" ("id") on update cascade;`);

    this.addSql(`alter table "commission_period_close" add constraint "commission_period_close_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "commission_line" add constraint "commission_line_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "commission_line" add constraint "commission_line_run_id_foreign" foreign key ("run_id") references "commission_run" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "commission_line" add constraint "commission_line_reseller_id_foreign" foreign key ("reseller_id") references "reseller" ("id") on update cascade;`);
    this.addSql(`alter table "commission_line" add constraint "commission_line_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "commission_line" add constraint "commission_line_plan_version_id_foreign" foreign key ("plan_version_id") references "commission_plan_version" ("id") on update cascade;`);

    this.addSql(`alter table "billing_record" add constraint "billing_record_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "billing_record" add constraint "billing_record_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "commission_line_source" add constraint "commission_line_source_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "commission_line_source" add constraint "commission_line_source_line_id_foreign" foreign key ("line_id") references "commission_line" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "commission_line_source" add constraint "commission_line_source_billing_record_id_foreign" foreign key ("billing_record_id") references "billing_record" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "customer_assignment" drop constraint "customer_assignment_customer_id_foreign";`);

    this.addSql(`alter table "commission_line" drop constraint "commission_line_customer_id_foreign";`);

    this.addSql(`alter table "billing_record" drop constraint "billing_record_customer_id_foreign";`);

    this.addSql(`alter table "commission_line" drop constraint "commission_line_run_id_foreign";`);

    this.addSql(`alter table "commission_plan_version" drop constraint "commission_plan_version_plan_id_foreign";`);

    this.addSql(`alter table "commission_plan_assignment" drop constraint "commission_plan_assignment_plan_id_foreign";`);

    this.addSql(`alter table "commission_line" drop constraint "commission_line_plan_version_id_foreign";`);

    this.addSql(`alter table "commission_line_source" drop constraint "commission_line_source_line_id_foreign";`);

    this.addSql(`alter table "commission_line_source" drop constraint "commission_line_source_billing_record_id_foreign";`);

    this.addSql(`drop table if exists "customer" cascade;`);

    this.addSql(`drop table if exists "customer_assignment" cascade;`);

    this.addSql(`drop table if exists "commission_run" cascade;`);

    this.addSql(`drop table if exists "commission_plan" cascade;`);

    this.addSql(`drop table if exists "commission_plan_version" cascade;`);

    this.addSql(`drop table if exists "commission_plan_assignment" cascade;`);

    this.addSql(`drop table if exists "commission_period_close" cascade;`);

    this.addSql(`drop table if exists "commission_line" cascade;`);

    this.addSql(`drop table if exists "billing_record" cascade;`);

    this.addSql(`drop table if exists "commission_line_source" cascade;`);
  }

}
