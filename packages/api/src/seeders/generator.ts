/**
 * A seeded, deterministic data generator for benchmarks and the demo (issue 7): one tenant (new, or
 * an existing one), N resellers across tiers and statuses with their onboarding checklists, three
 * commission plans, M customers with lifecycle histories, and K months of billing ending with
 * `endPeriod`, with interactions, lifecycle tasks, satisfaction surveys and targets.
 *
 * What it writes, and the rules it keeps (so the product's own services read it as real data):
 * - **Resellers** `RS-{offset+1}` …: the oldest (lowest numbers) hold the most customers (a u²
 *   skew); ~8 % are new partners approved in the last six weeks (`ONBOARDING`, checklist partly
 *   done, some tasks overdue, no customers yet), ~2 % are `SUSPENDED`, the rest `ACTIVE` with the
 *   whole 11-task checklist completed in prerequisite order. ~60 % have satisfaction surveys, ~50 %
 *   a revenue/new-customer target sized from their own portfolio.
 * - **Plans**: a default PERCENTAGE plan, a TIERED plan (~20 % of resellers) and a FLAT_FEE plan
 *   (~10 %), through the real service (or the caller's plans, when given).
 * - **Customers** follow one of the {@link LIFE_TEMPLATES} paths — every one a legal walk of the
 *   transition table in `lifecycle.ts` (checked when this module loads): ~77 % end signed and
 *   recurring (ACTIVE, EXPANSION, AT_RISK), ~8 % churned after signing (~2 % more were lost deals),
 *   a few reactivated, and the rest in the pipeline or just signed (CLOSED_WON, ONBOARDING). Each step is a transition row (pipeline
 *   steps 3–12 days apart up to the signature, onboarding within days, later moves spread up to
 *   yesterday); `stage` and `stage_entered_at` are the last step's. Signed customers signed over the
 *   two years before the first month and during the window, never before their reseller's approval.
 *   Each stage entry opens its lifecycle tasks (`STAGE_ACTIONS`): old ones done, recent ones open.
 *   ~3 % move to another (older) reseller on the first day of the middle month.
 * - **Billing**: per customer, month and service (`invoicesPerMonth`), an invoice for every month
 *   the customer was recurring: from the month after activation, until the month it churned
 *   (again after a reactivation), 25 % more after an expansion; `mrr_cents` is the last month's
 *   sum. Most are paid inside their month; ~12 % after it (most in the next month, some one or two
 *   months later), ~1 % never; customers headed for trouble pay late four times as often. A
 *   payment that would fall on or after `today` has not happened: the invoice is open. ~1.5 % of
 *   customer-months also get a credit note (a negative, refunded record).
 * - **Interactions**: one to five per signed customer (pipeline ones: sales contacts), dated towards
 *   the recent past, types/outcomes/ratings that go together, ~20 % with a follow-up (most done);
 *   troubled customers add complaints and technical issues before they turn AT_RISK. Usage
 *   (`usage_percent`) is low for them and 40–98 % for the others.
 *
 * Every bulk row is written with set-based SQL (`insert … select … from generate_series`) inside one
 * transaction, never one ORM flush per row. Values depend only on the seed, the sizes, the offsets
 * and `today`; ids are md5-derived from the tenant id, so one database can hold several runs.
 */
import type { Knex, MikroORM } from '@mikro-orm/postgresql';
import { randomBytes, randomUUID } from 'node:crypto';
import { contextFor, createAppServices, type AppServices } from '../app/context.js';
import type { Actor } from '../auth/actor.js';
import { Role } from '../auth/roles.js';
import { loadConfig } from '../config/config.js';
import { PlanType, TierMode } from '../modules/commissions/commission.enums.js';
import { createCommissionPlan } from '../modules/commissions/commission-plan.service.js';
import { canMove, CustomerStage, PIPELINE, STAGE_ACTIONS } from '../modules/customers/lifecycle.js';
import { ONBOARDING_TASKS } from '../modules/onboarding/onboarding-checklist.js';
import { Tenant } from '../modules/tenants/tenant.entity.js';
import { systemClock } from '../shared/clock.js';
import { addDaysToDate, firstDayOf, isDate, isPeriod, lastDayOf, nextPeriod, previousPeriod } from '../shared/period.js';
import { createStaffUser, createTenant } from './factories.js';

export interface GenerateOptions {
  resellers: number;
  customers: number;
  months: number;
  /** Invoices per customer and month (default 1). */
  invoicesPerMonth?: number;
  seed: number;
  /** The last month with billing (YYYY-MM); the benchmark runs this period. */
  endPeriod?: string;
  /** The generator's "today" (YYYY-MM-DD): nothing is dated on or after it. Default: the 15th of the month after `endPeriod`, or the real date when that is earlier. */
  today?: string;
  /** Slug of the tenant to create (ignored with `tenantId`). */
  tenantSlug?: string;
  /** Write into this existing tenant instead of creating one. */
  tenantId?: string;
  /** Who creates the plans (default: the tenant's first FINANCE, else ADMIN user; a new FINANCE user when there is none). */
  actor?: Actor;
  /** The services to create plans with (default: a fresh set on the system clock). */
  app?: AppServices;
  /** Plans to use instead of creating them; missing ones are created (named Standard, Volume, Flat: pass a tenant's own plans when it has plans by those names). */
  plans?: Partial<GeneratedPlans>;
  /** Reseller numbers start after this one (default: the tenant's last reseller number, so RS-codes continue). */
  resellerOffset?: number;
  /** Customer numbers (CUST-00000001 …) start after this one (default: the highest such number in the tenant). */
  customerOffset?: number;
}

export interface GeneratedPlans {
  percentageId: string;
  tieredId: string;
  flatFeeId: string;
}

