/**
 * PostgreSQL restarted under load. The product (`src/main.ts`: HTTP and the scheduler in one
 * process, as `pnpm start` runs it) works on an embedded PostgreSQL of this test's own — never the
 * machine's server, which other test files use meanwhile — while clients keep sending GraphQL
 * reads and writes. PostgreSQL is stopped (fast shutdown: sessions are cut, open transactions roll
 * back) and, a few seconds later, started again on the same data folder and port.
 *
 * The product must stay up (its ORM pool, Agenda's pool and its LISTEN connection all lose their
 * connections: an unhandled 'error' event or rejection would end it), say it is not ready while
 * the database is away, answer every request meanwhile with a typed, safe SERVICE_UNAVAILABLE
 * (HTTP 503, Retry-After; no stack, no SQL), and recover by itself: ready again, requests answered
 * with the right data, every write it acknowledged kept, scheduled jobs running again — the one the
 * outage interrupted recorded as failed and released for its retry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { ensureDatabase, withDatabase } from '../src/db/database.js';
import { startEmbeddedPostgres, type EmbeddedServer } from '../src/db/embedded-postgres.js';
import { openOrm } from '../src/db/orm.js';
import { APPROVE, applicationInput, createTestTenant, STAFF_PASSWORD, startTestApi, submitApplication, SUBMIT, type TestTenant } from './helpers.js';
import { freePort, isRunning, killStartedProducts, startProduct, stopProduct, waitFor, whenStarted, type ProductProcess } from './support/product-process.js';

let dataDir: string;
let pgPort: number;
let postgres: EmbeddedServer | undefined;
let databaseUrl: string;
let product: ProductProcess;
let tt: TestTenant;
let resellerCodes: string[];

const startPostgres = async () => (postgres = await startEmbeddedPostgres({ dir: path.join(dataDir, 'data'), port: pgPort, persistent: true }));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function sql<T>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'rh-outage-pg-'));
  chmodSync(dataDir, 0o755); // PostgreSQL runs as its own OS user when we are root
  pgPort = await freePort();
  await startPostgres();
  databaseUrl = withDatabase(postgres!.url, 'reseller_hub');
  await ensureDatabase(databaseUrl);
  await (await openOrm(databaseUrl, { quiet: true })).close();
  // Data through the real services, in this process; then the product takes over the database.
  const api = await startTestApi({ DATABASE_URL: databaseUrl, JOBS_TABLE: 'agenda_jobs', EMAIL_DELIVERY_EVERY_SECONDS: '1' });
  tt = await createTestTenant(api, 'outage');
  resellerCodes = [];
  for (let n = 0; n < 3; n++) {
    const { id } = await submitApplication(api, tt);
    resellerCodes.push((await api.gql(APPROVE, { input: { applicationId: id } }, { token: tt.tokens.admin })).data.approveResellerApplication.reseller.code);
  }
  // An approved (empty) commission run, so payment batch preparation has work to start.
  const finance = (query: string, variables: Record<string, unknown> = {}) => api.gql(query, variables, { token: tt.tokens.finance });
  await finance(`mutation { createCommissionPlan(input: { name: "Standard", type: PERCENTAGE, effectiveFrom: "2026-01", isDefault: true, terms: { rate: "0.1000" } }) { plan { id } } }`);
  const run = await finance(`mutation { runCommissions(input: { period: "2026-01" }) { run { id } } }`);
  await finance(`mutation($id: ID!) { approveCommissionRun(input: { runId: $id }) { run { status } } }`, { id: run.data.runCommissions.run.id });
  // The tenant's schedules (email delivery every second).
  await api.services.scheduler.syncSchedules(tt.tenant.id);
  await api.close();
  product = await startProduct({ DATABASE_URL: databaseUrl, JOBS_TABLE: 'agenda_jobs', EMAIL_DELIVERY_EVERY_SECONDS: '1' });
  await whenStarted(product);
  // The approval's follow-up job runs first (nothing to pay in an empty run).
  await waitFor(async () => (await sql<{ status: string }>(`select status from job_run where workflow = 'payment-batch-preparation'`))[0]?.status === 'SUCCEEDED', 'the follow-up job of the approval');
}, 240_000);

afterAll(async () => {
  if (product) await Promise.race([stopProduct(product), sleep(15_000)]);
  killStartedProducts();
  await postgres?.stop().catch(() => undefined);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

interface Answer {
  /** When the request was sent and when its answer came. */
  at: number;
  end: number;
  status: number | 'network error';
  code?: string;
  retryAfter?: string | null;
  text: string;
  data?: any;
}

