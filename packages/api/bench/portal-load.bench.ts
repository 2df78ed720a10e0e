/**
 * Benchmark `portal-load`: the built partner portal in headless Chromium, signed in as a partner
 * whose reseller has 10,000 customers, loading the dashboard with a cold HTTP cache (a returning
 * signed-in partner: the session token is already in localStorage). Two figures per load:
 *
 *   - JS transferred: bytes on the wire of every script response of the load (CDP
 *     `Network.loadingFinished.encodedDataLength`: compressed body + HTTP headers, as sent).
 *     Target ≤ 250 KiB (1 KB = 1024 B). The issue says "(gzip)": the figure is what the server
 *     really sends; whether it compressed (`content-encoding`) and what gzip -6 / brotli -11
 *     of the same files would weigh are in `details.js`.
 *   - Time until the data is on screen: from navigation start (the page's `performance.timeOrigin`)
 *     to the first animation frame after `READY_SELECTOR` is in the DOM with a non-empty box
 *     (a MutationObserver installed before any page script records it). Target ≤ 1,500 ms.
 *
 * Reference (`referenceMillis`): the data's floor — the same GraphQL operations the page sent
 * (captured from the warm-up load), replayed from Node by plain `fetch` with the same token, all
 * at once, over a kept-alive connection. So `ratio` = page time / data time: how much the browser,
 * the bundle and the request waterfall add on top of what the API needs to answer. BenchResult's
 * `targets.ratio` does not fit this bench (its targets are KiB and ms): it is set to the ratio the
 * time target allows (1,500 ms / reference) for the table only; `passed` uses the KiB and ms targets.
 *
 * Other columns: `peakRssMb` is the api process's peak RSS (VmHWM) after all loads, shown against
 * 512 MB but not judged (the issue sets no memory target); `sqlStatements` is 0, not counted (the
 * SQL runs in the api process). `details.cpuMillis` holds CPU time per load — the page's renderer
 * main thread (CDP Performance metrics, thread ticks) and the api process (utime + stime) — which,
 * unlike the wall times, hardly moves when other work shares the machine (`details.loadAverage`).
 *
 * What runs: a fresh database (BENCH_DATABASE_URL / TEST_DATABASE_URL's server, else an embedded
 * PostgreSQL) filled by `generate()` (+ a commission run for every generated month and the partner
 * and customer health recomputes, so the dashboard has its history chart and scores to show); a
 * RESELLER_OWNER user for the reseller with the most customers (its exact count in `size`); the portal built like `pnpm start` does (turbo, cached when the
 * sources did not change); the real api (`src/main.ts`, NODE_ENV=production, generated secrets,
 * `--role api`: HTTP only) as a child process on a free loopback port; Debian's Chromium through
 * playwright-core, one new browser context (cold cache) per sample, one unmeasured warm-up load.
 *
 * Sizes: BENCH_SCALE=small (or --quick): ~1,000 customers for the partner, 3 months, 3 samples;
 * else ~10,000 customers, 12 months (the dashboard's history shows 12) and 5 samples.
 * BENCH_PORTAL_RESELLER_CUSTOMERS (customers the partner should have), BENCH_PORTAL_RESELLERS,
 * BENCH_PORTAL_MONTHS, BENCH_PORTAL_SAMPLES, BENCH_SEED override.
 * BENCH_PORTAL_BUILD=0 (or --no-build) uses packages/portal/dist as it is. BENCH_PORTAL_ROUTE and
 * BENCH_PORTAL_READY override the page and its "data on screen" selector. CHROMIUM_PATH overrides
 * /usr/bin/chromium. The last sample's screenshot goes to BENCH_PORTAL_SCREENSHOT (/tmp/portal-load.png).
 *
 *   node --expose-gc --import ./register.js bench/portal-load.bench.ts [--quick] [--no-build]
 */
