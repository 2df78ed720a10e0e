import { z } from 'zod';
import type { Context } from '../app/context.js';
import { AppError } from '../shared/errors.js';
import { parseInput } from '../shared/validation.js';
import { recordAudit } from '../modules/audit/audit.service.js';
import { actorTenant } from '../modules/tenants/tenant.service.js';
import { JobRun, JobRunStatus, JobTrigger } from './job-run.entity.js';
import { JobRepository, type ScheduledJobRow } from './job.repository.js';
import { cronProblem, type Schedule } from './schedule.js';
import { checkSystemHealth, type SystemHealthFigures } from './system-health.service.js';
import { WORKFLOWS, workflowNamed, type Workflow } from './workflows.js';

export interface AutomationJobView {
  workflow: Workflow;
  timezone: string;
  schedule: ScheduledJobRow | null;
  pending: ScheduledJobRow[];
  lastRun: JobRun | null;
  lastSuccessAt: Date | null;
  failuresLast24h: number;
  recentFailures: JobRun[];
}

/** Every workflow of the tenant with its schedule, last and next run and recent failures (admin console). */
export async function automationJobs(ctx: Context): Promise<AutomationJobView[]> {
  const tenant = await actorTenant(ctx);
  const repository = new JobRepository(ctx.em, tenant.id, ctx.app.config.jobs.table);
  const agendaJobs = await repository.agendaJobs();
  const since = new Date(Date.now() - 86_400_000); // job runs are on wall time
  const summaries = new Map((await repository.workflowSummaries(since)).map((row) => [row.workflow, row]));
  const lastRunIds = [...summaries.values()].map((row) => row.last_run_id).filter((id): id is string => !!id);
  const lastRuns = new Map((await ctx.em.find(JobRun, { id: { $in: lastRunIds } })).map((run) => [run.workflow, run]));
  const failures = await ctx.em.find(JobRun, { status: JobRunStatus.FAILED, startedAt: { $gte: new Date(since.getTime() - 6 * 86_400_000) } }, { orderBy: { startedAt: 'desc' }, limit: 100 });
  return WORKFLOWS.map((workflow) => ({
    workflow,
    timezone: tenant.timezone,
    schedule: agendaJobs.find((job) => job.name === workflow.name && job.repeat_interval) ?? null,
    pending: agendaJobs.filter((job) => job.name === workflow.name && !job.repeat_interval && job.next_run_at),
    lastRun: lastRuns.get(workflow.name) ?? null,
    lastSuccessAt: summaries.get(workflow.name)?.last_success_at ?? null,
    failuresLast24h: Number(summaries.get(workflow.name)?.failures ?? 0),
    recentFailures: failures.filter((run) => run.workflow === workflow.name).slice(0, 5),
  }));
}

function requireWorkflow(name: string): Workflow {
  const workflow = workflowNamed(name);
  if (!workflow) throw new AppError('BAD_USER_INPUT', `No workflow "${name}"`, { fieldErrors: { workflow: `One of ${WORKFLOWS.map((w) => w.name).join(', ')}` } });
  return workflow;
}

/** "Run now": the workflow is queued for the tenant at once; a worker picks it up within seconds. */
export async function runJobNow(ctx: Context, name: string): Promise<void> {
  const workflow = requireWorkflow(name);
  const tenant = await actorTenant(ctx);
  await ctx.app.scheduler.enqueue(workflow.name, tenant.id, {}, JobTrigger.MANUAL, ctx.actor!.label);
  await ctx.em.transactional(async (tx) => {
    recordAudit(tx, tenant, ctx.actor, { action: 'automation.run_now', entityType: 'Workflow', entityId: tenant.id, data: { workflow: workflow.name } });
  });
}

const ScheduleSchema = z.object({
  workflow: z.string(),
  cron: z.string().trim().max(100, 'At most 100 characters').nullish(),
  everySeconds: z.number().int('A whole number of seconds').min(1, 'At least 1 second').max(3600, 'At most 3600 seconds (1 hour)').nullish(),
  enabled: z.boolean(),
});

/** An admin changes when a scheduled workflow runs (in the tenant's time zone), or pauses it. */
export async function updateJobSchedule(ctx: Context, input: z.input<typeof ScheduleSchema>): Promise<void> {
  const parsed = parseInput(ScheduleSchema, input);
  const workflow = requireWorkflow(parsed.workflow);
  const tenant = await actorTenant(ctx);
  if (!workflow.schedule) throw new AppError('BAD_USER_INPUT', `${workflow.title} is started by events, not by a schedule`, { fieldErrors: { workflow: 'Not a scheduled workflow' } });
  const kind = workflow.schedule(ctx.app);
  let schedule: Schedule;
  if ('cron' in kind) {
    if (!parsed.cron) throw new AppError('BAD_USER_INPUT', 'Give a cron expression', { fieldErrors: { cron: 'Required, e.g. 0 2 * * *' } });
    const problem = cronProblem(parsed.cron, tenant.timezone);
    if (problem) throw new AppError('BAD_USER_INPUT', problem, { fieldErrors: { cron: problem } });
    schedule = { cron: parsed.cron.split(/\s+/).join(' ') };
  } else {
    if (!parsed.everySeconds) throw new AppError('BAD_USER_INPUT', 'Give an interval in seconds', { fieldErrors: { everySeconds: 'Required, 1 to 3600' } });
    schedule = { everySeconds: parsed.everySeconds };
  }
  await ctx.app.scheduler.saveSchedule(tenant, workflow, schedule, !parsed.enabled);
  await ctx.em.transactional(async (tx) => {
    recordAudit(tx, tenant, ctx.actor, { action: 'automation.schedule_changed', entityType: 'Workflow', entityId: tenant.id, data: { workflow: workflow.name, ...schedule, enabled: parsed.enabled } });
  });
}

export function systemHealth(ctx: Context): Promise<SystemHealthFigures> {
  return checkSystemHealth(ctx, ctx.app, WORKFLOWS.map((workflow) => workflow.name));
}
