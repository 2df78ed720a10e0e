/**
 * SPEC §6 "safe to run on several worker processes at once": real worker processes
 * (`src/worker.ts`, as `pnpm --filter @reseller-hub/api worker` starts them) against one
 * PostgreSQL database of their own. Two workers together: every email is sent once and every
 * scheduled occurrence runs once. A worker killed (SIGKILL) in the middle of the monthly
 * commission run: nothing of it is kept, and another worker (started on the same machine, it
 * releases the dead one's lock at once) runs the job again to the same totals, with one finance
 * email.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { contextFor } from '../src/app/context.js';
import { systemActor } from '../src/auth/actor.js';
import { dropDatabase, ensureDatabase, withDatabase } from '../src/db/database.js';
import { openOrm } from '../src/db/orm.js';
import { sqlRows } from '../src/db/raw-sql.js';
import { EmailTemplate } from '../src/emails/outbox-email.entity.js';
import { queueEmail } from '../src/emails/outbox.service.js';
import { applicationRejected } from '../src/emails/templates/application-emails.js';
import { JobTrigger } from '../src/jobs/job-run.entity.js';
import { workflowNamed } from '../src/jobs/workflows.js';
import { Tenant } from '../src/modules/tenants/tenant.entity.js';
import { APPROVE, createTestTenant, startTestApi, submitApplication, type TestApi, type TestTenant } from './helpers.js';
import { SmtpTestServer } from './smtp-test-server.js';
import { exitOf, killStartedProducts, startProduct, stopProduct as stopWorker, waitFor, whenStarted, type ProductProcess } from './support/product-process.js';

let databaseUrl: string;
let api: TestApi;
let tt: TestTenant;
let smtp: SmtpTestServer;

const startWorker = (env: Record<string, string> = {}, entry: 'src/worker.ts' | 'src/main.ts' = 'src/worker.ts'): Promise<ProductProcess> =>
  startProduct({ DATABASE_URL: databaseUrl, SMTP_URL: smtp.url, JOBS_TABLE: 'agenda_jobs', ...env }, entry);

const query = <T>(sql: string, params: unknown[] = []) => sqlRows<T>(api.orm.em.fork(), sql, params);

beforeAll(async () => {
  smtp = await new SmtpTestServer().start();
  databaseUrl = withDatabase(inject('databaseUrl'), `rh_workers_${process.pid}_${Date.now()}`);
  await ensureDatabase(databaseUrl);
  await (await openOrm(databaseUrl)).close();
  api = await startTestApi({ DATABASE_URL: databaseUrl, JOBS_TABLE: 'agenda_jobs' });
  tt = await createTestTenant(api, 'workers');
  const gql = (q: string, variables: Record<string, unknown>, token = tt.tokens.finance) => api.gql(q, variables, { token });
  const resellers = [];
  for (let n = 0; n < 2; n++) {
    const { id } = await submitApplication(api, tt);
    const reseller = (await gql(APPROVE, { input: { applicationId: id } }, tt.tokens.admin)).data.approveResellerApplication.reseller;
    await gql(`mutation($i: UpdateResellerStatusInput!) { updateResellerStatus(input: $i) { reseller { status } } }`, { i: { resellerId: reseller.id, status: 'ACTIVE', reason: 'Ready' } }, tt.tokens.admin);
    resellers.push(reseller.code as string);
  }
  await gql(`mutation { createCommissionPlan(input: { name: "Standard", type: PERCENTAGE, effectiveFrom: "2026-01", isDefault: true, terms: { rate: "0.1000" } }) { plan { id } } }`, {});
  await gql(`mutation($c: [CustomerUpsertInput!]!) { upsertCustomers(input: { customers: $c }) { created } }`, {
    c: [
      { externalId: 'W1', name: 'West Home', resellerCode: resellers[0], assignedSince: '2026-01-01' },
      { externalId: 'W2', name: 'West Office', resellerCode: resellers[1], assignedSince: '2026-01-01' },
    ],
  });
  // The workers run on today's clock: the monthly run takes the previous month.
  const today = new Date();
  const previous = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 15)).toISOString().slice(0, 10);
  const billing = await gql(`mutation($r: [BillingRecordInput!]!) { upsertBillingRecords(input: { records: $r }) { created } }`, {
    r: [
      { invoiceId: 'WINV-1', customerExternalId: 'W1', period: previous.slice(0, 7), invoicedAmount: '1000.00', paidAmount: '1000.00', paidDate: previous },
      { invoiceId: 'WINV-2', customerExternalId: 'W2', period: previous.slice(0, 7), invoicedAmount: '2500.50', paidAmount: '2500.50', paidDate: previous },
    ],
  });
  expect(billing.data.upsertBillingRecords.created).toBe(2);
}, 60_000);

afterAll(async () => {
  killStartedProducts();
  await api?.close();
  await smtp?.stop();
  if (databaseUrl) await dropDatabase(databaseUrl).catch(() => undefined);
});

describe('two worker processes', () => {
  it('send every email once and run every scheduled occurrence once', async () => {
    // Schedules as an admin would set them: health every 2 seconds, delivery every second.
    const tenant = await api.orm.em.fork().findOneOrFail(Tenant, { id: tt.tenant.id }, { filters: false });
    await api.services.scheduler.syncSchedules(tenant.id);
    await api.services.scheduler.saveSchedule(tenant, workflowNamed('system-health')!, { cron: '*/2 * * * * *' }, false);
    await api.services.scheduler.saveSchedule(tenant, workflowNamed('email-delivery')!, { everySeconds: 1 }, false);
    const ctx = contextFor(api.services, systemActor(tenant.id, 'test'));
    const ids = await ctx.em.transactional(async (tx) => {
      const scoped = await tx.findOneOrFail(Tenant, { id: tenant.id });
      const queued: string[] = [];
      for (let n = 0; n < 40; n++) queued.push((await queueEmail(tx, scoped, { template: EmailTemplate.APPLICATION_REJECTED, to: `w${n}@example.com`, content: applicationRejected({ tenantName: 'W', contactName: `W${n}`, companyName: 'C', reason: 'No' }) })).id);
      return queued;
    });

    const started = Date.now();
    const one = await startWorker();
    const two = await startWorker();
    await whenStarted(one, two);
    await waitFor(async () => Number((await query<{ count: string }>(`select count(*) from outbox_email where id = any(?::uuid[]) and status = 'SENT'`, [ids]))[0]!.count) === 40, 'all emails sent');
    await waitFor(async () => Number((await query<{ count: string }>(`select count(*) from job_run where workflow = 'system-health' and status = 'SUCCEEDED'`))[0]!.count) >= 4, 'four health checks');
    const [exitOne, exitTwo] = await Promise.all([stopWorker(one), stopWorker(two)]);
    const elapsedSeconds = (Date.now() - started) / 1000;
    expect(exitOne.code).toBe(0);
    expect(exitTwo.code).toBe(0);

    const received = smtp.received.filter((mail) => ids.some((id) => mail.messageId === `<${id}@hub.test>`));
    expect(received).toHaveLength(40);
    expect(new Set(received.map((mail) => mail.messageId)).size).toBe(40);

    const runs = await query<{ occurrence: string; status: string; attempt: number; worker: string }>(`select occurrence, status, attempt, worker from job_run where workflow = 'system-health' order by occurrence`);
    expect(runs.every((run) => run.status === 'SUCCEEDED' && run.attempt === 1)).toBe(true);
    expect(new Set(runs.map((run) => run.occurrence)).size).toBe(runs.length);
    // At most one run per 2-second tick while the workers were up (plus the tick in progress).
    expect(runs.length).toBeLessThanOrEqual(Math.ceil(elapsedSeconds / 2) + 1);
    // Agenda's lock kept the second worker away: neither had to be stopped by the occurrence key.
    expect(one.output() + two.output()).not.toContain('occurrence already done');
    const byWorker = await query<{ worker: string }>(`select distinct worker from job_run`);
    console.log(`two workers: ${runs.length} health checks in ${elapsedSeconds.toFixed(1)} s, runs by ${byWorker.length} worker(s), 40 emails each received once`);
  }, 240_000);
});