import 'reflect-metadata';
import type { MikroORM } from '@mikro-orm/postgresql';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { contextFor, createAppServices } from '../src/app/context.js';
import { Role } from '../src/auth/roles.js';
import { apiRoot, loadConfig } from '../src/config/config.js';
import { dropDatabase, ensureDatabase, withDatabase } from '../src/db/database.js';
import { openOrm } from '../src/db/orm.js';
import { recomputeCustomerHealth } from '../src/modules/customers/customer-health.service.js';
import { runCommissions } from '../src/modules/commissions/commission-run.service.js';
import { recomputePartnerHealth } from '../src/modules/success/success.service.js';
import type { Tenant } from '../src/modules/tenants/tenant.entity.js';
import { createStaffUser } from '../src/seeders/factories.js';
import { systemClock } from '../src/shared/clock.js';
import { setLogLevel } from '../src/shared/logger.js';
import { previousPeriod } from '../src/shared/period.js';
import { benchServer, generate } from './generate.js';
import { benchSize } from './measure.js';
import { runWhenMain, type BenchResult } from './report.js';

/** The page partners land on after signing in, and the element it renders once all its data is on screen. */
export const DASHBOARD_ROUTE = '/portal/dashboard';
export const DASHBOARD_READY = '[data-testid="dashboard-ready"]';
/** The page measured and its ready selector (env overrides, e.g. `/portal/customers` + `[data-testid="customer-row"]`). */
const ROUTE = process.env.BENCH_PORTAL_ROUTE || DASHBOARD_ROUTE;
const READY_SELECTOR = process.env.BENCH_PORTAL_READY || DASHBOARD_READY;
/** Steps on the way, timed when first in the DOM (for the timeline): the page's loading state, then its data rendered (chart pending). */
const MILESTONES = ['[data-testid="dashboard-loading"]', '[data-testid="dashboard-rendering"]', '[data-testid="commission-chart"]'];

/** Targets (issue): JS on the wire ≤ 250 KiB, data on screen ≤ 1.5 s. */
export const TARGET_JS_KIB = 250;
export const TARGET_MILLIS = 1500;

const repoRoot = path.resolve(apiRoot, '../..');
const portalDist = path.join(repoRoot, 'packages', 'portal', 'dist');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// The repository's browser tests' arguments (packages/portal/e2e/browser.ts); playwright adds --headless.
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'];
const VIEWPORT = { width: 1280, height: 860 };
const SESSION_KEY = 'rh.portal.session';
const TENANT_KEY = 'rh.portal.tenant';

export interface PortalLoadSize {
  /** Customers the measured partner should have (the generator's skew decides the exact count). */
  resellerCustomers: number;
  resellers: number;
  months: number;
  samples: number;
  seed: number;
}

export const FULL: PortalLoadSize = { resellerCustomers: 10_000, resellers: 25, months: 12, samples: 5, seed: 11 };
export const SMALL: PortalLoadSize = { resellerCustomers: 1_000, resellers: 25, months: 3, samples: 3, seed: 11 };

function sizeFromEnv(quick: boolean): PortalLoadSize {
  return benchSize(quick, { full: FULL, small: SMALL }, {
    resellerCustomers: 'BENCH_PORTAL_RESELLER_CUSTOMERS',
    resellers: 'BENCH_PORTAL_RESELLERS',
    months: 'BENCH_PORTAL_MONTHS',
    samples: 'BENCH_PORTAL_SAMPLES',
    seed: 'BENCH_SEED',
  });
}

/**
 * 25 resellers: the measured partner's 10,000 customers are what the page reads; the other
 * resellers only make the tenant's tables bigger (and the data set slower to generate).
 * The generator puts customer c on reseller 1 + floor(R · u²) (u uniform), so reseller 1 gets
 * P(u < 1/√R) = 1/√R of them: total = target · √R, plus 15 % for the ~3 % who move and the noise.
 */
function totalCustomersFor(size: PortalLoadSize): number {
  return Math.ceil(size.resellerCustomers * Math.sqrt(size.resellers) * 1.15);
}

