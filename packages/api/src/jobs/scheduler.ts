import { PostgresBackend } from '@agendajs/postgres-backend';
import { Agenda, exponential, type Job } from 'agenda';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { hostname } from 'node:os';
import type { AppServices } from '../app/context.js';
import { contextFor } from '../app/context.js';
import { systemActor } from '../auth/actor.js';
import { createMailer, type Mailer } from '../emails/mailer.js';
import { Tenant } from '../modules/tenants/tenant.entity.js';
import { isDatabaseUnavailable } from '../db/database-unavailable.js';
import { sqlRows } from '../db/raw-sql.js';
import { AppError } from '../shared/errors.js';
import { logger } from '../shared/logger.js';
import { JobTrigger } from './job-run.entity.js';
import { JobRepository, lockHolders, releaseLocksOf, releaseLostLocks } from './job.repository.js';
import { occurrenceOf, type Schedule } from './schedule.js';
import { idle, WORKFLOWS, workflowNamed, type Workflow, type WorkflowName, type WorkflowTools } from './workflows.js';

export interface JobData {
  tenantId: string;
  trigger?: JobTrigger;
  requestedBy?: string | null;
  [key: string]: unknown;
}

/**
 * Agenda 6 on PostgreSQL (its own table in our database; SKIP LOCKED claims), one job per tenant
 * and workflow. Every process can enqueue; only `start()`ed ones (role worker or all) execute.
 * Each execution is recorded in job_run, whose (tenant, workflow, occurrence) key makes a
 * scheduled occurrence run once even if two workers raced for it.
 */
export class Scheduler {
  readonly worker = `${hostname()}:${process.pid}`;
  private agenda: Agenda | undefined;
  private backend: PostgresBackend | undefined;
  private pool: pg.Pool | undefined;
  private mailer: Mailer | undefined;
  private processing = false;
  private resync: NodeJS.Timeout | undefined;
  private eventsPaused = false;
  private notificationsLost = false;

  constructor(private readonly app: AppServices) {}

  private client(): Agenda {
    if (this.agenda) return this.agenda;
    const connectionString = this.app.orm.config.get('clientUrl')!;
    const table = this.app.config.jobs.table;
    // Agenda's connections are ours, so they can be watched. PostgreSQL restarting closes them: an
    // idle pool client and the LISTEN connection then emit 'error', which with no listener ends
    // the process (an unhandled 'error' event). Queries fail and are retried by the next poll; the
    // channel reconnects by itself (every 100 ms, forever: each attempt resets its counter).
    const pool = new pg.Pool({ connectionString, max: 4 });
    pool.on('error', (error) => logger.warn('scheduler: a database connection was lost', { error: error.message }));
    this.pool = pool;
    this.backend = new PostgresBackend({ pool, tableName: table, channelName: table });
    const channel = this.backend.notificationChannel;
    // Each failed reconnection emits an error: logged once per outage, through the state changes.
    channel?.on('error', (error: Error) => logger.debug('scheduler: job notifications', { error: error.message }));
    channel?.on('stateChange', (state: string) => {
      if (state === 'connected' && this.notificationsLost) {
        logger.info('scheduler: job notifications restored');
        void this.releaseLocksLostInOutage(new Date());
      }
      if (state === 'reconnecting' && !this.notificationsLost) logger.warn('scheduler: job notifications lost; polling until the database is back');
      if (state === 'connected' || state === 'reconnecting') this.notificationsLost = state === 'reconnecting';
    });
    const agenda = new Agenda({
      backend: this.backend,
      name: this.worker,
      processEvery: this.app.config.jobs.pollMs, // a number: the string form was misread by 1000× (ARCHITECTURE)
      maxConcurrency: 10,
      defaultConcurrency: 2,
    });
    for (const workflow of WORKFLOWS) {
      agenda.define<JobData>(workflow.name, (job) => this.execute(workflow, job), {
        lockLifetime: this.lockLifetimeOf(workflow),
        concurrency: 2,
        backoff: workflow.retries > 0 ? exponential({ delay: workflow.retryDelayMs, maxRetries: workflow.retries, factor: 2 }) : undefined,
      });
    }
    agenda.on('error', (error) => logger.error('scheduler error', { error: error.message }));
    this.agenda = agenda;
    return agenda;
  }

