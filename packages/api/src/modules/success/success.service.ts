import { formatMoney } from '@reseller-hub/shared-schema/money';
import { z } from 'zod';
import type { Context } from '../../app/context.js';
import { lockForUpdate } from '../../db/locking.js';
import { conflict, notFound } from '../../shared/errors.js';
import { addDaysToDate, isDate, previousPeriod } from '../../shared/period.js';
import { isUuid, moneyAmount, optionalText, parseInput, requiredText } from '../../shared/validation.js';
import { recordAudit } from '../audit/audit.service.js';
import { Reseller } from '../resellers/reseller.entity.js';
import { actorTenant } from '../tenants/tenant.service.js';
import { firingRules } from './alert-rules.js';
import { partnerHealth, type PartnerHealthInput } from './partner-health.js';
import { AlertStatus, Intervention, InterventionStatus, InterventionType, PartnerAlert, PartnerHealthSnapshot, PartnerTarget, SatisfactionSurvey } from './success.entity.js';
import { SuccessRepository } from './success.repository.js';

export const DEFAULT_REVENUE_TARGET_CENTS = 2_500_000n;
export const DEFAULT_NEW_CUSTOMERS_TARGET = 5;
const DAY = 86_400_000;
const today = (ctx: Context) => ctx.app.clock.now().toISOString().slice(0, 10);

/**
 * `recomputePartnerHealth`: gathers every input for all resellers of the tenant (or one) in a
 * fixed handful of aggregate queries, scores them with the pure function, stores one dated snapshot
 * per reseller (a second run the same day replaces it), then evaluates the alert rules: a rule that
 * fires opens an alert unless one is open for that rule and reseller; an open alert whose rule no
 * longer fires is resolved automatically, recorded as such. One transaction; idempotent per day.
 */
export async function recomputePartnerHealth(ctx: Context, resellerId: string | null = null) {
  const tenant = await actorTenant(ctx);
  if (resellerId !== null && (!isUuid(resellerId) || !(await ctx.em.findOne(Reseller, { id: resellerId })))) throw notFound('Reseller');
  const now = ctx.app.clock.now();
  const day = today(ctx);
  const thisMonth = day.slice(0, 7);
  const months: string[] = [previousPeriod(thisMonth)];
  while (months.length < 7) months.unshift(previousPeriod(months[0]!));
  return ctx.em.transactional(async (tx) => {
    const repository = new SuccessRepository(tx, tenant.id, resellerId);
    const resellers = await repository.resellers(day);
    const revenue = new Map<string, Map<string, bigint>>();
    for (const row of await repository.monthlyRevenue(`${months[0]}-01`, `${thisMonth}-01`)) {
      if (!revenue.has(row.reseller_id)) revenue.set(row.reseller_id, new Map());
      revenue.get(row.reseller_id)!.set(row.month, BigInt(row.cents));
    }
    const customers = new Map((await repository.customerFigures(day)).map((row) => [row.reseller_id, row]));
    const churn = new Map((await repository.churn(new Date(now.getTime() - 90 * DAY), now)).map((row) => [row.reseller_id, row]));
    const earlier = new Map((await repository.scoresOnOrBefore(addDaysToDate(day, -30))).map((row) => [row.reseller_id, row.score]));
    const open = await repository.openAlerts();

    const snapshots = [];
    const toOpen: { resellerId: string; rule: string; severity: string; message: string; score: number | null }[] = [];
    const stillFiring = new Set<string>();
    for (const reseller of resellers) {
      const figures = customers.get(reseller.id);
      const churned = churn.get(reseller.id);
      const monthly = months.map((month) => revenue.get(reseller.id)?.get(month) ?? 0n);
      const input: PartnerHealthInput = {
        revenueTargetCents: reseller.revenue_target_cents === null ? DEFAULT_REVENUE_TARGET_CENTS : BigInt(reseller.revenue_target_cents),
        newCustomersTarget: reseller.new_customers_per_month ?? DEFAULT_NEW_CUSTOMERS_TARGET,
        monthlyRevenueCents: monthly,
        newCustomers30d: figures?.new30 ?? 0,
        newCustomers90d: figures?.new90 ?? 0,
        customersAtWindowStart: churned?.base ?? 0,
        churned90d: churned?.churned ?? 0,
        portalLoginDays30d: reseller.login_days_30d,
        onboardingCompletionPercent: reseller.onboarding_total > 0 ? Math.round((100 * reseller.onboarding_done) / reseller.onboarding_total) : null,
        daysSinceLastInteraction: figures?.last_interaction ? Math.round((Date.parse(day) - Date.parse(figures.last_interaction)) / DAY) : null,
        openDisputes: reseller.open_disputes,
        overdueOnboardingTasks: reseller.onboarding_overdue,
        complaints90d: figures?.complaints90 ?? 0,
        customerCount: figures?.customers ?? 0,
        customersWithCompleteData: figures?.complete ?? 0,
        latestSurveyRating: reseller.latest_rating,
      };
      const health = partnerHealth(input);
      snapshots.push({
        resellerId: reseller.id,
        score: health.score,
        band: health.band,
        components: health.components,
        inputs: { ...input, revenueTargetCents: formatMoney(input.revenueTargetCents), monthlyRevenue: Object.fromEntries(months.map((month, index) => [month, formatMoney(monthly[index]!)])), monthlyRevenueCents: undefined },
      });
      const fired = firingRules({
        score: health.score,
        band: health.band,
        score30dAgo: earlier.get(reseller.id) ?? null,
        newCustomers60d: figures?.new60 ?? 0,
        partnerAgeDays: Math.floor((now.getTime() - new Date(reseller.approved_at).getTime()) / DAY),
        customersAtWindowStart: input.customersAtWindowStart,
        churned90d: input.churned90d,
        revenueLastMonthCents: monthly[6]!,
        revenuePreviousMonthCents: monthly[5]!,
        maxOnboardingDaysOverdue: reseller.max_days_overdue,
      });
      for (const { rule, message } of fired) {
        stillFiring.add(`${reseller.id}:${rule.code}`);
        if (!open.some((alert) => alert.reseller_id === reseller.id && alert.rule === rule.code)) toOpen.push({ resellerId: reseller.id, rule: rule.code, severity: rule.severity, message, score: health.score });
      }
    }
    await repository.storeSnapshots(day, now, snapshots);
    await repository.openNewAlerts(now, toOpen);
    const cleared = open.filter((alert) => !stillFiring.has(`${alert.reseller_id}:${alert.rule}`)).map((alert) => alert.id);
    await repository.autoResolve(now, cleared);
    return { scored: snapshots.length, alertsOpened: toOpen.length, alertsResolved: cleared.length };
  });
}

