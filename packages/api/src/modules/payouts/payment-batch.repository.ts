import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlRows } from '../../db/raw-sql.js';

export interface PayableLine {
  id: string;
  reseller_id: string;
  amount_cents: string;
}

/**
 * Approved commission lines of `period` and earlier that no live payment holds, locked for the
 * batch's transaction (FOR UPDATE: a concurrent draft waits, then finds them taken).
 */
export function payableLines(em: EntityManager, tenantId: string, period: string): Promise<PayableLine[]> {
  return sqlRows<PayableLine>(
    em,
    `select l.id, l.reseller_id, l.amount_cents::text as amount_cents
       from commission_line l
      where l.tenant_id = ? and l.status = 'APPROVED' and l.period <= ?
        and not exists (select 1 from payment_item i where i.line_id = l.id and not i.released)
      order by l.reseller_id, l.period, l.id
        for update of l`,
    [tenantId, period],
  );
}

/** Each reseller's minimum payout: the one of the plan version of its latest line up to `period`. */
export async function minimumPayouts(em: EntityManager, tenantId: string, period: string, resellerIds: string[]): Promise<Map<string, bigint>> {
  const rows = await sqlRows<{ reseller_id: string; minimum_cents: string }>(
    em,
    `select distinct on (l.reseller_id) l.reseller_id, v.minimum_payout_cents::text as minimum_cents
       from commission_line l join commission_plan_version v on v.id = l.plan_version_id
      where l.tenant_id = ? and l.period <= ? and l.reseller_id = any(?::uuid[])
      order by l.reseller_id, l.period desc, l.created_at desc`,
    [tenantId, period, resellerIds],
  );
  return new Map(rows.map((row) => [row.reseller_id, BigInt(row.minimum_cents)]));
}

/** Writes a batch's payment items in one statement per 5,000 lines. */
export async function insertPaymentItems(em: EntityManager, tenantId: string, createdAt: Date, items: { id: string; paymentId: string; lineId: string; cents: bigint }[]): Promise<void> {
  for (let start = 0; start < items.length; start += 5000) {
    const chunk = items.slice(start, start + 5000);
    await sqlRows(
      em,
      `insert into payment_item (id, tenant_id, created_at, payment_id, line_id, amount_cents, released)
       select t.id, ?, ?, t.payment_id, t.line_id, t.amount_cents, false
         from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::bigint[]) as t(id, payment_id, line_id, amount_cents)`,
      [tenantId, createdAt, chunk.map((i) => i.id), chunk.map((i) => i.paymentId), chunk.map((i) => i.lineId), chunk.map((i) => String(i.cents))],
    );
  }
}

/** Lines of a batch that are no longer APPROVED (disputed or reversed since it was drafted). */
export function linesNoLongerApproved(em: EntityManager, tenantId: string, batchId: string): Promise<{ id: string; status: string }[]> {
  return sqlRows(
    em,
    `select l.id, l.status from payment_item i join payment p on p.id = i.payment_id join commission_line l on l.id = i.line_id
      where i.tenant_id = ? and p.batch_id = ? and not i.released and l.status <> 'APPROVED' limit 20`,
    [tenantId, batchId],
  );
}

export async function releaseItems(em: EntityManager, tenantId: string, paymentIds: string[]): Promise<void> {
  await sqlRows(em, `update payment_item set released = true where tenant_id = ? and payment_id = any(?::uuid[])`, [tenantId, paymentIds]);
}

export async function markLinesPaid(em: EntityManager, tenantId: string, paymentId: string): Promise<number> {
  const rows = await sqlRows<{ id: string }>(
    em,
    `update commission_line l set status = 'PAID' from payment_item i
      where i.tenant_id = ? and i.payment_id = ? and not i.released and l.id = i.line_id and l.status = 'APPROVED' returning l.id`,
    [tenantId, paymentId],
  );
  return rows.length;
}
