/**
 * Benchmark `commission-run` (issues 3 and 7): the monthly commission run over 10,000 resellers and
 * 1,000,000 paid billing lines in the run's period (mixed plans), against the database's own bound:
 * ONE hand-written `INSERT … SELECT … GROUP BY reseller, customer` that writes the same lines (trace,
 * trace data, sources) for the percentage-plan resellers into a table shaped like commission_line. Targets: ours ≤ 1.5 × the reference, peak RSS ≤ 512 MB.
 *
 * Fresh database on BENCH_DATABASE_URL / TEST_DATABASE_URL's server (dropped afterwards), else an
 * embedded PostgreSQL. Sizes: BENCH_SCALE=small (or --quick) for CI; BENCH_RESELLERS,
 * BENCH_CUSTOMERS, BENCH_INVOICES_PER_MONTH, BENCH_MONTHS, BENCH_SEED override.
 *
 *   node --expose-gc --import ./register.js bench/commission-run.bench.ts
 */
import 'reflect-metadata';
import type { MikroORM } from '@mikro-orm/postgresql';
import { randomBytes } from 'node:crypto';
import { contextFor, createAppServices } from '../src/app/context.js';
import { loadConfig } from '../src/config/config.js';
import { dropDatabase, ensureDatabase, withDatabase } from '../src/db/database.js';
import { openOrm } from '../src/db/orm.js';
import { runCommissions } from '../src/modules/commissions/commission-run.service.js';
import { systemClock } from '../src/shared/clock.js';
import { setLogLevel } from '../src/shared/logger.js';
import { firstDayOf, lastDayOf } from '../src/shared/period.js';
import { benchServer, generate } from './generate.js';
import { benchSize, named, sqlMeter, withCpuProfile, withPeakRss } from './measure.js';
import { runWhenMain, type BenchResult } from './report.js';

export interface CommissionRunSize {
  resellers: number;
  customers: number;
  invoicesPerMonth: number;
  months: number;
  seed: number;
}

/**
 * Full scale: 350,000 customers × 4 monthly invoices (one per service); with the generator's churn,
 * late and unpaid invoices that is about 1,000,000 paid lines in the run's month.
 */
export const FULL: CommissionRunSize = { resellers: 10_000, customers: 350_000, invoicesPerMonth: 4, months: 2, seed: 42 };
/** CI scale: 100 resellers, 10,000 paid lines in the run's month. */
export const SMALL: CommissionRunSize = { resellers: 100, customers: 2_500, invoicesPerMonth: 4, months: 2, seed: 42 };

function sizeFromEnv(quick: boolean): CommissionRunSize {
  return benchSize(quick, { full: FULL, small: SMALL }, {
    resellers: 'BENCH_RESELLERS',
    customers: 'BENCH_CUSTOMERS',
    invoicesPerMonth: 'BENCH_INVOICES_PER_MONTH',
    months: 'BENCH_MONTHS',
    seed: 'BENCH_SEED',
  });
}


/**
 * ONE INSERT … SELECT writing the percentage-plan lines as the run stores them: rate × Σ paid cents
 * per (reseller, customer), half-to-even, with the trace text, trace data and source arrays, into a
 * copy of commission_line (same indexes, checks and foreign keys) — the same rows, written by the
 * database alone.
 */
