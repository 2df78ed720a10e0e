import type { Context } from '../../app/context.js';
import { readCsv, type CsvLayout } from '../../shared/csv-import.js';
import type { CustomerUpsertInput } from './customer.inputs.js';
import { CustomerStage } from './lifecycle.js';
import { upsertCustomers } from './customer.service.js';

type CsvCustomer = Record<'externalId' | 'name' | 'email' | 'servicePlan' | 'mrr' | 'signupDate' | 'stage' | 'usagePercent' | 'resellerCode' | 'assignedSince', string>;

const LAYOUT: CsvLayout<CsvCustomer> = {
  what: 'customers',
  columns: {
    externalid: 'externalId',
    name: 'name',
    email: 'email',
    serviceplan: 'servicePlan',
    mrr: 'mrr',
    signupdate: 'signupDate',
    stage: 'stage',
    usagepercent: 'usagePercent',
    resellercode: 'resellerCode',
    assignedsince: 'assignedSince',
  },
  required: ['externalId', 'name'],
  expectedHeader: 'external_id, name, email, service_plan, mrr, signup_date, stage, usage_percent, reseller_code, assigned_since',
};

/**
 * Customers from CSV into the upsert's input. Text that cannot be the field's type (a stage that is
 * not one, a usage that is not a number) becomes a value the upsert's checks refuse for that row,
 * so a CSV row and a GraphQL row get the same per-row errors.
 */
function readCustomerCsv(csv: string): { rows: CustomerUpsertInput[]; cells: Partial<CsvCustomer>[] } {
  const cells = readCsv(csv, LAYOUT);
  const rows = cells.map((row) => ({
    externalId: row.externalId ?? '',
    name: row.name ?? '',
    email: row.email,
    servicePlan: row.servicePlan,
    mrr: row.mrr,
    signupDate: row.signupDate,
    stage: row.stage === undefined ? undefined : (row.stage.toUpperCase().replace(/[\s-]/g, '_') as CustomerStage),
    usagePercent: row.usagePercent === undefined ? undefined : /^\d+$/.test(row.usagePercent) ? Number(row.usagePercent) : Number.NaN,
    resellerCode: row.resellerCode,
    assignedSince: row.assignedSince,
  }));
  return { rows, cells };
}

/** What importing the file would do, row by row; the upsert runs in a transaction rolled back. */
export async function previewCustomerImport(ctx: Context, csv: string) {
  const { rows, cells } = readCustomerCsv(csv);
  const result = await upsertCustomers(ctx, rows, { dryRun: true });
  const preview = cells.map((row, index) => ({
    index,
    line: index + 2,
    ...row,
    action: result.actions[index]!,
    errors: result.errors.filter((error) => error.index === index).map((error) => `${error.field}: ${error.message}`),
  }));
  const count = (action: string) => result.actions.filter((a) => a === action).length;
  return { rowCount: rows.length, create: count('CREATE'), update: count('UPDATE'), unchanged: count('UNCHANGED'), errorCount: count('ERROR'), rows: preview };
}

/** Imports the file all or nothing (the same upsert as the API; any bad row refuses the file). */
export async function importCustomersCsv(ctx: Context, csv: string) {
  return upsertCustomers(ctx, readCustomerCsv(csv).rows);
}
