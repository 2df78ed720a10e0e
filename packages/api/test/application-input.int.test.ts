import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResellerApplication } from '../src/modules/applications/reseller-application.entity.js';
import { tenantEntityManager } from '../src/db/scope.js';
import { applicationInput, createTestTenant, errorCode, startTestApi, SUBMIT, type TestApi, type TestTenant } from './helpers.js';

let api: TestApi;
let tt: TestTenant;

beforeAll(async () => {
  api = await startTestApi();
  tt = await createTestTenant(api, 'input');
});
afterAll(async () => api?.close());

async function applicationCount(): Promise<number> {
  return tenantEntityManager(api.orm.em, tt.tenant.id).count(ResellerApplication, {});
}

describe('submitResellerApplication validation', () => {
  // Each case: the bad value, the field whose error names it.
  const cases: [string, Record<string, unknown>, string][] = [
    ['empty company name', { companyName: '   ' }, 'companyName'],
    ['over-long company name', { companyName: 'x'.repeat(201) }, 'companyName'],
    ['empty legal name', { legalName: '' }, 'legalName'],
    ['empty contact name', { contactName: '' }, 'contactName'],
    ['malformed email', { contactEmail: 'not-an-email' }, 'contactEmail'],
    ['email with spaces', { contactEmail: 'a b@c.example' }, 'contactEmail'],
    ['phone with letters', { phone: 'call me maybe' }, 'phone'],
    ['phone too short', { phone: '12345' }, 'phone'],
    ['website without scheme', { website: 'acme.example' }, 'website'],
    ['javascript: website', { website: 'javascript:alert(1)' }, 'website'],
    ['negative years', { yearsInBusiness: -1 }, 'yearsInBusiness'],
    ['absurd years', { yearsInBusiness: 1000 }, 'yearsInBusiness'],
    ['no territory', { territory: [] }, 'territory'],
    ['blank territory entry', { territory: ['  '] }, 'territory.0'],
    ['negative expected customers', { expectedCustomersPerMonth: -5 }, 'expectedCustomersPerMonth'],
    ['negative customer base', { currentCustomerBase: -1 }, 'currentCustomerBase'],
    ['no services', { servicesOfInterest: [] }, 'servicesOfInterest'],
    ['terms not accepted', { acceptTerms: false }, 'acceptTerms'],
    ['over-long message', { message: 'x'.repeat(5001) }, 'message'],
  ];

  for (const [name, override, field] of cases) {
    it(`refuses ${name} with BAD_USER_INPUT on ${field}, storing nothing`, async () => {
      const before = await applicationCount();
      const result = await api.gql(SUBMIT, { input: applicationInput(tt.slug, override) });
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0]!.extensions!.fieldErrors).toHaveProperty(field);
      expect(result.data).toBeNull();
      expect(await applicationCount()).toBe(before);
    });
  }

  it('reports every invalid field at once', async () => {
    const result = await api.gql(SUBMIT, { input: applicationInput(tt.slug, { companyName: '', contactEmail: 'x', phone: 'y' }) });
    expect(Object.keys(result.errors![0]!.extensions!.fieldErrors!).sort()).toEqual(['companyName', 'contactEmail', 'phone']);
  });

  it('refuses wrong GraphQL types and unknown enum values before the resolver (BAD_USER_INPUT)', async () => {
    for (const override of [{ businessType: 'MEGACORP' }, { yearsInBusiness: 'five' }, { servicesOfInterest: ['TELEPORTATION'] }, { yearsInBusiness: 2.5 }]) {
      const result = await api.gql(SUBMIT, { input: applicationInput(tt.slug, override) });
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.status).toBe(400);
    }
  });

  it('an unknown tenant is NOT_FOUND', async () => {
    const result = await api.gql(SUBMIT, { input: applicationInput('no-such-isp') });
    expect(errorCode(result)).toBe('NOT_FOUND');
  });

  it('keeps hostile text as text', async () => {
    const hostile = `<script>alert("x")</script>'; drop table reseller_application; --`;
    const result = await api.gql(SUBMIT, { input: applicationInput(tt.slug, { companyName: hostile, message: hostile }) });
    expect(result.errors).toBeUndefined();
    expect(result.data.submitResellerApplication.application.companyName).toBe(hostile);
    const emails = await api.gql(`query($s: String) { outboxEmails(filter: { search: $s }) { nodes { template html subject } } }`, { s: '<script>' }, { token: tt.tokens.admin });
    const html = emails.data.outboxEmails.nodes.map((n: { html: string }) => n.html).join('\n');
    expect(emails.data.outboxEmails.nodes.length).toBeGreaterThanOrEqual(2);
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert');
  });

  it('normalises the email (case, spaces) so the duplicate guard is case-insensitive', async () => {
    const input = applicationInput(tt.slug, { contactEmail: '  Mixed.Case@Example.COM ' });
    const first = await api.gql(SUBMIT, { input });
    expect(first.data.submitResellerApplication.application.contactEmail).toBe('mixed.case@example.com');
    const second = await api.gql(SUBMIT, { input: applicationInput(tt.slug, { contactEmail: 'MIXED.case@example.com' }) });
    expect(errorCode(second)).toBe('CONFLICT');
  });
});