describe('a worker killed in the middle of the monthly commission run', () => {
  it('keeps nothing of the interrupted run; another worker reruns it to the same totals, with one finance email', async () => {
    const crashing = await startWorker({ RH_FAULT_KILL_AT: 'commission-run:lines-written', JOB_LOCK_LIFETIME_MS: '4000' });
    await whenStarted(crashing);
    await api.services.scheduler.enqueue('monthly-commission-run', tt.tenant.id, {}, JobTrigger.MANUAL, 'test');
    const exit = await exitOf(crashing, 45_000);
    expect(exit.signal).toBe('SIGKILL');

    expect(await query(`select count(*)::int as count from commission_line where tenant_id = ?`, [tt.tenant.id])).toEqual([{ count: 0 }]);
    expect(await query(`select status from commission_run where tenant_id = ?`, [tt.tenant.id])).toEqual([{ status: 'RUNNING' }]);
    expect(await query(`select status, attempt from job_run where workflow = 'monthly-commission-run'`)).toEqual([{ status: 'RUNNING', attempt: 1 }]);

    const healthy = await startWorker({ JOB_LOCK_LIFETIME_MS: '4000' });
    await whenStarted(healthy);
    const finished = await waitFor(async () => (await query<{ status: string; attempt: number; result: Record<string, unknown> }>(`select status, attempt, result from job_run where workflow = 'monthly-commission-run' and status <> 'RUNNING'`))[0], 'the rerun', 120_000);
    await stopWorker(healthy);
    // 1000.00 × 10 % + 2500.50 × 10 % = 100.00 + 250.05, exactly as an uninterrupted run computes it.
    expect(finished).toMatchObject({ status: 'SUCCEEDED', attempt: 2, result: { lines: 2, total: '$350.05', discrepancies: 0, financeNotified: 1 } });
    expect(await query(`select status, error from commission_run where tenant_id = ? order by started_at`, [tt.tenant.id])).toEqual([
      { status: 'FAILED', error: 'Interrupted: the process stopped before the run finished (nothing it computed was kept)' },
      { status: 'COMPLETED', error: null },
    ]);
    expect(await query(`select count(*)::int as count, sum(amount_cents)::text as cents from commission_line where tenant_id = ?`, [tt.tenant.id])).toEqual([{ count: 2, cents: '35005' }]);
    expect(await query(`select count(*)::int as count from outbox_email where tenant_id = ? and template = 'COMMISSION_RUN_READY'`, [tt.tenant.id])).toEqual([{ count: 1 }]);
  }, 300_000);
});

describe('the API process (HTTP and jobs in one)', () => {
  it('stops cleanly on SIGTERM: HTTP, then the jobs, then the database; exit code 0', async () => {
    const product = await startWorker({}, 'src/main.ts');
    await whenStarted(product);
    const started = Date.now();
    const exit = await stopWorker(product);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(product.output()).toContain('shutting down');
  }, 200_000);
});
