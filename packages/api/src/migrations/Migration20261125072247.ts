import { Migration } from '@mikro-orm/migrations';

export class Migration20261125072247 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "payment" drop constraint if exists "payment_status_check";`);

    this.addSql(`alter table "payment_batch" add column "cancelled_at" timestamptz null, add column "cancelled_by" text null, add column "cancellation_reason" text null;`);

    this.addSql(`alter table "payment" add constraint "payment_status_check" check("status" in ('PENDING', 'EXPORTED', 'SETTLED', 'FAILED', 'CANCELLED'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "payment" drop constraint if exists "payment_status_check";`);

    this.addSql(`alter table "payment" add constraint "payment_status_check" check("status" in ('PENDING', 'EXPORTED', 'SETTLED', 'FAILED'));`);

    this.addSql(`alter table "payment_batch" drop column "cancelled_at", drop column "cancelled_by", drop column "cancellation_reason";`);
  }

}
