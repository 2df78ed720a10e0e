/**
 * Tier math of TIERED commission plans (SPEC §4), pure and exact (bigint cents, rate units of
 * 1/10000). The commission engine uses it to find the tier a reseller reached, the reseller-level
 * amount (WHOLE or MARGINAL) and how that amount is split back over the reseller's customers.
 */
import { allocateLargestRemainder, applyRate, RATE_SCALE, roundHalfEven } from '../../../../shared-schema/money.js';

export type TierMode = 'WHOLE' | 'MARGINAL';

/** A tier starts at `fromCents` (inclusive) and runs up to the next tier's `fromCents` (exclusive). */
export interface Tier {
  fromCents: bigint;
  rateUnits: bigint;
}

/** The part of the reseller's revenue that falls inside one tier (MARGINAL mode). */
export interface TierSlice {
  tierIndex: number;
  fromCents: bigint;
  /** Exclusive upper bound; null for the last tier. */
  toCents: bigint | null;
  sliceCents: bigint;
  rateUnits: bigint;
}

export interface TieredAmount {
  /** The reseller-level commission, rounded half-to-even to the cent once. */
  amountCents: bigint;
  /** 0-based index of the tier reached (0 when the revenue is zero or less). */
  tierIndex: number;
  /** The single rate applied: the tier reached (WHOLE), or the first tier when revenue ≤ 0 (both modes); null for MARGINAL. */
  rateUnits: bigint | null;
  /** MARGINAL with positive revenue: the non-empty slices; otherwise empty. */
  slices: TierSlice[];
}

/** A plan whose terms cannot be computed (missing or inconsistent fields). */
export class CommissionPlanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommissionPlanError';
  }
}

/**
 * Checks the tier table: at least one tier, the first starting at 0, strictly ascending starts,
 * rates between 0 and 1. Returns the tiers typed as a non-empty tuple.
 */
export function validateTiers(tiers: readonly Tier[] | undefined): readonly [Tier, ...Tier[]] {
  if (!tiers || tiers.length === 0) throw new CommissionPlanError('a TIERED plan needs at least one tier');
  const [first, ...rest] = tiers;
  if (!first || first.fromCents !== 0n) throw new CommissionPlanError('the first tier must start at 0');
  tiers.forEach((tier, index) => {
    if (tier.rateUnits < 0n || tier.rateUnits > RATE_SCALE) {
      throw new CommissionPlanError(`tier rate ${tier.rateUnits} is outside 0..${RATE_SCALE}`);
    }
    const previous = tiers[index - 1];
    if (previous && tier.fromCents <= previous.fromCents) {
      throw new CommissionPlanError('tier starts must be strictly ascending');
    }
  });
  return [first, ...rest];
}

/**
 * The 0-based index of the tier reached by `revenueCents`: the last tier whose start is ≤ the
 * revenue, so an amount exactly on a boundary belongs to the higher tier (SPEC §4). Zero or negative
 * revenue reaches the first tier.
 */
export function tierReached(tiers: readonly Tier[], revenueCents: bigint): number {
  let reached = 0;
  tiers.forEach((tier, index) => {
    if (tier.fromCents <= revenueCents) reached = index;
  });
  return reached;
}

/** The non-empty slices of a positive revenue across the tiers (MARGINAL). */
export function marginalSlices(tiers: readonly Tier[], revenueCents: bigint): TierSlice[] {
  const slices: TierSlice[] = [];
  tiers.forEach((tier, index) => {
    const toCents = tiers[index + 1]?.fromCents ?? null;
    const top = toCents === null || revenueCents < toCents ? revenueCents : toCents;
    const sliceCents = top - tier.fromCents;
    if (sliceCents > 0n) slices.push({ tierIndex: index, fromCents: tier.fromCents, toCents, sliceCents, rateUnits: tier.rateUnits });
  });
  return slices;
}

/**
 * The reseller-level amount of a TIERED plan.
 * - Revenue ≤ 0 (SPEC: "a total of zero or less uses the first tier's rate"): first tier's rate on
 *   the whole (negative) total, in both modes — a net clawback at the first tier's rate.
 * - WHOLE: the rate of the tier reached on the whole total, rounded half-to-even once.
 * - MARGINAL (decision): the exact sum Σ sliceᵢ × rateᵢ / 10000 is rounded half-to-even ONCE at the
 *   reseller level (not once per slice), so the amount is the nearest cent to the exact figure and
 *   does not depend on how many tiers the revenue crosses.
 */