export interface Generated {
  tenantId: string;
  tenantSlug: string;
  /** A FINANCE user of the tenant (or the given actor), for `contextFor`. */
  finance: Actor;
  periods: string[];
  today: string;
  counts: {
    resellers: number;
    customers: number;
    assignments: number;
    planAssignments: number;
    /** Invoices and credit notes. */
    billingRecords: number;
    /** Records with a payment (or refund) date. */
    paidRecords: number;
    /** Records with a non-zero payment dated inside the last period (what its commission run counts from this data). */
    paidInLastPeriod: number;
    creditNotes: number;
    /** Invoices paid after the end of their service month. */
    latePayments: number;
    /** Invoices without a payment as of `today`. */
    unpaidInvoices: number;
    transitions: number;
    customerTasks: number;
    interactions: number;
    onboardingTasks: number;
    surveys: number;
    targets: number;
  };
  /** Customers per current stage, resellers per status. */
  stages: Record<string, number>;
  resellerStatuses: Record<string, number>;
  plans: GeneratedPlans;
  millis: number;
}

export const DEFAULT_END_PERIOD = '2026-10';

const S = CustomerStage;
const SIGNED_PATH = [...PIPELINE, S.ONBOARDING, S.ACTIVE];

export interface LifeTemplate {
  /** Share per 1,000 customers. */
  weight: number;
  stages: CustomerStage[];
  /** Pays late more often, complains, low usage: on its way to (or through) AT_RISK. */
  troubled?: boolean;
}

/** The lifecycle paths customers take, with their shares (they add up to 1,000). */
export const LIFE_TEMPLATES: readonly LifeTemplate[] = [
  { weight: 570, stages: SIGNED_PATH },
  // Still ACTIVE but unhappy: the health scoring moves them to AT_RISK.
  { weight: 10, stages: SIGNED_PATH, troubled: true },
  { weight: 60, stages: [...SIGNED_PATH, S.EXPANSION] },
  { weight: 30, stages: [...SIGNED_PATH, S.EXPANSION, S.ACTIVE] },
  { weight: 45, stages: [...SIGNED_PATH, S.AT_RISK], troubled: true },
  { weight: 35, stages: [...SIGNED_PATH, S.AT_RISK, S.ACTIVE] },
  { weight: 10, stages: [...SIGNED_PATH, S.EXPANSION, S.AT_RISK], troubled: true },
  { weight: 80, stages: [...SIGNED_PATH, S.AT_RISK, S.CHURNED], troubled: true },
  { weight: 10, stages: [...SIGNED_PATH, S.AT_RISK, S.CHURNED, S.REACTIVATION], troubled: true },
  { weight: 12, stages: [...SIGNED_PATH, S.AT_RISK, S.CHURNED, S.REACTIVATION, S.ACTIVE] },
  { weight: 25, stages: [...PIPELINE, S.ONBOARDING] },
  { weight: 12, stages: [...PIPELINE] },
  { weight: 10, stages: PIPELINE.slice(0, 5) },
  { weight: 12, stages: PIPELINE.slice(0, 4) },
  { weight: 15, stages: PIPELINE.slice(0, 3) },
  { weight: 20, stages: PIPELINE.slice(0, 2) },
  { weight: 20, stages: PIPELINE.slice(0, 1) },
  // Lost deals: CHURNED from the pipeline.
  { weight: 14, stages: [...PIPELINE.slice(0, 3), S.CHURNED] },
  { weight: 10, stages: [...PIPELINE.slice(0, 4), S.CHURNED] },
];

// The paths are the data's lifecycle: each must be a legal walk of the transition table.
for (const template of LIFE_TEMPLATES) {
  template.stages.slice(1).forEach((stage, index) => {
    if (!canMove(template.stages[index]!, stage)) throw new Error(`Generator path ${template.stages.join('→')} has an illegal move to ${stage}`);
  });
}
if (LIFE_TEMPLATES.reduce((sum, template) => sum + template.weight, 0) !== 1000) throw new Error('Generator path weights must add up to 1,000');

/** Days after approval by which a task is done at normal speed: one day before it is due, after its prerequisites. */
function onboardingOffsets(): Map<string, number> {
  const offsets = new Map<string, number>();
  for (const task of ONBOARDING_TASKS) {
    // The checklist lists prerequisites before the tasks that need them.
    offsets.set(task.key, Math.max(task.dueDays - 1, ...task.prerequisites.map((key) => offsets.get(key)! + 1)));
  }
  return offsets;
}

const lit = (value: string) => `'${value.replace(/'/g, "''")}'`;
const textArray = (values: readonly string[]) => `array[${values.map(lit).join(',')}]::text[]`;

/** A PostgreSQL `values` list (literals only: the values are the code's own constants). */
function valuesTable(rows: (string | number | boolean | null)[][]): string {
  return `values ${rows.map((row) => `(${row.map((value) => (value === null ? 'null' : typeof value === 'string' ? lit(value) : String(value))).join(', ')})`).join(',\n')}`;
}

const COMPANY_WORDS = ['Harbor', 'Summit', 'Oakwood', 'Lakeside', 'Riverbend', 'Pinecrest', 'Granite', 'Meadow', 'Cedar', 'Bayview', 'Northstar', 'Redwood', 'Silverline', 'Maple', 'Brookside', 'Highland', 'Ironwood', 'Sunrise', 'Clearwater', 'Foxhill', 'Willow', 'Eastgate', 'Stonebridge', 'Aspen', 'Kingsley', 'Prairie', 'Copper', 'Hillcrest', 'Westfield', 'Birchwood', 'Falcon', 'Lighthouse', 'Orchard', 'Timber', 'Sierra', 'Mapleton', 'Crescent', 'Evergreen', 'Juniper', 'Canyon'];
const RESELLER_SUFFIXES = ['Communications', 'Networks', 'Connect', 'Telecom', 'Broadband', 'IT Services', 'Tech Partners', 'Home Services'];
const CUSTOMER_SUFFIXES = ['Bakery', 'Dental', 'Law Office', 'Cafe', 'Fitness', 'Family', 'Clinic', 'Studio', 'Books', 'Logistics', 'Salon', 'Realty', 'Pharmacy', 'Auto Repair', 'Accounting', 'Florist', 'Print Shop', 'Daycare', 'Hardware', 'Veterinary', 'Architects', 'Bistro', 'Travel', 'Insurance', 'Household', 'Coworking', 'Media', 'School', 'Optics', 'Hotel'];
const FIRST_NAMES = ['Maria', 'James', 'Priya', 'Sam', 'Elena', 'Dan', 'Aisha', 'Tom', 'Lucia', 'Kenji', 'Grace', 'Omar', 'Nina', 'Victor', 'Chloe', 'Ravi'];
const LAST_NAMES = ['Lopez', 'Chen', 'Patel', 'Okafor', 'Rossi', 'Novak', 'Kim', 'Schmidt', 'Haddad', 'Silva', 'Brown', 'Ito', 'Larsen', 'Mensah', 'Dubois', 'Walsh'];
const SERVICE_PLANS = ['Fiber 100', 'Fiber 300', 'Fiber 1G', 'Business 500'];

