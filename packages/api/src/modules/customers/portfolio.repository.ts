import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlRows } from '../../db/raw-sql.js';
import { CUSTOMER_STAGES } from './lifecycle.js';

/**
 * Portfolio analytics of one reseller (SPEC §3), each figure one aggregate query over the customers
 * assigned to the reseller now (a reassigned customer's history moves with it). No query per customer.
 */
export class PortfolioRepository {
  constructor(
    private readonly em: EntityManager,
    private readonly tenantId: string,
    private readonly resellerId: string,
  ) {}

  private run<T>(sql: string, params: unknown[]): Promise<T[]> {
    return sqlRows<T>(this.em, sql, params);
  }

  stageCounts() {
    return this.run<{ stage: string; customers: number; mrr_cents: string }>(
      `select stage, count(*)::int as customers, sum(mrr_cents)::text as mrr_cents
         from customer where tenant_id = ? and reseller_id = ? group by stage`,
      [this.tenantId, this.resellerId],
    );
  }

  /** Invoiced recurring revenue per service period (refunds and credit notes excluded). */
  billedByPeriod(fromPeriod: string, toPeriod: string) {
    return this.run<{ period: string; cents: string }>(
      `select b.period, sum(b.invoiced_cents)::text as cents
         from billing_record b join customer c on c.id = b.customer_id
        where b.tenant_id = ? and c.reseller_id = ? and b.period between ? and ? and b.invoiced_cents > 0
        group by b.period`,
      [this.tenantId, this.resellerId, fromPeriod, toPeriod],
    );
  }

  /**
   * Of the customers that were signed (a customer stage other than CHURNED) at `windowStart`, how
   * many churned (moved to CHURNED from a customer stage) after it, up to `now`.
   */
  async churn(windowStart: Date, now: Date) {
    const [row] = await this.run<{ base: number; churned: number }>(
      `with at_start as (
         select distinct on (t.customer_id) t.customer_id, t.to_stage
           from customer_stage_transition t join customer c on c.id = t.customer_id
          where t.tenant_id = ? and c.reseller_id = ? and t.at <= ?
          order by t.customer_id, t.at desc, t.created_at desc
       ), base as (select customer_id from at_start where to_stage = any(?::text[]))
       select (select count(*) from base)::int as base,
              (select count(distinct t.customer_id) from customer_stage_transition t join base using (customer_id)
                where t.to_stage = 'CHURNED' and t.from_stage = any(?::text[]) and t.at > ? and t.at <= ?)::int as churned`,
      [this.tenantId, this.resellerId, windowStart, [...CUSTOMER_STAGES], [...CUSTOMER_STAGES], windowStart, now],
    );
    return row!;
  }

  /**
   * Cohorts by signup month from `firstMonth` (YYYY-MM-01): for each month k after signup (0 = the
   * signup month) up to now, how many of the cohort had not churned by the end of that month.
   */
  cohorts(firstMonth: string, today: string) {
    return this.run<{ cohort: string; month_offset: number; size: number; retained: number }>(
      `with cohort as (
         select c.id, date_trunc('month', c.signup_date)::date as month,
                (select min(t.at) from customer_stage_transition t
                  where t.customer_id = c.id and t.to_stage = 'CHURNED' and t.from_stage = any(?::text[])) as churned_at
           from customer c
          where c.tenant_id = ? and c.reseller_id = ? and c.signup_date >= ?::date and c.signup_date <= ?::date
       )
       select to_char(month, 'YYYY-MM') as cohort, k as month_offset, count(*)::int as size,
              count(*) filter (where churned_at is null or churned_at >= (month + (k + 1) * interval '1 month'))::int as retained
         from cohort cross join generate_series(0, 11) as k
        where month + k * interval '1 month' <= ?::date
        group by 1, 2 order by 1, 2`,
      [[...CUSTOMER_STAGES], this.tenantId, this.resellerId, firstMonth, today, today],
    );
  }

  /** How many customers ever entered each stage, and ever made each move. */
  reached() {
    return this.run<{ stage: string; customers: number }>(
      `select t.to_stage as stage, count(distinct t.customer_id)::int as customers
         from customer_stage_transition t join customer c on c.id = t.customer_id
        where t.tenant_id = ? and c.reseller_id = ? group by t.to_stage`,
      [this.tenantId, this.resellerId],
    );
  }

  moves() {
    return this.run<{ from_stage: string; to_stage: string; customers: number }>(
      `select t.from_stage, t.to_stage, count(distinct t.customer_id)::int as customers
         from customer_stage_transition t join customer c on c.id = t.customer_id
        where t.tenant_id = ? and c.reseller_id = ? and t.from_stage is not null group by 1, 2`,
      [this.tenantId, this.resellerId],
    );
  }
}
