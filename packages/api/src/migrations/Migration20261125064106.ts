import { Migration } from '@mikro-orm/migrations';

export class Migration20261125064106 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "payout_account" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "reseller_id" uuid not null, "holder_name" text not null, "account_type" text check ("account_type" in ('CHECKING', 'SAVINGS')) not null, "routing_number" text not null, "account_number_ciphertext" text not null, "account_last4" text not null, "updated_at" timestamptz not null, "updated_by" text not null, "verified_at" timestamptz null, "verified_by" text null, constraint "payout_account_pkey" primary key ("id"));`);
    this.addSql(`alter table "payout_account" add constraint "payout_account_reseller_id_unique" unique ("reseller_id");`);

    this.addSql(`create table "payment_batch" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "period" text not null, "status" text check ("status" in ('DRAFT', 'APPROVED', 'EXPORTED', 'COMPLETED', 'CANCELLED')) not null default 'DRAFT', "created_by" text not null, "created_by_label" text not null, "approved_by" text null, "approved_by_label" text null, "approved_at" timestamptz null, "exported_at" timestamptz null, "exported_by" text null, "effective_date" date null, "total_cents" bigint not null default 0, "payment_count" int not null default 0, "skipped" jsonb not null, constraint "payment_batch_pkey" primary key ("id"));`);
    this.addSql(`create index "payment_batch_tenant_id_created_at_index" on "payment_batch" ("tenant_id", "created_at");`);

    this.addSql(`create table "payment_file" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "batch_id" uuid not null, "file_name" text not null, "nacha" text not null, "nacha_sha256" text not null, "remittance_csv" text not null, "created_by" text not null, constraint "payment_file_pkey" primary key ("id"));`);
    this.addSql(`alter table "payment_file" add constraint "payment_file_batch_id_unique" unique ("batch_id");`);

    this.addSql(`create table "payment" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "batch_id" uuid not null, "reseller_id" uuid not null, "amount_cents" bigint not null, "line_count" int not null, "status" text check ("status" in ('PENDING', 'EXPORTED', 'SETTLED', 'FAILED')) not null default 'PENDING', "sec_code" text not null, "holder_name" text not null, "account_type" text check ("account_type" in ('CHECKING', 'SAVINGS')) not null, "routing_number" text not null, "account_number_ciphertext" text not null, "account_last4" text not null, "trace_number" text null, "settled_at" timestamptz null, "failed_at" timestamptz null, "failure_reason" text null, "decided_by" text null, constraint "payment_pkey" primary key ("id"));`);
    this.addSql(`create index "payment_reseller_id_status_index" on "payment" ("reseller_id", "status");`);
    this.addSql(`alter table "payment" add constraint "payment_batch_id_reseller_id_unique" unique ("batch_id", "reseller_id");`);

    this.addSql(`create table "payment_item" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "payment_id" uuid not null, "line_id" uuid not null, "amount_cents" bigint not null, "released" boolean not null default false, constraint "payment_item_pkey" primary key ("id"));`);
    this.addSql(`create unique index payment_item_one_live_payment_per_line on payment_item (line_id) where released = false;`);
    this.addSql(`create index "payment_item_payment_id_index" on "payment_item" ("payment_id");`);

    this.addSql(`alter table "payout_account" add constraint "payout_account_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "payout_account" add constraint "payout_account_reseller_id_foreign" foreign key ("reseller_id") references "reseller" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "payment_batch" add constraint "payment_batch_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "payment_file" add constraint "payment_file_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "payment_file" add constraint "payment_file_batch_id_foreign" foreign key ("batch_id") references "payment_batch" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "payment" add constraint "payment_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "payment" add constraint "payment_batch_id_foreign" foreign key ("batch_id") references "payment_batch" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "payment" add constraint "payment_reseller_id_foreign" foreign key ("reseller_id") references "reseller" ("id") on update cascade;`);

    this.addSql(`alter table "payment_item" add constraint "payment_item_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "payment_item" add constraint "payment_item_payment_id_foreign" foreign key ("payment_id") references "payment" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "payment_item" add constraint "payment_item_line_id_foreign" foreign key ("line_id") references "commission_line" ("id") on update cascade;`);

    this.addSql(`alter table "outbox_email" drop constraint if exists "outbox_email_template_check";`);

    this.addSql(`alter table "tenant" add column "ach" jsonb null;`);

    this.addSql(`alter table "outbox_email" add constraint "outbox_email_template_check" check("template" in ('APPLICATION_RECEIVED', 'NEW_APPLICATION_ADMIN', 'APPLICATION_APPROVED', 'APPLICATION_REJECTED', 'ONBOARDING_COMPLETED', 'PAYOUT_ACCOUNT_CHANGED', 'PAYMENT_STATEMENT'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "payment_file" drop constraint "payment_file_batch_id_foreign";`);

    this.addSql(`alter table "payment" drop constraint "payment_batch_id_foreign";`);

    this.addSql(`alter table "payment_item" drop constraint "payment_item_payment_id_foreign";`);

    this.addSql(`drop table if exists "payout_account" cascade;`);

    this.addSql(`drop table if exists "payment_batch" cascade;`);

    this.addSql(`drop table if exists "payment_file" cascade;`);

    this.addSql(`drop table if exists "payment" cascade;`);

    this.addSql(`drop table if exists "payment_item" cascade;`);

    this.addSql(`alter table "outbox_email" drop constraint if exists "outbox_email_template_check";`);

    this.addSql(`alter table "outbox_email" add constraint "outbox_email_template_check" check("template" in ('APPLICATION_RECEIVED', 'NEW_APPLICATION_ADMIN', 'APPLICATION_APPROVED', 'APPLICATION_REJECTED', 'ONBOARDING_COMPLETED'));`);

    this.addSql(`alter table "tenant" drop column "ach";`);
  }

}
