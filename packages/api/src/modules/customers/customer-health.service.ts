import type { Context } from '../../app/context.js';
import { isUuid } from '../../shared/validation.js';
import { notFound } from '../../shared/errors.js';
import { Reseller } from '../resellers/reseller.entity.js';
import { actorTenant } from '../tenants/tenant.service.js';
import { AT_RISK_THRESHOLD, customerHealth } from './customer-health.js';
import { customerHealthInputs, storeCustomerHealth } from './customer-health.repository.js';
import { CustomerTask, CustomerTaskStatus } from './customer-history.entity.js';
import { Customer } from './customer.entity.js';
import { CustomerStage } from './lifecycle.js';
import { enterStage } from './lifecycle.service.js';

const DAY = 86_400_000;

/** Whole months from `from` to `to` (YYYY-MM-DD), counting a month once its day is reached. */
export function wholeMonthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return Math.max(0, (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0));
}

/**
 * Scores every monitored (ACTIVE, EXPANSION, AT_RISK) customer of the tenant, or of one reseller,
 * in one transaction: one aggregate query for the inputs, the pure score, one bulk update; then
 * every ACTIVE customer below 40 moves to AT_RISK as a recorded system transition (which opens its
 * retention task). Idempotent: a second call the same day finds nothing more to move. The daily
 * job calls this; the partner team can run it now.
 */
export async function recomputeCustomerHealth(ctx: Context, resellerId: string | null = null) {
  const tenant = await actorTenant(ctx);
  if (resellerId !== null && (!isUuid(resellerId) || !(await ctx.em.findOne(Reseller, { id: resellerId })))) throw notFound('Reseller');
  const now = ctx.app.clock.now();
  const today = now.toISOString().slice(0, 10);
  const firstPeriod = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1)).toISOString().slice(0, 7);
  return ctx.em.transactional(async (tx) => {
    const rows = await customerHealthInputs(tx, tenant.id, today, firstPeriod, resellerId);
    const scores = rows.map((row) => {
      const health = customerHealth({
        invoicesConsidered: row.invoices_considered,
        invoicesOnTime: row.invoices_on_time,
        tenureMonths: row.signup_date ? wholeMonthsBetween(row.signup_date, today) : null,
        supportContacts90d: row.support_contacts_90d,
        usagePercent: row.usage_percent,
        averageSatisfaction180d: row.average_satisfaction_180d === null ? null : Number(row.average_satisfaction_180d),
        daysSinceLastInteraction: row.last_interaction_on === null ? null : Math.max(0, Math.round((Date.parse(today) - Date.parse(row.last_interaction_on)) / DAY)),
      });
      return { id: row.id, stage: row.stage, score: health.score, components: health.components };
    });
    await storeCustomerHealth(tx, tenant.id, now, scores, resellerId);
    const atRiskIds = scores.filter((s) => s.stage === CustomerStage.ACTIVE && s.score !== null && s.score < AT_RISK_THRESHOLD).map((s) => s.id);
    const scoreOf = new Map(scores.map((s) => [s.id, s.score]));
    for (let start = 0; start < atRiskIds.length; start += 1000) {
      const ids = atRiskIds.slice(start, start + 1000);
      const customers = await tx.find(Customer, { id: { $in: ids } });
      const openTasks = await tx.find(CustomerTask, { customer: { $in: ids }, status: CustomerTaskStatus.OPEN });
      for (const customer of customers) {
        enterStage(tx, tenant, customer, {
          from: customer.stage,
          to: CustomerStage.AT_RISK,
          mover: { system: 'health scoring' },
          reason: `Health score ${scoreOf.get(customer.id)} is below ${AT_RISK_THRESHOLD}`,
          at: now,
          openTasks: openTasks.filter((task) => task.customer.id === customer.id),
        });
      }
      await tx.flush();
    }
    return { scored: scores.length, movedToAtRisk: atRiskIds.length };
  });
}
