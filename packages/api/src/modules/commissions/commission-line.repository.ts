import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlRows } from '../../db/raw-sql.js';

/** A `commission_line` row as PostgreSQL returns it (snake_case columns; bigint as a string). */
export type CommissionLineRow = Record<string, unknown> & { id: string; customer_id: string };

/** A line's columns without its source arrays (lazy on the entity: only the run reads them). */
const LINE_COLUMNS = ['id', 'tenant_id', 'created_at', 'run_id', 'period', 'reseller_id', 'customer_id', 'kind', 'adjustment_for_period', 'plan_version_id', 'base_cents', 'rate_units', 'fee_cents', 'tier_index', 'amount_cents', 'status', 'trace', 'trace_data']
  .map((column) => `l.${column}`)
  .join(', ');

/**
 * The newest visible commission line of each given customer, in ONE statement: newest period,
 * then newest created (id as the last tie-breaker, so the answer is stable). Visible means what a
 * partner's statement shows: every status but `REVERSED` (the same rule as `myCommissions` and
 * `commissionHistoryRows`; a run writes its lines in one transaction, so no line of an unfinished
 * run is ever visible). Raw SQL: the tenant is explicit, and for a partner so is its reseller —
 * a line belongs to the reseller that earned it, so after a customer moves to another reseller
 * the new reseller sees only its own lines of that customer (the ORM's reseller-scope filter
 * applies the same `reseller_id` rule to ORM queries of `CommissionLine`).
 */
export function latestCommissionLineRows(em: EntityManager, tenantId: string, resellerId: string | null, customerIds: readonly string[]): Promise<CommissionLineRow[]> {
  const params: unknown[] = [tenantId, [...customerIds]];
  let resellerCondition = '';
  if (resellerId !== null) {
    resellerCondition = 'and l.reseller_id = ?';
    params.push(resellerId);
  }
  return sqlRows<CommissionLineRow>(
    em,
    `select distinct on (l.customer_id) ${LINE_COLUMNS}
       from commission_line l
      where l.tenant_id = ? and l.customer_id = any(?::uuid[]) and l.status <> 'REVERSED' ${resellerCondition}
      order by l.customer_id, l.period desc, l.created_at desc, l.id desc`,
    params,
  );
}
