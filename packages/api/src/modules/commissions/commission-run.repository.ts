import type { EntityManager } from '@mikro-orm/postgresql';

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
 */
export async function paidRecordsForRun(
  em: EntityManager,
  tenantId: string,
  window: { start: string; end: string },
  closed: { lastClosedPeriod: string; adjustUpTo: string } | null,
): Promise<PaidRecordRow[]> {
  const sql = `
    select br.id, br.invoice_id, br.paid_cents::text as paid_cents, to_char(br.paid_date, 'YYYY-MM-DD') as paid_date,
           br.customer_id, c.name as customer_name, ca.reseller_id,
           coalesce(counted.cents, 0)::text as counted_closed
      from billing_record br
      join customer c on c.id = br.customer_id and c.tenant_id = br.tenant_id
      join customer_assignment ca on ca.customer_id = br.customer_id and ca.tenant_id = br.tenant_id
       and ca.from_date <= br.paid_date and (ca.to_date is null or ca.to_date > br.paid_date)
      left join lateral (
        select sum(s.counted_cents) as cents
          from commission_line_source s
          join commission_line l on l.id = s.line_id
         where s.billing_record_id = br.id and s.tenant_id = br.tenant_id
           and l.period <= ? and l.status <> 'REVERSED'
      ) counted on true
     where br.tenant_id = ? and br.paid_date is not null
       and ((br.paid_date between ? and ?)
            or (?::boolean and br.paid_date <= ?::date and br.paid_cents <> coalesce(counted.cents, 0)))
     order by ca.reseller_id, br.customer_id, br.paid_date, br.invoice_id`;
  return em.getConnection().execute(
    sql,
    [closed?.lastClosedPeriod ?? '0000-00', tenantId, window.start, window.end, closed !== null, closed?.adjustUpTo ?? '1970-01-01'],
    'all',
    em.getTransactionContext(),
  );
}

/** The first positive payment of each customer under each reseller (for "new customer" fees). */
export async function firstPaymentDates(em: EntityManager, tenantId: string, customerIds: string[]): Promise<Map<string, string>> {
  if (customerIds.length === 0) return new Map();
  const rows: { customer_id: string; reseller_id: string; first_paid: string }[] = await em.getConnection().execute(
    `select br.customer_id, ca.reseller_id, to_char(min(br.paid_date), 'YYYY-MM-DD') as first_paid
       from billing_record br
       join customer_assignment ca on ca.customer_id = br.customer_id and ca.tenant_id = br.tenant_id
        and ca.from_date <= br.paid_date and (ca.to_date is null or ca.to_date > br.paid_date)
      where br.tenant_id = ? and br.paid_cents > 0 and br.customer_id = any(?::uuid[])
      group by br.customer_id, ca.reseller_id`,
    [tenantId, `{${customerIds.join(',')}}`],
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
