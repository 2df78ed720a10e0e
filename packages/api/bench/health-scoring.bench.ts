/**
 * Benchmark `health-scoring` (issues 7 and 10): `recomputePartnerHealth` over 10,000 resellers
 * (100,000 customers, 7 months of paid invoices) — gathering every input set-based, scoring,
 * writing 10,000 snapshots and the alerts — against the database's own bound: ONE aggregate
 * statement over the same inputs (reseller inputs, paid revenue per reseller and month by assignment,
 * customer figures with interactions, churn from the stage transitions). Also checks that the number of SQL statements does not depend on the reseller count.
 * Target: ours ≤ 3 × the reference (ours also writes), peak RSS ≤ 512 MB.
 */
import 'reflect-metadata';
import type { MikroORM } from '@mikro-orm/postgresql';
import { randomBytes } from 'node:crypto';
import { contextFor, createAppServices } from '../src/app/context.js';
import { loadConfig } from '../src/config/config.js';
import { dropDatabase, ensureDatabase, withDatabase } from '../src/db/database.js';
import { openOrm } from '../src/db/orm.js';
import { recomputePartnerHealth } from '../src/modules/success/success.service.js';
import type { Clock } from '../src/shared/clock.js';
import { setLogLevel } from '../src/shared/logger.js';
import { benchServer, DEFAULT_END_PERIOD, generate } from './generate.js';
import { benchSize, named, sqlMeter, withPeakRss } from './measure.js';
import { runWhenMain, type BenchResult } from './report.js';

const FULL = { resellers: 10_000, customers: 100_000, months: 7, seed: 7 };
const SMALL = { resellers: 200, customers: 2_000, months: 7, seed: 7 };

/**
 * ONE statement reading the same inputs as the recompute's gathering queries: per reseller its
 * onboarding, disputes, portal logins, target and latest survey; paid revenue per month by the
 * assignment on the paid date; customer figures with complaints and the last interaction; and the
 * 90-day churn from the stage transitions (each customer's stage at the window's start).
 */
const REFERENCE_SQL = `
  with revenue as (
    select a.reseller_id, to_char(b.paid_date, 'YYYY-MM') as month, sum(b.paid_cents) as cents
      from billing_record b
      join customer_assignment a on a.customer_id = b.customer_id and a.from_date <= b.paid_date and (a.to_date is null or a.to_date > b.paid_date)
     where b.tenant_id = :tenant and b.paid_date >= :first::date and b.paid_date < :monthStart::date
     group by 1, 2
  ), by_reseller as (
    select reseller_id, json_object_agg(month, cents) as revenue from revenue group by reseller_id
  ), interactions as (
    select customer_id, count(*) filter (where type = 'COMPLAINT' and occurred_on > :today::date - 90) as complaints, max(occurred_on) as last_on
      from customer_interaction where tenant_id = :tenant group by customer_id
  ), customers as (
    select c.reseller_id, count(*) as customers, count(*) filter (where c.email is not null and c.service_plan is not null) as complete,
           count(*) filter (where c.signup_date > :today::date - 30) as new30, count(*) filter (where c.signup_date > :today::date - 60) as new60,
           count(*) filter (where c.signup_date > :today::date - 90) as new90, coalesce(sum(i.complaints), 0) as complaints90, max(i.last_on) as last_interaction
      from customer c left join interactions i on i.customer_id = c.id
     where c.tenant_id = :tenant and c.reseller_id is not null group by c.reseller_id
  ), at_start as (
    select distinct on (t.customer_id) t.customer_id, c.reseller_id, t.to_stage
      from customer_stage_transition t join customer c on c.id = t.customer_id
     where t.tenant_id = :tenant and c.reseller_id is not null and t.at <= :windowStart::timestamptz
     order by t.customer_id, t.at desc, t.created_at desc
  ), churn as (
    select b.reseller_id, count(*) as base,
           count(*) filter (where exists (select 1 from customer_stage_transition t where t.customer_id = b.customer_id and t.to_stage = 'CHURNED'
                                            and t.at > :windowStart::timestamptz and t.at <= :now::timestamptz)) as churned
      from at_start b group by b.reseller_id
  ), onboarding as (
    select reseller_id, count(*) as total, count(*) filter (where status = 'COMPLETED') as done,
           count(*) filter (where status = 'PENDING' and due_date < :today::date) as overdue,
           coalesce(max(:today::date - due_date) filter (where status = 'PENDING' and due_date < :today::date), 0) as max_days_overdue
      from onboarding_task where tenant_id = :tenant group by reseller_id
  ), disputes as (
    select reseller_id, count(*) as open_disputes from commission_dispute where tenant_id = :tenant and status = 'OPEN' group by reseller_id
  ), logins as (
    select u.reseller_id, count(distinct s.created_at::date) as login_days
      from user_session s join app_user u on u.id = s.user_id
     where s.tenant_id = :tenant and u.reseller_id is not null and s.created_at > :today::date - 30 group by u.reseller_id
  )
  select r.id, r.approved_at, t.revenue_target_cents, t.new_customers_per_month,
         (select s.rating from satisfaction_survey s where s.reseller_id = r.id order by s.surveyed_on desc, s.created_at desc limit 1) as latest_rating,
         o.total, o.done, o.overdue, o.max_days_overdue, d.open_disputes, l.login_days, v.revenue,
         c.customers, c.complete, c.new30, c.new60, c.new90, c.complaints90, c.last_interaction, ch.base, ch.churned
    from reseller r
    left join partner_target t on t.reseller_id = r.id
    left join onboarding o on o.reseller_id = r.id
    left join disputes d on d.reseller_id = r.id
    left join logins l on l.reseller_id = r.id
    left join by_reseller v on v.reseller_id = r.id
    left join customers c on c.reseller_id = r.id
    left join churn ch on ch.reseller_id = r.id
   where r.tenant_id = :tenant and r.status <> 'TERMINATED'`;

