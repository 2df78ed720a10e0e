import { Migration } from '@mikro-orm/migrations';

export class Migration20261125085905 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "outbox_email" drop constraint if exists "outbox_email_template_check";`);

    this.addSql(`alter table "outbox_email" add constraint "outbox_email_template_check" check("template" in ('APPLICATION_RECEIVED', 'NEW_APPLICATION_ADMIN', 'APPLICATION_APPROVED', 'APPLICATION_REJECTED', 'ONBOARDING_COMPLETED', 'PAYOUT_ACCOUNT_CHANGED', 'PAYMENT_STATEMENT', 'ONBOARDING_TASK_REMINDER', 'COMMISSION_STATEMENT', 'PARTNER_ALERT', 'COMMISSION_RUN_READY', 'USER_INVITATION'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "outbox_email" drop constraint if exists "outbox_email_template_check";`);

    this.addSql(`alter table "outbox_email" add constraint "outbox_email_template_check" check("template" in ('APPLICATION_RECEIVED', 'NEW_APPLICATION_ADMIN', 'APPLICATION_APPROVED', 'APPLICATION_REJECTED', 'ONBOARDING_COMPLETED', 'PAYOUT_ACCOUNT_CHANGED', 'PAYMENT_STATEMENT', 'ONBOARDING_TASK_REMINDER', 'COMMISSION_STATEMENT', 'PARTNER_ALERT', 'COMMISSION_RUN_READY'));`);
  }

}
