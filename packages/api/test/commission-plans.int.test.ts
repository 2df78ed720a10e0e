/** Plan behaviours that need the database: holding days at the period edge, flat fees for new and active customers. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../src/auth/roles.js';
import { createStaffUser } from '../src/seeders/factories.js';
import { APPROVE, createTestTenant, errorCode, login, STAFF_PASSWORD, startTestApi, submitApplication, type TestApi, type TestTenant } from './helpers.js';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => api?.close());

async function tenantWithReseller(label: string, planInput: string) {
  const t = await createTestTenant(api, label);
  const { id } = await submitApplication(api, t);
  const reseller = (await api.gql(APPROVE, { input: { applicationId: id } }, { token: t.tokens.admin })).data.approveResellerApplication.reseller;
  await api.gql(`mutation($i: UpdateResellerStatusInput!) { updateResellerStatus(input: $i) { reseller { id } } }`, { i: { resellerId: reseller.id, status: 'ACTIVE', reason: 'Live' } }, { token: t.tokens.admin });
  const plan = await api.gql(`mutation { createCommissionPlan(input: ${planInput}) { plan { id } } }`, {}, { token: t.tokens.finance });
  expect(plan.errors).toBeUndefined();
  return { t, code: reseller.code as string, resellerId: reseller.id as string };
}

const finance = (t: TestTenant) => (query: string, variables: Record<string, unknown> = {}) => api.gql(query, variables, { token: t.tokens.finance });
const lines = async (t: TestTenant, period: string) => {
  const run = await finance(t)(`mutation($p: String!) { runCommissions(input: { period: $p }) { run { total { amount } } } }`, { p: period });
  expect(run.errors).toBeUndefined();
  const result = await finance(t)(`query($p: String!) { commissionLines(filter: { period: $p }) { nodes { amount { amount } fee { amount } customer { externalId } trace } } }`, { p: period });
  return { total: run.data.runCommissions.run.total.amount as string, lines: result.data.commissionLines.nodes };
};

describe('holding period', () => {
  it('a payment counts in the period containing paid date + holding days (edge days both sides)', async () => {
    const { t, code } = await tenantWithReseller('hold', `{ name: "Held", type: PERCENTAGE, effectiveFrom: "2026-01", isDefault: true, terms: { rate: "0.10", holdingDays: 7 } }`);
    await finance(t)(`mutation($c: [CustomerUpsertInput!]!) { upsertCustomers(input: { customers: $c }) { created } }`, { c: [{ externalId: 'H1', name: 'H1', resellerCode: code, assignedSince: '2026-01-01' }] });
    await finance(t)(`mutation($r: [BillingRecordInput!]!) { upsertBillingRecords(input: { records: $r }) { created } }`, {
      r: [
        { invoiceId: 'M-24', customerExternalId: 'H1', period: '2026-03', invoicedAmount: '100.00', paidAmount: '100.00', paidDate: '2026-03-24' }, // +7 = 03-31: March
        { invoiceId: 'M-25', customerExternalId: 'H1', period: '2026-03', invoicedAmount: '200.00', paidAmount: '200.00', paidDate: '2026-03-25' }, // +7 = 04-01: April
      ],
    });
    expect((await lines(t, '2026-03')).total).toBe('10.00');
    expect((await lines(t, '2026-04')).total).toBe('20.00');
  });
});

describe('flat fee plan', () => {
  it('pays the new-customer fee once, in the month of the first payment, and the active fee every month with revenue', async () => {
    const { t, code } = await tenantWithReseller('flat', `{ name: "Flat", type: FLAT_FEE, effectiveFrom: "2026-01", isDefault: true, terms: { perNewCustomer: "50.00", perActiveCustomer: "5.00" } }`);
    await finance(t)(`mutation($c: [CustomerUpsertInput!]!) { upsertCustomers(input: { customers: $c }) { created } }`, {
      c: [
        { externalId: 'F1', name: 'F1', resellerCode: code, assignedSince: '2026-01-01' },
        { externalId: 'F2', name: 'F2', resellerCode: code, assignedSince: '2026-01-01' },
      ],
    });
    await finance(t)(`mutation($r: [BillingRecordInput!]!) { upsertBillingRecords(input: { records: $r }) { created } }`, {
      r: [
        { invoiceId: 'F1-1', customerExternalId: 'F1', period: '2026-01', invoicedAmount: '30.00', paidAmount: '30.00', paidDate: '2026-01-10' },
        { invoiceId: 'F1-2', customerExternalId: 'F1', period: '2026-02', invoicedAmount: '30.00', paidAmount: '30.00', paidDate: '2026-02-10' },
        { invoiceId: 'F2-2', customerExternalId: 'F2', period: '2026-02', invoicedAmount: '30.00', paidAmount: '30.00', paidDate: '2026-02-12' },
      ],
    });
    expect((await lines(t, '2026-01')).total).toBe('55.00'); // F1 new + active
    const february = await lines(t, '2026-02');
    expect(february.total).toBe('60.00'); // F1 active 5 + F2 new 50 + active 5
    const f1 = february.lines.find((l: { customer: { externalId: string } }) => l.customer.externalId === 'F1');
    expect(f1.amount.amount).toBe('5.00');
  });
});

describe('monthly cap', () => {
  it('cuts the reseller total to the cap with one CAP line', async () => {
    const { t, code, resellerId } = await tenantWithReseller('cap', `{ name: "Capped", type: PERCENTAGE, effectiveFrom: "2026-01", isDefault: true, terms: { rate: "0.10", monthlyCap: "100.00" } }`);
    await finance(t)(`mutation($c: [CustomerUpsertInput!]!) { upsertCustomers(input: { customers: $c }) { created } }`, { c: [{ externalId: 'K1', name: 'K1', resellerCode: code, assignedSince: '2026-01-01' }] });
    await finance(t)(`mutation($r: [BillingRecordInput!]!) { upsertBillingRecords(input: { records: $r }) { created } }`, { r: [{ invoiceId: 'K-1', customerExternalId: 'K1', period: '2026-01', invoicedAmount: '1500.00', paidAmount: '1500.00', paidDate: '2026-01-05' }] });
    const january = await lines(t, '2026-01');
    expect(january.total).toBe('100.00');
    const cap = january.lines.find((l: { customer: unknown }) => l.customer === null);
    expect(cap.amount.amount).toBe('-50.00');
    expect(cap.trace).toMatch(/cap/i);
    // The cap follows from the plan: a partner disputes customer lines, not the cap.
    await createStaffUser(api.orm.em, t.tenant, { email: `owner@${t.slug}.example`, name: 'Owner', role: Role.RESELLER_OWNER, password: STAFF_PASSWORD, resellerId });
    const owner = await login(api, t.slug, `owner@${t.slug}.example`, STAFF_PASSWORD);
    const capId = (await api.gql(`{ myCommissions(period: "2026-01") { lines { id kind } } }`, {}, { token: owner })).data.myCommissions.lines.find((l: { kind: string }) => l.kind === 'CAP').id;
    const refused = await api.gql(`mutation($i: DisputeCommissionLineInput!) { disputeCommissionLine(input: $i) { dispute { id } } }`, { i: { lineId: capId, message: 'Too low' } }, { token: owner });
    expect(errorCode(refused)).toBe('CONFLICT');
  });
});
