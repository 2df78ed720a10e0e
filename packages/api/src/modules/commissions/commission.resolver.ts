import { formatRate } from '@reseller-hub/shared-schema/money';
import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/core';
import type { Context } from '../../app/context.js';
import { visibleRecord } from '../../app/visible-record.js';
import { RESELLER_ROLES, Role, STAFF_ROLES } from '../../auth/roles.js';
import { badInput, forbidden, notFound } from '../../shared/errors.js';
import { Money, moneyOf } from '../../shared/money.graphql.js';
import { ConnectionType, PageArgs, paginate } from '../../shared/pagination.js';
import { requirePeriod } from '../../shared/period.js';
import { isUuid } from '../../shared/validation.js';
import { Customer } from '../customers/customer.entity.js';
import { Reseller } from '../resellers/reseller.entity.js';
import { CommissionLineKind, CommissionLineStatus, CommissionReportGroup } from './commission.enums.js';
import { CommissionDispute } from './commission-dispute.entity.js';
import { commissionHistoryRows } from './commission-report.repository.js';
import { commissionReport } from './commission-report.service.js';
import { CommissionPlan, CommissionPlanVersion } from './commission-plan.entity.js';
import {
  AssignCommissionPlanInput,
  AssignCommissionPlanPayload,
  CommissionPlanPayload,
  CreateCommissionPlanInput,
  CreateCommissionPlanVersionInput,
  PlanVersionView,
} from './commission-plan.inputs.js';
import { assignCommissionPlan, createCommissionPlan, createCommissionPlanVersion, versionView } from './commission-plan.service.js';
import { CommissionLine, CommissionPeriodClose, CommissionRun } from './commission-run.entity.js';
import { approveCommissionRun, closeCommissionPeriod, runCommissions } from './commission-run.service.js';

const FINANCE_TEAM = [Role.ADMIN, Role.FINANCE] as const;

@InputType()
class PeriodInput {
  @Field({ description: 'YYYY-MM' }) period!: string;
}

@InputType()
class CommissionRunIdInput {
  @Field(() => ID) runId!: string;
}

@InputType()
class CommissionLineFilter {
  @Field({ description: 'YYYY-MM' }) period!: string;
  @Field(() => ID, { nullable: true }) resellerId?: string | null;
  @Field(() => [CommissionLineStatus], { nullable: true }) status?: CommissionLineStatus[] | null;
  @Field(() => [CommissionLineKind], { nullable: true }) kind?: CommissionLineKind[] | null;
}

@ObjectType()
class CommissionRunPayload {
  @Field(() => CommissionRun) run!: CommissionRun;
}

@ObjectType()
class CloseCommissionPeriodPayload {
  @Field(() => CommissionPeriodClose) close!: CommissionPeriodClose;
}

@ObjectType()
class CommissionStatement {
  @Field() period!: string;
  @Field(() => Money) total!: Money;
  @Field(() => [CommissionLine]) lines!: CommissionLine[];
}

const CommissionLineConnection = ConnectionType('CommissionLine', CommissionLine);

@ObjectType()
class CommissionPeriodTotal {
  @Field() period!: string;
  @Field(() => Int) lineCount!: number;
  @Field(() => Money) total!: Money;
}

@ObjectType()
class CommissionReportRow {
  @Field() key!: string;
  @Field() label!: string;
  @Field(() => Int) lineCount!: number;
  @Field(() => Money, { description: 'Commissionable revenue of the customer lines.' }) revenue!: Money;
  @Field(() => Money) amount!: Money;
}

@ObjectType()
class CommissionReport {
  @Field() period!: string;
  @Field(() => CommissionReportGroup) groupBy!: CommissionReportGroup;
  @Field(() => [CommissionReportRow]) rows!: CommissionReportRow[];
  @Field(() => Money) total!: Money;
  @Field({ description: 'The same rows as CSV (RFC 4180), for download.' }) csv!: string;
}

@Authorized(...STAFF_ROLES)
@Resolver(() => CommissionPlan)
export class CommissionPlanResolver {
  @Query(() => [CommissionPlan])
  commissionPlans(@Ctx() ctx: Context) {
    return ctx.em.find(CommissionPlan, {}, { orderBy: { name: 'asc' } });
  }

  @Authorized(...FINANCE_TEAM)
  @Mutation(() => CommissionPlanPayload)
  async createCommissionPlan(@Arg('input') input: CreateCommissionPlanInput, @Ctx() ctx: Context) {
    return { plan: await createCommissionPlan(ctx, input) };
  }