  /**
   * The Agenda client, connected. Its backend creates its table and indexes when it connects, and
   * two processes starting at once race in PostgreSQL's catalog ("tuple concurrently updated"), so
   * processes take turns through an advisory lock held on a connection of its own for the moment.
   */
  private connecting: Promise<Agenda> | undefined;
  private connected(): Promise<Agenda> {
    if (this.connecting) return this.connecting;
    const connectionString = this.app.orm.config.get('clientUrl')!;
    const connecting = (async () => {
      const lock = new pg.Client({ connectionString });
      lock.on('error', () => undefined); // a lost connection fails the query in progress; nothing to add
      await lock.connect();
      try {
        await lock.query('select pg_advisory_lock(hashtextextended($1, 0))', [`agenda-schema:${this.app.config.jobs.table}`]);
        const agenda = this.client();
        await agenda.ready;
        return agenda;
      } finally {
        await lock.end().catch(() => undefined); // ending the session releases the lock
      }
    })();
    this.connecting = connecting;
    connecting.catch(() => {
      if (this.connecting === connecting) this.connecting = undefined;
    });
    return connecting;
  }

  /**
   * Starts executing jobs in this process, after making sure every tenant has its schedules
   * (`onlyTenantIds`: just those — tests share a database with other tests' tenants).
   */
  async start(options: { onlyTenantIds?: string[] } = {}): Promise<void> {
    const agenda = await this.connected();
    this.mailer = createMailer(this.app.config.mail.smtpUrl);
    const sync = async () => {
      if (!options.onlyTenantIds) return void (await this.syncSchedules());
      for (const tenantId of options.onlyTenantIds) await this.syncSchedules(tenantId);
    };
    await sync();
    await this.releaseLocksOfDeadWorkers();
    await agenda.start();
    this.processing = true;
    // Tenants created later get their schedules within minutes.
    this.resync = setInterval(() => void sync().catch((error) => logger.error('schedule sync failed', { error: (error as Error).message })), 5 * 60_000);
    this.resync.unref();
    logger.info('scheduler started', { worker: this.worker, mail: this.mailer.kind });
  }

  /**
   * A worker of this machine that died without stopping (SIGKILL, out of memory) leaves its Agenda
   * locks, and they hold its jobs until they expire: 15 minutes without email delivery after
   * `pnpm start` is restarted from a crash. At start, the locks of this machine's workers whose
   * process is gone (or had this process's id: a restarted container) are released. Workers of
   * other machines cannot be checked from here; their locks expire as before.
   */
  private async releaseLocksOfDeadWorkers(): Promise<void> {
    const em = this.app.orm.em.fork();
    const table = this.app.config.jobs.table;
    const dead = (await lockHolders(em, table)).filter((worker) => {
      const at = worker.lastIndexOf(':');
      const pid = Number(worker.slice(at + 1));
      if (worker.slice(0, at) !== hostname() || !Number.isInteger(pid) || pid <= 0) return false;
      if (pid === process.pid) return true;
      try {
        process.kill(pid, 0); // signal 0: does the process exist?
        return false;
      } catch (error) {
        return (error as NodeJS.ErrnoException).code === 'ESRCH';
      }
    });
    if (!dead.length) return;
    const released = await releaseLocksOf(em, table, dead);
    logger.warn('scheduler: released the job locks of workers that died on this machine', { workers: dead, released });
  }

