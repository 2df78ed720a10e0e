/**
 * SPEC §6 workflows through the real scheduler: Agenda on PostgreSQL running in this process (its
 * own table), the tenant's schedules in its time zone, "run now", events (a run approved, a
 * critical alert) starting follow-up jobs, failures retried and shown, and every workflow's effect
 * checked in the database. The business clock is a TestClock; Agenda runs on real time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { Role } from '../src/auth/roles.js';
import { nextTimes } from '../src/jobs/schedule.js';
import { createStaffUser } from '../src/seeders/factories.js';
import { sqlRows } from '../src/db/raw-sql.js';
import { APPROVE, createTestTenant, errorCode, login, STAFF_PASSWORD, startTestApi, submitApplication, type TestApi, type TestTenant } from './helpers.js';

let api: TestApi;
let tt: TestTenant;
const resellers = {} as Record<'a' | 'b', { id: string; code: string }>;
let owner: string;

const JOBS = `{ automationJobs { workflow scheduled pending lastSuccessAt failuresLast24h
  schedule { cron everySeconds timezone enabled nextRunAt failCount failReason }
  lastRun { status trigger attempt durationMs error result }
  recentFailures { status error } } }`;
const RUNS = `query($f: JobRunFilter) { jobRuns(filter: $f, first: 50) { totalCount nodes { workflow status trigger attempt occurrence error result worker } } }`;

const as = (token: () => string) => (query: string, variables: Record<string, unknown> = {}) => api.gql(query, variables, { token: token() });
const admin = as(() => tt.tokens.admin);
const finance = as(() => tt.tokens.finance);

async function waitFor<T>(probe: () => Promise<T | undefined | null | false>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

async function runsOf(workflow: string) {
  const result = await admin(RUNS, { f: { workflow } });
  expect(result.errors).toBeUndefined();
  return result.data.jobRuns.nodes as { workflow: string; status: string; trigger: string; attempt: number; occurrence: string; error: string | null; result: Record<string, any> | null }[];
}

/** Runs a workflow now through GraphQL and waits for its run to finish. */
async function runNow(workflow: string) {
  const before = (await runsOf(workflow)).length;
  const queued = await admin(`mutation($w: String!) { runJobNow(workflow: $w) { workflow pending } }`, { w: workflow });
  expect(queued.errors).toBeUndefined();
  return waitFor(async () => {
    const runs = await runsOf(workflow);
    return runs.length > before && runs[0]!.status !== 'RUNNING' ? runs[0]! : undefined;
  }, `${workflow} to run`);
}

async function emails(template: string) {
  return sqlRows<{ to_address: string; subject: string; text: string; dedupe_key: string | null }>(api.orm.em.fork(), `select to_address, subject, text, dedupe_key from outbox_email where tenant_id = ? and template = ? order by to_address, created_at`, [tt.tenant.id, template]);
}

/** Sessions expire after 12 hours of the business clock. */
async function relogin() {
  for (const key of ['admin', 'finance', 'partnerManager'] as const) tt.tokens[key] = await login(api, tt.slug, `${key}@${tt.slug}.example`, STAFF_PASSWORD);
  owner = await login(api, tt.slug, `owner@${tt.slug}.example`, STAFF_PASSWORD);
}