  @Authorized(...FINANCE_TEAM)
  @Mutation(() => CommissionPlanPayload, { description: 'New terms from an open period on; closed periods keep the terms they were run with.' })
  async createCommissionPlanVersion(@Arg('input') input: CreateCommissionPlanVersionInput, @Ctx() ctx: Context) {
    return { plan: await createCommissionPlanVersion(ctx, input) };
  }

  @Authorized(...FINANCE_TEAM)
  @Mutation(() => AssignCommissionPlanPayload)
  assignCommissionPlan(@Arg('input') input: AssignCommissionPlanInput, @Ctx() ctx: Context) {
    return assignCommissionPlan(ctx, input);
  }

  @FieldResolver(() => [PlanVersionView], { description: 'Every version, newest first.' })
  async versions(@Root() plan: CommissionPlan, @Ctx() ctx: Context) {
    const versions = await ctx.loaders.manyBy(CommissionPlanVersion, 'plan').load(plan.id);
    return [...versions].sort((a, b) => b.version - a.version).map(versionView);
  }
}

@Authorized(...STAFF_ROLES)
@Resolver(() => CommissionRun)
export class CommissionRunResolver {
  @Authorized(...FINANCE_TEAM)
  @Mutation(() => CommissionRunPayload, { description: 'Computes every line of the period in one transaction; idempotent while the period is open.' })
  async runCommissions(@Arg('input') input: PeriodInput, @Ctx() ctx: Context) {
    return { run: await runCommissions(ctx, input.period) };
  }

  @Authorized(...FINANCE_TEAM)
  @Mutation(() => CommissionRunPayload)
  async approveCommissionRun(@Arg('input') input: CommissionRunIdInput, @Ctx() ctx: Context) {
    return { run: await approveCommissionRun(ctx, input.runId) };
  }

  @Authorized(...FINANCE_TEAM)
  @Mutation(() => CloseCommissionPeriodPayload)
  async closeCommissionPeriod(@Arg('input') input: PeriodInput, @Ctx() ctx: Context) {
    return { close: await closeCommissionPeriod(ctx, input.period) };
  }

  @Query(() => [CommissionRun], { description: 'Runs, newest first (at most 100).' })
  commissionRuns(@Arg('period', () => String, { nullable: true }) period: string | null, @Ctx() ctx: Context) {
    if (period != null) requirePeriod(period);
    return ctx.em.find(CommissionRun, period ? { period } : {}, { orderBy: { startedAt: 'desc', id: 'desc' }, limit: 100 });
  }

  @Query(() => CommissionRun)
  async commissionRun(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    const run = isUuid(id) ? await ctx.em.findOne(CommissionRun, { id }) : null;
    if (!run) throw notFound('Commission run');
    return run;
  }

  @FieldResolver(() => Date, { nullable: true, description: "When the run's period was closed (null while it is open)." })
  async periodClosedAt(@Root() run: CommissionRun, @Ctx() ctx: Context) {
    const [close] = await ctx.loaders.manyBy(CommissionPeriodClose, 'period').load(run.period);
    return close?.createdAt ?? null;
  }

  @FieldResolver(() => Money, { description: 'Commissionable revenue counted in the period.' })
  revenue(@Root() run: CommissionRun, @Ctx() ctx: Context) {
    return moneyOf(ctx, run.revenueCents);
  }

  @FieldResolver(() => Money, { description: 'Sum of the run’s lines (adjustments and caps included).' })
  total(@Root() run: CommissionRun, @Ctx() ctx: Context) {
    return moneyOf(ctx, run.totalCents);
  }
}

@Authorized(...STAFF_ROLES, ...RESELLER_ROLES)
@Resolver(() => CommissionLine)
export class CommissionLineResolver {
  @Authorized(...STAFF_ROLES)
  @Query(() => CommissionLineConnection)
  async commissionLines(@Arg('filter') filter: CommissionLineFilter, @Args() page: PageArgs, @Ctx() ctx: Context) {
    requirePeriod(filter.period);
    const where: FilterQuery<CommissionLine> = { period: filter.period };
    if (filter.resellerId) where.reseller = (await visibleRecord(ctx, Reseller, filter.resellerId, 'Reseller')).id;
    if (filter.status?.length) where.status = { $in: filter.status };
    if (filter.kind?.length) where.kind = { $in: filter.kind };
    return paginate(ctx.em, CommissionLine, where, page, [{ reseller: 'asc' }, { id: 'asc' }]);
  }

