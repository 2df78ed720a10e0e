import { MoneyFormatError, parseMoney, parseRate, RateFormatError, formatMoney, formatRate } from '@reseller-hub/shared-schema/money';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../app/context.js';
import { AppError, badInput, conflict, notFound } from '../../shared/errors.js';
import { requirePeriod } from '../../shared/period.js';
import { isUuid } from '../../shared/validation.js';
import { recordAudit } from '../audit/audit.service.js';
import { Reseller } from '../resellers/reseller.entity.js';
import { actorTenant } from '../tenants/tenant.service.js';
import { PlanType } from './commission.enums.js';
import { CommissionPlan, CommissionPlanAssignment, CommissionPlanVersion, type StoredTier } from './commission-plan.entity.js';
import type { PlanTermsInput, PlanVersionView } from './commission-plan.inputs.js';
import { CommissionPeriodClose } from './commission-run.entity.js';

type Terms = Pick<
  CommissionPlanVersion,
  'rateUnits' | 'perNewCustomerCents' | 'perActiveCustomerCents' | 'tiers' | 'tierMode' | 'holdingDays' | 'monthlyCapCents' | 'minimumPayoutCents' | 'paymentTermsDays'
>;

/** The latest closed period of the tenant, or null. Periods close in order, so all before it are closed too. */
export async function lastClosedPeriod(em: EntityManager): Promise<string | null> {
  const latest = await em.findOne(CommissionPeriodClose, {}, { orderBy: { period: 'desc' } });
  return latest?.period ?? null;
}

/** A change that takes effect from `period` must not reach into a closed period (SPEC §4). */
async function assertOpenPeriod(em: EntityManager, period: string, field = 'effectiveFrom') {
  requirePeriod(period, field);
  const closed = await lastClosedPeriod(em);
  if (closed && period <= closed) throw conflict(`${period} is closed (periods up to ${closed} are closed); choose a later period`);
}

/** Validates plan terms for the plan type and converts them to stored units (cents, rate units). */
export function parseTerms(type: PlanType, input: PlanTermsInput): Terms {
  const fieldErrors: Record<string, string> = {};
  const money = (field: string, value: string | null | undefined, { required = false, positive = false } = {}): bigint | null => {
    if (value === null || value === undefined || value === '') {
      if (required) fieldErrors[field] = 'Required for this plan type';
      return null;
    }
    try {
      const cents = parseMoney(value);
      if (cents < 0n || (positive && cents === 0n)) fieldErrors[field] = positive ? 'Must be more than 0' : 'Cannot be negative';
      return cents;
    } catch (error) {
      if (!(error instanceof MoneyFormatError)) throw error;
      fieldErrors[field] = 'Use a decimal amount with at most 2 decimals';
      return null;
    }
  };
  const rate = (field: string, value: string | null | undefined): number | null => {
    if (value === null || value === undefined || value === '') {
      fieldErrors[field] = 'Required for this plan type';
      return null;
    }
    try {
      return Number(parseRate(value));
    } catch (error) {
      if (!(error instanceof RateFormatError)) throw error;
      fieldErrors[field] = 'Use a decimal rate from 0 to 1 with at most 4 places, e.g. 0.1250';
      return null;
    }
  };
  const terms: Terms = {
    rateUnits: null,
    perNewCustomerCents: null,
    perActiveCustomerCents: null,
    tiers: null,
    tierMode: null,
    holdingDays: input.holdingDays ?? 0,
    monthlyCapCents: money('monthlyCap', input.monthlyCap, { positive: true }),
    minimumPayoutCents: money('minimumPayout', input.minimumPayout) ?? 5000n,
    paymentTermsDays: input.paymentTermsDays ?? 30,
  };
  if (terms.holdingDays < 0 || terms.holdingDays > 365) fieldErrors.holdingDays = 'From 0 to 365 days';
  if (terms.paymentTermsDays < 0 || terms.paymentTermsDays > 365) fieldErrors.paymentTermsDays = 'From 0 to 365 days';
  if (type === PlanType.PERCENTAGE) terms.rateUnits = rate('rate', input.rate);
  if (type === PlanType.FLAT_FEE) {
    terms.perNewCustomerCents = money('perNewCustomer', input.perNewCustomer) ?? 0n;
    terms.perActiveCustomerCents = money('perActiveCustomer', input.perActiveCustomer) ?? 0n;
    if (terms.perNewCustomerCents === 0n && terms.perActiveCustomerCents === 0n && !fieldErrors.perNewCustomer && !fieldErrors.perActiveCustomer) {
      fieldErrors.perNewCustomer = 'Give a fee per new or per active customer';
    }
  }
  if (type === PlanType.TIERED) {
    const tiers = input.tiers ?? [];
    if (tiers.length === 0 || tiers.length > 20) fieldErrors.tiers = 'Give 1 to 20 tiers';
    const stored: StoredTier[] = [];
    tiers.forEach((tier, index) => {
      const from = money(`tiers.${index}.from`, tier.from, { required: true });
      const tierRate = rate(`tiers.${index}.rate`, tier.rate);
      if (from !== null && tierRate !== null) stored.push({ fromCents: from.toString(), rateUnits: tierRate });
    });
    if (stored.length && stored[0]!.fromCents !== '0') fieldErrors['tiers.0.from'] = 'The first tier starts at 0';
    for (let i = 1; i < stored.length; i++) {
      if (BigInt(stored[i]!.fromCents) <= BigInt(stored[i - 1]!.fromCents)) fieldErrors[`tiers.${i}.from`] = 'Tiers must go up';
    }
    terms.tiers = stored;
    terms.tierMode = input.tierMode ?? null;
    if (!terms.tierMode) fieldErrors.tierMode = 'Choose WHOLE or MARGINAL';
  }
  if (Object.keys(fieldErrors).length) {
    throw new AppError('BAD_USER_INPUT', `Invalid plan terms — ${Object.entries(fieldErrors).map(([f, m]) => `${f}: ${m}`).join('; ')}`, { fieldErrors });
  }
  return terms;
}

