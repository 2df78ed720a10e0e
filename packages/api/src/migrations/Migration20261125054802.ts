import { Migration } from '@mikro-orm/migrations';

export class Migration20261125054802 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "commission_line_source_line_id_index" on "commission_line_source" ("line_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "commission_line_source_line_id_index";`);
  }

}
