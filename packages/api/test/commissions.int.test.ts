import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney, parseMoney } from '@reseller-hub/shared-schema/money';
import { Role } from '../src/auth/roles.js';
import { createStaffUser } from '../src/seeders/factories.js';
import { APPROVE, createTestTenant, errorCode, login, STAFF_PASSWORD, startTestApi, submitApplication, type TestApi, type TestTenant } from './helpers.js';

let api: TestApi;
let tt: TestTenant;
const resellers = {} as { a: { id: string; code: string }; b: { id: string; code: string } };
let ownerA: string;

async function activeReseller(t: TestTenant) {
  const { id } = await submitApplication(api, t);
  const reseller = (await api.gql(APPROVE, { input: { applicationId: id } }, { token: t.tokens.admin })).data.approveResellerApplication.reseller;
  await api.gql(`mutation($i: UpdateResellerStatusInput!) { updateResellerStatus(input: $i) { reseller { status } } }`, { i: { resellerId: reseller.id, status: 'ACTIVE', reason: 'Ready to sell' } }, { token: t.tokens.admin });
  return { id: reseller.id as string, code: reseller.code as string };
}

const gqlAs = (token: string) => (query: string, variables: Record<string, unknown> = {}) => api.gql(query, variables, { token });
const UPSERT_BILLING = `mutation($r: [BillingRecordInput!]!) { upsertBillingRecords(input: { records: $r }) { created updated unchanged } }`;
const RUN = `mutation($p: String!) { runCommissions(input: { period: $p }) { run { id status lineCount adjustmentCount revenue { amount currency } total { amount } } } }`;
const LINES = `query($p: String!) { commissionLines(filter: { period: $p }, first: 100) { totalCount nodes { kind status amount { amount } base { amount } rate tier adjustmentForPeriod trace plan reseller { code } customer { externalId } } } }`;

beforeAll(async () => {
  api = await startTestApi();
  tt = await createTestTenant(api, 'comm');
  resellers.a = await activeReseller(tt);
  resellers.b = await activeReseller(tt);
  await createStaffUser(api.orm.em, tt.tenant, { email: `owner-a@${tt.slug}.example`, name: 'Owner A', role: Role.RESELLER_OWNER, password: STAFF_PASSWORD, resellerId: resellers.a.id });
  ownerA = await login(api, tt.slug, `owner-a@${tt.slug}.example`, STAFF_PASSWORD);
  const finance = gqlAs(tt.tokens.finance);

  const standard = await finance(`mutation { createCommissionPlan(input: { name: "Standard", type: PERCENTAGE, effectiveFrom: "2026-01", isDefault: true, terms: { rate: "0.1000" } }) { plan { id versions { version rate minimumPayout } } } }`);
  expect(standard.data.createCommissionPlan.plan.versions).toEqual([{ version: 1, rate: '0.1000', minimumPayout: '50.00' }]);
  const tiered = await finance(`mutation { createCommissionPlan(input: { name: "Volume", type: TIERED, effectiveFrom: "2026-01", terms: { tierMode: WHOLE, tiers: [{ from: "0", rate: "0.10" }, { from: "10000.00", rate: "0.12" }, { from: "50000.00", rate: "0.15" }] } }) { plan { id } } }`);
  const assigned = await finance(`mutation($i: AssignCommissionPlanInput!) { assignCommissionPlan(input: $i) { effectiveFrom plan { name } } }`, { i: { resellerId: resellers.b.id, planId: tiered.data.createCommissionPlan.plan.id, effectiveFrom: '2026-01' } });
  expect(assigned.data.assignCommissionPlan).toEqual({ effectiveFrom: '2026-01', plan: { name: 'Volume' } });

  const customers = await finance(`mutation($c: [CustomerUpsertInput!]!) { upsertCustomers(input: { customers: $c }) { created updated unchanged } }`, {
    c: [
      { externalId: 'C1', name: 'Alice Home', resellerCode: resellers.a.code, assignedSince: '2025-12-01' },
      { externalId: 'C2', name: 'Bob Office', resellerCode: resellers.a.code, assignedSince: '2025-12-01' },
      { externalId: 'C3', name: 'Carol Corp', resellerCode: resellers.b.code, assignedSince: '2025-12-01' },
    ],
  });
  expect(customers.data.upsertCustomers).toEqual({ created: 3, updated: 0, unchanged: 0 });
  const billing = await finance(UPSERT_BILLING, {
    r: [
      { invoiceId: 'INV-1', customerExternalId: 'C1', period: '2026-01', invoicedAmount: '1204.50', paidAmount: '1204.50', paidDate: '2026-01-15' },
      { invoiceId: 'INV-2', customerExternalId: 'C2', period: '2026-01', invoicedAmount: '100.05', paidAmount: '100.05', paidDate: '2026-01-20' },
      { invoiceId: 'INV-3', customerExternalId: 'C3', period: '2026-01', invoicedAmount: '12000.00', paidAmount: '12000.00', paidDate: '2026-01-10' },
      { invoiceId: 'INV-4', customerExternalId: 'C1', period: '2026-02', invoicedAmount: '50.00' },
    ],
  });
  expect(billing.data.upsertBillingRecords).toEqual({ created: 4, updated: 0, unchanged: 0 });
});
afterAll(async () => api?.close());

