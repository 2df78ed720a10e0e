import { criticalAlertsWithoutResponse } from './emergency-response.service.js';
import { Arg, Args, Authorized, Ctx, Field, FieldResolver, Float, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../app/context.js';
import { visibleRecord } from '../../app/visible-record.js';
import { PARTNER_TEAM, RESELLER_ROLES, STAFF_ROLES } from '../../auth/roles.js';
import { badInput, forbidden, notFound } from '../../shared/errors.js';
import { Money, moneyOf } from '../../shared/money.graphql.js';
import { ConnectionType, PageArgs, paginate } from '../../shared/pagination.js';
import { addDaysToDate, isDate } from '../../shared/period.js';
import { isUuid } from '../../shared/validation.js';
import { Reseller } from '../resellers/reseller.entity.js';
import { AlertSeverity } from './alert-rules.js';
import { HealthBand } from './partner-health.js';
import { AlertStatus, Intervention, InterventionStatus, InterventionType, PartnerAlert, PartnerHealthSnapshot, PartnerTarget, SatisfactionSurvey } from './success.entity.js';
import { SuccessRepository } from './success.repository.js';
import {
  acknowledgeAlert,
  DEFAULT_NEW_CUSTOMERS_TARGET,
  DEFAULT_REVENUE_TARGET_CENTS,
  planIntervention,
  recomputePartnerHealth,
  recordSatisfactionSurvey,
  resolveAlert,
  setPartnerTargets,
  updateIntervention,
} from './success.service.js';

const today = (ctx: Context) => ctx.app.clock.now().toISOString().slice(0, 10);
const AlertConnection = ConnectionType('PartnerAlert', PartnerAlert);
const InterventionConnection = ConnectionType('Intervention', Intervention);

@ObjectType('PartnerHealthComponent')
class PartnerHealthComponentType {
  @Field({ description: 'revenuePerformance, customerAcquisition, customerRetention, growthTrajectory, engagementLevel, operationalExcellence or partnerSatisfaction.' }) key!: string;
  @Field(() => Int) weight!: number;
  @Field(() => Float, { nullable: true, description: '0–100; null when there is no data (its weight goes to the others).' }) score!: number | null;
}

@ObjectType()
class PartnerTargetsView {
  @Field(() => Money) revenueTarget!: Money;
  @Field(() => Int) newCustomersPerMonth!: number;
  @Field({ description: 'The defaults of SPEC §5 ($25,000 and 5 a month), not set by an admin.' }) isDefault!: boolean;
}

@ObjectType('PartnerHealth')
class PartnerHealthType {
  @Field(() => ID) resellerId!: string;
  @Field(() => Int, { nullable: true }) score!: number | null;
  @Field(() => HealthBand, { nullable: true }) band!: HealthBand | null;
  @Field({ description: 'YYYY-MM-DD of the snapshot.' }) computedOn!: string;
  @Field(() => [PartnerHealthComponentType]) components!: PartnerHealthComponentType[];
  @Field(() => Int, { nullable: true, description: 'Score change against the snapshot 7 or more days older.' }) change7d!: number | null;
  @Field(() => Int, { nullable: true, description: 'Score change against the snapshot 30 or more days older.' }) change30d!: number | null;
}

@ObjectType()
class BandCount {
  @Field(() => HealthBand) band!: HealthBand;
  @Field(() => Int) resellers!: number;
}

@ObjectType()
class SeverityCount {
  @Field(() => AlertSeverity) severity!: AlertSeverity;
  @Field(() => Int) alerts!: number;
}

@ObjectType()
class RankedReseller {
  @Field(() => Int) rank!: number;
  @Field(() => Reseller) reseller!: Reseller;
  @Field(() => Int, { nullable: true }) score!: number | null;
  @Field(() => HealthBand, { nullable: true }) band!: HealthBand | null;
  @Field(() => Int, { nullable: true }) change30d!: number | null;
}

@ObjectType()
class ChannelSuccessDashboard {
  @Field({ description: 'YYYY-MM-DD' }) asOf!: string;
  @Field(() => Int) scoredResellers!: number;
  @Field(() => Float, { nullable: true }) averageScore!: number | null;
  @Field(() => [BandCount], { description: 'All five bands, best first.' }) bandDistribution!: BandCount[];
  @Field(() => [RankedReseller], { description: 'Best first (at most 100).' }) ranking!: RankedReseller[];
  @Field(() => [RankedReseller], { description: 'The 10 largest 30-day changes, up or down.' }) biggestMovers!: RankedReseller[];
  @Field(() => [SeverityCount]) openAlertsBySeverity!: SeverityCount[];
  @Field(() => [Intervention], { description: 'Open interventions due within 7 days or overdue.' }) interventionsDue!: Intervention[];
}


@ObjectType()
class ResellerSuccessDashboard {
  @Field(() => Reseller) reseller!: Reseller;
  @Field(() => PartnerHealthType, { nullable: true }) health!: PartnerHealthType | null;
  @Field(() => [PartnerHealthSnapshot], { description: 'The last 90 days, oldest first.' }) history!: PartnerHealthSnapshot[];
  @Field(() => [PartnerAlert]) openAlerts!: PartnerAlert[];
  @Field(() => [Intervention]) interventions!: Intervention[];
  @Field(() => PartnerTargetsView) targets!: PartnerTargetsView;
  @Field(() => SatisfactionSurvey, { nullable: true }) latestSurvey!: SatisfactionSurvey | null;
}

@InputType()
class ResellerOptionalInput {
  @Field(() => ID, { nullable: true, description: 'One reseller; omit for all.' }) resellerId?: string | null;
}

@ObjectType()
class RecomputePartnerHealthPayload {
  @Field(() => Int) scored!: number;
  @Field(() => Int) alertsOpened!: number;
  @Field(() => Int) alertsResolved!: number;
}

@InputType()
class SetPartnerTargetsInput {
  @Field(() => ID) resellerId!: string;
  @Field({ description: 'Monthly paid revenue target, e.g. "25000.00".' }) revenueTarget!: string;
  @Field(() => Int) newCustomersPerMonth!: number;
}

@InputType()
class RecordSatisfactionSurveyInput {
  @Field(() => ID) resellerId!: string;
  @Field(() => Int, { description: '1–5' }) rating!: number;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD (default today).' }) surveyedOn?: string | null;
  @Field(() => String, { nullable: true }) comment?: string | null;
}

@InputType()
class AlertIdInput {
  @Field(() => ID) alertId!: string;
}

@InputType()
class ResolveAlertInput {
  @Field(() => ID) alertId!: string;
  @Field() note!: string;
}

@InputType()
class PlanInterventionInput {
  @Field(() => ID, { nullable: true, description: 'Plan it from an alert (acknowledges the alert)…' }) alertId?: string | null;
  @Field(() => ID, { nullable: true, description: '…or for a reseller.' }) resellerId?: string | null;
  @Field(() => InterventionType) type!: InterventionType;
  @Field() owner!: string;
  @Field({ description: 'YYYY-MM-DD' }) dueDate!: string;
  @Field(() => String, { nullable: true }) notes?: string | null;
}

@InputType()
class UpdateInterventionInput {
  @Field(() => ID) interventionId!: string;
  @Field(() => InterventionStatus) status!: InterventionStatus;
  @Field(() => String, { nullable: true, description: 'Required when DONE.' }) outcome?: string | null;
}

@InputType()
class PartnerAlertFilter {
  @Field(() => [AlertStatus], { nullable: true }) status?: AlertStatus[] | null;
  @Field(() => [AlertSeverity], { nullable: true }) severity?: AlertSeverity[] | null;
  @Field(() => ID, { nullable: true }) resellerId?: string | null;
}

@InputType()
class InterventionFilter {
  @Field(() => [InterventionStatus], { nullable: true }) status?: InterventionStatus[] | null;
  @Field(() => ID, { nullable: true }) resellerId?: string | null;
}

@ObjectType()
class AlertPayload {
  @Field(() => PartnerAlert) alert!: PartnerAlert;
}

@ObjectType()
class InterventionPayload {
  @Field(() => Intervention) intervention!: Intervention;
}

@ObjectType()
class PartnerTargetsPayload {
  @Field(() => PartnerTargetsView) targets!: PartnerTargetsView;
}

@ObjectType()
class SatisfactionSurveyPayload {
  @Field(() => SatisfactionSurvey) survey!: SatisfactionSurvey;
}

const change = (score: number | null, earlier: number | null) => (score === null || earlier === null ? null : score - earlier);

async function healthOf(ctx: Context, resellerId: string): Promise<PartnerHealthType | null> {
  // Through the request's loader: a query asking for the reseller too loads it once.
  const reseller = isUuid(resellerId) ? await ctx.loaders.byId(Reseller).load(resellerId) : null;
  if (!reseller) throw notFound('Reseller');
  const [row] = await new SuccessRepository(ctx.em, ctx.actor!.tenantId, reseller.id).latestWithTrend(today(ctx), { withComponents: true });
  if (!row) return null;
  return {
    resellerId: reseller.id,
    score: row.score,
    band: row.band as HealthBand | null,
    computedOn: row.computed_on,
    components: row.components ?? [],
    change7d: change(row.score, row.score7),
    change30d: change(row.score, row.score30),
  };
}

async function targetsOf(ctx: Context, resellerId: string): Promise<PartnerTargetsView> {
  const target = await ctx.em.findOne(PartnerTarget, { reseller: resellerId });
  return {
    revenueTarget: (await moneyOf(ctx, target?.revenueTargetCents ?? DEFAULT_REVENUE_TARGET_CENTS))!,
    newCustomersPerMonth: target?.newCustomersPerMonth ?? DEFAULT_NEW_CUSTOMERS_TARGET,
    isDefault: !target,
  };
}

/** Partner success (SPEC §5): staff see and work everything; a partner sees its own score only. */
@Authorized(...STAFF_ROLES, ...RESELLER_ROLES)
@Resolver()
export class SuccessResolver {
  @Query(() => PartnerHealthType, { nullable: true, description: "A reseller's latest health score with its components and trend (partners: their own)." })
  partnerHealth(@Arg('resellerId', () => ID) resellerId: string, @Ctx() ctx: Context) {
    return healthOf(ctx, resellerId);
  }

  @Authorized(...RESELLER_ROLES)
  @Query(() => PartnerHealthType, { nullable: true, description: "The signed-in partner's health score." })
  myHealth(@Ctx() ctx: Context) {
    if (!ctx.actor?.resellerId) throw forbidden();
    return healthOf(ctx, ctx.actor.resellerId);
  }

  @Query(() => [PartnerHealthSnapshot], { description: 'Daily snapshots between two dates (at most 400 days), oldest first.' })
  async partnerHealthHistory(@Arg('resellerId', () => ID) resellerId: string, @Arg('from') from: string, @Arg('to') to: string, @Ctx() ctx: Context) {
    if (!isDate(from) || !isDate(to) || from > to || addDaysToDate(from, 400) < to) throw badInput('Use dates YYYY-MM-DD, from ≤ to, at most 400 days apart', { from: 'YYYY-MM-DD', to: 'YYYY-MM-DD' });
    const reseller = isUuid(resellerId) ? await ctx.em.findOne(Reseller, { id: resellerId }) : null;
    if (!reseller) throw notFound('Reseller');
    return ctx.em.find(PartnerHealthSnapshot, { reseller, computedOn: { $gte: from, $lte: to } }, { orderBy: { computedOn: 'asc' } });
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => AlertConnection, { description: 'Alerts, newest first.' })
  async partnerAlerts(@Args() page: PageArgs, @Arg('filter', () => PartnerAlertFilter, { nullable: true }) filter: PartnerAlertFilter | null, @Ctx() ctx: Context) {
    const where: Record<string, unknown> = {};
    if (filter?.status?.length) where.status = { $in: filter.status };
    if (filter?.severity?.length) where.severity = { $in: filter.severity };
    if (filter?.resellerId) where.reseller = (await visibleRecord(ctx, Reseller, filter.resellerId, 'Reseller')).id;
    return paginate(ctx.em, PartnerAlert, where, page, [{ createdAt: 'desc' }, { id: 'asc' }]);
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => InterventionConnection, { description: 'Interventions, soonest due first.' })
  async interventions(@Args() page: PageArgs, @Arg('filter', () => InterventionFilter, { nullable: true }) filter: InterventionFilter | null, @Ctx() ctx: Context) {
    const where: Record<string, unknown> = {};
    if (filter?.status?.length) where.status = { $in: filter.status };
    if (filter?.resellerId) where.reseller = (await visibleRecord(ctx, Reseller, filter.resellerId, 'Reseller')).id;
    return paginate(ctx.em, Intervention, where, page, [{ dueDate: 'asc' }, { id: 'asc' }]);
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => ChannelSuccessDashboard, { description: 'Across the channel: bands, ranking, movers, open alerts, interventions due.' })
  async channelSuccessDashboard(@Ctx() ctx: Context): Promise<ChannelSuccessDashboard> {
    const repository = new SuccessRepository(ctx.em, ctx.actor!.tenantId, null);
    const latest = await repository.latestWithTrend(today(ctx));
    const resellers = new Map((await ctx.em.find(Reseller, { id: { $in: latest.map((row) => row.reseller_id) } })).map((r) => [r.id, r]));
    const ranked = latest
      .filter((row) => resellers.has(row.reseller_id))
      .map((row) => ({ reseller: resellers.get(row.reseller_id)!, score: row.score, band: row.band as HealthBand | null, change30d: change(row.score, row.score30) }))
      .sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.reseller.code.localeCompare(b.reseller.code))
      .map((entry, index) => ({ rank: index + 1, ...entry }));
    const scored = ranked.filter((entry) => entry.score !== null);
    const severities = new Map((await repository.openAlertsBySeverity()).map((row) => [row.severity, row.count]));
    return {
      asOf: today(ctx),
      scoredResellers: scored.length,
      averageScore: scored.length ? Math.round((scored.reduce((sum, entry) => sum + entry.score!, 0) / scored.length) * 10) / 10 : null,
      bandDistribution: Object.values(HealthBand).map((band) => ({ band, resellers: scored.filter((entry) => entry.band === band).length })),
      ranking: ranked.slice(0, 100),
      biggestMovers: ranked.filter((entry) => entry.change30d !== null && entry.change30d !== 0).sort((a, b) => Math.abs(b.change30d!) - Math.abs(a.change30d!)).slice(0, 10),
      openAlertsBySeverity: Object.values(AlertSeverity).map((severity) => ({ severity, alerts: severities.get(severity) ?? 0 })),
      interventionsDue: await ctx.em.find(Intervention, { status: { $in: [InterventionStatus.PLANNED, InterventionStatus.IN_PROGRESS] }, dueDate: { $lte: addDaysToDate(today(ctx), 7) } }, { orderBy: { dueDate: 'asc', id: 'asc' }, limit: 50 }),
    };
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => ResellerSuccessDashboard)
  async resellerSuccessDashboard(@Arg('resellerId', () => ID) resellerId: string, @Ctx() ctx: Context): Promise<ResellerSuccessDashboard> {
    const health = await healthOf(ctx, resellerId);
    // healthOf loaded it through the request's loader (and refused an unknown id).
    const reseller = (await ctx.loaders.byId(Reseller).load(resellerId))!;
    return {
      reseller,
      health,
      history: await ctx.em.find(PartnerHealthSnapshot, { reseller, computedOn: { $gte: addDaysToDate(today(ctx), -90) } }, { orderBy: { computedOn: 'asc' } }),
      openAlerts: await ctx.em.find(PartnerAlert, { reseller, status: { $ne: AlertStatus.RESOLVED } }, { orderBy: { createdAt: 'desc' } }),
      interventions: await ctx.em.find(Intervention, { reseller }, { orderBy: { dueDate: 'desc' }, limit: 50 }),
      targets: await targetsOf(ctx, reseller.id),
      latestSurvey: await ctx.em.findOne(SatisfactionSurvey, { reseller }, { orderBy: { surveyedOn: 'desc', createdAt: 'desc' } }),
    };
  }

  @Authorized(...PARTNER_TEAM)
  @Mutation(() => RecomputePartnerHealthPayload, { description: 'Scores partner health now (the daily job does it every night) and raises or resolves alerts.' })
  async recomputePartnerHealth(@Arg('input', () => ResellerOptionalInput, { nullable: true }) input: ResellerOptionalInput | null, @Ctx() ctx: Context) {
    const result = await recomputePartnerHealth(ctx, input?.resellerId ?? null);
    // SPEC §6 emergency response: a CRITICAL alert gets its escalation at once, not at the next daily cycle.
    for (const alertId of await criticalAlertsWithoutResponse(ctx)) await ctx.app.scheduler.enqueueAfterCommit('emergency-response', ctx.actor!.tenantId, { alertId }, ctx.actor!.label);
    return result;
  }

  @Authorized(...PARTNER_TEAM)
  @Mutation(() => PartnerTargetsPayload)
  async setPartnerTargets(@Arg('input') input: SetPartnerTargetsInput, @Ctx() ctx: Context) {
    const target = await setPartnerTargets(ctx, input);
    return { targets: await targetsOf(ctx, target.reseller.id) };
  }

  @Authorized(...PARTNER_TEAM)
  @Mutation(() => SatisfactionSurveyPayload)
  async recordSatisfactionSurvey(@Arg('input') input: RecordSatisfactionSurveyInput, @Ctx() ctx: Context) {
    return { survey: await recordSatisfactionSurvey(ctx, input) };
  }

  @Authorized(...PARTNER_TEAM)
  @Mutation(() => AlertPayload)
  async acknowledgeAlert(@Arg('input') input: AlertIdInput, @Ctx() ctx: Context) {
    return { alert: await acknowledgeAlert(ctx, input.alertId) };
  }

  @Authorized(...PARTNER_TEAM)
  @Mutation(() => AlertPayload)
  async resolveAlert(@Arg('input') input: ResolveAlertInput, @Ctx() ctx: Context) {
    return { alert: await resolveAlert(ctx, input) };
  }

  @Authorized(...PARTNER_TEAM)
  @Mutation(() => InterventionPayload)
  async planIntervention(@Arg('input') input: PlanInterventionInput, @Ctx() ctx: Context) {
    return { intervention: await planIntervention(ctx, input) };
  }

  @Authorized(...PARTNER_TEAM)
  @Mutation(() => InterventionPayload)
  async updateIntervention(@Arg('input') input: UpdateInterventionInput, @Ctx() ctx: Context) {
    return { intervention: await updateIntervention(ctx, input) };
  }
}

