import { Migration } from '@mikro-orm/migrations';

export class Migration20261125110614 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "commission_line_customer_latest_index" on "commission_line" ("tenant_id", "customer_id", "period" desc, "created_at" desc);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "commission_line_customer_latest_index";`);
  }

}
