import { formatMoney } from '@reseller-hub/shared-schema/money';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Context } from '../../app/context.js';
import type { Actor } from '../../auth/actor.js';
import { lockForUpdate } from '../../db/locking.js';
import { sqlRows } from '../../db/raw-sql.js';
import { AppError, conflict, forbidden, notFound } from '../../shared/errors.js';
import { requirePeriod } from '../../shared/period.js';
import { isUuid, parseInput, requiredText } from '../../shared/validation.js';
import { recordAudit } from '../audit/audit.service.js';
import { Reseller } from '../resellers/reseller.entity.js';
import { actorTenant } from '../tenants/tenant.service.js';
import { decidePayments } from './payment-plan.js';
import { insertPaymentItems, linesNoLongerApproved, minimumPayouts, payableLines, releaseItems } from './payment-batch.repository.js';
import { Payment, PaymentBatch, PaymentBatchStatus, PaymentStatus, type SkippedReseller } from './payment-batch.entity.js';
import { PayoutAccount } from './payout-account.entity.js';
import { BusinessType } from '../applications/application.enums.js';

/** The id four-eyes compares: a user, or an API key (never the same person twice). */
export const actorKey = (actor: Actor) => (actor.kind === 'user' ? `user:${actor.userId}` : actor.kind === 'apiKey' ? `apiKey:${actor.apiKeyId}` : actor.label);

/** The minimum payout when a reseller's plan names none. */
export const DEFAULT_MINIMUM_CENTS = 5000n;

/**
 * `createPaymentBatch(period)`: one payment per reseller whose approved, unpaid lines of the period
 * and earlier reach the minimum payout and whose bank details finance verified; the others are
 * listed as skipped and carry over. One transaction under a per-tenant advisory lock with the lines
 * locked, so two drafts never hold the same line (the partial unique index is the last guard).
 * The bank details are copied into each payment: what is approved is what gets paid.
 */
export async function createPaymentBatch(ctx: Context, input: { period: string }): Promise<PaymentBatch> {
  const period = requirePeriod(input.period);
  const actor = ctx.actor!;
  const tenant = await actorTenant(ctx);
  return ctx.em.transactional(async (tx) => {
    await sqlRows(tx, `select pg_advisory_xact_lock(hashtext('payment-batch:' || ?))`, [tenant.id]);
    const lines = await payableLines(tx, tenant.id, period);
    const byReseller = new Map<string, { cents: bigint; lines: typeof lines }>();
    for (const line of lines) {
      const entry = byReseller.get(line.reseller_id) ?? { cents: 0n, lines: [] };
      entry.cents += BigInt(line.amount_cents);
      entry.lines.push(line);
      byReseller.set(line.reseller_id, entry);
    }
    const resellerIds = [...byReseller.keys()];
    const minimums = await minimumPayouts(tx, tenant.id, period, resellerIds);
    const accounts = new Map((await tx.find(PayoutAccount, { reseller: { $in: resellerIds } })).map((account) => [account.reseller.id, account]));
    const resellers = new Map((await tx.find(Reseller, { id: { $in: resellerIds } })).map((reseller) => [reseller.id, reseller]));
    const decisions = decidePayments(
      resellerIds.map((resellerId) => ({ resellerId, cents: byReseller.get(resellerId)!.cents, minimumCents: minimums.get(resellerId) ?? DEFAULT_MINIMUM_CENTS, hasVerifiedAccount: !!accounts.get(resellerId)?.verifiedAt })),
    );
    const skipped: SkippedReseller[] = decisions
      .filter((decision) => !decision.pay)
      .map((decision) => {
        const reseller = resellers.get(decision.resellerId)!;
        return { resellerId: reseller.id, code: reseller.code, name: reseller.companyName, cents: String(decision.cents), reason: decision.pay ? 'BELOW_MINIMUM' : decision.reason };
      });
    const paid = decisions.filter((decision) => decision.pay);
    if (paid.length === 0) {
      throw new AppError('CONFLICT', 'Nothing to pay: no reseller has approved, unpaid commissions that reach its minimum payout and verified bank details', {
        skipped: skipped.map((s) => ({ resellerId: s.resellerId, code: s.code, name: s.name, amount: formatMoney(BigInt(s.cents)), currency: tenant.currency, reason: s.reason })),
      });
    }
    const now = ctx.app.clock.now();
    const batch = tx.create(PaymentBatch, {
      tenant,
      period,
      createdBy: actorKey(actor),
      createdByLabel: actor.label,
      skipped,
      paymentCount: paid.length,
      totalCents: paid.reduce((sum, decision) => sum + decision.cents, 0n),
    });
    const items: { id: string; paymentId: string; lineId: string; cents: bigint }[] = [];
    for (const decision of paid) {
      const account = accounts.get(decision.resellerId)!;
      const reseller = resellers.get(decision.resellerId)!;
      const entry = byReseller.get(decision.resellerId)!;
      const payment = tx.create(Payment, {
        tenant,
        batch,
        reseller,
        amountCents: decision.cents,
        lineCount: entry.lines.length,
        secCode: reseller.businessType === BusinessType.INDIVIDUAL ? 'PPD' : 'CCD',
        holderName: account.holderName,
        accountType: account.accountType,
        routingNumber: account.routingNumber,
        accountNumberCiphertext: account.accountNumberCiphertext,
        accountLast4: account.accountLast4,
      });
      for (const line of entry.lines) items.push({ id: randomUUID(), paymentId: payment.id, lineId: line.id, cents: BigInt(line.amount_cents) });
    }
    recordAudit(tx, tenant, actor, { action: 'payment_batch.created', entityType: 'PaymentBatch', entityId: batch.id, data: { period, payments: paid.length, total: formatMoney(batch.totalCents), skipped: skipped.length } });
    await tx.flush();
    await insertPaymentItems(tx, tenant.id, now, items);
    return batch;
  });
}

