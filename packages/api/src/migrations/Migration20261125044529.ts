import { Migration } from '@mikro-orm/migrations';

export class Migration20261125044529 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "commission_dispute" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "line_id" uuid not null, "reseller_id" uuid not null, "status" text check ("status" in ('OPEN', 'RESOLVED')) not null default 'OPEN', "resolution" text check ("resolution" in ('UPHELD', 'REJECTED')) null, "line_status_before" text check ("line_status_before" in ('CALCULATED', 'APPROVED', 'PAID', 'DISPUTED', 'REVERSED')) not null, "corrected_amount_cents" bigint null, "opened_by" text not null, "resolved_by" text null, "resolved_at" timestamptz null, constraint "commission_dispute_pkey" primary key ("id"));`);
    this.addSql(`create unique index commission_dispute_one_open_per_line on commission_dispute (line_id) where status = 'OPEN';`);
    this.addSql(`create index "commission_dispute_tenant_id_status_created_at_index" on "commission_dispute" ("tenant_id", "status", "created_at");`);

    this.addSql(`create table "commission_dispute_message" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, "dispute_id" uuid not null, "reseller_id" uuid not null, "author_label" text not null, "from_partner" boolean not null, "body" text not null, constraint "commission_dispute_message_pkey" primary key ("id"));`);
    this.addSql(`create index "commission_dispute_message_dispute_id_created_at_index" on "commission_dispute_message" ("dispute_id", "created_at");`);

    this.addSql(`alter table "commission_dispute" add constraint "commission_dispute_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "commission_dispute" add constraint "commission_dispute_line_id_foreign" foreign key ("line_id") references "commission_line" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "commission_dispute" add constraint "commission_dispute_reseller_id_foreign" foreign key ("reseller_id") references "reseller" ("id") on update cascade;`);

    this.addSql(`alter table "commission_dispute_message" add constraint "commission_dispute_message_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "commission_dispute_message" add constraint "commission_dispute_message_dispute_id_foreign" foreign key ("dispute_id") references "commission_dispute" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "commission_dispute_message" add constraint "commission_dispute_message_reseller_id_foreign" foreign key ("reseller_id") references "reseller" ("id") on update cascade;`);

    this.addSql(`alter table "commission_line" alter column "run_id" drop default;`);
    this.addSql(`alter table "commission_line" alter column "run_id" type uuid using ("run_id"::text::uuid);`);
    this.addSql(`alter table "commission_line" alter column "run_id" drop not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "commission_dispute_message" drop constraint "commission_dispute_message_dispute_id_foreign";`);

    this.addSql(`drop table if exists "commission_dispute" cascade;`);

    this.addSql(`drop table if exists "commission_dispute_message" cascade;`);

    this.addSql(`alter table "commission_line" alter column "run_id" drop default;`);
    this.addSql(`alter table "commission_line" alter column "run_id" type uuid using ("run_id"::text::uuid);`);
    this.addSql(`alter table "commission_line" alter column "run_id" set not null;`);
  }

}
