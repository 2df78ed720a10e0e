/**
 * A seeded, deterministic data generator for benchmarks (and, at a small size, demos): one tenant,
 * N ACTIVE resellers across tiers, three commission plans (a default PERCENTAGE plan, a TIERED plan
 * assigned to ~20 % of the resellers and a FLAT_FEE plan assigned to ~10 %), M customers assigned
 * to resellers (a few move to another reseller half-way, so the assignment history matters), and K
 * months of billing ending with `endPeriod`: one invoice per customer and month, paid inside the
 * month (or several: one per service), ~1 % of them credit notes (negative paid amounts).
 *
 * Every bulk row is written with set-based SQL (`insert … select … from generate_series`), never one
 * ORM flush per row; the three plans go through the real service so their terms are validated and
 * stored exactly as the product stores them. Values (amounts, dates, assignments, plans) depend only
 * on the seed; row ids are md5-derived from the tenant id, so one database can hold several runs.
 *
 * CLI: pnpm --filter @reseller-hub/api generate --resellers N --customers M --months K --seed S
 *      [--invoices-per-month I] [--end-period YYYY-MM] [--database-url URL]   (without a URL: DATABASE_URL, else embedded)
 */
import 'reflect-metadata';
import type { MikroORM } from '@mikro-orm/postgresql';
import { randomBytes, randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { contextFor, createAppServices } from '../src/app/context.js';
import type { Actor } from '../src/auth/actor.js';
import { Role } from '../src/auth/roles.js';
import { loadConfig } from '../src/config/config.js';
import { ensureDatabase } from '../src/db/database.js';
import { startEmbeddedPostgres, type EmbeddedServer } from '../src/db/embedded-postgres.js';
import { openOrm } from '../src/db/orm.js';
import { PlanType, TierMode } from '../src/modules/commissions/commission.enums.js';
import { createCommissionPlan } from '../src/modules/commissions/commission-plan.service.js';
import { createStaffUser, createTenant } from '../src/seeders/factories.js';
import { systemClock } from '../src/shared/clock.js';
import { setLogLevel } from '../src/shared/logger.js';
import { firstDayOf, previousPeriod } from '../src/shared/period.js';

export interface GenerateOptions {
  resellers: number;
  customers: number;
  months: number;
  /** Invoices per customer and month (default 1). */
  invoicesPerMonth?: number;
  seed: number;
  /** The last month with billing (YYYY-MM); the benchmark runs this period. */
  endPeriod?: string;
  tenantSlug?: string;
}

export interface Generated {
  tenantId: string;
  tenantSlug: string;
  /** A FINANCE user of the tenant, as an actor for `contextFor`. */
  finance: Actor;
  periods: string[];
  counts: { resellers: number; customers: number; assignments: number; planAssignments: number; billingRecords: number; paidRecords: number; paidInLastPeriod: number };
  plans: { percentageId: string; tieredId: string; flatFeeId: string };
  millis: number;
}

export const DEFAULT_END_PERIOD = '2026-10';

/**
 * Writes the data set into the (migrated) database of `orm`. Deterministic for a given seed and size.
 */
export async function generate(orm: MikroORM, options: GenerateOptions): Promise<Generated> {
  const started = performance.now();
  const { resellers, customers, months, seed } = options;
  const invoicesPerMonth = options.invoicesPerMonth ?? 1;
  if (resellers < 1 || customers < 1 || months < 1) throw new Error('resellers, customers and months must be at least 1');
  const endPeriod = options.endPeriod ?? DEFAULT_END_PERIOD;
  const periods: string[] = [endPeriod];
  while (periods.length < months) periods.unshift(previousPeriod(periods[0]!));
  const firstPeriod = periods[0]!;
  const slug = options.tenantSlug ?? `bench-${seed}-${Date.now().toString(36)}`;

  const tenant = await createTenant(orm.em, { slug, name: `Bench ISP ${seed}` });
  const email = `finance@${slug}.example`;
  const user = await createStaffUser(orm.em, tenant, { email, name: 'Bench Finance', role: Role.FINANCE, password: randomBytes(16).toString('hex') });
  const finance: Actor = { kind: 'user', tenantId: tenant.id, role: Role.FINANCE, resellerId: null, userId: user.id, sessionId: randomUUID(), label: email };

  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: 'postgres://unused/unused', LOG_LEVEL: 'warn' });
  const app = createAppServices(config, orm, systemClock, { session: randomBytes(32).toString('hex'), payoutKey: randomBytes(32) });
  const as = () => contextFor(app, finance);
  const percentage = await createCommissionPlan(as(), { name: 'Standard', type: PlanType.PERCENTAGE, effectiveFrom: firstPeriod, isDefault: true, terms: { rate: '0.1000' }, description: '10 % of paid revenue' });
  const tiered = await createCommissionPlan(as(), {
    name: 'Volume',
    type: PlanType.TIERED,
    effectiveFrom: firstPeriod,
    description: 'Tiered on monthly paid revenue',
    terms: { tierMode: TierMode.WHOLE, tiers: [{ from: '0', rate: '0.1000' }, { from: '1000.00', rate: '0.1200' }, { from: '5000.00', rate: '0.1500' }] },
  });
  const flat = await createCommissionPlan(as(), { name: 'Flat', type: PlanType.FLAT_FEE, effectiveFrom: firstPeriod, description: 'Per new and per active customer', terms: { perNewCustomer: '25.00', perActiveCustomer: '2.00' } });

  const knex = orm.em.getConnection().getKnex();
  const sql = async (text: string, bindings: unknown[] = []) => (await knex.raw(text, bindings as never)) as { rowCount: number };
  const t = tenant.id;
  // A deterministic pseudo-random non-negative integer per (row, attribute): hashint8extended is
  // PostgreSQL's own 64-bit hash, salted with the seed.
  const rnd = (row: string, attribute: number) => `abs(hashint8extended((${row})::bigint * 16 + ${attribute}, ${Math.trunc(seed)}))`;
  const uid = (kind: string, ...parts: string[]) => `md5(${['?::text', `'${kind}'`, ...parts.map((p) => `(${p})::text`)].join(` || ':' || `)})::uuid`;
  // Customers go to resellers with a skew (u² puts more customers on low-numbered resellers), so
  // reseller sizes range from a handful of customers to hundreds, and tiers are reached.
  const resellerOf = (customer: string, attribute: number) => `1 + floor(${resellers} * power((${rnd(customer, attribute)} % 1000000) / 1000000.0, 2))::int`;
  const start = firstDayOf(firstPeriod);

  await sql(
    `insert into reseller (id, tenant_id, created_at, code, company_name, legal_name, contact_name, contact_email, phone, website,
                           business_type, territory, status, tier, approved_at, status_changed_at, updated_at)
     select ${uid('r', 'i')}, ?, now(), 'RS-' || lpad(i::text, 6, '0'), 'Reseller ' || i || ' Communications', 'Reseller ' || i || ' Communications LLC',
            'Contact ' || i, 'owner' || i || '@reseller' || i || '.example', '+1 555 ' || lpad((i % 10000)::text, 4, '0'),
            'https://reseller' || i || '.example', (array['LLC','CORPORATION','INDIVIDUAL','PARTNERSHIP'])[1 + ${rnd('i', 1)} % 4],
            jsonb_build_array('Region ' || (1 + ${rnd('i', 2)} % 50)), 'ACTIVE',
            case when ${rnd('i', 3)} % 100 < 50 then 'BRONZE' when ${rnd('i', 3)} % 100 < 80 then 'SILVER' when ${rnd('i', 3)} % 100 < 95 then 'GOLD' else 'PLATINUM' end,
            ?::timestamptz, ?::timestamptz, now()
       from generate_series(1, ?) i`,
    [t, t, `${start}T00:00:00Z`, `${start}T00:00:00Z`, resellers],
  );
  await sql(`update tenant set last_reseller_number = ? where id = ?`, [resellers, t]);

  // ~20 % of resellers on the tiered plan, ~10 % on the flat-fee plan, the rest on the default.
  const planAssignments = await sql(
    `insert into commission_plan_assignment (id, tenant_id, created_at, reseller_id, plan_id, effective_from)
     select ${uid('pa', 'i')}, ?, now(), ${uid('r', 'i')}, case when ${rnd('i', 4)} % 10 < 2 then ?::uuid else ?::uuid end, ?
       from generate_series(1, ?) i where ${rnd('i', 4)} % 10 < 3`,
    [t, t, t, tiered.id, flat.id, firstPeriod, resellers],
  );

  await sql(
    `insert into customer (id, tenant_id, created_at, external_id, name, email, reseller_id, updated_at,
                           service_plan, mrr_cents, signup_date, stage, stage_entered_at)
     select ${uid('c', 'c')}, ?, now(), 'CUST-' || lpad(c::text, 8, '0'), 'Customer ' || c, 'customer' || c || '@mail.example',
            ${uid('r', `case when ${rnd('c', 6)} % 100 < 3 then ${resellerOf('c', 7)} else ${resellerOf('c', 5)} end`)}, now(),
            (array['Fiber 100', 'Fiber 300', 'Fiber 1G', 'Business 500'])[1 + ${rnd('c', 13)} % 4], 2999 + ${rnd('c', 14)} % 17000,
            ?::date - (${rnd('c', 15)} % 700)::int, 'ACTIVE', now()
       from generate_series(1::bigint, ?) c`,
    [t, t, t, start, customers],
  );
  // Assignment history: every customer from before the first month; ~3 % move to another reseller
  // on the first day of the middle month (their payments before earn for the first one).
  const moveDate = firstDayOf(periods[Math.floor(months / 2)]!);
  const before = await sql(
    `insert into customer_assignment (id, tenant_id, created_at, customer_id, reseller_id, from_date, to_date, reason)
     select ${uid('ca', 'c')}, ?, now(), ${uid('c', 'c')}, ${uid('r', resellerOf('c', 5))}, ?::date - 30,
            case when ${rnd('c', 6)} % 100 < 3 then ?::date end, null
       from generate_series(1::bigint, ?) c`,
    [t, t, t, t, start, moveDate, customers],
  );
  const moved = await sql(
    `insert into customer_assignment (id, tenant_id, created_at, customer_id, reseller_id, from_date, to_date, reason)
     select ${uid('ca2', 'c')}, ?, now(), ${uid('c', 'c')}, ${uid('r', resellerOf('c', 7))}, ?::date, null, 'Moved to another reseller'
       from generate_series(1::bigint, ?) c where ${rnd('c', 6)} % 100 < 3`,
    [t, t, t, t, moveDate, customers],
  );

  // Per customer and month, `invoicesPerMonth` invoices (one per subscribed service: internet, TV,
  // phone, equipment…), $29.99–$199.99 each, paid on a day inside the month; ~1 % are credit notes
  // (a refund: negative invoiced and paid amounts).
  const billing = await sql(
    `insert into billing_record (id, tenant_id, created_at, customer_id, period, invoice_id, invoiced_cents, paid_cents, paid_date, updated_at)
     select ${uid('b', 'c', 'm', 's')}, ?, now(), ${uid('c', 'c')}, to_char(p, 'YYYY-MM'),
            case when credit then 'CN-' else 'INV-' end || to_char(p, 'YYYYMM') || '-' || lpad(c::text, 8, '0') || '-' || s,
            amount, amount, (p + (${rnd('(c * 1000 + m) * 16 + s', 9)} % 28)::int)::date, now()
       from generate_series(1::bigint, ?) c
      cross join generate_series(0, ? - 1) m
      cross join generate_series(1, ?) s
      cross join lateral (select (?::date + make_interval(months => m))::date as p) month
      cross join lateral (select ${rnd('(c * 1000 + m) * 16 + s', 10)} % 100 = 0 as credit) kind
      cross join lateral (select case when credit then -(500 + ${rnd('c * 16 + s', 11)} % 2500) else 2999 + (${rnd('c * 16 + s', 12)} % 17000) end::bigint as amount) money`,
    [t, t, t, customers, months, invoicesPerMonth, start],
  );
  await sql('analyze reseller; analyze customer; analyze customer_assignment; analyze billing_record; analyze commission_plan_assignment');

  return {
    tenantId: t,
    tenantSlug: slug,
    finance,
    periods,
    counts: {
      resellers,
      customers,
      assignments: before.rowCount + moved.rowCount,
      planAssignments: planAssignments.rowCount,
      billingRecords: billing.rowCount,
      paidRecords: billing.rowCount,
      paidInLastPeriod: customers * invoicesPerMonth,
    },
    plans: { percentageId: percentage.id, tieredId: tiered.id, flatFeeId: flat.id },
    millis: performance.now() - started,
  };
}

