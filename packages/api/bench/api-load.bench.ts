/**
 * Benchmark `api-load`: 200 concurrent clients on one API process for 5 minutes, a mix of the
 * partner portal's and the admin console's own queries (read from the SPAs' sources,
 * `spa-operations.ts`), every response checked. Target: not one error; throughput (req/s),
 * p50/p99 latency and the server's peak RSS are reported. There is no reference: the question is
 * whether one process stays correct, inside its memory and within its rate limits under this load.
 *
 * Data: `generate()` (400 resellers × 20,000 customers × 12 months at full size), then through
 * the real services what the pages show: the 12 monthly commission runs (all but the last
 * approved), customer and partner health (31 days ago and today), 40 applications, and one payment
 * batch for the previous month (bank details entered by the partners' owners and verified,
 * approved by a second person, exported, settled), so payments and statements exist.
 *
 * Clients: 150 partner users (owners and staff of the 50 resellers with the most customers, three
 * per reseller) and 50 staff users (ADMIN, FINANCE, PARTNER_MANAGER in turn). Each client has its
 * own address (X-Forwarded-For from loopback, which the server believes: TRUST_PROXY=loopback), its
 * own keep-alive connection, signs in once through the `login` mutation and then walks its role's
 * pages in a loop, each client starting at a different page, with no pause between requests
 * (closed loop: 200 requests in flight all the time). A response counts as correct only with HTTP
 * 200, JSON with `data` and no `errors`; anything else — a 429 included — fails the run. The rate
 * limits stay at their production defaults (300 requests a minute per session, 1,200 per IP):
 * each client sends well under one request a second here. An operation a role may not run (the
 * pre-flight gets FORBIDDEN) is left out of that role's walk, and said so.
 *
 * Server: `src/main.ts` as `pnpm start` runs it (`--max-old-space-size=384`), NODE_ENV=production,
 * PROCESS_ROLE=api (no jobs), LOG_LEVEL=warn, on a loopback port; MikroORM's pool of 10. Load:
 * this process (node:http), so the load generator shares the machine's cores with the server and
 * PostgreSQL, as autocannon does in graphql-dashboard. Peak RSS: the server's VmHWM.
 *
 * `--quick` (or BENCH_SCALE=small): 60 resellers × 1,000 customers, 200 clients for 20 s after 3 s
 * of warm-up. Overrides: BENCH_LOAD_RESELLERS, _CUSTOMERS, _PARTNERS, _STAFF, _SECONDS,
 * _WARMUP_SECONDS.
 *
 *   node --expose-gc --import ./register.js bench/api-load.bench.ts [--quick]
 */
import 'reflect-metadata';
import type { MikroORM } from '@mikro-orm/postgresql';
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { contextFor, createAppServices, type AppServices } from '../src/app/context.js';
import type { Actor } from '../src/auth/actor.js';
import { Role } from '../src/auth/roles.js';
import { loadConfig } from '../src/config/config.js';
import { dropDatabase, ensureDatabase, withDatabase } from '../src/db/database.js';
import { openOrm } from '../src/db/orm.js';
import { BusinessType, ReferralSource, ServiceInterest } from '../src/modules/applications/application.enums.js';
import { submitResellerApplication } from '../src/modules/applications/reseller-application.service.js';
import { approveCommissionRun, runCommissions } from '../src/modules/commissions/commission-run.service.js';
import { recomputeCustomerHealth } from '../src/modules/customers/customer-health.service.js';
import { Payment } from '../src/modules/payouts/payment-batch.entity.js';
import { approvePaymentBatch, createPaymentBatch } from '../src/modules/payouts/payment-batch.service.js';
import { exportPaymentBatch, markPaymentSettled } from '../src/modules/payouts/payment-export.service.js';
import { BankAccountType } from '../src/modules/payouts/payout-account.entity.js';
import { setMyPayoutAccount, verifyPayoutAccount } from '../src/modules/payouts/payout-account.service.js';
import { recomputePartnerHealth } from '../src/modules/success/success.service.js';
import { Tenant } from '../src/modules/tenants/tenant.entity.js';
import { createStaffUser } from '../src/seeders/factories.js';
import { systemClock, type Clock } from '../src/shared/clock.js';
import { setLogLevel } from '../src/shared/logger.js';
import { previousPeriod } from '../src/shared/period.js';
import { benchServer, generate } from './generate.js';
import { benchSize } from './measure.js';
import { runWhenMain, type BenchResult } from './report.js';
import { peakRssOf, startProductApi, type Child } from './server-process.js';
import { spaOperations, type SpaOperation } from './spa-operations.js';

