/**
 * The data generator (issue 7): the same seed writes the same data (checksums of every generated
 * table's values, ids and wall-clock timestamps left out), every customer's lifecycle is a legal
 * walk of the transition table ending in its stage, every stage occurs, billing has late payments,
 * open invoices and credit notes in sensible shares and stops after a churn, interactions, tasks and
 * onboarding checklists are in realistic states — and the product's own services run on it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextFor } from '../src/app/context.js';
import { runCommissions } from '../src/modules/commissions/commission-run.service.js';
import { recomputeCustomerHealth } from '../src/modules/customers/customer-health.service.js';
import { canMove, STAGES, type CustomerStage } from '../src/modules/customers/lifecycle.js';
import { ONBOARDING_TASKS } from '../src/modules/onboarding/onboarding-checklist.js';
import { recomputePartnerHealth } from '../src/modules/success/success.service.js';
import { generate, type Generated, type GenerateOptions } from '../src/seeders/generator.js';
import { startTestApi, type TestApi } from './helpers.js';

let api: TestApi;
const SIZE: GenerateOptions = { resellers: 25, customers: 700, months: 12, invoicesPerMonth: 1, seed: 11, endPeriod: '2026-10', today: '2026-11-15' };
let a: Generated;
let b: Generated;
let other: Generated;

const rows = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> => api.orm.em.getConnection().execute(sql, params);

/** md5 of a table's generated values, in a fixed order, without ids and `now()` timestamps. */
const CHECKSUMS: Record<string, string> = {
  reseller: `select md5(string_agg(concat_ws('|', code, company_name, legal_name, contact_name, contact_email, business_type, territory::text, status, tier, approved_at, status_changed_at, created_at), ',' order by concat_ws('|', code, company_name, legal_name, contact_name, contact_email, business_type, territory::text, status, tier, approved_at, status_changed_at, created_at))) from reseller where tenant_id = ?`,
  customer: `select md5(string_agg(concat_ws('|', c.external_id, c.name, c.email, r.code, c.service_plan, c.mrr_cents, c.signup_date, c.stage, c.stage_entered_at, c.usage_percent, c.created_at), ',' order by concat_ws('|', c.external_id, c.name, c.email, r.code, c.service_plan, c.mrr_cents, c.signup_date, c.stage, c.stage_entered_at, c.usage_percent, c.created_at)))
               from customer c left join reseller r on r.id = c.reseller_id where c.tenant_id = ?`,
  transitions: `select md5(string_agg(concat_ws('|', c.external_id, t.from_stage, t.to_stage, t.at, t.actor, t.reason), ',' order by concat_ws('|', c.external_id, t.from_stage, t.to_stage, t.at, t.actor, t.reason)))
                  from customer_stage_transition t join customer c on c.id = t.customer_id where t.tenant_id = ?`,
  assignments: `select md5(string_agg(concat_ws('|', c.external_id, r.code, a.from_date, a.to_date, a.reason), ',' order by concat_ws('|', c.external_id, r.code, a.from_date, a.to_date, a.reason)))
                  from customer_assignment a join customer c on c.id = a.customer_id join reseller r on r.id = a.reseller_id where a.tenant_id = ?`,
  billing: `select md5(string_agg(concat_ws('|', b.invoice_id, c.external_id, b.period, b.invoiced_cents, b.paid_cents, b.paid_date), ',' order by concat_ws('|', b.invoice_id, c.external_id, b.period, b.invoiced_cents, b.paid_cents, b.paid_date)))
              from billing_record b join customer c on c.id = b.customer_id where b.tenant_id = ?`,
  interactions: `select md5(string_agg(concat_ws('|', c.external_id, i.type, i.occurred_on, i.duration_minutes, i.outcome, i.satisfaction, i.notes, i.follow_up_on, i.follow_up_done_at, i.logged_by), ',' order by concat_ws('|', c.external_id, i.type, i.occurred_on, i.duration_minutes, i.outcome, i.satisfaction, i.notes, i.follow_up_on, i.follow_up_done_at, i.logged_by)))
                   from customer_interaction i join customer c on c.id = i.customer_id where i.tenant_id = ?`,
  tasks: `select md5(string_agg(concat_ws('|', c.external_id, k.type, k.stage, k.title, k.due_date, k.status, k.completed_at, k.completed_by), ',' order by concat_ws('|', c.external_id, k.type, k.stage, k.title, k.due_date, k.status, k.completed_at, k.completed_by)))
            from customer_task k join customer c on c.id = k.customer_id where k.tenant_id = ?`,
  onboarding: `select md5(string_agg(concat_ws('|', r.code, o.key, o.due_date, o.status, o.completed_at), ',' order by concat_ws('|', r.code, o.key, o.due_date, o.status, o.completed_at)))
                 from onboarding_task o join reseller r on r.id = o.reseller_id where o.tenant_id = ?`,
  plans: `select md5(string_agg(concat_ws('|', r.code, p.name, a.effective_from), ',' order by concat_ws('|', r.code, p.name, a.effective_from)))
            from commission_plan_assignment a join reseller r on r.id = a.reseller_id join commission_plan p on p.id = a.plan_id where a.tenant_id = ?`,
  surveys: `select md5(string_agg(concat_ws('|', r.code, s.rating, s.surveyed_on, s.comment), ',' order by concat_ws('|', r.code, s.rating, s.surveyed_on, s.comment))) from satisfaction_survey s join reseller r on r.id = s.reseller_id where s.tenant_id = ?`,
  targets: `select md5(string_agg(concat_ws('|', r.code, t.revenue_target_cents, t.new_customers_per_month), ',' order by concat_ws('|', r.code, t.revenue_target_cents, t.new_customers_per_month))) from partner_target t join reseller r on r.id = t.reseller_id where t.tenant_id = ?`,
};

