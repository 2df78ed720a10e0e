import { CsvError, parse } from 'csv-parse/sync';
import type { Context } from '../../app/context.js';
import { AppError } from '../../shared/errors.js';
import { checkBatchSize, type RowError } from '../../shared/row-errors.js';
import { Customer } from '../customers/customer.entity.js';
import { BillingRecord } from './billing-record.entity.js';
import type { BillingRecordInput } from './billing-record.inputs.js';
import { parseBillingRecords, upsertBillingRecords } from './billing-record.service.js';

/** CSV columns (header names are matched case-insensitively, `_`, `-` and spaces ignored). */
const COLUMNS: Record<string, keyof BillingRecordInput> = {
  invoiceid: 'invoiceId',
  customerexternalid: 'customerExternalId',
  period: 'period',
  invoicedamount: 'invoicedAmount',
  paidamount: 'paidAmount',
  paiddate: 'paidDate',
};
const REQUIRED: (keyof BillingRecordInput)[] = ['invoiceId', 'customerExternalId', 'period', 'invoicedAmount'];
export const MAX_CSV_BYTES = 900_000;

/**
 * Reads billing records from CSV with a real parser (csv-parse: quotes, escaped quotes, BOM, CRLF).
 * A malformed file or a missing column is refused as a whole with the line it failed on.
 */
export function readBillingCsv(csv: string): BillingRecordInput[] {
  if (Buffer.byteLength(csv) > MAX_CSV_BYTES) throw new AppError('BAD_USER_INPUT', `The file is larger than ${Math.floor(MAX_CSV_BYTES / 1000)} kB; split it`);
  let rows: string[][];
  try {
    rows = parse(csv, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: false });
  } catch (error) {
    if (error instanceof CsvError) throw new AppError('BAD_USER_INPUT', `Not a valid CSV file: ${error.message}`, { csvError: error.code });
    throw error;
  }
  const [header, ...data] = rows;
  if (!header) throw new AppError('BAD_USER_INPUT', 'The file is empty');
  const fields = header.map((name) => COLUMNS[name.toLowerCase().replace(/[\s_-]/g, '')]);
  const missing = REQUIRED.filter((field) => !fields.includes(field));
  if (missing.length) {
    throw new AppError('BAD_USER_INPUT', `Missing column(s): ${missing.join(', ')}. Expected: invoice_id, customer_external_id, period, invoiced_amount, paid_amount, paid_date`, { missingColumns: missing });
  }
  checkBatchSize('billing records', data.length);
  return data.map((cells) => {
    const record: Record<string, string> = {};
    cells.forEach((value, column) => {
      const field = fields[column];
      if (field) record[field] = value;
    });
    return record as unknown as BillingRecordInput;
  });
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