export interface LoadSize {
  resellers: number;
  customers: number;
  months: number;
  seed: number;
  partnerClients: number;
  staffClients: number;
  seconds: number;
  warmupSeconds: number;
}

export const FULL: LoadSize = { resellers: 400, customers: 20_000, months: 12, seed: 23, partnerClients: 150, staffClients: 50, seconds: 300, warmupSeconds: 15 };
export const SMALL: LoadSize = { resellers: 60, customers: 1_000, months: 12, seed: 23, partnerClients: 150, staffClients: 50, seconds: 20, warmupSeconds: 3 };

function sizeFromEnv(quick: boolean): LoadSize {
  return benchSize(quick, { full: FULL, small: SMALL }, {
    resellers: 'BENCH_LOAD_RESELLERS',
    customers: 'BENCH_LOAD_CUSTOMERS',
    partnerClients: 'BENCH_LOAD_PARTNERS',
    staffClients: 'BENCH_LOAD_STAFF',
    seconds: 'BENCH_LOAD_SECONDS',
    warmupSeconds: 'BENCH_LOAD_WARMUP_SECONDS',
  });
}

const PASSWORD = 'bench-load-password-1';
/** Partner users per reseller (the first its owner, the others staff). */
const USERS_PER_RESELLER = 3;
const REQUEST_TIMEOUT_MS = 60_000;

const log = (message: string) => process.stderr.write(`[api-load] ${message}\n`);

type Variables = (client: LoadClient, turn: number) => Record<string, unknown>;

/** The pages' queries each role walks, with the variables the page sends. */
function pageMix(periods: string[], resellerIds: string[]): Record<'partner' | 'staff', [string, Variables][]> {
  const last = periods.at(-1)!;
  const someReseller = (client: LoadClient, turn: number) => resellerIds[(client.index * 7 + turn) % resellerIds.length]!;
  return {
    partner: [
      ['PortalProfile', () => ({})],
      ['PartnerDashboard', () => ({})],
      ['PortalMyCustomers', () => ({ first: 20, orderBy: 'MRR_DESC' })],
      ['PortalCommissionHistory', () => ({})],
      ['PortalCommissionStatement', () => ({ period: last })],
      ['PortalMyPayments', () => ({ first: 20 })],
      ['PortalAnalytics', () => ({})],
      ['PortalMyHealth', () => ({})],
      ['PortalCustomerWorkDue', () => ({ withinDays: 7 })],
      ['PortalOnboarding', () => ({})],
    ],
    staff: [
      ['AdminViewer', () => ({})],
      ['AdminOpenApplicationsCount', () => ({})],
      ['AdminResellers', () => ({ first: 20 })],
      ['AdminApplications', () => ({ first: 25 })],
      ['AdminCustomers', () => ({ first: 25 })],
      ['AdminCommissionLines', () => ({ first: 50, filter: { period: last } })],
      ['AdminPaymentBatches', () => ({ first: 20 })],
      ['AdminChannelSuccess', () => ({})],
      ['AdminResellerDetail', (client, turn) => ({ id: someReseller(client, turn) })],
      ['AdminResellerSuccess', (client, turn) => ({ resellerId: someReseller(client, turn) })],
    ],
  };
}

interface Step {
  name: string;
  body: (client: LoadClient, turn: number) => string;
}

interface LoadClient {
  index: number;
  role: Role;
  kind: 'partner' | 'staff';
  email: string;
  ip: string;
  token: string;
  agent: http.Agent;
  steps: Step[];
  turn: number;
}

interface Outcome {
  ok: boolean;
  status: number;
  millis: number;
  problem?: string;
}