describe('monthly commission run', () => {
  it('computes exact lines for percentage and tiered plans; unpaid invoices count for nothing', async () => {
    const run = await gqlAs(tt.tokens.finance)(RUN, { p: '2026-01' });
    expect(run.errors).toBeUndefined();
    // 1204.50 × 10 % = 120.45; 100.05 × 10 % = 10.005 → 10.00 (half to even); 12,000.00 reaches tier 2 (12 %) → 1,440.00
    expect(run.data.runCommissions.run).toMatchObject({ status: 'COMPLETED', lineCount: 3, adjustmentCount: 0, revenue: { amount: '13304.55', currency: 'USD' }, total: { amount: '1570.45' } });
    const result = await gqlAs(tt.tokens.partnerManager)(LINES, { p: '2026-01' });
    expect(result.errors).toBeUndefined();
    const lines = result.data.commissionLines;
    const byCustomer = Object.fromEntries(lines.nodes.map((line: { customer: { externalId: string } }) => [line.customer.externalId, line]));
    expect(byCustomer.C1).toMatchObject({ kind: 'CUSTOMER', status: 'CALCULATED', amount: { amount: '120.45' }, base: { amount: '1204.50' }, rate: '0.1000', plan: 'Standard v1', reseller: { code: resellers.a.code } });
    expect(byCustomer.C1.trace).toContain('INV-1');
    expect(byCustomer.C2.amount.amount).toBe('10.00');
    expect(byCustomer.C3).toMatchObject({ amount: { amount: '1440.00' }, rate: '0.1200', tier: 2, plan: 'Volume v1' });
  });

  it('is idempotent: a rerun replaces its own lines with identical ones', async () => {
    const first = await gqlAs(tt.tokens.admin)(LINES, { p: '2026-01' });
    const rerun = await gqlAs(tt.tokens.admin)(RUN, { p: '2026-01' });
    expect(rerun.data.runCommissions.run).toMatchObject({ lineCount: 3, total: { amount: '1570.45' } });
    const second = await gqlAs(tt.tokens.admin)(LINES, { p: '2026-01' });
    expect(second.data.commissionLines.totalCount).toBe(3);
    const strip = (nodes: unknown[]) => JSON.stringify([...nodes].map((n) => JSON.stringify(n)).sort());
    expect(strip(second.data.commissionLines.nodes)).toBe(strip(first.data.commissionLines.nodes));
  });

  it('re-sending the same billing records changes nothing', async () => {
    const again = await gqlAs(tt.tokens.finance)(UPSERT_BILLING, { r: [{ invoiceId: 'INV-1', customerExternalId: 'C1', period: '2026-01', invoicedAmount: '1204.50', paidAmount: '1204.50', paidDate: '2026-01-15' }] });
    expect(again.data.upsertBillingRecords).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect((await gqlAs(tt.tokens.finance)(RUN, { p: '2026-01' })).data.runCommissions.run.total.amount).toBe('1570.45');
  });

  it('a partner sees its own lines only, with the calculation explained', async () => {
    const mine = await gqlAs(ownerA)(`{ myCommissions(period: "2026-01") { total { amount currency } lines { amount { amount } trace reseller { code } } } }`);
    expect(mine.data.myCommissions.total).toEqual({ amount: '130.45', currency: 'USD' });
    expect(mine.data.myCommissions.lines.map((l: { reseller: { code: string } }) => l.reseller.code)).toEqual([resellers.a.code, resellers.a.code]);
  });

  it('approval makes lines payable and freezes them; closing makes the period final', async () => {
    const runs = await gqlAs(tt.tokens.finance)(`{ commissionRuns(period: "2026-01") { id status } }`);
    const latest = runs.data.commissionRuns[0];
    expect(runs.data.commissionRuns.length).toBeGreaterThanOrEqual(3);
    expect(errorCode(await gqlAs(tt.tokens.finance)(`mutation($i: PeriodInput!) { closeCommissionPeriod(input: $i) { close { period } } }`, { i: { period: '2026-01' } }))).toBe('CONFLICT');
    const stale = runs.data.commissionRuns[1];
    expect(errorCode(await gqlAs(tt.tokens.finance)(`mutation($i: CommissionRunIdInput!) { approveCommissionRun(input: $i) { run { status } } }`, { i: { runId: stale.id } }))).toBe('CONFLICT');
    const approved = await gqlAs(tt.tokens.finance)(`mutation($i: CommissionRunIdInput!) { approveCommissionRun(input: $i) { run { status approvedBy total { amount } periodClosedAt } } }`, { i: { runId: latest.id } });
    expect(approved.errors).toBeUndefined();
    expect(approved.data.approveCommissionRun.run).toEqual({ status: 'APPROVED', approvedBy: `finance@${tt.slug}.example`, total: { amount: '1570.45' }, periodClosedAt: null });
    const lines = await gqlAs(tt.tokens.finance)(LINES, { p: '2026-01' });
    expect(lines.data.commissionLines.nodes.every((l: { status: string }) => l.status === 'APPROVED')).toBe(true);
    expect(errorCode(await gqlAs(tt.tokens.finance)(RUN, { p: '2026-01' }))).toBe('CONFLICT');
    const closed = await gqlAs(tt.tokens.admin)(`mutation($i: PeriodInput!) { closeCommissionPeriod(input: $i) { close { period closedBy } } }`, { i: { period: '2026-01' } });
    expect(closed.data.closeCommissionPeriod.close).toEqual({ period: '2026-01', closedBy: `admin@${tt.slug}.example` });
    const runsAfter = await gqlAs(tt.tokens.finance)(`{ commissionRuns(period: "2026-01") { periodClosedAt } }`);
    expect(runsAfter.data.commissionRuns[0].periodClosedAt).not.toBeNull();
    expect(errorCode(await gqlAs(tt.tokens.finance)(RUN, { p: '2026-01' }))).toBe('CONFLICT');
    // A plan change cannot reach into the closed period.
    const plans = await gqlAs(tt.tokens.finance)(`{ commissionPlans { id name } }`);
    const standard = plans.data.commissionPlans.find((p: { name: string }) => p.name === 'Standard');
    expect(errorCode(await gqlAs(tt.tokens.finance)(`mutation($id: ID!) { createCommissionPlanVersion(input: { planId: $id, effectiveFrom: "2026-01", terms: { rate: "0.2" } }) { plan { id } } }`, { id: standard.id }))).toBe('CONFLICT');
  });

  it('late records of a closed period become adjustments in the first open period (refunds claw back)', async () => {
    await gqlAs(tt.tokens.finance)(UPSERT_BILLING, {
      r: [
        { invoiceId: 'CN-1', customerExternalId: 'C1', period: '2026-01', invoicedAmount: '-200.00', paidAmount: '-200.00', paidDate: '2026-01-28' },
        { invoiceId: 'INV-5', customerExternalId: 'C1', period: '2026-02', invoicedAmount: '300.00', paidAmount: '300.00', paidDate: '2026-02-03' },
        { invoiceId: 'INV-6', customerExternalId: 'C3', period: '2026-01', invoicedAmount: '500.00', paidAmount: '500.00', paidDate: '2026-01-30' },
      ],
    });
    const run = await gqlAs(tt.tokens.finance)(RUN, { p: '2026-02' });
    expect(run.data.runCommissions.run).toMatchObject({ lineCount: 3, adjustmentCount: 2 });
    const lines = (await gqlAs(tt.tokens.finance)(LINES, { p: '2026-02' })).data.commissionLines.nodes;
    const regular = lines.filter((l: { kind: string }) => l.kind === 'CUSTOMER');
    const adjustments = lines.filter((l: { kind: string }) => l.kind === 'ADJUSTMENT');
    expect(regular).toHaveLength(1);
    expect(regular[0]).toMatchObject({ amount: { amount: '30.00' }, customer: { externalId: 'C1' } });
    const adjC1 = adjustments.find((l: { customer: { externalId: string } }) => l.customer.externalId === 'C1');
    expect(adjC1).toMatchObject({ adjustmentForPeriod: '2026-01', amount: { amount: '-20.00' }, base: { amount: '-200.00' } });
    expect(adjC1.trace).toContain('CN-1');
    // C3's late payment uses the tier reached in January (12 %), not a re-decided tier.
    const adjC3 = adjustments.find((l: { customer: { externalId: string } }) => l.customer.externalId === 'C3');
    expect(adjC3).toMatchObject({ amount: { amount: '60.00' }, rate: '0.1200' });
    // The closed period's lines are untouched.
    const january = (await gqlAs(tt.tokens.finance)(LINES, { p: '2026-01' })).data.commissionLines;
    expect(january.totalCount).toBe(3);
    expect(january.nodes.every((l: { status: string }) => l.status === 'APPROVED')).toBe(true);
    // Re-running February gives the same adjustments, not double ones.
    const rerun = await gqlAs(tt.tokens.finance)(RUN, { p: '2026-02' });
    expect(rerun.data.runCommissions.run).toMatchObject({ lineCount: 3, adjustmentCount: 2, total: run.data.runCommissions.run.total });
  });

  it('two concurrent runs of a period never duplicate lines', async () => {
    const results = await Promise.all([gqlAs(tt.tokens.finance)(RUN, { p: '2026-02' }), gqlAs(tt.tokens.admin)(RUN, { p: '2026-02' })]);
    for (const result of results) {
      if (result.errors) expect(errorCode(result)).toBe('CONFLICT');
    }
    expect(results.some((result) => !result.errors)).toBe(true);
    expect((await gqlAs(tt.tokens.finance)(LINES, { p: '2026-02' })).data.commissionLines.totalCount).toBe(3);
  });
});