beforeAll(async () => {
  api = await startTestApi({ JOBS_POLL_MS: '200' });
  api.clock.current = new Date('2026-02-01T09:00:00Z'); // 04:00 in New York: February has begun there
  tt = await createTestTenant(api, 'auto');
  for (const key of ['a', 'b'] as const) {
    const { id } = await submitApplication(api, tt);
    const reseller = (await admin(APPROVE, { input: { applicationId: id } })).data.approveResellerApplication.reseller;
    await admin(`mutation($i: UpdateResellerStatusInput!) { updateResellerStatus(input: $i) { reseller { status } } }`, { i: { resellerId: reseller.id, status: 'ACTIVE', reason: 'Ready' } });
    resellers[key] = { id: reseller.id, code: reseller.code };
  }
  await createStaffUser(api.orm.em, tt.tenant, { email: `owner@${tt.slug}.example`, name: 'Owner A', role: Role.RESELLER_OWNER, password: STAFF_PASSWORD, resellerId: resellers.a.id });
  owner = await login(api, tt.slug, `owner@${tt.slug}.example`, STAFF_PASSWORD);
  const plan = await finance(`mutation { createCommissionPlan(input: { name: "Standard", type: PERCENTAGE, effectiveFrom: "2025-12", isDefault: true, terms: { rate: "0.1000" } }) { plan { id } } }`);
  expect(plan.errors).toBeUndefined();
  const customers = await finance(`mutation($c: [CustomerUpsertInput!]!) { upsertCustomers(input: { customers: $c }) { created } }`, {
    c: [
      { externalId: 'C1', name: 'Alice Home', resellerCode: resellers.a.code, assignedSince: '2025-12-01' },
      { externalId: 'C2', name: 'Bob Office', resellerCode: resellers.a.code, assignedSince: '2025-12-01' },
      { externalId: 'C3', name: 'Carol Corp', resellerCode: resellers.b.code, assignedSince: '2025-12-01' },
    ],
  });
  expect(customers.data.upsertCustomers.created).toBe(3);
  const billing = await finance(`mutation($r: [BillingRecordInput!]!) { upsertBillingRecords(input: { records: $r }) { created } }`, {
    r: [
      { invoiceId: 'INV-1', customerExternalId: 'C1', period: '2026-01', invoicedAmount: '1204.50', paidAmount: '1204.50', paidDate: '2026-01-15' },
      { invoiceId: 'INV-2', customerExternalId: 'C2', period: '2026-01', invoicedAmount: '100.05', paidAmount: '100.05', paidDate: '2026-01-20' },
      { invoiceId: 'INV-3', customerExternalId: 'C3', period: '2026-01', invoicedAmount: '12000.00', paidAmount: '12000.00', paidDate: '2026-01-10' },
    ],
  });
  expect(billing.data.upsertBillingRecords.created).toBe(3);
  // Reseller A can be paid (verified bank details); B cannot yet.
  const account = await api.gql(`mutation($i: SetMyPayoutAccountInput!) { setMyPayoutAccount(input: $i) { payoutAccount { accountLast4 } } }`, { i: { holderName: 'Alpha LLC', routingNumber: '011000015', accountNumber: '000123456789', accountType: 'CHECKING' } }, { token: owner });
  expect(account.errors).toBeUndefined();
  expect((await finance(`mutation($r: ID!) { verifyPayoutAccount(input: { resellerId: $r }) { payoutAccount { verifiedBy } } }`, { r: resellers.a.id })).errors).toBeUndefined();

  await api.services.scheduler.start({ onlyTenantIds: [tt.tenant.id] });
  // Delivery is driven by hand below (run now), not every 10 seconds.
  expect((await admin(`mutation { updateJobSchedule(input: { workflow: "email-delivery", everySeconds: 10, enabled: false }) { workflow } }`)).errors).toBeUndefined();
});
afterAll(async () => api?.close());

