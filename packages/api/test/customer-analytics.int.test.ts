/**
 * Portfolio analytics and customer health against a hand-computed fixture: eight customers of one
 * reseller with dated lifecycles, invoices and interactions on a fixed clock (2026-06-15). Every
 * expected figure below is worked out by hand in the comments, not by the code under test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPROVE, createTestTenant, errorCode, startTestApi, submitApplication, type TestApi, type TestTenant } from './helpers.js';

let api: TestApi;
let tt: TestTenant;
let reseller: { id: string; code: string };
const ids: Record<string, string> = {};

type Move = [string | null, string, string]; // from, to, date
const LIFECYCLES: Record<string, { stage: string; signup?: string; mrr?: string; usage?: number; moves: Move[] }> = {
  A: { stage: 'ACTIVE', signup: '2026-01-10', mrr: '100.00', moves: [[null, 'ACTIVE', '2026-01-10']] },
  B: { stage: 'EXPANSION', signup: '2026-01-20', mrr: '250.00', moves: [[null, 'ACTIVE', '2026-01-20'], ['ACTIVE', 'EXPANSION', '2026-04-01']] },
  C: { stage: 'AT_RISK', signup: '2026-02-05', mrr: '50.00', moves: [[null, 'ACTIVE', '2026-02-05'], ['ACTIVE', 'AT_RISK', '2026-05-01']] },
  D: { stage: 'CHURNED', signup: '2026-01-15', mrr: '80.00', moves: [[null, 'ACTIVE', '2026-01-15'], ['ACTIVE', 'AT_RISK', '2026-02-20'], ['AT_RISK', 'CHURNED', '2026-04-10']] },
  E: { stage: 'CHURNED', signup: '2026-02-10', mrr: '60.00', moves: [[null, 'ACTIVE', '2026-02-10'], ['ACTIVE', 'AT_RISK', '2026-03-01'], ['AT_RISK', 'CHURNED', '2026-03-10']] },
  F: { stage: 'QUALIFIED', moves: [[null, 'PROSPECT', '2026-05-01'], ['PROSPECT', 'LEAD', '2026-05-05'], ['LEAD', 'QUALIFIED', '2026-05-10']] },
  G: { stage: 'CHURNED', moves: [[null, 'PROSPECT', '2026-04-01'], ['PROSPECT', 'LEAD', '2026-04-03'], ['LEAD', 'CHURNED', '2026-04-20']] },
  H: {
    stage: 'ACTIVE',
    signup: '2026-03-20',
    mrr: '120.00',
    usage: 10,
    moves: [
      [null, 'PROSPECT', '2026-03-01'], ['PROSPECT', 'LEAD', '2026-03-05'], ['LEAD', 'QUALIFIED', '2026-03-08'], ['QUALIFIED', 'PROPOSAL', '2026-03-12'],
      ['PROPOSAL', 'NEGOTIATION', '2026-03-15'], ['NEGOTIATION', 'CLOSED_WON', '2026-03-20'], ['CLOSED_WON', 'ONBOARDING', '2026-03-25'], ['ONBOARDING', 'ACTIVE', '2026-04-05'],
    ],
  },
};

beforeAll(async () => {
  api = await startTestApi();
  api.clock.current = new Date('2026-06-15T12:00:00Z');
  tt = await createTestTenant(api, 'analytics');
  const approve = async () => {
    const { id } = await submitApplication(api, tt);
    const approved = (await api.gql(APPROVE, { input: { applicationId: id } }, { token: tt.tokens.admin })).data.approveResellerApplication.reseller;
    return { id: approved.id as string, code: (await api.gql(`query($id: ID!) { reseller(id: $id) { code } }`, { id: approved.id }, { token: tt.tokens.admin })).data.reseller.code as string };
  };
  reseller = await approve();
  const elsewhere = await approve();
  const customers = Object.entries(LIFECYCLES).map(([key, c]) => ({ externalId: key, name: `Customer ${key}`, stage: c.stage, signupDate: c.signup, mrr: c.mrr, usagePercent: c.usage, resellerCode: reseller.code, assignedSince: '2025-12-01' }));
  customers.push({ externalId: 'X', name: 'Elsewhere', stage: 'PROSPECT', signupDate: undefined, mrr: '999.00', usagePercent: undefined, resellerCode: elsewhere.code, assignedSince: '2025-12-01' });
  const upsert = await api.gql(`mutation($i: UpsertCustomersInput!) { upsertCustomers(input: $i) { created } }`, { i: { customers } }, { token: tt.tokens.admin });
  expect(upsert.data.upsertCustomers.created).toBe(9);
  const list = await api.gql(`{ customers(first: 100) { nodes { id externalId } } }`, {}, { token: tt.tokens.admin });
  for (const node of list.data.customers.nodes) ids[node.externalId] = node.id;

  // The fixture's lifecycles replace the creation rows (a test cannot wait months).
  const connection = api.orm.em.getConnection();
  await connection.execute(`delete from customer_stage_transition where tenant_id = ?`, [tt.tenant.id]);
  for (const [key, c] of Object.entries(LIFECYCLES)) {
    for (const [from, to, date] of c.moves) {
      await connection.execute(
        `insert into customer_stage_transition (id, tenant_id, created_at, customer_id, from_stage, to_stage, at, actor, reason) values (gen_random_uuid(), ?, now(), ?, ?, ?, ?, 'fixture', null)`,
        [tt.tenant.id, ids[key], from, to, `${date}T09:00:00Z`],
      );
    }
  }

  const invoice = (customer: string, period: string, amount: string, paidDate: string | null, paid = amount) => ({
    invoiceId: `${customer}-${period}-${amount}`,
    customerExternalId: customer,
    period,
    invoicedAmount: amount,
    paidAmount: paidDate ? paid : '0',
    paidDate,
  });
  const billing = await api.gql(`mutation($i: UpsertBillingRecordsInput!) { upsertBillingRecords(input: $i) { created } }`, {
    i: {
      records: [
        invoice('A', '2026-03', '100.00', '2026-03-05'),
        invoice('B', '2026-03', '200.00', '2026-03-31'),
        invoice('A', '2026-04', '100.00', '2026-04-30'),
        invoice('A', '2026-04', '-20.00', '2026-04-30'), // a refund: not recurring revenue
        invoice('B', '2026-04', '250.00', '2026-04-02'),
        invoice('C', '2026-04', '50.00', null), // never paid: late
        invoice('A', '2026-05', '100.00', '2026-06-02'), // paid after its month: late
        invoice('B', '2026-05', '250.00', '2026-05-20'),
        invoice('C', '2026-05', '50.00', '2026-05-02'),
        invoice('H', '2026-05', '120.00', '2026-06-10'), // late
        invoice('X', '2026-05', '999.00', '2026-05-03'), // another reseller's customer
        invoice('A', '2026-06', '100.00', null), // open, not due before 2026-06-30: not counted yet
      ],
    },
  }, { token: tt.tokens.finance });
  expect(billing.data.upsertBillingRecords.created).toBe(12);

  const LOG = `mutation($i: LogCustomerInteractionInput!) { logCustomerInteraction(input: $i) { interaction { id } } }`;
  const log = (customer: string, type: string, occurredOn: string, satisfaction: number | null) =>
    api.gql(LOG, { i: { customerId: ids[customer], type, occurredOn, outcome: 'NEGATIVE', satisfaction } }, { token: tt.tokens.partnerManager });
  await log('A', 'COMPLAINT', '2026-05-20', 3);
  await log('A', 'COMPLAINT', '2026-06-05', 5);
  await log('H', 'TECHNICAL_ISSUE', '2026-05-20', null);
  await log('H', 'TECHNICAL_ISSUE', '2026-05-25', null);
  await log('H', 'TECHNICAL_ISSUE', '2026-06-01', null);
});
afterAll(async () => api?.close());

const PORTFOLIO = `query($r: ID!) { resellerPortfolio(resellerId: $r) {
  asOf customerCount recurringCustomers atRiskCount mrr { amount } arpu { amount } mrrGrowthPercent
  stageCounts { stage customers } mrrTrend { period billed { amount } }
  churn { windowDays customersAtStart churned ratePercent }
  cohorts { cohort size retentionPercent }
  funnel { stage reached } conversions { from to entered advanced ratePercent }
} }`;

describe('portfolio analytics', () => {
  it('matches the hand-computed figures', async () => {
    const result = await api.gql(PORTFOLIO, { r: reseller.id }, { token: tt.tokens.partnerManager });
    const p = result.data.resellerPortfolio;
    expect(p.asOf).toBe('2026-06-15');
    expect(p.customerCount).toBe(8);
    const counts = Object.fromEntries(p.stageCounts.filter((s: { customers: number }) => s.customers > 0).map((s: { stage: string; customers: number }) => [s.stage, s.customers]));
    expect(counts).toEqual({ QUALIFIED: 1, ACTIVE: 2, EXPANSION: 1, AT_RISK: 1, CHURNED: 3 });
    expect(p.stageCounts).toHaveLength(12);
    // recurring: A 100 + H 120 + B 250 + C 50 = 520.00 over 4 customers → ARPU 130.00
    expect(p.recurringCustomers).toBe(4);
    expect(p.mrr.amount).toBe('520.00');
    expect(p.arpu.amount).toBe('130.00');
    expect(p.atRiskCount).toBe(1);
    // invoiced per month (refund and the other reseller's customer excluded): 03 300, 04 400, 05 520, 06 100
    expect(p.mrrTrend.map((t: { period: string }) => t.period)).toEqual(['2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
    expect(p.mrrTrend.map((t: { billed: { amount: string } }) => t.billed.amount)).toEqual(['0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '300.00', '400.00', '520.00', '100.00']);
    // May (520) against April (400): +30 %
    expect(p.mrrGrowthPercent).toBe(30);
    // signed on 2026-03-17 12:00: A, B, C (ACTIVE) and D (AT_RISK); E had churned, H was negotiating.
    // Of those, D churned on 04-10: 1 of 4.
    expect(p.churn).toEqual({ windowDays: 90, customersAtStart: 4, churned: 1, ratePercent: 25 });
    // Jan: A, B, D (D churned 04-10: still there at the ends of Jan, Feb, Mar); Feb: C, E (E churned 03-10); Mar: H
    expect(p.cohorts).toEqual([
      { cohort: '2026-01', size: 3, retentionPercent: [100, 100, 100, 66.7, 66.7, 66.7] },
      { cohort: '2026-02', size: 2, retentionPercent: [100, 50, 50, 50, 50] },
      { cohort: '2026-03', size: 1, retentionPercent: [100, 100, 100, 100] },
    ]);
    const reached = Object.fromEntries(p.funnel.map((f: { stage: string; reached: number }) => [f.stage, f.reached]));
    expect(reached).toEqual({ PROSPECT: 3, LEAD: 3, QUALIFIED: 2, PROPOSAL: 1, NEGOTIATION: 1, CLOSED_WON: 1, ONBOARDING: 1, ACTIVE: 6, EXPANSION: 1, AT_RISK: 3, CHURNED: 3, REACTIVATION: 0 });
    expect(p.conversions.map((c: { from: string; to: string; entered: number; advanced: number; ratePercent: number | null }) => `${c.from}>${c.to} ${c.advanced}/${c.entered} ${c.ratePercent}`)).toEqual([
      'PROSPECT>LEAD 3/3 100',
      'LEAD>QUALIFIED 2/3 66.7',
      'QUALIFIED>PROPOSAL 1/2 50',
      'PROPOSAL>NEGOTIATION 1/1 100',
      'NEGOTIATION>CLOSED_WON 1/1 100',
      'CLOSED_WON>ONBOARDING 1/1 100',
      'ONBOARDING>ACTIVE 1/1 100',
      'ACTIVE>EXPANSION 1/6 16.7',
    ]);
  });

  it('answers with empty figures (null rates, not zero-division) for a reseller without customers', async () => {
    const { id } = await submitApplication(api, tt);
    const empty = (await api.gql(APPROVE, { input: { applicationId: id } }, { token: tt.tokens.admin })).data.approveResellerApplication.reseller.id;
    const p = (await api.gql(PORTFOLIO, { r: empty }, { token: tt.tokens.admin })).data.resellerPortfolio;
    expect(p).toMatchObject({ customerCount: 0, recurringCustomers: 0, mrr: { amount: '0.00' }, arpu: null, mrrGrowthPercent: null, churn: { customersAtStart: 0, churned: 0, ratePercent: null }, cohorts: [] });
    expect(p.conversions.every((c: { ratePercent: number | null }) => c.ratePercent === null)).toBe(true);
    expect(errorCode(await api.gql(PORTFOLIO, { r: 'not-an-id' }, { token: tt.tokens.admin }))).toBe('NOT_FOUND');
  });

  it('reads a fixed number of SQL statements, however many customers there are', async () => {
    // Six aggregate queries plus the reseller lookup; the figures come from SQL, not from a loop.
    const statements: string[] = [];
    const connection = api.orm.em.getConnection();
    const knex = connection.getKnex();
    const listener = (query: { sql: string }) => statements.push(query.sql);
    knex.on('query', listener);
    try {
      await api.gql(PORTFOLIO, { r: reseller.id }, { token: tt.tokens.admin });
    } finally {
      knex.off('query', listener);
    }
    const analytics = statements.filter((sql) => /customer_stage_transition|billing_record|from customer /.test(sql));
    expect(analytics.length).toBe(6);
  });
});

describe('customer health', () => {
  it('scores the recurring customers as hand-computed and moves an ACTIVE one below 40 to AT_RISK', async () => {
    const result = await api.gql(`mutation { recomputeCustomerHealth { scored movedToAtRisk } }`, {}, { token: tt.tokens.partnerManager });
    // A, H (ACTIVE), B (EXPANSION), C (AT_RISK); the pipeline and churned customers are not scored.
    expect(result.data.recomputeCustomerHealth).toEqual({ scored: 4, movedToAtRisk: 1 });
    const HEALTH = `query($id: ID!) { customer(id: $id) { stage healthScore healthComponents { key weight score } transitions { fromStage toStage actor reason } tasks { type status } } }`;
    const health = async (key: string) => (await api.gql(HEALTH, { id: ids[key] }, { token: tt.tokens.admin })).data.customer;
    const a = await health('A');
    // A: punctuality 2 of 3 on time 66.7; tenure 5 months 20.8; 2 complaints → 60; satisfaction avg 4 → 40;
    // last contact 10 days ago → 100. (30×66.7 + 15×20.8 + 20×60 + 20×40 + 15×100) / 100 = 58.13 → 58
    expect(a.healthScore).toBe(58);
    expect(a.healthComponents).toEqual([
      { key: 'paymentPunctuality', weight: 30, score: 66.7 },
      { key: 'tenure', weight: 15, score: 20.8 },
      { key: 'supportLoad', weight: 20, score: 60 },
      { key: 'engagement', weight: 20, score: 40 },
      { key: 'interactionRecency', weight: 15, score: 100 },
    ]);
    // B: 3 of 3 on time 100; tenure 4 months 16.7; no support 100; no usage, ratings or contact:
    // (3000 + 250.5 + 2000) / 65 = 80.8 → 81
    expect((await health('B')).healthScore).toBe(81);
    // C: 1 of 2 on time (April never paid) 50; 4 months 16.7; 100 → (1500 + 250.5 + 2000) / 65 = 57.7 → 58; stays AT_RISK
    expect((await health('C'))).toMatchObject({ healthScore: 58, stage: 'AT_RISK' });
    // H: 0 of 1 on time; 2 months 8.3; 3 technical issues 40; usage 10; contact 14 days ago 100:
    // (0 + 124.5 + 800 + 200 + 1500) / 100 = 26.2 → 26 → AT_RISK, with a retention task
    const h = await health('H');
    expect(h.healthScore).toBe(26);
    expect(h.stage).toBe('AT_RISK');
    expect(h.transitions.at(-1)).toEqual({ fromStage: 'ACTIVE', toStage: 'AT_RISK', actor: 'health scoring', reason: 'Health score 26 is below 40' });
    expect(h.tasks.map((t: { type: string; status: string }) => `${t.type}:${t.status}`)).toContain('RETENTION_INTERVENTION:OPEN');
    expect((await health('F')).healthScore).toBeNull();
  });

  it('is idempotent: a second run moves nothing and records nothing more', async () => {
    const before = (await api.orm.em.getConnection().execute(`select count(*)::int as n from customer_stage_transition where tenant_id = ?`, [tt.tenant.id]))[0]!.n;
    const again = await api.gql(`mutation { recomputeCustomerHealth { scored movedToAtRisk } }`, {}, { token: tt.tokens.admin });
    expect(again.data.recomputeCustomerHealth).toEqual({ scored: 4, movedToAtRisk: 0 });
    const after = (await api.orm.em.getConnection().execute(`select count(*)::int as n from customer_stage_transition where tenant_id = ?`, [tt.tenant.id]))[0]!.n;
    expect(after).toBe(before);
  });
});