const REFERENCE_SQL = `
with plan_of as (
  select r.id as reseller_id,
         coalesce((select a.plan_id from commission_plan_assignment a
                    where a.tenant_id = r.tenant_id and a.reseller_id = r.id and a.effective_from <= :period
                    order by a.effective_from desc limit 1),
                  (select p.id from commission_plan p where p.tenant_id = r.tenant_id and p.is_default)) as plan_id
    from reseller r
   where r.tenant_id = :tenant and r.status = 'ACTIVE'
), rate_of as (
  select po.reseller_id, v.id as plan_version_id, v.rate_units::bigint as rate_units
    from plan_of po
    join commission_plan p on p.id = po.plan_id
    cross join lateral (select v.id, v.rate_units from commission_plan_version v
                         where v.plan_id = po.plan_id and v.effective_from <= :period order by v.effective_from desc limit 1) v
   where p.type = 'PERCENTAGE'
), sums as (
  select ca.reseller_id, br.customer_id, sum(br.paid_cents)::bigint as base_cents,
         array_agg(br.id order by br.paid_date, br.invoice_id) as record_ids,
         array_agg(br.paid_cents order by br.paid_date, br.invoice_id) as counted_cents,
         string_agg(br.invoice_id, ', ' order by br.paid_date, br.invoice_id) as invoices,
         jsonb_agg(br.invoice_id order by br.paid_date, br.invoice_id) as invoice_ids
    from billing_record br
    join customer_assignment ca on ca.customer_id = br.customer_id and ca.tenant_id = br.tenant_id
     and ca.from_date <= br.paid_date and (ca.to_date is null or ca.to_date > br.paid_date)
   where br.tenant_id = :tenant and br.paid_date between :start and :end and br.paid_cents <> 0
   group by ca.reseller_id, br.customer_id
)
insert into bench_reference_line (id, tenant_id, created_at, run_id, period, reseller_id, customer_id, kind, plan_version_id,
                                  base_cents, rate_units, amount_cents, status, trace, trace_data, source_record_ids, source_counted_cents)
select gen_random_uuid(), :tenant, now(), :run, :period, s.reseller_id, s.customer_id, 'CUSTOMER', ro.plan_version_id,
       s.base_cents, ro.rate_units, x.amount_cents, 'CALCULATED',
       format('%s %% of %s paid on invoices %s = %s', trim_scale(ro.rate_units / 100.0), to_char(s.base_cents / 100.0, 'FM$999,999,990.00'), s.invoices,
              to_char(x.amount_cents / 100.0, 'FM$999,999,990.00')),
       jsonb_build_object('customerName', c.name, 'invoiceIds', s.invoice_ids, 'refundRecordIds', '[]'::jsonb, 'tierMode', null),
       s.record_ids, s.counted_cents
  from sums s
  join rate_of ro on ro.reseller_id = s.reseller_id
  join customer c on c.id = s.customer_id
  cross join lateral (select s.base_cents * ro.rate_units as n) product
  cross join lateral (select sign(product.n) * (abs(product.n) / 10000 + case when abs(product.n) % 10000 * 2 > 10000
                              or (abs(product.n) % 10000 * 2 = 10000 and abs(product.n) / 10000 % 2 = 1) then 1 else 0 end) as amount_cents) x`;

/** The reference's table: commission_line's shape, indexes, checks and foreign keys. */
const REFERENCE_TABLE_SQL = [
  `create table bench_reference_line (like commission_line including all)`,
  `alter table bench_reference_line
     add foreign key (tenant_id) references tenant (id), add foreign key (run_id) references commission_run (id),
     add foreign key (reseller_id) references reseller (id), add foreign key (customer_id) references customer (id),
     add foreign key (plan_version_id) references commission_plan_version (id)`,
];