describe('schedules', () => {
  it("creates each scheduled workflow once for the tenant, in the tenant's time zone", async () => {
    const jobs = (await admin(JOBS)).data.automationJobs as any[];
    expect(jobs.map((job) => job.workflow)).toEqual(['daily-cycle', 'monthly-commission-run', 'payment-batch-preparation', 'emergency-response', 'email-delivery', 'system-health']);
    const byName = Object.fromEntries(jobs.map((job) => [job.workflow, job]));
    expect(byName['daily-cycle'].schedule).toMatchObject({ cron: '0 2 * * *', everySeconds: null, timezone: 'America/New_York', enabled: true });
    expect(byName['daily-cycle'].schedule.nextRunAt).toBe(nextTimes('0 2 * * *', 'America/New_York', new Date(), 1)[0]!.toISOString());
    expect(byName['monthly-commission-run'].schedule.nextRunAt).toBe(nextTimes('0 3 1 * *', 'America/New_York', new Date(), 1)[0]!.toISOString());
    expect(byName['email-delivery'].schedule).toMatchObject({ cron: null, everySeconds: 10 });
    expect(byName['payment-batch-preparation']).toMatchObject({ scheduled: false, schedule: null });
    // A second sync (another process starting) adds nothing.
    expect(await api.services.scheduler.syncSchedules(tt.tenant.id)).toBe(0);
    const rows = await sqlRows<{ count: string }>(api.orm.em.fork(), `select count(*) from "${api.services.config.jobs.table}" where data->>'tenantId' = ? and repeat_interval is not null`, [tt.tenant.id]);
    expect(Number(rows[0]!.count)).toBe(4);
  });

  it('moves the schedules with the time zone, and lets an admin change or pause one (bad cron refused)', async () => {
    const settings = (await admin(`{ tenantSettings { name timezone supportEmail logoUrl primaryColor footer } }`)).data.tenantSettings;
    const moved = await admin(`mutation($i: UpdateTenantSettingsInput!) { updateTenantSettings(input: $i) { timezone } }`, { i: { ...settings, timezone: 'Europe/Berlin' } });
    expect(moved.errors).toBeUndefined();
    let daily = ((await admin(JOBS)).data.automationJobs as any[]).find((job) => job.workflow === 'daily-cycle');
    expect(daily.schedule).toMatchObject({ timezone: 'Europe/Berlin', nextRunAt: nextTimes('0 2 * * *', 'Europe/Berlin', new Date(), 1)[0]!.toISOString() });

    const bad = await admin(`mutation { updateJobSchedule(input: { workflow: "daily-cycle", cron: "99 2 * * *", enabled: true }) { workflow } }`);
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0]!.extensions!.fieldErrors!.cron).toMatch(/Not a valid cron/);
    expect(errorCode(await admin(`mutation { updateJobSchedule(input: { workflow: "emergency-response", cron: "0 2 * * *", enabled: true }) { workflow } }`))).toBe('BAD_USER_INPUT');
    expect(errorCode(await admin(`mutation { updateJobSchedule(input: { workflow: "email-delivery", everySeconds: 0, enabled: true }) { workflow } }`))).toBe('BAD_USER_INPUT');

    const changed = await admin(`mutation { updateJobSchedule(input: { workflow: "daily-cycle", cron: "30  4 * * *", enabled: false }) { workflow schedule { cron enabled nextRunAt } } }`);
    daily = changed.data.updateJobSchedule.find((job: any) => job.workflow === 'daily-cycle');
    expect(daily.schedule).toEqual({ cron: '30 4 * * *', enabled: false, nextRunAt: null });
    const resumed = await admin(`mutation { updateJobSchedule(input: { workflow: "daily-cycle", cron: "0 2 * * *", enabled: true }) { workflow schedule { cron enabled nextRunAt } } }`);
    expect(resumed.data.updateJobSchedule.find((job: any) => job.workflow === 'daily-cycle').schedule).toEqual({ cron: '0 2 * * *', enabled: true, nextRunAt: nextTimes('0 2 * * *', 'Europe/Berlin', new Date(), 1)[0]!.toISOString() });
    const back = await admin(`mutation($i: UpdateTenantSettingsInput!) { updateTenantSettings(input: $i) { timezone } }`, { i: { ...settings } });
    expect(back.data.updateTenantSettings.timezone).toBe('America/New_York');
    const audit = await sqlRows<{ action: string }>(api.orm.em.fork(), `select action from audit_event where tenant_id = ? and action like 'automation.%' order by created_at`, [tt.tenant.id]);
    expect(audit.map((row) => row.action)).toEqual(['automation.schedule_changed', 'automation.schedule_changed', 'automation.schedule_changed']);
  });
});

