/**
 * The services the command line shares with GraphQL: setResellerTier, upsertResellers (and its CSV
 * import), reassignCustomers and inviteUser — happy paths, all-or-nothing refusals, dry runs,
 * tenant isolation and the audit trail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPROVE, createTestTenant, errorCode, login, startTestApi, submitApplication, type GqlResult, type TestApi, type TestTenant } from './helpers.js';

let api: TestApi;
let tt: TestTenant;
let other: TestTenant;
let approved: { id: string; code: string };

const SET_TIER = `mutation($i: SetResellerTierInput!) { setResellerTier(input: $i) { reseller { id tier } } }`;
const UPSERT = `mutation($i: UpsertResellersInput!) { upsertResellers(input: $i) { created updated unchanged rows { row code action } } }`;
const IMPORT = `mutation($i: ImportResellersCsvInput!) { importResellersCsv(input: $i) { created updated unchanged rows { row code action } } }`;
const REASSIGN = `mutation($i: ReassignCustomersInput!) { reassignCustomers(input: $i) { moved customers { id externalId name } } }`;
const INVITE = `mutation($i: InviteUserInput!) { inviteUser(input: $i) { user { id email name role status reseller { id } } } }`;
const UPSERT_CUSTOMERS = `mutation($i: UpsertCustomersInput!) { upsertCustomers(input: $i) { created } }`;
const RESELLER = `query($id: ID!) { reseller(id: $id) {
  id code companyName legalName contactName contactEmail phone website businessType tier status
  users { email role status } history { action reason data }
} }`;

async function approve(t: TestTenant) {
  const { id } = await submitApplication(api, t);
  const reseller = (await api.gql(APPROVE, { input: { applicationId: id } }, { token: t.tokens.admin })).data.approveResellerApplication.reseller;
  return { id: reseller.id as string, code: reseller.code as string };
}

/** Rows of a tenant in a table, read directly (what was written, whatever the API shows). */
async function count(table: string, t: TestTenant = tt): Promise<number> {
  const rows: { n: string }[] = await api.orm.em.getConnection().execute(`select count(*)::int as n from "${table}" where tenant_id = ?`, [t.tenant.id]);
  return Number(rows[0]!.n);
}

async function counts(t: TestTenant = tt) {
  return {
    resellers: await count('reseller', t),
    users: await count('app_user', t),
    emails: await count('outbox_email', t),
    audit: await count('audit_event', t),
    tasks: await count('onboarding_task', t),
    assignments: await count('customer_assignment', t),
  };
}

async function auditEvents(entityType: string, entityId: string) {
  return (await api.gql(`query($t: String!, $id: ID!) { auditEvents(entityType: $t, entityId: $id) { action reason data actorLabel } }`, { t: entityType, id: entityId }, { token: tt.tokens.admin })).data.auditEvents as {
    action: string;
    reason: string | null;
    data: Record<string, unknown>;
    actorLabel: string;
  }[];
}

async function resellerByCode(code: string, t: TestTenant = tt) {
  const list = await api.gql(`query($s: String) { resellers(filter: { search: $s }) { nodes { id code } } }`, { s: code }, { token: t.tokens.admin });
  const id = list.data.resellers.nodes.find((r: { code: string }) => r.code === code)?.id as string;
  return (await api.gql(RESELLER, { id }, { token: t.tokens.admin })).data.reseller;
}

async function emailsTo(address: string, t: TestTenant = tt) {
  return (await api.gql(`query($s: String) { outboxEmails(filter: { search: $s }) { nodes { template toAddress subject text relatedType } } }`, { s: address }, { token: t.tokens.admin })).data.outboxEmails.nodes as {
    template: string;
    toAddress: string;
    subject: string;
    text: string;
    relatedType: string | null;
  }[];
}

function rowErrors(result: GqlResult) {
  return (result.errors?.[0]?.extensions?.rowErrors ?? []) as { index: number; field: string; message: string }[];
}