  /** Stops taking jobs; running ones are unlocked for another worker (their transactions roll back). */
  async stop(): Promise<void> {
    if (!this.agenda) return;
    const agenda = this.agenda;
    const backend = this.backend!;
    this.agenda = undefined;
    this.connecting = undefined;
    clearInterval(this.resync);
    if (this.processing) {
      // Let running jobs finish (their transactions commit), then release what is left for other workers.
      await agenda.drain({ timeout: 10_000, closeConnection: false }).catch(() => undefined);
      await agenda.stop(false).catch(() => undefined);
    }
    // Agenda closes its pool only if it was started; an enqueue-only client has one too.
    await agenda.ready.catch(() => undefined);
    await backend.disconnect().catch(() => undefined);
    await this.pool?.end().catch(() => undefined);
    this.pool = undefined;
    this.mailer?.close();
    this.processing = false;
  }

  /**
   * For events after their transaction committed: a failure to queue is logged, not thrown (the
   * change stands); the workflow's sweep or an admin's "run now" catches up.
   */
  async enqueueAfterCommit(workflow: WorkflowName, tenantId: string, data: Record<string, string>, requestedBy: string | null): Promise<boolean> {
    if (this.eventsPaused) return false;
    try {
      await this.enqueue(workflow, tenantId, data, JobTrigger.EVENT, requestedBy);
      return true;
    } catch (error) {
      logger.error('could not queue a job after an event', { workflow, tenantId, error: (error as Error).message });
      return false;
    }
  }

  /**
   * The demo seeder replays months of history through the real services: the follow-up jobs of
   * those past events (statements, batches) are part of the history it writes, not work for today.
   */
  async withoutEventJobs<T>(work: () => Promise<T>): Promise<T> {
    this.eventsPaused = true;
    try {
      return await work();
    } finally {
      this.eventsPaused = false;
    }
  }

  /** Starts a workflow for a tenant now (an event, or an admin's "run now"). */
  async enqueue(workflow: WorkflowName, tenantId: string, data: Record<string, string> = {}, trigger = JobTrigger.EVENT, requestedBy: string | null = null): Promise<void> {
    const agenda = await this.connected();
    await agenda.now<JobData>(workflow, { ...data, tenantId, trigger, requestedBy });
  }

  /**
   * Creates the missing schedules: each tenant gets each scheduled workflow once, in its time zone.
   * Existing ones are kept (an admin may have changed them). Under an advisory lock, so two
   * processes starting together do not both create one.
   */
  async syncSchedules(onlyTenantId?: string): Promise<number> {
    await this.connected();
    const em = this.app.orm.em.fork();
    return em.transactional(async (tx) => {
      await sqlRows(tx, `select pg_advisory_xact_lock(hashtext('scheduler:sync-schedules'))`, []);
      const tenants = await tx.find(Tenant, onlyTenantId ? { id: onlyTenantId } : {}, { filters: false });
      let created = 0;
      for (const tenant of tenants) {
        const existing = new Set((await new JobRepository(tx, tenant.id, this.app.config.jobs.table).agendaJobs()).filter((job) => job.repeat_interval).map((job) => job.name));
        for (const workflow of WORKFLOWS) {
          if (!workflow.schedule || existing.has(workflow.name)) continue;
          await this.saveSchedule(tenant, workflow, workflow.schedule(this.app), false);
          created++;
        }
      }
      return created;
    });
  }

  /** Sets (or replaces) a tenant's schedule of a workflow. */
  async saveSchedule(tenant: Tenant, workflow: Workflow, schedule: Schedule, disabled: boolean): Promise<void> {
    const agenda = await this.connected();
    const interval = 'cron' in schedule ? schedule.cron : schedule.everySeconds * 1000;
    const job = agenda.create<JobData>(workflow.name, { tenantId: tenant.id, trigger: JobTrigger.SCHEDULE });
    job.repeatEvery(interval, { timezone: tenant.timezone, skipImmediate: true });
    job.unique({ 'data.tenantId': tenant.id, 'data.trigger': JobTrigger.SCHEDULE });
    if (disabled) job.disable();
    await job.save();
  }