describe('a failing run', () => {
  it('writes nothing, keeps the previous lines and is recorded as FAILED with its error', async () => {
    const before = (await gqlAs(tt.tokens.finance)(LINES, { p: '2026-02' })).data.commissionLines;
    // Corrupt the stored plan so the engine refuses it (validation never lets this in through the API).
    await api.orm.em.getConnection().execute(`update commission_plan_version set rate_units = null where tenant_id = ? and version = 1 and plan_id in (select id from commission_plan where name = 'Standard')`, [tt.tenant.id]);
    try {
      const failed = await gqlAs(tt.tokens.finance)(RUN, { p: '2026-02' });
      expect(errorCode(failed)).toBe('INTERNAL_SERVER_ERROR');
      expect(failed.errors![0]!.message).not.toMatch(/rate|plan|sql/i);
    } finally {
      await api.orm.em.getConnection().execute(`update commission_plan_version set rate_units = 1000 where tenant_id = ? and version = 1 and plan_id in (select id from commission_plan where name = 'Standard')`, [tt.tenant.id]);
    }
    const runs = (await gqlAs(tt.tokens.finance)(`{ commissionRuns(period: "2026-02") { status error progressPercent finishedAt } }`)).data.commissionRuns;
    expect(runs[0]).toMatchObject({ status: 'FAILED', error: expect.stringMatching(/Internal error: .*rate/i) });
    expect(runs[1]).toMatchObject({ status: 'COMPLETED', progressPercent: 100 });
    const after = (await gqlAs(tt.tokens.finance)(LINES, { p: '2026-02' })).data.commissionLines;
    expect(after).toEqual(before);
  });
});

