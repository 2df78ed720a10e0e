/**
 * /graphql request budgets (app/rate-limit.ts) with real requests: per client IP (X-Forwarded-For
 * from loopback, as a proxy on the same machine sends it), per session token and per API key.
 * Over budget: HTTP 429, Retry-After, a GraphQL error RATE_LIMITED — and other clients go on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/config.js';
import { applicationInput, createTestTenant, STAFF_PASSWORD, startTestApi, SUBMIT, TEST_GRAPHQL_RATE_LIMIT, type TestApi, type TestTenant } from './helpers.js';

interface Answer {
  status: number;
  retryAfter: string | null;
  body: { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function post(api: TestApi, query: string, options: { ip: string; token?: string; variables?: Record<string, unknown> }): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-forwarded-for': options.ip };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const response = await fetch(`${api.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables: options.variables ?? {} }) });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as Answer['body'] };
}

const PUBLIC = '{ publicTenant { slug } }';
const ME = '{ me { kind role } }';

/** Refused before GraphQL runs (the request budgets): no `data` at all. */
function expectRateLimited(answer: Answer, windowSeconds: number) {
  expect(answer.body.data).toBeUndefined();
  expectRefusedForNow(answer, windowSeconds);
}

/** 429, one RATE_LIMITED error, and a Retry-After within the window that the error repeats. */
function expectRefusedForNow(answer: Answer, windowSeconds: number) {
  expect(answer.status).toBe(429);
  expect(answer.body.errors).toHaveLength(1);
  expect(answer.body.errors![0]!.extensions!.code).toBe('RATE_LIMITED');
  const retryAfter = Number(answer.retryAfter);
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
  expect(answer.body.errors![0]!.extensions!.retryAfterSeconds).toBe(retryAfter);
}

function expectServed(answer: Answer) {
  expect(answer.status).toBe(200);
  expect(answer.body.errors).toBeUndefined();
}

