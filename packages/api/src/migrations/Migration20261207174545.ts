import { Migration } from '@mikro-orm/migrations';

/**
 * NACHA files are stored encrypted (payment_file.nacha_ciphertext). A migration has no key: files
 * already exported keep their text in `nacha` until start-up seals them (sealStoredPaymentFiles).
 */
export class Migration20261207174545 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "payment_file" add column "nacha_ciphertext" text null, add column "nacha_byte_size" int null;`);
    this.addSql(`update "payment_file" set "nacha_byte_size" = octet_length("nacha");`);
    this.addSql(`alter table "payment_file" alter column "nacha_byte_size" set not null;`);
    this.addSql(`alter table "payment_file" alter column "nacha" drop not null;`);
    this.addSql(`alter table "payment_file" add constraint payment_file_nacha_stored check(nacha is not null or nacha_ciphertext is not null);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "payment_file" drop constraint payment_file_nacha_stored;`);
    this.addSql(`alter table "payment_file" drop column "nacha_ciphertext", drop column "nacha_byte_size";`);
    this.addSql(`alter table "payment_file" alter column "nacha" set not null;`);
  }

}
