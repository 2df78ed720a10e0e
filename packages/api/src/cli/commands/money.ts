import { formatMoney } from '@reseller-hub/shared-schema/money';
import { Command } from 'commander';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Role, STAFF_ROLES } from '../../auth/roles.js';
import { CommissionRun } from '../../modules/commissions/commission-run.entity.js';
import { approveCommissionRun, closeCommissionPeriod, runCommissions } from '../../modules/commissions/commission-run.service.js';
import { reconcileCommissions } from '../../modules/commissions/commission-reconciliation.service.js';
import { commissionReport } from '../../modules/commissions/commission-report.service.js';
import { CommissionReportGroup, CommissionRunStatus } from '../../modules/commissions/commission.enums.js';
import { Payment, PaymentBatch, PaymentStatus } from '../../modules/payouts/payment-batch.entity.js';
import { approvePaymentBatch, createPaymentBatch } from '../../modules/payouts/payment-batch.service.js';
import { exportPaymentBatch, markPaymentSettled } from '../../modules/payouts/payment-export.service.js';
import { storedNacha } from '../../modules/payouts/payment-file.repository.js';
import { AppError, notFound } from '../../shared/errors.js';
import { isUuid } from '../../shared/validation.js';
import { action, choice, periodArgument } from '../command.js';
import { Progress, requireRole, table, UsageError, type Cli } from '../runtime.js';

const FINANCE_TEAM = [Role.ADMIN, Role.FINANCE] as const;

/**
 * The run's own progress, read from its row while it computes (it writes `progressPercent` outside
 * its transaction for exactly this).
 */
async function withRunProgress<T>(cli: Cli, period: string, work: Promise<T>): Promise<T> {
  const progress = new Progress(`commissions ${period}`, cli.print.json);
  const watcher = setInterval(() => {
    void cli
      .ctx()
      .em.findOne(CommissionRun, { period, status: CommissionRunStatus.RUNNING }, { orderBy: { startedAt: 'desc' } })
      .then((run) => run && progress.update(run.progressPercent, 'computing lines'))
      .catch(() => undefined);
  }, 250);
  try {
    const result = await work;
    progress.update(100, 'done');
    return result;
  } finally {
    clearInterval(watcher);
    progress.stop();
  }
}