describe('/graphql rate limits', () => {
  const PER_IP = 8;
  const PER_SESSION = 4;
  const PER_API_KEY = 5;
  let api: TestApi;
  let tt: TestTenant;
  let ipCounter = 0;
  /** A client address no other test has used, so each test starts with a full budget. */
  const freshIp = () => `198.18.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

  beforeAll(async () => {
    api = await startTestApi({
      GRAPHQL_RATE_LIMIT_WINDOW_SECONDS: '60',
      GRAPHQL_RATE_LIMIT_PER_IP: String(PER_IP),
      GRAPHQL_RATE_LIMIT_PER_SESSION: String(PER_SESSION),
      GRAPHQL_RATE_LIMIT_PER_API_KEY: String(PER_API_KEY),
    });
    // Signs in its staff from 203.0.113.1; the tests below use addresses of their own.
    tt = await createTestTenant(api, 'ratelimit');
  });
  afterAll(async () => api?.close());

  async function newSession(): Promise<string> {
    const answer = await post(api, 'mutation($input: LoginInput!) { login(input: $input) { token } }', {
      ip: freshIp(),
      variables: { input: { tenantSlug: tt.slug, email: `admin@${tt.slug}.example`, password: STAFF_PASSWORD } },
    });
    expectServed(answer);
    return answer.body.data.login.token as string;
  }

  async function newApiKey(): Promise<string> {
    const answer = await post(api, 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }', {
      ip: freshIp(),
      token: await newSession(),
      variables: { input: { name: `rate ${ipCounter}`, role: 'FINANCE' } },
    });
    expectServed(answer);
    return answer.body.data.createApiKey.secret as string;
  }

  it('refuses a client IP over its budget with 429, Retry-After and RATE_LIMITED; other IPs go on', async () => {
    const ip = freshIp();
    for (let n = 0; n < PER_IP; n++) expectServed(await post(api, PUBLIC, { ip }));
    const refused = await post(api, PUBLIC, { ip });
    expectRateLimited(refused, 60);
    expect(refused.body.errors![0]!.message).toMatch(/Too many requests/);
    // Whatever the request is (a login included), and however many more it sends.
    expectRateLimited(await post(api, ME, { ip, token: tt.tokens.admin }), 60);
    expectRateLimited(await post(api, PUBLIC, { ip }), 60);
    // Another address is not affected.
    expectServed(await post(api, PUBLIC, { ip: freshIp() }));
  });

  it('counts a session across the IPs it comes from; other sessions go on', async () => {
    const session = await newSession();
    for (let n = 0; n < PER_SESSION; n++) {
      const answer = await post(api, ME, { ip: freshIp(), token: session });
      expectServed(answer);
      expect(answer.body.data.me.kind).toBe('USER');
    }
    const refused = await post(api, ME, { ip: freshIp(), token: session });
    expectRateLimited(refused, 60);
    // The same user with another session, and anonymous requests from the same new address.
    const ip = freshIp();
    expectServed(await post(api, ME, { ip, token: await newSession() }));
    expectServed(await post(api, PUBLIC, { ip }));
  });

  it('counts an API key across the IPs it comes from; other keys go on', async () => {
    const key = await newApiKey();
    const other = await newApiKey();
    for (let n = 0; n < PER_API_KEY; n++) {
      const answer = await post(api, ME, { ip: freshIp(), token: key });
      expectServed(answer);
      expect(answer.body.data.me).toEqual({ kind: 'API_KEY', role: 'FINANCE' });
    }
    expectRateLimited(await post(api, ME, { ip: freshIp(), token: key }), 60);
    expectServed(await post(api, ME, { ip: freshIp(), token: other }));
  });

  it('counts a key by what is presented: garbage credentials are refused by the limit before they are looked up', async () => {
    const garbage = `rhk_${'x'.repeat(43)}`;
    for (let n = 0; n < PER_API_KEY; n++) {
      const answer = await post(api, ME, { ip: freshIp(), token: garbage });
      expect(answer.status).toBe(401);
      expect(answer.body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    }
    expectRateLimited(await post(api, ME, { ip: freshIp(), token: garbage }), 60);
  });

  it('an IP over its budget is refused even with a fresh credential', async () => {
    const ip = freshIp();
    for (let n = 0; n < PER_IP; n++) expectServed(await post(api, PUBLIC, { ip }));
    const key = await newApiKey();
    expectRateLimited(await post(api, ME, { ip, token: key }), 60);
    // That refusal did not spend the key's budget.
    for (let n = 0; n < PER_API_KEY; n++) expectServed(await post(api, ME, { ip: freshIp(), token: key }));
  });
});

describe('the sign-in and application budgets answer the same way', () => {
  let api: TestApi;
  let tt: TestTenant;
  beforeAll(async () => {
    api = await startTestApi({ LOGIN_RATE_LIMIT_PER_15_MIN: '3', APPLICATION_RATE_LIMIT_PER_HOUR: '2' });
    tt = await createTestTenant(api, 'ratelimit2');
  });
  afterAll(async () => api?.close());

  it('sign-ins over the budget of an IP: 429, Retry-After within the 15 minutes, RATE_LIMITED', async () => {
    const LOGIN = 'mutation($input: LoginInput!) { login(input: $input) { token } }';
    const attempt = (ip: string) => post(api, LOGIN, { ip, variables: { input: { tenantSlug: tt.slug, email: `admin@${tt.slug}.example`, password: 'wrong-password' } } });
    for (let n = 0; n < 3; n++) expect((await attempt('198.19.2.1')).body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const refused = await attempt('198.19.2.1');
    expectRefusedForNow(refused, 900);
    expect(refused.body.data).toBeNull(); // refused by the resolver
    expect(refused.body.errors![0]!.message).toMatch(/Too many sign-in attempts/);
    expect((await attempt('198.19.2.2')).status).toBe(200); // another address: a plain wrong password
  });

  it('applications over the budget of an IP: 429, Retry-After within the hour, RATE_LIMITED, nothing stored', async () => {
    const submit = (ip: string) => post(api, SUBMIT, { ip, variables: { input: applicationInput(tt.slug) } });
    for (let n = 0; n < 2; n++) expectServed(await submit('198.19.3.1'));
    const refused = await submit('198.19.3.1');
    expectRefusedForNow(refused, 3600);
    expect(refused.body.data).toBeNull();
    const stored = await api.orm.em.getConnection().execute(`select count(*)::int as n from reseller_application where tenant_id = ?`, [tt.tenant.id]);
    expect(stored[0]!.n).toBe(2);
  });
});

describe('payment file downloads', () => {
  it('count against the same budgets as /graphql', async () => {
    const api = await startTestApi({ GRAPHQL_RATE_LIMIT_PER_IP: '3' });
    try {
      const download = () => fetch(`${api.url}/files/payment-batches/00000000-0000-4000-8000-000000000000/nacha`, { headers: { 'x-forwarded-for': '198.19.4.1' } });
      for (let n = 0; n < 3; n++) expect((await download()).status).toBe(401);
      const refused = await download();
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(((await refused.json()) as Answer['body']).errors![0]!.extensions!.code).toBe('RATE_LIMITED');
    } finally {
      await api.close();
    }
  });
});

describe('the budget resets after its window', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ GRAPHQL_RATE_LIMIT_WINDOW_SECONDS: '2', GRAPHQL_RATE_LIMIT_PER_IP: '3' });
  });
  afterAll(async () => api?.close());

  it('serves the client again once Retry-After has passed', async () => {
    const ip = '198.19.0.1';
    for (let n = 0; n < 3; n++) expectServed(await post(api, PUBLIC, { ip }));
    const refused = await post(api, PUBLIC, { ip });
    expectRateLimited(refused, 2);
    await new Promise((resolve) => setTimeout(resolve, Number(refused.retryAfter) * 1000 + 100));
    for (let n = 0; n < 3; n++) expectServed(await post(api, PUBLIC, { ip }));
    expectRateLimited(await post(api, PUBLIC, { ip }), 2);
  });
});

describe('TRUST_PROXY', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ TRUST_PROXY: 'false', GRAPHQL_RATE_LIMIT_PER_IP: '3' });
  });
  afterAll(async () => api?.close());

  it('false: X-Forwarded-For is not believed, so every client on this host shares one address', async () => {
    for (let n = 0; n < 3; n++) expectServed(await post(api, PUBLIC, { ip: `198.19.1.${n}` }));
    expectRateLimited(await post(api, PUBLIC, { ip: '198.19.1.99' }), 60);
  });
});

describe('budgets', () => {
  it('production defaults: 1200 requests a minute per IP and per API key, 300 per session', () => {
    const config = loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32), PAYOUT_ENCRYPTION_KEY: Buffer.alloc(32).toString('base64'), SMTP_URL: 'smtp://127.0.0.1:25' });
    expect(config.rateLimits.graphql).toEqual({ windowSeconds: 60, perIp: 1200, perSession: 300, perApiKey: 1200 });
    expect(config.trustProxy).toBe('loopback');
  });

  it("startTestApi's budgets are far above what a test file sends from its one default address", async () => {
    const api = await startTestApi();
    try {
      expect(api.services.config.rateLimits.graphql).toMatchObject({ perIp: TEST_GRAPHQL_RATE_LIMIT, perSession: TEST_GRAPHQL_RATE_LIMIT, perApiKey: TEST_GRAPHQL_RATE_LIMIT });
      // More than the production per-IP budget, from the helper's default address, all served.
      const answers = [];
      for (let batch = 0; batch < 13; batch++) answers.push(...(await Promise.all(Array.from({ length: 100 }, () => api.gql(PUBLIC)))));
      expect(answers).toHaveLength(1300);
      expect(answers.filter((answer) => answer.status !== 200 || answer.errors)).toEqual([]);
    } finally {
      await api.close();
    }
  });

  it('TRUST_PROXY takes a hop count, booleans and address lists', () => {
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, loopback' }).trustProxy).toBe('10.0.0.0/8, loopback');
  });
});