describe('duplicate guard', () => {
  it('allows one open application per email; a new one once the first is decided', async () => {
    const email = `dup.${Date.now()}@example.com`;
    expect((await api.gql(SUBMIT, { input: applicationInput(tt.slug, { contactEmail: email }) })).errors).toBeUndefined();
    const dup = await api.gql(SUBMIT, { input: applicationInput(tt.slug, { contactEmail: email }) });
    expect(errorCode(dup)).toBe('CONFLICT');
    const list = await api.gql(`query($s: String) { resellerApplications(filter: { search: $s }) { nodes { id } } }`, { s: email }, { token: tt.tokens.admin });
    expect(list.data.resellerApplications.nodes).toHaveLength(1);
    await api.gql(`mutation($i: RejectResellerApplicationInput!) { rejectResellerApplication(input: $i) { application { status } } }`, { i: { applicationId: list.data.resellerApplications.nodes[0].id, reason: 'Incomplete information' } }, { token: tt.tokens.admin });
    expect((await api.gql(SUBMIT, { input: applicationInput(tt.slug, { contactEmail: email }) })).errors).toBeUndefined();
  });

  it('concurrent duplicates: exactly one is stored, the others get CONFLICT', async () => {
    const email = `race.${Date.now()}@example.com`;
    const results = await Promise.all(Array.from({ length: 4 }, (_, i) => api.gql(SUBMIT, { input: applicationInput(tt.slug, { contactEmail: email }) }, { ip: `192.0.2.${i}` })));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => errorCode(r) === 'CONFLICT')).toHaveLength(3);
  });

  it('the same email may apply to two different ISPs', async () => {
    const other = await createTestTenant(api, 'input2');
    const email = `multi.${Date.now()}@example.com`;
    expect((await api.gql(SUBMIT, { input: applicationInput(tt.slug, { contactEmail: email }) })).errors).toBeUndefined();
    expect((await api.gql(SUBMIT, { input: applicationInput(other.slug, { contactEmail: email }) })).errors).toBeUndefined();
  });
});

describe('per-IP rate limit', () => {
  it('refuses the 4th application from one IP within the hour (limit 3), not from another IP', async () => {
    const limited = await startTestApi({ APPLICATION_RATE_LIMIT_PER_HOUR: '3' });
    try {
      const results = [];
      for (let i = 0; i < 4; i++) results.push(await limited.gql(SUBMIT, { input: applicationInput(tt.slug) }, { ip: '203.0.113.77' }));
      expect(results.slice(0, 3).every((r) => !r.errors)).toBe(true);
      expect(errorCode(results[3]!)).toBe('RATE_LIMITED');
      expect(results[3]!.status).toBe(429);
      expect((await limited.gql(SUBMIT, { input: applicationInput(tt.slug) }, { ip: '203.0.113.78' })).errors).toBeUndefined();
    } finally {
      await limited.close();
    }
  });
});