async function checksums(tenantId: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [name, sql] of Object.entries(CHECKSUMS)) out[name] = Object.values((await rows(sql, [tenantId]))[0]!)[0] as string;
  return out;
}

beforeAll(async () => {
  api = await startTestApi();
  a = await generate(api.orm, { ...SIZE, tenantSlug: `gen-a-${process.pid}-${Date.now().toString(36)}` });
  b = await generate(api.orm, { ...SIZE, tenantSlug: `gen-b-${process.pid}-${Date.now().toString(36)}` });
  other = await generate(api.orm, { ...SIZE, seed: 12, tenantSlug: `gen-c-${process.pid}-${Date.now().toString(36)}` });
  // The services below run on the generator's "today".
  api.clock.current = new Date(`${SIZE.today}T12:00:00Z`);
}, 120_000);
afterAll(async () => api?.close());

describe('data generator', () => {
  it('writes the same data for the same seed, and other data for another seed', async () => {
    const [first, second, third] = [await checksums(a.tenantId), await checksums(b.tenantId), await checksums(other.tenantId)];
    for (const value of Object.values(first)) expect(value).toMatch(/^[0-9a-f]{32}$/);
    expect(second).toEqual(first);
    expect(a.counts).toEqual(b.counts);
    expect(third.customer).not.toBe(first.customer);
    expect(third.billing).not.toBe(first.billing);
    expect(third.transitions).not.toBe(first.transitions);
  });

  it('records every customer lifecycle as legal moves in time order, ending in its stage, before today', async () => {
    const list = await rows<{ customer_id: string; from_stage: CustomerStage | null; to_stage: CustomerStage; at: Date; stage: CustomerStage; stage_entered_at: Date }>(
      `select t.customer_id, t.from_stage, t.to_stage, t.at, c.stage, c.stage_entered_at from customer_stage_transition t join customer c on c.id = t.customer_id
        where t.tenant_id = ? order by t.customer_id, t.at`,
      [a.tenantId],
    );
    const byCustomer = new Map<string, typeof list>();
    for (const row of list) byCustomer.set(row.customer_id, [...(byCustomer.get(row.customer_id) ?? []), row]);
    expect(byCustomer.size).toBe(SIZE.customers);
    const today = Date.parse(`${SIZE.today}T00:00:00Z`);
    for (const transitions of byCustomer.values()) {
      expect(transitions[0]!.from_stage).toBeNull();
      transitions.slice(1).forEach((transition, index) => {
        const previous = transitions[index]!;
        expect(transition.from_stage).toBe(previous.to_stage);
        expect(canMove(transition.from_stage!, transition.to_stage), `${transition.from_stage} → ${transition.to_stage}`).toBe(true);
        expect(new Date(transition.at).getTime()).toBeGreaterThan(new Date(previous.at).getTime());
      });
      const last = transitions.at(-1)!;
      expect(last.to_stage).toBe(last.stage);
      expect(new Date(last.stage_entered_at).getTime()).toBe(new Date(last.at).getTime());
      expect(new Date(last.at).getTime()).toBeLessThan(today);
    }
  });

  it('puts customers in every stage, mostly recurring, and resellers in every onboarding state', async () => {
    for (const stage of STAGES) expect(a.stages[stage] ?? 0, stage).toBeGreaterThan(0);
    const recurring = (a.stages.ACTIVE ?? 0) + (a.stages.EXPANSION ?? 0) + (a.stages.AT_RISK ?? 0);
    expect(recurring / SIZE.customers).toBeGreaterThan(0.7);
    expect(a.stages.ACTIVE! / SIZE.customers).toBeGreaterThan(0.5);
    expect(a.resellerStatuses).toMatchObject({ ACTIVE: expect.any(Number), ONBOARDING: 2 });

    const checklists = await rows<{ status: string; total: number; done: number; overdue: number }>(
      `select r.status, count(*)::int as total, count(*) filter (where o.status = 'COMPLETED')::int as done, count(*) filter (where o.status = 'PENDING' and o.due_date < ?::date)::int as overdue
         from onboarding_task o join reseller r on r.id = o.reseller_id where o.tenant_id = ? group by r.status`,
      [SIZE.today, a.tenantId],
    );
    const onboarding = checklists.find((row) => row.status === 'ONBOARDING')!;
    const active = checklists.find((row) => row.status === 'ACTIVE')!;
    expect(active.done).toBe(active.total); // established partners finished the checklist
    expect(onboarding.total).toBe(2 * ONBOARDING_TASKS.length);
    expect(onboarding.done).toBeGreaterThan(0);
    expect(onboarding.done).toBeLessThan(onboarding.total);
    // A task is completed only after its prerequisites.
    const early = await rows<{ n: number }>(
      `select count(*)::int as n from onboarding_task o cross join jsonb_array_elements_text(o.prerequisites) p(key)
         join onboarding_task q on q.reseller_id = o.reseller_id and q.key = p.key
        where o.tenant_id = ? and o.status = 'COMPLETED' and (q.status <> 'COMPLETED' or q.completed_at >= o.completed_at)`,
      [a.tenantId],
    );
    expect(early[0]!.n).toBe(0);
    // New partners have no customers yet; the oldest have the most.
    const sizes = await rows<{ code: string; status: string; customers: number }>(
      `select r.code, r.status, count(c.id)::int as customers from reseller r left join customer c on c.reseller_id = r.id where r.tenant_id = ? group by r.code, r.status order by r.code`,
      [a.tenantId],
    );
    for (const row of sizes.filter((r) => r.status === 'ONBOARDING')) expect(row.customers).toBe(0);
    expect(sizes[0]!.customers).toBeGreaterThan(sizes.at(-3)!.customers);
  });

  it('bills the recurring months only, with late payments, open invoices and credit notes in sensible shares', async () => {
    const invoices = a.counts.billingRecords - a.counts.creditNotes;
    expect(a.counts.latePayments / invoices).toBeGreaterThan(0.05);
    expect(a.counts.latePayments / invoices).toBeLessThan(0.25);
    expect(a.counts.unpaidInvoices / invoices).toBeGreaterThan(0.005);
    expect(a.counts.unpaidInvoices / invoices).toBeLessThan(0.06);
    expect(a.counts.creditNotes).toBeGreaterThan(0);
    expect(a.counts.creditNotes / invoices).toBeLessThan(0.04);
    const [figures] = await rows<{ in_next_month: number; refunds: number; after_churn: number; before_activation: number; uncovered: number; future: number; last_period: number }>(
      `select
         (select count(*) from billing_record b where b.tenant_id = :t and b.invoiced_cents > 0 and to_char(b.paid_date, 'YYYY-MM') = to_char(to_date(b.period, 'YYYY-MM') + interval '1 month', 'YYYY-MM'))::int as in_next_month,
         (select count(*) from billing_record b where b.tenant_id = :t and b.paid_cents < 0)::int as refunds,
         (select count(*) from billing_record b join customer c on c.id = b.customer_id
           where b.tenant_id = :t and c.stage in ('CHURNED', 'REACTIVATION')
             and b.period > (select to_char(max(t.at), 'YYYY-MM') from customer_stage_transition t where t.customer_id = c.id and t.to_stage = 'CHURNED'))::int as after_churn,
         (select count(*) from billing_record b
           where b.tenant_id = :t and b.period <= (select to_char(min(t.at), 'YYYY-MM') from customer_stage_transition t where t.customer_id = b.customer_id and t.to_stage = 'ACTIVE'))::int as before_activation,
         (select count(*) from billing_record b where b.tenant_id = :t and b.paid_date is not null
             and (select count(*) from customer_assignment x where x.customer_id = b.customer_id and x.from_date <= b.paid_date and (x.to_date is null or x.to_date > b.paid_date)) <> 1)::int as uncovered,
         (select count(*) from billing_record b where b.tenant_id = :t and b.paid_date >= :today::date)::int as future,
         (select count(*) from billing_record b where b.tenant_id = :t and b.paid_cents <> 0 and to_char(b.paid_date, 'YYYY-MM') = :period)::int as last_period`.replace(/:t\b/g, `'${a.tenantId}'`).replace(':today', `'${SIZE.today}'`).replace(':period', `'${SIZE.endPeriod}'`),
    );
    expect(figures!.in_next_month).toBeGreaterThan(0);
    expect(figures!.refunds).toBeGreaterThan(0);
    expect(figures!.after_churn).toBe(0);
    expect(figures!.before_activation).toBe(0);
    expect(figures!.uncovered).toBe(0); // every payment earns for exactly one reseller
    expect(figures!.future).toBe(0);
    expect(figures!.last_period).toBe(a.counts.paidInLastPeriod);
    // MRR is what the customer was invoiced last.
    const [mrr] = await rows<{ differ: number }>(
      `select count(*)::int as differ from customer c join billing_record b on b.customer_id = c.id and b.period = ? and b.invoiced_cents > 0
        where c.tenant_id = ? and c.mrr_cents <> b.invoiced_cents`,
      [SIZE.endPeriod, a.tenantId],
    );
    expect(mrr!.differ).toBe(0);
  });

  it('logs interactions and lifecycle tasks at a realistic rate and in realistic states', async () => {
    expect(a.counts.interactions / SIZE.customers).toBeGreaterThan(1.5);
    expect(a.counts.interactions / SIZE.customers).toBeLessThan(6);
    const [interactions] = await rows<{ types: number; outcomes: number; bad_rating: number; open_follow_ups: number; done_follow_ups: number; complaints: number; future: number }>(
      `select count(distinct type)::int as types, count(distinct outcome)::int as outcomes,
              count(*) filter (where satisfaction not between 1 and 10)::int as bad_rating,
              count(*) filter (where follow_up_on is not null and follow_up_done_at is null)::int as open_follow_ups,
              count(*) filter (where follow_up_done_at is not null)::int as done_follow_ups,
              count(*) filter (where type = 'COMPLAINT')::int as complaints,
              count(*) filter (where occurred_on >= ?::date)::int as future
         from customer_interaction where tenant_id = ?`,
      [SIZE.today, a.tenantId],
    );
    expect(interactions).toMatchObject({ types: 10, outcomes: 6, bad_rating: 0, future: 0 });
    expect(interactions!.open_follow_ups).toBeGreaterThan(0);
    expect(interactions!.done_follow_ups).toBeGreaterThan(interactions!.open_follow_ups);
    expect(interactions!.complaints).toBeGreaterThan(0);
    const [tasks] = await rows<{ open: number; done: number; open_twice: number }>(
      `select count(*) filter (where status = 'OPEN')::int as open, count(*) filter (where status = 'DONE')::int as done,
              (select count(*) from (select customer_id, type from customer_task where tenant_id = ? and status = 'OPEN' group by 1, 2 having count(*) > 1) x)::int as open_twice
         from customer_task where tenant_id = ?`,
      [a.tenantId, a.tenantId],
    );
    expect(tasks!.open).toBeGreaterThan(0);
    expect(tasks!.done).toBeGreaterThan(tasks!.open);
    expect(tasks!.open_twice).toBe(0);
  });

  it('adds to an existing tenant after its resellers and customers', async () => {
    const more = await generate(api.orm, { ...SIZE, resellers: 3, customers: 20, tenantId: a.tenantId, plans: a.plans });
    expect(more.plans).toEqual(a.plans);
    const codes = await rows<{ code: string }>(`select code from reseller where tenant_id = ? order by code desc limit 3`, [a.tenantId]);
    expect(codes.map((row) => row.code)).toEqual(['RS-000028', 'RS-000027', 'RS-000026']);
    const [customers] = await rows<{ n: number; last: string }>(`select count(*)::int as n, max(external_id) as last from customer where tenant_id = ?`, [a.tenantId]);
    expect(customers).toEqual({ n: SIZE.customers + 20, last: 'CUST-00000720' });
    const [tenant] = await rows<{ last_reseller_number: number }>(`select last_reseller_number from tenant where id = ?`, [a.tenantId]);
    expect(tenant!.last_reseller_number).toBe(28);
  });

  it('is data the product runs on: a commission run, customer health and partner health', async () => {
    const ctx = () => contextFor(api.services, other.finance);
    const run = await runCommissions(ctx(), SIZE.endPeriod!);
    expect(run.status).toBe('COMPLETED');
    expect(run.lineCount).toBeGreaterThan(0);
    const [lines] = await rows<{ resellers: number; revenue: string }>(
      `select count(distinct reseller_id)::int as resellers, sum(base_cents) filter (where kind = 'CUSTOMER')::text as revenue from commission_line where run_id = ?`,
      [run.id],
    );
    expect(lines!.resellers).toBeGreaterThan(10);
    expect(BigInt(lines!.revenue)).toBeGreaterThan(0n);
    const health = await recomputeCustomerHealth(ctx());
    expect(health.scored).toBe((other.stages.ACTIVE ?? 0) + (other.stages.EXPANSION ?? 0) + (other.stages.AT_RISK ?? 0));
    expect(health.movedToAtRisk).toBeGreaterThan(0); // the troubled ACTIVE customers
    expect(health.movedToAtRisk).toBeLessThan(health.scored * 0.1);
    const partners = await recomputePartnerHealth(ctx());
    expect(partners.scored).toBe(SIZE.resellers);
  });
});
