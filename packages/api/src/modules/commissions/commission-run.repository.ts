import type { EntityManager, Knex } from '@mikro-orm/postgresql';

/**
 * Set-based reads for a commission run. Raw SQL lives here only, and every statement names the
 * tenant explicitly (the ORM's tenant filter does not reach raw SQL).
 */

export interface PaidRecordRow {
  id: string;
  invoice_id: string;
  paid_cents: string;
  paid_date: string;
  customer_id: string;
  customer_name: string;
  reseller_id: string;
  /** What lines of closed periods have already counted of this record. */
  counted_closed: string;
}

/**
 * Paid (or refunded) records that a run of `period` may count, with the reseller the customer was
 * assigned to on the paid date: those paid in [windowStart, windowEnd] (the period, reaching back by
 * the longest holding period) and, when `adjustUpTo` is given, every record paid up to that date
 * that closed periods have not fully counted (late or changed records).
 *
 * Ordered by reseller, customer, paid date, invoice, and yielded in batches through a server-side
 * cursor when the caller is in a transaction (a run is), so a million records are never held in
 * memory at once. What closed periods counted is pre-aggregated once (from the source arrays of
 * closed periods' lines) instead of a correlated subquery per record.
 */
export async function* paidRecordsForRun(
  em: EntityManager,
  tenantId: string,
  window: { start: string; end: string },
  closed: { lastClosedPeriod: string; adjustUpTo: string } | null,
  statements: SerialStatements,
  batchSize = 5_000,
): AsyncGenerator<PaidRecordRow[]> {
  const candidate = `br.tenant_id = ? and br.paid_date is not null
       and ((br.paid_date between ? and ?) or (?::boolean and br.paid_date <= ?::date))`;
  const candidateParams = [tenantId, window.start, window.end, closed !== null, closed?.adjustUpTo ?? '1970-01-01'];
  const sql = `
    with counted as (
      select s.billing_record_id, sum(s.counted_cents) as cents
        from commission_line l
       cross join lateral unnest(l.source_record_ids, l.source_counted_cents) as s(billing_record_id, counted_cents)
       where l.tenant_id = ? and l.period <= ? and l.status <> 'REVERSED'
       group by s.billing_record_id
    )
    select br.id, br.invoice_id, br.paid_cents::text as paid_cents, to_char(br.paid_date, 'YYYY-MM-DD') as paid_date,
           br.customer_id, c.name as customer_name, ca.reseller_id,
           coalesce(counted.cents, 0)::text as counted_closed
      from billing_record br
      join customer c on c.id = br.customer_id and c.tenant_id = br.tenant_id
      join customer_assignment ca on ca.customer_id = br.customer_id and ca.tenant_id = br.tenant_id
       and ca.from_date <= br.paid_date and (ca.to_date is null or ca.to_date > br.paid_date)
      left join counted on counted.billing_record_id = br.id
     where ${candidate}
       and ((br.paid_date between ? and ?) or br.paid_cents <> coalesce(counted.cents, 0))
     order by ca.reseller_id, br.customer_id, br.paid_date, br.invoice_id`;
  const params = [tenantId, closed?.lastClosedPeriod ?? '0000-00', ...candidateParams, window.start, window.end];
  const connection = em.getConnection();
  const trx = em.getTransactionContext();
  if (!trx) {
    yield await connection.execute(sql, params, 'all');
    return;
  }
  // A cursor is planned for its first rows by default; this one is always read to the end.
  await connection.execute('set local cursor_tuple_fraction = 1', [], 'run', trx);
  // Its sort (every paid record of the period, by reseller and customer) fits in memory with
  // this, instead of spilling to disk at the default 4 MB; for this transaction only.
  await connection.execute(`set local work_mem = '64MB'`, [], 'run', trx);
  await connection.execute(`declare commission_run_records no scroll cursor for ${sql}`, params, 'run', trx);
  const fetchNext = (): Promise<PaidRecordRow[]> => {
    const fetching = statements.run(() => connection.execute(`fetch forward ${Math.trunc(batchSize)} from commission_run_records`, [], 'all', trx) as Promise<PaidRecordRow[]>);
    fetching.catch(() => {}); // a failure is thrown where it is awaited
    return fetching;
  };
  try {
    // Read-ahead: the next batch is asked for before this one is handed over, so PostgreSQL reads
    // it while the caller computes.
    let next = fetchNext();
    for (;;) {
      const rows = await next;
      if (rows.length === 0) break;
      next = fetchNext();
      yield rows;
    }
  } finally {
    await statements.run(() => connection.execute('close commission_run_records', [], 'run', trx));
  }
}

