import { inject } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import { randomBytes } from 'node:crypto';
import { createAppServices, type AppServices } from '../src/app/context.js';
import { createHttpApp } from '../src/app/server.js';
import { Role } from '../src/auth/roles.js';
import { loadConfig } from '../src/config/config.js';
import { openOrm } from '../src/db/orm.js';
import type { Tenant } from '../src/modules/tenants/tenant.entity.js';
import { createStaffUser, createTenant } from '../src/seeders/factories.js';
import type { Clock } from '../src/shared/clock.js';
import { setLogLevel } from '../src/shared/logger.js';

/** A clock the test moves by hand. */
export class TestClock implements Clock {
  constructor(public current = new Date()) {}
  now() {
    return new Date(this.current);
  }
  advanceDays(days: number) {
    this.current = new Date(this.current.getTime() + days * 86_400_000);
  }
}

export interface GqlResult<T = any> {
  status: number;
  data: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; fieldErrors?: Record<string, string>; [key: string]: unknown } }[];
}

export interface TestApi {
  url: string;
  services: AppServices;
  orm: MikroORM;
  clock: TestClock;
  gql<T = any>(query: string, variables?: Record<string, unknown>, options?: { token?: string; ip?: string }): Promise<GqlResult<T>>;
  close(): Promise<void>;
}

/** The /graphql budgets of startTestApi (per IP, session and API key, per minute). */
export const TEST_GRAPHQL_RATE_LIMIT = 1_000_000;
export const TEST_RATE_LIMIT_ENV = {
  GRAPHQL_RATE_LIMIT_PER_IP: String(TEST_GRAPHQL_RATE_LIMIT),
  GRAPHQL_RATE_LIMIT_PER_SESSION: String(TEST_GRAPHQL_RATE_LIMIT),
  GRAPHQL_RATE_LIMIT_PER_API_KEY: String(TEST_GRAPHQL_RATE_LIMIT),
};

/** The real HTTP server (express + Apollo) on a random port, on the run's test database. */
export async function startTestApi(env: Record<string, string> = {}): Promise<TestApi> {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: inject('databaseUrl'),
    PUBLIC_URL: 'http://hub.test',
    APPLICATION_RATE_LIMIT_PER_HOUR: '1000',
    LOGIN_RATE_LIMIT_PER_15_MIN: '1000',
    // Every test request comes from 203.0.113.1 unless it says otherwise, and a test file sends
    // thousands: far above the production budgets (rate-limit.int.test.ts sets its own).
    ...TEST_RATE_LIMIT_ENV,
    PORTAL_DIST: '/nonexistent',
    ADMIN_DIST: '/nonexistent',
    LOG_LEVEL: 'error',
    // Test files share one database: each API gets its own Agenda table, so no test's worker runs another's jobs.
    JOBS_TABLE: `agenda_test_${randomBytes(4).toString('hex')}`,
    ...env,
  });
  setLogLevel(config.logLevel);
  const orm = await openOrm(config.databaseUrl!, { migrate: false });
  const clock = new TestClock();
  // A PAYOUT_ENCRYPTION_KEY given in env is used, so another process of the test (the CLI) can read the payout details it stores.
  const services = createAppServices(config, orm, clock, { session: randomBytes(32).toString('hex'), payoutKey: config.payoutEncryptionKey ?? randomBytes(32) });
  const http = await createHttpApp(services);
  const port = await http.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    services,
    orm,
    clock,
    async gql(query, variables = {}, options = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      // The server believes X-Forwarded-For from loopback, so a test can play many clients.
      headers['x-forwarded-for'] = options.ip ?? '203.0.113.1';
      const response = await fetch(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
      const body = (await response.json()) as { data?: unknown; errors?: GqlResult['errors'] };
      return { status: response.status, data: body.data as never, errors: body.errors };
    },
    async close() {
      await http.close();
      await services.scheduler.stop();
      await orm.close();
    },
  };
}

export const STAFF_PASSWORD = 'staff-password-123';

export interface TestTenant {
  tenant: Tenant;
  slug: string;
  tokens: { admin: string; finance: string; partnerManager: string };
}

let tenantCounter = 0;

/** A fresh tenant with one signed-in user per staff role. */
export async function createTestTenant(api: TestApi, label = 'isp'): Promise<TestTenant> {
  const slug = `${label}-${process.pid}-${Date.now().toString(36)}-${tenantCounter++}`;
  const tenant = await createTenant(api.orm.em, { slug, name: `${label.toUpperCase()} Networks` });
  const roles = { admin: Role.ADMIN, finance: Role.FINANCE, partnerManager: Role.PARTNER_MANAGER } as const;
  const tokens = {} as TestTenant['tokens'];
  for (const [key, role] of Object.entries(roles) as [keyof typeof roles, Role][]) {
    const email = `${key}@${slug}.example`;
    await createStaffUser(api.orm.em, tenant, { email, name: `${key} user`, role, password: STAFF_PASSWORD });
    tokens[key] = await login(api, slug, email, STAFF_PASSWORD);
  }
  return { tenant, slug, tokens };
}

export async function login(api: TestApi, tenantSlug: string, email: string, password: string): Promise<string> {
  const result = await api.gql(`mutation($input: LoginInput!) { login(input: $input) { token } }`, { input: { tenantSlug, email, password } });
  if (!result.data?.login) throw new Error(`login failed: ${JSON.stringify(result.errors)}`);
  return result.data.login.token;
}

export function applicationInput(tenantSlug: string, overrides: Record<string, unknown> = {}) {
  const n = Math.random().toString(36).slice(2, 8);
  return {
    tenantSlug,
    companyName: `Acme Resale ${n}`,
    legalName: `Acme Resale ${n} LLC`,
    contactName: 'Jordan Smith',
    contactEmail: `jordan.${n}@acme.example`,
    phone: '+1 (555) 010-2233',
    website: 'https://acme.example',
    businessType: 'LLC',
    yearsInBusiness: 4,
    territory: ['Springfield', '62701'],
    expectedCustomersPerMonth: 12,
    currentCustomerBase: 250,
    servicesOfInterest: ['RESIDENTIAL_BROADBAND', 'FIBER'],
    referralSource: 'REFERRAL',
    message: 'We sell to small offices.',
    acceptTerms: true,
    ...overrides,
  };
}

export const SUBMIT = `mutation Submit($input: SubmitResellerApplicationInput!) {
  submitResellerApplication(input: $input) { statusToken statusUrl application { status companyName contactEmail canWithdraw } }
}`;

/** Submits an application and returns its id (looked up as the tenant's admin) and status token. */
export async function submitApplication(api: TestApi, tt: TestTenant, overrides: Record<string, unknown> = {}) {
  const input = applicationInput(tt.slug, overrides);
  const result = await api.gql(SUBMIT, { input }, { ip: `198.51.100.${Math.floor(Math.random() * 250)}` });
  if (!result.data?.submitResellerApplication) throw new Error(`submit failed: ${JSON.stringify(result.errors)}`);
  const list = await api.gql(`query($s: String) { resellerApplications(filter: { search: $s }) { nodes { id contactEmail } } }`, { s: input.contactEmail }, { token: tt.tokens.admin });
  const id = list.data.resellerApplications.nodes[0].id as string;
  return { id, input, statusToken: result.data.submitResellerApplication.statusToken as string };
}

export const APPROVE = `mutation Approve($input: ApproveResellerApplicationInput!) {
  approveResellerApplication(input: $input) { alreadyApproved reseller { id code status tier } application { id status } }
}`;

export function errorCode(result: GqlResult): string | undefined {
  return result.errors?.[0]?.extensions?.code;
}
