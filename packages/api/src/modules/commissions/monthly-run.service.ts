import type { Context } from '../../app/context.js';
import { Role } from '../../auth/roles.js';
import { User, UserStatus } from '../../auth/user.entity.js';
import { EmailTemplate } from '../../emails/outbox-email.entity.js';
import { queueEmailOnce } from '../../emails/outbox.service.js';
import { commissionRunReady, commissionStatement } from '../../emails/templates/automation-emails.js';
import { AppError } from '../../shared/errors.js';
import { formatMoneyDisplay } from '@reseller-hub/shared-schema/money';
import { dateInZone, periodOfDate, previousPeriod } from '../../shared/period.js';
import { Reseller } from '../resellers/reseller.entity.js';
import { actorTenant } from '../tenants/tenant.service.js';
import { lastClosedPeriod } from './commission-plan.service.js';
import { reconcileCommissions } from './commission-reconciliation.service.js';
import { CommissionLine, CommissionRun } from './commission-run.entity.js';
import { CommissionRunStatus } from './commission.enums.js';
import { runCommissions } from './commission-run.service.js';
import { minimumPayouts } from '../payouts/payment-batch.repository.js';
import { DEFAULT_MINIMUM_CENTS } from '../payouts/payment-batch.service.js';

/**
 * SPEC §6 monthly workflow: run the previous period (in the tenant's zone), reconcile it, and tell
 * finance it waits for review. Safe to rerun: an approved or closed period is left alone, a rerun
 * of an open one replaces its own lines (runCommissions is idempotent) and the finance email is
 * queued once per run.
 */
export async function runMonthlyCommissions(ctx: Context): Promise<Record<string, unknown>> {
  const tenant = await actorTenant(ctx);
  const period = previousPeriod(periodOfDate(dateInZone(ctx.app.clock.now(), tenant.timezone)));
  const lastClosed = await lastClosedPeriod(ctx.em);
  if (lastClosed && period <= lastClosed) return { period, skipped: `${period} is closed` };
  if (await ctx.em.count(CommissionRun, { period, status: CommissionRunStatus.APPROVED })) return { period, skipped: `the run for ${period} is already approved` };

  const run = await runCommissions(ctx, period);
  const reconciliation = await reconcileCommissions(ctx, period);
  const total = formatMoneyDisplay(run.totalCents, tenant.currency);
  const notified = await ctx.em.transactional(async (tx) => {
    const finance = await tx.find(User, { role: Role.FINANCE, status: UserStatus.ACTIVE }, { orderBy: { email: 'asc' } });
    let queued = 0;
    for (const user of finance) {
      if (await queueEmailOnce(tx, tenant, {
        template: EmailTemplate.COMMISSION_RUN_READY,
        to: user.email,
        toName: user.name,
        content: commissionRunReady({ tenantName: tenant.name, period, resellerCount: run.resellerCount, lineCount: run.lineCount, total, discrepancyCount: reconciliation.items.length, reviewUrl: `${ctx.app.config.publicUrl}/admin/commissions` }),
        related: { type: 'CommissionRun', id: run.id },
        dedupeKey: `commission-run-ready:${run.id}:${user.id}`,
      })) queued++;
    }
    return queued;
  });
  return { period, runId: run.id, lines: run.lineCount, total, discrepancies: reconciliation.items.length, financeNotified: notified };
}

/**
 * After a run's approval: each reseller with lines in it gets its commission statement (once per
 * run and reseller, whatever the number of reruns of this job).
 */
export async function sendCommissionStatements(ctx: Context, runId: string): Promise<{ statements: number }> {
  const tenant = await actorTenant(ctx);
  const run = await ctx.em.findOne(CommissionRun, { id: runId });
  if (!run) throw new AppError('NOT_FOUND', 'Commission run not found');
  if (run.status !== CommissionRunStatus.APPROVED) return { statements: 0 };
  const lines = await ctx.em.find(CommissionLine, { run }, { orderBy: { reseller: { id: 'asc' }, kind: 'asc', id: 'asc' } });
  const byReseller = new Map<string, CommissionLine[]>();
  for (const line of lines) byReseller.set(line.reseller.id, [...(byReseller.get(line.reseller.id) ?? []), line]);
  const money = (cents: bigint) => formatMoneyDisplay(cents, tenant.currency);
  const minimums = await minimumPayouts(ctx.em, tenant.id, run.period, [...byReseller.keys()]);
  let statements = 0;
  // One transaction per slice of resellers: a failure part-way keeps the statements already queued,
  // and the rerun skips them (dedupe key).
  const ids = [...byReseller.keys()];
  for (let start = 0; start < ids.length; start += 200) {
    await ctx.em.transactional(async (tx) => {
      const resellers = await tx.find(Reseller, { id: { $in: ids.slice(start, start + 200) } });
      for (const reseller of resellers) {
        const own = byReseller.get(reseller.id)!;
        const queued = await queueEmailOnce(tx, tenant, {
          template: EmailTemplate.COMMISSION_STATEMENT,
          to: reseller.contactEmail,
          toName: reseller.contactName,
          content: commissionStatement({
            tenantName: tenant.name,
            contactName: reseller.contactName,
            companyName: reseller.companyName,
            period: run.period,
            lines: own.map((line) => ({ period: line.adjustmentForPeriod ?? line.period, description: line.trace.split('\n')[0]!.slice(0, 120), amount: money(line.amountCents) })),
            total: money(own.reduce((sum, line) => sum + line.amountCents, 0n)),
            minimumPayout: money(minimums.get(reseller.id) ?? DEFAULT_MINIMUM_CENTS),
            portalUrl: `${ctx.app.config.publicUrl}/portal/commissions`,
          }),
          related: { type: 'CommissionRun', id: run.id },
          dedupeKey: `commission-statement:${run.id}:${reseller.id}`,
        });
        if (queued) statements++;
      }
    });
  }
  return { statements };
}
