import { Migration } from '@mikro-orm/migrations';

export class Migration20261125111330 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "customer_reseller_mrr_index" on "customer" ("reseller_id", "mrr_cents" desc, "id");`);

    this.addSql(`create index "commission_line_reseller_period_index" on "commission_line" ("tenant_id", "reseller_id", "period") include ("amount_cents", "status");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "commission_line_reseller_period_index";`);

    this.addSql(`drop index "customer_reseller_mrr_index";`);
  }

}
