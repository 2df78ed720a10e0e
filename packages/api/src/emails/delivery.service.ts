import type { AppServices } from '../app/context.js';
import { Tenant } from '../modules/tenants/tenant.entity.js';
import { retryDelayMs } from '../jobs/schedule.js';
import { faultPoint } from '../shared/fault-injection.js';
import { logger } from '../shared/logger.js';
import { DeliveryError, type Mailer } from './mailer.js';
import { OutboxRepository } from './outbox.repository.js';

const BATCH = 50;
const MAX_RETRY_DELAY_MS = 60 * 60_000;

export interface DeliveryResult {
  sent: number;
  captured: number;
  retrying: number;
  failed: number;
}

/**
 * SPEC §7 delivery: sends a tenant's due outbox emails. A temporary failure (connection refused,
 * 4xx) puts the email back with exponential back-off, for as long as it takes: nothing is lost
 * while the mail server is down. A 5xx refusal marks it FAILED for an admin to look at and resend.
 * Without SMTP (development) emails are marked CAPTURED: they stay in the outbox preview.
 *
 * A run claims a batch for EMAIL_CLAIM_SECONDS (10 minutes by default). If its process dies, the
 * batch waits for the claim to expire and is then sent by the next run: nothing is lost. An email
 * the mail server accepted just before the process died (before SENT was written) goes out a
 * second time, with the same Message-ID, so receivers can drop the copy: at least once is the most
 * SMTP allows, since the server's acceptance and our record of it cannot be one transaction.
 */
export async function deliverDueEmails(app: AppServices, tenantId: string, mailer: Mailer): Promise<DeliveryResult> {
  const em = app.orm.em.fork();
  const tenant = await em.findOneOrFail(Tenant, { id: tenantId }, { filters: false });
  const repository = new OutboxRepository(em, tenantId);
  const host = new URL(app.config.publicUrl).hostname || 'reseller-hub.local';
  const fromAddress = app.config.mail.from ?? `no-reply@${host}`;
  const result: DeliveryResult = { sent: 0, captured: 0, retrying: 0, failed: 0 };
  for (;;) {
    const now = new Date(); // delivery runs on wall time, like the scheduler (the business clock is for business dates)
    const claimUntil = new Date(now.getTime() + app.config.mail.claimSeconds * 1000);
    const claimed = await repository.claimDue(now, claimUntil, BATCH);
    if (claimed.length) faultPoint('email-delivery:claimed');
    for (const email of claimed) {
      const messageId = `<${email.id}@${host}>`;
      if (mailer.kind === 'capture') {
        await repository.finish(email.id, claimUntil, { status: 'CAPTURED', messageId });
        result.captured++;
        continue;
      }
      try {
        await mailer.send({
          from: `"${tenant.name.replace(/["\\\r\n]/g, '')}" <${fromAddress}>`,
          replyTo: tenant.supportEmail,
          to: email.to_name ? `"${email.to_name.replace(/["\\\r\n]/g, '')}" <${email.to_address}>` : email.to_address,
          subject: email.subject,
          html: email.html,
          text: email.text,
          messageId,
        });
        faultPoint('email-delivery:sent');
        await repository.finish(email.id, claimUntil, { status: 'SENT', sentAt: new Date(), messageId });
        result.sent++;
      } catch (error) {
        const permanent = error instanceof DeliveryError && error.permanent;
        const message = (error as Error).message;
        if (permanent) {
          await repository.finish(email.id, claimUntil, { status: 'FAILED', error: message, messageId });
          result.failed++;
        } else {
          const delay = retryDelayMs(email.attempts, app.config.mail.retryBaseSeconds * 1000, MAX_RETRY_DELAY_MS);
          await repository.finish(email.id, claimUntil, { status: 'QUEUED', nextAttemptAt: new Date(new Date().getTime() + delay), error: message, messageId });
          result.retrying++;
        }
        logger.warn('email delivery failed', { emailId: email.id, attempt: email.attempts, permanent, error: message });
      }
    }
    // A server that refuses everything: stop this run after one failing batch, the back-off paces the rest.
    if (claimed.length < BATCH || result.retrying > 0) return result;
  }
}
