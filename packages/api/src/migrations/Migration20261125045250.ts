import { Migration } from '@mikro-orm/migrations';

export class Migration20261125045250 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "commission_run" add column "progress_percent" int not null default 0;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "commission_run" drop column "progress_percent";`);
  }

}
