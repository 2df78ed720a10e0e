import { Migration } from '@mikro-orm/migrations';

export class Migration20261125040103 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "tenant" ("id" uuid not null, "slug" text not null, "name" text not null, "timezone" text not null default 'America/New_York', "currency" text not null default 'USD', "support_email" text not null default 'partners@example.com', "last_reseller_number" int not null default 0, "branding" jsonb not null, "created_at" timestamptz not null, constraint "tenant_pkey" primary key ("id"));`);
    this.addSql(`alter table "tenant" add constraint "tenant_slug_unique" unique ("slug");`);

    this.addSql(`create table "reseller" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "code" text not null, "company_name" text not null, "legal_name" text not null, "contact_name" text not null, "contact_email" text not null, "phone" text not null, "website" text null, "business_type" text check ("business_type" in ('INDIVIDUAL', 'LLC', 'CORPORATION', 'PARTNERSHIP', 'NON_PROFIT')) not null, "territory" jsonb not null, "status" text check ("status" in ('ONBOARDING', 'ACTIVE', 'SUSPENDED', 'TERMINATED')) not null default 'ONBOARDING', "tier" text check ("tier" in ('BRONZE', 'SILVER', 'GOLD', 'PLATINUM')) not null default 'BRONZE', "approved_at" timestamptz not null, "status_changed_at" timestamptz not null, "updated_at" timestamptz not null, constraint "reseller_pkey" primary key ("id"));`);
    this.addSql(`create index "reseller_tenant_id_created_at_id_index" on "reseller" ("tenant_id", "created_at", "id");`);
    this.addSql(`alter table "reseller" add constraint "reseller_tenant_id_code_unique" unique ("tenant_id", "code");`);

    this.addSql(`create table "outbox_email" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "template" text check ("template" in ('APPLICATION_RECEIVED', 'NEW_APPLICATION_ADMIN', 'APPLICATION_APPROVED', 'APPLICATION_REJECTED')) not null, "to_address" text not null, "to_name" text null, "subject" text not null, "html" text not null, "text" text not null, "status" text check ("status" in ('QUEUED', 'SENT', 'FAILED')) not null default 'QUEUED', "attempts" int not null default 0, "sent_at" timestamptz null, "last_error" text null, "related_type" text null, "related_id" uuid null, constraint "outbox_email_pkey" primary key ("id"));`);
    this.addSql(`create index "outbox_email_tenant_id_related_type_related_id_index" on "outbox_email" ("tenant_id", "related_type", "related_id");`);
    this.addSql(`create index "outbox_email_tenant_id_created_at_id_index" on "outbox_email" ("tenant_id", "created_at", "id");`);

    this.addSql(`create table "audit_event" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "actor_type" text check ("actor_type" in ('USER', 'API_KEY', 'PUBLIC', 'SYSTEM')) not null, "actor_id" uuid null, "actor_label" text not null, "action" text not null, "entity_type" text not null, "entity_id" uuid not null, "reason" text null, "data" jsonb not null, constraint "audit_event_pkey" primary key ("id"));`);
    this.addSql(`create index "audit_event_tenant_id_entity_type_entity_id_created_at_index" on "audit_event" ("tenant_id", "entity_type", "entity_id", "created_at");`);

    this.addSql(`create table "app_user" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "email" text not null, "name" text not null, "password_hash" text null, "role" text check ("role" in ('ADMIN', 'FINANCE', 'PARTNER_MANAGER', 'RESELLER_OWNER', 'RESELLER_STAFF')) not null, "reseller_id" uuid null, "status" text check ("status" in ('INVITED', 'ACTIVE', 'DISABLED')) not null default 'INVITED', "last_login_at" timestamptz null, constraint "app_user_pkey" primary key ("id"));`);
    this.addSql(`create index "app_user_reseller_id_index" on "app_user" ("reseller_id");`);
    this.addSql(`alter table "app_user" add constraint "app_user_tenant_id_email_unique" unique ("tenant_id", "email");`);

    this.addSql(`create table "user_session" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "user_id" uuid not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, constraint "user_session_pkey" primary key ("id"));`);

    this.addSql(`create table "reseller_application" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "status" text check ("status" in ('SUBMITTED', 'UNDER_REVIEW', 'APPROVED', 'REJECTED', 'WITHDRAWN')) not null default 'SUBMITTED', "company_name" text not null, "legal_name" text not null, "contact_name" text not null, "contact_email" text not null, "phone" text not null, "website" text null, "business_type" text check ("business_type" in ('INDIVIDUAL', 'LLC', 'CORPORATION', 'PARTNERSHIP', 'NON_PROFIT')) not null, "years_in_business" int not null, "territory" jsonb not null, "expected_customers_per_month" int not null, "current_customer_base" int not null, "services_of_interest" jsonb not null, "referral_source" text check ("referral_source" in ('SEARCH', 'SOCIAL_MEDIA', 'REFERRAL', 'EVENT', 'ADVERTISING', 'EXISTING_PARTNER', 'OTHER')) not null, "message" text null, "terms_accepted_at" timestamptz not null, "status_token_hash" text not null, "submitted_ip" text null, "reviewer_id" uuid null, "review_started_at" timestamptz null, "decided_by_id" uuid null, "decided_at" timestamptz null, "rejection_reason" text null, "reseller_id" uuid null, "withdrawn_at" timestamptz null, "updated_at" timestamptz not null, constraint "reseller_application_pkey" primary key ("id"));`);
    this.addSql(`alter table "reseller_application" add constraint "reseller_application_status_token_hash_unique" unique ("status_token_hash");`);
    this.addSql(`alter table "reseller_application" add constraint "reseller_application_reseller_id_unique" unique ("reseller_id");`);
    this.addSql(`create unique index reseller_application_one_open_per_email on reseller_application (tenant_id, contact_email) where status in ('SUBMITTED', 'UNDER_REVIEW');`);
    this.addSql(`create index "reseller_application_tenant_id_created_at_id_index" on "reseller_application" ("tenant_id", "created_at", "id");`);

    this.addSql(`create table "application_note" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "application_id" uuid not null, "author_id" uuid not null, "body" text not null, constraint "application_note_pkey" primary key ("id"));`);
    this.addSql(`create index "application_note_application_id_index" on "application_note" ("application_id");`);

    this.addSql(`create table "api_key" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "name" text not null, "prefix" text not null, "key_hash" text not null, "role" text check ("role" in ('ADMIN', 'FINANCE', 'PARTNER_MANAGER', 'RESELLER_OWNER', 'RESELLER_STAFF')) not null, "reseller_id" uuid null, "created_by_id" uuid null, "last_used_at" timestamptz null, "revoked_at" timestamptz null, constraint "api_key_pkey" primary key ("id"));`);
    this.addSql(`alter table "api_key" add constraint "api_key_key_hash_unique" unique ("key_hash");`);

    this.addSql(`create table "user_token" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "user_id" uuid not null, "purpose" text check ("purpose" in ('SET_PASSWORD')) not null, "token_hash" text not null, "expires_at" timestamptz not null, "used_at" timestamptz null, constraint "user_token_pkey" primary key ("id"));`);
    this.addSql(`alter table "user_token" add constraint "user_token_token_hash_unique" unique ("token_hash");`);

    this.addSql(`alter table "reseller" add constraint "reseller_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "outbox_email" add constraint "outbox_email_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "audit_event" add constraint "audit_event_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "app_user" add constraint "app_user_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "app_user" add constraint "app_user_reseller_id_foreign" foreign key ("reseller_id") references "reseller" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "user_session" add constraint "user_session_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "user_session" add constraint "user_session_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "reseller_application" add constraint "reseller_application_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "reseller_application" add constraint "reseller_application_reviewer_id_foreign" foreign key ("reviewer_id") references "app_user" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "reseller_application" add constraint "reseller_application_decided_by_id_foreign" foreign key ("decided_by_id") references "app_user" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "reseller_application" add constraint "reseller_application_reseller_id_foreign" foreign key ("reseller_id") references "reseller" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "application_note" add constraint "application_note_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "application_note" add constraint "application_note_application_id_foreign" foreign key ("application_id") references "reseller_application" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "application_note" add constraint "application_note_author_id_foreign" foreign key ("author_id") references "app_user" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "api_key" add constraint "api_key_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "api_key" add constraint "api_key_reseller_id_foreign" foreign key ("reseller_id") references "reseller" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "api_key" add constraint "api_key_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "user_token" add constraint "user_token_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "user_token" add constraint "user_token_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "reseller" drop constraint "reseller_tenant_id_foreign";`);

    this.addSql(`alter table "outbox_email" drop constraint "outbox_email_tenant_id_foreign";`);

    this.addSql(`alter table "audit_event" drop constraint "audit_event_tenant_id_foreign";`);

    this.addSql(`alter table "app_user" drop constraint "app_user_tenant_id_foreign";`);

    this.addSql(`alter table "user_session" drop constraint "user_session_tenant_id_foreign";`);

    this.addSql(`alter table "reseller_application" drop constraint "reseller_application_tenant_id_foreign";`);

    this.addSql(`alter table "application_note" drop constraint "application_note_tenant_id_foreign";`);

    this.addSql(`alter table "api_key" drop constraint "api_key_tenant_id_foreign";`);

    this.addSql(`alter table "user_token" drop constraint "user_token_tenant_id_foreign";`);

    this.addSql(`alter table "app_user" drop constraint "app_user_reseller_id_foreign";`);

    this.addSql(`alter table "reseller_application" drop constraint "reseller_application_reseller_id_foreign";`);

    this.addSql(`alter table "api_key" drop constraint "api_key_reseller_id_foreign";`);

    this.addSql(`alter table "user_session" drop constraint "user_session_user_id_foreign";`);

    this.addSql(`alter table "reseller_application" drop constraint "reseller_application_reviewer_id_foreign";`);

    this.addSql(`alter table "reseller_application" drop constraint "reseller_application_decided_by_id_foreign";`);

    this.addSql(`alter table "application_note" drop constraint "application_note_author_id_foreign";`);

    this.addSql(`alter table "api_key" drop constraint "api_key_created_by_id_foreign";`);

    this.addSql(`alter table "user_token" drop constraint "user_token_user_id_foreign";`);

    this.addSql(`alter table "application_note" drop constraint "application_note_application_id_foreign";`);

    this.addSql(`drop table if exists "tenant" cascade;`);

    this.addSql(`drop table if exists "reseller" cascade;`);

    this.addSql(`drop table if exists "outbox_email" cascade;`);

    this.addSql(`drop table if exists "audit_event" cascade;`);

    this.addSql(`drop table if exists "app_user" cascade;`);

    this.addSql(`drop table if exists "user_session" cascade;`);

    this.addSql(`drop table if exists "reseller_application" cascade;`);

    this.addSql(`drop table if exists "application_note" cascade;`);

    this.addSql(`drop table if exists "api_key" cascade;`);

    this.addSql(`drop table if exists "user_token" cascade;`);
  }

}