export function commissionsCommand(): Command {
  const command = new Command('commissions').description('commission runs: run, approve, reconcile, report');
  command
    .command('run')
    .description('compute every line of a period in one transaction (rerunning an open period replaces its lines)')
    .requiredOption('--period <YYYY-MM>', 'the period', periodArgument)
    .action(
      action(async (cli, options: { period: string }) => {
        requireRole(cli, FINANCE_TEAM);
        const run = await withRunProgress(cli, options.period, runCommissions(cli.ctx(), options.period));
        const view = { runId: run.id, period: run.period, status: run.status, resellers: run.resellerCount, lines: run.lineCount, adjustments: run.adjustmentCount, revenue: formatMoney(run.revenueCents), total: formatMoney(run.totalCents) };
        cli.print.result(view, () => `Run ${run.id} for ${run.period}: ${run.lineCount} lines (${run.adjustmentCount} adjustments) for ${run.resellerCount} resellers, total ${view.total} on revenue ${view.revenue}.`);
      }),
    );
  command
    .command('approve')
    .description("approve a period's latest completed run (then statements and the payment batch are prepared)")
    .requiredOption('--period <YYYY-MM>', 'the period', periodArgument)
    .action(
      action(async (cli, options: { period: string }) => {
        requireRole(cli, FINANCE_TEAM);
        const latest = await cli.ctx().em.findOne(CommissionRun, { period: options.period, status: { $in: [CommissionRunStatus.COMPLETED, CommissionRunStatus.APPROVED] } }, { orderBy: { startedAt: 'desc', id: 'desc' } });
        if (!latest) throw new AppError('CONFLICT', `No completed run for ${options.period}: run it first`);
        const run = await approveCommissionRun(cli.ctx(), latest.id);
        cli.print.result({ runId: run.id, period: run.period, status: run.status }, () => `Run ${run.id} for ${run.period} is ${run.status}.`);
      }),
    );
  command
    .command('reconcile')
    .description('recompute a period independently and list every difference with the stored lines')
    .requiredOption('--period <YYYY-MM>', 'the period', periodArgument)
    .action(
      action(async (cli, options: { period: string }) => {
        requireRole(cli, FINANCE_TEAM);
        const reconciliation = await reconcileCommissions(cli.ctx(), options.period);
        const view = {
          reconciliationId: reconciliation.id,
          period: reconciliation.period,
          expectedTotal: formatMoney(reconciliation.expectedTotalCents),
          storedTotal: formatMoney(reconciliation.storedTotalCents),
          discrepancies: reconciliation.items.map((item) => ({ kind: item.kind, detail: item.detail })),
        };
        cli.print.result(view, () =>
          [`${options.period}: expected ${view.expectedTotal}, stored ${view.storedTotal}, ${view.discrepancies.length} discrepancies.`, ...view.discrepancies.map((item) => `  ${item.kind}: ${item.detail}`)].join('\n'),
        );
      }),
    );
  command
    .command('report')
    .description("a period's commissions grouped by reseller, plan or kind")
    .requiredOption('--period <YYYY-MM>', 'the period', periodArgument)
    .option('--group-by <group>', Object.values(CommissionReportGroup).join(' | '), choice(Object.values(CommissionReportGroup)), CommissionReportGroup.RESELLER)
    .option('--format <format>', 'csv | json | table', choice(['CSV', 'JSON', 'TABLE'] as const), 'TABLE')
    .action(
      action(async (cli, options: { period: string; groupBy: CommissionReportGroup; format: 'CSV' | 'JSON' | 'TABLE' }) => {
        requireRole(cli, STAFF_ROLES);
        const report = await commissionReport(cli.ctx(), options.period, options.groupBy);
        if (options.format === 'CSV' && !cli.print.json) return void process.stdout.write(report.csv);
        const rows = report.rows.map((row) => ({ key: row.key, label: row.label, lines: row.line_count, revenue: formatMoney(BigInt(row.base_cents)), commission: formatMoney(BigInt(row.amount_cents)) }));
        const data = { period: options.period, groupBy: options.groupBy, total: formatMoney(report.totalCents), rows };
        if (options.format === 'JSON') return void process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
        cli.print.result(data, () => `${table([options.groupBy, 'LINES', 'REVENUE', 'COMMISSION'], rows.map((row) => [row.label, row.lines, row.revenue, row.commission]))}\nTotal ${data.total}`);
      }),
    );
  return command;
}

export function periodsCommand(): Command {
  const command = new Command('periods').description('commission periods: close');
  command
    .command('close')
    .description('close a period for good (in order, once its run is approved)')
    .requiredOption('--period <YYYY-MM>', 'the period', periodArgument)
    .action(
      action(async (cli, options: { period: string }) => {
        requireRole(cli, FINANCE_TEAM);
        const closed = await closeCommissionPeriod(cli.ctx(), options.period);
        cli.print.result({ period: closed.period, closedBy: closed.closedBy }, () => `${closed.period} is closed.`);
      }),
    );
  return command;
}

async function batchNamed(cli: Cli, id: string): Promise<PaymentBatch> {
  const batch = isUuid(id) ? await cli.ctx().em.findOne(PaymentBatch, { id }) : null;
  if (!batch) throw notFound(`Payment batch ${id}`);
  return batch;
}

function batchView(batch: PaymentBatch) {
  return { batchId: batch.id, period: batch.period, status: batch.status, payments: batch.paymentCount, total: formatMoney(batch.totalCents), skipped: batch.skipped.map((skip) => ({ code: skip.code, reason: skip.reason, amount: formatMoney(BigInt(skip.cents)) })) };
}

