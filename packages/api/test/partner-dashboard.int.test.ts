/**
 * The partner dashboard's query and `Customer.latestCommissionLine` on real data made through the
 * real services (customers, billing records, monthly runs, reassignment), on a fixed clock. Every
 * expected amount is worked out by hand in the comments (10 % standard plan, half-to-even cents).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextFor } from '../src/app/context.js';
import { Role } from '../src/auth/roles.js';
import { latestCommissionLineLoader } from '../src/modules/commissions/commission-line.loaders.js';
import { createStaffUser } from '../src/seeders/factories.js';
import { APPROVE, createTestTenant, login, STAFF_PASSWORD, startTestApi, submitApplication, type TestApi, type TestTenant } from './helpers.js';

/** The exact text the portal's dashboard sends (and the benchmark measures). */
const DASHBOARD = `query PartnerDashboard {
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

const STAFF_LIST = `{ customers(first: 100) { nodes { externalId latestCommissionLine { period amount { amount } reseller { code } } } } }`;
const UPSERT_CUSTOMERS = `mutation($c: [CustomerUpsertInput!]!) { upsertCustomers(input: { customers: $c }) { created updated unchanged } }`;
const UPSERT_BILLING = `mutation($r: [BillingRecordInput!]!) { upsertBillingRecords(input: { records: $r }) { created updated unchanged } }`;
const RUN = `mutation($p: String!) { runCommissions(input: { period: $p }) { run { status lineCount total { amount } } } }`;
const REASSIGN = `mutation($i: ReassignCustomerInput!) { reassignCustomer(input: $i) { customer { reseller { id } } } }`;

type Line = { id: string; period: string; kind: string; status: string; amount: { amount: string; currency: string }; base: { amount: string; currency: string } } | null;
type Node = { id: string; externalId: string; name: string; stage: string; healthScore: number | null; mrr: { amount: string; currency: string }; latestCommissionLine: Line };

let api: TestApi;
let tt: TestTenant;
const resellers = {} as Record<'a' | 'b' | 'bulk' | 'fresh', { id: string; code: string }>;
const tokens = {} as Record<'a' | 'b' | 'bulk' | 'fresh', string>;

const gqlAs = (token: string) => (query: string, variables: Record<string, unknown> = {}) => api.gql(query, variables, { token });

async function activeReseller(t: TestTenant) {
  const { id } = await submitApplication(api, t);
  const reseller = (await api.gql(APPROVE, { input: { applicationId: id } }, { token: t.tokens.admin })).data.approveResellerApplication.reseller;
  await api.gql(`mutation($i: UpdateResellerStatusInput!) { updateResellerStatus(input: $i) { reseller { status } } }`, { i: { resellerId: reseller.id, status: 'ACTIVE', reason: 'Ready to sell' } }, { token: t.tokens.admin });
  return { id: reseller.id as string, code: reseller.code as string };
}

async function partnerToken(t: TestTenant, key: string, resellerId: string) {
  const email = `owner-${key}@${t.slug}.example`;
  await createStaffUser(api.orm.em, t.tenant, { email, name: `Owner ${key}`, role: Role.RESELLER_OWNER, password: STAFF_PASSWORD, resellerId });
  return login(api, t.slug, email, STAFF_PASSWORD);
}

async function run(period: string) {
  const result = await gqlAs(tt.tokens.finance)(RUN, { p: period });
  expect(result.errors).toBeUndefined();
  expect(result.data.runCommissions.run.status).toBe('COMPLETED');
  return result.data.runCommissions.run;
}

const paid = (invoiceId: string, customer: string, period: string, amount: string, paidDate: string) => ({ invoiceId, customerExternalId: customer, period, invoicedAmount: amount, paidAmount: amount, paidDate });

async function dashboard(token: string) {
  const result = await gqlAs(token)(DASHBOARD);
  expect(result.errors).toBeUndefined();
  return result.data as {
    myReseller: { id: string; code: string; companyName: string; tier: string; status: string };
    myCustomers: { totalCount: number; nodes: Node[] };
    myCommissionHistory: { period: string; lineCount: number; total: { amount: string; currency: string } }[];
    myHealth: { score: number | null; band: string | null; computedOn: string; change30d: number | null; components: { key: string; score: number | null; weight: number }[] } | null;
  };
}

beforeAll(async () => {
  api = await startTestApi();
  api.clock.current = new Date('2026-06-15T12:00:00Z');
  tt = await createTestTenant(api, 'dash');
  for (const key of ['a', 'b', 'bulk', 'fresh'] as const) {
    resellers[key] = await activeReseller(tt);
    tokens[key] = await partnerToken(tt, key, resellers[key].id);
  }
  const finance = gqlAs(tt.tokens.finance);
  const plan = await finance(`mutation { createCommissionPlan(input: { name: "Standard", type: PERCENTAGE, effectiveFrom: "2026-01", isDefault: true, terms: { rate: "0.1000" } }) { plan { id } } }`);
  expect(plan.errors).toBeUndefined();

  const customers = await finance(UPSERT_CUSTOMERS, {
    c: [
      { externalId: 'C1', name: 'Alice Home', mrr: '300.00', stage: 'ACTIVE', resellerCode: resellers.a.code, assignedSince: '2025-12-01' },
      { externalId: 'C2', name: 'Bob Office', mrr: '200.00', stage: 'ACTIVE', resellerCode: resellers.a.code, assignedSince: '2025-12-01' },
      { externalId: 'C3', name: 'Carol Corp', mrr: '150.00', stage: 'ACTIVE', resellerCode: resellers.a.code, assignedSince: '2025-12-01' },
      { externalId: 'C4', name: 'Dan Deli', mrr: '50.00', stage: 'ACTIVE', resellerCode: resellers.a.code, assignedSince: '2025-12-01' },
      { externalId: 'C5', name: 'Eve Eatery', mrr: '120.00', stage: 'ACTIVE', resellerCode: resellers.a.code, assignedSince: '2025-12-01' },
    ],
  });
  expect(customers.data.upsertCustomers).toEqual({ created: 5, updated: 0, unchanged: 0 });

  // January and February: everything is A's.
  const early = await finance(UPSERT_BILLING, {
    r: [
      paid('J-1', 'C1', '2026-01', '1204.50', '2026-01-15'), // 120.45
      paid('J-2', 'C2', '2026-01', '100.05', '2026-01-20'), // 10.005 → 10.00 (half to even)
      paid('J-3', 'C3', '2026-01', '500.00', '2026-01-10'), // 50.00
      paid('J-5', 'C5', '2026-01', '70.00', '2026-01-12'), // 7.00
      paid('F-1', 'C1', '2026-02', '99.99', '2026-02-14'), // 9.999 → 10.00
      paid('F-3', 'C3', '2026-02', '250.00', '2026-02-11'), // 25.00
    ],
  });
  expect(early.data.upsertBillingRecords.created).toBe(6);
  expect((await run('2026-01')).total.amount).toBe('187.45');
  expect((await run('2026-02')).total.amount).toBe('35.00');

  // C3 and C5 move to B from March; C3 pays in March (B's line), C5 does not (B has no line of it).
  for (const external of ['C3', 'C5']) {
    const id = (await gqlAs(tt.tokens.admin)(`{ customers(first: 100, filter: { search: "${external}" }) { nodes { id externalId } } }`)).data.customers.nodes.find((n: { externalId: string }) => n.externalId === external).id;
    const moved = await gqlAs(tt.tokens.partnerManager)(REASSIGN, { i: { customerId: id, resellerId: resellers.b.id, since: '2026-03-01', reason: 'Territory change' } });
    expect(moved.errors).toBeUndefined();
  }
  const march = await finance(UPSERT_BILLING, {
    r: [
      paid('M-2', 'C2', '2026-03', '80.00', '2026-03-09'), // A: 8.00
      paid('M-3', 'C3', '2026-03', '333.35', '2026-03-10'), // B: 33.335 → 33.34 (half to even)
    ],
  });
  expect(march.data.upsertBillingRecords.created).toBe(2);
  expect((await run('2026-03')).total.amount).toBe('41.34');
  const health = await gqlAs(tt.tokens.admin)(`mutation { recomputePartnerHealth { scored } }`);
  expect(health.errors).toBeUndefined();
});
afterAll(async () => api?.close());

describe('partner dashboard', () => {
  it("answers the dashboard query with each customer's latest line, exact money, MRR order", async () => {
    const d = await dashboard(tokens.a);
    expect(d.myReseller).toMatchObject({ id: resellers.a.id, code: resellers.a.code, status: 'ACTIVE' });
    expect(d.myReseller.companyName).toMatch(/^Acme Resale /);
    expect(d.myCustomers.totalCount).toBe(3);
    const rows = d.myCustomers.nodes.map((n) => [n.externalId, n.mrr.amount, n.latestCommissionLine && `${n.latestCommissionLine.period} ${n.latestCommissionLine.kind} ${n.latestCommissionLine.amount.amount}/${n.latestCommissionLine.base.amount} ${n.latestCommissionLine.amount.currency}`]);
    expect(rows).toEqual([
      ['C1', '300.00', '2026-02 CUSTOMER 10.00/99.99 USD'], // February is newer than January's 120.45
      ['C2', '200.00', '2026-03 CUSTOMER 8.00/80.00 USD'],
      ['C4', '50.00', null], // no payment, no line
    ]);
    expect(d.myCustomers.nodes[0]!.latestCommissionLine).toMatchObject({ status: 'CALCULATED', amount: { currency: 'USD' }, base: { currency: 'USD' } });
    // A's totals per period, newest first: March 8.00; February 10.00 + 25.00 (C3 was still A's); January all four.
    expect(d.myCommissionHistory).toEqual([
      { period: '2026-03', lineCount: 1, total: { amount: '8.00', currency: 'USD' } },
      { period: '2026-02', lineCount: 2, total: { amount: '35.00', currency: 'USD' } },
      { period: '2026-01', lineCount: 4, total: { amount: '187.45', currency: 'USD' } },
    ]);
    expect(d.myHealth).not.toBeNull();
    expect(d.myHealth!.components.map((c) => c.key)).toContain('revenuePerformance');
  });

  it("never shows a partner another reseller's lines: the new reseller sees its own line of a moved customer, or null", async () => {
    const d = await dashboard(tokens.b);
    const byExternal = Object.fromEntries(d.myCustomers.nodes.map((n) => [n.externalId, n.latestCommissionLine]));
    expect(Object.keys(byExternal).sort()).toEqual(['C3', 'C5']);
    // C3's newest line of all is B's March line; A's February 25.00 is never shown to B.
    expect(byExternal.C3).toMatchObject({ period: '2026-03', amount: { amount: '33.34' }, base: { amount: '333.35' } });
    // C5 only has A's January line: B sees nothing.
    expect(byExternal.C5).toBeNull();
    expect(d.myCommissionHistory).toEqual([{ period: '2026-03', lineCount: 1, total: { amount: '33.34', currency: 'USD' } }]);

    // The old reseller no longer lists the moved customers at all.
    const a = await dashboard(tokens.a);
    expect(a.myCustomers.nodes.map((n) => n.externalId)).not.toContain('C3');
  });

  it("gives staff every line of the tenant, the newest whichever reseller earned it", async () => {
    const result = await gqlAs(tt.tokens.finance)(STAFF_LIST);
    expect(result.errors).toBeUndefined();
    const byExternal = Object.fromEntries(result.data.customers.nodes.map((n: { externalId: string; latestCommissionLine: unknown }) => [n.externalId, n.latestCommissionLine]));
    expect(byExternal).toEqual({
      C1: { period: '2026-02', amount: { amount: '10.00' }, reseller: { code: resellers.a.code } },
      C2: { period: '2026-03', amount: { amount: '8.00' }, reseller: { code: resellers.a.code } },
      C3: { period: '2026-03', amount: { amount: '33.34' }, reseller: { code: resellers.b.code } },
      C4: null,
      C5: { period: '2026-01', amount: { amount: '7.00' }, reseller: { code: resellers.a.code } },
    });
  });

  it('skips a reversed line and falls back to the newest one left', async () => {
    // No service reverses a line yet (the status exists for corrections): set it the way one would.
    const connection = api.orm.em.getConnection();
    const [line] = await connection.execute<{ id: string }[]>(`select l.id from commission_line l join customer c on c.id = l.customer_id where l.tenant_id = ? and c.external_id = 'C1' and l.period = '2026-02'`, [tt.tenant.id]);
    if (!line) throw new Error("C1's February line is missing");
    await connection.execute(`update commission_line set status = 'REVERSED' where id = ? and tenant_id = ?`, [line.id, tt.tenant.id]);
    try {
      const c1 = (await dashboard(tokens.a)).myCustomers.nodes.find((n) => n.externalId === 'C1')!;
      expect(c1.latestCommissionLine).toMatchObject({ period: '2026-01', amount: { amount: '120.45' }, base: { amount: '1204.50' } });
    } finally {
      await connection.execute(`update commission_line set status = 'CALCULATED' where id = ? and tenant_id = ?`, [line.id, tt.tenant.id]);
    }
  });

  it('shows a new partner an empty dashboard, not an error', async () => {
    const d = await dashboard(tokens.fresh);
    expect(d.myReseller.id).toBe(resellers.fresh.id);
    expect(d.myCustomers).toEqual({ totalCount: 0, nodes: [] });
    expect(d.myCommissionHistory).toEqual([]);
  });

  it('shows another tenant nothing of the first, even when handed its customer ids', async () => {
    const other = await createTestTenant(api, 'dash-other');
    const otherReseller = await activeReseller(other);
    const otherPartner = await partnerToken(other, 'x', otherReseller.id);
    const d = await dashboard(otherPartner);
    expect(d.myCustomers).toEqual({ totalCount: 0, nodes: [] });
    expect(d.myCommissionHistory).toEqual([]);
    expect((await gqlAs(other.tokens.admin)(STAFF_LIST)).data.customers.nodes).toEqual([]);

    // The loader's raw SQL names its tenant: the first tenant's ids read as another tenant's staff find nothing.
    const ids = (await gqlAs(tt.tokens.admin)(`{ customers(first: 100) { nodes { id } } }`)).data.customers.nodes.map((n: { id: string }) => n.id);
    expect(ids).toHaveLength(5);
    const foreign = contextFor(api.services, { kind: 'system', tenantId: other.tenant.id, role: Role.ADMIN, resellerId: null, label: 'test' });
    expect(await latestCommissionLineLoader(foreign).loadMany(ids)).toEqual(ids.map(() => null));
    // …while the first tenant's own staff find them (the same ids, the same loader).
    const own = contextFor(api.services, { kind: 'system', tenantId: tt.tenant.id, role: Role.ADMIN, resellerId: null, label: 'test' });
    expect((await latestCommissionLineLoader(own).loadMany(ids)).filter((line) => line !== null)).toHaveLength(4);
  });

  it('reads the same number of SQL statements with 50 customers as with 5 (one batched statement for the lines)', async () => {
    const count = async () => {
      const statements: string[] = [];
      const knex = api.orm.em.getConnection().getKnex();
      const listener = (query: { sql: string }) => statements.push(query.sql);
      knex.on('query', listener);
      try {
        const d = await dashboard(tokens.bulk);
        return { d, statements: statements.filter((sql) => !/^(begin|commit|rollback|savepoint|release)/i.test(sql.trim())) };
      } finally {
        knex.off('query', listener);
      }
    };
    const addCustomers = async (from: number, to: number) => {
      const numbers = Array.from({ length: to - from + 1 }, (_, i) => from + i);
      const tag = (n: number) => `B${String(n).padStart(3, '0')}`;
      await gqlAs(tt.tokens.finance)(UPSERT_CUSTOMERS, { c: numbers.map((n) => ({ externalId: tag(n), name: `Bulk ${n}`, mrr: `${1000 + n}.00`, stage: 'ACTIVE', resellerCode: resellers.bulk.code, assignedSince: '2025-12-01' })) });
      // Every customer pays in April, so every row has a line to load.
      await gqlAs(tt.tokens.finance)(UPSERT_BILLING, { r: numbers.map((n) => paid(`A-${tag(n)}`, tag(n), '2026-04', `${n}.10`, '2026-04-10')) });
      await run('2026-04');
    };
    await addCustomers(1, 5);
    const five = await count();
    expect(five.d.myCustomers.nodes).toHaveLength(5);
    expect(five.d.myCustomers.nodes.every((n) => n.latestCommissionLine?.period === '2026-04')).toBe(true);
    await addCustomers(6, 50);
    const fifty = await count();
    expect(fifty.d.myCustomers.totalCount).toBe(50);
    expect(fifty.d.myCustomers.nodes).toHaveLength(50);
    // Top by MRR: B050 (1050.00) paid 50.10 → 5.01.
    expect(fifty.d.myCustomers.nodes[0]).toMatchObject({ externalId: 'B050', mrr: { amount: '1050.00' }, latestCommissionLine: { period: '2026-04', amount: { amount: '5.01' }, base: { amount: '50.10' } } });
    expect(fifty.d.myCustomers.nodes.every((n) => n.latestCommissionLine !== null)).toBe(true);
    expect(fifty.statements.length).toBe(five.statements.length);
    expect(fifty.statements.filter((sql) => /distinct on \(l\.customer_id\)/.test(sql))).toHaveLength(1);
  });
});