describe('monthly commission run → approval → payment batch preparation', () => {
  let runId: string;

  it('runs the previous period of the tenant, reconciles it and tells finance once per run', async () => {
    const run = await runNow('monthly-commission-run');
    expect(run).toMatchObject({ status: 'SUCCEEDED', trigger: 'MANUAL', attempt: 1 });
    // 1204.50 + 100.05 + 12000.00 at 10 %: 120.45 + 10.00 (10.005 half to even) + 1200.00
    expect(run.result).toMatchObject({ period: '2026-01', lines: 3, total: '$1,330.45', discrepancies: 0, financeNotified: 1 });
    runId = run.result!.runId;
    const ready = await emails('COMMISSION_RUN_READY');
    expect(ready).toHaveLength(1);
    expect(ready[0]).toMatchObject({ to_address: `finance@${tt.slug}.example`, dedupe_key: `commission-run-ready:${runId}:${(await userId('finance'))}` });
    expect(ready[0]!.text).toContain('$1,330.45');
    const reconciliations = await sqlRows<{ period: string }>(api.orm.em.fork(), `select period from commission_reconciliation where tenant_id = ?`, [tt.tenant.id]);
    expect(reconciliations).toEqual([{ period: '2026-01' }]);
  });

  it('after approval sends each partner its statement and drafts the batch for those who can be paid, once', async () => {
    const approved = await finance(`mutation($r: ID!) { approveCommissionRun(input: { runId: $r }) { run { status } } }`, { r: runId });
    expect(approved.data.approveCommissionRun.run.status).toBe('APPROVED');
    const prepared = await waitFor(async () => (await runsOf('payment-batch-preparation')).find((run) => run.status === 'SUCCEEDED'), 'payment batch preparation');
    expect(prepared).toMatchObject({ trigger: 'EVENT', result: { statements: 2, period: '2026-01', payments: 1 } });
    const batches = await finance(`{ paymentBatches { nodes { id status createdByLabel total { amount } paymentCount skipped { code reason } } } }`);
    expect(batches.errors).toBeUndefined();
    expect(batches.data.paymentBatches.nodes).toEqual([
      { id: prepared.result!.batchId, status: 'DRAFT', createdByLabel: 'automation:payment-batch-preparation', total: { amount: '130.45' }, paymentCount: 1, skipped: [{ code: resellers.b.code, reason: 'NO_VERIFIED_ACCOUNT' }] },
    ]);
    const statements = await emails('COMMISSION_STATEMENT');
    expect(statements).toHaveLength(2);
    const forA = statements.find((email) => email.dedupe_key === `commission-statement:${runId}:${resellers.a.id}`)!;
    expect(forA.text).toContain('$120.45');
    expect(forA.text).toContain('$10.00');
    expect(forA.text).toContain('$130.45');

    // The same event again (a retried job): no second statement, no second batch.
    await api.services.scheduler.enqueue('payment-batch-preparation', tt.tenant.id, { runId });
    const again = await waitFor(async () => (await runsOf('payment-batch-preparation')).filter((run) => run.status === 'SUCCEEDED').length === 2 && (await runsOf('payment-batch-preparation'))[0], 'the second preparation');
    expect(again.result).toMatchObject({ statements: 0, batchId: null });
    expect(await emails('COMMISSION_STATEMENT')).toHaveLength(2);
    expect((await finance(`{ paymentBatches { totalCount } }`)).data.paymentBatches.totalCount).toBe(1);
    // The draft was made by the automation: one finance person can approve it (four eyes: the system is not a person).
    expect((await finance(`mutation($b: ID!) { approvePaymentBatch(input: { batchId: $b }) { batch { status } } }`, { b: prepared.result!.batchId })).data.approvePaymentBatch.batch.status).toBe('APPROVED');
  });

  it('leaves an approved period alone when the monthly run comes again', async () => {
    const rerun = await runNow('monthly-commission-run');
    expect(rerun.result).toEqual({ period: '2026-01', skipped: 'the run for 2026-01 is already approved' });
  });
});

