import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlRows } from '../../db/raw-sql.js';
import { SUPPORT_INTERACTIONS } from './customer-history.entity.js';
import { RECURRING_STAGES } from './lifecycle.js';

export interface HealthInputRow {
  id: string;
  stage: string;
  signup_date: string | null;
  usage_percent: number | null;
  invoices_considered: number;
  invoices_on_time: number;
  support_contacts_90d: number;
  average_satisfaction_180d: string | null;
  last_interaction_on: string | null;
}

/**
 * The inputs of customer health for every monitored customer of a tenant (or of one reseller) in
 * one aggregate pass: invoices of the last 12 service months (an invoice is due by the end of its
 * service month; one still open before that is not counted yet; refunds are not invoices) and the
 * interactions of the last 180 days.
 */
export function customerHealthInputs(em: EntityManager, tenantId: string, today: string, firstPeriod: string, resellerId: string | null): Promise<HealthInputRow[]> {
  return sqlRows<HealthInputRow>(
    em,
    `with invoices as (
       select b.customer_id,
              count(*)::int as considered,
              count(*) filter (where b.paid_cents >= b.invoiced_cents and b.paid_date <= b.due_date)::int as on_time
         from (select *, (to_date(period, 'YYYY-MM') + interval '1 month - 1 day')::date as due_date
                 from billing_record where tenant_id = ? and period >= ? and invoiced_cents > 0) b
        where b.paid_cents >= b.invoiced_cents or b.due_date < ?::date
        group by b.customer_id
     ), interactions as (
       select i.customer_id,
              count(*) filter (where i.type = any(?::text[]) and i.occurred_on > ?::date - 90)::int as support_contacts_90d,
              avg(i.satisfaction) filter (where i.occurred_on > ?::date - 180)::text as average_satisfaction_180d,
              max(i.occurred_on)::text as last_interaction_on
         from customer_interaction i
        where i.tenant_id = ?
        group by i.customer_id
     )
     select c.id, c.stage, c.signup_date::text as signup_date, c.usage_percent,
            coalesce(v.considered, 0) as invoices_considered, coalesce(v.on_time, 0) as invoices_on_time,
            coalesce(x.support_contacts_90d, 0) as support_contacts_90d, x.average_satisfaction_180d, x.last_interaction_on
       from customer c
       left join invoices v on v.customer_id = c.id
       left join interactions x on x.customer_id = c.id
      where c.tenant_id = ? and c.stage = any(?::text[]) and (?::uuid is null or c.reseller_id = ?::uuid)
      order by c.id`,
    [tenantId, firstPeriod, today, SUPPORT_INTERACTIONS, today, today, tenantId, tenantId, [...RECURRING_STAGES], resellerId, resellerId],
  );
}

/** Writes scores in one statement per chunk (unnest of arrays), and clears them off unmonitored customers. */
export async function storeCustomerHealth(em: EntityManager, tenantId: string, now: Date, scores: { id: string; score: number | null; components: unknown }[], resellerId: string | null): Promise<void> {
  for (let start = 0; start < scores.length; start += 5000) {
    const chunk = scores.slice(start, start + 5000);
    await sqlRows(
      em,
      `update customer c set health_score = s.score, health_components = s.components, health_computed_at = ?
         from unnest(?::uuid[], ?::int[], ?::jsonb[]) as s(id, score, components)
        where c.id = s.id and c.tenant_id = ?`,
      [now, chunk.map((s) => s.id), chunk.map((s) => s.score), chunk.map((s) => JSON.stringify(s.components)), tenantId],
    );
  }
  await sqlRows(
    em,
    `update customer set health_score = null, health_components = null, health_computed_at = null
      where tenant_id = ? and health_score is not null and stage <> all(?::text[]) and (?::uuid is null or reseller_id = ?::uuid)`,
    [tenantId, [...RECURRING_STAGES], resellerId, resellerId],
  );
}