const benchStarted = performance.now();
const log = (message: string) => process.stderr.write(`[portal-load ${((performance.now() - benchStarted) / 1000).toFixed(1).padStart(5)} s] ${message}\n`);
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const kib = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Builds the portal the way `pnpm start` does (turbo: a cache hit when nothing changed), once. */
function buildPortal(): { millis: number; built: boolean } {
  const skip = process.env.BENCH_PORTAL_BUILD === '0' || process.argv.includes('--no-build');
  const started = performance.now();
  if (!skip) {
    log('building the portal (turbo run build --filter=@reseller-hub/portal; cached when unchanged)…');
    const result = spawnSync('pnpm', ['exec', 'turbo', 'run', 'build', '--filter=@reseller-hub/portal', '--output-logs=errors-only'], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    if (result.status !== 0) {
      throw new Error(`portal build failed (exit ${result.status}); fix it, or run with BENCH_PORTAL_BUILD=0 / --no-build against an existing packages/portal/dist:\n${result.stdout}\n${result.stderr}`);
    }
  }
  if (!existsSync(path.join(portalDist, 'index.html'))) {
    throw new Error(`no built portal in ${portalDist}: run \`pnpm --filter @reseller-hub/portal build\` (or drop BENCH_PORTAL_BUILD=0 / --no-build)`);
  }
  return { millis: performance.now() - started, built: !skip };
}

interface ApiServer {
  url: string;
  output(): string;
  /** The api process's peak resident memory so far (VmHWM), MB. */
  peakRssMb(): number;
  /** CPU time the api process has used so far (user + system), ms. */
  cpuMillis(): number;
  stop(): Promise<void>;
}

/** The real api (src/main.ts) in production mode, HTTP only, as a child process on a loopback port. */
async function startApi(databaseUrl: string, tenantSlug: string): Promise<ApiServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: url,
    DATABASE_URL: databaseUrl,
    SESSION_SECRET: randomBytes(32).toString('hex'),
    PAYOUT_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    // Required in production; nothing is sent: `--role api` runs no jobs (no email delivery).
    SMTP_URL: 'smtp://127.0.0.1:9',
    MAIL_FROM: 'bench@example.invalid',
    DEFAULT_TENANT_SLUG: tenantSlug,
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
  };
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['--max-old-space-size=384', '--enable-source-maps', '--import', './register.js', 'src/main.ts', '--role', 'api'], { cwd: apiRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`api exited (${child.exitCode}) while starting:\n${output}`);
    if (output.includes('Reseller Hub is running')) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`api did not start within 90 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (output.includes('/portal not built')) throw new Error(`the api did not find the built portal:\n${output}`);
  return {
    url,
    output: () => output,
    peakRssMb: () => {
      const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      return match ? Number(match[1]) / 1024 : NaN;
    },
    cpuMillis: () => {
      // /proc/<pid>/stat: fields 14 and 15 (utime, stime) in clock ticks (100 per second on Linux).
      const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(fields[11]) + Number(fields[12])) * 10;
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

async function graphqlFetch<T>(url: string, query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL error: ${JSON.stringify(body.errors ?? body)}`);
  return body.data;
}

/**
 * Runs in the page before any of its scripts: notes when the ready element is first in the DOM with
 * a box (`__benchReadyDom`) and when the next frame's callbacks run (`__benchReadyFrame`), in the page's
 * `performance.now()` (0 = navigation start). Page-side code is kept as strings: the api's
 * TypeScript program has no DOM types.
 */
const readyProbe = (selector: string, milestones: string[]) => `(() => {
  const selector = ${JSON.stringify(selector)};
  const milestones = ${JSON.stringify(milestones)};
  window.__benchMilestones = {};
  const check = () => {
    for (const milestone of milestones) {
      if (window.__benchMilestones[milestone] === undefined && document.querySelector(milestone)) window.__benchMilestones[milestone] = performance.now();
    }
    if (window.__benchReadyDom !== undefined) return;
    const element = document.querySelector(selector);
    if (!element) return;
    const box = element.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) return;
    if (getComputedStyle(element).visibility === 'hidden') return;
    window.__benchReadyDom = performance.now();
    requestAnimationFrame(() => { window.__benchReadyFrame = performance.now(); });
    observer.disconnect();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['style', 'class', 'hidden', 'data-testid'] });
})();`;

/** Read after the load: the probe's times, first contentful paint and the resource timings' body sizes. */
const READ_PROBE = `(() => {
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  const resources = performance.getEntriesByType('resource').map((entry) => ({ name: entry.name, encodedBodySize: entry.encodedBodySize }));
  return { dom: window.__benchReadyDom, frame: window.__benchReadyFrame, fcp: fcp ? fcp.startTime : null, resources, milestones: window.__benchMilestones };
})()`;

interface RequestRecord {
  id: string;
  url: string;
  type: string;
  method: string;
  postData?: string;
  startSec: number;
  responseSec?: number;
  endSec?: number;
  encodedBytes?: number;
  status?: number;
  contentEncoding?: string;
  failed?: string;
}

