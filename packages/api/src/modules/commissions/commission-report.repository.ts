import type { EntityManager } from '@mikro-orm/postgresql';
import { CommissionReportGroup } from './commission.enums.js';

export interface ReportRow {
  key: string;
  label: string;
  line_count: number;
  base_cents: string;
  amount_cents: string;
}

const GROUPS: Record<CommissionReportGroup, { key: string; label: string }> = {
  [CommissionReportGroup.RESELLER]: { key: 'r.id::text', label: "r.code || ' ' || r.company_name" },
  [CommissionReportGroup.PLAN]: { key: 'v.id::text', label: "p.name || ' v' || v.version" },
  [CommissionReportGroup.TIER]: { key: "coalesce((l.tier_index + 1)::text, '-')", label: "case when l.tier_index is null then 'No tier' else 'Tier ' || (l.tier_index + 1) end" },
  [CommissionReportGroup.STATUS]: { key: 'l.status', label: 'l.status' },
};

/** One aggregate pass over a period's lines (reversed lines excluded), grouped as asked. */
export function commissionReportRows(em: EntityManager, tenantId: string, period: string, groupBy: CommissionReportGroup): Promise<ReportRow[]> {
  const group = GROUPS[groupBy];
  return em.getConnection().execute(
    `select ${group.key} as key, ${group.label} as label, count(*)::int as line_count,
            coalesce(sum(l.base_cents) filter (where l.kind = 'CUSTOMER'), 0)::text as base_cents,
            sum(l.amount_cents)::text as amount_cents
       from commission_line l
       join reseller r on r.id = l.reseller_id
       join commission_plan_version v on v.id = l.plan_version_id
       join commission_plan p on p.id = v.plan_id
      where l.tenant_id = ? and l.period = ? and l.status <> 'REVERSED'
      group by 1, 2
      order by 2`,
    [tenantId, period],
  );
}

/** A reseller's totals per period, newest first. */
export function commissionHistoryRows(em: EntityManager, tenantId: string, resellerId: string, periods: number): Promise<{ period: string; line_count: number; amount_cents: string }[]> {
  return em.getConnection().execute(
    `select l.period, count(*)::int as line_count, sum(l.amount_cents)::text as amount_cents
       from commission_line l
      where l.tenant_id = ? and l.reseller_id = ? and l.status <> 'REVERSED'
      group by l.period
      order by l.period desc
      limit ?`,
    [tenantId, resellerId, periods],
  );
}