let rowCounter = 0;
function resellerRow(overrides: Record<string, unknown> = {}) {
  const n = `${Date.now().toString(36)}${rowCounter++}`;
  return {
    companyName: `Legacy Partner ${n}`,
    legalName: `Legacy Partner ${n} Inc.`,
    contactName: `Pat ${n}`,
    contactEmail: `pat.${n}@legacy.example`,
    phone: '+1 555 010 4000',
    businessType: 'CORPORATION',
    ...overrides,
  };
}

beforeAll(async () => {
  api = await startTestApi();
  tt = await createTestTenant(api, 'bulk');
  other = await createTestTenant(api, 'bulkother');
  approved = await approve(tt);
});
afterAll(async () => api?.close());

describe('setResellerTier', () => {
  it('changes the tier with its reason in the audit trail; the same tier changes nothing', async () => {
    const changed = await api.gql(SET_TIER, { i: { resellerId: approved.id, tier: 'GOLD', reason: 'Hit 100 customers' } }, { token: tt.tokens.partnerManager });
    expect(changed.data.setResellerTier.reseller).toEqual({ id: approved.id, tier: 'GOLD' });
    const before = await count('audit_event');
    const same = await api.gql(SET_TIER, { i: { resellerId: approved.id, tier: 'GOLD', reason: 'Again' } }, { token: tt.tokens.admin });
    expect(same.data.setResellerTier.reseller.tier).toBe('GOLD');
    expect(await count('audit_event')).toBe(before);
    const events = (await auditEvents('Reseller', approved.id)).filter((e) => e.action === 'reseller.tier_changed');
    expect(events).toEqual([expect.objectContaining({ reason: 'Hit 100 customers', data: { from: 'BRONZE', to: 'GOLD' }, actorLabel: `partnermanager@${tt.slug}.example` })]);
  });

  it('needs a reason of 1–500 characters and a real tier; an unknown or other tenant’s reseller is NOT_FOUND', async () => {
    for (const reason of ['', '   ', 'x'.repeat(501)]) {
      const result = await api.gql(SET_TIER, { i: { resellerId: approved.id, tier: 'SILVER', reason } }, { token: tt.tokens.admin });
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0]!.extensions!.fieldErrors).toHaveProperty('reason');
    }
    expect(errorCode(await api.gql(SET_TIER, { i: { resellerId: 'not-a-uuid', tier: 'SILVER', reason: 'x' } }, { token: tt.tokens.admin }))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(SET_TIER, { i: { resellerId: approved.id, tier: 'SILVER', reason: 'x' } }, { token: other.tokens.admin }))).toBe('NOT_FOUND');
    expect((await resellerByCode(approved.code)).tier).toBe('GOLD');
    expect(errorCode(await api.gql(SET_TIER, { i: { resellerId: approved.id, tier: 'SILVER', reason: 'x' } }, { token: tt.tokens.finance }))).toBe('FORBIDDEN');
  });
});