describe('disputes', () => {
  it('a partner disputes its own line; finance upholds it; the difference is an approved adjustment in the first open period', async () => {
    const mine = await gqlAs(ownerA)(`{ myCommissions(period: "2026-02") { lines { id kind amount { amount } } } }`);
    const line = mine.data.myCommissions.lines.find((l: { kind: string }) => l.kind === 'CUSTOMER');
    expect(line.amount.amount).toBe('30.00');
    // Another reseller's line is NOT_FOUND for this partner.
    const lineOfB = (await gqlAs(tt.tokens.finance)(LINES, { p: '2026-01' })).data.commissionLines.nodes.find((l: { reseller: { code: string } }) => l.reseller.code === resellers.b.code);
    const all = await gqlAs(tt.tokens.finance)(`{ commissionLines(filter: { period: "2026-01" }) { nodes { id reseller { code } } } }`);
    const idOfB = all.data.commissionLines.nodes.find((l: { reseller: { code: string } }) => l.reseller.code === resellers.b.code).id;
    expect(lineOfB).toBeDefined();
    expect(errorCode(await gqlAs(ownerA)(`mutation($i: DisputeCommissionLineInput!) { disputeCommissionLine(input: $i) { dispute { id } } }`, { i: { lineId: idOfB, message: 'not mine' } }))).toBe('NOT_FOUND');

    const opened = await gqlAs(ownerA)(`mutation($i: DisputeCommissionLineInput!) { disputeCommissionLine(input: $i) { dispute { id status line { status } } } }`, { i: { lineId: line.id, message: 'INV-5 was 350.00, not 300.00' } });
    expect(opened.data.disputeCommissionLine.dispute).toMatchObject({ status: 'OPEN', line: { status: 'DISPUTED' } });
    const disputeId = opened.data.disputeCommissionLine.dispute.id;
    expect(errorCode(await gqlAs(ownerA)(`mutation($i: DisputeCommissionLineInput!) { disputeCommissionLine(input: $i) { dispute { id } } }`, { i: { lineId: line.id, message: 'again' } }))).toBe('CONFLICT');
    // A disputed period cannot be recalculated under the partner's feet.
    expect(errorCode(await gqlAs(tt.tokens.finance)(RUN, { p: '2026-02' }))).toBe('CONFLICT');
    await gqlAs(tt.tokens.finance)(`mutation($i: AddCommissionDisputeMessageInput!) { addCommissionDisputeMessage(input: $i) { dispute { id } } }`, { i: { disputeId, message: 'Checking the invoice.' } });
    // A rejection keeps the calculated amount: a corrected amount with it is refused, not dropped.
    const rejectedWithAmount = await gqlAs(tt.tokens.finance)(`mutation($i: ResolveCommissionDisputeInput!) { resolveCommissionDispute(input: $i) { dispute { status } } }`, {
      i: { disputeId, resolution: 'REJECTED', message: 'No.', correctedAmount: '35.00' },
    });
    expect(errorCode(rejectedWithAmount)).toBe('BAD_USER_INPUT');
    expect(rejectedWithAmount.errors![0]!.extensions!.fieldErrors).toEqual({ correctedAmount: 'Only when the dispute is upheld' });
    const resolved = await gqlAs(tt.tokens.finance)(
      `mutation($i: ResolveCommissionDisputeInput!) { resolveCommissionDispute(input: $i) { dispute { status resolution correctedAmount { amount } line { status } messages { authorLabel fromPartner body } } } }`,
      { i: { disputeId, resolution: 'UPHELD', message: 'You are right: corrected to 35.00.', correctedAmount: '35.00' } },
    );
    expect(resolved.data.resolveCommissionDispute.dispute).toEqual({
      status: 'RESOLVED',
      resolution: 'UPHELD',
      correctedAmount: { amount: '35.00' },
      line: { status: 'CALCULATED' },
      messages: [
        { authorLabel: `owner-a@${tt.slug}.example`, fromPartner: true, body: 'INV-5 was 350.00, not 300.00' },
        { authorLabel: `finance@${tt.slug}.example`, fromPartner: false, body: 'Checking the invoice.' },
        { authorLabel: `finance@${tt.slug}.example`, fromPartner: false, body: 'You are right: corrected to 35.00.' },
      ],
    });
    const after = await gqlAs(ownerA)(`{ myCommissions(period: "2026-02") { total { amount } lines { kind status amount { amount } trace } } }`);
    const correction = after.data.myCommissions.lines.find((l: { trace: string }) => l.trace.startsWith('Dispute resolved'));
    expect(correction).toMatchObject({ kind: 'ADJUSTMENT', status: 'APPROVED', amount: { amount: '5.00' } });
    // The correction survives a rerun of the open period, and is not duplicated by it.
    const rerun = await gqlAs(tt.tokens.finance)(RUN, { p: '2026-02' });
    expect(rerun.errors).toBeUndefined();
    // The dispute and its thread outlive the rerun that replaced the disputed line.
    const kept = await gqlAs(tt.tokens.finance)(`{ commissionDisputes { period lineTrace lineAmount { amount } status line { id } messages { body } } }`);
    expect(kept.data.commissionDisputes).toHaveLength(1);
    expect(kept.data.commissionDisputes[0]).toMatchObject({ period: '2026-02', lineAmount: { amount: '30.00' }, status: 'RESOLVED', line: null });
    expect(kept.data.commissionDisputes[0].messages).toHaveLength(3);
    const again = await gqlAs(ownerA)(`{ myCommissions(period: "2026-02") { total { amount } lines { trace } } }`);
    expect(again.data.myCommissions.lines.filter((l: { trace: string }) => l.trace.startsWith('Dispute resolved'))).toHaveLength(1);
    expect(again.data.myCommissions.total).toEqual(after.data.myCommissions.total);
    const history = await gqlAs(ownerA)(`{ myCommissionHistory(periods: 12) { period lineCount total { amount } } }`);
    expect(history.data.myCommissionHistory.map((h: { period: string }) => h.period)).toEqual(['2026-02', '2026-01']);
    expect(history.data.myCommissionHistory[0].total).toEqual(again.data.myCommissions.total);
  });
});