async function gql(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<Answer> {
  const at = Date.now();
  try {
    const response = await fetch(`${product.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    const body = JSON.parse(text) as { data?: any; errors?: { extensions?: { code?: string } }[] };
    return { at, end: Date.now(), status: response.status, code: body.errors?.[0]?.extensions?.code, retryAfter: response.headers.get('retry-after'), text, data: body.data };
  } catch (error) {
    return { at, end: Date.now(), status: 'network error', text: String((error as Error).cause ?? error) };
  }
}

const ready = async () => (await fetch(`${product.url}/readyz`)).status;
const RESELLERS = `{ resellers(first: 20) { nodes { code companyName status } } }`;
const PUBLIC_TENANT = `query($slug: String) { publicTenant(slug: $slug) { name } }`;
const UPSERT = `mutation($c: [CustomerUpsertInput!]!) { upsertCustomers(input: { customers: $c }) { created } }`;

describe('PostgreSQL restarted under load', () => {
  it('the product stays up, answers SERVICE_UNAVAILABLE (503) while the database is away, and recovers by itself', async () => {
    const pid = product.process.pid;
    const login = await gql(`mutation($input: LoginInput!) { login(input: $input) { token } }`, { input: { tenantSlug: tt.slug, email: `admin@${tt.slug}.example`, password: STAFF_PASSWORD } });
    const token = login.data.login.token as string;
    const before = await gql(RESELLERS, {}, token);
    expect(before.status).toBe(200);
    const publicBefore = await gql(PUBLIC_TENANT, { slug: tt.slug });
    expect(publicBefore.data).toEqual({ publicTenant: { name: 'OUTAGE Networks' } });
    expect(before.data.resellers.nodes.map((node: { code: string }) => node.code).sort()).toEqual([...resellerCodes].sort());

    // Four readers and two writers, one request after another each, until told to stop.
    const reads: (Answer & { query: string })[] = [];
    const writes: (Answer & { externalId: string })[] = [];
    let running = true;
    let written = 0;
    // Signed-in readers fail in authentication (the context), public ones in the resolver: both paths.
    const reader = async (query: string, signedIn: boolean) => {
      while (running) {
        reads.push({ ...(await gql(query, { slug: tt.slug }, signedIn ? token : undefined)), query });
        await sleep(20);
      }
    };
    const writer = async (n: number) => {
      while (running) {
        const externalId = `OUT-${n}-${written++}`;
        writes.push({ ...(await gql(UPSERT, { c: [{ externalId, name: `Outage customer ${externalId}`, resellerCode: resellerCodes[n % resellerCodes.length] }] }, token)), externalId });
        await sleep(20);
      }
    };
    const clients = Promise.all([reader(RESELLERS, true), reader(RESELLERS, true), reader(RESELLERS, true), reader(PUBLIC_TENANT, false), writer(0), writer(1)]);
    await sleep(1000);

    // A job in the middle of its work when the database goes: payment batch preparation, held at
    // its per-tenant lock (taken here first) inside its transaction.
    const holder = new pg.Client({ connectionString: databaseUrl });
    holder.on('error', () => undefined); // the shutdown cuts this session too
    await holder.connect();
    await holder.query(`select pg_advisory_lock(hashtext('payment-batch:' || $1))`, [tt.tenant.id]);
    const runNow = await gql(`mutation { runJobNow(workflow: "payment-batch-preparation") { workflow } }`, {}, token);
    expect(runNow.status).toBe(200);
    await waitFor(async () => (await sql(`select 1 from pg_stat_activity where wait_event_type = 'Lock' and wait_event = 'advisory' and datname = 'reseller_hub'`)).length === 1, 'the job to wait at the lock');
    // And a lock the outage leaves behind: Agenda locks a job (up to a poll ahead of its time),
    // then writes its start and its end; when PostgreSQL goes away between two of those writes the
    // lock stays while the job is gone from the process (seen here with email delivery, whose
    // lock-ahead window is a fraction of each second). Made by hand, so every run has one: the daily
    // cycle, locked by this product, not running.
    await sql(`update agenda_jobs set locked_at = now(), last_modified_by = $1 where name = 'daily-cycle'`, [`${os.hostname()}:${product.process.pid}`]);

    const stoppedAt = Date.now();
    await postgres!.stop(); // SIGINT: PostgreSQL's fast shutdown
    const downAt = Date.now();
    void holder.end().catch(() => undefined);
    // Down for a few seconds of steady requests; not ready the whole time.
    const readinessWhileDown: number[] = [];
    while (Date.now() - downAt < 4000) {
      readinessWhileDown.push(await ready());
      await sleep(250);
    }
    // The file downloads (outside GraphQL) answer the same way.
    const download = await fetch(`${product.url}/files/payment-batches/${tt.tenant.id}/nacha`, { headers: { authorization: `Bearer ${token}` } });
    const downloadBody = await download.text();
    const restartAt = Date.now();
    await startPostgres();
    const upAt = Date.now();
    await waitFor(async () => (await ready()) === 200, 'the product to be ready again', 30_000);
    const readyAt = Date.now();
    await sleep(2000); // requests after recovery
    running = false;
    await clients;

    expect(isRunning(product)).toBe(true);
    expect(product.process.pid).toBe(pid);
    expect(readinessWhileDown.length).toBeGreaterThan(5);
    expect(new Set(readinessWhileDown)).toEqual(new Set([503]));

    const answers = [...reads, ...writes];
    // Nothing the product took for a fault of its own (it logs those with their stack).
    expect(product.output().split('\n').filter((line) => line.includes('"unexpected error"') || line.includes('"http error"'))).toEqual([]);
    // The HTTP server itself never went away.
    expect(answers.filter((answer) => answer.status === 'network error')).toEqual([]);
    // Every answer is a success or the typed, safe refusal: nothing in between.
    const refused = answers.filter((answer) => answer.status !== 200);
    for (const answer of refused) {
      expect(answer).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE', retryAfter: '5' });
      expect(answer.text).not.toMatch(/\bat \S+ \(|\.ts:\d+|\.js:\d+|select |insert |update |ECONN|57P0|postgres|knex|mikro/i);
    }
    for (const answer of answers.filter((answer) => answer.status === 200)) expect(answer.code).toBeUndefined();
    expect(refused.filter((answer) => 'query' in answer && answer.query === PUBLIC_TENANT).length).toBeGreaterThan(0);
    expect(refused.filter((answer) => 'query' in answer && answer.query === RESELLERS).length).toBeGreaterThan(0);
    expect(refused.filter((answer) => 'externalId' in answer).length).toBeGreaterThan(0);
    expect({ status: download.status, retryAfter: download.headers.get('retry-after'), body: JSON.parse(downloadBody) }).toEqual({
      status: 503,
      retryAfter: '5',
      body: { errors: [{ message: expect.stringContaining('briefly unavailable'), extensions: { code: 'SERVICE_UNAVAILABLE' } }] },
    });
    // Refusals only while the database was away: answered after it stopped (some were in flight
    // then), asked before the product said it was ready again.
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.filter((answer) => answer.end < stoppedAt || answer.at >= readyAt)).toEqual([]);
    const beforeStop = answers.filter((answer) => answer.end < stoppedAt);
    const afterReady = answers.filter((answer) => answer.at > readyAt);
    expect(beforeStop.length).toBeGreaterThan(0);
    expect(afterReady.length).toBeGreaterThan(0);
    // Reads after recovery see exactly the data from before.
    for (const answer of reads.filter((read) => read.at > readyAt)) expect(answer.data).toEqual(answer.query === RESELLERS ? before.data : publicBefore.data);

    // Every write the product acknowledged is kept; none it refused (or never saw) appears.
    const acknowledged = writes.filter((write) => write.status === 200).map((write) => write.externalId);
    const stored = (await sql<{ external_id: string }>(`select external_id from customer where tenant_id = $1 and external_id like 'OUT-%'`, [tt.tenant.id])).map((row) => row.external_id);
    expect(new Set(stored)).toEqual(new Set(acknowledged));
    expect(stored.length).toBe(acknowledged.length);

    // The job the outage interrupted is recorded as failed and released for its retry (back-off:
    // 5 minutes), not left locked and RUNNING until its lock expires half an hour later.
    const interrupted = await waitFor(
      async () => (await sql<{ status: string; error: string }>(`select status, error from job_run where workflow = 'payment-batch-preparation' and trigger = 'MANUAL'`)).find((run) => run.status !== 'RUNNING'),
      'the interrupted run to be recorded',
    );
    expect(interrupted).toEqual({ status: 'FAILED', error: expect.stringMatching(/^Interrupted: the database became unavailable/) });
    const [agendaJob] = await waitFor(async () => {
      const rows = await sql<{ locked_at: Date | null; fail_count: number; next_run_at: Date }>(`select locked_at, fail_count, next_run_at from agenda_jobs where name = 'payment-batch-preparation' and data->>'trigger' = 'MANUAL'`);
      return rows[0]?.locked_at === null && rows;
    }, 'the interrupted job to be unlocked');
    expect(agendaJob!.fail_count).toBe(1);
    expect(agendaJob!.next_run_at.getTime() - Date.now()).toBeGreaterThan(4 * 60_000);
    // The lock left behind is released once the database is back (not 30 minutes later).
    await waitFor(async () => (await sql<{ locked_at: Date | null }>(`select locked_at from agenda_jobs where name = 'daily-cycle'`))[0]!.locked_at === null, 'the lost lock to be released', 15_000);

    // The scheduler works again: an email queued now is picked up by the delivery job (captured:
    // no SMTP here).
    const submitted = await gql(SUBMIT, { input: applicationInput(tt.slug, { contactEmail: 'after.outage@acme.example' }) });
    expect(submitted.status).toBe(200);
    await waitFor(async () => (await sql<{ status: string }>(`select status from outbox_email where tenant_id = $1 and to_address = 'after.outage@acme.example'`, [tt.tenant.id]))[0]?.status === 'CAPTURED', 'the delivery job to take the new email', 30_000).catch(async (error) => {
      // What the scheduler looked like, to tell a stuck lock from a slow machine.
      console.log(`ready at ${new Date(readyAt).toISOString()}; Agenda's jobs:`, await sql(`select name, next_run_at, locked_at, last_run_at, last_finished_at, last_modified_by, fail_count from agenda_jobs`));
      throw error;
    });

    const output = product.output();
    expect(output).not.toMatch(/Unhandled|uncaught/i);
    expect(output).toContain('scheduler: job notifications restored');
    expect(output).toContain('scheduler: released job locks a database outage left behind');
    console.log(
      `database outage: down ${((upAt - downAt) / 1000).toFixed(1)} s (stop took ${downAt - stoppedAt} ms, start ${upAt - restartAt} ms), ready ${readyAt - upAt} ms after start; ` +
        `${answers.length} requests: ${beforeStop.length} before, ${refused.length} refused with 503 SERVICE_UNAVAILABLE, ${afterReady.length} after recovery; ` +
        `${acknowledged.length} writes acknowledged and kept, ${writes.length - acknowledged.length} refused and absent`,
    );
  }, 120_000);
});
