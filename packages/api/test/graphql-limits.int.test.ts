/**
 * What /graphql accepts and what it sends back around the answer: the cost and directive limits
 * (depth, aliases, tokens and batching are in http.int.test.ts), every query and mutation the two
 * SPAs send passing all limits, introspection / IDE / field suggestions by mode, security headers
 * (helmet) on the SPAs and on /graphql, CORS, and oversized or deeply nested variables refused
 * with a typed error.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, specifiedRules, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spaOperations } from '../bench/spa-operations.js';
import { createSchema } from '../src/app/schema.js';
import { operationCost } from '../src/app/query-cost.js';
import { GRAPHQL_LIMITS, graphqlArmor } from '../src/app/server.js';
import { MAX_PAGE_SIZE } from '../src/shared/pagination.js';
import { createTestTenant, startTestApi, type TestApi, type TestTenant } from './helpers.js';

const PRODUCTION = {
  NODE_ENV: 'production',
  SESSION_SECRET: 'production-session-secret-of-at-least-32-characters',
  PAYOUT_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
  SMTP_URL: 'smtp://127.0.0.1:9',
};

async function postRaw(api: TestApi, body: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9', ...headers }, body });
  const text = await response.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json, headers: response.headers };
}

const INTROSPECTION = '{ __schema { queryType { name } types { name } } }';

let api: TestApi;
let tt: TestTenant;
beforeAll(async () => {
  api = await startTestApi();
  tt = await createTestTenant(api, 'limits');
});
afterAll(async () => api?.close());

describe('cost and directives', () => {
  it('refuses an operation over the cost limit before running it', async () => {
    // A page of 100 customers with every history they have costs 14,600; two such pages are over.
    const page = (alias: string, first: number) => `${alias}: customers(first: ${first}) { totalCount nodes {
      id externalId name email servicePlan signupDate stage healthScore usagePercent daysInStage
      mrr { amount currency }
      interactions { id type occurredOn durationMinutes outcome satisfaction followUpOn notes loggedBy }
      tasks { id type title status dueDate completedAt completedBy note }
      transitions { id fromStage toStage at reason actor }
      timeInStages { stage days visits }
    } }`;
    const query = `{ ${page('first', 100)} ${page('second', 100)} }`;
    const result = await api.gql(query, {}, { token: tt.tokens.admin });
    expect(result.status).toBe(400);
    expect(result.data).toBeUndefined();
    expect(result.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors![0]!.message).toMatch(/Cost limit of 20000 exceeded, found \d+/);
    const found = Number(/found (\d+)/.exec(result.errors![0]!.message)![1]);
    expect(found).toBeGreaterThan(GRAPHQL_LIMITS.maxCost);
    // One such page is under it and runs.
    const one = await api.gql(`{ ${page('first', 100)} }`, {}, { token: tt.tokens.admin });
    expect(one.errors).toBeUndefined();
    expect(one.data.first.totalCount).toBe(0);

    // The same two pages with their size in a variable are refused as well, with the same cost;
    // at ten rows a page they are under the limit and run.
    const withVariable = `query($n: Int) { ${page('first', 0).replace('first: 0', 'first: $n')} ${page('second', 0).replace('first: 0', 'first: $n')} }`;
    const variableRefused = await api.gql(withVariable, { n: 100 }, { token: tt.tokens.admin });
    expect(variableRefused.status).toBe(400);
    expect(variableRefused.data).toBeUndefined();
    expect(variableRefused.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(variableRefused.errors![0]!.message).toBe(`Query Cost limit of 20000 exceeded, found ${found}.`);
    const variableAccepted = await api.gql(withVariable, { n: 10 }, { token: tt.tokens.admin });
    expect(variableAccepted.errors).toBeUndefined();
    expect(variableAccepted.data.second.totalCount).toBe(0);

    // A page without `first` is costed at the default size (20): fifteen of them are over.
    const bare = `{ ${Array.from({ length: GRAPHQL_LIMITS.maxAliases }, (_, i) => page(`p${i}`, 0).replace('(first: 0)', '')).join(' ')} }`;
    const bareRefused = await api.gql(bare, {}, { token: tt.tokens.admin });
    expect(bareRefused.status).toBe(400);
    expect(bareRefused.errors![0]!.message).toMatch(/Cost limit of 20000 exceeded/);
  });

  it('costs a page by the size it will have: literal, variable or the default', async () => {
    const schema = await createSchema();
    const doc = (args: string, variables = '') => parse(`query${variables} { customers${args} { nodes { id name mrr { amount } } } }`);
    const literal100 = operationCost(schema, doc('(first: 100)'), {});
    const literal20 = operationCost(schema, doc('(first: 20)'), {});
    expect(literal100).toBeGreaterThan(literal20);
    expect(operationCost(schema, doc('(first: $n)', '($n: Int)'), { n: 100 })).toBe(literal100);
    expect(operationCost(schema, doc('', ''), {})).toBe(literal20);
    // A variable left out or null runs the default page.
    expect(operationCost(schema, doc('(first: $n)', '($n: Int)'), {})).toBe(literal20);
    expect(operationCost(schema, doc('(first: $n)', '($n: Int)'), { n: null })).toBe(literal20);
    // Fields without paging are costed as they are, in fragments too.
    const fragment = parse(`query($n: Int) { ...Page } fragment Page on Query { customers(first: $n) { nodes { id } } }`);
    expect(operationCost(schema, fragment, { n: 50 })).toBe(operationCost(schema, parse('query { ...Page } fragment Page on Query { customers(first: 50) { nodes { id } } }'), {}));
  });

  it('refuses more than 20 directives, accepts 20', async () => {
    const withDirectives = (n: number) => `{ publicTenant { ${Array.from({ length: n }, () => 'slug @include(if: true)').join(' ')} } }`;
    const accepted = await api.gql(withDirectives(GRAPHQL_LIMITS.maxDirectives));
    expect(accepted.errors).toBeUndefined();
    const refused = await api.gql(withDirectives(GRAPHQL_LIMITS.maxDirectives + 1));
    expect(refused.status).toBe(400);
    expect(refused.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(refused.errors![0]!.message).toMatch(/directives/i);
  });
});

describe("the SPAs' own documents", () => {
  it('every query and mutation the portal and the admin console send passes every limit, with room to spare', async () => {
    const schema = await createSchema();
    const costs: { app: string; name: string; cost: number }[] = [];
    const production = graphqlArmor({ env: 'production' });
    for (const app of ['portal', 'admin'] as const) {
      const operations = spaOperations(app);
      expect(operations.length).toBeGreaterThan(20);
      for (const operation of operations) {
        // Costed at the largest page a client may ask for, whatever page size the SPA sends.
        const largestPages = { first: MAX_PAGE_SIZE, last: MAX_PAGE_SIZE };
        costs.push({ app, name: operation.name, cost: operationCost(schema, operation.document, largestPages) });
        const errors = validate(schema, operation.document, [...specifiedRules, ...production.validationRules]);
        expect({ operation: `${app} ${operation.name}`, errors: errors.map((e) => e.message) }).toEqual({ operation: `${app} ${operation.name}`, errors: [] });
        // The document as the client sends it stays under the parser's token limit.
        expect(() => parse(operation.text, { maxTokens: GRAPHQL_LIMITS.maxTokens })).not.toThrow();
      }
    }
    costs.sort((a, b) => b.cost - a.cost);
    const heaviest = costs[0]!;
    // The heaviest (an admin page) is real work, and even with 100 rows a page under the limit:
    // no page size a SPA may send is refused.
    expect(heaviest.cost).toBeGreaterThan(100);
    expect(heaviest.cost).toBeLessThan(GRAPHQL_LIMITS.maxCost);
    console.log(`heaviest SPA operations by cost (limit ${GRAPHQL_LIMITS.maxCost}): ${costs.slice(0, 5).map((c) => `${c.app} ${c.name} ${c.cost}`).join(', ')}`);
  });
});

describe('introspection, the IDE and field suggestions by mode', () => {
  const getIde = (target: TestApi) => fetch(`${target.url}/graphql`, { headers: { accept: 'text/html' } });

  it('outside production (this test API): introspection, the IDE and suggestions are on', async () => {
    expect(api.services.config.env).toBe('test');
    const introspection = await api.gql(INTROSPECTION);
    expect(introspection.errors).toBeUndefined();
    expect(introspection.data.__schema.queryType.name).toBe('Query');
    const ide = await getIde(api);
    expect(ide.status).toBe(200);
    expect(ide.headers.get('content-type')).toMatch(/text\/html/);
    expect(await ide.text()).toMatch(/apollo/i);
    const typo = await api.gql('{ publicTenant { slugg } }');
    expect(typo.errors![0]!.message).toMatch(/Did you mean "slug"/);
    const variableTypo = await api.gql('mutation($i: LoginInput!) { login(input: $i) { token } }', { i: { emial: 'a@b.example', password: 'x' } });
    expect(variableTypo.errors!.map((e) => e.message)).toEqual([
      'Variable "$i" got an invalid value: Field "email" of required type "String!" was not provided.',
      'Variable "$i" got an invalid value: Field "emial" is not defined by type "LoginInput". Did you mean "email"?',
    ]);
  });

  describe('production defaults', () => {
    let production: TestApi;
    beforeAll(async () => {
      production = await startTestApi(PRODUCTION);
    });
    afterAll(async () => production?.close());

    it('refuse introspection, serve no IDE and hide field suggestions', async () => {
      expect(production.services.config).toMatchObject({ env: 'production', introspection: false, graphqlIde: false });
      const introspection = await production.gql(INTROSPECTION);
      expect(introspection.status).toBe(400);
      expect(introspection.data).toBeUndefined();
      expect(introspection.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(introspection.errors![0]!.message).toMatch(/introspection is not allowed/i);
      // A single type lookup is introspection too.
      expect((await production.gql('{ __type(name: "User") { fields { name } } }')).errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
      // __typename is not introspection: clients rely on it.
      expect((await production.gql('{ __typename publicTenant { slug } }')).data.__typename).toBe('Query');

      const ide = await getIde(production);
      expect(ide.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
      expect(await ide.text()).not.toMatch(/<html|sandbox/i);

      const typo = await production.gql('{ publicTenant { slugg } }');
      expect(typo.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(typo.errors![0]!.message).not.toMatch(/Did you mean|slug"/);
      const argumentTypo = await production.gql('{ publicTenant(slugg: "x") { slug } }');
      expect(argumentTypo.errors![0]!.message).not.toMatch(/Did you mean/);
      const variableTypo = await production.gql('mutation($i: LoginInput!) { login(input: $i) { token } }', { i: { emial: 'a@b.example', password: 'x' } });
      expect(variableTypo.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
      expect(variableTypo.errors!.map((e) => e.message)).toContain('Variable "$i" got an invalid value: Field "emial" is not defined by type "LoginInput".');
      expect(JSON.stringify(variableTypo.errors)).not.toMatch(/Did you mean/);
    });
  });

  describe('production with GRAPHQL_INTROSPECTION and GRAPHQL_IDE', () => {
    let production: TestApi;
    beforeAll(async () => {
      production = await startTestApi({ ...PRODUCTION, GRAPHQL_INTROSPECTION: 'true', GRAPHQL_IDE: 'true' });
    });
    afterAll(async () => production?.close());

    it('answers introspection and serves the IDE; suggestions stay hidden', async () => {
      expect(production.services.config).toMatchObject({ env: 'production', introspection: true, graphqlIde: true });
      const introspection = await production.gql(INTROSPECTION);
      expect(introspection.errors).toBeUndefined();
      expect(introspection.data.__schema.types.length).toBeGreaterThan(50);
      const ide = await getIde(production);
      expect(ide.status).toBe(200);
      expect(ide.headers.get('content-type')).toMatch(/text\/html/);
      expect((await production.gql('{ publicTenant { slugg } }')).errors![0]!.message).not.toMatch(/Did you mean/);
    });
  });
});

describe('security headers', () => {
  let spa: TestApi;
  let dist: string;
  beforeAll(async () => {
    dist = mkdtempSync(path.join(os.tmpdir(), 'rh-spa-headers-'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
    spa = await startTestApi({ ...PRODUCTION, PORTAL_DIST: dist, ADMIN_DIST: dist });
  });
  afterAll(async () => {
    await spa?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('the SPAs: a strict CSP, no framing by others, nosniff, no referrer, HSTS, COOP, no x-powered-by', async () => {
    for (const url of ['/portal/', '/portal/dashboard', '/admin/', '/admin/resellers/123']) {
      const response = await fetch(`${spa.url}${url}`);
      expect(response.status).toBe(200);
      const h = response.headers;
      const csp = h.get('content-security-policy') ?? '';
      const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values.join(' ')]));
      expect(directives).toMatchObject({
        'default-src': "'self'",
        'script-src': "'self'",
        'object-src': "'none'",
        'base-uri': "'self'",
        'frame-ancestors': "'self'",
        'form-action': "'self'",
        'connect-src': "'self'",
        'script-src-attr': "'none'",
      });
      // No inline or remote scripts, whatever else the policy allows.
      expect(directives['script-src']).not.toMatch(/unsafe|https?:|\*/);
      expect(h.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(h.get('x-content-type-options')).toBe('nosniff');
      expect(h.get('referrer-policy')).toBe('no-referrer');
      // Sent always; browsers ignore it over plain http (`pnpm start` on localhost) and keep it over TLS.
      expect(h.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
      expect(h.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(h.get('cross-origin-resource-policy')).toBe('same-origin');
      expect(h.get('x-powered-by')).toBeNull();
    }
  });

  it('/graphql without the IDE: nothing may load or frame it; the usual helmet headers', async () => {
    const response = await fetch(`${spa.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
    expect(response.status).toBe(200);
    const h = response.headers;
    expect(h.get('content-security-policy')).toBe("default-src 'none';frame-ancestors 'none'");
    expect(h.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(h.get('x-content-type-options')).toBe('nosniff');
    expect(h.get('referrer-policy')).toBe('no-referrer');
    expect(h.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect(h.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(h.get('x-powered-by')).toBeNull();
  });

  it('/graphql with the IDE (development): no CSP, since the IDE page loads its own scripts', async () => {
    const response = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.headers.get('content-security-policy')).toBeNull();
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('CORS', () => {
  let withOrigins: TestApi;
  beforeAll(async () => {
    withOrigins = await startTestApi({ CORS_ORIGINS: 'https://crm.isp.example, https://billing.isp.example' });
  });
  afterAll(async () => withOrigins?.close());

  const preflight = (target: TestApi, origin: string) =>
    fetch(`${target.url}/graphql`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' } });
  const crossOriginPost = (target: TestApi, origin: string) =>
    fetch(`${target.url}/graphql`, { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: '{"query":"{ publicTenant { slug } }"}' });

  it('an allowed origin: the preflight allows POST with Authorization, and the answer names the origin', async () => {
    expect(withOrigins.services.config.corsOrigins).toEqual(['https://crm.isp.example', 'https://billing.isp.example']);
    const pre = await preflight(withOrigins, 'https://billing.isp.example');
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('https://billing.isp.example');
    expect(pre.headers.get('access-control-allow-methods')).toMatch(/POST/);
    expect(pre.headers.get('access-control-allow-headers')?.toLowerCase()).toMatch(/authorization/);
    expect(pre.headers.get('access-control-allow-credentials')).toBeNull();
    const post = await crossOriginPost(withOrigins, 'https://crm.isp.example');
    expect(post.status).toBe(200);
    expect(post.headers.get('access-control-allow-origin')).toBe('https://crm.isp.example');
    expect(post.headers.get('vary')).toMatch(/origin/i);
  });

  it('an unlisted origin gets no CORS headers, on the preflight and on the answer', async () => {
    for (const origin of ['https://evil.example', 'https://crm.isp.example.evil.example', 'http://crm.isp.example']) {
      const pre = await preflight(withOrigins, origin);
      expect(pre.headers.get('access-control-allow-origin')).toBeNull();
      expect((await crossOriginPost(withOrigins, origin)).headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('by default no origin is allowed', async () => {
    expect(api.services.config.corsOrigins).toEqual([]);
    for (const origin of ['https://crm.isp.example', 'http://localhost:5173']) {
      expect((await preflight(api, origin)).headers.get('access-control-allow-origin')).toBeNull();
      expect((await crossOriginPost(api, origin)).headers.get('access-control-allow-origin')).toBeNull();
    }
  });
});

describe('oversized and deeply nested variables', () => {
  const UPSERT = 'mutation($c: [CustomerUpsertInput!]!) { upsertCustomers(input: { customers: $c }) { created } }';

  it('a body just under 1 MB: 12,000 customers in one call is refused by the batch limit, nothing written', async () => {
    const customers = Array.from({ length: 12_000 }, (_, i) => ({ externalId: `B${i}`, name: `Bulk ${i}` }));
    const body = JSON.stringify({ query: UPSERT, variables: { c: customers } });
    expect(body.length).toBeGreaterThan(500_000);
    expect(body.length).toBeLessThan(GRAPHQL_LIMITS.bodyBytes);
    const answer = await postRaw(api, body, { authorization: `Bearer ${tt.tokens.admin}` });
    expect(answer.status).toBe(200);
    expect(answer.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(answer.json.errors[0].message).toMatch(/At most 10000 customers per call/);
    const count = await api.gql('{ customers(first: 1) { totalCount } }', {}, { token: tt.tokens.admin });
    expect(count.data.customers.totalCount).toBe(0);
  });

  it('a list of 200,000 wrong values: BAD_USER_INPUT, graphql-js stops after 50 (its 51st error says so)', async () => {
    const body = JSON.stringify({ query: UPSERT, variables: { c: Array.from({ length: 200_000 }, () => 1) } });
    expect(body.length).toBeLessThan(GRAPHQL_LIMITS.bodyBytes);
    const answer = await postRaw(api, body, { authorization: `Bearer ${tt.tokens.admin}` });
    expect(answer.status).toBe(400);
    expect(answer.json.errors).toHaveLength(51);
    expect(answer.json.errors.map((error: any) => error.extensions.code)).toEqual(Array(51).fill('BAD_USER_INPUT'));
    expect(answer.json.errors[50].message).toMatch(/Too many errors processing variables/);
    expect(answer.text.length).toBeLessThan(20_000);
  });

  it('a huge list where strings are expected: the application form refuses it field by field', async () => {
    const input = { tenantSlug: tt.slug, territory: Array.from({ length: 150_000 }, () => 'x') };
    const answer = await postRaw(api, JSON.stringify({ query: 'mutation($i: SubmitResellerApplicationInput!) { submitResellerApplication(input: $i) { statusToken } }', variables: { i: input } }));
    expect(answer.status).toBe(400);
    expect(answer.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('an input object nested 100,000 deep in the variables: a typed error, not a 500', async () => {
    const deep = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000);
    const body = `{"query":"mutation($i: LoginInput!) { login(input: $i) { token } }","variables":{"i":{"email":"a@b.example","password":"x","tenantSlug":${deep}}}}`;
    expect(body.length).toBeLessThan(GRAPHQL_LIMITS.bodyBytes);
    const answer = await postRaw(api, body);
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expect(['BAD_USER_INPUT', 'BAD_REQUEST']).toContain(answer.json.errors[0].extensions.code);
  });

  it('arrays nested 300,000 deep: a typed error, not a 500', async () => {
    const deep = '['.repeat(300_000) + ']'.repeat(300_000);
    const answer = await postRaw(api, `{"query":"query($x: String) { publicTenant(slug: $x) { slug } }","variables":{"x":${deep}}}`);
    expect(answer.status).toBe(400);
    expect(answer.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(answer.text.length).toBeLessThan(2_000);
  });

  it('a query nested deep in input literals stays within the token limit or is refused as a parse error', async () => {
    const deep = '{ a: '.repeat(900) + '1' + ' }'.repeat(900);
    const answer = await api.gql(`{ publicTenant(slug: ${deep}) { slug } }`);
    expect(answer.status).toBe(400);
    expect(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED']).toContain(answer.errors![0]!.extensions!.code);
  });
});