describe('report', () => {
  it('groups a period by reseller, plan, tier and status; totals add up; CSV matches', async () => {
    const totals = new Set<string>();
    for (const groupBy of ['RESELLER', 'PLAN', 'TIER', 'STATUS']) {
      const report = await gqlAs(tt.tokens.partnerManager)(`query($g: CommissionReportGroup!) { commissionReport(period: "2026-01", groupBy: $g) { total { amount } csv rows { label lineCount revenue { amount } amount { amount } } } }`, { g: groupBy });
      expect(report.errors).toBeUndefined();
      const { rows, total, csv } = report.data.commissionReport;
      const sum = rows.reduce((s: bigint, r: { amount: { amount: string } }) => s + parseMoney(r.amount.amount), 0n);
      expect(formatMoney(sum)).toBe(total.amount);
      expect(csv.trim().split('\n')).toHaveLength(rows.length + 1);
      totals.add(total.amount);
    }
    expect([...totals]).toEqual(['1570.45']);
    const byReseller = await gqlAs(tt.tokens.finance)(`{ commissionReport(period: "2026-01", groupBy: RESELLER) { rows { label amount { amount } } csv } }`);
    expect(byReseller.data.commissionReport.rows).toEqual([
      { label: expect.stringContaining(resellers.a.code), amount: { amount: '130.45' } },
      { label: expect.stringContaining(resellers.b.code), amount: { amount: '1440.00' } },
    ].sort((x, y) => (x.label < y.label ? -1 : 1)));
    expect(byReseller.data.commissionReport.csv.split('\n')[0]).toBe('reseller,lines,revenue,commission');
  });
});