describe('upsertResellers', () => {
  it('a dry run answers what would happen (with the codes) and writes nothing', async () => {
    const before = await counts();
    const rows = [resellerRow(), resellerRow({ status: 'ACTIVE', tier: 'SILVER' })];
    const result = await api.gql(UPSERT, { i: { resellers: rows, dryRun: true } }, { token: tt.tokens.admin });
    expect(result.data.upsertResellers).toEqual({
      created: 2,
      updated: 0,
      unchanged: 0,
      rows: [
        { row: 0, code: 'RS-000002', action: 'CREATE' },
        { row: 1, code: 'RS-000003', action: 'CREATE' },
      ],
    });
    expect(await counts()).toEqual(before);
    expect(await emailsTo(rows[0]!.contactEmail as string)).toEqual([]);
  });

  it('creates resellers exactly as approval does: consecutive codes, checklist, invited owner, set-password email, audit', async () => {
    const onboarding = resellerRow({ website: 'https://legacy.example' });
    const active = resellerRow({ status: 'ACTIVE', tier: 'PLATINUM', contactEmail: 'Mixed.Case@Legacy.example' });
    const before = await counts();
    const result = await api.gql(UPSERT, { i: { resellers: [onboarding, active] } }, { token: tt.tokens.partnerManager });
    expect(result.data.upsertResellers).toEqual({
      created: 2,
      updated: 0,
      unchanged: 0,
      rows: [
        { row: 0, code: 'RS-000002', action: 'CREATE' }, // after the approved RS-000001; the dry run gave its numbers back
        { row: 1, code: 'RS-000003', action: 'CREATE' },
      ],
    });
    const first = await resellerByCode('RS-000002');
    expect(first).toMatchObject({ companyName: onboarding.companyName, website: 'https://legacy.example', businessType: 'CORPORATION', tier: 'BRONZE', status: 'ONBOARDING' });
    expect(first.users).toEqual([{ email: onboarding.contactEmail, role: 'RESELLER_OWNER', status: 'INVITED' }]);
    const second = await resellerByCode('RS-000003');
    expect(second).toMatchObject({ tier: 'PLATINUM', status: 'ACTIVE', contactEmail: 'mixed.case@legacy.example' });
    expect(second.users).toEqual([{ email: 'mixed.case@legacy.example', role: 'RESELLER_OWNER', status: 'INVITED' }]);

    const checklist = async (id: string) => (await api.gql(`query($id: ID!) { onboarding(resellerId: $id) { tasks { id } } }`, { id }, { token: tt.tokens.admin })).data.onboarding.tasks.length;
    const approvedTasks = await checklist(approved.id);
    expect(approvedTasks).toBeGreaterThan(0);
    expect(await checklist(first.id)).toBe(approvedTasks);
    expect(await checklist(second.id)).toBe(0); // ACTIVE: already onboarded in the legacy system
    const after = await counts();
    expect(after).toMatchObject({ resellers: before.resellers + 2, users: before.users + 2, emails: before.emails + 2, tasks: before.tasks + approvedTasks });

    const [welcome] = await emailsTo(onboarding.contactEmail as string);
    expect(welcome).toMatchObject({ template: 'APPLICATION_APPROVED', toAddress: onboarding.contactEmail });
    expect(welcome!.text).toContain('RS-000002');
    expect(welcome!.text).toMatch(new RegExp(`http://hub\\.test/portal/set-password\\?token=[^\\s&]+&tenant=${tt.slug}`));
    expect((await emailsTo('mixed.case@legacy.example'))).toHaveLength(1);

    expect(first.history.map((e: { action: string }) => e.action)).toEqual(['reseller.created']);
    expect(first.history[0].data).toMatchObject({ code: 'RS-000002', tier: 'BRONZE', status: 'ONBOARDING', source: 'upsertResellers' });
  });

  it('updates by code (only what changed, tier only when given), reports unchanged rows and audits the changes', async () => {
    const existing = await resellerByCode('RS-000002');
    const row = { code: 'RS-000002', companyName: existing.companyName, legalName: existing.legalName, contactName: existing.contactName, contactEmail: existing.contactEmail, phone: existing.phone, businessType: existing.businessType };
    const result = await api.gql(UPSERT, { i: { resellers: [{ ...row, phone: '+1 555 999 0000', tier: 'GOLD' }, { ...row, code: approved.code, ...pick(await resellerByCode(approved.code)) }] } }, { token: tt.tokens.admin });
    expect(result.data.upsertResellers).toEqual({
      created: 0,
      updated: 1,
      unchanged: 1,
      rows: [
        { row: 0, code: 'RS-000002', action: 'UPDATE' },
        { row: 1, code: approved.code, action: 'UNCHANGED' },
      ],
    });
    const updated = await resellerByCode('RS-000002');
    expect(updated).toMatchObject({ phone: '+1 555 999 0000', tier: 'GOLD', website: 'https://legacy.example', status: 'ONBOARDING' });
    const event = updated.history.find((e: { action: string }) => e.action === 'reseller.updated');
    expect(event.data.changes).toEqual({ phone: { from: existing.phone, to: '+1 555 999 0000' }, tier: { from: 'BRONZE', to: 'GOLD' } });
    expect((await resellerByCode(approved.code)).tier).toBe('GOLD'); // no tier given: left as it was
  });

  it('refuses the whole batch with every row error and writes nothing', async () => {
    const taken = `admin@${tt.slug}.example`;
    const dup = resellerRow();
    const before = await counts();
    const result = await api.gql(UPSERT, {
      i: {
        resellers: [
          resellerRow(), // fine on its own
          resellerRow({ companyName: '', contactEmail: 'not-an-email', phone: 'abc', website: 'ftp://x' }),
          resellerRow({ code: 'RS-999999' }),
          resellerRow({ code: 'RS-000002', status: 'ACTIVE' }),
          resellerRow({ code: 'RS-000002' }),
          dup,
          { ...resellerRow(), contactEmail: dup.contactEmail },
          resellerRow({ contactEmail: taken.toUpperCase() }),
          resellerRow({ status: 'SUSPENDED' }),
        ],
      },
    }, { token: tt.tokens.admin });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.message).toMatch(/invalid resellers: nothing was saved/);
    expect(rowErrors(result).map((e) => `${e.index}:${e.field}`)).toEqual([
      '1:companyName',
      '1:contactEmail',
      '1:phone',
      '1:website',
      '2:code',
      '3:status',
      '4:code',
      '6:contactEmail',
      '7:contactEmail',
      '8:status',
    ]);
    expect(rowErrors(result).find((e) => e.index === 2)!.message).toBe('No reseller RS-999999');
    expect(rowErrors(result).find((e) => e.index === 4)!.message).toContain('Duplicate');
    expect(rowErrors(result).find((e) => e.index === 7)!.message).toContain('already exists');
    expect(await counts()).toEqual(before);
    // A dry run refuses the same way (nothing to preview in a batch that cannot be written).
    const dry = await api.gql(UPSERT, { i: { resellers: [resellerRow({ code: 'RS-999999' })], dryRun: true } }, { token: tt.tokens.admin });
    expect(rowErrors(dry)).toEqual([{ index: 0, field: 'code', message: 'No reseller RS-999999' }]);
    expect(errorCode(await api.gql(UPSERT, { i: { resellers: [] } }, { token: tt.tokens.admin }))).toBe('BAD_USER_INPUT');
    expect(await counts()).toEqual(before);
  });

  it('imports a CSV with the documented header (enum cells in any case), with a dry run first', async () => {
    const a = resellerRow();
    const csv = [
      'code,company_name,legal_name,contact_name,contact_email,phone,business_type,website,tier,status',
      `,"${a.companyName}, West","${a.legalName}",${a.contactName},${a.contactEmail},${a.phone},non-profit,,silver,active`,
      `RS-000003,Renamed Co,Renamed Co LLC,Lee,mixed.case@legacy.example,+1 555 010 4000,LLC,https://renamed.example,,`,
    ].join('\n');
    const before = await counts();
    const dry = await api.gql(IMPORT, { i: { csv, dryRun: true } }, { token: tt.tokens.admin });
    expect(dry.data.importResellersCsv).toEqual({ created: 1, updated: 1, unchanged: 0, rows: [{ row: 0, code: 'RS-000004', action: 'CREATE' }, { row: 1, code: 'RS-000003', action: 'UPDATE' }] });
    expect(await counts()).toEqual(before);
    const real = await api.gql(IMPORT, { i: { csv } }, { token: tt.tokens.admin });
    expect(real.data.importResellersCsv).toEqual(dry.data.importResellersCsv);
    expect(await resellerByCode('RS-000004')).toMatchObject({ companyName: `${a.companyName}, West`, businessType: 'NON_PROFIT', tier: 'SILVER', status: 'ACTIVE', website: null });
    expect(await resellerByCode('RS-000003')).toMatchObject({ companyName: 'Renamed Co', businessType: 'LLC', website: 'https://renamed.example', tier: 'PLATINUM', status: 'ACTIVE' });

    const missing = await api.gql(IMPORT, { i: { csv: 'company_name,legal_name\nA,B' } }, { token: tt.tokens.admin });
    expect(errorCode(missing)).toBe('BAD_USER_INPUT');
    expect(missing.errors![0]!.message).toContain('Missing column(s): contactName, contactEmail, phone, businessType');
    const badEnum = await api.gql(IMPORT, { i: { csv: `company_name,legal_name,contact_name,contact_email,phone,business_type,tier\nA,A Inc,Al,al.${Date.now()}@x.example,+1 555 010 4000,shop,diamond` } }, { token: tt.tokens.admin });
    expect(rowErrors(badEnum).map((e) => e.field)).toEqual(['businessType', 'tier']);
  });

  it('another tenant has its own codes and cannot touch these resellers', async () => {
    const before = await counts();
    const foreign = await api.gql(UPSERT, { i: { resellers: [resellerRow({ code: 'RS-000002' })] } }, { token: other.tokens.admin });
    expect(rowErrors(foreign)).toEqual([{ index: 0, field: 'code', message: 'No reseller RS-000002' }]);
    const own = await api.gql(UPSERT, { i: { resellers: [resellerRow()] } }, { token: other.tokens.admin });
    expect(own.data.upsertResellers.rows).toEqual([{ row: 0, code: 'RS-000001', action: 'CREATE' }]);
    expect(await counts()).toEqual(before);
  });
});

