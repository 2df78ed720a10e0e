import { Migration } from '@mikro-orm/migrations';

export class Migration20261125065554 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "satisfaction_survey" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "reseller_id" uuid not null, "rating" smallint not null, "surveyed_on" date not null, "comment" text null, "recorded_by" text not null, constraint "satisfaction_survey_pkey" primary key ("id"));`);
    this.addSql(`create index "satisfaction_survey_reseller_id_surveyed_on_index" on "satisfaction_survey" ("reseller_id", "surveyed_on");`);

    this.addSql(`create table "partner_target" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "reseller_id" uuid not null, "revenue_target_cents" bigint not null, "new_customers_per_month" int not null, "updated_by" text not null, "updated_at" timestamptz not null, constraint "partner_target_pkey" primary key ("id"));`);
    this.addSql(`alter table "partner_target" add constraint "partner_target_reseller_id_unique" unique ("reseller_id");`);

    this.addSql(`create table "partner_health_snapshot" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "reseller_id" uuid not null, "computed_on" date not null, "score" smallint null, "band" text check ("band" in ('THRIVING', 'HEALTHY', 'STABLE', 'AT_RISK', 'CRITICAL')) null, "components" jsonb not null, "inputs" jsonb not null, constraint "partner_health_snapshot_pkey" primary key ("id"));`);
    this.addSql(`create index "partner_health_snapshot_tenant_id_computed_on_index" on "partner_health_snapshot" ("tenant_id", "computed_on");`);
    this.addSql(`alter table "partner_health_snapshot" add constraint "partner_health_snapshot_reseller_id_computed_on_unique" unique ("reseller_id", "computed_on");`);

    this.addSql(`create table "partner_alert" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "reseller_id" uuid not null, "rule" text not null, "severity" text check ("severity" in ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')) not null, "status" text check ("status" in ('OPEN', 'ACKNOWLEDGED', 'RESOLVED')) not null default 'OPEN', "message" text not null, "score_at_open" smallint null, "acknowledged_at" timestamptz null, "acknowledged_by" text null, "resolved_at" timestamptz null, "resolved_by" text null, "resolution" text null, "auto_resolved" boolean not null default false, constraint "partner_alert_pkey" primary key ("id"));`);
    this.addSql(`create unique index partner_alert_one_open_per_rule on partner_alert (reseller_id, rule) where status <> 'RESOLVED';`);
    this.addSql(`create index "partner_alert_tenant_id_status_severity_index" on "partner_alert" ("tenant_id", "status", "severity");`);

    this.addSql(`create table "partner_intervention" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "reseller_id" uuid not null, "alert_id" uuid null, "type" text check ("type" in ('CHECK_IN_CALL', 'TRAINING', 'MARKETING_SUPPORT', 'COMMISSION_INCENTIVE', 'EXECUTIVE_ESCALATION', 'PERFORMANCE_IMPROVEMENT_PLAN')) not null, "owner" text not null, "due_date" date not null, "status" text check ("status" in ('PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED')) not null default 'PLANNED', "notes" text null, "outcome" text null, "score_before" smallint null, "score_after" smallint null, "completed_at" timestamptz null, "created_by" text not null, constraint "partner_intervention_pkey" primary key ("id"));`);
    this.addSql(`create index "partner_intervention_reseller_id_index" on "partner_intervention" ("reseller_id");`);
    this.addSql(`create index "partner_intervention_tenant_id_status_due_date_index" on "partner_intervention" ("tenant_id", "status", "due_date");`);

    this.addSql(`alter table "satisfaction_survey" add constraint "satisfaction_survey_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "satisfaction_survey" add constraint "satisfaction_survey_reseller_id_foreign" foreign key ("reseller_id") references "reseller" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "partner_target" add constraint "partner_target_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "partner_target" add constraint "partner_target_reseller_id_foreign" foreign key ("reseller_id") references "reseller" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "partner_health_snapshot" add constraint "partner_health_snapshot_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "partner_health_snapshot" add constraint "partner_health_snapshot_reseller_id_foreign" foreign key ("reseller_id") references "reseller" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "partner_alert" add constraint "partner_alert_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "partner_alert" add constraint "partner_alert_reseller_id_foreign" foreign key ("reseller_id") references "reseller" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "partner_intervention" add constraint "partner_intervention_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "partner_intervention" add constraint "partner_intervention_reseller_id_foreign" foreign key ("reseller_id") references "reseller" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "partner_intervention" add constraint "partner_intervention_alert_id_foreign" foreign key ("alert_id") references "partner_alert" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "partner_intervention" drop constraint "partner_intervention_alert_id_foreign";`);

    this.addSql(`drop table if exists "satisfaction_survey" cascade;`);

    this.addSql(`drop table if exists "partner_target" cascade;`);

    this.addSql(`drop table if exists "partner_health_snapshot" cascade;`);

    this.addSql(`drop table if exists "partner_alert" cascade;`);

    this.addSql(`drop table if exists "partner_intervention" cascade;`);
  }

}
