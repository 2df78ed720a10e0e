import { Migration } from '@mikro-orm/migrations';

export class Migration20261125045118 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "commission_reconciliation" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "period" text not null, "created_by" text not null, "expected_total_cents" bigint not null, "stored_total_cents" bigint not null, "items" jsonb not null, constraint "commission_reconciliation_pkey" primary key ("id"));`);
    this.addSql(`create index "commission_reconciliation_tenant_id_period_created_at_index" on "commission_reconciliation" ("tenant_id", "period", "created_at");`);

    this.addSql(`alter table "commission_reconciliation" add constraint "commission_reconciliation_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "commission_reconciliation" cascade;`);
  }

}
