import { Migration } from '@mikro-orm/migrations';

export class Migration20261125050158 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "commission_dispute" drop constraint "commission_dispute_line_id_foreign";`);

    // Existing disputes take their snapshot from their line before the columns become required.
    this.addSql(`alter table "commission_dispute" add column "period" text null, add column "line_amount_cents" bigint null, add column "line_trace" text null;`);
    this.addSql(`update "commission_dispute" d set "period" = l."period", "line_amount_cents" = l."amount_cents", "line_trace" = l."trace" from "commission_line" l where l."id" = d."line_id";`);
    this.addSql(`alter table "commission_dispute" alter column "period" set not null, alter column "line_amount_cents" set not null, alter column "line_trace" set not null;`);
    this.addSql(`alter table "commission_dispute" alter column "line_id" drop default;`);
    this.addSql(`alter table "commission_dispute" alter column "line_id" type uuid using ("line_id"::text::uuid);`);
    this.addSql(`alter table "commission_dispute" alter column "line_id" drop not null;`);
    this.addSql(`alter table "commission_dispute" add constraint "commission_dispute_line_id_foreign" foreign key ("line_id") references "commission_line" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "commission_dispute" drop constraint "commission_dispute_line_id_foreign";`);

    this.addSql(`alter table "commission_dispute" drop column "period", drop column "line_amount_cents", drop column "line_trace";`);

    this.addSql(`alter table "commission_dispute" alter column "line_id" drop default;`);
    this.addSql(`alter table "commission_dispute" alter column "line_id" type uuid using ("line_id"::text::uuid);`);
    this.addSql(`alter table "commission_dispute" alter column "line_id" set not null;`);
    this.addSql(`alter table "commission_dispute" add constraint "commission_dispute_line_id_foreign" foreign key ("line_id") references "commission_line" ("id") on update cascade on delete cascade;`);
  }

}