describe('reconciliation', () => {
  const RECONCILE = `mutation($p: String!) { reconcileCommissions(input: { period: $p }) { reconciliation { id openCount expectedTotal { amount } storedTotal { amount } discrepancies { id kind detail status expected { amount } stored { amount } difference { amount } customer { externalId } } } } }`;

  it('finds nothing when the stored lines are what the billing records give', async () => {
    const result = await gqlAs(tt.tokens.finance)(RECONCILE, { p: '2026-02' });
    expect(result.errors).toBeUndefined();
    const reconciliation = result.data.reconcileCommissions.reconciliation;
    expect(reconciliation.discrepancies).toEqual([]);
    expect(reconciliation.expectedTotal).toEqual(reconciliation.storedTotal);
  });

  it('reports a one-cent difference and revenue that earns nobody; decisions are recorded once', async () => {
    // A stored line changed behind the engine's back, and a customer with no reseller pays in February.
    await api.orm.em.getConnection().execute(`update commission_line set amount_cents = amount_cents + 1 where tenant_id = ? and period = '2026-02' and kind = 'CUSTOMER'`, [tt.tenant.id]);
    await gqlAs(tt.tokens.finance)(`mutation { upsertCustomers(input: { customers: [{ externalId: "C9", name: "Nobody's Customer" }] }) { created } }`);
    await gqlAs(tt.tokens.finance)(UPSERT_BILLING, { r: [{ invoiceId: 'INV-9', customerExternalId: 'C9', period: '2026-02', invoicedAmount: '80.00', paidAmount: '80.00', paidDate: '2026-02-11' }] });
    const result = await gqlAs(tt.tokens.finance)(RECONCILE, { p: '2026-02' });
    const reconciliation = result.data.reconcileCommissions.reconciliation;
    const kinds = reconciliation.discrepancies.map((d: { kind: string }) => d.kind).sort();
    expect(kinds).toEqual(['AMOUNT_DIFFERS', 'UNASSIGNED_CUSTOMER']);
    const differs = reconciliation.discrepancies.find((d: { kind: string }) => d.kind === 'AMOUNT_DIFFERS');
    expect(differs).toMatchObject({ expected: { amount: '30.00' }, stored: { amount: '30.01' }, difference: { amount: '-0.01' }, customer: { externalId: 'C1' }, status: 'OPEN' });
    const unassigned = reconciliation.discrepancies.find((d: { kind: string }) => d.kind === 'UNASSIGNED_CUSTOMER');
    expect(unassigned.detail).toContain('INV-9');
    expect(reconciliation.openCount).toBe(2);

    const RESOLVE = `mutation($i: ResolveReconciliationItemInput!) { resolveReconciliationItem(input: $i) { reconciliation { openCount discrepancies { id status note } } } }`;
    const adjusted = await gqlAs(tt.tokens.finance)(RESOLVE, { i: { reconciliationId: reconciliation.id, itemId: differs.id, action: 'ADJUST', note: 'Manual edit reverted' } });
    expect(adjusted.data.resolveReconciliationItem.reconciliation.openCount).toBe(1);
    const accepted = await gqlAs(tt.tokens.admin)(RESOLVE, { i: { reconciliationId: reconciliation.id, itemId: unassigned.id, action: 'ACCEPT', note: 'House account, no partner' } });
    expect(accepted.data.resolveReconciliationItem.reconciliation.openCount).toBe(0);
    expect(errorCode(await gqlAs(tt.tokens.finance)(RESOLVE, { i: { reconciliationId: reconciliation.id, itemId: differs.id, action: 'ACCEPT', note: 'again' } }))).toBe('CONFLICT');
    // The adjustment pays back the cent: an approved line of -0.01 in the open period.
    const lines = (await gqlAs(tt.tokens.finance)(LINES, { p: '2026-02' })).data.commissionLines.nodes;
    const correction = lines.find((l: { trace: string }) => l.trace.startsWith('Reconciliation of 2026-02'));
    expect(correction).toMatchObject({ kind: 'ADJUSTMENT', status: 'APPROVED', amount: { amount: '-0.01' } });
  });
});