const POSITIVE_AMOUNT = 'A positive amount with at most 2 decimals, e.g. 25000.00';

const TargetsSchema = z.object({
  resellerId: z.string(),
  revenueTarget: moneyAmount(POSITIVE_AMOUNT).refine((cents) => cents > 0n, POSITIVE_AMOUNT),
  newCustomersPerMonth: z.number().int('A whole number').min(1, 'At least 1').max(100_000, 'At most 100,000'),
});

/** An admin sets a reseller's monthly targets (audited); the next recompute scores against them. */
export async function setPartnerTargets(ctx: Context, input: z.input<typeof TargetsSchema>): Promise<PartnerTarget> {
  const parsed = parseInput(TargetsSchema, input);
  if (!isUuid(parsed.resellerId)) throw notFound('Reseller');
  const tenant = await actorTenant(ctx);
  return ctx.em.transactional(async (tx) => {
    const reseller = await lockForUpdate(tx, Reseller, parsed.resellerId);
    if (!reseller) throw notFound('Reseller');
    let target = await tx.findOne(PartnerTarget, { reseller });
    const values = { revenueTargetCents: parsed.revenueTarget, newCustomersPerMonth: parsed.newCustomersPerMonth, updatedBy: ctx.actor!.label };
    if (target) Object.assign(target, values);
    else target = tx.create(PartnerTarget, { tenant, reseller, ...values });
    recordAudit(tx, tenant, ctx.actor, { action: 'partner.targets_set', entityType: 'Reseller', entityId: reseller.id, data: { revenueTarget: formatMoney(parsed.revenueTarget), newCustomersPerMonth: parsed.newCustomersPerMonth } });
    return target;
  });
}

const SurveySchema = z.object({
  resellerId: z.string(),
  rating: z.number().int('A whole number from 1 to 5').min(1, 'From 1 to 5').max(5, 'From 1 to 5'),
  surveyedOn: z.string().refine(isDate, 'Use a date YYYY-MM-DD').nullish(),
  comment: optionalText(2000),
});

export async function recordSatisfactionSurvey(ctx: Context, input: z.input<typeof SurveySchema>): Promise<SatisfactionSurvey> {
  const parsed = parseInput(SurveySchema, input);
  if (parsed.surveyedOn && parsed.surveyedOn > today(ctx)) parseInput(z.object({ surveyedOn: z.string().max(0, 'Cannot be in the future') }), { surveyedOn: parsed.surveyedOn });
  if (!isUuid(parsed.resellerId)) throw notFound('Reseller');
  const tenant = await actorTenant(ctx);
  return ctx.em.transactional(async (tx) => {
    const reseller = await tx.findOne(Reseller, { id: parsed.resellerId });
    if (!reseller) throw notFound('Reseller');
    const survey = tx.create(SatisfactionSurvey, { tenant, reseller, rating: parsed.rating, surveyedOn: parsed.surveyedOn ?? today(ctx), comment: parsed.comment, recordedBy: ctx.actor!.label });
    recordAudit(tx, tenant, ctx.actor, { action: 'partner.survey_recorded', entityType: 'Reseller', entityId: reseller.id, data: { rating: parsed.rating } });
    return survey;
  });
}

async function lockAlert(tx: Context['em'], alertId: string): Promise<PartnerAlert> {
  const alert = isUuid(alertId) ? await lockForUpdate(tx, PartnerAlert, alertId) : null;
  if (!alert) throw notFound('Alert');
  return alert;
}

