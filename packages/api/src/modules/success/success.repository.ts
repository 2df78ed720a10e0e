import type { PartnerHealthComponent } from './partner-health.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { sqlRows } from '../../db/raw-sql.js';
import { CUSTOMER_STAGES } from '../customers/lifecycle.js';

/**
 * The set-based reads and writes of partner health: a fixed number of statements per recompute,
 * however many resellers the tenant has (each query groups by reseller). Raw SQL names its tenant.
 */
export class SuccessRepository {
  constructor(
    private readonly em: EntityManager,
    private readonly tenantId: string,
    /** One reseller, or null for every reseller of the tenant. */
    private readonly resellerId: string | null,
  ) {}

  private rows<T>(sql: string, params: unknown[]): Promise<T[]> {
    return sqlRows<T>(this.em, sql, params);
  }

  /** Resellers to score (not terminated) with targets, latest survey, onboarding, disputes and portal logins. */
  resellers(today: string) {
    return this.rows<{
      id: string;
      approved_at: Date;
      revenue_target_cents: string | null;
      new_customers_per_month: number | null;
      latest_rating: number | null;
      onboarding_total: number;
      onboarding_done: number;
      onboarding_overdue: number;
      max_days_overdue: number;
      open_disputes: number;
      login_days_30d: number;
    }>(
      `select r.id, r.approved_at, t.revenue_target_cents::text as revenue_target_cents, t.new_customers_per_month,
              (select s.rating from satisfaction_survey s where s.reseller_id = r.id order by s.surveyed_on desc, s.created_at desc limit 1) as latest_rating,
              coalesce(o.total, 0) as onboarding_total, coalesce(o.done, 0) as onboarding_done, coalesce(o.overdue, 0) as onboarding_overdue, coalesce(o.max_days_overdue, 0) as max_days_overdue,
              coalesce(d.open_disputes, 0) as open_disputes, coalesce(l.login_days, 0) as login_days_30d
         from reseller r
         left join partner_target t on t.reseller_id = r.id
         left join (select reseller_id, count(*)::int as total, count(*) filter (where status = 'COMPLETED')::int as done,
                           count(*) filter (where status = 'PENDING' and due_date < ?::date)::int as overdue,
                           coalesce(max(?::date - due_date) filter (where status = 'PENDING' and due_date < ?::date), 0)::int as max_days_overdue
                      from onboarding_task where tenant_id = ? group by reseller_id) o on o.reseller_id = r.id
         left join (select reseller_id, count(*)::int as open_disputes from commission_dispute where tenant_id = ? and status = 'OPEN' group by reseller_id) d on d.reseller_id = r.id
         left join (select u.reseller_id, count(distinct s.created_at::date)::int as login_days
                      from user_session s join app_user u on u.id = s.user_id
                     where s.tenant_id = ? and u.reseller_id is not null and s.created_at > ?::date - 30
                     group by u.reseller_id) l on l.reseller_id = r.id
        where r.tenant_id = ? and r.status <> 'TERMINATED' and (?::uuid is null or r.id = ?::uuid)
        order by r.id`,
      [today, today, today, this.tenantId, this.tenantId, this.tenantId, today, this.tenantId, this.resellerId, this.resellerId],
    );
  }

  /** Paid revenue per reseller and month (YYYY-MM), by the assignment on the paid date (as commissions do). */
  monthlyRevenue(fromDate: string, toDateExclusive: string) {
    return this.rows<{ reseller_id: string; month: string; cents: string }>(
      `select a.reseller_id, to_char(b.paid_date, 'YYYY-MM') as month, sum(b.paid_cents)::text as cents
         from billing_record b
         join customer_assignment a on a.customer_id = b.customer_id and a.from_date <= b.paid_date and (a.to_date is null or a.to_date > b.paid_date)
        where b.tenant_id = ? and b.paid_date >= ?::date and b.paid_date < ?::date and (?::uuid is null or a.reseller_id = ?::uuid)
        group by 1, 2`,
      [this.tenantId, fromDate, toDateExclusive, this.resellerId, this.resellerId],
    );
  }

  /** Per reseller: customers, data quality, new customers in 30/60/90 days, complaints and last interaction. */
  customerFigures(today: string) {
    return this.rows<{ reseller_id: string; customers: number; complete: number; new30: number; new60: number; new90: number; complaints90: number; last_interaction: string | null }>(
      `select c.reseller_id, count(*)::int as customers,
              count(*) filter (where c.email is not null and c.service_plan is not null)::int as complete,
              count(*) filter (where c.signup_date > ?::date - 30)::int as new30,
              count(*) filter (where c.signup_date > ?::date - 60)::int as new60,
              count(*) filter (where c.signup_date > ?::date - 90)::int as new90,
              coalesce(sum(i.complaints), 0)::int as complaints90, max(i.last_on)::text as last_interaction
         from customer c
         left join (select customer_id, count(*) filter (where type = 'COMPLAINT' and occurred_on > ?::date - 90) as complaints, max(occurred_on) as last_on
                      from customer_interaction where tenant_id = ? group by customer_id) i on i.customer_id = c.id
        where c.tenant_id = ? and c.reseller_id is not null and (?::uuid is null or c.reseller_id = ?::uuid)
        group by c.reseller_id`,
      [today, today, today, today, this.tenantId, this.tenantId, this.resellerId, this.resellerId],
    );
  }

