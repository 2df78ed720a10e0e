import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlRows } from '../db/raw-sql.js';

export interface ScheduledJobRow {
  id: string;
  name: string;
  repeat_interval: string | null;
  repeat_timezone: string | null;
  next_run_at: Date | null;
  last_run_at: Date | null;
  last_finished_at: Date | null;
  locked_at: Date | null;
  failed_at: Date | null;
  fail_count: number | null;
  fail_reason: string | null;
  disabled: boolean;
}

export interface RunRow {
  id: string;
}

/**
 * The scheduler's SQL for one tenant, named explicitly: Agenda's job table (whose name is
 * configured, and which exists once a scheduler has connected) and the job_run claims.
 */
export class JobRepository {
  constructor(
    private readonly em: EntityManager,
    private readonly tenantId: string,
    private readonly agendaTable: string,
  ) {}

  /** The tenant's Agenda jobs: its schedules and any pending one-off runs. */
  async agendaJobs(): Promise<ScheduledJobRow[]> {
    const [exists] = await sqlRows<{ table: string | null }>(this.em, 'select to_regclass(?)::text as table', [this.agendaTable]);
    if (!exists?.table) return [];
    const rows = await sqlRows<ScheduledJobRow>(
      this.em,
      `select id, name, repeat_interval, repeat_timezone, next_run_at, last_run_at, last_finished_at, locked_at, failed_at, fail_count, fail_reason, disabled
         from "${this.agendaTable}" where data->>'tenantId' = ? order by name, repeat_interval nulls last, next_run_at`,
      [this.tenantId],
    );
    // The driver hands timestamps over as text here; the rest of the code compares Dates.
    const date = (value: Date | string | null) => (value === null ? null : new Date(value));
    return rows.map((row) => ({
      ...row,
      next_run_at: date(row.next_run_at),
      last_run_at: date(row.last_run_at),
      last_finished_at: date(row.last_finished_at),
      locked_at: date(row.locked_at),
      failed_at: date(row.failed_at),
    }));
  }

  /**
   * Takes an occurrence for this worker: a new row, or the row of a failed attempt, or of one whose
   * worker died (heartbeat older than the lock lifetime). Nothing comes back when the occurrence
   * succeeded already or is running elsewhere: the caller then skips it.
   */
  async claimRun(input: { workflow: string; occurrence: string; trigger: string; worker: string; requestedBy: string | null; now: Date; staleBefore: Date }): Promise<RunRow | null> {
    const [row] = await sqlRows<RunRow>(
      this.em,
      `insert into job_run (id, tenant_id, created_at, workflow, occurrence, trigger, status, attempt, started_at, heartbeat_at, worker, requested_by)
       values (gen_random_uuid(), ?, ?, ?, ?, ?, 'RUNNING', 1, ?, ?, ?, ?)
       on conflict (tenant_id, workflow, occurrence) do update
          set status = 'RUNNING', attempt = job_run.attempt + 1, started_at = excluded.started_at, heartbeat_at = excluded.heartbeat_at,
              worker = excluded.worker, finished_at = null, duration_ms = null, error = null
        where job_run.status = 'FAILED' or (job_run.status = 'RUNNING' and job_run.heartbeat_at < ?)
       returning id`,
      [this.tenantId, input.now, input.workflow, input.occurrence, input.trigger, input.now, input.now, input.worker, input.requestedBy, input.staleBefore],
    );
    return row ?? null;
  }

  /** Where an occurrence stands when it could not be claimed. */
  async runState(workflow: string, occurrence: string): Promise<{ status: string; heartbeat_at: string } | null> {
    const [row] = await sqlRows<{ status: string; heartbeat_at: string }>(this.em, `select status, heartbeat_at::text from job_run where tenant_id = ? and workflow = ? and occurrence = ?`, [this.tenantId, workflow, occurrence]);
    return row ?? null;
  }

  async finishRun(id: string, change: { status: 'SUCCEEDED' | 'FAILED'; finishedAt: Date; durationMs: number; error: string | null; result: Record<string, unknown> | null }) {
    await sqlRows(this.em, `update job_run set status = ?, finished_at = ?, duration_ms = ?, error = ?, result = ?::jsonb where id = ? and tenant_id = ?`, [
      change.status,
      change.finishedAt,
      change.durationMs,
      change.error,
      change.result === null ? null : JSON.stringify(change.result),
      id,
      this.tenantId,
    ]);
  }