export async function acknowledgeAlert(ctx: Context, alertId: string): Promise<PartnerAlert> {
  return ctx.em.transactional(async (tx) => {
    const alert = await lockAlert(tx, alertId);
    if (alert.status === AlertStatus.ACKNOWLEDGED) return alert;
    if (alert.status !== AlertStatus.OPEN) throw conflict('The alert is resolved');
    alert.status = AlertStatus.ACKNOWLEDGED;
    alert.acknowledgedAt = ctx.app.clock.now();
    alert.acknowledgedBy = ctx.actor!.label;
    return alert;
  });
}

export async function resolveAlert(ctx: Context, input: { alertId: string; note: string }): Promise<PartnerAlert> {
  const { note } = parseInput(z.object({ note: requiredText(2000) }), { note: input.note });
  const tenant = await actorTenant(ctx);
  return ctx.em.transactional(async (tx) => {
    const alert = await lockAlert(tx, input.alertId);
    if (alert.status === AlertStatus.RESOLVED) throw conflict('The alert is already resolved');
    Object.assign(alert, { status: AlertStatus.RESOLVED, resolvedAt: ctx.app.clock.now(), resolvedBy: ctx.actor!.label, resolution: note });
    recordAudit(tx, tenant, ctx.actor, { action: 'partner.alert_resolved', entityType: 'Reseller', entityId: alert.reseller.id, reason: note, data: { rule: alert.rule } });
    return alert;
  });
}

/** The reseller's latest score (null before the first recompute). */
export async function latestScore(em: Context['em'], resellerId: string): Promise<number | null> {
  const snapshot = await em.findOne(PartnerHealthSnapshot, { reseller: resellerId }, { orderBy: { computedOn: 'desc' } });
  return snapshot?.score ?? null;
}

const PlanSchema = z
  .object({
    alertId: z.string().nullish(),
    resellerId: z.string().nullish(),
    type: z.enum(InterventionType),
    owner: requiredText(200),
    dueDate: z.string().refine(isDate, 'Use a date YYYY-MM-DD'),
    notes: optionalText(5000),
  })
  .refine((input) => !!input.alertId !== !!input.resellerId, { path: ['alertId'], message: 'Give an alert or a reseller (one of them)' });

/** Plans an intervention from an alert (which it acknowledges) or for a reseller; records the score now. */
export async function planIntervention(ctx: Context, input: z.input<typeof PlanSchema>): Promise<Intervention> {
  const parsed = parseInput(PlanSchema, input);
  if (parsed.dueDate < today(ctx)) parseInput(z.object({ dueDate: z.string().max(0, 'Cannot be in the past') }), { dueDate: parsed.dueDate });
  const tenant = await actorTenant(ctx);
  return ctx.em.transactional(async (tx) => {
    let alert: PartnerAlert | null = null;
    let resellerId = parsed.resellerId ?? null;
    if (parsed.alertId) {
      alert = await lockAlert(tx, parsed.alertId);
      resellerId = alert.reseller.id;
      if (alert.status === AlertStatus.OPEN) Object.assign(alert, { status: AlertStatus.ACKNOWLEDGED, acknowledgedAt: ctx.app.clock.now(), acknowledgedBy: ctx.actor!.label });
    }
    const reseller = resellerId && isUuid(resellerId) ? await tx.findOne(Reseller, { id: resellerId }) : null;
    if (!reseller) throw notFound('Reseller');
    const intervention = tx.create(Intervention, { tenant, reseller, alert, type: parsed.type, owner: parsed.owner, dueDate: parsed.dueDate, notes: parsed.notes, scoreBefore: await latestScore(tx, reseller.id), createdBy: ctx.actor!.label });
    recordAudit(tx, tenant, ctx.actor, { action: 'partner.intervention_planned', entityType: 'Reseller', entityId: reseller.id, data: { type: parsed.type, owner: parsed.owner, dueDate: parsed.dueDate } });
    return intervention;
  });
}

const UpdateSchema = z.object({
  interventionId: z.string(),
  status: z.enum(InterventionStatus),
  outcome: optionalText(5000),
});

/** Moves an intervention on; DONE needs an outcome and records the score after. */
export async function updateIntervention(ctx: Context, input: z.input<typeof UpdateSchema>): Promise<Intervention> {
  const parsed = parseInput(UpdateSchema, input);
  if (parsed.status === InterventionStatus.DONE && !parsed.outcome) parseInput(z.object({ outcome: requiredText(5000) }), { outcome: '' });
  return ctx.em.transactional(async (tx) => {
    const intervention = isUuid(parsed.interventionId) ? await lockForUpdate(tx, Intervention, parsed.interventionId) : null;
    if (!intervention) throw notFound('Intervention');
    if (intervention.status === InterventionStatus.DONE || intervention.status === InterventionStatus.CANCELLED) throw conflict(`The intervention is ${intervention.status.toLowerCase()}`);
    intervention.status = parsed.status;
    if (parsed.outcome) intervention.outcome = parsed.outcome;
    if (parsed.status === InterventionStatus.DONE) {
      intervention.completedAt = ctx.app.clock.now();
      intervention.scoreAfter = await latestScore(tx, intervention.reseller.id);
    }
    return intervention;
  });
}