  /** Per reseller: customers signed at `windowStart`, and how many of them churned since (as portfolio analytics). */
  churn(windowStart: Date, now: Date) {
    return this.rows<{ reseller_id: string; base: number; churned: number }>(
      `with at_start as (
         select distinct on (t.customer_id) t.customer_id, c.reseller_id, t.to_stage
           from customer_stage_transition t join customer c on c.id = t.customer_id
          where t.tenant_id = ? and c.reseller_id is not null and t.at <= ? and (?::uuid is null or c.reseller_id = ?::uuid)
          order by t.customer_id, t.at desc, t.created_at desc
       ), base as (select customer_id, reseller_id from at_start where to_stage = any(?::text[]))
       select b.reseller_id, count(*)::int as base,
              count(*) filter (where exists (select 1 from customer_stage_transition t where t.customer_id = b.customer_id and t.to_stage = 'CHURNED'
                                              and t.from_stage = any(?::text[]) and t.at > ? and t.at <= ?))::int as churned
         from base b group by b.reseller_id`,
      [this.tenantId, windowStart, this.resellerId, this.resellerId, [...CUSTOMER_STAGES], [...CUSTOMER_STAGES], windowStart, now],
    );
  }

  /** Each reseller's latest score on or before `date`. */
  scoresOnOrBefore(date: string) {
    return this.rows<{ reseller_id: string; score: number | null; computed_on: string }>(
      `select distinct on (reseller_id) reseller_id, score, computed_on::text as computed_on from partner_health_snapshot
        where tenant_id = ? and computed_on <= ?::date and (?::uuid is null or reseller_id = ?::uuid)
        order by reseller_id, computed_on desc`,
      [this.tenantId, date, this.resellerId, this.resellerId],
    );
  }

  /**
   * One snapshot per reseller per day (a second recompute the same day replaces it), in one
   * statement. The rows travel as one JSON document: PostgreSQL parses it once, which is several
   * times faster than arrays of JSON values at 10,000 resellers.
   */
  async storeSnapshots(computedOn: string, now: Date, snapshots: { resellerId: string; score: number | null; band: string | null; components: unknown; inputs: unknown }[]) {
    if (snapshots.length === 0) return;
    await this.rows(
      `insert into partner_health_snapshot (id, tenant_id, created_at, reseller_id, computed_on, score, band, components, inputs)
       select gen_random_uuid(), ?, ?, (e->>'r')::uuid, ?::date, (e->>'s')::int, e->>'b', e->'c', e->'i'
         from jsonb_array_elements(?::jsonb) as e
       on conflict (reseller_id, computed_on) do update set score = excluded.score, band = excluded.band, components = excluded.components, inputs = excluded.inputs, created_at = excluded.created_at`,
      [this.tenantId, now, computedOn, JSON.stringify(snapshots.map((s) => ({ r: s.resellerId, s: s.score, b: s.band, c: s.components, i: s.inputs })))],
    );
  }

  openAlerts() {
    return this.rows<{ id: string; reseller_id: string; rule: string }>(
      `select id, reseller_id, rule from partner_alert where tenant_id = ? and status <> 'RESOLVED' and (?::uuid is null or reseller_id = ?::uuid)`,
      [this.tenantId, this.resellerId, this.resellerId],
    );
  }

  async openNewAlerts(now: Date, alerts: { resellerId: string; rule: string; severity: string; message: string; score: number | null }[]) {
    if (alerts.length === 0) return;
    await this.rows(
      `insert into partner_alert (id, tenant_id, created_at, reseller_id, rule, severity, status, message, score_at_open, auto_resolved)
       select a.id, ?, ?, a.reseller_id, a.rule, a.severity, 'OPEN', a.message, a.score, false
         from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::int[]) as a(id, reseller_id, rule, severity, message, score)
       on conflict do nothing`,
      [this.tenantId, now, alerts.map(() => randomUUID()), alerts.map((a) => a.resellerId), alerts.map((a) => a.rule), alerts.map((a) => a.severity), alerts.map((a) => a.message), alerts.map((a) => a.score)],
    );
  }

  async autoResolve(now: Date, alertIds: string[]) {
    if (alertIds.length === 0) return;
    await this.rows(
      `update partner_alert set status = 'RESOLVED', resolved_at = ?, resolved_by = 'system', resolution = 'The condition cleared at the daily recompute', auto_resolved = true
        where tenant_id = ? and id = any(?::uuid[]) and status <> 'RESOLVED'`,
      [now, this.tenantId, alertIds],
    );
  }

  /** The latest snapshot of every reseller, with its score on or before 7 and 30 days earlier. */
  latestWithTrend(today: string, options: { withComponents?: boolean } = {}) {
    return this.rows<{ reseller_id: string; score: number | null; band: string | null; computed_on: string; score7: number | null; score30: number | null; components: PartnerHealthComponent[] | null }>(
      `select l.reseller_id, l.score, l.band, l.computed_on::text as computed_on, ${options.withComponents ? 'l.components' : 'null as components'},
              (select p.score from partner_health_snapshot p where p.reseller_id = l.reseller_id and p.computed_on <= l.computed_on - 7 order by p.computed_on desc limit 1) as score7,
              (select p.score from partner_health_snapshot p where p.reseller_id = l.reseller_id and p.computed_on <= l.computed_on - 30 order by p.computed_on desc limit 1) as score30
         from (select distinct on (reseller_id) reseller_id, score, band, computed_on, ${options.withComponents ? 'components' : 'null as components'} from partner_health_snapshot
                where tenant_id = ? and computed_on <= ?::date and (?::uuid is null or reseller_id = ?::uuid)
                order by reseller_id, computed_on desc) l`,
      [this.tenantId, today, this.resellerId, this.resellerId],
    );
  }

  openAlertsBySeverity() {
    return this.rows<{ severity: string; count: number }>(
      `select severity, count(*)::int as count from partner_alert where tenant_id = ? and status <> 'RESOLVED' group by severity`,
      [this.tenantId],
    );
  }
}
