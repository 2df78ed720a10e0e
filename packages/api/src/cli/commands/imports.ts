import { Command } from 'commander';
import type { Context } from '../../app/context.js';
import { PARTNER_TEAM, Role } from '../../auth/roles.js';
import { importBillingCsv, previewBillingImport } from '../../modules/billing/billing-import.service.js';
import { reassignCustomers } from '../../modules/customers/assignment.service.js';
import { importCustomersCsv, previewCustomerImport } from '../../modules/customers/customer-import.service.js';
import { CustomerStage } from '../../modules/customers/lifecycle.js';
import { AppError } from '../../shared/errors.js';
import { action, choice, dryRunOption, readTextFile } from '../command.js';
import { confirmBulk, Progress, requireRole, table, type Cli } from '../runtime.js';
import { resellerNamed } from './partners.js';

interface ImportPreview {
  rowCount: number;
  create: number;
  update: number;
  unchanged: number;
  errorCount: number;
  rows: { line: number; action: string; errors: string[] }[];
}

/**
 * A CSV import the way the admin console does it: the preview (the same upsert, rolled back) says
 * what would happen; `--dry-run` stops there; otherwise the file is imported all or nothing.
 */
async function importCsv(cli: Cli, what: string, file: string, dryRun: boolean, preview: (ctx: Context, csv: string) => Promise<ImportPreview>, write: (ctx: Context, csv: string) => Promise<{ created: number; updated: number; unchanged: number }>) {
  const csv = readTextFile(file);
  const progress = new Progress(`import ${what}`, cli.print.json);
  progress.update(5, 'checking every row');
  const checked = await preview(cli.ctx(), csv);
  const problems = checked.rows.filter((row) => row.errors.length > 0);
  // A refusal lists its rows on stderr like every other bulk refusal ("row 1" = the first data row,
  // line 2 of the file); stdout only ever carries a result, never a dry run nobody asked for.
  const rowErrors = problems.flatMap((row) =>
    row.errors.map((error) => {
      const colon = error.indexOf(': ');
      return { index: row.line - 2, field: colon < 0 ? '_' : error.slice(0, colon), message: colon < 0 ? error : error.slice(colon + 2) };
    }),
  );
  const refusal = () => new AppError('BAD_USER_INPUT', `${problems.length} invalid rows in ${file}: nothing ${dryRun ? 'would be' : 'was'} imported`, { rowErrors: rowErrors.slice(0, 100), rowErrorCount: rowErrors.length });
  if (problems.length > 0 && !dryRun) {
    progress.stop();
    throw refusal();
  }
  if (dryRun) {
    progress.stop();
    // The same field names as the import's own result, so a script reads both the same way.
    const summary = { rows: checked.rowCount, created: checked.create, updated: checked.update, unchanged: checked.unchanged, errors: problems.map((row) => ({ line: row.line, errors: row.errors })) };
    cli.print.result({ dryRun: true, ...summary }, () =>
      [
        `${checked.rowCount} rows: would create ${checked.create}, update ${checked.update}, leave ${checked.unchanged} unchanged.`,
        problems.length ? `${problems.length} rows have errors: nothing would be imported.` : 'Nothing was changed (dry run).',
      ].join('\n'),
    );
    if (problems.length > 0) throw refusal();
    return;
  }
  confirmBulk(cli, checked.create + checked.update, what);
  progress.update(40, `writing ${checked.create + checked.update} ${what}`);
  const result = await write(cli.ctx(), csv);
  progress.update(100, 'done');
  progress.stop();
  cli.print.result({ dryRun: false, rows: checked.rowCount, created: result.created, updated: result.updated, unchanged: result.unchanged }, () => `Imported ${file}: created ${result.created}, updated ${result.updated}, unchanged ${result.unchanged}.`);
}

export function customersCommand(): Command {
  const command = new Command('customers').description('customers: import, bulk reassign');
  command
    .command('import')
    .description('create or update customers from a CSV file (all rows or none)')
    .argument('<file>', 'CSV in the admin console’s customer import layout')
    .addOption(dryRunOption())
    .action(
      action(async (cli, file: string, options: { dryRun?: boolean }) => {
        requireRole(cli, PARTNER_TEAM);
        await importCsv(cli, 'customers', file, !!options.dryRun, previewCustomerImport, importCustomersCsv);
      }),
    );
  command
    .command('reassign')
    .description('move every customer of one reseller to another (one transaction, audited, history kept)')
    .requiredOption('--from <code>', 'reseller the customers leave')
    .requiredOption('--to <code>', 'reseller they move to')
    .option('--stage <stage>', `only customers in this lifecycle stage (${Object.values(CustomerStage).join(', ')})`, choice(Object.values(CustomerStage)))
    .requiredOption('--reason <text>', 'why (kept in each customer’s assignment history)')
    .addOption(dryRunOption())
    .action(
      action(async (cli, options: { from: string; to: string; stage?: CustomerStage; reason: string; dryRun?: boolean }) => {
        requireRole(cli, PARTNER_TEAM);
        const from = await resellerNamed(cli, options.from);
        const to = await resellerNamed(cli, options.to);
        const input = { fromResellerId: from.id, toResellerId: to.id, stage: options.stage ?? null, reason: options.reason };
        const planned = await reassignCustomers(cli.ctx(), { ...input, dryRun: true });
        if (!options.dryRun) confirmBulk(cli, planned.moved, 'customers');
        const result = options.dryRun ? planned : await reassignCustomers(cli.ctx(), input);
        cli.print.result({ dryRun: !!options.dryRun, from: from.code, to: to.code, ...result }, () =>
          [
            `${options.dryRun ? 'Would move' : 'Moved'} ${result.moved} customers from ${from.code} to ${to.code}.`,
            result.customers.length ? table(['EXTERNAL ID', 'NAME'], result.customers.map((customer) => [customer.externalId, customer.name])) : '',
          ]
            .filter(Boolean)
            .join('\n'),
        );
      }),
    );
  return command;
}

export function billingCommand(): Command {
  const command = new Command('billing').description('billing records: import');
  command
    .command('import')
    .description('create or update billing records from a CSV file (all rows or none)')
    .argument('<file>', 'CSV in the admin console’s billing import layout')
    .addOption(dryRunOption())
    .action(
      action(async (cli, file: string, options: { dryRun?: boolean }) => {
        requireRole(cli, [Role.ADMIN, Role.FINANCE]);
        await importCsv(cli, 'billing records', file, !!options.dryRun, previewBillingImport, importBillingCsv);
      }),
    );
  return command;
}