/** The day after which nothing is dated, for an end period: the 15th of the following month. */
export function defaultToday(endPeriod: string): string {
  return addDaysToDate(firstDayOf(nextPeriod(endPeriod)), 14);
}

/**
 * Writes the data set into the (migrated) database of `orm`. Deterministic for a given seed, size,
 * offsets and `today`.
 */
export async function generate(orm: MikroORM, options: GenerateOptions): Promise<Generated> {
  const started = performance.now();
  const { resellers, customers, months } = options;
  const seed = Math.trunc(options.seed);
  const invoicesPerMonth = options.invoicesPerMonth ?? 1;
  if (resellers < 1 || customers < 1 || months < 1 || invoicesPerMonth < 1) throw new Error('resellers, customers, months and invoices per month must be at least 1');
  if (!Number.isInteger(seed) || Math.abs(seed) > 2 ** 31) throw new Error('seed must be a whole number');
  const endPeriod = options.endPeriod ?? DEFAULT_END_PERIOD;
  if (!isPeriod(endPeriod)) throw new Error('endPeriod must be YYYY-MM');
  // Nothing dated in the (real) future: a run on the 3rd of the month after `endPeriod` ends its history on the 2nd.
  const systemToday = new Date().toISOString().slice(0, 10);
  const today = options.today ?? (systemToday > lastDayOf(endPeriod) && systemToday < defaultToday(endPeriod) ? systemToday : defaultToday(endPeriod));
  if (!isDate(today) || today <= lastDayOf(endPeriod)) throw new Error(`today (${today}) must be a date after the end period ${endPeriod}`);
  const periods: string[] = [endPeriod];
  while (periods.length < months) periods.unshift(previousPeriod(periods[0]!));
  const firstPeriod = periods[0]!;
  const start = firstDayOf(firstPeriod);
  const knex = orm.em.getConnection().getKnex();

  // The tenant: a new one, or the caller's.
  let tenantId: string;
  let slug: string;
  let lastResellerNumber = 0;
  if (options.tenantId) {
    const row = ((await knex.raw('select id, slug, last_reseller_number from tenant where id = ?', [options.tenantId])) as { rows: { id: string; slug: string; last_reseller_number: number }[] }).rows[0];
    if (!row) throw new Error(`No tenant ${options.tenantId}`);
    ({ id: tenantId, slug } = row);
    lastResellerNumber = row.last_reseller_number;
  } else {
    slug = options.tenantSlug ?? `bench-${seed}-${Date.now().toString(36)}`;
    tenantId = (await createTenant(orm.em, { slug, name: `Bench ISP ${seed}` })).id;
  }
  const t = tenantId;
  const resellerOffset = options.resellerOffset ?? lastResellerNumber;
  const customerOffset =
    options.customerOffset ??
    Number(
      ((await knex.raw(`select coalesce(max(substr(external_id, 6)::bigint), 0)::text as n from customer where tenant_id = ? and external_id ~ '^CUST-[0-9]{8}$'`, [t])) as { rows: { n: string }[] }).rows[0]!.n,
    );

  const finance = options.actor ?? (await financeActor(orm, t, slug));
  const app =
    options.app ??
    createAppServices(loadConfig({ NODE_ENV: 'test', DATABASE_URL: 'postgres://unused/unused', LOG_LEVEL: 'warn' }), orm, systemClock, { session: randomBytes(32).toString('hex'), payoutKey: randomBytes(32) });
  const as = () => contextFor(app, finance);
  const plans: GeneratedPlans = {
    percentageId:
      options.plans?.percentageId ??
      (await createCommissionPlan(as(), { name: 'Standard', type: PlanType.PERCENTAGE, effectiveFrom: firstPeriod, isDefault: true, terms: { rate: '0.1000' }, description: '10 % of paid revenue' })).id,
    tieredId:
      options.plans?.tieredId ??
      (
        await createCommissionPlan(as(), {
          name: 'Volume',
          type: PlanType.TIERED,
          effectiveFrom: firstPeriod,
          description: 'Tiered on monthly paid revenue',
          terms: { tierMode: TierMode.WHOLE, tiers: [{ from: '0', rate: '0.1000' }, { from: '1000.00', rate: '0.1200' }, { from: '5000.00', rate: '0.1500' }] },
        })
      ).id,
    flatFeeId:
      options.plans?.flatFeeId ??
      (await createCommissionPlan(as(), { name: 'Flat', type: PlanType.FLAT_FEE, effectiveFrom: firstPeriod, description: 'Per new and per active customer', terms: { perNewCustomer: '25.00', perActiveCustomer: '2.00' } })).id,
  };

  // A deterministic pseudo-random non-negative integer per (row, attribute): hashint8extended is
  // PostgreSQL's own 64-bit hash, salted with the seed. Each use has its own attribute number.
  const rnd = (row: string, attribute: number) => `abs(hashint8extended((${row})::bigint * 64 + ${attribute}, ${seed}))`;
  const unit = (row: string, attribute: number) => `((${rnd(row, attribute)} % 1000000) / 1000000.0)`;
  const uid = (kind: string, ...parts: string[]) => `md5(${[lit(t), lit(kind), ...parts.map((p) => `(${p})::text`)].join(` || ':' || `)})::uuid`;
  const at = (date: string, time: string) => `((${date}) + time ${lit(time)}) at time zone 'UTC'`;
  const TODAY = `${lit(today)}::date`;
  const START = `${lit(start)}::date`;
  const windowDays = (Date.parse(today) - Date.parse(start)) / 86_400_000;
  // New partners (approved in the last six weeks, still onboarding) are the highest numbers.
  const newcomers = resellers >= 10 ? Math.round(resellers * 0.08) : resellers >= 4 ? 1 : 0;
  const established = resellers - newcomers;
  const moveDate = firstDayOf(periods[Math.floor(months / 2)]!);
  const offsets = onboardingOffsets();
  const finalOffset = Math.max(...offsets.values());
  const templates = valuesTable(
    (() => {
      let from = 0;
      return LIFE_TEMPLATES.map((template, index) => {
        const row = [index + 1, from, from + template.weight, `{${template.stages.join(',')}}`, !!template.troubled];
        from += template.weight;
        return row;
      });
    })(),
  );

  const counts = await knex.transaction(async (trx: Knex.Transaction) => {
    const sql = async (text: string) => ((await trx.raw(text)) as { rowCount: number }).rowCount;

    await sql(`set local work_mem = '64MB'`);
    // Resellers: `local` 1 … N in this run (1 = the oldest), `n` the number in the tenant.
    await sql(`
      create temp table gen_reseller on commit drop as
      select local, n, ${uid('r', 'n')} as id, newcomer, approved_on, speed,
             case when newcomer then 'ONBOARDING' when local > 1 and ${rnd('n', 2)} % 100 < 2 then 'SUSPENDED' else 'ACTIVE' end as status,
             'owner' || n || '@reseller' || n || '.example' as contact_email
        from (select local, ${resellerOffset} + local as n, local > ${established} as newcomer
                from generate_series(1, ${resellers}) local) r
       cross join lateral (select case when newcomer then ${TODAY} - (3 + ${rnd('n', 1)} % 40)::int
                                       else ${TODAY} - (240 + floor((${established} - local)::numeric / ${established} * ${windowDays + 730})::int + ${rnd('n', 1)} % 20)::int end as approved_on,
                                  case when newcomer then 70 + ${rnd('n', 3)} % 100 else 60 + ${rnd('n', 3)} % 60 end as speed) x`);
    await sql(`create unique index on gen_reseller (local)`);

    const resellerRows = await sql(`
      insert into reseller (id, tenant_id, created_at, code, company_name, legal_name, contact_name, contact_email, phone, website,
                            business_type, territory, status, tier, approved_at, status_changed_at, updated_at)
      select id, ${lit(t)}, ${at('approved_on', '14:00')}, 'RS-' || lpad(n::text, 6, '0'), name, name || case when business_type = 'CORPORATION' then ' Inc.' when business_type = 'LLC' then ' LLC' else '' end,
             (${textArray(FIRST_NAMES)})[1 + ${rnd('n', 4)} % ${FIRST_NAMES.length}] || ' ' || (${textArray(LAST_NAMES)})[1 + ${rnd('n', 5)} % ${LAST_NAMES.length}],
             contact_email, '+1 555 ' || lpad((n % 10000)::text, 4, '0'), 'https://reseller' || n || '.example', business_type,
             jsonb_build_array('Region ' || (1 + ${rnd('n', 6)} % 50)), status,
             case when ${rnd('n', 7)} % 100 < 50 then 'BRONZE' when ${rnd('n', 7)} % 100 < 80 then 'SILVER' when ${rnd('n', 7)} % 100 < 95 then 'GOLD' else 'PLATINUM' end,
             ${at('approved_on', '14:00')},
             case status when 'ONBOARDING' then ${at('approved_on', '14:00')}
                         when 'SUSPENDED' then ${at(`${TODAY} - (5 + ${rnd('n', 8)} % 80)::int`, '11:00')}
                         else ${at(`approved_on + ceil(${finalOffset} * speed / 100.0)::int`, '12:00')} end,
             now()
        from gen_reseller
       cross join lateral (select (${textArray(COMPANY_WORDS)})[1 + ((n - 1) * 17) % ${COMPANY_WORDS.length}] || ' ' ||
                                  (${textArray(RESELLER_SUFFIXES)})[1 + ((n - 1) / ${COMPANY_WORDS.length} + (n - 1) * 3) % ${RESELLER_SUFFIXES.length}] ||
                                  case when n > ${COMPANY_WORDS.length * RESELLER_SUFFIXES.length} then ' ' || n else '' end as name,
                                  (array['LLC','CORPORATION','INDIVIDUAL','PARTNERSHIP','LLC','NON_PROFIT'])[1 + ${rnd('n', 9)} % 6] as business_type) x`);
    await sql(`update tenant set last_reseller_number = greatest(last_reseller_number, ${resellerOffset + resellers}) where id = ${lit(t)}`);

    // ~20 % of resellers on the tiered plan, ~10 % on the flat-fee plan, the rest on the default.
    const planAssignments = await sql(`
      insert into commission_plan_assignment (id, tenant_id, created_at, reseller_id, plan_id, effective_from)
      select ${uid('pa', 'n')}, ${lit(t)}, now(), id, case when ${rnd('n', 10)} % 10 < 2 then ${lit(plans.tieredId)}::uuid else ${lit(plans.flatFeeId)}::uuid end, ${lit(firstPeriod)}
        from gen_reseller where ${rnd('n', 10)} % 10 < 3`);

    // The 11-task checklist: established partners finished it in prerequisite order (at their own
    // speed); new partners are part-way, the slow ones with overdue tasks.
    const onboardingTasks = await sql(`
      insert into onboarding_task (id, tenant_id, created_at, reseller_id, key, title, category, priority, effort_hours, owner, due_date,
                                   prerequisites, done_when, position, status, completed_at, completed_by, note)
      select ${uid('ot', 'r.n', 'k.position')}, ${lit(t)}, ${at('r.approved_on', '14:00')}, r.id, k.key, k.title, k.category, k.priority, k.effort, k.owner,
             r.approved_on + k.due_days, k.prerequisites::jsonb, k.done_when, k.position,
             case when done then 'COMPLETED' else 'PENDING' end,
             case when done then ${at('done_on', '09:00')} + k.position * interval '10 minutes' end,
             case when done then case when k.owner = 'RESELLER' then r.contact_email else ${lit(finance.label)} end end,
             null
        from gen_reseller r
       cross join (${valuesTable(ONBOARDING_TASKS.map((task, position) => [task.key, task.title, task.category, task.priority, task.effortHours, task.owner, task.dueDays, JSON.stringify(task.prerequisites), task.doneWhen, position, offsets.get(task.key)!]))})
             as k(key, title, category, priority, effort, owner, due_days, prerequisites, done_when, position, day_offset)
       cross join lateral (select r.approved_on + ceil(k.day_offset * r.speed / 100.0)::int as done_on) d
       cross join lateral (select not r.newcomer or d.done_on < ${TODAY} as done) x`);

    // Customers: a reseller (skewed to the oldest), a lifecycle path, and the day the path is anchored on.
    await sql(`
      create temp table gen_customer on commit drop as
      select b.c, b.n, ${uid('c', 'b.n')} as id, r.local as r_local, r.id as reseller_id, r.n as reseller_n, r.contact_email, r.approved_on,
             p.stages, cardinality(p.stages) as len, p.stages[6] is not distinct from 'CLOSED_WON' as signed, greatest(cardinality(p.stages) - 8, 0) as npost, p.troubled,
             (2 + ${rnd('b.n', 20)} % 4)::int as onboard_days, (10 + ${rnd('b.n', 21)} % 10)::int as activate_days,
             case when m.moves then m.to_local end as moved_to
        from (select c, ${customerOffset} + c as n from generate_series(1::bigint, ${customers}) c) b
        join gen_reseller r on r.local = 1 + floor(${established} * power(${unit('b.n', 22)}, 2))::int
        join (select template, lo, hi, stages::text[] as stages, troubled from (${templates}) as v(template, lo, hi, stages, troubled)) p on ${rnd('b.n', 23)} % 1000 >= p.lo and ${rnd('b.n', 23)} % 1000 < p.hi
       cross join lateral (select ${rnd('b.n', 24)} % 100 < 3 as moves, 1 + floor(greatest(1, ${established} / 2) * power(${unit('b.n', 25)}, 2))::int as to_local) m`);
    await sql(`alter table gen_customer add column won_on date, add column prospect_on date`);
    await sql(`
      update gen_customer set
        won_on = case when not signed then null
                      when len = 6 then ${TODAY} - (1 + ${rnd('n', 26)} % 4)::int
                      when len = 7 then ${TODAY} - (6 + ${rnd('n', 26)} % 15)::int
                      else lo + floor((greatest(hi - lo, 0) + 1) * ${unit('n', 27)})::int end,
        prospect_on = case when signed then null
                           when stages[len] = 'CHURNED' then greatest(approved_on + 1, ${TODAY} - (61 + ${rnd('n', 28)} % 300)::int)
                           else greatest(approved_on + 1, ${TODAY} - (len * 12 + 1 + ${rnd('n', 28)} % 45)::int) end
        from (select c as cc, least(greatest(approved_on + 60, ${START} - 730), ${TODAY} - (30 + 25 * npost)) as lo, ${TODAY} - (30 + 25 * npost) as hi from gen_customer) bounds
       where bounds.cc = gen_customer.c`);

    // The steps of each path, dated: the pipeline 3–12 days a step (up to the signature, or on from
    // the first contact), onboarding 2–5 days after signing, active 10–19 days later, later moves
    // spread evenly up to yesterday.
    await sql(`
      create temp table gen_step on commit drop as
      select n, id as customer_id, k, stage, lag(stage) over w as from_stage,
             count(*) over (partition by n, stage order by k rows between 1 following and unbounded following) > 0 as entered_again,
             case when not signed then prospect_on + (sum(gap) over w)::int
                  when k <= 6 then won_on - coalesce(sum(case when k <= 6 then gap else 0 end) over (partition by n order by k rows between 1 following and unbounded following), 0)::int
                  when k = 7 then won_on + onboard_days
                  when k = 8 then won_on + onboard_days + activate_days
                  else won_on + onboard_days + activate_days + ((${TODAY} - 1 - (won_on + onboard_days + activate_days)) * (k::int - 8)) / (npost + 1) end as on_date
        from (select g.*, s.stage, s.k::int as k, case when s.k = 1 then 0 else (3 + ${rnd('g.n * 16 + s.k', 29)} % 10)::int end as gap
                from gen_customer g cross join lateral unnest(g.stages) with ordinality as s(stage, k)) x
      window w as (partition by n order by k)`);
    await sql(`alter table gen_step add column at timestamptz`);
    await sql(`update gen_step set at = ${at('on_date', '09:00')} + k * interval '20 minutes'`);
    await sql(`create index on gen_step (n)`);
    // Per customer: the dates billing and interactions follow.
    await sql(`
      create temp table gen_life on commit drop as
      select n, min(on_date) as first_on, min(at) as first_at, max(on_date) filter (where k = 8) as active_on,
             max(on_date) filter (where stage = 'EXPANSION') as expand_on, max(on_date) filter (where stage = 'AT_RISK') as at_risk_on,
             max(on_date) filter (where stage = 'CHURNED') as churn_on, max(on_date) filter (where stage = 'ACTIVE' and from_stage = 'REACTIVATION') as resume_on,
             max(on_date) as last_on, max(at) as entered_at, (array_agg(stage order by k desc))[1] as final_stage
        from gen_step group by n`);
    await sql(`create unique index on gen_life (n)`);

    // Who the customer is with now: ~3 % moved to an older reseller on the first day of the middle
    // month (signed before it, not churned by then).
    await sql(`alter table gen_customer add column mover_id uuid`);
    await sql(`
      update gen_customer g set mover_id = r2.id
        from gen_reseller r2, gen_life l
       where l.n = g.n and r2.local = g.moved_to and r2.local <> g.r_local and g.signed and g.won_on < ${lit(moveDate)}::date
         and (l.churn_on is null or l.churn_on > ${lit(moveDate)}::date)`);

    // What a customer pays a month per service (25 % more after an expansion).
    const base = (n: string, s: string) => `(2999 + ${rnd(`${n} * 16 + ${s}`, 30)} % 17000)`;
    const customerRows = await sql(`
      insert into customer (id, tenant_id, created_at, external_id, name, email, reseller_id, updated_at,
                            service_plan, mrr_cents, signup_date, stage, stage_entered_at, usage_percent)
      select g.id, ${lit(t)}, l.first_at, 'CUST-' || lpad(g.n::text, 8, '0'), name, lower(regexp_replace(name, '[^A-Za-z]+', '.', 'g')) || '.' || g.n || '@mail.example',
             coalesce(g.mover_id, g.reseller_id), now(),
             case when g.signed then (${textArray(SERVICE_PLANS)})[1 + ${rnd('g.n', 31)} % ${SERVICE_PLANS.length}] end,
             case when g.signed then (select sum(case when l.expand_on is not null then ${base('g.n', 's')} * 5 / 4 else ${base('g.n', 's')} end) from generate_series(1, ${invoicesPerMonth}) s) else 0 end,
             g.won_on, l.final_stage, l.entered_at,
             case when not g.signed or l.final_stage in ('CLOSED_WON', 'ONBOARDING') then null when g.troubled then 5 + ${rnd('g.n', 32)} % 30 else 40 + ${rnd('g.n', 32)} % 59 end
        from gen_customer g join gen_life l on l.n = g.n
       cross join lateral (select (${textArray(COMPANY_WORDS)})[1 + ${rnd('g.n', 33)} % ${COMPANY_WORDS.length}] || ' ' || (${textArray(CUSTOMER_SUFFIXES)})[1 + ${rnd('g.n', 34)} % ${CUSTOMER_SUFFIXES.length}] as name) x`);

    const firstAssignments = await sql(`
      insert into customer_assignment (id, tenant_id, created_at, customer_id, reseller_id, from_date, to_date, reason)
      select ${uid('ca', 'g.n')}, ${lit(t)}, l.first_at, g.id, g.reseller_id, l.first_on, case when g.mover_id is not null then ${lit(moveDate)}::date end, null
        from gen_customer g join gen_life l on l.n = g.n`);
    const moves = await sql(`
      insert into customer_assignment (id, tenant_id, created_at, customer_id, reseller_id, from_date, to_date, reason)
      select ${uid('ca2', 'g.n')}, ${lit(t)}, ${at(`${lit(moveDate)}::date`, '08:00')}, g.id, g.mover_id, ${lit(moveDate)}::date, null, 'Moved to another reseller'
        from gen_customer g where g.mover_id is not null`);

    // Transitions and the tasks their stages open.
    const transitions = await sql(`
      insert into customer_stage_transition (id, tenant_id, created_at, customer_id, from_stage, to_stage, at, actor, reason)
      select ${uid('st', 's.n', 's.k')}, ${lit(t)}, s.at, s.customer_id, s.from_stage, s.stage, s.at,
             case when s.k = 1 then 'crm sync' when s.stage = 'AT_RISK' and g.troubled and ${rnd('s.n', 35)} % 2 = 0 then 'health scoring' else g.contact_email end,
             case when s.k = 1 then 'Imported from the CRM'
                  when s.stage = 'CHURNED' and s.from_stage = 'AT_RISK' then 'Cancelled the service'
                  when s.stage = 'CHURNED' then 'Chose another provider'
                  when s.stage = 'AT_RISK' then 'Late payments and support complaints'
                  when s.stage = 'EXPANSION' then 'Upgraded the plan'
                  when s.stage = 'REACTIVATION' then 'Accepted the win-back offer' end
        from gen_step s join gen_customer g on g.n = s.n`);
    const actions = Object.entries(STAGE_ACTIONS).flatMap(([stage, list]) => list!.map((action) => [stage, action.type, action.title, action.dueInDays]));
    const customerTasks = await sql(`
      insert into customer_task (id, tenant_id, created_at, customer_id, type, stage, title, due_date, status, completed_at, completed_by, note)
      select ${uid('ct', 's.n', 's.k', 'a.type')}, ${lit(t)}, s.at, s.customer_id, a.type, s.stage, a.title, due, case when done then 'DONE' else 'OPEN' end,
             case when done then least(s.at + make_interval(days => (1 + ${rnd('s.n * 16 + s.k', 36)} % a.due_days)::int), ${at(`${TODAY} - 1`, '16:00')}) end,
             case when done then g.contact_email end, case when done then 'Done' end
        from gen_step s join gen_customer g on g.n = s.n
        join (${valuesTable(actions)}) as a(stage, type, title, due_days) on a.stage = s.stage
       cross join lateral (select s.on_date + a.due_days as due) d
       cross join lateral (select s.entered_again or (due < ${TODAY} - 10 and ${rnd('s.n * 16 + s.k', 37)} % 100 < 95) as done) x`);

    // Billing: the months each customer was recurring.
    await sql(`
      create temp table gen_month on commit drop as
      select g.n, g.id, g.troubled, m, p, (p + interval '1 month - 1 day')::date as pe, l.expand_on is not null and l.expand_on < p as expanded
        from gen_customer g join gen_life l on l.n = g.n
       cross join generate_series(0, ${months - 1}) m
       cross join lateral (select (${START} + make_interval(months => m))::date as p) month
       where g.signed and l.active_on < p and (l.churn_on is null or l.churn_on >= p or (l.resume_on is not null and l.resume_on < p))`);
    const key = '(g.n * 1000 + g.m) * 16 + s';
    const invoices = await sql(`
      insert into billing_record (id, tenant_id, created_at, customer_id, period, invoice_id, invoiced_cents, paid_cents, paid_date, updated_at)
      select ${uid('b', 'g.n', 'g.m', 's')}, ${lit(t)}, now(), g.id, to_char(g.p, 'YYYY-MM'), 'INV-' || to_char(g.p, 'YYYYMM') || '-' || lpad(g.n::text, 8, '0') || '-' || s,
             amount, case when paid_on < ${TODAY} then amount else 0 end, case when paid_on < ${TODAY} then paid_on end, now()
        from gen_month g
       cross join generate_series(1, ${invoicesPerMonth}) s
       cross join lateral (select case when g.expanded then ${base('g.n', 's')} * 5 / 4 else ${base('g.n', 's')} end::bigint as amount,
                                  ${rnd(key, 38)} % 1000 as lateness) money
       cross join lateral (select case when lateness < case when g.troubled then 60 else 10 end then null
                                       when lateness < case when g.troubled then 200 else 30 end then g.pe + 21 + (${rnd(key, 39)} % 55)::int
                                       when lateness < case when g.troubled then 600 else 120 end then g.pe + 1 + (${rnd(key, 39)} % 20)::int
                                       else g.p + (${rnd(key, 39)} % 28)::int end as paid_on) paid`);
    // Credit notes (service credits, now and then a whole month refunded): negative records, refunded some days later.
    const creditNotes = await sql(`
      insert into billing_record (id, tenant_id, created_at, customer_id, period, invoice_id, invoiced_cents, paid_cents, paid_date, updated_at)
      select ${uid('cn', 'g.n', 'g.m')}, ${lit(t)}, now(), g.id, to_char(g.p, 'YYYY-MM'), 'CN-' || to_char(g.p, 'YYYYMM') || '-' || lpad(g.n::text, 8, '0'),
             -amount, case when refunded_on < ${TODAY} then -amount else 0 end, case when refunded_on < ${TODAY} then refunded_on end, now()
        from gen_month g
       cross join lateral (select case when ${rnd('g.n * 1000 + g.m', 40)} % 5 = 0 then ${base('g.n', '1')} else 500 + ${rnd('g.n * 1000 + g.m', 41)} % 2500 end::bigint as amount,
                                  g.p + (5 + ${rnd('g.n * 1000 + g.m', 42)} % 40)::int as refunded_on) money
       where ${rnd('g.n * 1000 + g.m', 43)} % 1000 < 15`);

    // Interactions: signed customers 1–5, pipeline ones a sales contact or two, dated towards the
    // recent past (up to the churn for the churned); troubled customers complain before AT_RISK.
    const interactions = await sql(`
      insert into customer_interaction (id, tenant_id, created_at, customer_id, type, occurred_on, duration_minutes, outcome, satisfaction, notes, follow_up_on, follow_up_done_at, logged_by)
      select ${uid('ix', 'g.n', 'j')}, ${lit(t)}, ${at('occurred_on', '17:00')}, g.id, type, occurred_on,
             case when type = 'EMAIL' then null else 5 * (1 + ${rnd(ikey('j'), 44)} % 12) end, outcome,
             case outcome when 'POSITIVE' then 8 + ${rnd(ikey('j'), 45)} % 3 when 'RESOLVED' then 6 + ${rnd(ikey('j'), 45)} % 4 when 'NEUTRAL' then 5 + ${rnd(ikey('j'), 45)} % 3
                          when 'NEGATIVE' then 1 + ${rnd(ikey('j'), 45)} % 3 when 'UNRESOLVED' then 2 + ${rnd(ikey('j'), 45)} % 3 end,
             case type when 'COMPLAINT' then 'Service drops in the evenings; customer is unhappy.' when 'TECHNICAL_ISSUE' then 'Slow speeds reported; line checked.'
                       when 'BILLING_INQUIRY' then 'Asked about a charge on the last invoice.' when 'SUPPORT_TICKET' then 'Router set-up help.'
                       when 'COMPLIMENT' then 'Happy with the installation team.' when 'FEATURE_REQUEST' then 'Asked for a static IP option.'
                       when 'TRAINING' then 'Walked through the self-care portal.' else 'Regular contact.' end,
             follow_up_on,
             case when follow_up_on < ${TODAY} - 2 and ${rnd(ikey('j'), 46)} % 100 < 90 then ${at('follow_up_on', '15:00')} end,
             g.contact_email
        from gen_customer g join gen_life l on l.n = g.n
       cross join generate_series(1, 10) j
       cross join lateral (select case when l.final_stage = 'CHURNED' then l.last_on else ${TODAY} - 1 end as end_on,
                                  case when g.signed then 1 + ${rnd('g.n', 47)} % 5 when g.len > 1 then 1 + ${rnd('g.n', 47)} % 2 else ${rnd('g.n', 47)} % 2 end as planned) pl
       cross join lateral (select case when j > 6 then greatest(l.first_on, coalesce(l.at_risk_on, ${TODAY} - 1) - (${rnd(ikey('j'), 48)} % 45)::int)
                                       else pl.end_on - floor((pl.end_on - l.first_on) * power(${unit(ikey('j'), 49)}, 2))::int end as occurred_on,
                                  ${rnd(ikey('j'), 50)} % 100 as kind, ${rnd(ikey('j'), 51)} % 100 as result) r
       cross join lateral (select case when j > 6 then (array['COMPLAINT', 'TECHNICAL_ISSUE', 'SUPPORT_TICKET'])[1 + kind % 3]
                                       when not g.signed then case when kind < 40 then 'SALES_CALL' when kind < 75 then 'EMAIL' else 'MEETING' end
                                       when kind < 18 then 'SUPPORT_TICKET' when kind < 28 then 'BILLING_INQUIRY' when kind < 38 then 'TECHNICAL_ISSUE'
                                       when kind < 53 then 'EMAIL' when kind < 61 then 'MEETING' when kind < 67 then 'TRAINING' when kind < 77 then 'SALES_CALL'
                                       when kind < 83 then 'FEATURE_REQUEST' when kind < 88 then 'COMPLAINT' else 'COMPLIMENT' end as type) ty
       cross join lateral (select case type when 'COMPLAINT' then case when result < 60 then 'NEGATIVE' when result < 85 then 'UNRESOLVED' else 'RESOLVED' end
                                            when 'COMPLIMENT' then 'POSITIVE'
                                            when 'SALES_CALL' then case when result < 40 then 'POSITIVE' when result < 75 then 'NEUTRAL' else 'NO_RESPONSE' end
                                            when 'EMAIL' then case when result < 40 then 'POSITIVE' when result < 75 then 'NEUTRAL' else 'NO_RESPONSE' end
                                            when 'MEETING' then case when result < 70 then 'POSITIVE' else 'NEUTRAL' end
                                            when 'TRAINING' then case when result < 70 then 'POSITIVE' else 'NEUTRAL' end
                                            when 'FEATURE_REQUEST' then case when result < 40 then 'POSITIVE' else 'NEUTRAL' end
                                            else case when result < 75 then 'RESOLVED' when result < 90 then 'UNRESOLVED' else 'NEUTRAL' end end as outcome,
                                  case when ${rnd(ikey('j'), 52)} % 100 < 20 then occurred_on + (3 + ${rnd(ikey('j'), 53)} % 12)::int end as follow_up_on) o
       where j <= pl.planned or (j > 6 and g.troubled)`);

    // Partner success inputs: satisfaction surveys (1–5) and, for half of the partners, targets sized
    // from their own portfolio (MRR of recurring customers, signatures of the last six months).
    const surveys = await sql(`
      insert into satisfaction_survey (id, tenant_id, created_at, reseller_id, rating, surveyed_on, comment, recorded_by)
      select ${uid('sv', 'r.n', 'j')}, ${lit(t)}, ${at('surveyed_on', '10:00')}, r.id, rating, surveyed_on,
             (array['Considering leaving the program.', 'Commission statements arrive late.', 'Installation dates slip too often.', 'Happy with the support desk.', 'Great partner team, fast payouts.'])[rating],
             ${lit(finance.label)}
        from gen_reseller r cross join generate_series(1, 2) j
       cross join lateral (select greatest(r.approved_on + 30, ${TODAY} - (10 + ${rnd('r.n * 4 + j', 11)} % 330)::int) as surveyed_on,
                                  case when ${rnd('r.n * 4 + j', 12)} % 100 < 5 then 1 when ${rnd('r.n * 4 + j', 12)} % 100 < 15 then 2
                                       when ${rnd('r.n * 4 + j', 12)} % 100 < 40 then 3 when ${rnd('r.n * 4 + j', 12)} % 100 < 80 then 4 else 5 end as rating) s
       where not r.newcomer and ${rnd('r.n * 4 + j', 13)} % 100 < case j when 1 then 60 else 30 end and s.surveyed_on < ${TODAY}`);
    const targets = await sql(`
      insert into partner_target (id, tenant_id, created_at, reseller_id, revenue_target_cents, new_customers_per_month, updated_by, updated_at)
      select ${uid('tg', 'r.n')}, ${lit(t)}, now(), r.id,
             greatest(100000, round(coalesce(p.mrr, 0) * (80 + ${rnd('r.n', 14)} % 50) / 100.0, -4))::bigint,
             greatest(1, round(coalesce(p.signed6, 0) / 6.0 * (80 + ${rnd('r.n', 15)} % 60) / 100.0))::int,
             ${lit(finance.label)}, now()
        from gen_reseller r
        left join (select c.reseller_id, sum(c.mrr_cents) filter (where c.stage in ('ACTIVE', 'EXPANSION', 'AT_RISK')) as mrr,
                          count(*) filter (where c.signup_date >= ${TODAY} - 182) as signed6
                     from customer c join gen_customer g on g.id = c.id group by c.reseller_id) p on p.reseller_id = r.id
       where not r.newcomer and ${rnd('r.n', 16)} % 100 < 50`);

    const figures = (
      (await trx.raw(`
        select count(*) filter (where b.paid_date is not null)::int as paid,
               count(*) filter (where b.paid_cents <> 0 and b.paid_date between ${lit(firstDayOf(endPeriod))}::date and ${lit(lastDayOf(endPeriod))}::date)::int as paid_in_last,
               count(*) filter (where b.invoiced_cents > 0 and b.paid_date > (to_date(b.period, 'YYYY-MM') + interval '1 month - 1 day')::date)::int as late,
               count(*) filter (where b.invoiced_cents > 0 and b.paid_date is null)::int as unpaid
          from billing_record b join gen_customer g on g.id = b.customer_id where b.tenant_id = ${lit(t)}`)) as { rows: { paid: number; paid_in_last: number; late: number; unpaid: number }[] }
    ).rows[0]!;
    const stageRows = ((await trx.raw(`select final_stage as key, count(*)::int as n from gen_life group by 1 order by 1`)) as { rows: { key: string; n: number }[] }).rows;
    const statusRows = ((await trx.raw(`select status as key, count(*)::int as n from gen_reseller group by 1 order by 1`)) as { rows: { key: string; n: number }[] }).rows;
    return {
      resellers: resellerRows,
      customers: customerRows,
      assignments: firstAssignments + moves,
      planAssignments,
      billingRecords: invoices + creditNotes,
      paidRecords: figures.paid,
      paidInLastPeriod: figures.paid_in_last,
      creditNotes,
      latePayments: figures.late,
      unpaidInvoices: figures.unpaid,
      transitions,
      customerTasks,
      interactions,
      onboardingTasks,
      surveys,
      targets,
      stages: Object.fromEntries(stageRows.map((row) => [row.key, row.n])),
      resellerStatuses: Object.fromEntries(statusRows.map((row) => [row.key, row.n])),
    };
  });
  await knex.raw(
    'analyze reseller; analyze customer; analyze customer_assignment; analyze billing_record; analyze commission_plan_assignment; analyze customer_stage_transition; analyze customer_interaction; analyze customer_task; analyze onboarding_task',
  );

  const { stages, resellerStatuses, ...rest } = counts;
  return { tenantId: t, tenantSlug: slug, finance, periods, today, counts: rest, stages, resellerStatuses, plans, millis: performance.now() - started };
}

/** Interaction row key: customer and ordinal. */
function ikey(j: string): string {
  return `g.n * 16 + ${j}`;
}

/** The tenant's first FINANCE (else ADMIN) user as an actor; a new FINANCE user when there is none. */
async function financeActor(orm: MikroORM, tenantId: string, slug: string): Promise<Actor> {
  const knex = orm.em.getConnection().getKnex();
  const found = (
    (await knex.raw(`select id, email, role from app_user where tenant_id = ? and role in ('FINANCE', 'ADMIN') and reseller_id is null order by role = 'FINANCE' desc, created_at, id limit 1`, [tenantId])) as {
      rows: { id: string; email: string; role: Role }[];
    }
  ).rows[0];
  if (found) return { kind: 'user', tenantId, role: found.role, resellerId: null, userId: found.id, sessionId: randomUUID(), label: found.email };
  const tenant = orm.em.fork().getReference(Tenant, tenantId);
  const email = `finance@${slug}.example`;
  const user = await createStaffUser(orm.em, tenant, { email, name: 'Bench Finance', role: Role.FINANCE, password: randomBytes(16).toString('hex') });
  return { kind: 'user', tenantId, role: Role.FINANCE, resellerId: null, userId: user.id, sessionId: randomUUID(), label: email };
}
