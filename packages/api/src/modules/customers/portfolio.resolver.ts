import { Arg, Authorized, Ctx, Field, Float, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../../app/context.js';
import { RESELLER_ROLES, STAFF_ROLES } from '../../auth/roles.js';
import { forbidden } from '../../shared/errors.js';
import { Money, moneyOf } from '../../shared/money.graphql.js';
import { CustomerStage } from './lifecycle.js';
import { portfolioAnalytics, type PortfolioAnalyticsData } from './portfolio.service.js';

@ObjectType()
class StageCount {
  @Field(() => CustomerStage) stage!: CustomerStage;
  @Field(() => Int) customers!: number;
}

@ObjectType()
class BilledPeriod {
  @Field({ description: 'YYYY-MM' }) period!: string;
  @Field(() => Money, { description: 'Recurring revenue invoiced for the service month (refunds excluded).' }) billed!: Money;
}

@ObjectType()
class ChurnFigures {
  @Field(() => Int) windowDays!: number;
  @Field(() => Int, { description: 'Signed customers at the start of the window.' }) customersAtStart!: number;
  @Field(() => Int, { description: 'Of those, how many churned since.' }) churned!: number;
  @Field(() => Float, { nullable: true, description: 'Percent, one decimal; null without customers at the start.' }) ratePercent!: number | null;
}

@ObjectType()
class CohortRetention {
  @Field({ description: 'Signup month YYYY-MM.' }) cohort!: string;
  @Field(() => Int) size!: number;
  @Field(() => [Float], { description: 'Percent not churned by the end of month 0 (the signup month), 1, 2 … up to now.' }) retentionPercent!: number[];
}

@ObjectType()
class FunnelStage {
  @Field(() => CustomerStage) stage!: CustomerStage;
  @Field(() => Int, { description: 'Customers that ever entered the stage.' }) reached!: number;
}

@ObjectType()
class StageConversion {
  @Field(() => CustomerStage) from!: CustomerStage;
  @Field(() => CustomerStage) to!: CustomerStage;
  @Field(() => Int, { description: 'Customers that ever entered `from`.' }) entered!: number;
  @Field(() => Int, { description: 'Of those, how many ever moved on to `to`.' }) advanced!: number;
  @Field(() => Float, { nullable: true }) ratePercent!: number | null;
}

@ObjectType()
class PortfolioAnalytics {
  @Field(() => ID) resellerId!: string;
  @Field({ description: 'YYYY-MM-DD the figures are computed for.' }) asOf!: string;
  @Field(() => Int) customerCount!: number;
  @Field(() => [StageCount], { description: 'All 12 stages, in order.' }) stageCounts!: StageCount[];
  @Field(() => Int, { description: 'Customers in ACTIVE, EXPANSION or AT_RISK.' }) recurringCustomers!: number;
  @Field(() => Money, { description: 'Contracted MRR of the recurring customers.' }) mrr!: Money;
  @Field(() => Money, { nullable: true, description: 'Average MRR per recurring customer (to the cent, half-to-even).' }) arpu!: Money | null;
  @Field(() => Int) atRiskCount!: number;
  @Field(() => [BilledPeriod], { description: 'The last 12 service months, oldest first, the current one last.' }) mrrTrend!: BilledPeriod[];
  @Field(() => Float, { nullable: true, description: 'Invoiced revenue of the last complete month against the month before, percent.' }) mrrGrowthPercent!: number | null;
  @Field(() => ChurnFigures) churn!: ChurnFigures;
  @Field(() => [CohortRetention], { description: 'Signup months of the last 12 months.' }) cohorts!: CohortRetention[];
  @Field(() => [FunnelStage]) funnel!: FunnelStage[];
  @Field(() => [StageConversion]) conversions!: StageConversion[];
}

async function toGraphql(ctx: Context, data: PortfolioAnalyticsData): Promise<PortfolioAnalytics> {
  return {
    ...data,
    mrr: (await moneyOf(ctx, data.mrrCents))!,
    arpu: await moneyOf(ctx, data.arpuCents),
    mrrTrend: await Promise.all(data.mrrTrend.map(async (entry) => ({ period: entry.period, billed: (await moneyOf(ctx, entry.billedCents))! }))),
  };
}

/** Portfolio analytics (SPEC §3): staff for any reseller, partners for their own. */
@Authorized(...STAFF_ROLES, ...RESELLER_ROLES)
@Resolver()
export class PortfolioResolver {
  @Query(() => PortfolioAnalytics, { description: "A reseller's portfolio analytics (partners: their own only)." })
  async resellerPortfolio(@Arg('resellerId', () => ID) resellerId: string, @Ctx() ctx: Context) {
    return toGraphql(ctx, await portfolioAnalytics(ctx, resellerId));
  }

  @Authorized(...RESELLER_ROLES)
  @Query(() => PortfolioAnalytics, { description: "The signed-in partner's portfolio analytics." })
  async myAnalytics(@Ctx() ctx: Context) {
    if (!ctx.actor?.resellerId) throw forbidden();
    return toGraphql(ctx, await portfolioAnalytics(ctx, ctx.actor.resellerId));
  }
}