export function versionView(version: CommissionPlanVersion): PlanVersionView {
  return {
    id: version.id,
    version: version.version,
    effectiveFrom: version.effectiveFrom,
    rate: version.rateUnits === null ? null : formatRate(BigInt(version.rateUnits)),
    perNewCustomer: version.perNewCustomerCents === null ? null : formatMoney(version.perNewCustomerCents),
    perActiveCustomer: version.perActiveCustomerCents === null ? null : formatMoney(version.perActiveCustomerCents),
    tiers: version.tiers?.map((tier) => ({ from: formatMoney(BigInt(tier.fromCents)), rate: formatRate(BigInt(tier.rateUnits)) })) ?? null,
    tierMode: version.tierMode,
    holdingDays: version.holdingDays,
    monthlyCap: version.monthlyCapCents === null ? null : formatMoney(version.monthlyCapCents),
    minimumPayout: formatMoney(version.minimumPayoutCents),
    paymentTermsDays: version.paymentTermsDays,
  };
}

export async function createCommissionPlan(ctx: Context, input: { name: string; description?: string | null; type: PlanType; effectiveFrom: string; terms: PlanTermsInput; isDefault?: boolean | null }) {
  const name = input.name?.trim();
  if (!name || name.length > 100) throw badInput('Give the plan a name (at most 100 characters)', { name: 'Required, at most 100 characters' });
  const terms = parseTerms(input.type, input.terms);
  const tenant = await actorTenant(ctx);
  return ctx.em.transactional(async (tx) => {
    await assertOpenPeriod(tx, input.effectiveFrom);
    if (await tx.count(CommissionPlan, { name })) throw conflict(`A plan named "${name}" exists`, { field: 'name' });
    if (input.isDefault) await tx.nativeUpdate(CommissionPlan, { isDefault: true }, { isDefault: false });
    const plan = tx.create(CommissionPlan, { tenant, name, description: input.description?.trim() || null, type: input.type, isDefault: !!input.isDefault });
    tx.create(CommissionPlanVersion, { tenant, plan, version: 1, effectiveFrom: input.effectiveFrom, ...terms });
    recordAudit(tx, tenant, ctx.actor, { action: 'commission_plan.created', entityType: 'CommissionPlan', entityId: plan.id, data: { name, type: input.type, effectiveFrom: input.effectiveFrom } });
    return plan;
  });
}

export async function createCommissionPlanVersion(ctx: Context, input: { planId: string; effectiveFrom: string; terms: PlanTermsInput }) {
  const tenant = await actorTenant(ctx);
  return ctx.em.transactional(async (tx) => {
    const plan = isUuid(input.planId) ? await tx.findOne(CommissionPlan, { id: input.planId }) : null;
    if (!plan) throw notFound('Commission plan');
    const terms = parseTerms(plan.type, input.terms);
    await assertOpenPeriod(tx, input.effectiveFrom);
    const latest = await tx.findOne(CommissionPlanVersion, { plan }, { orderBy: { version: 'desc' } });
    if (latest && input.effectiveFrom <= latest.effectiveFrom) {
      throw conflict(`Version ${latest.version} starts ${latest.effectiveFrom}; a new version must start later`);
    }
    const version = tx.create(CommissionPlanVersion, { tenant, plan, version: (latest?.version ?? 0) + 1, effectiveFrom: input.effectiveFrom, ...terms });
    recordAudit(tx, tenant, ctx.actor, { action: 'commission_plan.versioned', entityType: 'CommissionPlan', entityId: plan.id, data: { version: version.version, effectiveFrom: input.effectiveFrom } });
    return plan;
  });
}

export async function assignCommissionPlan(ctx: Context, input: { resellerId: string; planId: string; effectiveFrom: string }) {
  const tenant = await actorTenant(ctx);
  return ctx.em.transactional(async (tx) => {
    const reseller = isUuid(input.resellerId) ? await tx.findOne(Reseller, { id: input.resellerId }) : null;
    if (!reseller) throw notFound('Reseller');
    const plan = isUuid(input.planId) ? await tx.findOne(CommissionPlan, { id: input.planId }) : null;
    if (!plan) throw notFound('Commission plan');
    await assertOpenPeriod(tx, input.effectiveFrom);
    // Re-assigning from the same period replaces that assignment (the period has not closed yet).
    await tx.nativeDelete(CommissionPlanAssignment, { reseller, effectiveFrom: { $gte: input.effectiveFrom } });
    tx.create(CommissionPlanAssignment, { tenant, reseller, plan, effectiveFrom: input.effectiveFrom });
    recordAudit(tx, tenant, ctx.actor, { action: 'reseller.plan_assigned', entityType: 'Reseller', entityId: reseller.id, data: { planId: plan.id, plan: plan.name, effectiveFrom: input.effectiveFrom } });
    return { resellerId: reseller.id, plan, effectiveFrom: input.effectiveFrom };
  });
}