describe('bad input is refused whole', () => {
  it('billing records: every bad row is reported and nothing is stored', async () => {
    const result = await gqlAs(tt.tokens.finance)(UPSERT_BILLING, {
      r: [
        { invoiceId: 'OK-1', customerExternalId: 'C1', period: '2026-03', invoicedAmount: '10.00' },
        { invoiceId: 'BAD-1', customerExternalId: 'C1', period: '2026-13', invoicedAmount: '10.00' },
        { invoiceId: 'BAD-2', customerExternalId: 'NOPE', period: '2026-03', invoicedAmount: '1e3' },
        { invoiceId: 'BAD-3', customerExternalId: 'C1', period: '2026-03', invoicedAmount: '10.001', paidAmount: '5.00' },
        { invoiceId: 'OK-1', customerExternalId: 'C1', period: '2026-03', invoicedAmount: '10.00' },
      ],
    });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    const rowErrors = result.errors![0]!.extensions!.rowErrors as { index: number; field: string }[];
    expect(rowErrors.map((e) => `${e.index}:${e.field}`).sort()).toEqual(['1:period', '2:customerExternalId', '2:invoicedAmount', '3:invoicedAmount', '3:paidDate', '4:invoiceId'].sort());
    const ok = await gqlAs(tt.tokens.finance)(UPSERT_BILLING, { r: [{ invoiceId: 'OK-1', customerExternalId: 'C1', period: '2026-03', invoicedAmount: '10.00' }] });
    expect(ok.data.upsertBillingRecords.created).toBe(1); // proves OK-1 was not stored by the refused batch
  });

  it('plans: terms must fit the type', async () => {
    const bad = await gqlAs(tt.tokens.finance)(`mutation { createCommissionPlan(input: { name: "Broken", type: TIERED, effectiveFrom: "2026-03", terms: { tiers: [{ from: "100", rate: "0.1" }, { from: "50", rate: "1.5" }] } }) { plan { id } } }`);
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(Object.keys(bad.errors![0]!.extensions!.fieldErrors!).sort()).toEqual(['tierMode', 'tiers.0.from', 'tiers.1.rate'].sort());
    expect(errorCode(await gqlAs(tt.tokens.finance)(RUN, { p: '2026-13' }))).toBe('BAD_USER_INPUT');
  });
});

describe('tenancy', () => {
  it("another tenant's finance sees none of it and its run pays nobody here", async () => {
    const other = await createTestTenant(api, 'comm2');
    const finance = gqlAs(other.tokens.finance);
    expect((await finance(`{ commissionRuns { id } }`)).data.commissionRuns).toEqual([]);
    expect((await finance(LINES, { p: '2026-01' })).data.commissionLines.totalCount).toBe(0);
    // Same external id, different tenant: a different customer.
    expect((await finance(`mutation { upsertCustomers(input: { customers: [{ externalId: "C1", name: "Other C1" }] }) { created } }`)).data.upsertCustomers.created).toBe(1);
    await finance(`mutation { createCommissionPlan(input: { name: "Std", type: PERCENTAGE, effectiveFrom: "2026-01", isDefault: true, terms: { rate: "0.5" } }) { plan { id } } }`);
    const run = await finance(RUN, { p: '2026-01' });
    expect(run.data.runCommissions.run).toMatchObject({ lineCount: 0, total: { amount: '0.00' } });
    const ownRuns = await gqlAs(tt.tokens.finance)(`{ commissionRuns(period: "2026-01") { status } }`);
    expect(ownRuns.data.commissionRuns[0].status).toBe('APPROVED');
  });
});
