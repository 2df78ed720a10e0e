import type { Context } from '../../app/context.js';
import { readCsv, type CsvLayout } from '../../shared/csv-import.js';
import type { RowError } from '../../shared/row-errors.js';
import { Customer } from '../customers/customer.entity.js';
import { BillingRecord } from './billing-record.entity.js';
import type { BillingRecordInput } from './billing-record.inputs.js';
import { parseBillingRecords, upsertBillingRecords } from './billing-record.service.js';

const LAYOUT: CsvLayout<BillingRecordInput> = {
  what: 'billing records',
  columns: {
    invoiceid: 'invoiceId',
    customerexternalid: 'customerExternalId',
    period: 'period',
    invoicedamount: 'invoicedAmount',
    paidamount: 'paidAmount',
    paiddate: 'paidDate',
  },
  required: ['invoiceId', 'customerExternalId', 'period', 'invoicedAmount'],
  expectedHeader: 'invoice_id, customer_external_id, period, invoiced_amount, paid_amount, paid_date',
};

/** Billing records from CSV (see shared/csv-import.ts for what is accepted). */
export function readBillingCsv(csv: string): BillingRecordInput[] {
  return readCsv(csv, LAYOUT) as BillingRecordInput[];
}

export type ImportAction = 'CREATE' | 'UPDATE' | 'UNCHANGED' | 'ERROR';

/** What importing the file would do, row by row, without writing anything. */
export async function previewBillingImport(ctx: Context, csv: string) {
  const rows = readBillingCsv(csv);
  const { records, errors } = parseBillingRecords(rows);
  const customers = new Map((await ctx.em.find(Customer, { externalId: { $in: [...new Set(records.map((r) => r.customerExternalId))] } })).map((c) => [c.externalId, c]));
  records.forEach((record, index) => {
    if (record.customerExternalId && !customers.has(record.customerExternalId)) errors.push({ index, field: 'customerExternalId', message: `No customer ${record.customerExternalId}` });
  });
  const existing = new Map((await ctx.em.find(BillingRecord, { invoiceId: { $in: records.map((r) => r.invoiceId) } })).map((r) => [r.invoiceId, r]));
  const errorsByRow = new Map<number, RowError[]>();
  for (const error of errors) errorsByRow.set(error.index, [...(errorsByRow.get(error.index) ?? []), error]);
  const preview = records.map((record, index) => {
    const current = existing.get(record.invoiceId);
    const action: ImportAction = errorsByRow.has(index)
      ? 'ERROR'
      : !current
        ? 'CREATE'
        : current.customer.id === customers.get(record.customerExternalId)?.id &&
            current.period === record.period &&
            current.invoicedCents === record.invoicedCents &&
            current.paidCents === record.paidCents &&
            current.paidDate === record.paidDate
          ? 'UNCHANGED'
          : 'UPDATE';
    return { index, line: index + 2, ...rows[index]!, action, errors: (errorsByRow.get(index) ?? []).map((e) => `${e.field}: ${e.message}`) };
  });
  const count = (action: ImportAction) => preview.filter((row) => row.action === action).length;
  return { rowCount: rows.length, create: count('CREATE'), update: count('UPDATE'), unchanged: count('UNCHANGED'), errorCount: count('ERROR'), rows: preview };
}

/** Imports the file all or nothing (the same upsert as the API; any bad row refuses the file). */
export async function importBillingCsv(ctx: Context, csv: string) {
  return upsertBillingRecords(ctx, readBillingCsv(csv));
}
