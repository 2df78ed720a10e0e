import { roundHalfEven } from '@reseller-hub/shared-schema/money';
import type { Context } from '../../app/context.js';
import { notFound } from '../../shared/errors.js';
import { previousPeriod } from '../../shared/period.js';
import { isUuid } from '../../shared/validation.js';
import { Reseller } from '../resellers/reseller.entity.js';
import { CustomerStage, PIPELINE, RECURRING_STAGES, STAGES } from './lifecycle.js';
import { PortfolioRepository } from './portfolio.repository.js';

/** A percentage with one decimal, rounded half-to-even exactly; null when the base is zero. */
export function percentOf(part: number | bigint, whole: number | bigint): number | null {
  if (BigInt(whole) === 0n) return null;
  return Number(roundHalfEven(BigInt(part) * 1000n, BigInt(whole))) / 10;
}

/** The moves whose conversion the funnel reports: the pipeline, then signed → onboarded → active. */
export const CONVERSION_STEPS: [CustomerStage, CustomerStage][] = [
  ...PIPELINE.slice(1).map((to, index): [CustomerStage, CustomerStage] => [PIPELINE[index]!, to]),
  [CustomerStage.CLOSED_WON, CustomerStage.ONBOARDING],
  [CustomerStage.ONBOARDING, CustomerStage.ACTIVE],
  [CustomerStage.ACTIVE, CustomerStage.EXPANSION],
];

/** The 12 periods ending with `lastPeriod`, oldest first. */
export function lastPeriods(lastPeriod: string, count: number): string[] {
  const periods = [lastPeriod];
  while (periods.length < count) periods.unshift(previousPeriod(periods[0]!));
  return periods;
}

export interface PortfolioAnalyticsData {
  resellerId: string;
  asOf: string;
  customerCount: number;
  stageCounts: { stage: CustomerStage; customers: number }[];
  recurringCustomers: number;
  mrrCents: bigint;
  arpuCents: bigint | null;
  atRiskCount: number;
  mrrTrend: { period: string; billedCents: bigint }[];
  mrrGrowthPercent: number | null;
  churn: { customersAtStart: number; churned: number; ratePercent: number | null; windowDays: number };
  cohorts: { cohort: string; size: number; retentionPercent: number[] }[];
  funnel: { stage: CustomerStage; reached: number }[];
  conversions: { from: CustomerStage; to: CustomerStage; entered: number; advanced: number; ratePercent: number | null }[];
}

const CHURN_WINDOW_DAYS = 90;

/**
 * `resellerPortfolio` and `myAnalytics` (SPEC §3) for the customers assigned to the reseller now:
 * - counts by stage; MRR = the contracted MRR of the recurring stages (ACTIVE, EXPANSION, AT_RISK);
 *   ARPU = MRR ÷ recurring customers, to the cent (half-to-even);
 * - MRR trend = revenue invoiced per service month, the last 12 months including the current one;
 *   growth = the last complete month against the one before it;
 * - churn rate = of the customers signed 90 days ago, the share that churned since;
 * - cohort retention = per signup month of the last 12, the share not churned by the end of each
 *   following month;
 * - conversion = of the customers that ever entered a stage, the share that ever made the next move.
 */
export async function portfolioAnalytics(ctx: Context, resellerId: string): Promise<PortfolioAnalyticsData> {
  if (!isUuid(resellerId)) throw notFound('Reseller');
  const reseller = await ctx.em.findOne(Reseller, { id: resellerId });
  if (!reseller) throw notFound('Reseller');
  const now = ctx.app.clock.now();
  const today = now.toISOString().slice(0, 10);
  const thisPeriod = today.slice(0, 7);
  const periods = lastPeriods(thisPeriod, 12);
  const repository = new PortfolioRepository(ctx.em, ctx.actor!.tenantId, reseller.id);

  const stageRows = await repository.stageCounts();
  const billed = new Map((await repository.billedByPeriod(periods[0]!, thisPeriod)).map((row) => [row.period, BigInt(row.cents)]));
  const churn = await repository.churn(new Date(now.getTime() - CHURN_WINDOW_DAYS * 86_400_000), now);
  const cohortRows = await repository.cohorts(`${periods[0]}-01`, today);
  const reached = new Map((await repository.reached()).map((row) => [row.stage, row.customers]));
  const moves = new Map((await repository.moves()).map((row) => [`${row.from_stage}>${row.to_stage}`, row.customers]));

  const countOf = new Map(stageRows.map((row) => [row.stage, row.customers]));
  const recurring = stageRows.filter((row) => RECURRING_STAGES.has(row.stage as CustomerStage));
  const recurringCustomers = recurring.reduce((sum, row) => sum + row.customers, 0);
  const mrrCents = recurring.reduce((sum, row) => sum + BigInt(row.mrr_cents), 0n);
  const mrrTrend = periods.map((period) => ({ period, billedCents: billed.get(period) ?? 0n }));
  const lastComplete = billed.get(previousPeriod(thisPeriod)) ?? 0n;
  const before = billed.get(previousPeriod(previousPeriod(thisPeriod))) ?? 0n;

  const cohorts = new Map<string, { cohort: string; size: number; retentionPercent: number[] }>();
  for (const row of cohortRows) {
    const cohort = cohorts.get(row.cohort) ?? { cohort: row.cohort, size: row.size, retentionPercent: [] };
    cohort.retentionPercent[row.month_offset] = percentOf(row.retained, row.size) ?? 0;
    cohorts.set(row.cohort, cohort);
  }

  return {
    resellerId: reseller.id,
    asOf: today,
    customerCount: stageRows.reduce((sum, row) => sum + row.customers, 0),
    stageCounts: STAGES.map((stage) => ({ stage, customers: countOf.get(stage) ?? 0 })),
    recurringCustomers,
    mrrCents,
    arpuCents: recurringCustomers === 0 ? null : roundHalfEven(mrrCents, BigInt(recurringCustomers)),
    atRiskCount: countOf.get(CustomerStage.AT_RISK) ?? 0,
    mrrTrend,
    mrrGrowthPercent: percentOf(lastComplete - before, before),
    churn: { customersAtStart: churn.base, churned: churn.churned, ratePercent: percentOf(churn.churned, churn.base), windowDays: CHURN_WINDOW_DAYS },
    cohorts: [...cohorts.values()].sort((a, b) => a.cohort.localeCompare(b.cohort)),
    funnel: STAGES.map((stage) => ({ stage, reached: reached.get(stage) ?? 0 })),
    conversions: CONVERSION_STEPS.map(([from, to]) => {
      const entered = reached.get(from) ?? 0;
      const advanced = moves.get(`${from}>${to}`) ?? 0;
      return { from, to, entered, advanced, ratePercent: percentOf(advanced, entered) };
    }),
  };
}