  @Authorized(...RESELLER_ROLES)
  @Query(() => CommissionStatement, { description: "The signed-in partner's commission lines of a period, with how each was calculated." })
  async myCommissions(@Arg('period') period: string, @Ctx() ctx: Context) {
    requirePeriod(period);
    if (!ctx.actor?.resellerId) throw forbidden();
    // The reseller-scope filter limits these to the caller's own reseller.
    const lines = await ctx.em.find(CommissionLine, { period, status: { $ne: CommissionLineStatus.REVERSED } }, { orderBy: { kind: 'asc', id: 'asc' } });
    return { period, lines, total: await moneyOf(ctx, lines.reduce((sum, line) => sum + line.amountCents, 0n)) };
  }

  @FieldResolver(() => Money)
  amount(@Root() line: CommissionLine, @Ctx() ctx: Context) {
    return moneyOf(ctx, line.amountCents);
  }

  @FieldResolver(() => Money, { description: 'The revenue the line is based on.' })
  base(@Root() line: CommissionLine, @Ctx() ctx: Context) {
    return moneyOf(ctx, line.baseCents);
  }

  @FieldResolver(() => Money, { nullable: true, description: 'Flat fee applied (FLAT_FEE plans).' })
  fee(@Root() line: CommissionLine, @Ctx() ctx: Context) {
    return moneyOf(ctx, line.feeCents);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Decimal rate applied, e.g. "0.1200".' })
  rate(@Root() line: CommissionLine) {
    return line.rateUnits === null ? null : formatRate(BigInt(line.rateUnits));
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Tier reached, counted from 1 (TIERED plans).' })
  tier(@Root() line: CommissionLine) {
    return line.tierIndex === null ? null : line.tierIndex + 1;
  }

  @FieldResolver(() => Reseller)
  reseller(@Root() line: CommissionLine, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Reseller).load(line.reseller.id);
  }

  @FieldResolver(() => Customer, { nullable: true })
  customer(@Root() line: CommissionLine, @Ctx() ctx: Context) {
    return line.customer ? ctx.loaders.byId(Customer).load(line.customer.id) : null;
  }

  @FieldResolver(() => CommissionDispute, { nullable: true, description: 'The latest dispute of the line, if any.' })
  async dispute(@Root() line: CommissionLine, @Ctx() ctx: Context) {
    const disputes = await ctx.loaders.manyBy(CommissionDispute, 'line').load(line.id);
    return disputes.at(-1) ?? null;
  }

  @Authorized(...RESELLER_ROLES)
  @Query(() => [CommissionPeriodTotal], { description: "The signed-in partner's totals per period, newest first." })
  async myCommissionHistory(@Arg('periods', () => Int, { defaultValue: 12 }) periods: number, @Ctx() ctx: Context) {
    if (!Number.isInteger(periods) || periods < 1 || periods > 60) throw badInput('periods must be 1–60', { periods: 'From 1 to 60' });
    const rows = await commissionHistoryRows(ctx.em, ctx.actor!.tenantId, ctx.actor!.resellerId!, periods);
    return Promise.all(rows.map(async (row) => ({ period: row.period, lineCount: row.line_count, total: await moneyOf(ctx, BigInt(row.amount_cents)) })));
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => CommissionReport)
  async commissionReport(@Arg('period') period: string, @Arg('groupBy', () => CommissionReportGroup) groupBy: CommissionReportGroup, @Ctx() ctx: Context) {
    const { rows, totalCents, csv } = await commissionReport(ctx, period, groupBy);
    return {
      period,
      groupBy,
      total: await moneyOf(ctx, totalCents),
      csv,
      rows: await Promise.all(
        rows.map(async (row) => ({ key: row.key, label: row.label, lineCount: row.line_count, revenue: await moneyOf(ctx, BigInt(row.base_cents)), amount: await moneyOf(ctx, BigInt(row.amount_cents)) })),
      ),
    };
  }

  @FieldResolver(() => String, { description: 'Plan name and version, e.g. "Standard v2".' })
  async plan(@Root() line: CommissionLine, @Ctx() ctx: Context) {
    const version = await ctx.loaders.byId(CommissionPlanVersion).load(line.planVersion.id);
    const plan = version ? await ctx.loaders.byId(CommissionPlan).load(version.plan.id) : null;
    return plan && version ? `${plan.name} v${version.version}` : 'unknown plan';
  }
}
