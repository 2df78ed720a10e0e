import type { Context } from '../../app/context.js';
import { faultPoint } from '../../shared/fault-injection.js';
import { isDate, isPeriod } from '../../shared/period.js';
import { checkBatchSize, refuseIfRowErrors, rowMoney, type RowError } from '../../shared/row-errors.js';
import { Customer } from '../customers/customer.entity.js';
import { actorTenant } from '../tenants/tenant.service.js';
import { BillingRecord } from './billing-record.entity.js';
import type { BillingRecordInput } from './billing-record.inputs.js';

interface ParsedRecord {
  invoiceId: string;
  customerExternalId: string;
  period: string;
  invoicedCents: bigint;
  paidCents: bigint;
  paidDate: string | null;
}

function money(value: string | null | undefined, index: number, field: string, errors: RowError[]): bigint {
  return rowMoney(value, index, field, errors) ?? 0n;
}

/** Checks every row; returns the parsed rows or the list of row errors. */
export function parseBillingRecords(rows: BillingRecordInput[]): { records: ParsedRecord[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const seen = new Set<string>();
  const records = rows.map((row, index) => {
    const invoiceId = row.invoiceId?.trim() ?? '';
    if (!invoiceId || invoiceId.length > 100) errors.push({ index, field: 'invoiceId', message: 'Required, at most 100 characters' });
    else if (seen.has(invoiceId)) errors.push({ index, field: 'invoiceId', message: `Duplicate of an earlier row (${invoiceId})` });
    seen.add(invoiceId);
    const customerExternalId = row.customerExternalId?.trim() ?? '';
    if (!customerExternalId) errors.push({ index, field: 'customerExternalId', message: 'Required' });
    if (!isPeriod(row.period ?? '')) errors.push({ index, field: 'period', message: 'Use a period YYYY-MM' });
    const invoicedCents = money(row.invoicedAmount, index, 'invoicedAmount', errors);
    const paidCents = money(row.paidAmount, index, 'paidAmount', errors);
    const paidDate = row.paidDate?.trim() || null;
    if (paidDate !== null && !isDate(paidDate)) errors.push({ index, field: 'paidDate', message: 'Use a date YYYY-MM-DD' });
    if (paidCents !== 0n && paidDate === null) errors.push({ index, field: 'paidDate', message: 'Required when an amount was paid or refunded' });
    return { invoiceId, customerExternalId, period: row.period, invoicedCents, paidCents, paidDate };
  });
  return { records, errors };
}

/**
 * Bulk upsert keyed by the ISP's invoice id (SPEC §4): re-sending a record updates it, never
 * double counts. All rows are checked before anything is written; one flush writes the batch.
 * A record for a closed period is accepted like any other: the next run turns it into an adjustment.
 */
export async function upsertBillingRecords(ctx: Context, rows: BillingRecordInput[]) {
  checkBatchSize('billing records', rows.length);
  const tenant = await actorTenant(ctx);
  const { records, errors } = parseBillingRecords(rows);
  const externalIds = [...new Set(records.map((record) => record.customerExternalId))];
  const customers = new Map((await ctx.em.find(Customer, { externalId: { $in: externalIds } })).map((customer) => [customer.externalId, customer]));
  records.forEach((record, index) => {
    if (record.customerExternalId && !customers.has(record.customerExternalId)) {
      errors.push({ index, field: 'customerExternalId', message: `No customer ${record.customerExternalId}` });
    }
  });
  refuseIfRowErrors('billing records', errors);

  const result = await ctx.em.transactional(async (tx) => {
    const existing = new Map((await tx.find(BillingRecord, { invoiceId: { $in: records.map((record) => record.invoiceId) } })).map((record) => [record.invoiceId, record]));
    let created = 0;
    let updated = 0;
    let unchanged = 0;
    for (const record of records) {
      const customer = customers.get(record.customerExternalId)!;
      const current = existing.get(record.invoiceId);
      if (!current) {
        tx.create(BillingRecord, { tenant, customer, invoiceId: record.invoiceId, period: record.period, invoicedCents: record.invoicedCents, paidCents: record.paidCents, paidDate: record.paidDate });
        created++;
        continue;
      }
      const same =
        current.customer.id === customer.id &&
        current.period === record.period &&
        current.invoicedCents === record.invoicedCents &&
        current.paidCents === record.paidCents &&
        current.paidDate === record.paidDate;
      if (same) {
        unchanged++;
        continue;
      }
      Object.assign(current, { customer, period: record.period, invoicedCents: record.invoicedCents, paidCents: record.paidCents, paidDate: record.paidDate });
      updated++;
    }
    await tx.flush();
    faultPoint('billing-records:written');
    return { created, updated, unchanged };
  });
  faultPoint('billing-records:committed');
  return result;
}
