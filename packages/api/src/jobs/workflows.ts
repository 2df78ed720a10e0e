import type { AppServices, Context } from '../app/context.js';
import { deliverDueEmails } from '../emails/delivery.service.js';
import type { Mailer } from '../emails/mailer.js';
import { runMonthlyCommissions, sendCommissionStatements } from '../modules/commissions/monthly-run.service.js';
import { recomputeCustomerHealth } from '../modules/customers/customer-health.service.js';
import { remindOverdueOnboarding } from '../modules/onboarding/onboarding-reminders.service.js';
import { createPaymentBatch } from '../modules/payouts/payment-batch.service.js';
import { CommissionRun } from '../modules/commissions/commission-run.entity.js';
import { CommissionRunStatus } from '../modules/commissions/commission.enums.js';
import { criticalAlertsWithoutResponse, respondToCriticalAlert } from '../modules/success/emergency-response.service.js';
import { recomputePartnerHealth } from '../modules/success/success.service.js';
import { AppError } from '../shared/errors.js';
import type { Schedule } from './schedule.js';
import { checkSystemHealth } from './system-health.service.js';

export type WorkflowName = 'daily-cycle' | 'monthly-commission-run' | 'payment-batch-preparation' | 'emergency-response' | 'email-delivery' | 'system-health';

/** What a workflow's run may use besides its tenant's context: follow-up jobs and the mailer. */
export interface WorkflowTools {
  app: AppServices;
  mailer: Mailer;
  /** Starts another workflow for the same tenant now (after this run's own transactions committed). */
  enqueue(workflow: WorkflowName, data: Record<string, string>): Promise<void>;
}

export interface Workflow {
  name: WorkflowName;
  title: string;
  description: string;
  /** Absent: started by an event (or "run now"), never by the clock. */
  schedule?: (app: AppServices) => Schedule;
  /** A run still going after this is taken for dead and may be started again elsewhere. */
  lockLifetimeMs: number;
  /** Retries after a failure (exponential back-off from `retryDelayMs`). */
  retries: number;
  retryDelayMs: number;
  /** Runs that did nothing are not recorded (email delivery every few seconds). */
  recordIdleRuns: boolean;
  run(ctx: Context, data: Record<string, string>, tools: WorkflowTools): Promise<Record<string, unknown>>;
}

const MINUTE = 60_000;

/**
 * SPEC §6, one entry per workflow. Each is a thin wrapper over idempotent services that do their
 * work in their own transactions: a run that fails or dies part-way is simply run again.
 */
export const WORKFLOWS: readonly Workflow[] = [
  {
    name: 'daily-cycle',
    title: 'Daily cycle',
    description: 'Recompute partner health, raise and resolve alerts, remind partners of overdue onboarding tasks, move customers at risk.',
    schedule: () => ({ cron: '0 2 * * *' }),
    lockLifetimeMs: 30 * MINUTE,
    retries: 3,
    retryDelayMs: 5 * MINUTE,
    recordIdleRuns: true,
    async run(ctx, _data, tools) {
      const health = await recomputePartnerHealth(ctx);
      const customers = await recomputeCustomerHealth(ctx);
      const onboarding = await remindOverdueOnboarding(ctx);
      // Critical alerts (new ones, or any whose response a crash lost) get their emergency response.
      const critical = await criticalAlertsWithoutResponse(ctx);
      for (const alertId of critical) await tools.enqueue('emergency-response', { alertId });
      return { partnerHealth: health, customerHealth: customers, onboarding, emergencyResponses: critical.length };
    },
  },
  {
    name: 'monthly-commission-run',
    title: 'Monthly commission run',
    description: 'Run the previous period, reconcile it, and tell finance it waits for approval.',
    schedule: () => ({ cron: '0 3 1 * *' }),
    lockLifetimeMs: 60 * MINUTE,
    retries: 3,
    retryDelayMs: 10 * MINUTE,
    recordIdleRuns: true,
    run: (ctx) => runMonthlyCommissions(ctx),
  },
  {
    name: 'payment-batch-preparation',
    title: 'Payment batch preparation',
    description: "After a run's approval: send each partner its commission statement and draft the payment batch for partners over their minimum.",
    lockLifetimeMs: 30 * MINUTE,
    retries: 3,
    retryDelayMs: 5 * MINUTE,
    recordIdleRuns: true,
    async run(ctx, data) {
      // An event names its run; "run now" takes the latest approved one.
      const run = data.runId
        ? await ctx.em.findOne(CommissionRun, { id: data.runId })
        : await ctx.em.findOne(CommissionRun, { status: CommissionRunStatus.APPROVED }, { orderBy: { approvedAt: 'desc', id: 'desc' } });
      if (!run) throw new AppError('NOT_FOUND', data.runId ? 'Commission run not found' : 'No approved commission run to prepare payments for');
      const statements = await sendCommissionStatements(ctx, run.id);
      try {
        const batch = await createPaymentBatch(ctx, { period: run.period });
        return { ...statements, period: run.period, batchId: batch.id, payments: batch.paymentCount };
      } catch (error) {
        // Nothing (more) to pay: every payable line is already in a batch, or none reaches its minimum.
        if (error instanceof AppError && error.code === 'CONFLICT') return { ...statements, period: run.period, batchId: null, note: error.message };
        throw error;
      }
    },
  },
  {
    name: 'emergency-response',
    title: 'Emergency response',
    description: 'On a CRITICAL alert: open an executive-escalation intervention and notify the partner team at once.',
    lockLifetimeMs: 5 * MINUTE,
    retries: 5,
    retryDelayMs: 30_000,
    recordIdleRuns: true,
    async run(ctx, data) {
      if (data.alertId) return respondToCriticalAlert(ctx, data.alertId);
      // "Run now": every critical alert still without its escalation.
      let escalated = 0;
      for (const alertId of await criticalAlertsWithoutResponse(ctx)) if ((await respondToCriticalAlert(ctx, alertId)).escalated) escalated++;
      return { escalated };
    },
  },
  {
    name: 'email-delivery',
    title: 'Email delivery',
    description: 'Send queued emails over SMTP with retries and exponential back-off; nothing is lost while the mail server is down.',
    schedule: (app) => ({ everySeconds: app.config.mail.deliveryEverySeconds }),
    lockLifetimeMs: 15 * MINUTE,
    retries: 0, // every email has its own back-off; the next tick comes soon anyway
    retryDelayMs: 0,
    recordIdleRuns: false,
    async run(ctx, _data, tools) {
      return { ...(await deliverDueEmails(tools.app, ctx.actor!.tenantId, tools.mailer)) };
    },
  },
  {
    name: 'system-health',
    title: 'System health',
    description: 'Job backlog, failed jobs and the last success of each workflow, for the admin console.',
    schedule: () => ({ cron: '*/15 * * * *' }),
    lockLifetimeMs: 5 * MINUTE,
    retries: 1,
    retryDelayMs: MINUTE,
    recordIdleRuns: true,
    run: (ctx, _data, tools) => checkSystemHealth(ctx, tools.app, WORKFLOWS.map((workflow) => workflow.name)),
  },
];

export function workflowNamed(name: string): Workflow | undefined {
  return WORKFLOWS.find((workflow) => workflow.name === name);
}

export function idle(result: Record<string, unknown>): boolean {
  return Object.values(result).every((value) => value === 0);
}