async function userId(key: string): Promise<string> {
  const [row] = await sqlRows<{ id: string }>(api.orm.em.fork(), `select id from app_user where tenant_id = ? and email = ?`, [tt.tenant.id, `${key}@${tt.slug}.example`]);
  return row!.id;
}

describe('daily cycle and emergency response', () => {
  it('scores partners, reminds them of overdue onboarding once a week, and escalates critical alerts at once', async () => {
    api.clock.current = new Date('2026-03-05T12:00:00Z');
    await relogin();
    const cycle = await runNow('daily-cycle');
    expect(cycle.status).toBe('SUCCEEDED');
    expect(cycle.result!.partnerHealth).toMatchObject({ scored: 2 });
    const overdue = await sqlRows<{ reseller_id: string; count: string }>(api.orm.em.fork(), `select reseller_id, count(*) from onboarding_task where tenant_id = ? and status = 'PENDING' and due_date < '2026-03-05' group by reseller_id`, [tt.tenant.id]);
    expect(overdue.length).toBe(2);
    expect(cycle.result!.onboarding).toEqual({ overdueTasks: overdue.reduce((sum, row) => sum + Number(row.count), 0), resellers: 2, reminders: 2 });
    const reminders = await emails('ONBOARDING_TASK_REMINDER');
    expect(reminders).toHaveLength(2);
    expect(reminders[0]!.text).toMatch(/days? overdue/);

    const critical = await sqlRows<{ id: string }>(api.orm.em.fork(), `select id from partner_alert where tenant_id = ? and severity = 'CRITICAL' and status <> 'RESOLVED'`, [tt.tenant.id]);
    expect(critical.length).toBeGreaterThan(0);
    expect(cycle.result!.emergencyResponses).toBe(critical.length);
    // Each critical alert gets its executive escalation, acknowledged, and the partner team is told (admin + partner manager).
    await waitFor(async () => (await runsOf('emergency-response')).filter((run) => run.status === 'SUCCEEDED').length === critical.length, 'emergency responses');
    const escalations = await sqlRows<{ alert_id: string; type: string; due_date: string; status: string }>(api.orm.em.fork(), `select i.alert_id, i.type, to_char(i.due_date, 'YYYY-MM-DD') as due_date, a.status from partner_intervention i join partner_alert a on a.id = i.alert_id where i.tenant_id = ?`, [tt.tenant.id]);
    expect(escalations.map((row) => row.alert_id).sort()).toEqual(critical.map((row) => row.id).sort());
    expect(escalations.every((row) => row.type === 'EXECUTIVE_ESCALATION' && row.due_date === '2026-03-06' && row.status === 'ACKNOWLEDGED')).toBe(true);
    const notices = await emails('PARTNER_ALERT');
    expect(notices).toHaveLength(critical.length * 2);
    expect(new Set(notices.map((email) => email.to_address))).toEqual(new Set([`admin@${tt.slug}.example`, `partnermanager@${tt.slug}.example`]));

    // The next day: no second reminder this week, no second escalation.
    api.clock.advanceDays(1);
    await relogin();
    const next = await runNow('daily-cycle');
    expect(next.result).toMatchObject({ onboarding: { reminders: 0 }, emergencyResponses: 0 });
    expect(await emails('ONBOARDING_TASK_REMINDER')).toHaveLength(2);
    expect(await emails('PARTNER_ALERT')).toHaveLength(critical.length * 2);
    // A week later the partners are reminded again.
    api.clock.advanceDays(7);
    await relogin();
    expect((await runNow('daily-cycle')).result).toMatchObject({ onboarding: { reminders: 2 } });
  });
});

