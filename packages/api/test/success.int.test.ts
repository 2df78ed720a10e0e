/**
 * Partner success (SPEC §5) on a fixed clock (2026-06-15): scores against hand-computed figures,
 * alerts raised once and resolved when the condition clears, interventions with the score before
 * and after, dashboards, what partners see, and a statement count that does not grow with resellers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../src/auth/roles.js';
import { createStaffUser } from '../src/seeders/factories.js';
import { APPROVE, createTestTenant, errorCode, login, STAFF_PASSWORD, startTestApi, submitApplication, type TestApi, type TestTenant } from './helpers.js';

let api: TestApi;
let tt: TestTenant;
let other: TestTenant;
const r = {} as Record<'a' | 'b', { id: string; code: string }>;
let ownerA: string;

const HEALTH = `query($r: ID!) { partnerHealth(resellerId: $r) { score band computedOn change7d change30d components { key weight score } } }`;
const RECOMPUTE = `mutation { recomputePartnerHealth { scored alertsOpened alertsResolved } }`;
const ALERTS = `query($r: ID) { partnerAlerts(filter: { resellerId: $r }) { totalCount nodes { id rule severity status message scoreAtOpen autoResolved resolution } } }`;

beforeAll(async () => {
  api = await startTestApi();
  api.clock.current = new Date('2026-06-15T12:00:00Z');
  tt = await createTestTenant(api, 'success');
  other = await createTestTenant(api, 'successother');
  for (const key of ['a', 'b'] as const) {
    const { id } = await submitApplication(api, tt);
    const reseller = (await api.gql(APPROVE, { input: { applicationId: id } }, { token: tt.tokens.admin })).data.approveResellerApplication.reseller;
    r[key] = { id: reseller.id, code: reseller.code };
  }
  await createStaffUser(api.orm.em, tt.tenant, { email: `owner-a@${tt.slug}.example`, name: 'Owner A', role: Role.RESELLER_OWNER, password: STAFF_PASSWORD, resellerId: r.a.id });
  ownerA = await login(api, tt.slug, `owner-a@${tt.slug}.example`, STAFF_PASSWORD); // one portal login day for A
  // A: three customers (two with complete data), signed 2026-06-01 and 2026-04-01, one paying 5,000.00 a month.
  await api.gql(`mutation($c: [CustomerUpsertInput!]!) { upsertCustomers(input: { customers: $c }) { created } }`, {
    c: [
      { externalId: 'A1', name: 'Anchor', email: 'a1@example.com', servicePlan: 'Fiber 1G', signupDate: '2025-09-01', stage: 'ACTIVE', resellerCode: r.a.code, assignedSince: '2025-10-01' },
      { externalId: 'A2', name: 'New in June', email: 'a2@example.com', servicePlan: 'Fiber 300', signupDate: '2026-06-01', stage: 'ACTIVE', resellerCode: r.a.code, assignedSince: '2025-10-01' },
      { externalId: 'A3', name: 'New in April', signupDate: '2026-04-01', stage: 'ACTIVE', resellerCode: r.a.code, assignedSince: '2025-10-01' },
    ],
  }, { token: tt.tokens.admin });
  const months = ['2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];
  await api.gql(`mutation($r: [BillingRecordInput!]!) { upsertBillingRecords(input: { records: $r }) { created } }`, {
    r: months.map((month) => ({ invoiceId: `A1-${month}`, customerExternalId: 'A1', period: month, invoicedAmount: '5000.00', paidAmount: '5000.00', paidDate: `${month}-10` })),
  }, { token: tt.tokens.finance });
  await api.gql(`mutation($i: RecordSatisfactionSurveyInput!) { recordSatisfactionSurvey(input: $i) { survey { rating } } }`, { i: { resellerId: r.a.id, rating: 4, comment: 'Happy with support' } }, { token: tt.tokens.partnerManager });
}, 60_000);
afterAll(async () => api?.close());

const components = (health: { components: { key: string; score: number | null }[] }) => Object.fromEntries(health.components.map((c) => [c.key, c.score]));

describe('partner health', () => {
  it('scores each reseller as computed by hand and stores a dated snapshot', async () => {
    const result = await api.gql(RECOMPUTE, {}, { token: tt.tokens.partnerManager });
    expect(result.data.recomputePartnerHealth).toEqual({ scored: 2, alertsOpened: 2, alertsResolved: 0 });
    const a = (await api.gql(HEALTH, { r: r.a.id }, { token: tt.tokens.admin })).data.partnerHealth;
    // revenue: May 5,000.00 vs target 25,000.00 = 20, vs the 3 months before 100 → 60
    // acquisition: 1 new in 30 days / 5, 2 in 90 / 15 → 0.5 × 20 + 0.5 × 13.3 = 16.7
    // retention: no customer signed 90 days ago by the recorded lifecycle → no data
    // growth: flat → 50; engagement: 1 login day 12.5, onboarding 0 % → 6.3 (6.25 half up)
    // operational: nothing open 100, data quality 2 of 3 → 83.3; satisfaction 4 of 5 → 75
    expect(components(a)).toEqual({ revenuePerformance: 60, customerAcquisition: 16.7, customerRetention: null, growthTrajectory: 50, engagementLevel: 6.3, operationalExcellence: 83.3, partnerSatisfaction: 75 });
    // (25×60 + 20×16.7 + 15×50 + 10×6.3 + 5×83.3 + 5×75) / 80 = 3438.5 / 80 = 42.98 → 43
    expect(a).toMatchObject({ score: 43, band: 'AT_RISK', computedOn: '2026-06-15', change7d: null, change30d: null });
    const b = (await api.gql(HEALTH, { r: r.b.id }, { token: tt.tokens.admin })).data.partnerHealth;
    // nothing but operational (100) and zeros: (25×0 + 20×0 + 10×0 + 5×100) / 60 = 8.3 → 8
    expect(b).toMatchObject({ score: 8, band: 'CRITICAL' });
    expect(components(b)).toMatchObject({ customerRetention: null, growthTrajectory: null, partnerSatisfaction: null, operationalExcellence: 100 });
  });

  it('raises each alert once, and resolves it by itself when the condition clears', async () => {
    const alertsA = (await api.gql(ALERTS, { r: r.a.id }, { token: tt.tokens.admin })).data.partnerAlerts;
    expect(alertsA.nodes).toEqual([expect.objectContaining({ rule: 'BAND_AT_RISK', severity: 'HIGH', status: 'OPEN', scoreAtOpen: 43, message: 'Health score 43 is AT_RISK' })]);
    expect((await api.gql(ALERTS, { r: r.b.id }, { token: tt.tokens.admin })).data.partnerAlerts.nodes.map((n: { rule: string }) => n.rule)).toEqual(['BAND_CRITICAL']);
    // Again the same day: no second alert, still one snapshot per reseller.
    expect((await api.gql(RECOMPUTE, {}, { token: tt.tokens.admin })).data.recomputePartnerHealth).toEqual({ scored: 2, alertsOpened: 0, alertsResolved: 0 });
    const snapshots = await api.orm.em.getConnection().execute(`select count(*)::int as n from partner_health_snapshot where tenant_id = ?`, [tt.tenant.id]);
    expect(snapshots[0]!.n).toBe(2);
    // A realistic target for A lifts revenue performance to 100: (2500 + 334 + 750 + 63 + 416.5 + 375) / 80 = 55.5 → 55 (STABLE)
    const SET_TARGETS = `mutation($i: SetPartnerTargetsInput!) { setPartnerTargets(input: $i) { targets { revenueTarget { amount } newCustomersPerMonth isDefault } } }`;
    for (const revenueTarget of ['0', '-5.00', '12.345', 'lots']) {
      const refused = await api.gql(SET_TARGETS, { i: { resellerId: r.a.id, revenueTarget, newCustomersPerMonth: 5 } }, { token: tt.tokens.admin });
      expect(errorCode(refused), revenueTarget).toBe('BAD_USER_INPUT');
      expect(refused.errors![0]!.extensions!.fieldErrors).toEqual({ revenueTarget: 'A positive amount with at most 2 decimals, e.g. 25000.00' });
    }
    const targets = await api.gql(SET_TARGETS, { i: { resellerId: r.a.id, revenueTarget: '5000.00', newCustomersPerMonth: 5 } }, { token: tt.tokens.admin });
    expect(targets.data.setPartnerTargets.targets).toEqual({ revenueTarget: { amount: '5000.00' }, newCustomersPerMonth: 5, isDefault: false });
    expect((await api.gql(RECOMPUTE, {}, { token: tt.tokens.admin })).data.recomputePartnerHealth).toEqual({ scored: 2, alertsOpened: 0, alertsResolved: 1 });
    expect((await api.gql(HEALTH, { r: r.a.id }, { token: tt.tokens.admin })).data.partnerHealth).toMatchObject({ score: 55, band: 'STABLE' });
    const resolved = (await api.gql(ALERTS, { r: r.a.id }, { token: tt.tokens.admin })).data.partnerAlerts.nodes[0];
    expect(resolved).toMatchObject({ status: 'RESOLVED', autoResolved: true, resolution: 'The condition cleared at the daily recompute' });
  });

  it('compares with the score 30 days before: a 15-point drop alerts, and the trend shows it', async () => {
    await api.orm.em.getConnection().execute(
      `insert into partner_health_snapshot (id, tenant_id, created_at, reseller_id, computed_on, score, band, components, inputs) values (gen_random_uuid(), ?, now(), ?, '2026-05-10', 80, 'HEALTHY', '[]', '{}')`,
      [tt.tenant.id, r.a.id],
    );
    expect((await api.gql(RECOMPUTE, {}, { token: tt.tokens.admin })).data.recomputePartnerHealth).toMatchObject({ alertsOpened: 1 });
    expect((await api.gql(HEALTH, { r: r.a.id }, { token: tt.tokens.admin })).data.partnerHealth).toMatchObject({ score: 55, change30d: -25, change7d: -25 });
    const open = (await api.gql(`query($r: ID) { partnerAlerts(filter: { resellerId: $r, status: [OPEN] }) { nodes { rule message } } }`, { r: r.a.id }, { token: tt.tokens.admin })).data.partnerAlerts.nodes;
    expect(open).toEqual([{ rule: 'SCORE_DROP_30D', message: 'Score fell 25 points in 30 days (80 → 55)' }]);
    const history = await api.gql(`query($r: ID!) { partnerHealthHistory(resellerId: $r, from: "2026-05-01", to: "2026-06-30") { computedOn score } }`, { r: r.a.id }, { token: tt.tokens.admin });
    expect(history.data.partnerHealthHistory).toEqual([{ computedOn: '2026-05-10', score: 80 }, { computedOn: '2026-06-15', score: 55 }]);
    expect(errorCode(await api.gql(`query($r: ID!) { partnerHealthHistory(resellerId: $r, from: "2026-06-30", to: "2026-05-01") { score } }`, { r: r.a.id }, { token: tt.tokens.admin }))).toBe('BAD_USER_INPUT');
  });
});

describe('alerts and interventions', () => {
  it('plans an intervention from an alert with the score before, and records the score after', async () => {
    const alert = (await api.gql(`query($r: ID) { partnerAlerts(filter: { resellerId: $r, status: [OPEN] }) { nodes { id } } }`, { r: r.b.id }, { token: tt.tokens.admin })).data.partnerAlerts.nodes[0];
    const PLAN = `mutation($i: PlanInterventionInput!) { planIntervention(input: $i) { intervention { id type owner dueDate status scoreBefore alert { id status } reseller { id } } } }`;
    expect(errorCode(await api.gql(PLAN, { i: { alertId: alert.id, resellerId: r.b.id, type: 'TRAINING', owner: 'Pat', dueDate: '2026-06-20' } }, { token: tt.tokens.partnerManager }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await api.gql(PLAN, { i: { alertId: alert.id, type: 'TRAINING', owner: 'Pat', dueDate: '2026-06-01' } }, { token: tt.tokens.partnerManager }))).toBe('BAD_USER_INPUT');
    const planned = (await api.gql(PLAN, { i: { alertId: alert.id, type: 'EXECUTIVE_ESCALATION', owner: 'Pat Partner-Manager', dueDate: '2026-06-20', notes: 'Call the owner' } }, { token: tt.tokens.partnerManager })).data.planIntervention.intervention;
    expect(planned).toMatchObject({ type: 'EXECUTIVE_ESCALATION', status: 'PLANNED', scoreBefore: 8, alert: { id: alert.id, status: 'ACKNOWLEDGED' }, reseller: { id: r.b.id } });
    const UPDATE = `mutation($i: UpdateInterventionInput!) { updateIntervention(input: $i) { intervention { status outcome scoreBefore scoreAfter } } }`;
    expect(errorCode(await api.gql(UPDATE, { i: { interventionId: planned.id, status: 'DONE' } }, { token: tt.tokens.partnerManager }))).toBe('BAD_USER_INPUT');
    await api.gql(`mutation($i: RecordSatisfactionSurveyInput!) { recordSatisfactionSurvey(input: $i) { survey { rating } } }`, { i: { resellerId: r.b.id, rating: 5 } }, { token: tt.tokens.partnerManager });
    await api.gql(RECOMPUTE, {}, { token: tt.tokens.admin });
    // B with a survey of 5: (5×100 + 5×100) / 65 = 15.4 → 15
    const done = (await api.gql(UPDATE, { i: { interventionId: planned.id, status: 'DONE', outcome: 'Agreed a 90-day plan' } }, { token: tt.tokens.partnerManager })).data.updateIntervention.intervention;
    expect(done).toEqual({ status: 'DONE', outcome: 'Agreed a 90-day plan', scoreBefore: 8, scoreAfter: 15 });
    expect(errorCode(await api.gql(UPDATE, { i: { interventionId: planned.id, status: 'IN_PROGRESS' } }, { token: tt.tokens.partnerManager }))).toBe('CONFLICT');
    const RESOLVE = `mutation($i: ResolveAlertInput!) { resolveAlert(input: $i) { alert { status resolution resolvedBy autoResolved } } }`;
    expect((await api.gql(RESOLVE, { i: { alertId: alert.id, note: 'Plan agreed' } }, { token: tt.tokens.partnerManager })).data.resolveAlert.alert).toEqual({ status: 'RESOLVED', resolution: 'Plan agreed', resolvedBy: `partnermanager@${tt.slug}.example`, autoResolved: false });
    expect(errorCode(await api.gql(RESOLVE, { i: { alertId: alert.id, note: 'again' } }, { token: tt.tokens.partnerManager }))).toBe('CONFLICT');
    // The condition still holds, so the next recompute opens a new alert for it (the old one is resolved).
    expect((await api.gql(RECOMPUTE, {}, { token: tt.tokens.admin })).data.recomputePartnerHealth.alertsOpened).toBe(1);
  });
});

describe('dashboards and who sees what', () => {
  it('the channel dashboard ranks, counts bands and open alerts; the reseller dashboard shows history and targets', async () => {
    const channel = (await api.gql(`{ channelSuccessDashboard { scoredResellers averageScore bandDistribution { band resellers } ranking { rank score band reseller { id } } biggestMovers { change30d reseller { id } } openAlertsBySeverity { severity alerts } interventionsDue { id } } }`, {}, { token: tt.tokens.finance })).data.channelSuccessDashboard;
    expect(channel.scoredResellers).toBe(2);
    expect(channel.averageScore).toBe(35); // (55 + 15) / 2
    expect(channel.bandDistribution).toEqual([{ band: 'THRIVING', resellers: 0 }, { band: 'HEALTHY', resellers: 0 }, { band: 'STABLE', resellers: 1 }, { band: 'AT_RISK', resellers: 0 }, { band: 'CRITICAL', resellers: 1 }]);
    expect(channel.ranking.map((e: { rank: number; score: number; reseller: { id: string } }) => [e.rank, e.score, e.reseller.id])).toEqual([[1, 55, r.a.id], [2, 15, r.b.id]]);
    expect(channel.biggestMovers).toEqual([{ change30d: -25, reseller: { id: r.a.id } }]);
    expect(channel.openAlertsBySeverity).toEqual([{ severity: 'LOW', alerts: 0 }, { severity: 'MEDIUM', alerts: 0 }, { severity: 'HIGH', alerts: 1 }, { severity: 'CRITICAL', alerts: 1 }]);
    const mine = (await api.gql(`query($r: ID!) { resellerSuccessDashboard(resellerId: $r) { health { score } history { computedOn } openAlerts { rule } targets { revenueTarget { amount } isDefault } latestSurvey { rating comment } } }`, { r: r.a.id }, { token: tt.tokens.partnerManager })).data.resellerSuccessDashboard;
    expect(mine).toEqual({ health: { score: 55 }, history: [{ computedOn: '2026-05-10' }, { computedOn: '2026-06-15' }], openAlerts: [{ rule: 'SCORE_DROP_30D' }], targets: { revenueTarget: { amount: '5000.00' }, isDefault: false }, latestSurvey: { rating: 4, comment: 'Happy with support' } });
  });

  it('a partner sees its own score only, never alerts; another tenant sees nothing', async () => {
    expect((await api.gql(`{ myHealth { score band components { key score } targets { revenueTarget { amount } newCustomersPerMonth isDefault } } }`, {}, { token: ownerA })).data.myHealth).toMatchObject({ score: 55, band: 'STABLE', targets: { revenueTarget: { amount: '5000.00' }, newCustomersPerMonth: 5, isDefault: false } });
    expect(errorCode(await api.gql(HEALTH, { r: r.b.id }, { token: ownerA }))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(ALERTS, { r: r.a.id }, { token: ownerA }))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(HEALTH, { r: r.a.id }, { token: other.tokens.admin }))).toBe('NOT_FOUND');
    expect((await api.gql(ALERTS, { r: null }, { token: other.tokens.admin })).data.partnerAlerts.totalCount).toBe(0);
    expect((await api.gql(RECOMPUTE, {}, { token: other.tokens.admin })).data.recomputePartnerHealth.scored).toBe(0);
  });

  it('scores 1,000 more resellers with the same number of SQL statements', async () => {
    const count = async () => {
      const statements: string[] = [];
      const knex = api.orm.em.getConnection().getKnex();
      const listener = (query: { sql: string }) => statements.push(query.sql);
      knex.on('query', listener);
      try {
        const result = await api.gql(RECOMPUTE, {}, { token: tt.tokens.admin });
        return { scored: result.data.recomputePartnerHealth.scored as number, statements: statements.filter((sql) => !/^(begin|commit|savepoint|release)/i.test(sql.trim())).length };
      } finally {
        knex.off('query', listener);
      }
    };
    const addResellers = (from: number, to: number) =>
      api.orm.em.getConnection().execute(
        `insert into reseller (id, tenant_id, created_at, code, company_name, legal_name, contact_name, contact_email, phone, business_type, territory, status, tier, approved_at, status_changed_at, updated_at)
         select gen_random_uuid(), ?, now(), 'BULK-' || n, 'Bulk ' || n, 'Bulk ' || n || ' LLC', 'Contact', 'bulk' || n || '@example.com', '+1 555 000 0000', 'LLC', '[]', 'ACTIVE', 'BRONZE', now(), now(), now()
           from generate_series(?::int, ?::int) as n`,
        [tt.tenant.id, from, to],
      );
    // Each run below scores new resellers that open alerts, so both do the same kinds of writes.
    await addResellers(1, 10);
    const before = await count();
    await addResellers(11, 1010);
    const after = await count();
    expect(after.scored).toBe(before.scored + 1000);
    expect(after.statements).toBe(before.statements);
  });
});
