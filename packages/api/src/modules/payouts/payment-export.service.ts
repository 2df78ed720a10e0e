import { formatMoney, formatMoneyDisplay } from '@reseller-hub/shared-schema/money';
import { validate as validateAch } from 'achkit';
import { stringify } from 'csv-stringify/sync';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Context } from '../../app/context.js';
import { queueEmail } from '../../emails/outbox.service.js';
import { EmailTemplate } from '../../emails/outbox-email.entity.js';
import { paymentStatement } from '../../emails/templates/payout-emails.js';
import { lockForUpdate } from '../../db/locking.js';
import { sqlRows } from '../../db/raw-sql.js';
import { conflict, notFound } from '../../shared/errors.js';
import { addDaysToDate, isDate } from '../../shared/period.js';
import { spreadsheetText } from '../../shared/spreadsheet-text.js';
import { isUuid, parseInput, requiredText } from '../../shared/validation.js';
import { faultPoint } from '../../shared/fault-injection.js';
import { logger } from '../../shared/logger.js';
import { recordAudit } from '../audit/audit.service.js';
import { CommissionLine } from '../commissions/commission-run.entity.js';
import { Reseller } from '../resellers/reseller.entity.js';
import type { Tenant } from '../tenants/tenant.entity.js';
import { actorTenant } from '../tenants/tenant.service.js';
import { markLinesPaid, releaseItems } from './payment-batch.repository.js';
import { Payment, PaymentBatch, PaymentBatchStatus, PaymentFile, PaymentItem, PaymentStatus } from './payment-batch.entity.js';
import { AchFormatError, periodDescriptiveDate, writeAchFile, type AchCredit, type AchFile } from './nacha-writer.js';