/**
 * The statements of one transaction, sent one at a time in the order they were asked for. A run
 * overlaps its work with PostgreSQL's (it reads ahead and writes behind while it computes), but a
 * transaction has one connection, and the driver must not be handed a statement while another runs.
 */
export class SerialStatements {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(statement: () => Promise<T>): Promise<T> {
    const result = this.tail.then(statement);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Resolves once every statement asked for so far has finished. */
  async idle(): Promise<void> {
    await this.tail;
  }
}

/** A PostgreSQL array literal of text values (null → NULL), for `?::type[]` parameters (knex would expand a JS array). */
export function pgArray(values: readonly (string | null)[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (i > 0) out += ',';
    if (value === null || value === undefined) out += 'NULL';
    // Ids and numbers (most values) have nothing to escape: skip the regex for them.
    else out += value.includes('"') || value.includes('\\') ? `"${value.replace(/[\\"]/g, '\\$&')}"` : `"${value}"`;
  }
  return `${out}}`;
}

export interface LineInsertRow {
  id: string;
  resellerId: string;
  customerId: string | null;
  kind: string;
  adjustmentForPeriod: string | null;
  planVersionId: string;
  baseCents: bigint;
  rateUnits: number | null;
  feeCents: bigint | null;
  tierIndex: number | null;
  amountCents: bigint;
  trace: string;
  traceData: Record<string, unknown>;
  sources: { billingRecordId: string; countedCents: bigint }[];
}

/**
 * Writes CALCULATED lines of a run with their sources: one multi-row insert per chunk, the rows
 * passed as arrays and unnested by PostgreSQL (no per-row parameters, no per-row ORM work). A
 * line's sources travel as one text literal per line (`{id,id}` and `{cents,cents}`), cast to
 * uuid[] / bigint[] per row.
 */
export async function insertRunLines(em: EntityManager, tenantId: string, runId: string, period: string, createdAt: Date, lines: readonly LineInsertRow[]): Promise<void> {
  // Through knex, not `connection.execute`: MikroORM inlines parameters into the SQL text client-side
  // (escaping megabytes of array literals char by char — most of the run's CPU and GC); knex sends
  // them as bind parameters.
  const knex = em.getTransactionContext<Knex.Transaction>() ?? em.getConnection().getKnex();
  const str = (value: bigint | number | null) => (value === null ? null : String(value));
  for (let i = 0; i < lines.length; i += 2000) {
    const chunk = lines.slice(i, i + 2000);
    await knex.raw(
      `insert into commission_line (id, tenant_id, created_at, run_id, period, reseller_id, customer_id, kind, adjustment_for_period, plan_version_id,
                                    base_cents, rate_units, fee_cents, tier_index, amount_cents, status, trace, trace_data, source_record_ids, source_counted_cents)
       select t.id, ?, ?, ?, ?, t.reseller_id, t.customer_id, t.kind, t.adjustment_for_period, t.plan_version_id,
              t.base_cents, t.rate_units, t.fee_cents, t.tier_index, t.amount_cents, 'CALCULATED', t.trace, t.trace_data,
              t.source_record_ids::uuid[], t.source_counted_cents::bigint[]
         from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::uuid[], ?::bigint[], ?::int[], ?::bigint[], ?::int[], ?::bigint[], ?::text[], ?::jsonb[], ?::text[], ?::text[])
           as t(id, reseller_id, customer_id, kind, adjustment_for_period, plan_version_id, base_cents, rate_units, fee_cents, tier_index, amount_cents, trace, trace_data,
                source_record_ids, source_counted_cents)`,
      [
        tenantId,
        createdAt,
        runId,
        period,
        pgArray(chunk.map((line) => line.id)),
        pgArray(chunk.map((line) => line.resellerId)),
        pgArray(chunk.map((line) => line.customerId)),
        pgArray(chunk.map((line) => line.kind)),
        pgArray(chunk.map((line) => line.adjustmentForPeriod)),
        pgArray(chunk.map((line) => line.planVersionId)),
        pgArray(chunk.map((line) => str(line.baseCents))),
        pgArray(chunk.map((line) => str(line.rateUnits))),
        pgArray(chunk.map((line) => str(line.feeCents))),
        pgArray(chunk.map((line) => str(line.tierIndex))),
        pgArray(chunk.map((line) => str(line.amountCents))),
        pgArray(chunk.map((line) => line.trace)),
        pgArray(chunk.map((line) => JSON.stringify(line.traceData))),
        pgArray(chunk.map((line) => `{${line.sources.map((source) => source.billingRecordId).join(',')}}`)),
        pgArray(chunk.map((line) => `{${line.sources.map((source) => source.countedCents.toString()).join(',')}}`)),
      ],
    );
  }
}

/**
 * The first positive payment (up to `upTo`) of each customer under each of the given resellers, for
 * "new customer" fees: ONE aggregate over the flat-fee resellers' records, asked once per run
 * (asking per batch of customers made PostgreSQL scan the records once per batch).
 */
export async function firstPaymentDates(em: EntityManager, tenantId: string, resellerIds: string[], upTo: string): Promise<Map<string, string>> {
  if (resellerIds.length === 0) return new Map();
  const rows: { customer_id: string; reseller_id: string; first_paid: string }[] = await em.getConnection().execute(
    `select br.customer_id, ca.reseller_id, to_char(min(br.paid_date), 'YYYY-MM-DD') as first_paid
       from customer_assignment ca
       join billing_record br on br.customer_id = ca.customer_id and br.tenant_id = ca.tenant_id
        and ca.from_date <= br.paid_date and (ca.to_date is null or ca.to_date > br.paid_date)
      where ca.tenant_id = ? and ca.reseller_id = any(?::uuid[]) and br.paid_cents > 0 and br.paid_date <= ?
      group by br.customer_id, ca.reseller_id`,
    [tenantId, `{${resellerIds.join(',')}}`, upTo],
    'all',
    em.getTransactionContext(),
  );
  return new Map(rows.map((row) => [`${row.reseller_id}:${row.customer_id}`, row.first_paid]));
}

/** The tier each reseller reached in each of the given (closed) periods, for adjustments. */
export async function tiersReached(em: EntityManager, tenantId: string, periods: string[]): Promise<Map<string, number>> {
  if (periods.length === 0) return new Map();
  const rows: { reseller_id: string; period: string; tier: number }[] = await em.getConnection().execute(
    `select reseller_id, period, max(tier_index) as tier from commission_line
      where tenant_id = ? and period = any(?::text[]) and kind = 'CUSTOMER' and tier_index is not null and status <> 'REVERSED'
      group by reseller_id, period`,
    [tenantId, `{${periods.join(',')}}`],
    'all',
    em.getTransactionContext(),
  );
  return new Map(rows.map((row) => [`${row.reseller_id}:${row.period}`, Number(row.tier)]));
}

/** Serialises runs of one tenant's period: false when another run holds it (the caller answers CONFLICT). */
export async function tryLockPeriod(em: EntityManager, tenantId: string, period: string): Promise<boolean> {
  const rows: { locked: boolean }[] = await em
    .getConnection()
    .execute(`select pg_try_advisory_xact_lock(hashtextextended(?, 0)) as locked`, [`commission-run:${tenantId}:${period}`], 'all', em.getTransactionContext());
  return rows[0]?.locked === true;
}

/** Paid records of a period that earn nobody: no reseller assigned on the paid date, or one that is not ACTIVE. */
export function unpaidEarningRecords(em: EntityManager, tenantId: string, window: { start: string; end: string }): Promise<{ id: string; invoice_id: string; customer_id: string; customer_name: string; paid_cents: string; reseller_id: string | null; reseller_status: string | null }[]> {
  return em.getConnection().execute(
    `select br.id, br.invoice_id, br.customer_id, c.name as customer_name, br.paid_cents::text as paid_cents, ca.reseller_id, r.status as reseller_status
       from billing_record br
       join customer c on c.id = br.customer_id and c.tenant_id = br.tenant_id
       left join customer_assignment ca on ca.customer_id = br.customer_id and ca.tenant_id = br.tenant_id
        and ca.from_date <= br.paid_date and (ca.to_date is null or ca.to_date > br.paid_date)
       left join reseller r on r.id = ca.reseller_id
      where br.tenant_id = ? and br.paid_date between ? and ? and br.paid_cents <> 0
        and (ca.id is null or r.status <> 'ACTIVE')
      order by br.paid_date, br.invoice_id`,
    [tenantId, window.start, window.end],
    'all',
    em.getTransactionContext(),
  );
}