export function tieredResellerAmount(tiers: readonly Tier[], mode: TierMode, revenueCents: bigint): TieredAmount {
  const [first] = validateTiers(tiers);
  if (revenueCents <= 0n) {
    return { amountCents: applyRate(revenueCents, first.rateUnits), tierIndex: 0, rateUnits: first.rateUnits, slices: [] };
  }
  const tierIndex = tierReached(tiers, revenueCents);
  if (mode === 'WHOLE') {
    const rateUnits = tiers[tierIndex]?.rateUnits ?? first.rateUnits;
    return { amountCents: applyRate(revenueCents, rateUnits), tierIndex, rateUnits, slices: [] };
  }
  const slices = marginalSlices(tiers, revenueCents);
  const exact = slices.reduce((sum, slice) => sum + slice.sliceCents * slice.rateUnits, 0n);
  return { amountCents: roundHalfEven(exact, RATE_SCALE), tierIndex, rateUnits: null, slices };
}

/** How {@link allocateTieredAmount} split the reseller amount. */
export type TierAllocationMethod = 'LARGEST_REMAINDER_BY_REVENUE' | 'FIRST_TIER_RATE_BY_REVENUE';

/**
 * Splits the reseller-level amount over its customers so the parts sum EXACTLY to `amountCents`.
 *
 * - Total revenue R > 0: `allocateLargestRemainder(amount, revenues)` — in proportion to each
 *   customer's revenue, largest remainder on cents (SPEC §4). A customer whose refunds exceed their
 *   payments (negative revenue) gets a negative share, i.e. a clawback at the same effective rate.
 * - R ≤ 0 (decision): there is no positive total to take proportions of (R = 0 with mixed customers
 *   would be 0/0). Each customer's exact quota is the first tier's rate on their own revenue,
 *   revenueᵢ × rate / 10000 (these quotas sum exactly to rate × R, which is within half a cent of
 *   `amountCents`), and the cents are apportioned by largest remainder to hit `amountCents`
 *   exactly. When R < 0 this is the same proportion as the revenues; when R = 0 a customer who paid
 *   still shows their earning and a customer who was refunded shows the clawback, netting to 0.
 *   A negative target is apportioned as its absolute value and negated, like
 *   allocateLargestRemainder.
 */
export function allocateTieredAmount(
  amountCents: bigint,
  revenuesCents: readonly bigint[],
  firstTierRateUnits: bigint,
): { parts: bigint[]; method: TierAllocationMethod } {
  const revenue = revenuesCents.reduce((sum, cents) => sum + cents, 0n);
  if (revenue > 0n) {
    return { parts: allocateLargestRemainder(amountCents, revenuesCents), method: 'LARGEST_REMAINDER_BY_REVENUE' };
  }
  const numerators = revenuesCents.map((cents) => cents * firstTierRateUnits);
  return { parts: apportionToTarget(amountCents, numerators, RATE_SCALE), method: 'FIRST_TIER_RATE_BY_REVENUE' };
}

/**
 * Largest-remainder apportionment of exact quotas numeratorᵢ / denominator to an integer `target`
 * that is within half a unit of Σ quotas: floors toward −∞, then one extra unit each to the largest
 * remainders (ties → lower index) until the parts sum to `target`. A negative target is handled as
 * its absolute value with the numerators negated, and the parts negated back.
 */
export function apportionToTarget(target: bigint, numerators: readonly bigint[], denominator: bigint): bigint[] {
  if (denominator <= 0n) throw new RangeError('apportionToTarget: the denominator must be positive');
  if (target < 0n) return apportionToTarget(-target, numerators.map((n) => -n), denominator).map((part) => -part);
  const parts: bigint[] = [];
  const remainders: { index: number; remainder: bigint }[] = [];
  let allocated = 0n;
  numerators.forEach((numerator, index) => {
    let part = numerator / denominator;
    if (numerator % denominator < 0n) part -= 1n;
    parts.push(part);
    remainders.push({ index, remainder: numerator - part * denominator });
    allocated += part;
  });
  let leftover = target - allocated;
  if (leftover < 0n || leftover > BigInt(parts.length)) {
    throw new RangeError('apportionToTarget: the target is too far from the sum of the quotas');
  }
  remainders.sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of remainders) {
    if (leftover === 0n) break;
    parts[index] = (parts[index] ?? 0n) + 1n;
    leftover -= 1n;
  }
  return parts;
}
