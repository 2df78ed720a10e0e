/**
 * Access rules that need a story rather than a matrix row: a partner's users and their own
 * reseller, suspended and terminated partners, API keys. Every operation against every kind of
 * caller is the authorization matrix (access-matrix.int.test.ts, policy in access-policy.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../src/auth/roles.js';
import { createStaffUser } from '../src/seeders/factories.js';
import { APPROVE, createTestTenant, errorCode, login, startTestApi, STAFF_PASSWORD, submitApplication, type TestApi, type TestTenant } from './helpers.js';

let api: TestApi;
let tt: TestTenant;
const tokens = {} as Record<'RESELLER_OWNER' | 'RESELLER_STAFF', string>;
let resellerA: string;
let resellerB: string;

beforeAll(async () => {
  api = await startTestApi();
  tt = await createTestTenant(api, 'access');
  const approve = async () => {
    const { id: applicationId } = await submitApplication(api, tt);
    return (await api.gql(APPROVE, { input: { applicationId } }, { token: tt.tokens.admin })).data.approveResellerApplication.reseller.id as string;
  };
  resellerA = await approve();
  resellerB = await approve();
  for (const [role, email] of [
    [Role.RESELLER_OWNER, `owner@${tt.slug}.example`],
    [Role.RESELLER_STAFF, `staff@${tt.slug}.example`],
  ] as const) {
    await createStaffUser(api.orm.em, tt.tenant, { email, name: role, role, password: STAFF_PASSWORD, resellerId: resellerA });
    tokens[role] = await login(api, tt.slug, email, STAFF_PASSWORD);
  }
});
afterAll(async () => api?.close());

describe('reseller users see their own reseller only', () => {
  it('lists only their reseller, and another reseller is NOT_FOUND', async () => {
    for (const caller of ['RESELLER_OWNER', 'RESELLER_STAFF'] as const) {
      const list = await api.gql(`{ resellers { totalCount nodes { id } } }`, {}, { token: tokens[caller] });
      expect(list.data.resellers).toEqual({ totalCount: 1, nodes: [{ id: resellerA }] });
      expect((await api.gql(`query($id: ID!) { reseller(id: $id) { id } }`, { id: resellerA }, { token: tokens[caller] })).data.reseller.id).toBe(resellerA);
      expect(errorCode(await api.gql(`query($id: ID!) { reseller(id: $id) { id } }`, { id: resellerB }, { token: tokens[caller] }))).toBe('NOT_FOUND');
      // a filter naming another reseller is NOT_FOUND too, not an empty list
      for (const list of ['customers', 'myCustomers']) {
        const filtered = (r: string) => api.gql(`query($r: ID) { ${list}(filter: { resellerId: $r }) { totalCount } }`, { r }, { token: tokens[caller] });
        expect(errorCode(await filtered(resellerB)), list).toBe('NOT_FOUND');
        expect((await filtered(resellerA)).errors, list).toBeUndefined();
      }
    }
  });

  it('staff cannot read the reseller user list; the owner sees only its own users', async () => {
    const staff = await api.gql(`{ myReseller { users { email } } }`, {}, { token: tokens.RESELLER_STAFF });
    expect(errorCode(staff)).toBe('FORBIDDEN');
    const owner = await api.gql(`{ myReseller { users { email role } } }`, {}, { token: tokens.RESELLER_OWNER });
    const emails = owner.data.myReseller.users.map((u: { email: string }) => u.email).sort();
    expect(emails).toEqual([`owner@${tt.slug}.example`, `staff@${tt.slug}.example`, expect.stringContaining('@acme.example')].sort());
  });

  it('a suspended reseller can still sign in; a terminated one cannot, and its sessions end', async () => {
    const change = (status: string) =>
      api.gql(`mutation($i: UpdateResellerStatusInput!) { updateResellerStatus(input: $i) { reseller { status } } }`, { i: { resellerId: resellerA, status, reason: 'Compliance review' } }, { token: tt.tokens.admin });
    expect(errorCode(await change('SUSPENDED'))).toBe('CONFLICT'); // ONBOARDING → SUSPENDED is not a transition
    expect((await change('ACTIVE')).data.updateResellerStatus.reseller.status).toBe('ACTIVE');
    expect((await change('SUSPENDED')).data.updateResellerStatus.reseller.status).toBe('SUSPENDED');
    expect((await api.gql(`{ myReseller { status } }`, {}, { token: tokens.RESELLER_STAFF })).data.myReseller.status).toBe('SUSPENDED');
    expect((await change('TERMINATED')).data.updateResellerStatus.reseller.status).toBe('TERMINATED');
    expect(errorCode(await api.gql(`{ myReseller { status } }`, {}, { token: tokens.RESELLER_STAFF }))).toBe('UNAUTHENTICATED');
    await expect(login(api, tt.slug, `owner@${tt.slug}.example`, STAFF_PASSWORD)).rejects.toThrow();
    expect(errorCode(await change('ACTIVE'))).toBe('CONFLICT');
    const history = await api.gql(`query($id: ID!) { reseller(id: $id) { history { action reason data } } }`, { id: resellerA }, { token: tt.tokens.finance });
    expect(history.data.reseller.history.filter((h: { action: string }) => h.action === 'reseller.status_changed').map((h: { data: { to: string } }) => h.data.to)).toEqual(['ACTIVE', 'SUSPENDED', 'TERMINATED']);
  });
});

describe('API keys', () => {
  it('a revoked key stops working at once; the secret is never stored', async () => {
    const created = await api.gql(`mutation { createApiKey(input: { name: "Billing", role: FINANCE }) { secret apiKey { id prefix role } } }`, {}, { token: tt.tokens.admin });
    const { secret, apiKey } = created.data.createApiKey;
    expect(secret.startsWith(apiKey.prefix)).toBe(true);
    expect((await api.gql(`{ me { kind role apiKey { name } } }`, {}, { token: secret })).data.me).toEqual({ kind: 'API_KEY', role: 'FINANCE', apiKey: { name: 'Billing' } });
    const rows = await api.orm.em.getConnection().execute(`select count(*)::int as n from api_key where key_hash = ? or prefix = ?`, [secret, secret]);
    expect(rows[0]!.n).toBe(0);
    await api.gql(`mutation($i: RevokeApiKeyInput!) { revokeApiKey(input: $i) { apiKey { revokedAt } } }`, { i: { apiKeyId: apiKey.id } }, { token: tt.tokens.admin });
    const after = await api.gql(`{ me { role } }`, {}, { token: secret });
    expect(errorCode(after)).toBe('UNAUTHENTICATED');
  });

  it('a reseller role needs a reseller; a staff role must not have one', async () => {
    const noReseller = await api.gql(`mutation { createApiKey(input: { name: "x", role: RESELLER_STAFF }) { secret } }`, {}, { token: tt.tokens.admin });
    expect(errorCode(noReseller)).toBe('BAD_USER_INPUT');
    const bound = await api.gql(`mutation($r: ID) { createApiKey(input: { name: "Portal sync", role: RESELLER_STAFF, resellerId: $r }) { secret } }`, { r: resellerB }, { token: tt.tokens.admin });
    const keyToken = bound.data.createApiKey.secret;
    expect((await api.gql(`{ resellers { nodes { id } } }`, {}, { token: keyToken })).data.resellers.nodes).toEqual([{ id: resellerB }]);
    const staffWithReseller = await api.gql(`mutation($r: ID) { createApiKey(input: { name: "x", role: ADMIN, resellerId: $r }) { secret } }`, { r: resellerB }, { token: tt.tokens.admin });
    expect(errorCode(staffWithReseller)).toBe('BAD_USER_INPUT');
  });

  it('a key sees its own reseller through me; who created a key is for admins only', async () => {
    const created = await api.gql(`mutation($r: ID) { createApiKey(input: { name: "Partner CRM", role: RESELLER_STAFF, resellerId: $r }) { secret } }`, { r: resellerB }, { token: tt.tokens.admin });
    const secret = created.data.createApiKey.secret;
    const own = await api.gql(`{ me { reseller { id } apiKey { name reseller { id } } } }`, {}, { token: secret });
    expect(own.errors).toBeUndefined();
    expect(own.data.me).toEqual({ reseller: { id: resellerB }, apiKey: { name: 'Partner CRM', reseller: { id: resellerB } } });
    const creator = await api.gql(`{ me { apiKey { createdBy { email } } } }`, {}, { token: secret });
    expect(errorCode(creator)).toBe('FORBIDDEN');
    expect(creator.errors![0]!.path).toEqual(['me', 'apiKey', 'createdBy']);
    const listed = await api.gql(`{ apiKeys { name createdBy { email } reseller { id } } }`, {}, { token: tt.tokens.admin });
    expect(listed.data.apiKeys.find((k: { name: string }) => k.name === 'Partner CRM')).toEqual({ name: 'Partner CRM', createdBy: { email: `admin@${tt.slug}.example` }, reseller: { id: resellerB } });
  });

  it('garbage credentials are refused with 401, not treated as public', async () => {
    for (const token of ['rhk_forged', 'eyJhbGciOiJIUzI1NiJ9.e30.forged', 'not-a-token']) {
      const result = await api.gql(`{ publicTenant { slug } }`, {}, { token });
      expect(result.status).toBe(401);
      expect(errorCode(result)).toBe('UNAUTHENTICATED');
    }
  });
});