  /** After a tenant's time zone changed: its schedules keep their times of day, in the new zone. */
  async retimeSchedules(tenant: Tenant): Promise<void> {
    const rows = await new JobRepository(this.app.orm.em.fork(), tenant.id, this.app.config.jobs.table).agendaJobs();
    for (const row of rows) {
      const workflow = workflowNamed(row.name);
      if (!workflow?.schedule || !row.repeat_interval) continue;
      const schedule: Schedule = /^\d+$/.test(row.repeat_interval) ? { everySeconds: Number(row.repeat_interval) / 1000 } : { cron: row.repeat_interval };
      await this.saveSchedule(tenant, workflow, schedule, row.disabled);
    }
  }

  /**
   * Runs a workflow for a tenant here and now, recorded like any run (the CLI's `jobs run`): the
   * caller learns the result or the error, instead of queueing it for a worker.
   */
  async runInline(workflow: Workflow, tenantId: string, requestedBy: string): Promise<Record<string, unknown>> {
    const runs = new JobRepository(this.app.orm.em.fork(), tenantId, this.app.config.jobs.table);
    const startedAt = new Date();
    const claimed = await runs.claimRun({ workflow: workflow.name, occurrence: `inline:${randomUUID()}`, trigger: JobTrigger.MANUAL, worker: this.worker, requestedBy, now: startedAt, staleBefore: startedAt });
    const mailer = createMailer(this.app.config.mail.smtpUrl);
    try {
      return await this.runAndRecord(workflow, tenantId, {}, mailer, startedAt, (outcome) => runs.finishRun(claimed!.id, outcome));
    } finally {
      mailer.close();
    }
  }

  /**
   * Runs a workflow as the tenant's automation and hands its outcome to `record` (succeeded with
   * its result, or failed with a message safe to show); a failure is then rethrown.
   */
  private async runAndRecord(
    workflow: Workflow,
    tenantId: string,
    data: Record<string, string>,
    mailer: Mailer,
    startedAt: Date,
    record: (outcome: { status: 'SUCCEEDED' | 'FAILED'; finishedAt: Date; durationMs: number; error: string | null; result: Record<string, unknown> | null }) => Promise<void>,
  ): Promise<Record<string, unknown>> {
    const ctx = contextFor(this.app, systemActor(tenantId, workflow.name));
    const tools: WorkflowTools = { app: this.app, mailer, enqueue: (next, nextData) => this.enqueue(next, tenantId, nextData, JobTrigger.EVENT) };
    const finished = () => {
      const finishedAt = new Date();
      return { finishedAt, durationMs: finishedAt.getTime() - startedAt.getTime() };
    };
    let result: Record<string, unknown>;
    try {
      result = await workflow.run(ctx, data, tools);
    } catch (error) {
      await record({ status: 'FAILED', ...finished(), error: failureMessage(error), result: null });
      throw error;
    }
    await record({ status: 'SUCCEEDED', ...finished(), error: null, result });
    return result;
  }


  /**
   * Takes the occurrence's job_run row. Done already: skipped (another worker ran it). Running
   * elsewhere: we wait, keeping our Agenda lock, until that worker's heartbeat is older than the
   * lock lifetime (it died: we take over) or it finishes; after two lifetimes we give up with an
   * error, and Agenda retries the job later.
   */
  private async claim(runs: JobRepository, run: { workflow: string; occurrence: string; trigger: JobTrigger; requestedBy: string | null; lockLifetime: number }, job: Job<JobData>): Promise<string | null> {
    const giveUpAt = Date.now() + 2 * run.lockLifetime;
    for (;;) {
      const claimed = await runs.claimRun({ ...run, worker: this.worker, now: new Date(), staleBefore: new Date(Date.now() - run.lockLifetime) });
      if (claimed) return claimed.id;
      const state = await runs.runState(run.workflow, run.occurrence);
      if (!state || state.status === 'SUCCEEDED') {
        logger.info('occurrence already done: skipped', { workflow: run.workflow, occurrence: run.occurrence });
        return null;
      }
      if (Date.now() > giveUpAt) throw new Error(`${run.workflow} ${run.occurrence} is still running on another worker`);
      await job.touch().catch(() => undefined);
      const staleAt = Date.parse(state.heartbeat_at) + run.lockLifetime;
      await new Promise((resolve) => setTimeout(resolve, Math.min(Math.max(250, staleAt - Date.now() + 100), run.lockLifetime)));
    }
  }

