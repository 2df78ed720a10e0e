/**
 * The demo data of `pnpm start` goes through the real services; this checks it is consistent: every
 * customer's recorded lifecycle follows the transition table, in time order, and the portfolio
 * analytics the portal shows have something true in every chart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canMove, STAGES, type CustomerStage } from '../src/modules/customers/lifecycle.js';
import { DEMO_OWNER_LOGIN, DEMO_PARTNER_LOGIN, DEMO_PASSWORD, seedDemo } from '../src/seeders/demo-seeder.js';
import { login, startTestApi, type TestApi } from './helpers.js';

let api: TestApi;
let slug: string;
beforeAll(async () => {
  slug = `demo-${process.pid}-${Date.now().toString(36)}`;
  api = await startTestApi({ DEFAULT_TENANT_SLUG: slug });
  expect(await seedDemo(api.services)).toBe(true);
}, 120_000);
afterAll(async () => api?.close());

describe('demo data', () => {
  it('records every customer lifecycle as allowed moves, oldest first, all in the past', async () => {
    const rows: { customer_id: string; from_stage: CustomerStage | null; to_stage: CustomerStage; at: Date; stage: CustomerStage }[] = await api.orm.em
      .getConnection()
      .execute(`select t.customer_id, t.from_stage, t.to_stage, t.at, c.stage from customer_stage_transition t join customer c on c.id = t.customer_id join tenant tn on tn.id = c.tenant_id where tn.slug = ? order by t.customer_id, t.at, t.created_at`, [slug]);
    const byCustomer = new Map<string, typeof rows>();
    for (const row of rows) byCustomer.set(row.customer_id, [...(byCustomer.get(row.customer_id) ?? []), row]);
    expect(byCustomer.size).toBeGreaterThanOrEqual(40);
    for (const transitions of byCustomer.values()) {
      expect(transitions[0]!.from_stage).toBeNull();
      transitions.slice(1).forEach((transition, index) => {
        expect(transition.from_stage).toBe(transitions[index]!.to_stage);
        expect(canMove(transition.from_stage!, transition.to_stage)).toBe(true);
      });
      expect(transitions.at(-1)!.to_stage).toBe(transitions[0]!.stage);
      expect(new Date(transitions.at(-1)!.at).getTime()).toBeLessThanOrEqual(api.clock.now().getTime());
    }
  });

  it('gives the demo partner every stage, a year of cohorts, MRR, churn and an at-risk customer', async () => {
    const token = await login(api, slug, DEMO_PARTNER_LOGIN, DEMO_PASSWORD);
    const { data } = await api.gql(`{ myAnalytics { customerCount atRiskCount mrr { amount } stageCounts { stage customers } cohorts { cohort size } churn { churned customersAtStart } mrrTrend { billed { amount } } } }`, {}, { token });
    const analytics = data.myAnalytics;
    for (const stage of STAGES) expect(analytics.stageCounts.find((s: { stage: string }) => s.stage === stage).customers, stage).toBeGreaterThan(0);
    expect(analytics.atRiskCount).toBeGreaterThanOrEqual(2); // one seeded AT_RISK, one moved there by health scoring
    expect(analytics.cohorts.length).toBeGreaterThanOrEqual(6);
    expect(analytics.churn.churned).toBeGreaterThanOrEqual(1);
    expect(analytics.mrrTrend.filter((p: { billed: { amount: string } }) => p.billed.amount !== '0.00').length).toBeGreaterThanOrEqual(6);
    const work = await api.gql(`{ myCustomerWorkDue(withinDays: 7) { followUps { id } tasks { id } } }`, {}, { token });
    expect(work.data.myCustomerWorkDue.followUps.length + work.data.myCustomerWorkDue.tasks.length).toBeGreaterThan(0);
  });

  it('has a settled payment with its statement for the partner, and approved lines left for the next batch', async () => {
    const token = await login(api, slug, DEMO_OWNER_LOGIN, DEMO_PASSWORD);
    const payments = await api.gql(`{ myPayments { nodes { status amount { amount } lines { amount { amount } status } } } myPayoutAccount { accountLast4 verifiedAt } }`, {}, { token });
    expect(payments.data.myPayoutAccount).toMatchObject({ accountLast4: '9012', verifiedAt: expect.any(String) });
    const [payment] = payments.data.myPayments.nodes;
    expect(payment.status).toBe('SETTLED');
    const cents = payment.lines.reduce((sum: bigint, line: { amount: { amount: string } }) => sum + BigInt(line.amount.amount.replace('.', '')), 0n);
    expect(cents).toBe(BigInt(payment.amount.amount.replace('.', '')));
    expect(payment.lines.every((line: { status: string }) => line.status === 'PAID')).toBe(true);
    const rows = await api.orm.em.getConnection().execute(
      `select count(*)::int as n from commission_line l join tenant t on t.id = l.tenant_id where t.slug = ? and l.status = 'APPROVED' and not exists (select 1 from payment_item i where i.line_id = l.id and not i.released)`,
      [slug],
    );
    expect(rows[0]!.n).toBeGreaterThan(0);
  });

  it('has twelve weeks of partner health for the trend charts and something to act on', async () => {
    const token = await login(api, slug, DEMO_PARTNER_LOGIN, DEMO_PASSWORD);
    const { data } = await api.gql(`{ myReseller { id } myHealth { score band components { key score } } }`, {}, { token });
    expect(data.myHealth.score).toEqual(expect.any(Number));
    const today = api.clock.now().toISOString().slice(0, 10);
    const from = new Date(api.clock.now().getTime() - 90 * 86_400_000).toISOString().slice(0, 10);
    const history = await api.gql(`query($r: ID!, $f: String!, $t: String!) { partnerHealthHistory(resellerId: $r, from: $f, to: $t) { computedOn score } }`, { r: data.myReseller.id, f: from, t: today }, { token });
    expect(history.data.partnerHealthHistory.length).toBeGreaterThanOrEqual(12);
    const rows = await api.orm.em.getConnection().execute(`select count(*)::int as n from partner_intervention i join tenant t on t.id = i.tenant_id where t.slug = ?`, [slug]);
    expect(rows[0]!.n).toBe(1);
  });
});