describe('failures and system health', () => {
  it('records a failed job with its error, retries it with back-off, and shows it in system health', async () => {
    await api.services.scheduler.enqueue('payment-batch-preparation', tt.tenant.id, { runId: randomUUID() });
    const failed = await waitFor(async () => (await runsOf('payment-batch-preparation')).find((run) => run.status === 'FAILED'), 'the failure');
    expect(failed.error).toBe('Commission run not found');
    const agendaRows = await sqlRows<{ fail_count: number; next_run_at: string; last_run_at: string; fail_reason: string }>(
      api.orm.em.fork(),
      `select fail_count, next_run_at::text, last_run_at::text, fail_reason from "${api.services.config.jobs.table}" where name = 'payment-batch-preparation' and fail_count > 0`,
      [],
    );
    expect(agendaRows).toHaveLength(1);
    // Retried after 5 minutes, then 10, 20 (exponential back-off of the workflow), not at once.
    expect(Date.parse(agendaRows[0]!.next_run_at) - Date.parse(agendaRows[0]!.last_run_at)).toBeGreaterThanOrEqual(5 * 60_000 - 1000);
    expect(agendaRows[0]!.fail_reason).toBe('Commission run not found');
    const job = ((await admin(JOBS)).data.automationJobs as any[]).find((entry) => entry.workflow === 'payment-batch-preparation');
    expect(job).toMatchObject({ pending: 1, failuresLast24h: 1, recentFailures: [{ status: 'FAILED', error: 'Commission run not found' }] });

    const health = (await admin(`{ systemHealth { healthy problems emailsQueued failingJobs failedRuns24h overdueJobs } }`)).data.systemHealth;
    expect(health).toMatchObject({ healthy: false, failingJobs: 1, failedRuns24h: 1, overdueJobs: 0 });
    expect(health.problems).toContain('payment-batch-preparation failed: Commission run not found');
  });

  it('the system-health workflow stores its figures as the result of its run', async () => {
    const run = await runNow('system-health');
    expect(run.status).toBe('SUCCEEDED');
    expect(run.result).toMatchObject({ healthy: false, jobs: { failedRuns24h: 1 } });
    // The running check itself has not succeeded yet when it looks.
    expect(run.result!.lastSuccess).toEqual({ 'daily-cycle': expect.any(String), 'emergency-response': expect.any(String), 'monthly-commission-run': expect.any(String), 'payment-batch-preparation': expect.any(String), 'email-delivery': null, 'system-health': null });
  });

  it('email delivery captures queued emails when no SMTP server is configured (development), recording only runs that did something', async () => {
    const queued = await sqlRows<{ count: string }>(api.orm.em.fork(), `select count(*) from outbox_email where tenant_id = ? and status = 'QUEUED'`, [tt.tenant.id]);
    expect(Number(queued[0]!.count)).toBeGreaterThan(0);
    const run = await runNow('email-delivery');
    expect(run.result).toMatchObject({ captured: Number(queued[0]!.count), sent: 0 });
    const left = await sqlRows<{ status: string; count: string }>(api.orm.em.fork(), `select status, count(*) from outbox_email where tenant_id = ? group by status`, [tt.tenant.id]);
    expect(left).toEqual([{ status: 'CAPTURED', count: queued[0]!.count }]);
    const before = (await runsOf('email-delivery')).length;
    await admin(`mutation { runJobNow(workflow: "email-delivery") { workflow } }`);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await runsOf('email-delivery')).length).toBe(before); // nothing to do: not recorded
  });

  it('refuses an unknown workflow, and only admins reach automation', async () => {
    expect(errorCode(await admin(`mutation { runJobNow(workflow: "nope") { workflow } }`))).toBe('BAD_USER_INPUT');
    expect(errorCode(await finance(JOBS))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(JOBS, {}, { token: owner }))).toBe('FORBIDDEN');
    const other = await createTestTenant(api, 'auto-other');
    const theirs = await api.gql(RUNS, {}, { token: other.tokens.admin });
    expect(theirs.data.jobRuns.totalCount).toBe(0);
  });
});