function pick(reseller: Record<string, unknown>) {
  const { companyName, legalName, contactName, contactEmail, phone, businessType } = reseller;
  return { companyName, legalName, contactName, contactEmail, phone, businessType };
}

describe('reassignCustomers', () => {
  let from: { id: string; code: string };
  let to: { id: string; code: string };

  beforeAll(async () => {
    from = await approve(tt);
    to = await approve(tt);
    const since = '2020-01-01';
    const customers = [
      { externalId: 'R-1', name: 'Ann', stage: 'ACTIVE', resellerCode: from.code, assignedSince: since },
      { externalId: 'R-2', name: 'Ben', stage: 'ACTIVE', resellerCode: from.code, assignedSince: since },
      { externalId: 'R-3', name: 'Cat', resellerCode: from.code, assignedSince: since },
      { externalId: 'R-4', name: 'Dan', resellerCode: to.code, assignedSince: since },
    ];
    expect((await api.gql(UPSERT_CUSTOMERS, { i: { customers } }, { token: tt.tokens.admin })).data.upsertCustomers.created).toBe(4);
  });

  const customerIds = async (resellerId: string) =>
    ((await api.gql(`query($r: ID) { customers(filter: { resellerId: $r }) { nodes { externalId } } }`, { r: resellerId }, { token: tt.tokens.admin })).data.customers.nodes as { externalId: string }[])
      .map((c) => c.externalId)
      .sort();

  it('a dry run lists who would move and changes nothing', async () => {
    const before = await counts();
    const result = await api.gql(REASSIGN, { i: { fromResellerId: from.id, toResellerId: to.id, reason: 'Territory split', dryRun: true } }, { token: tt.tokens.admin });
    expect(result.data.reassignCustomers.moved).toBe(3);
    expect(result.data.reassignCustomers.customers.map((c: { externalId: string; name: string }) => `${c.externalId}:${c.name}`)).toEqual(['R-1:Ann', 'R-2:Ben', 'R-3:Cat']);
    expect(await counts()).toEqual(before);
    expect(await customerIds(from.id)).toEqual(['R-1', 'R-2', 'R-3']);
  });

  it('moves only one stage when asked, with history per customer and one audit event with the count', async () => {
    const result = await api.gql(REASSIGN, { i: { fromResellerId: from.id, toResellerId: to.id, stage: 'ACTIVE', reason: 'Territory split' } }, { token: tt.tokens.partnerManager });
    expect(result.data.reassignCustomers.moved).toBe(2);
    expect(await customerIds(from.id)).toEqual(['R-3']);
    expect(await customerIds(to.id)).toEqual(['R-1', 'R-2', 'R-4']);
    const id = result.data.reassignCustomers.customers[0].id;
    const customer = (await api.gql(`query($id: ID!) { customer(id: $id) { assignments { fromDate toDate reason reseller { id } } } }`, { id }, { token: tt.tokens.admin })).data.customer;
    const today = api.clock.now().toISOString().slice(0, 10);
    expect(customer.assignments).toEqual(
      expect.arrayContaining([
        { fromDate: '2020-01-01', toDate: today, reason: expect.any(String), reseller: { id: from.id } },
        { fromDate: today, toDate: null, reason: 'Territory split', reseller: { id: to.id } },
      ]),
    );
    expect((await auditEvents('Customer', id)).map((e) => e.action)).toContain('customer.reassigned');
    const batch = (await auditEvents('Reseller', from.id)).filter((e) => e.action === 'customers.reassigned');
    expect(batch).toEqual([expect.objectContaining({ reason: 'Territory split', data: { from: from.id, to: to.id, stage: 'ACTIVE', count: 2, since: today } })]);
  });

  it('refuses bad input, unknown resellers, a terminated target and moves assigned today; nothing left is a zero', async () => {
    const before = await counts();
    const same = await api.gql(REASSIGN, { i: { fromResellerId: from.id, toResellerId: from.id, reason: 'x' } }, { token: tt.tokens.admin });
    expect(errorCode(same)).toBe('BAD_USER_INPUT');
    expect(same.errors![0]!.extensions!.fieldErrors).toHaveProperty('toResellerId');
    const noReason = await api.gql(REASSIGN, { i: { fromResellerId: from.id, toResellerId: to.id, reason: ' ' } }, { token: tt.tokens.admin });
    expect(noReason.errors![0]!.extensions!.fieldErrors).toHaveProperty('reason');
    expect(errorCode(await api.gql(REASSIGN, { i: { fromResellerId: from.id, toResellerId: '00000000-0000-4000-8000-000000000000', reason: 'x' } }, { token: tt.tokens.admin }))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(REASSIGN, { i: { fromResellerId: 'nope', toResellerId: to.id, reason: 'x' } }, { token: tt.tokens.admin }))).toBe('NOT_FOUND');
    // moved to `to` today: they cannot move again before tomorrow.
    const tooSoon = await api.gql(REASSIGN, { i: { fromResellerId: to.id, toResellerId: from.id, reason: 'Undo' } }, { token: tt.tokens.admin });
    expect(errorCode(tooSoon)).toBe('BAD_USER_INPUT');
    expect(tooSoon.errors![0]!.message).toContain('R-1, R-2');
    expect(await counts()).toEqual(before);
    const nothing = await api.gql(REASSIGN, { i: { fromResellerId: from.id, toResellerId: to.id, stage: 'CHURNED', reason: 'x' } }, { token: tt.tokens.admin });
    expect(nothing.data.reassignCustomers).toEqual({ moved: 0, customers: [] });

    const terminated = await approve(tt);
    await api.gql(`mutation($i: UpdateResellerStatusInput!) { updateResellerStatus(input: $i) { reseller { id } } }`, { i: { resellerId: terminated.id, status: 'TERMINATED', reason: 'Closed' } }, { token: tt.tokens.admin });
    expect(errorCode(await api.gql(REASSIGN, { i: { fromResellerId: from.id, toResellerId: terminated.id, reason: 'x' } }, { token: tt.tokens.admin }))).toBe('CONFLICT');
    expect(await customerIds(from.id)).toEqual(['R-3']);
  });

  it("another tenant cannot move this tenant's customers", async () => {
    const mine = await approve(other);
    expect(errorCode(await api.gql(REASSIGN, { i: { fromResellerId: from.id, toResellerId: mine.id, reason: 'x' } }, { token: other.tokens.admin }))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(REASSIGN, { i: { fromResellerId: from.id, toResellerId: to.id, reason: 'x', dryRun: true } }, { token: other.tokens.admin }))).toBe('NOT_FOUND');
    expect(await customerIds(from.id)).toEqual(['R-3']);
  });
});