async function lockBatch(ctx: Context, tx: Context['em'], batchId: string): Promise<PaymentBatch> {
  if (!isUuid(batchId)) throw notFound('Payment batch');
  const batch = await lockForUpdate(tx, PaymentBatch, batchId);
  if (!batch) throw notFound('Payment batch');
  return batch;
}

/**
 * Four eyes (SPEC §4): a second FINANCE or ADMIN person approves a draft; its creator cannot.
 * Every line must still be APPROVED (a line disputed since drafting blocks it: cancel and redraft).
 */
export async function approvePaymentBatch(ctx: Context, batchId: string): Promise<PaymentBatch> {
  const actor = ctx.actor!;
  const tenant = await actorTenant(ctx);
  return ctx.em.transactional(async (tx) => {
    const batch = await lockBatch(ctx, tx, batchId);
    if (batch.status === PaymentBatchStatus.APPROVED && batch.approvedBy === actorKey(actor)) return batch; // the same approval again
    if (batch.status !== PaymentBatchStatus.DRAFT) throw conflict(`The batch is ${batch.status.toLowerCase()}; only a draft can be approved`);
    if (batch.createdBy === actorKey(actor)) throw forbidden('A payment batch must be approved by someone other than the person who created it');
    // The second pair of eyes is a person: the automation or the command line acting as itself is not.
    if (actor.kind === 'system') throw forbidden('A payment batch is approved by a finance person or admin, not by the automation (on the command line: --as EMAIL)');
    const changed = await linesNoLongerApproved(tx, tenant.id, batch.id);
    if (changed.length) throw conflict('Some lines of this batch are no longer approved (disputed or reversed): cancel the batch and draft a new one', { lines: changed });
    batch.status = PaymentBatchStatus.APPROVED;
    batch.approvedBy = actorKey(actor);
    batch.approvedByLabel = actor.label;
    batch.approvedAt = ctx.app.clock.now();
    recordAudit(tx, tenant, actor, { action: 'payment_batch.approved', entityType: 'PaymentBatch', entityId: batch.id, data: { total: formatMoney(batch.totalCents) } });
    return batch;
  });
}

/** Discards a batch that was not exported yet; its lines become payable again. */
export async function cancelPaymentBatch(ctx: Context, input: { batchId: string; reason: string }): Promise<PaymentBatch> {
  const { reason } = parseInput(z.object({ reason: requiredText(1000) }), { reason: input.reason });
  const tenant = await actorTenant(ctx);
  return ctx.em.transactional(async (tx) => {
    const batch = await lockBatch(ctx, tx, input.batchId);
    if (batch.status === PaymentBatchStatus.CANCELLED) return batch;
    if (batch.status !== PaymentBatchStatus.DRAFT && batch.status !== PaymentBatchStatus.APPROVED) throw conflict('An exported batch cannot be cancelled: mark its payments settled or failed');
    const payments = await tx.find(Payment, { batch });
    await releaseItems(tx, tenant.id, payments.map((payment) => payment.id));
    for (const payment of payments) payment.status = PaymentStatus.CANCELLED;
    batch.status = PaymentBatchStatus.CANCELLED;
    batch.cancelledAt = ctx.app.clock.now();
    batch.cancelledBy = ctx.actor!.label;
    batch.cancellationReason = reason;
    recordAudit(tx, tenant, ctx.actor, { action: 'payment_batch.cancelled', entityType: 'PaymentBatch', entityId: batch.id, reason });
    return batch;
  });
}