  /** For runs not recorded while idle: one finished row written at the end. */
  async recordFinishedRun(input: { workflow: string; occurrence: string; trigger: string; worker: string; startedAt: Date; finishedAt: Date; status: 'SUCCEEDED' | 'FAILED'; error: string | null; result: Record<string, unknown> | null }) {
    await sqlRows(
      this.em,
      `insert into job_run (id, tenant_id, created_at, workflow, occurrence, trigger, status, attempt, started_at, finished_at, duration_ms, heartbeat_at, worker, error, result)
       values (gen_random_uuid(), ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?::jsonb)
       on conflict (tenant_id, workflow, occurrence) do nothing`,
      [
        this.tenantId,
        input.finishedAt,
        input.workflow,
        input.occurrence,
        input.trigger,
        input.status,
        input.startedAt,
        input.finishedAt,
        input.finishedAt.getTime() - input.startedAt.getTime(),
        input.finishedAt,
        input.worker,
        input.error,
        input.result === null ? null : JSON.stringify(input.result),
      ],
    );
  }

  /** Per workflow: the last run, the last success, failures in the last day. */
  async workflowSummaries(since: Date): Promise<{ workflow: string; last_success_at: Date | null; failures: string; last_run_id: string | null }[]> {
    const rows = await sqlRows<{ workflow: string; last_success_at: Date | string | null; failures: string; last_run_id: string | null }>(
      this.em,
      `select workflow,
              max(finished_at) filter (where status = 'SUCCEEDED') as last_success_at,
              count(*) filter (where status = 'FAILED' and coalesce(finished_at, started_at) >= ?) as failures,
              (array_agg(id order by started_at desc))[1]::text as last_run_id
         from job_run where tenant_id = ? group by workflow`,
      [since, this.tenantId],
    );
    return rows.map((row) => ({ ...row, last_success_at: row.last_success_at === null ? null : new Date(row.last_success_at) }));
  }

  /** RUNNING rows whose worker stopped sending heartbeats: it died mid-job. */
  async staleRuns(staleBefore: Date): Promise<number> {
    const [row] = await sqlRows<{ count: string }>(this.em, `select count(*) from job_run where tenant_id = ? and status = 'RUNNING' and heartbeat_at < ?`, [this.tenantId, staleBefore]);
    return Number(row!.count);
  }
}

/**
 * How a lock is released here: as Agenda itself unlocks a job that has a next run (null), and as
 * an expired lock where it has none (a one-off job that had started: Agenda takes such a job only
 * through an expired lock, and would never run it again with none).
 */
const RELEASED = `case when next_run_at is null then to_timestamp(0) else null end`;
const HELD = `locked_at > to_timestamp(0)`;

/**
 * Releases Agenda locks `worker` took before `before` on jobs it no longer holds: a lock (or its
 * release) written while PostgreSQL went away whose job never ran here. Across tenants: Agenda's
 * table is the scheduler's own, not tenant data. Returns how many were released.
 */
export async function releaseLostLocks(em: EntityManager, agendaTable: string, worker: string, before: Date, heldIds: string[]): Promise<number> {
  const released = await sqlRows<{ id: string }>(
    em,
    `update "${agendaTable}" set locked_at = ${RELEASED}
      where ${HELD} and locked_at < ? and last_modified_by = ? and not (id = any(?::uuid[]))
      returning id`,
    [before, worker, heldIds],
  );
  return released.length;
}

/** The workers (Agenda's `last_modified_by`) holding locks in Agenda's table now. */
export async function lockHolders(em: EntityManager, agendaTable: string): Promise<string[]> {
  const rows = await sqlRows<{ worker: string }>(em, `select distinct last_modified_by as worker from "${agendaTable}" where ${HELD} and last_modified_by is not null`, []);
  return rows.map((row) => row.worker);
}

/** Releases every Agenda lock held by these workers (dead ones). Returns how many were released. */
export async function releaseLocksOf(em: EntityManager, agendaTable: string, workers: string[]): Promise<number> {
  const released = await sqlRows<{ id: string }>(em, `update "${agendaTable}" set locked_at = ${RELEASED} where ${HELD} and last_modified_by = any(?::text[]) returning id`, [workers]);
  return released.length;
}
