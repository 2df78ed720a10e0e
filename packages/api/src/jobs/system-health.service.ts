import type { AppServices, Context } from '../app/context.js';
import { OutboxRepository } from '../emails/outbox.repository.js';
import { JobRepository } from './job.repository.js';

const HOUR = 3_600_000;
/** An email due for longer than this means delivery is stuck (SMTP down, or no worker running). */
const EMAIL_BACKLOG_ALERT_MS = HOUR;
/** A scheduled job whose time passed this long ago without being taken means no worker is running. */
const OVERDUE_JOB_MS = 5 * 60_000;

export interface SystemHealthFigures extends Record<string, unknown> {
  checkedAt: string;
  healthy: boolean;
  problems: string[];
  emails: { queued: number; due: number; failed: number; oldestDueMinutes: number | null };
  jobs: { overdue: number; failing: number; interrupted: number; failedRuns24h: number };
  lastSuccess: Record<string, string | null>;
}

/**
 * SPEC §6 system health: the job backlog, failed jobs and the last success of each workflow,
 * with the problems spelled out. Stored as the result of the system-health run, which the admin
 * console shows; it also runs on demand there.
 */
export async function checkSystemHealth(ctx: Context, app: AppServices, workflows: readonly string[]): Promise<SystemHealthFigures> {
  const tenantId = ctx.actor!.tenantId;
  const now = new Date(); // jobs and deliveries run on wall time
  const jobs = new JobRepository(ctx.em, tenantId, app.config.jobs.table);
  const backlog = await new OutboxRepository(ctx.em, tenantId).backlog(now);
  const agendaJobs = await jobs.agendaJobs();
  const summaries = await jobs.workflowSummaries(new Date(now.getTime() - 24 * HOUR));
  const interrupted = await jobs.staleRuns(new Date(now.getTime() - 2 * HOUR));

  const overdue = agendaJobs.filter((job) => !job.disabled && !job.locked_at && job.next_run_at && now.getTime() - job.next_run_at.getTime() > OVERDUE_JOB_MS);
  const failing = agendaJobs.filter((job) => job.failed_at && (!job.last_finished_at || job.failed_at >= job.last_finished_at));
  const failedRuns24h = summaries.reduce((sum, row) => sum + Number(row.failures), 0);
  const oldestDueMinutes = backlog.oldest_due_at ? Math.floor((now.getTime() - new Date(backlog.oldest_due_at).getTime()) / 60_000) : null;

  const problems: string[] = [];
  if (oldestDueMinutes !== null && oldestDueMinutes * 60_000 > EMAIL_BACKLOG_ALERT_MS) problems.push(`${backlog.due} email(s) waiting for delivery, the oldest queued ${oldestDueMinutes} minutes ago`);
  if (backlog.failed > 0) problems.push(`${backlog.failed} email(s) refused by the mail server`);
  if (overdue.length > 0) problems.push(`${overdue.length} job(s) past their time and not started: is a worker running?`);
  for (const job of failing) problems.push(`${job.name} failed: ${job.fail_reason ?? 'unknown error'}`);
  if (interrupted > 0) problems.push(`${interrupted} run(s) interrupted (their worker stopped)`);

  return {
    checkedAt: now.toISOString(),
    healthy: problems.length === 0,
    problems,
    emails: { queued: backlog.queued, due: backlog.due, failed: backlog.failed, oldestDueMinutes },
    jobs: { overdue: overdue.length, failing: failing.length, interrupted, failedRuns24h },
    lastSuccess: Object.fromEntries(workflows.map((workflow) => [workflow, summaries.find((row) => row.workflow === workflow)?.last_success_at?.toISOString() ?? null])),
  };
}
