import { Migration } from '@mikro-orm/migrations';

/**
 * A line's sources (which billing records it counted, and how much of each) move from one row per
 * record in commission_line_source to two parallel arrays on the line: the run wrote a million
 * source rows, and their inserts and foreign-key checks were most of its time. Existing sources
 * are carried over (ordered by record id) before the table is dropped.
 */
export class Migration20261125102435 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "commission_line" add column "source_record_ids" uuid[] not null default '{}', add column "source_counted_cents" bigint[] not null default '{}';`);
    this.addSql(`update "commission_line" l set "source_record_ids" = s.ids, "source_counted_cents" = s.cents
                   from (select line_id, array_agg(billing_record_id order by billing_record_id) as ids, array_agg(counted_cents order by billing_record_id) as cents
                           from "commission_line_source" group by line_id) s
                  where s.line_id = l.id;`);
    this.addSql(`drop table if exists "commission_line_source" cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`create table "commission_line_source" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz(6) not null, "line_id" uuid not null, "billing_record_id" uuid not null, "counted_cents" int8 not null, constraint "commission_line_source_pkey" primary key ("id"));`);
    this.addSql(`create index "commission_line_source_billing_record_id_index" on "commission_line_source" ("billing_record_id");`);
    this.addSql(`create index "commission_line_source_line_id_index" on "commission_line_source" ("line_id");`);

    this.addSql(`alter table "commission_line_source" add constraint "commission_line_source_billing_record_id_foreign" foreign key ("billing_record_id") references "billing_record" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "commission_line_source" add constraint "commission_line_source_line_id_foreign" foreign key ("line_id") references "commission_line" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "commission_line_source" add constraint "commission_line_source_tenant_id_foreign" foreign key ("tenant_id") references "tenant" ("id") on update cascade on delete cascade;`);
    this.addSql(`insert into "commission_line_source" (id, tenant_id, created_at, line_id, billing_record_id, counted_cents)
                 select gen_random_uuid(), l.tenant_id, l.created_at, l.id, s.billing_record_id, s.counted_cents
                   from "commission_line" l cross join lateral unnest(l.source_record_ids, l.source_counted_cents) as s(billing_record_id, counted_cents);`);

    this.addSql(`alter table "commission_line" drop column "source_record_ids", drop column "source_counted_cents";`);
  }

}