/** One POST over the client's own keep-alive connection; correct = 200, JSON data, no errors. */
function send(url: URL, client: LoadClient, body: string): Promise<Outcome & { json?: any }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: '/graphql',
        method: 'POST',
        agent: client.agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'x-forwarded-for': client.ip,
          ...(client.token ? { authorization: `Bearer ${client.token}` } : {}),
        },
        timeout: REQUEST_TIMEOUT_MS,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const millis = performance.now() - started;
          const text = Buffer.concat(chunks).toString('utf8');
          let json: any;
          try {
            json = JSON.parse(text);
          } catch {
            return resolve({ ok: false, status: response.statusCode ?? 0, millis, problem: `not JSON: ${text.slice(0, 200)}` });
          }
          const ok = response.statusCode === 200 && json && !json.errors && json.data != null;
          resolve({ ok, status: response.statusCode ?? 0, millis, json, problem: ok ? undefined : `${response.statusCode} ${JSON.stringify(json.errors ?? json).slice(0, 300)}` });
        });
        response.on('error', (error) => resolve({ ok: false, status: 0, millis: performance.now() - started, problem: error.message }));
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer in ${REQUEST_TIMEOUT_MS / 1000} s`)));
    request.on('error', (error) => resolve({ ok: false, status: 0, millis: performance.now() - started, problem: error.message }));
    request.end(body);
  });
}

interface Recorded {
  latencies: number[];
  byOperation: Map<string, { latencies: number[]; failures: number }>;
  failures: number;
  problems: string[];
  startedAt: number;
  endedAt: number;
}

/** Every client walks its steps until `seconds` have passed; requests in flight then are finished and counted. */
async function drive(url: URL, clients: LoadClient[], seconds: number): Promise<Recorded> {
  const recorded: Recorded = { latencies: [], byOperation: new Map(), failures: 0, problems: [], startedAt: performance.now(), endedAt: 0 };
  const deadline = recorded.startedAt + seconds * 1000;
  await Promise.all(
    clients.map(async (client) => {
      while (performance.now() < deadline) {
        const step = client.steps[client.turn % client.steps.length]!;
        const outcome = await send(url, client, step.body(client, client.turn));
        client.turn++;
        recorded.latencies.push(outcome.millis);
        let entry = recorded.byOperation.get(step.name);
        if (!entry) recorded.byOperation.set(step.name, (entry = { latencies: [], failures: 0 }));
        entry.latencies.push(outcome.millis);
        if (!outcome.ok) {
          recorded.failures++;
          entry.failures++;
          if (recorded.problems.length < 20) recorded.problems.push(`${client.email} ${step.name}: ${outcome.problem}`);
        }
      }
    }),
  );
  recorded.endedAt = performance.now();
  return recorded;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function summary(latencies: number[]) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, value) => sum + value, 0) / (sorted.length || 1);
  return { count: sorted.length, p50: Math.round(percentile(sorted, 50)), p90: Math.round(percentile(sorted, 90)), p99: Math.round(percentile(sorted, 99)), max: Math.round(sorted.at(-1) ?? 0), mean: Math.round(mean) };
}

/** CPU seconds (user + system) the process has used so far. */
function cpuSecondsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (100 Hz)
}

/** What the pages show, through the real services: runs, health, applications, one paid batch. */
async function prepare(app: AppServices, data: Awaited<ReturnType<typeof generate>>, partners: { resellerId: string; ownerId: string; ownerEmail: string }[], admin: Actor, now: Date) {
  let started = performance.now();
  const finance = () => contextFor(app, data.finance);
  const runIds: string[] = [];
  for (const period of data.periods) runIds.push((await runCommissions(finance(), period)).id);
  for (const id of runIds.slice(0, -1)) await approveCommissionRun(finance(), id);
  log(`commission runs for ${data.periods.length} periods (all but the last approved) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  started = performance.now();
  await recomputeCustomerHealth(finance(), null);
  const monthAgo: Clock = { now: () => new Date(now.getTime() - 31 * 86_400_000) };
  await recomputePartnerHealth(contextFor({ ...app, clock: monthAgo }, data.finance));
  await recomputePartnerHealth(finance());
  log(`customer and partner health in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  for (let n = 0; n < 40; n++) {
    await submitResellerApplication(contextFor(app, undefined, { ip: `bench-applicant-${n}` }), {
      tenantSlug: data.tenantSlug,
      companyName: `Applicant ${n}`,
      legalName: `Applicant ${n} LLC`,
      contactName: `Contact ${n}`,
      contactEmail: `applicant${n}@apply.example`,
      phone: '+1 555 010 0000',
      website: null,
      businessType: BusinessType.LLC,
      yearsInBusiness: 1 + (n % 12),
      territory: ['Springfield'],
      expectedCustomersPerMonth: 5 + n,
      currentCustomerBase: 50 * n,
      servicesOfInterest: [ServiceInterest.RESIDENTIAL_BROADBAND],
      referralSource: ReferralSource.SEARCH,
      message: null,
      acceptTerms: true,
    });
  }

  // One batch for the previous month: the partners' owners enter bank details, finance verifies,
  // drafts and exports, an admin approves (four eyes), the bank settles.
  started = performance.now();
  const settings = contextFor(app, admin).em;
  const tenant = await settings.findOneOrFail(Tenant, { id: data.tenantId });
  tenant.ach = { immediateDestination: '021000021', immediateDestinationName: 'JPMorgan Chase Bank', immediateOrigin: '1841234567', immediateOriginName: 'Bench ISP', companyName: 'Bench ISP', companyId: '1841234567', odfiRouting: '021000021' };
  await settings.flush();
  for (const [n, partner] of partners.entries()) {
    const owner: Actor = { kind: 'user', tenantId: data.tenantId, role: Role.RESELLER_OWNER, resellerId: partner.resellerId, userId: partner.ownerId, sessionId: 'bench', label: partner.ownerEmail };
    await setMyPayoutAccount(contextFor(app, owner), { holderName: `Partner ${n}`, routingNumber: '011000015', accountNumber: String(100_000_000 + n), accountType: BankAccountType.CHECKING });
    await verifyPayoutAccount(finance(), partner.resellerId);
  }
  const batch = await createPaymentBatch(finance(), { period: data.periods.at(-2)! });
  await approvePaymentBatch(contextFor(app, admin), batch.id);
  await exportPaymentBatch(finance(), { batchId: batch.id });
  const payments = await finance().em.find(Payment, { batch: batch.id });
  // The bank credits the entries a few business days after the export.
  const settledAt: Clock = { now: () => new Date(now.getTime() + 6 * 86_400_000) };
  for (const payment of payments) await markPaymentSettled(contextFor({ ...app, clock: settledAt }, data.finance), payment.id);
  log(`40 applications; a payment batch of ${payments.length} payments drafted, approved, exported and settled in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

export async function apiLoadBench(options: { quick?: boolean } = {}): Promise<BenchResult> {
  const size = sizeFromEnv(options.quick ?? false);
  setLogLevel('warn');
  const server = await benchServer(process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || undefined);
  const databaseUrl = withDatabase(server.url, `rh_bench_load_${process.pid}_${Date.now()}`);
  let orm: MikroORM | undefined;
  let ours: Child | undefined;
  const agents: http.Agent[] = [];
  try {
    await ensureDatabase(databaseUrl);
    orm = await openOrm(databaseUrl);
    const now = systemClock.now();
    const endPeriod = previousPeriod(now.toISOString().slice(0, 7));
    log(`generating ${size.resellers} resellers, ${size.customers} customers × ${size.months} months up to ${endPeriod} (seed ${size.seed})…`);
    const data = await generate(orm, { resellers: size.resellers, customers: size.customers, months: size.months, seed: size.seed, endPeriod });
    log(`generated in ${(data.millis / 1000).toFixed(1)} s: ${data.counts.billingRecords} billing records`);
    const knex = orm.em.getConnection().getKnex();
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', PORTAL_DIST: '/nonexistent', ADMIN_DIST: '/nonexistent' });
    const app = createAppServices(config, orm, systemClock, { session: randomBytes(32).toString('hex'), payoutKey: randomBytes(32) });

    // Users: three partner users for each of the resellers with the most customers, and staff.
    const tenant = { id: data.tenantId } as Tenant;
    const resellerCount = Math.ceil(size.partnerClients / USERS_PER_RESELLER);
    const top = ((await knex.raw(
      `select r.id, r.code, count(c.id)::int as customers from reseller r join customer c on c.reseller_id = r.id
        where r.tenant_id = ? and r.status = 'ACTIVE' group by r.id, r.code order by count(c.id) desc, r.code limit ?`,
      [data.tenantId, resellerCount],
    )) as { rows: { id: string; code: string; customers: number }[] }).rows;
    if (top.length < resellerCount) throw new Error(`only ${top.length} active resellers with customers; ${resellerCount} needed`);
    const started = performance.now();
    const users: { email: string; role: Role; kind: 'partner' | 'staff' }[] = [];
    const partners: { resellerId: string; ownerId: string; ownerEmail: string }[] = [];
    for (let i = 0; i < size.partnerClients; i++) {
      const reseller = top[i % resellerCount]!;
      const owner = i < resellerCount;
      const email = `${owner ? 'owner' : `staff${Math.floor(i / resellerCount)}`}@${reseller.code.toLowerCase()}.load.example`;
      const role = owner ? Role.RESELLER_OWNER : Role.RESELLER_STAFF;
      const user = await createStaffUser(orm.em, tenant, { email, name: `Partner user ${i}`, role, password: PASSWORD, resellerId: reseller.id });
      if (owner) partners.push({ resellerId: reseller.id, ownerId: user.id, ownerEmail: email });
      users.push({ email, role, kind: 'partner' });
    }
    const staffRoles = [Role.ADMIN, Role.FINANCE, Role.PARTNER_MANAGER];
    let adminActor: Actor | undefined;
    for (let i = 0; i < size.staffClients; i++) {
      const role = staffRoles[i % staffRoles.length]!;
      const email = `staff${i}@isp.load.example`;
      const user = await createStaffUser(orm.em, tenant, { email, name: `Staff ${i}`, role, password: PASSWORD });
      if (role === Role.ADMIN && !adminActor) adminActor = { kind: 'user', tenantId: data.tenantId, role, resellerId: null, userId: user.id, sessionId: 'bench', label: email };
      users.push({ email, role, kind: 'staff' });
    }
    log(`${size.partnerClients} partner users (${resellerCount} resellers, ${top[0]!.code} has ${top[0]!.customers} customers, ${top.at(-1)!.code} ${top.at(-1)!.customers}) and ${size.staffClients} staff users in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    await app.scheduler.withoutEventJobs(() => prepare(app, data, partners, adminActor!, now));
    await knex.raw('analyze');

    // With the production defaults: no GRAPHQL_RATE_LIMIT_* of its own.
    ours = await startProductApi({ databaseUrl, env: { DEFAULT_TENANT_SLUG: data.tenantSlug } });
    const url = new URL(`${ours.url}/graphql`);

    // Each client signs in from its own address (the login limit is per IP), ten at a time.
    const clients: LoadClient[] = users.map((user, index) => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      agents.push(agent);
      return { index, role: user.role, kind: user.kind, email: user.email, ip: `10.${64 + Math.floor(index / 250)}.${index % 250}.${1 + (index % 200)}`, token: '', agent, steps: [], turn: index };
    });
    let signedIn = performance.now();
    for (let i = 0; i < clients.length; i += 10) {
      await Promise.all(
        clients.slice(i, i + 10).map(async (client) => {
          const answer = await send(url, client, JSON.stringify({ query: 'mutation($input: LoginInput!) { login(input: $input) { token } }', variables: { input: { email: client.email, password: PASSWORD } } }));
          if (!answer.ok) throw new Error(`login as ${client.email} failed: ${answer.problem}`);
          client.token = answer.json.data.login.token;
        }),
      );
    }
    log(`${clients.length} clients signed in, each from its own address, in ${((performance.now() - signedIn) / 1000).toFixed(1)} s`);

    // The walks: the pages' own documents. A pre-flight runs each step once per role; FORBIDDEN
    // drops the step from that role's walk, any other problem stops the bench.
    const documents = new Map<string, SpaOperation>([...spaOperations('portal'), ...spaOperations('admin')].map((operation) => [operation.name, operation]));
    const mix = pageMix(data.periods, top.map((row) => row.id));
    const walks = new Map<Role, Step[]>();
    for (const role of [...new Set(clients.map((client) => client.role))]) {
      const probe = clients.find((client) => client.role === role)!;
      const steps: Step[] = [];
      for (const [name, variables] of mix[probe.kind]) {
        const operation = documents.get(name);
        if (!operation) throw new Error(`the SPAs have no operation ${name}`);
        const step: Step = { name, body: (client, turn) => JSON.stringify({ query: operation.text, variables: variables(client, turn), operationName: name }) };
        const answer = await send(url, probe, step.body(probe, 0));
        if (!answer.ok && answer.json?.errors?.[0]?.extensions?.code === 'FORBIDDEN') {
          log(`  ${role}: ${name} is not allowed for this role, left out of its walk`);
          continue;
        }
        if (!answer.ok) throw new Error(`pre-flight ${role} ${name}: ${answer.problem}`);
        steps.push(step);
      }
      walks.set(role, steps);
      log(`  ${role}: ${steps.map((step) => step.name).join(', ')}`);
    }
    for (const client of clients) client.steps = walks.get(client.role)!;

    // Each step alone (one client, one request at a time, median of 3): what a request costs
    // without queueing, to read the loaded latencies against.
    const alone: Record<string, number> = {};
    for (const [role, steps] of walks) {
      const probe = clients.find((client) => client.role === role)!;
      for (const step of steps) {
        if (alone[step.name] !== undefined) continue;
        const times: number[] = [];
        for (let n = 0; n < 3; n++) times.push((await send(url, probe, step.body(probe, n))).millis);
        alone[step.name] = Math.round(times.sort((a, b) => a - b)[1]!);
      }
    }
    log(`each page query alone (median of 3): ${Object.entries(alone).sort((a, b) => b[1] - a[1]).map(([name, millis]) => `${name} ${millis} ms`).join(', ')}`);

    log(`warm-up: ${clients.length} clients × ${size.warmupSeconds} s`);
    const warm = await drive(url, clients, size.warmupSeconds);
    if (warm.failures) log(`warm-up failures: ${warm.failures}; first: ${warm.problems.slice(0, 3).join(' | ')}`);
    log(`load: ${clients.length} clients × ${size.seconds} s`);
    const cpuBefore = cpuSecondsOf(ours.process.pid!);
    const driverCpuBefore = process.cpuUsage();
    const run = await drive(url, clients, size.seconds);
    const elapsedSeconds = (run.endedAt - run.startedAt) / 1000;
    const serverCpuSeconds = cpuSecondsOf(ours.process.pid!) - cpuBefore;
    const driverCpu = process.cpuUsage(driverCpuBefore);
    const driverCpuSeconds = (driverCpu.user + driverCpu.system) / 1e6;
    const peakRssMb = peakRssOf(ours.process.pid!);
    const overall = summary(run.latencies);
    const requestsPerSecond = overall.count / elapsedSeconds;
    const operations = Object.fromEntries([...run.byOperation.entries()].map(([name, entry]) => [name, { ...summary(entry.latencies), failures: entry.failures }]));
    log(`${overall.count} requests in ${elapsedSeconds.toFixed(1)} s: ${requestsPerSecond.toFixed(1)} req/s, p50 ${overall.p50} ms, p90 ${overall.p90} ms, p99 ${overall.p99} ms, max ${overall.max} ms; errors ${run.failures + warm.failures} (warm-up ${warm.failures})`);
    log(`server: peak RSS ${peakRssMb.toFixed(0)} MB, CPU ${serverCpuSeconds.toFixed(0)} s in ${elapsedSeconds.toFixed(0)} s (${((100 * serverCpuSeconds) / elapsedSeconds).toFixed(0)} % of one core); the load generator (this process) ${driverCpuSeconds.toFixed(0)} s`);
    for (const [name, figures] of Object.entries(operations).sort((a, b) => b[1].p50 - a[1].p50)) log(`  ${name.padEnd(28)} ${String(figures.count).padStart(6)} × p50 ${String(figures.p50).padStart(5)} ms  p99 ${String(figures.p99).padStart(5)} ms  errors ${figures.failures}`);
    for (const problem of run.problems) log(`  problem: ${problem}`);

    const errors = run.failures + warm.failures;
    return {
      name: 'api-load',
      size: { ...size, clients: clients.length, resellersWithClients: resellerCount, biggestReseller: top[0]!.code, biggestResellerCustomers: top[0]!.customers },
      oursMillis: overall.p50,
      referenceMillis: 0,
      ratio: 0,
      peakRssMb,
      sqlStatements: null,
      display: {
        ours: `${requestsPerSecond.toFixed(0)} req/s, p50 ${overall.p50} ms, p99 ${overall.p99} ms, ${errors} errors`,
        reference: '—',
        ratio: '—',
        targets: '0 errors, ≤ 512 MB',
      },
      targets: { ratio: 0, peakRssMb: 512 },
      passed: errors === 0 && overall.count > 0 && peakRssMb <= 512,
      details: {
        requests: overall.count,
        seconds: Number(elapsedSeconds.toFixed(1)),
        requestsPerSecond: Number(requestsPerSecond.toFixed(1)),
        latencyMillis: overall,
        errors,
        warmupErrors: warm.failures,
        problems: run.problems,
        serverCpuSeconds: Number(serverCpuSeconds.toFixed(1)),
        loadGeneratorCpuSeconds: Number(driverCpuSeconds.toFixed(1)),
        operations,
        aloneMillis: alone,
        walks: Object.fromEntries([...walks.entries()].map(([role, steps]) => [role, steps.map((step) => step.name)])),
        generateMillis: Math.round(data.millis),
      },
    };
  } finally {
    for (const agent of agents) agent.destroy();
    await ours?.stop();
    await orm?.close();
    await dropDatabase(databaseUrl).catch((error) => log(`could not drop ${databaseUrl}: ${(error as Error).message}`));
    await server.stop();
  }
}

runWhenMain(import.meta.url, () => apiLoadBench({ quick: process.argv.includes('--quick') }));