/** A database server for a benchmark: the given URL's server, else an embedded PostgreSQL. */
export async function benchServer(url: string | undefined): Promise<{ url: string; stop(): Promise<void> }> {
  if (url) return { url, stop: async () => {} };
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rh-bench-pg-'));
  chmodSync(dataDir, 0o755);
  const port = 59000 + Math.floor(Math.random() * 900);
  let embedded: EmbeddedServer;
  try {
    embedded = await startEmbeddedPostgres({ dir: path.join(dataDir, 'data'), port, persistent: false });
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: embedded.url,
    async stop() {
      await embedded.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function parseArgs(argv: string[]): Record<string, string> {
  const args: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) continue;
    const [key, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    args[key] = inline ?? argv[++i] ?? '';
  }
  return args;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const number = (key: string, fallback: number) => {
    const value = args[key] === undefined ? fallback : Number(args[key]);
    if (!Number.isInteger(value) || value < 0) throw new Error(`--${key} must be a whole number`);
    return value;
  };
  setLogLevel('warn');
  // An embedded server would be thrown away at exit, so the CLI keeps its data only with a URL.
  const server = await benchServer(args['database-url'] || process.env.DATABASE_URL || undefined);
  try {
    await ensureDatabase(server.url);
    const orm = await openOrm(server.url);
    try {
      const result = await generate(orm, {
        resellers: number('resellers', 100),
        customers: number('customers', 1000),
        months: number('months', 12),
        invoicesPerMonth: number('invoices-per-month', 1),
        seed: number('seed', 1),
        endPeriod: args['end-period'] || undefined,
        tenantSlug: args['tenant-slug'] || undefined,
      });
      console.log(JSON.stringify({ tenantSlug: result.tenantSlug, tenantId: result.tenantId, periods: [result.periods[0], result.periods.at(-1)], counts: result.counts, seconds: +(result.millis / 1000).toFixed(1) }, null, 2));
    } finally {
      await orm.close();
    }
  } finally {
    await server.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