export function payoutsCommand(): Command {
  const command = new Command('payouts').description('payment batches: create, approve, export, settle');
  command
    .command('create')
    .description('draft a batch: one payment per reseller whose approved, unpaid lines reach its minimum')
    .requiredOption('--period <YYYY-MM>', 'pay lines of this period and earlier', periodArgument)
    .action(
      action(async (cli, options: { period: string }) => {
        requireRole(cli, FINANCE_TEAM);
        const view = batchView(await createPaymentBatch(cli.ctx(), { period: options.period }));
        cli.print.result(view, () =>
          [`Drafted batch ${view.batchId}: ${view.payments} payments, ${view.total}.`, ...view.skipped.map((skip) => `  skipped ${skip.code} (${skip.amount}): ${skip.reason}`)].join('\n'),
        );
      }),
    );
  command
    .command('approve')
    .description('approve a draft (a second finance person: never its creator; use --as)')
    .argument('<batch>', 'batch id')
    .action(
      action(async (cli, id: string) => {
        requireRole(cli, FINANCE_TEAM);
        const view = batchView(await approvePaymentBatch(cli.ctx(), (await batchNamed(cli, id)).id));
        cli.print.result(view, () => `Batch ${view.batchId} is ${view.status}.`);
      }),
    );
  command
    .command('export')
    .description('write the NACHA file and remittance CSV (once; exporting again gives the same bytes)')
    .argument('<batch>', 'batch id')
    .requiredOption('--out <dir>', 'folder to write both files to')
    .option('--effective-date <YYYY-MM-DD>', 'settlement date (default: next business day)')
    .action(
      action(async (cli, id: string, options: { out: string; effectiveDate?: string }) => {
        requireRole(cli, FINANCE_TEAM);
        const { batch, file } = await exportPaymentBatch(cli.ctx(), { batchId: (await batchNamed(cli, id)).id, effectiveDate: options.effectiveDate ?? null });
        try {
          mkdirSync(options.out, { recursive: true });
        } catch (error) {
          throw new UsageError(`Cannot create ${options.out}: ${(error as NodeJS.ErrnoException).code}`);
        }
        const nachaPath = path.join(options.out, file.fileName);
        const remittancePath = path.join(options.out, `${file.fileName.replace(/\.txt$/, '')}-remittance.csv`);
        writeFileSync(nachaPath, storedNacha(file, cli.app.payoutCipher), 'ascii');
        writeFileSync(remittancePath, file.remittanceCsv, 'utf8');
        const view = { batchId: batch.id, status: batch.status, nacha: nachaPath, remittance: remittancePath, sha256: file.nachaSha256 };
        cli.print.result(view, () => `Wrote ${nachaPath} (SHA-256 ${file.nachaSha256}) and ${remittancePath}.`);
      }),
    );
  command
    .command('settle')
    .description("the bank credited the batch's payments: mark them settled (lines PAID, statements emailed)")
    .argument('<batch>', 'batch id')
    .option('--payment <id>', 'settle only this payment')
    .action(
      action(async (cli, id: string, options: { payment?: string }) => {
        requireRole(cli, FINANCE_TEAM);
        const batch = await batchNamed(cli, id);
        if (options.payment && !isUuid(options.payment)) throw notFound(`Payment ${options.payment}`);
        const payments = await cli.ctx().em.find(Payment, options.payment ? { batch, id: options.payment } : { batch, status: PaymentStatus.EXPORTED }, { orderBy: { id: 'asc' } });
        if (options.payment && payments.length === 0) throw notFound(`Payment ${options.payment} in batch ${id}`);
        const settled = [];
        for (const payment of payments) settled.push(await markPaymentSettled(cli.ctx(), payment.id));
        const view = { batchId: batch.id, settled: settled.map((payment) => ({ paymentId: payment.id, status: payment.status, amount: formatMoney(payment.amountCents) })) };
        cli.print.result(view, () => (settled.length ? `Settled ${settled.length} payments of batch ${batch.id}.` : 'No exported payments waiting in this batch.'));
      }),
    );
  return command;
}
