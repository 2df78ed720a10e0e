import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Args, Authorized, Ctx, Field, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../app/context.js';
import { Role } from '../auth/roles.js';
import { ConnectionType, PageArgs, paginate } from '../shared/pagination.js';
import { automationJobs, runJobNow, systemHealth, updateJobSchedule, type AutomationJobView } from './automation.service.js';
import { JobRun, JobRunStatus } from './job-run.entity.js';
import type { SystemHealthFigures } from './system-health.service.js';

const JobRunConnection = ConnectionType('JobRun', JobRun);

@ObjectType('JobScheduleInfo', { description: "A workflow's schedule for the tenant." })
class JobScheduleInfo {
  @Field(() => String, { nullable: true, description: 'Cron expression in the tenant time zone (null for an interval).' }) cron!: string | null;
  @Field(() => Int, { nullable: true, description: 'Interval in seconds (null for a cron schedule).' }) everySeconds!: number | null;
  @Field() timezone!: string;
  @Field() enabled!: boolean;
  @Field(() => Date, { nullable: true }) nextRunAt!: Date | null;
  @Field(() => Date, { nullable: true }) lastRunAt!: Date | null;
  @Field(() => Date, { nullable: true }) lastFinishedAt!: Date | null;
  @Field({ description: 'A worker holds it right now.' }) running!: boolean;
  @Field(() => Int, { description: 'Failures in a row (0 after a success).' }) failCount!: number;
  @Field(() => String, { nullable: true, description: 'Why the last attempt failed, while it is failing.' }) failReason!: string | null;
}

@ObjectType('AutomationJob', { description: 'A workflow of SPEC §6 as it runs for this tenant.' })
class AutomationJob {
  @Field({ description: 'Its name, e.g. daily-cycle.' }) workflow!: string;
  @Field() title!: string;
  @Field() description!: string;
  @Field({ description: 'Runs on a schedule (otherwise on events and "run now").' }) scheduled!: boolean;
  @Field(() => JobScheduleInfo, { nullable: true }) schedule!: JobScheduleInfo | null;
  @Field(() => Int, { description: 'One-off runs waiting (events, run now, retries).' }) pending!: number;
  @Field(() => Date, { nullable: true }) nextPendingAt!: Date | null;
  @Field(() => JobRun, { nullable: true }) lastRun!: JobRun | null;
  @Field(() => Date, { nullable: true }) lastSuccessAt!: Date | null;
  @Field(() => Int) failuresLast24h!: number;
  @Field(() => [JobRun], { description: 'The last failed runs (up to 5, past week) with their errors.' }) recentFailures!: JobRun[];
}

@ObjectType('SystemHealth', { description: 'Job backlog, failures and last successes, checked now.' })
class SystemHealthType {
  @Field() checkedAt!: string;
  @Field() healthy!: boolean;
  @Field(() => [String]) problems!: string[];
  @Field(() => Int) emailsQueued!: number;
  @Field(() => Int) emailsDue!: number;
  @Field(() => Int) emailsFailed!: number;
  @Field(() => Int, { nullable: true }) oldestDueEmailMinutes!: number | null;
  @Field(() => Int) overdueJobs!: number;
  @Field(() => Int) failingJobs!: number;
  @Field(() => Int) interruptedRuns!: number;
  @Field(() => Int) failedRuns24h!: number;
}

@InputType()
class UpdateJobScheduleInput {
  @Field() workflow!: string;
  @Field(() => String, { nullable: true, description: 'For cron workflows, e.g. "0 2 * * *" (tenant time zone).' }) cron?: string | null;
  @Field(() => Int, { nullable: true, description: 'For interval workflows (email delivery), 1–3600.' }) everySeconds?: number | null;
  @Field() enabled!: boolean;
}

@InputType()
class JobRunFilter {
  @Field(() => String, { nullable: true }) workflow?: string | null;
  @Field(() => JobRunStatus, { nullable: true }) status?: JobRunStatus | null;
}

function toGraphql(view: AutomationJobView): AutomationJob {
  const row = view.schedule;
  const interval = row?.repeat_interval ?? null;
  const everySeconds = interval !== null && /^\d+$/.test(interval) ? Number(interval) / 1000 : null;
  return {
    workflow: view.workflow.name,
    title: view.workflow.title,
    description: view.workflow.description,
    scheduled: !!view.workflow.schedule,
    schedule: row
      ? {
          cron: everySeconds === null ? interval : null,
          everySeconds,
          timezone: row.repeat_timezone ?? view.timezone,
          enabled: !row.disabled,
          nextRunAt: row.disabled ? null : row.next_run_at,
          lastRunAt: row.last_run_at,
          lastFinishedAt: row.last_finished_at,
          running: !!row.locked_at,
          failCount: row.fail_count ?? 0,
          failReason: row.failed_at && (!row.last_finished_at || row.failed_at >= row.last_finished_at) ? row.fail_reason : null,
        }
      : null,
    pending: view.pending.length,
    nextPendingAt: view.pending[0]?.next_run_at ?? null,
    lastRun: view.lastRun,
    lastSuccessAt: view.lastSuccessAt,
    failuresLast24h: view.failuresLast24h,
    recentFailures: view.recentFailures,
  };
}

/** SPEC §6: admins see every job's schedule, last/next run and failures, and trigger one now. */
@Authorized(Role.ADMIN)
@Resolver()
export class AutomationResolver {
  @Query(() => [AutomationJob])
  async automationJobs(@Ctx() ctx: Context): Promise<AutomationJob[]> {
    return (await automationJobs(ctx)).map(toGraphql);
  }

  @Query(() => JobRunConnection, { description: 'Job runs, newest first.' })
  jobRuns(@Args() page: PageArgs, @Arg('filter', () => JobRunFilter, { nullable: true }) filter: JobRunFilter | null, @Ctx() ctx: Context) {
    const where: FilterQuery<JobRun> = {};
    if (filter?.workflow) where.workflow = filter.workflow;
    if (filter?.status) where.status = filter.status;
    return paginate(ctx.em, JobRun, where, page, [{ startedAt: 'desc' }, { id: 'desc' }]);
  }

  @Query(() => SystemHealthType)
  async systemHealth(@Ctx() ctx: Context): Promise<SystemHealthType> {
    const figures: SystemHealthFigures = await systemHealth(ctx);
    return {
      checkedAt: figures.checkedAt,
      healthy: figures.healthy,
      problems: figures.problems,
      emailsQueued: figures.emails.queued,
      emailsDue: figures.emails.due,
      emailsFailed: figures.emails.failed,
      oldestDueEmailMinutes: figures.emails.oldestDueMinutes,
      overdueJobs: figures.jobs.overdue,
      failingJobs: figures.jobs.failing,
      interruptedRuns: figures.jobs.interrupted,
      failedRuns24h: figures.jobs.failedRuns24h,
    };
  }

  @Mutation(() => [AutomationJob], { description: 'Queues the workflow for this tenant now; returns every job (with the new pending run).' })
  async runJobNow(@Arg('workflow') workflow: string, @Ctx() ctx: Context): Promise<AutomationJob[]> {
    await runJobNow(ctx, workflow);
    return (await automationJobs(ctx)).map(toGraphql);
  }

  @Mutation(() => [AutomationJob], { description: 'Changes when a scheduled workflow runs, or pauses it; returns every job.' })
  async updateJobSchedule(@Arg('input') input: UpdateJobScheduleInput, @Ctx() ctx: Context): Promise<AutomationJob[]> {
    await updateJobSchedule(ctx, input);
    return (await automationJobs(ctx)).map(toGraphql);
  }
}