  /**
   * Agenda's job function. When the database goes away under a run (PostgreSQL restarting: the
   * run's transactions rolled back), Agenda would save the job's failure — and release its lock —
   * while the database is still away; that save fails, and the job stays locked, not run by anyone,
   * until its lock expires (up to an hour). So the run waits for the database (up to half its lock
   * lifetime, 5 minutes at most) before it reports the failure: recorded, unlocked, and retried
   * with the workflow's back-off.
   */
  private async execute(workflow: Workflow, job: Job<JobData>): Promise<void> {
    try {
      await this.executeRun(workflow, job);
    } catch (error) {
      if (isDatabaseUnavailable(error)) await this.databaseBack(this.outageWaitMs(workflow));
      throw error;
    }
  }

  /**
   * Once the database is back (the LISTEN connection is, at least): Agenda locks a job before it
   * runs — up to a poll interval ahead of its time — and writes its start and end; when PostgreSQL
   * went away between two of those writes, the lock stays in the table while the job is no longer
   * here, and nobody runs it until the lock expires (15 minutes for email delivery). Locks this
   * worker took before now on jobs it does not hold are released; if one was still good after all,
   * the job merely runs once more, which every workflow allows (occurrence claims, email claims).
   */
  private async releaseLocksLostInOutage(recoveredAt: Date): Promise<void> {
    const agenda = this.agenda;
    if (!agenda || !this.processing) return;
    try {
      const stats = await agenda.getRunningStats(true);
      const held = [stats.runningJobs, stats.lockedJobs, stats.queuedJobs].flatMap((jobs) => (Array.isArray(jobs) ? jobs.map((job) => String(job._id)) : []));
      const released = await releaseLostLocks(this.app.orm.em.fork(), this.app.config.jobs.table, this.worker, recoveredAt, held);
      if (released) logger.warn('scheduler: released job locks a database outage left behind', { released });
    } catch (error) {
      logger.warn('scheduler: could not release job locks after a database outage (they expire by themselves)', { error: (error as Error).message });
    }
  }

  /** How long a workflow's Agenda lock lives (the configuration may shorten it for every workflow). */
  private lockLifetimeOf(workflow: Workflow): number {
    return this.app.config.jobs.lockLifetimeMs ?? workflow.lockLifetimeMs;
  }

  /** How long a run interrupted by a database outage waits for it to end: half its lock lifetime, 5 minutes at most. */
  private outageWaitMs(workflow: Workflow): number {
    return Math.min(this.lockLifetimeOf(workflow) / 2, 5 * 60_000);
  }