interface Sample {
  readyMillis: number;
  readyDomMillis: number;
  wallMillis: number;
  jsWireBytes: number;
  jsBodyBytes: number;
  jsFiles: { url: string; wireBytes: number; bodyBytes: number; contentEncoding: string | null }[];
  graphql: { operation: string; startMs: number; endMs: number; bytes: number }[];
  operations: { operationName?: string; query: string; variables?: unknown }[];
  timeline: { what: string; startMs: number; endMs: number; kib: number }[];
  fcpMillis: number | null;
  /** When each of MILESTONES was first in the DOM, ms after navigation start. */
  milestones: Record<string, number>;
  /** Main-thread CPU of the page's renderer until ready (CDP Performance metrics), and the api's CPU meanwhile, ms. */
  cpu: { task: number; script: number; layout: number; style: number; api: number };
  url: string;
  errors: string[];
}

/** One cold load: a new browser context (empty HTTP cache) with the session already stored. */
async function loadOnce(browser: Browser, api: ApiServer, token: string, tenantSlug: string, screenshot?: string): Promise<Sample> {
  const context = await browser.newContext({
    viewport: VIEWPORT,
    storageState: {
      cookies: [],
      origins: [{ origin: api.url, localStorage: [{ name: SESSION_KEY, value: JSON.stringify({ token }) }, { name: TENANT_KEY, value: tenantSlug }] }],
    },
  });
  try {
    await context.addInitScript({ content: readyProbe(READY_SELECTOR, MILESTONES) });
    const page: Page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
    const cdp: CDPSession = await context.newCDPSession(page);
    const requests = new Map<string, RequestRecord>();
    cdp.on('Network.requestWillBeSent', (event) => {
      requests.set(event.requestId, { id: event.requestId, url: event.request.url, type: event.type ?? 'Other', method: event.request.method, postData: event.request.postData, startSec: event.timestamp });
    });
    cdp.on('Network.responseReceived', (event) => {
      const record = requests.get(event.requestId);
      if (!record) return;
      record.type = event.type;
      record.status = event.response.status;
      record.responseSec = event.timestamp;
      const headers = Object.fromEntries(Object.entries(event.response.headers).map(([key, value]) => [key.toLowerCase(), String(value)]));
      record.contentEncoding = headers['content-encoding'];
    });
    cdp.on('Network.loadingFinished', (event) => {
      const record = requests.get(event.requestId);
      if (!record) return;
      record.endSec = event.timestamp;
      record.encodedBytes = event.encodedDataLength;
    });
    cdp.on('Network.loadingFailed', (event) => {
      const record = requests.get(event.requestId);
      if (record) record.failed = event.errorText;
    });
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });

    const apiCpuBefore = api.cpuMillis();
    const started = performance.now();
    await page.goto(`${api.url}${ROUTE}`, { waitUntil: 'commit' });
    try {
      await page.waitForSelector(READY_SELECTOR, { state: 'visible', timeout: 30_000 });
      await page.waitForFunction('window.__benchReadyFrame !== undefined', undefined, { timeout: 5_000 });
    } catch (error) {
      await page.screenshot({ path: '/tmp/portal-load-failed.png', fullPage: true }).catch(() => undefined);
      throw new Error(`${READY_SELECTOR} not visible on ${page.url()} within 30 s (screenshot: /tmp/portal-load-failed.png; errors: ${errors.join(' | ') || 'none'}): ${(error as Error).message}`);
    }
    const wallMillis = performance.now() - started;
    const apiCpu = api.cpuMillis() - apiCpuBefore;
    const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((metric) => [metric.name, metric.value]));
    const cpuMs = (name: string) => Math.round((metrics[name] ?? NaN) * 1000);
    const probe = (await page.evaluate(READ_PROBE)) as { dom: number; frame: number; fcp: number | null; resources: { name: string; encodedBodySize: number }[]; milestones: Record<string, number> };
    // Let requests the page started still finish (their loadingFinished) before reading them.
    for (const deadline = Date.now() + 5_000; Date.now() < deadline; ) {
      if ([...requests.values()].every((record) => record.endSec !== undefined || record.failed || record.url.startsWith('data:'))) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });

    const all = [...requests.values()];
    const documentRequest = all.find((record) => record.type === 'Document') ?? all[0]!;
    const t0 = documentRequest.startSec;
    const ms = (sec: number | undefined) => (sec === undefined ? NaN : Math.round((sec - t0) * 1000));
    const bodyOf = (url: string) => probe.resources.find((entry) => entry.name === url)?.encodedBodySize ?? 0;
    const isScript = (record: RequestRecord) => record.type === 'Script' || /\.m?js(\?|$)/.test(new URL(record.url).pathname);
    const scripts = all.filter((record) => isScript(record) && !record.url.startsWith('data:'));
    const graphqlRecords = all.filter((record) => new URL(record.url).pathname === '/graphql' && record.method === 'POST');
    const operations = graphqlRecords.map((record) => JSON.parse(record.postData ?? '{}') as { operationName?: string; query: string; variables?: unknown });
    return {
      readyMillis: probe.frame,
      readyDomMillis: probe.dom,
      wallMillis,
      jsWireBytes: scripts.reduce((sum, record) => sum + (record.encodedBytes ?? 0), 0),
      jsBodyBytes: scripts.reduce((sum, record) => sum + bodyOf(record.url), 0),
      jsFiles: scripts.map((record) => ({ url: new URL(record.url).pathname, wireBytes: record.encodedBytes ?? 0, bodyBytes: bodyOf(record.url), contentEncoding: record.contentEncoding ?? null })),
      graphql: graphqlRecords.map((record, i) => ({ operation: operations[i]?.operationName ?? '?', startMs: ms(record.startSec), endMs: ms(record.endSec), bytes: record.encodedBytes ?? 0 })),
      operations,
      timeline: all
        .filter((record) => !record.url.startsWith('data:'))
        .map((record, i) => ({
          what: `${record.type} ${new URL(record.url).pathname}${record.url.endsWith('/graphql') ? ` ${operations[graphqlRecords.indexOf(record)]?.operationName ?? ''}` : ''}${record.failed ? ` FAILED ${record.failed}` : ''}`,
          startMs: ms(record.startSec),
          endMs: ms(record.endSec),
          kib: kib(record.encodedBytes ?? 0),
          i,
        }))
        .map(({ i: _i, ...rest }) => rest),
      fcpMillis: probe.fcp,
      milestones: Object.fromEntries(Object.entries(probe.milestones ?? {}).map(([key, value]) => [key, Math.round(value)])),
      cpu: { task: cpuMs('TaskDuration'), script: cpuMs('ScriptDuration'), layout: cpuMs('LayoutDuration'), style: cpuMs('RecalcStyleDuration'), api: apiCpu },
      url: page.url(),
      errors,
    };
  } finally {
    await context.close();
  }
}