describe('inviteUser', () => {
  it('invites a staff user: INVITED, lowercased, audited, with a set-password email that works', async () => {
    const email = `New.Finance.${Date.now()}@Isp.example`;
    const result = await api.gql(INVITE, { i: { email: `  ${email} `, name: 'Fin Ance', role: 'FINANCE' } }, { token: tt.tokens.admin });
    const user = result.data.inviteUser.user;
    expect(user).toMatchObject({ email: email.toLowerCase(), name: 'Fin Ance', role: 'FINANCE', status: 'INVITED', reseller: null });
    const [mail] = await emailsTo(email.toLowerCase());
    expect(mail).toMatchObject({ template: 'USER_INVITATION', relatedType: 'User' });
    expect(mail!.text).toContain('admin console as finance');
    expect(mail!.text).toContain(`http://hub.test/admin/login?tenant=${tt.slug}`);
    const token = decodeURIComponent(mail!.text.match(/portal\/set-password\?token=([^\s&]+)/)![1]!);
    const set = await api.gql(`mutation($i: SetPasswordInput!) { setPassword(input: $i) { email } }`, { i: { token, password: 'a-new-password-123' } });
    expect(set.data.setPassword.email).toBe(email.toLowerCase());
    expect(await login(api, tt.slug, email.toLowerCase(), 'a-new-password-123')).toEqual(expect.any(String));
    expect(await auditEvents('User', user.id)).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'user.invited', data: { email: email.toLowerCase(), role: 'FINANCE', resellerId: null } })]),
    );
  });

  it('invites a partner user to their reseller, with the portal link', async () => {
    const email = `staff.${Date.now()}@partner.example`;
    const result = await api.gql(INVITE, { i: { email, name: 'Part Ner', role: 'RESELLER_STAFF', resellerId: approved.id } }, { token: tt.tokens.admin });
    expect(result.data.inviteUser.user).toMatchObject({ role: 'RESELLER_STAFF', status: 'INVITED', reseller: { id: approved.id } });
    const [mail] = await emailsTo(email);
    expect(mail!.text).toContain('partner portal as partner staff');
    expect(mail!.text).toContain(`http://hub.test/portal/login?tenant=${tt.slug}`);
    expect(mail!.text).toMatch(/http:\/\/hub\.test\/portal\/set-password\?token=/);
  });

  it('refuses bad input, wrong reseller binding, unknown or foreign resellers and duplicates, writing nothing', async () => {
    const before = await counts();
    const bad = await api.gql(INVITE, { i: { email: 'nope', name: '', role: 'ADMIN' } }, { token: tt.tokens.admin });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(Object.keys(bad.errors![0]!.extensions!.fieldErrors!).sort()).toEqual(['email', 'name']);
    const staffWithReseller = await api.gql(INVITE, { i: { email: 'a@x.example', name: 'A', role: 'PARTNER_MANAGER', resellerId: approved.id } }, { token: tt.tokens.admin });
    expect(staffWithReseller.errors![0]!.extensions!.fieldErrors).toHaveProperty('resellerId');
    const partnerWithout = await api.gql(INVITE, { i: { email: 'a@x.example', name: 'A', role: 'RESELLER_OWNER' } }, { token: tt.tokens.admin });
    expect(partnerWithout.errors![0]!.extensions!.fieldErrors).toHaveProperty('resellerId');
    expect(errorCode(await api.gql(INVITE, { i: { email: 'a@x.example', name: 'A', role: 'RESELLER_OWNER', resellerId: '00000000-0000-4000-8000-000000000000' } }, { token: tt.tokens.admin }))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(INVITE, { i: { email: 'a@x.example', name: 'A', role: 'RESELLER_OWNER', resellerId: approved.id } }, { token: other.tokens.admin }))).toBe('NOT_FOUND');
    const duplicate = await api.gql(INVITE, { i: { email: `FINANCE@${tt.slug}.example`, name: 'Again', role: 'FINANCE' } }, { token: tt.tokens.admin });
    expect(errorCode(duplicate)).toBe('CONFLICT');
    expect(errorCode(await api.gql(INVITE, { i: { email: 'b@x.example', name: 'B', role: 'FINANCE' } }, { token: tt.tokens.partnerManager }))).toBe('FORBIDDEN');
    expect(await counts()).toEqual(before);
    // The same email is free in another tenant.
    expect((await api.gql(INVITE, { i: { email: `finance@${tt.slug}.example`, name: 'Other', role: 'FINANCE' } }, { token: other.tokens.admin })).data.inviteUser.user.status).toBe('INVITED');
  });
});
