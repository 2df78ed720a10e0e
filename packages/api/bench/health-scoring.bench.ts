/**
 * Benchmark `health-scoring` (issues 7 and 10): `recomputePartnerHealth` over 10,000 resellers
 * (100,000 customers, 7 months of paid invoices) — gathering every input set-based, scoring,
 * writing 10,000 snapshots and the alerts — against the database's own bound: ONE aggregate
 * statement over the same inputs (paid revenue per reseller and month by assignment, customer
 * figures). Also checks that the number of SQL statements does not depend on the reseller count.
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
import { sqlMeter, withPeakRss } from './measure.js';
import { runWhenMain, type BenchResult } from './report.js';

const FULL = { resellers: 10_000, customers: 100_000, months: 7, seed: 7 };
const SMALL = { resellers: 200, customers: 2_000, months: 7, seed: 7 };

/** ONE statement reading the same inputs as the recompute's gathering queries. */
const REFERENCE_SQL = `
  with revenue as (
    select a.reseller_id, to_char(b.paid_date, 'YYYY-MM') as month, sum(b.paid_cents) as cents
      from billing_record b
      join customer_assignment a on a.customer_id = b.customer_id and a.from_date <= b.paid_date and (a.to_date is null or a.to_date > b.paid_date)
     where b.tenant_id = ? and b.paid_date >= ?::date and b.paid_date < ?::date
     group by 1, 2
  ), customers as (
    select reseller_id, count(*) as customers, count(*) filter (where signup_date > ?::date - 90) as new90,
           count(*) filter (where email is not null and service_plan is not null) as complete
      from customer where tenant_id = ? and reseller_id is not null group by reseller_id
  ), by_reseller as (
    select reseller_id, json_object_agg(month, cents) as revenue from revenue group by reseller_id
  )
  select r.id, v.revenue, c.customers, c.new90, c.complete
    from reseller r left join by_reseller v on v.reseller_id = r.id left join customers c on c.reseller_id = r.id
   where r.tenant_id = ?`;

export async function healthScoringBench(options: { quick?: boolean } = {}): Promise<BenchResult> {
  const size = options.quick || process.env.BENCH_SCALE === 'small' ? SMALL : FULL;
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
    await knex.raw(REFERENCE_SQL, [data.tenantId, `${first}-01`, monthStart, today, data.tenantId, data.tenantId]); // warm the cache for both

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
    const reference = (await knex.raw(REFERENCE_SQL, [data.tenantId, `${first}-01`, monthStart, today, data.tenantId, data.tenantId])) as { rowCount: number };
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