/** The data's floor: the page's GraphQL operations by plain fetch from Node, all at once. */
async function replayOperations(api: ApiServer, token: string, operations: Sample['operations'], times: number): Promise<number[]> {
  const once = async () => {
    const started = performance.now();
    await Promise.all(
      operations.map(async (operation) => {
        const response = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(operation) });
        const body = (await response.json()) as { errors?: unknown[] };
        if (body.errors?.length) throw new Error(`replayed ${operation.operationName}: ${JSON.stringify(body.errors)}`);
      }),
    );
    return performance.now() - started;
  };
  await once(); // connection set-up and the server's first run of these operations
  const millis: number[] = [];
  for (let i = 0; i < times; i++) millis.push(await once());
  return millis;
}

/** Raw, gzip -6 (what `compression` middleware would send) and brotli -11 (precompressed) sizes of dist files. */
function compressedSizes(file: string) {
  const body = readFileSync(file);
  return {
    raw: body.length,
    gzip: gzipSync(body, { level: 6 }).length,
    brotli: brotliCompressSync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

export async function portalLoadBench(options: { quick?: boolean } = {}): Promise<BenchResult> {
  const size = sizeFromEnv(options.quick ?? false);
  const customers = totalCustomersFor(size);
  setLogLevel('warn');
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  if (ROUTE === DASHBOARD_ROUTE && !existsSync(path.join(repoRoot, 'packages/portal/src/routes/DashboardPage.tsx'))) {
    log(`warning: packages/portal/src/routes/DashboardPage.tsx does not exist yet; ${ROUTE} will not render ${READY_SELECTOR}`);
  }
  const build = buildPortal();
  log(`portal ready in ${(build.millis / 1000).toFixed(1)} s${build.built ? '' : ' (not rebuilt: BENCH_PORTAL_BUILD=0)'}`);

  const server = await benchServer(process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || undefined);
  const databaseUrl = withDatabase(server.url, `rh_bench_portal_${process.pid}_${Date.now()}`);
  let orm: MikroORM | undefined;
  let api: ApiServer | undefined;
  let browser: Browser | undefined;
  let starting: Promise<PromiseSettledResult<unknown>[]> | undefined;
  try {
    await ensureDatabase(databaseUrl);
    orm = await openOrm(databaseUrl);
    // The last complete month of the real clock: the api runs on the system clock, so "this month"
    // on the dashboard and the generated months line up.
    const endPeriod = previousPeriod(new Date().toISOString().slice(0, 7));
    const tenantSlug = `bench-portal-${size.seed}-${Date.now().toString(36)}`;
    // The api (its start-up compiles the sources) and Chromium start while the data is generated.
    starting = Promise.allSettled([
      startApi(databaseUrl, tenantSlug).then(
        (started) => (api = started),
        // Reported now, retried once when needed (another engineer's half-saved file, say).
        (error: Error) => log(`api did not start (retried once after the data is ready): ${error.message.split('\n').slice(0, 12).join('\n')}`),
      ),
      chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true }).then((launched) => (browser = launched)),
    ]);
    log(`generating ${size.resellers} resellers, ${customers} customers × ${size.months} months up to ${endPeriod} (seed ${size.seed})…`);
    const data = await generate(orm, { resellers: size.resellers, customers, months: size.months, seed: size.seed, endPeriod, tenantSlug });
    const knex = orm.em.getConnection().getKnex();
    const top = (
      (await knex.raw(
        `select r.id, r.code, count(*)::int as customers from customer c join reseller r on r.id = c.reseller_id
          where c.tenant_id = ? group by r.id, r.code order by count(*) desc, r.code limit 1`,
        [data.tenantId],
      )) as { rows: { id: string; code: string; customers: number }[] }
    ).rows[0]!;
    log(`generated in ${(data.millis / 1000).toFixed(1)} s; ${top.code} has ${top.customers} customers`);

    // Figures the dashboard may show: the last month's commission run, partner and customer health.
    const derivedStarted = performance.now();
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' });
    const app = createAppServices(config, orm, systemClock, { session: randomBytes(32).toString('hex'), payoutKey: randomBytes(32) });
    const derived: Record<string, string> = {};
    const run = async (name: string, work: () => Promise<unknown>) => {
      try {
        await work();
        derived[name] = 'ok';
      } catch (error) {
        derived[name] = `failed: ${(error as Error).message}`;
        log(`warning: ${name} ${derived[name]}`);
      }
    };
    // Oldest first, as the monthly schedule would have run them: the dashboard's history chart.
    for (const period of data.periods) await run(`commissionRun ${period}`, () => runCommissions(contextFor(app, data.finance), period));
    await run('partnerHealth', () => recomputePartnerHealth(contextFor(app, data.finance)));
    await run('customerHealth', () => recomputeCustomerHealth(contextFor(app, data.finance), top.id));
    await knex.raw('analyze');
    log(`commission run, health recomputes and analyze in ${((performance.now() - derivedStarted) / 1000).toFixed(1)} s`);

    const email = `owner@${top.code.toLowerCase()}.bench.example`;
    const password = randomBytes(12).toString('hex');
    await createStaffUser(orm.em, { id: data.tenantId } as Tenant, { email, name: 'Bench Partner Owner', role: Role.RESELLER_OWNER, password, resellerId: top.id });

    for (const outcome of await starting) if (outcome.status === 'rejected') throw outcome.reason;
    api ??= await startApi(databaseUrl, tenantSlug);
    if (!browser) throw new Error('browser missing');
    log(`api (production, --role api) on ${api.url}`);
    const login = await graphqlFetch<{ login: { token: string } }>(api.url, `mutation BenchLogin($input: LoginInput!) { login(input: $input) { token } }`, { input: { tenantSlug: data.tenantSlug, email, password } });
    const token = login.login.token;

    log(`browser: Chromium ${browser.version()}; ${ROUTE} until ${READY_SELECTOR}`);
    const warmUp = await loadOnce(browser, api, token, data.tenantSlug);
    log(`warm-up load: ${warmUp.readyMillis.toFixed(0)} ms, JS ${kib(warmUp.jsWireBytes)} KiB, ${warmUp.graphql.length} GraphQL requests (${warmUp.operations.map((o) => o.operationName).join(', ')})`);
    if (!warmUp.url.includes(ROUTE)) throw new Error(`the load ended on ${warmUp.url}, not ${ROUTE} (signed out?)`);
    const screenshot = process.env.BENCH_PORTAL_SCREENSHOT || '/tmp/portal-load.png';
    const samples: Sample[] = [];
    for (let i = 0; i < size.samples; i++) {
      const sample = await loadOnce(browser, api, token, data.tenantSlug, i === size.samples - 1 ? screenshot : undefined);
      samples.push(sample);
      log(`sample ${i + 1}/${size.samples}: data on screen ${sample.readyMillis.toFixed(0)} ms (DOM ${sample.readyDomMillis.toFixed(0)} ms, FCP ${sample.fcpMillis?.toFixed(0) ?? '?'} ms; CPU: page main thread ${sample.cpu.task} ms (script ${sample.cpu.script}, layout ${sample.cpu.layout}, style ${sample.cpu.style}), api ${sample.cpu.api} ms), JS ${kib(sample.jsWireBytes)} KiB on the wire${sample.errors.length ? `, errors: ${sample.errors.join(' | ')}` : ''}`);
    }

    const replays = await replayOperations(api, token, warmUp.operations, Math.max(5, size.samples));
    const referenceMillis = median(replays);
    log(`reference: the page's ${warmUp.operations.length} GraphQL operations by fetch, all at once: median ${referenceMillis.toFixed(0)} ms (${replays.map((m) => m.toFixed(0)).join(', ')})`);

    // The JS of the load as files of the build: what compression would make of it.
    const last = samples.at(-1)!;
    const files = last.jsFiles.map((file) => {
      const local = path.join(portalDist, file.url.replace(/^\/portal\//, ''));
      return { ...file, ...(existsSync(local) ? compressedSizes(local) : { raw: file.bodyBytes, gzip: NaN, brotli: NaN }) };
    });
    const sum = (key: 'raw' | 'gzip' | 'brotli') => files.reduce((total, file) => total + file[key], 0);
    const encodings = [...new Set(last.jsFiles.map((file) => file.contentEncoding ?? 'none'))];
    const compressed = encodings.every((encoding) => encoding === 'gzip' || encoding === 'br');
    const allJs = readdirSync(path.join(portalDist, 'assets')).filter((name) => name.endsWith('.js'));

    const readyTimes = samples.map((sample) => sample.readyMillis);
    const jsBytes = samples.map((sample) => sample.jsWireBytes);
    const oursMillis = median(readyTimes);
    const worstMillis = Math.max(...readyTimes);
    const jsMedianKib = kib(median(jsBytes));
    const jsWorstKib = kib(Math.max(...jsBytes));
    const enoughCustomers = top.customers >= size.resellerCustomers;
    const clean = samples.every((sample) => sample.errors.length === 0 && sample.url.includes(ROUTE));
    // Judged on the larger of what went over the wire (brotli when the browser accepts it) and the
    // gzip size of the same files, so the target holds for a gzip-only client too.
    const jsJudgedKib = Math.max(jsWorstKib, kib(sum('gzip')));
    const passed = enoughCustomers && clean && jsJudgedKib <= TARGET_JS_KIB && oursMillis <= TARGET_MILLIS;
    log(`JS: ${jsMedianKib} KiB on the wire (content-encoding: ${encodings.join(', ')}); gzip -6 would be ${kib(sum('gzip'))} KiB, brotli -11 ${kib(sum('brotli'))} KiB, raw ${kib(sum('raw'))} KiB`);
    log(`data on screen: median ${oursMillis.toFixed(0)} ms, worst ${worstMillis.toFixed(0)} ms`);
    log(`milestones (last sample): ${Object.entries(last.milestones).map(([key, value]) => `${key} ${value} ms`).join(', ')}; FCP ${last.fcpMillis?.toFixed(0)} ms; ready ${last.readyMillis.toFixed(0)} ms`);
    for (const entry of last.timeline) log(`  ${String(entry.startMs).padStart(5)}–${String(entry.endMs).padEnd(5)} ms ${String(entry.kib).padStart(7)} KiB  ${entry.what}`);

    const apiPeakRssMb = api.peakRssMb();
    return {
      name: 'portal-load',
      size: { ...size, route: ROUTE, readySelector: READY_SELECTOR, reseller: top.code, resellerCustomers: top.customers, tenantCustomers: customers, periods: [data.periods[0], endPeriod] },
      oursMillis,
      referenceMillis,
      ratio: oursMillis / referenceMillis,
      // The api process's peak RSS (it served the build and answered every load), not this process's.
      peakRssMb: apiPeakRssMb,
      // Not counted: the SQL runs in the api process (its GraphQL timings are in details).
      sqlStatements: null,
      display: {
        ours: `${oursMillis.toFixed(0)} ms, JS ${jsWorstKib} KiB (gzip ${kib(sum('gzip'))} KiB)`,
        reference: `${referenceMillis.toFixed(0)} ms (data)`,
        targets: `≤ ${TARGET_MILLIS} ms, JS ≤ ${TARGET_JS_KIB} KiB`,
      },
      // For the table only: the ratio the 1.5 s target allows over this reference; pass/fail uses KiB and ms.
      targets: { ratio: Math.round((TARGET_MILLIS / referenceMillis) * 100) / 100, peakRssMb: 512 },
      passed,
      details: {
        targets: { jsKib: TARGET_JS_KIB, readyMillis: TARGET_MILLIS, kib: '1 KiB = 1024 B' },
        readyMillis: { median: Math.round(oursMillis), worst: Math.round(worstMillis), samples: readyTimes.map(Math.round), domSamples: samples.map((s) => Math.round(s.readyDomMillis)), fcp: samples.map((s) => (s.fcpMillis === null ? null : Math.round(s.fcpMillis))), warmUp: Math.round(warmUp.readyMillis), playwrightWall: samples.map((s) => Math.round(s.wallMillis)) },
        js: {
          wireKib: { median: jsMedianKib, worst: jsWorstKib, note: 'CDP encodedDataLength of script responses: body as sent + HTTP headers' },
          bodyKib: kib(median(samples.map((s) => s.jsBodyBytes))),
          contentEncoding: encodings,
          serverCompresses: compressed,
          ifCompressedKib: { gzip6: kib(sum('gzip')), brotli11: kib(sum('brotli')), raw: kib(sum('raw')) },
          files: files.map((file) => ({ url: file.url, wireKib: kib(file.wireBytes), rawKib: kib(file.raw), gzipKib: kib(file.gzip), brotliKib: kib(file.brotli), contentEncoding: file.contentEncoding })),
          buildJsFiles: allJs.length,
          buildJsRawKib: kib(allJs.reduce((total, name) => total + readFileSync(path.join(portalDist, 'assets', name)).length, 0)),
        },
        reference: { what: "the page's GraphQL operations, replayed by fetch from Node at once (the data's floor)", operations: warmUp.operations.map((o) => o.operationName), millis: replays.map(Math.round) },
        cpuMillis: {
          note: 'CPU, not wall time: less sensitive to other load on the machine. page = renderer main thread (CDP Performance TaskDuration), api = the api process (utime+stime) during the load',
          pageMainThread: median(samples.map((s) => s.cpu.task)),
          pageScript: median(samples.map((s) => s.cpu.script)),
          pageLayoutAndStyle: median(samples.map((s) => s.cpu.layout + s.cpu.style)),
          api: median(samples.map((s) => s.cpu.api)),
          samples: samples.map((s) => s.cpu),
        },
        milestones: samples.map((s) => s.milestones),
        graphqlInPage: last.graphql,
        timeline: last.timeline,
        checks: { enoughCustomers, clean, errors: samples.flatMap((s) => s.errors) },
        derived,
        screenshot,
        chromium: browser.version(),
        // Other work on the machine skews browser timings (2 cores: browser, api and PostgreSQL share them).
        loadAverage: os.loadavg().map((load) => Math.round(load * 100) / 100),
        cpus: os.cpus().length,
        buildMillis: Math.round(build.millis),
        generateMillis: Math.round(data.millis),
      },
    };
  } finally {
    await starting;
    await browser?.close().catch(() => undefined);
    if (api) {
      await api.stop();
      const output = api.output();
      if (/error/i.test(output)) log(`api output:\n${output.slice(-3000)}`);
    }
    await orm?.close();
    await dropDatabase(databaseUrl).catch(() => undefined);
    await server.stop();
  }
}

runWhenMain(import.meta.url, () => portalLoadBench({ quick: process.argv.includes('--quick') }));