export async function healthScoringBench(options: { quick?: boolean } = {}): Promise<BenchResult> {
  const size = benchSize(options.quick ?? false, { full: FULL, small: SMALL }, {});
  setLogLevel('warn');
  const server = await benchServer(process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || undefined);
  const databaseUrl = withDatabase(server.url, `rh_bench_health_${process.pid}_${Date.now()}`);
  let orm: MikroORM | undefined;
  const log = (message: string) => process.stderr.write(`[health-scoring] ${message}\n`);
  try {
    await ensureDatabase(databaseUrl);
    orm = await openOrm(databaseUrl);
    log(`generating ${size.resellers} resellers, ${size.customers} customers × ${size.months} months…`);
    const data = await generate(orm, { ...size, invoicesPerMonth: 1 });
    // The day after the generated months: the recompute's "last complete month" is their last.
    const [year, month] = DEFAULT_END_PERIOD.split('-').map(Number) as [number, number];
    const day = new Date(Date.UTC(year, month, 15, 2));
    const clock: Clock = { now: () => day };
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' });
    const app = createAppServices(config, orm, clock, { session: randomBytes(32).toString('hex'), payoutKey: randomBytes(32) });
    const knex = orm.em.getConnection().getKnex();
    const first = data.periods[0]!;
    const today = day.toISOString().slice(0, 10);
    const monthStart = today.slice(0, 8) + '01';
    const referenceValues = { tenant: data.tenantId, first: `${first}-01`, monthStart, today, windowStart: new Date(day.getTime() - 90 * 86_400_000).toISOString(), now: day.toISOString() };
    await knex.raw(...named(REFERENCE_SQL, referenceValues)); // warm the cache for both

    const meter = sqlMeter(orm);
    meter.start();
    const ours = await withPeakRss(async () => {
      const started = performance.now();
      const result = await recomputePartnerHealth(contextFor(app, data.finance));
      return { result, millis: performance.now() - started };
    });
    const sql = meter.stop();
    log(`ours: ${(ours.result.millis / 1000).toFixed(2)} s, scored ${ours.result.result.scored}, ${ours.result.result.alertsOpened} alerts, ${sql.count} SQL statements, peak RSS ${ours.peakRssMb.toFixed(0)} MB`);
    for (const entry of sql.top) log(`  ${String(entry.millis).padStart(7)} ms ×${entry.count}  ${entry.sql}`);

    const referenceStarted = performance.now();
    const reference = (await knex.raw(...named(REFERENCE_SQL, referenceValues))) as { rowCount: number };
    const referenceMillis = performance.now() - referenceStarted;
    log(`reference: ${(referenceMillis / 1000).toFixed(2)} s, ${reference.rowCount} rows`);

    const snapshots = ((await knex.raw(`select count(*)::int as n, count(score)::int as scored from partner_health_snapshot where tenant_id = ?`, [data.tenantId])) as { rows: { n: number; scored: number }[] }).rows[0]!;
    const ratio = ours.result.millis / referenceMillis;
    const complete = snapshots.n === size.resellers && ours.result.result.scored === size.resellers;
    return {
      name: 'health-scoring',
      size,
      oursMillis: ours.result.millis,
      referenceMillis,
      ratio,
      peakRssMb: ours.peakRssMb,
      sqlStatements: sql.count,
      targets: { ratio: 3, peakRssMb: 512 },
      passed: complete && ratio <= 3 && ours.peakRssMb <= 512,
      details: { snapshots, alertsOpened: ours.result.result.alertsOpened, slowestSql: sql.top, generateMillis: Math.round(data.millis) },
    };
  } finally {
    await orm?.close();
    await dropDatabase(databaseUrl).catch(() => undefined);
    await server.stop();
  }
}

runWhenMain(import.meta.url, () => healthScoringBench({ quick: process.argv.includes('--quick') }));