@Authorized(...STAFF_ROLES)
@Resolver(() => PartnerAlert)
export class PartnerAlertResolver {
  @FieldResolver(() => Reseller)
  reseller(@Root() alert: PartnerAlert, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Reseller).load(alert.reseller.id);
  }

  @FieldResolver(() => [Intervention])
  interventions(@Root() alert: PartnerAlert, @Ctx() ctx: Context) {
    return ctx.loaders.manyBy(Intervention, 'alert').load(alert.id);
  }
}

@Authorized(...STAFF_ROLES)
@Resolver(() => Intervention)
export class InterventionResolver {
  @FieldResolver(() => Reseller)
  reseller(@Root() intervention: Intervention, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Reseller).load(intervention.reseller.id);
  }

  @FieldResolver(() => PartnerAlert, { nullable: true })
  alert(@Root() intervention: Intervention, @Ctx() ctx: Context) {
    return intervention.alert ? ctx.loaders.byId(PartnerAlert).load(intervention.alert.id) : null;
  }

  @FieldResolver(() => Boolean)
  overdue(@Root() intervention: Intervention, @Ctx() ctx: Context) {
    return (intervention.status === InterventionStatus.PLANNED || intervention.status === InterventionStatus.IN_PROGRESS) && intervention.dueDate < today(ctx);
  }
}

@Authorized(...STAFF_ROLES, ...RESELLER_ROLES)
@Resolver(() => PartnerHealthType)
export class PartnerHealthResolver {
  // Resolved only when asked for (a dashboard showing the score does not read the targets).
  @FieldResolver(() => PartnerTargetsView, { description: 'The targets revenue performance and acquisition are measured against.' })
  targets(@Root() health: PartnerHealthType, @Ctx() ctx: Context) {
    return targetsOf(ctx, health.resellerId);
  }
}

@Authorized(...STAFF_ROLES, ...RESELLER_ROLES)
@Resolver(() => PartnerHealthSnapshot)
export class PartnerHealthSnapshotResolver {
  @FieldResolver(() => [PartnerHealthComponentType])
  components(@Root() snapshot: PartnerHealthSnapshot) {
    return snapshot.components;
  }
}

@Authorized(...STAFF_ROLES)
@Resolver(() => PartnerTarget)
export class PartnerTargetResolver {
  @FieldResolver(() => Money)
  revenueTarget(@Root() target: PartnerTarget, @Ctx() ctx: Context) {
    return moneyOf(ctx, target.revenueTargetCents);
  }
}