/** Date and time on the tenant's wall clock (NACHA's creation date and time are local). */
function localDateTime(now: Date, timeZone: string): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(now)
      .map((part) => [part.type, part.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** The next weekday after `date` (banks settle ACH on business days). */
export function nextBusinessDay(date: string): string {
  let next = addDaysToDate(date, 1);
  while ([0, 6].includes(new Date(`${next}T00:00:00Z`).getUTCDay())) next = addDaysToDate(next, 1);
  return next;
}

const ExportSchema = z.object({
  batchId: z.string(),
  effectiveDate: z.string().refine(isDate, 'Use a date YYYY-MM-DD').nullish(),
});

export interface ExportedFile {
  batch: PaymentBatch;
  file: PaymentFile;
}

/**
 * `exportPaymentBatch`: writes the NACHA file and the remittance CSV once, under the batch's row
 * lock. A second export (or a concurrent one, which waits for the lock) returns the stored file,
 * byte for byte, never a new one with new trace numbers. The file is read back by an independent
 * parser (achkit) and refused if anything does not add up; it is stored with its SHA-256.
 */
export async function exportPaymentBatch(ctx: Context, input: z.input<typeof ExportSchema>): Promise<ExportedFile> {
  const parsed = parseInput(ExportSchema, input);
  if (!isUuid(parsed.batchId)) throw notFound('Payment batch');
  const tenant = await actorTenant(ctx);
  const exported = await ctx.em.transactional(async (tx) => {
    const batch = await lockForUpdate(tx, PaymentBatch, parsed.batchId);
    if (!batch) throw notFound('Payment batch');
    const existing = await tx.findOne(PaymentFile, { batch });
    if (existing) return { batch, file: existing };
    if (batch.status !== PaymentBatchStatus.APPROVED) throw conflict(`The batch is ${batch.status.toLowerCase()}; only an approved batch can be exported`);
    if (!tenant.ach) throw conflict('Set the ACH settings (company and bank identities) in the admin console before exporting');
    const now = ctx.app.clock.now();
    const local = localDateTime(now, tenant.timezone);
    const effectiveDate = parsed.effectiveDate ?? nextBusinessDay(local.date);
    if (effectiveDate < local.date || effectiveDate > addDaysToDate(local.date, 60)) {
      throw conflict('The effective date must be between today and 60 days ahead', { effectiveDate });
    }
    const drafted = await tx.find(Payment, { batch });
    const resellers = new Map((await tx.find(Reseller, { id: { $in: drafted.map((p) => p.reseller.id) } })).map((r) => [r.id, r]));
    // Entries (and their trace numbers) in partner-code order: the same batch gives the same file
    // whatever its rows' random ids, and a reader finds a partner where expected.
    const payments = drafted.sort((a, b) => resellers.get(a.reseller.id)!.code.localeCompare(resellers.get(b.reseller.id)!.code));
    const credits: AchCredit[] = payments.map((payment) => ({
      sec: payment.secCode as AchCredit['sec'],
      accountType: payment.accountType,
      routingNumber: payment.routingNumber,
      accountNumber: ctx.app.payoutCipher.decrypt(payment.accountNumberCiphertext),
      amountCents: payment.amountCents,
      individualId: resellers.get(payment.reseller.id)!.code,
      name: payment.holderName,
    }));
    const [filesToday] = await sqlRows<{ count: number }>(tx, `select count(*)::int as count from payment_file where tenant_id = ? and created_at >= ?::date and created_at < ?::date + 1`, [tenant.id, now.toISOString().slice(0, 10), now.toISOString().slice(0, 10)]);
    const fileIdModifier = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'[filesToday!.count % 36]!;
    let ach: AchFile;
    try {
      ach = writeAchFile({
        settings: tenant.ach,
        createdOn: local.date,
        createdAt: local.time,
        fileIdModifier,
        effectiveDate,
        entryDescription: 'COMMISSION',
        descriptiveDate: periodDescriptiveDate(batch.period),
        credits,
      });
    } catch (error) {
      // Data no NACHA file can hold (a name stored before it was checked, an entry past 10 digits): the client can fix it, nothing is written.
      if (error instanceof AchFormatError) throw conflict(`The NACHA file cannot be written: ${error.message}`);
      throw error;
    }
    const check = validateAch(ach.text);
    if (!check.ok) throw new Error(`The NACHA file failed its independent check: ${check.errors.map((e) => e.message).join('; ')}`);
    payments.forEach((payment, index) => {
      payment.traceNumber = ach.traceNumbers[index]!;
      payment.status = PaymentStatus.EXPORTED;
    });
    const remittanceCsv = stringify(
      payments.map((payment) => {
        const reseller = resellers.get(payment.reseller.id)!;
        // Names are the partners' own text: written so a spreadsheet shows them, never runs them.
        return [reseller.code, spreadsheetText(reseller.companyName), spreadsheetText(payment.holderName), formatMoney(payment.amountCents), tenant.currency, payment.lineCount, payment.secCode, payment.accountType, payment.routingNumber, `****${payment.accountLast4}`, payment.traceNumber, effectiveDate];
      }),
      { header: true, columns: ['reseller_code', 'reseller', 'account_holder', 'amount', 'currency', 'lines', 'sec_code', 'account_type', 'routing_number', 'account', 'trace_number', 'effective_date'] },
    );
    const file = tx.create(PaymentFile, {
      tenant,
      batch,
      fileName: `ach-${tenant.slug}-${batch.period}-${local.date.replaceAll('-', '')}${fileIdModifier}.txt`,
      nachaCiphertext: ctx.app.payoutCipher.encrypt(ach.text),
      nachaByteSize: Buffer.byteLength(ach.text),
      nachaSha256: createHash('sha256').update(ach.text).digest('hex'),
      remittanceCsv,
      createdBy: ctx.actor!.label,
    });
    batch.status = PaymentBatchStatus.EXPORTED;
    batch.exportedAt = now;
    batch.exportedBy = ctx.actor!.label;
    batch.effectiveDate = effectiveDate;
    recordAudit(tx, tenant, ctx.actor, { action: 'payment_batch.exported', entityType: 'PaymentBatch', entityId: batch.id, data: { sha256: file.nachaSha256, entries: ach.entryCount, total: formatMoney(ach.totalCreditCents), effectiveDate } });
    await tx.flush();
    faultPoint('payment-export:written');
    logger.info('payment batch exported', { tenantId: tenant.id, batchId: batch.id, sha256: file.nachaSha256, entries: ach.entryCount, total: formatMoney(ach.totalCreditCents) });
    return { batch, file };
  });
  faultPoint('payment-export:committed');
  return exported;
}

async function lockPayment(tx: Context['em'], paymentId: string): Promise<Payment> {
  if (!isUuid(paymentId)) throw notFound('Payment');
  const payment = await lockForUpdate(tx, Payment, paymentId);
  if (!payment) throw notFound('Payment');
  return payment;
}

/** When every payment of an exported batch is settled or failed, the batch is complete. */
async function completeBatchIfDone(tx: Context['em'], payment: Payment): Promise<void> {
  const batch = (await lockForUpdate(tx, PaymentBatch, payment.batch.id))!;
  const open = await tx.count(Payment, { batch, status: { $in: [PaymentStatus.PENDING, PaymentStatus.EXPORTED] } });
  if (open === 0 && batch.status === PaymentBatchStatus.EXPORTED) batch.status = PaymentBatchStatus.COMPLETED;
}

/**
 * The bank confirmed the credit (on or after the effective date): the payment's lines become PAID and the reseller gets its
 * statement by email. Settling a settled payment changes nothing (idempotent, one email).
 */
export async function markPaymentSettled(ctx: Context, paymentId: string): Promise<Payment> {
  const tenant = await actorTenant(ctx);
  return ctx.em.transactional(async (tx) => {
    const payment = await lockPayment(tx, paymentId);
    if (payment.status === PaymentStatus.SETTLED) return payment;
    if (payment.status !== PaymentStatus.EXPORTED) throw conflict(`The payment is ${payment.status.toLowerCase()}; only an exported payment can be settled`);
    // A bank confirms a credit on or after its effective date, never before.
    const batch = (await tx.findOne(PaymentBatch, { id: payment.batch.id }))!;
    const today = localDateTime(ctx.app.clock.now(), tenant.timezone).date;
    if (batch.effectiveDate && today < batch.effectiveDate) throw conflict(`The bank credits this payment on ${batch.effectiveDate}: settle it on or after that day`, { effectiveDate: batch.effectiveDate });
    payment.status = PaymentStatus.SETTLED;
    payment.settledAt = ctx.app.clock.now();
    payment.decidedBy = ctx.actor!.label;
    await tx.flush();
    await markLinesPaid(tx, tenant.id, payment.id);
    await completeBatchIfDone(tx, payment);
    recordAudit(tx, tenant, ctx.actor, { action: 'payment.settled', entityType: 'PaymentBatch', entityId: payment.batch.id, data: { paymentId: payment.id, amount: formatMoney(payment.amountCents) } });
    await emailStatement(ctx, tx, tenant, payment);
    return payment;
  });
}

const FailSchema = z.object({ reason: requiredText(1000) });

/**
 * The bank returned the credit (e.g. R03 no account): the payment fails with the reason and its
 * lines are released, payable again in the next batch. Failing a failed payment changes nothing.
 */
export async function markPaymentFailed(ctx: Context, input: { paymentId: string; reason: string }): Promise<Payment> {
  const { reason } = parseInput(FailSchema, { reason: input.reason });
  const tenant = await actorTenant(ctx);
  return ctx.em.transactional(async (tx) => {
    const payment = await lockPayment(tx, input.paymentId);
    if (payment.status === PaymentStatus.FAILED) return payment;
    if (payment.status !== PaymentStatus.EXPORTED) throw conflict(`The payment is ${payment.status.toLowerCase()}; only an exported payment can fail`);
    payment.status = PaymentStatus.FAILED;
    payment.failedAt = ctx.app.clock.now();
    payment.failureReason = reason;
    payment.decidedBy = ctx.actor!.label;
    await tx.flush();
    await releaseItems(tx, tenant.id, [payment.id]);
    await completeBatchIfDone(tx, payment);
    recordAudit(tx, tenant, ctx.actor, { action: 'payment.failed', entityType: 'PaymentBatch', entityId: payment.batch.id, reason, data: { paymentId: payment.id, amount: formatMoney(payment.amountCents) } });
    return payment;
  });
}

/** The lines a payment pays, oldest period first (for statements). */
export async function paymentLines(em: Context['em'], payment: Payment): Promise<CommissionLine[]> {
  const items = await em.find(PaymentItem, { payment }, { populate: ['line'] as never });
  return items.map((item) => item.line as CommissionLine).sort((a, b) => a.period.localeCompare(b.period) || a.id.localeCompare(b.id));
}

async function emailStatement(ctx: Context, tx: Context['em'], tenant: Tenant, payment: Payment): Promise<void> {
  const reseller = (await tx.findOne(Reseller, { id: payment.reseller.id }))!;
  const lines = await paymentLines(tx, payment);
  const money = (cents: bigint) => formatMoneyDisplay(cents, tenant.currency);
  await queueEmail(tx, tenant, {
    template: EmailTemplate.PAYMENT_STATEMENT,
    to: reseller.contactEmail,
    toName: reseller.contactName,
    content: paymentStatement({
      tenantName: tenant.name,
      contactName: reseller.contactName,
      companyName: reseller.companyName,
      amount: money(payment.amountCents),
      last4: payment.accountLast4,
      traceNumber: payment.traceNumber ?? '',
      settledOn: payment.settledAt!.toISOString().slice(0, 10),
      lines: lines.map((line) => ({ period: line.period, description: line.trace.split('\n')[0]!.slice(0, 120), amount: money(BigInt(line.amountCents)) })),
      portalUrl: `${ctx.app.config.publicUrl}/portal/payments`,
    }),
    related: { type: 'Payment', id: payment.id },
  });
}