  /** Resolves true once the database answers again, false after `maxMs` or when the scheduler stops. */
  private async databaseBack(maxMs: number): Promise<boolean> {
    const deadline = Date.now() + maxMs;
    while (this.agenda && Date.now() < deadline) {
      try {
        await this.app.orm.em.getConnection().execute('select 1');
        return true;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
    return false;
  }

  /** One execution: claim the occurrence, run the workflow as the tenant's automation, record the outcome. */
  private async executeRun(workflow: Workflow, job: Job<JobData>): Promise<void> {
    const { tenantId, trigger = JobTrigger.SCHEDULE, requestedBy = null, ...rest } = job.attrs.data;
    const data = Object.fromEntries(Object.entries(rest).filter(([, value]) => typeof value === 'string')) as Record<string, string>;
    const startedAt = job.attrs.lastRunAt ?? new Date();
    const tenant = await this.app.orm.em.fork().findOne(Tenant, { id: tenantId }, { filters: false });
    if (!tenant) {
      logger.warn('job for a tenant that no longer exists: removed', { workflow: workflow.name, tenantId });
      await job.remove();
      return;
    }
    const schedule = workflow.schedule?.(this.app);
    // Frequent unrecorded runs (email delivery) are told apart by their start; others by their tick or one-off job.
    const occurrence = !workflow.recordIdleRuns
      ? `run:${startedAt.toISOString()}`
      : trigger === JobTrigger.SCHEDULE && schedule && job.attrs.repeatInterval
        ? occurrenceOf(scheduleOf(job, schedule), tenant.timezone, startedAt)
        : `job:${job.attrs._id}`;
    const lockLifetime = this.lockLifetimeOf(workflow);
    const runs = new JobRepository(this.app.orm.em.fork(), tenantId, this.app.config.jobs.table);
    let runId: string | null = null;
    if (workflow.recordIdleRuns) {
      const claimed = await this.claim(runs, { workflow: workflow.name, occurrence, trigger, requestedBy, lockLifetime }, job);
      if (!claimed) return;
      runId = claimed;
    }
    // Long runs keep their claims alive: Agenda's lock and our heartbeat.
    const heartbeat = setInterval(() => {
      void job.touch().catch(() => undefined);
      if (runId) void sqlRows(this.app.orm.em.fork(), 'update job_run set heartbeat_at = now() where id = ?', [runId]).catch(() => undefined);
    }, Math.max(1000, Math.floor(lockLifetime / 3)));
    try {
      await this.runAndRecord(workflow, tenantId, data, this.mailer ?? createMailer(undefined), startedAt, async (outcome) => {
        if (runId) await runs.finishRun(runId, outcome);
        else if (outcome.status === 'FAILED' || !idle(outcome.result!)) await runs.recordFinishedRun({ workflow: workflow.name, occurrence, trigger, worker: this.worker, startedAt, ...outcome });
      });
    } catch (error) {
      let message = failureMessage(error);
      if (isDatabaseUnavailable(error)) {
        message = 'Interrupted: the database became unavailable during the run (nothing it had not committed was kept); retried with back-off';
        // The outcome could not be recorded while the database was away: recorded once it is back.
        if (runId && (await this.databaseBack(this.outageWaitMs(workflow)))) {
          const finishedAt = new Date();
          await runs.finishRun(runId, { status: 'FAILED', finishedAt, durationMs: finishedAt.getTime() - startedAt.getTime(), error: message, result: null }).catch(() => undefined);
        }
      }
      logger.error('job failed', { workflow: workflow.name, tenantId, occurrence, error: message });
      const failure = new Error(message);
      failure.cause = error; // execute() sees the database was away
      throw failure; // Agenda records it and retries with back-off
    } finally {
      clearInterval(heartbeat);
    }
  }
}

/** What a failed run records: a typed error's own message; anything else marked internal. */
function failureMessage(error: unknown): string {
  return error instanceof AppError ? error.message : `Internal error: ${(error as Error).message}`;
}

/** The schedule a job actually has (an admin may have changed it from the workflow's default). */
function scheduleOf(job: Job<JobData>, fallback: Schedule): Schedule {
  const interval = job.attrs.repeatInterval;
  if (typeof interval === 'number' || (typeof interval === 'string' && /^\d+$/.test(interval))) return { everySeconds: Number(interval) / 1000 };
  if (typeof interval === 'string' && interval.trim()) return { cron: interval };
  return fallback;
}

export { workflowNamed };