export async function commissionRunBench(options: { quick?: boolean } = {}): Promise<BenchResult> {
  const size = sizeFromEnv(options.quick ?? false);
  setLogLevel('warn');
  const server = await benchServer(process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || undefined);
  const databaseUrl = withDatabase(server.url, `rh_bench_${process.pid}_${Date.now()}`);
  let orm: MikroORM | undefined;
  try {
    await ensureDatabase(databaseUrl);
    orm = await openOrm(databaseUrl);
    const log = (message: string) => process.stderr.write(`[commission-run] ${message}\n`);
    log(`generating ${size.resellers} resellers, ${size.customers} customers × ${size.invoicesPerMonth} invoices × ${size.months} months (seed ${size.seed})…`);
    const data = await generate(orm, size);
    const period = data.periods.at(-1)!;
    log(`generated in ${(data.millis / 1000).toFixed(1)} s: ${data.counts.billingRecords} billing records, ${data.counts.paidInLastPeriod} paid in ${period}`);

    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' });
    const app = createAppServices(config, orm, systemClock, { session: randomBytes(32).toString('hex'), payoutKey: randomBytes(32) });
    const knex = orm.em.getConnection().getKnex();
    // The same warm cache for both sides: read the period's records once before either runs.
    await knex.raw(`select count(*), sum(paid_cents) from billing_record where tenant_id = ? and paid_date between ? and ?`, [data.tenantId, firstDayOf(period), lastDayOf(period)]);
    await knex.raw('checkpoint');

    const meter = sqlMeter(orm);
    meter.start();
    const ours = await withPeakRss(async () => {
      const started = performance.now();
      const run = await withCpuProfile('commission-run', () => runCommissions(contextFor(app, data.finance), period));
      return { run, millis: performance.now() - started };
    });
    const sql = meter.stop();
    const run = ours.result.run;
    log(`ours: ${(ours.result.millis / 1000).toFixed(2)} s, ${run.lineCount} lines, ${sql.count} SQL statements, peak RSS ${ours.peakRssMb.toFixed(0)} MB (${ours.baselineRssMb.toFixed(0)} MB before the run)`);
    for (const entry of sql.top) log(`  ${String(entry.millis).padStart(7)} ms ×${entry.count}  ${entry.sql}`);

    await knex.raw('checkpoint');
    for (const statement of REFERENCE_TABLE_SQL) await knex.raw(statement);
    const referenceStarted = performance.now();
    const reference = (await knex.raw(...named(REFERENCE_SQL, { tenant: data.tenantId, run: run.id, period, start: firstDayOf(period), end: lastDayOf(period) }))) as { rowCount: number };
    const referenceMillis = performance.now() - referenceStarted;
    log(`reference: ${(referenceMillis / 1000).toFixed(2)} s, ${reference.rowCount} percentage lines`);

    // The reference and our percentage lines must agree line by line, to the cent.
    const check = (
      (await knex.raw(
        `select count(*) filter (where l.id is null)::int as missing, count(*) filter (where r.id is null)::int as extra,
                count(*) filter (where l.amount_cents <> r.amount_cents or l.base_cents <> r.base_cents)::int as differ,
                coalesce(sum(r.amount_cents), 0)::text as reference_total, coalesce(sum(l.amount_cents), 0)::text as our_total
           from bench_reference_line r
           full join (select l.* from commission_line l join commission_plan_version v on v.id = l.plan_version_id
                       where l.run_id = ? and l.kind = 'CUSTOMER' and v.plan_id = ?) l
             on l.reseller_id = r.reseller_id and l.customer_id = r.customer_id`,
        [run.id, data.plans.percentageId],
      )) as { rows: { missing: number; extra: number; differ: number; reference_total: string; our_total: string }[] }
    ).rows[0]!;
    const exact = check.missing === 0 && check.extra === 0 && check.differ === 0 && check.reference_total === check.our_total;
    log(`check: percentage total ours ${check.our_total} vs reference ${check.reference_total} cents — ${exact ? 'identical' : `MISMATCH ${JSON.stringify(check)}`}`);

    const ratio = ours.result.millis / referenceMillis;
    return {
      name: 'commission-run',
      size: { ...size, period, paidLinesInPeriod: data.counts.paidInLastPeriod, billingRecords: data.counts.billingRecords },
      oursMillis: ours.result.millis,
      referenceMillis,
      ratio,
      peakRssMb: ours.peakRssMb,
      sqlStatements: sql.count,
      targets: { ratio: 1.5, peakRssMb: 512 },
      passed: exact && ratio <= 1.5 && ours.peakRssMb <= 512,
      details: {
        lines: run.lineCount,
        resellersWithLines: run.resellerCount,
        totalCents: run.totalCents.toString(),
        revenueCents: run.revenueCents.toString(),
        referenceLines: reference.rowCount,
        check: { ...check, exact },
        baselineRssMb: Math.round(ours.baselineRssMb),
        slowestSql: sql.top,
        generateMillis: Math.round(data.millis),
      },
    };
  } finally {
    await orm?.close();
    // BENCH_KEEP_DATABASE=1 keeps it (with a server URL) for EXPLAIN ANALYZE afterwards.
    if (process.env.BENCH_KEEP_DATABASE === '1') process.stderr.write(`[commission-run] kept ${databaseUrl}\n`);
    else await dropDatabase(databaseUrl).catch(() => undefined);
    await server.stop();
  }
}

runWhenMain(import.meta.url, () => commissionRunBench({ quick: process.argv.includes('--quick') }));
