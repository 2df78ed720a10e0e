import { z } from 'zod';
import type { Context } from '../../app/context.js';
import { queueEmail } from '../../emails/outbox.service.js';
import { EmailTemplate } from '../../emails/outbox-email.entity.js';
import { payoutAccountChanged } from '../../emails/templates/payout-emails.js';
import { lockForUpdate } from '../../db/locking.js';
import { conflict, forbidden, notFound } from '../../shared/errors.js';
import { isUuid, parseInput, requiredText } from '../../shared/validation.js';
import { logger } from '../../shared/logger.js';
import { recordAudit } from '../audit/audit.service.js';
import { Reseller } from '../resellers/reseller.entity.js';
import { actorTenant } from '../tenants/tenant.service.js';
import { hasNachaText, isValidRoutingNumber, NACHA_TEXT_MESSAGE } from './nacha-writer.js';
import { BankAccountType, PayoutAccount } from './payout-account.entity.js';

const PayoutAccountSchema = z.object({
  // The receiver's name in NACHA entries (mandatory there).
  holderName: requiredText(100).refine(hasNachaText, NACHA_TEXT_MESSAGE),
  routingNumber: z.string().trim().refine(isValidRoutingNumber, 'Not a valid ABA routing number (9 digits with a valid check digit)'),
  accountNumber: z
    .string()
    .transform((value) => value.replace(/[\s-]/g, ''))
    .pipe(z.string().regex(/^\d{4,17}$/, 'Use the account number: 4 to 17 digits')),
  accountType: z.enum(BankAccountType),
});

/**
 * The reseller owner sets where commissions are paid. The number is encrypted before it reaches
 * the database, the change clears finance's verification (a changed account is not paid until
 * verified again), is audited without the number, and is announced to the partner's contact by
 * email, so a hijacked login cannot quietly redirect payments.
 */
export async function setMyPayoutAccount(ctx: Context, input: z.input<typeof PayoutAccountSchema>): Promise<PayoutAccount> {
  const actor = ctx.actor;
  if (!actor?.resellerId) throw forbidden();
  const parsed = parseInput(PayoutAccountSchema, input);
  const tenant = await actorTenant(ctx);
  return ctx.em.transactional(async (tx) => {
    const reseller = await lockForUpdate(tx, Reseller, actor.resellerId!);
    if (!reseller) throw notFound('Reseller');
    const last4 = parsed.accountNumber.slice(-4);
    const details = {
      holderName: parsed.holderName,
      accountType: parsed.accountType,
      routingNumber: parsed.routingNumber,
      accountNumberCiphertext: ctx.app.payoutCipher.encrypt(parsed.accountNumber),
      accountLast4: last4,
      updatedBy: actor.label,
      verifiedAt: null,
      verifiedBy: null,
    };
    let account = await tx.findOne(PayoutAccount, { reseller });
    if (account) Object.assign(account, details);
    else account = tx.create(PayoutAccount, { tenant, reseller, ...details });
    recordAudit(tx, tenant, actor, {
      action: 'payout_account.changed',
      entityType: 'Reseller',
      entityId: reseller.id,
      data: { holderName: parsed.holderName, routingNumber: parsed.routingNumber, accountLast4: last4, accountType: parsed.accountType },
    });
    await queueEmail(tx, tenant, {
      template: EmailTemplate.PAYOUT_ACCOUNT_CHANGED,
      to: reseller.contactEmail,
      toName: reseller.contactName,
      content: payoutAccountChanged({ tenantName: tenant.name, contactName: reseller.contactName, companyName: reseller.companyName, changedBy: actor.label, last4, supportEmail: tenant.supportEmail, portalUrl: `${ctx.app.config.publicUrl}/portal/payments` }),
      related: { type: 'Reseller', id: reseller.id },
    });
    logger.info('payout account changed', { tenantId: tenant.id, resellerId: reseller.id, by: actor.label, accountLast4: last4 });
    return account;
  });
}

/** Finance confirms the details (e.g. after a call-back or a micro-deposit); audited. */
export async function verifyPayoutAccount(ctx: Context, resellerId: string): Promise<PayoutAccount> {
  if (!isUuid(resellerId)) throw notFound('Reseller');
  const tenant = await actorTenant(ctx);
  return ctx.em.transactional(async (tx) => {
    const reseller = await tx.findOne(Reseller, { id: resellerId });
    if (!reseller) throw notFound('Reseller');
    const account = await tx.findOne(PayoutAccount, { reseller });
    if (!account) throw conflict('The reseller has not entered payout details yet');
    const locked = (await lockForUpdate(tx, PayoutAccount, account.id))!;
    if (locked.verifiedAt) throw conflict('These payout details are already verified');
    locked.verifiedAt = ctx.app.clock.now();
    locked.verifiedBy = ctx.actor!.label;
    recordAudit(tx, tenant, ctx.actor, { action: 'payout_account.verified', entityType: 'Reseller', entityId: reseller.id, data: { accountLast4: locked.accountLast4 } });
    return locked;
  });
}
