/**
 * The pure commission calculation core (SPEC §4 "Commissions"): from one plan version and the paid
 * billing records counted in a period for one reseller, the commission lines and the reseller total.
 *
 * No I/O and no floats: money is bigint cents, rates are bigint units of 1/10000, and every
 * amount goes through the shared money helpers. The caller (the monthly run, reconciliation)
 * decides which records count in the period (cash basis, holding days, assignment on the paid date,
 * late records as adjustments) and which customers are new; this module only computes.
 *
 * Invariants, tested: `totalCents` is the sum of the lines (CAP line included); for TIERED plans the
 * customer lines sum exactly to the reseller-level amount; with a cap, the total never exceeds it.
 *
 * Decisions where the SPEC is silent (each also noted where it applies):
 * - Lines: every customer with at least one record gets a line, even when it nets to 0 (so a
 *   partner sees why a payment earned nothing, e.g. a refund that cancelled it). A customer without
 *   records gets no line, except under FLAT_FEE when a fee is due (the caller flagged it new).
 * - Lines come in the order of `customers`, the CAP line last.
 * - A customer listed twice is a caller error (CommissionPlanError), not merged silently.
 */
import { applyRate, formatMoneyDisplay, formatPercent, RATE_SCALE } from '../../../../shared-schema/money.js';
import {
  allocateTieredAmount,
  CommissionPlanError,
  tieredResellerAmount,
  validateTiers,
  type Tier,
  type TierMode,
  type TierSlice,
} from './tier-allocation.js';

export { CommissionPlanError } from './tier-allocation.js';
export type { Tier, TierMode } from './tier-allocation.js';

export type PlanType = 'PERCENTAGE' | 'FLAT_FEE' | 'TIERED';

export interface PlanTerms {
  planVersionId: string;
  planName: string;
  version: number;
  type: PlanType;
  /** PERCENTAGE: rate units of 1/10000, 0..10000. */
  rateUnits?: bigint;
  /** FLAT_FEE (either may be 0n; a missing one counts as 0n). */
  perNewCustomerCents?: bigint;
  perActiveCustomerCents?: bigint;
  /** TIERED: sorted ascending, the first starting at 0n. */
  tiers?: Tier[];
  tierMode?: TierMode;
  /** Optional on any plan: the reseller's period total never exceeds it. */
  monthlyCapCents?: bigint | null;
}

export interface SourceRecord {
  billingRecordId: string;
  invoiceId: string;
  paidCents: bigint;
  /** YYYY-MM-DD */
  paidDate: string;
}

export interface CustomerInput {
  customerId: string;
  customerName: string;
  /** Paid records counted in this period for this reseller (negatives are refunds / credit notes). */
  records: SourceRecord[];
  /** The first commissionable payment under this reseller falls in this period (FLAT_FEE). */
  isNewInPeriod: boolean;
}

export interface CommissionLineResult {
  kind: 'CUSTOMER' | 'CAP';
  /** null for the CAP line. */
  customerId: string | null;
  /** The customer's commissionable revenue (sum of paidCents); CAP line: reseller total before the cap. */
  baseCents: bigint;
  /** Rate applied: PERCENTAGE; TIERED: the tier reached (WHOLE) or the first tier (revenue ≤ 0); null for MARGINAL. */
  rateUnits: bigint | null;
  /** FLAT_FEE: the fee of this line. */
  feeCents: bigint | null;
  /** TIERED: 0-based tier reached by the reseller. */
  tierIndex: number | null;
  amountCents: bigint;
  /** For a partner, e.g. "12.5 % of $1,204.50 paid on invoice INV-88 = $150.56". */
  trace: string;
  /** Machine readable; bigints as strings so it is JSON-serializable as is. */
  traceData: Record<string, unknown>;
}

export interface ResellerResult {
  lines: CommissionLineResult[];
  totalCents: bigint;
  /** Σ of all customers' commissionable revenue. */
  revenueCents: bigint;
  /** TIERED: the tier reached; null for other plan types. */
  tierIndex: number | null;
}

/** How many invoice ids a trace lists before "and N more". */
const MAX_LISTED_IDS = 5;

export function computeResellerCommission(plan: PlanTerms, customers: CustomerInput[], currency: string): ResellerResult {
  const seen = new Set<string>();
  for (const customer of customers) {
    if (seen.has(customer.customerId)) throw new CommissionPlanError(`customer ${customer.customerId} is listed twice`);
    seen.add(customer.customerId);
  }
  const money = (cents: bigint) => formatMoneyDisplay(cents, currency);
  const summaries = customers.map((customer) => summarize(customer, money));
  const revenueCents = summaries.reduce((sum, summary) => sum + summary.baseCents, 0n);

  let lines: CommissionLineResult[];
  let tierIndex: number | null = null;
  switch (plan.type) {
    case 'PERCENTAGE':
      lines = percentageLines(plan, summaries, money);
      break;
    case 'FLAT_FEE':
      lines = flatFeeLines(plan, summaries, money);
      break;
    case 'TIERED': {
      const tiered = tieredLines(plan, summaries, revenueCents, money);
      lines = tiered.lines;
      tierIndex = tiered.tierIndex;
      break;
    }
    default:
      throw new CommissionPlanError(`unknown plan type ${String((plan as { type: unknown }).type)}`);
  }

  const capLine = monthlyCapLine(plan, lines, money);
  if (capLine) lines.push(capLine);
  const totalCents = lines.reduce((sum, line) => sum + line.amountCents, 0n);
  return { lines, totalCents, revenueCents, tierIndex };
}

// ---------------------------------------------------------------------------------------------
// Customers and their source records

interface CustomerSummary {
  customer: CustomerInput;
  baseCents: bigint;
  /** "$1,204.50 paid on invoice INV-88" or "-$100.00 ($200.00 paid on invoice INV-1; refund of $300.00 on CN-12)". */
  baseText: string;
}

function summarize(customer: CustomerInput, money: (cents: bigint) => string): CustomerSummary {
  const baseCents = customer.records.reduce((sum, record) => sum + record.paidCents, 0n);
  // A zero paid amount is listed with the payments (it is not a refund).
  const payments = customer.records.filter((record) => record.paidCents >= 0n);
  const refunds = customer.records.filter((record) => record.paidCents < 0n);
  const paidCents = payments.reduce((sum, record) => sum + record.paidCents, 0n);
  const refundedCents = -refunds.reduce((sum, record) => sum + record.paidCents, 0n);
  const paidText = payments.length
    ? `paid on ${payments.length === 1 ? 'invoice' : 'invoices'} ${listIds(payments.map((r) => r.invoiceId))}`
    : '';
  const refundText = refunds.length
    ? `${refunds.length === 1 ? 'refund' : 'refunds'} of ${money(refundedCents)} on ${listIds(refunds.map((r) => r.invoiceId))}`
    : '';
  let baseText: string;
  if (customer.records.length === 0) baseText = `${money(0n)} (no payments in the period)`;
  else if (refunds.length === 0) baseText = `${money(baseCents)} ${paidText}`;
  else if (payments.length === 0) baseText = `${money(baseCents)} (${refundText})`;
  else baseText = `${money(baseCents)} (${money(paidCents)} ${paidText}; ${refundText})`;
  return { customer, baseCents, baseText };
}

/** "A, B, C, D, E and 2 more" (distinct ids, in order). */
function listIds(ids: string[]): string {
  const distinct = [...new Set(ids)];
  const shown = distinct.slice(0, MAX_LISTED_IDS).join(', ');
  const more = distinct.length - MAX_LISTED_IDS;
  return more > 0 ? `${shown} and ${more} more` : shown;
}

function baseTraceData(plan: PlanTerms, summary: CustomerSummary): Record<string, unknown> {
  return {
    planVersionId: plan.planVersionId,
    planName: plan.planName,
    version: plan.version,
    type: plan.type,
    customerId: summary.customer.customerId,
    customerName: summary.customer.customerName,
    baseCents: summary.baseCents.toString(),
    sourceRecordIds: summary.customer.records.map((record) => record.billingRecordId),
    invoiceIds: summary.customer.records.map((record) => record.invoiceId),
    refundRecordIds: summary.customer.records.filter((record) => record.paidCents < 0n).map((record) => record.billingRecordId),
  };
}

function withResult(text: string, amountCents: bigint, money: (cents: bigint) => string): string {
  return `${text} = ${money(amountCents)}${amountCents < 0n ? ' (clawback)' : ''}`;
}

function checkRate(rateUnits: bigint | undefined, what: string): bigint {
  if (rateUnits === undefined) throw new CommissionPlanError(`${what} is missing`);
  if (rateUnits < 0n || rateUnits > RATE_SCALE) throw new CommissionPlanError(`${what} ${rateUnits} is outside 0..${RATE_SCALE}`);
  return rateUnits;
}

function checkFee(cents: bigint | undefined, what: string): bigint {
  // A missing fee counts as 0 (SPEC: "either may be zero").
  const fee = cents ?? 0n;
  if (fee < 0n) throw new CommissionPlanError(`${what} must not be negative`);
  return fee;
}

// ---------------------------------------------------------------------------------------------
// PERCENTAGE: rate × the customer's revenue, rounded half-to-even once per line; a negative
// revenue (refunds larger than payments) gives a negative line, a clawback.

function percentageLines(plan: PlanTerms, summaries: CustomerSummary[], money: (cents: bigint) => string): CommissionLineResult[] {
  const rateUnits = checkRate(plan.rateUnits, 'the PERCENTAGE rate');
  return summaries
    .filter((summary) => summary.customer.records.length > 0)
    .map((summary): CommissionLineResult => {
      const amountCents = applyRate(summary.baseCents, rateUnits);
      return {
        kind: 'CUSTOMER',
        customerId: summary.customer.customerId,
        baseCents: summary.baseCents,
        rateUnits,
        feeCents: null,
        tierIndex: null,
        amountCents,
        trace: withResult(`${formatPercent(rateUnits)} of ${summary.baseText}`, amountCents, money),
        traceData: {
          ...baseTraceData(plan, summary),
          rateUnits: rateUnits.toString(),
          feeCents: null,
          tierIndex: null,
          tierMode: null,
          amountCents: amountCents.toString(),
        },
      };
    });
}

// ---------------------------------------------------------------------------------------------
// FLAT_FEE: perNewCustomer if the customer is new in the period (as flagged by the caller, trusted
// even without records), plus perActiveCustomer if their revenue is positive. A line when the fee is
// not 0, or when the customer had records (then a 0 line whose trace says why no fee is due).

function flatFeeLines(plan: PlanTerms, summaries: CustomerSummary[], money: (cents: bigint) => string): CommissionLineResult[] {
  const perNew = checkFee(plan.perNewCustomerCents, 'perNewCustomer');
  const perActive = checkFee(plan.perActiveCustomerCents, 'perActiveCustomer');
  const lines: CommissionLineResult[] = [];
  for (const summary of summaries) {
    const { customer, baseCents } = summary;
    const newFee = customer.isNewInPeriod ? perNew : 0n;
    const activeFee = baseCents > 0n ? perActive : 0n;
    const feeCents = newFee + activeFee;
    if (feeCents === 0n && customer.records.length === 0) continue;

    const applied: string[] = [];
    if (newFee !== 0n) applied.push(`new customer fee ${money(newFee)}`);
    if (activeFee !== 0n) applied.push(`active customer fee ${money(activeFee)}`);
    // Why a fee the plan pays did not apply (fees of 0 on the plan are not worth mentioning).
    const notes: string[] = [];
    if (perNew !== 0n && !customer.isNewInPeriod) notes.push('not a new customer in this period');
    if (perActive !== 0n && baseCents <= 0n) notes.push('no positive revenue in this period');
    if (feeCents === 0n && notes.length === 0) notes.push(`the plan's fees are ${money(0n)}`);
    const head = feeCents === 0n ? 'No fee' : capitalize(applied.join(' + '));
    const noteText = notes.length ? ` (${notes.join('; ')})` : '';
    const sourceText = customer.records.length ? ` — ${summary.baseText}` : '';

    lines.push({
      kind: 'CUSTOMER',
      customerId: customer.customerId,
      baseCents,
      rateUnits: null,
      feeCents,
      tierIndex: null,
      amountCents: feeCents,
      trace: `${head}${noteText}${sourceText} = ${money(feeCents)}`,
      traceData: {
        ...baseTraceData(plan, summary),
        rateUnits: null,
        feeCents: feeCents.toString(),
        tierIndex: null,
        tierMode: null,
        isNewInPeriod: customer.isNewInPeriod,
        newCustomerFeeCents: newFee.toString(),
        activeCustomerFeeCents: activeFee.toString(),
        amountCents: feeCents.toString(),
      },
    });
  }
  return lines;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// ---------------------------------------------------------------------------------------------
// TIERED: the reseller-level amount on the reseller's total revenue R (tier-allocation.ts: WHOLE,
// MARGINAL rounded once at the reseller level, first tier's rate when R ≤ 0), then split over the
// customers with records so the lines sum exactly to it (largest remainder by revenue when R > 0;
// first tier's rate per customer, apportioned to the same total, when R ≤ 0).

function tieredLines(
  plan: PlanTerms,
  summaries: CustomerSummary[],
  revenueCents: bigint,
  money: (cents: bigint) => string,
): { lines: CommissionLineResult[]; tierIndex: number } {
  const tiers = validateTiers(plan.tiers);
  const mode = plan.tierMode;
  if (mode !== 'WHOLE' && mode !== 'MARGINAL') throw new CommissionPlanError('a TIERED plan needs tierMode WHOLE or MARGINAL');
  const reseller = tieredResellerAmount(tiers, mode, revenueCents);
  const withRecords = summaries.filter((summary) => summary.customer.records.length > 0);
  const { parts, method } = allocateTieredAmount(
    reseller.amountCents,
    withRecords.map((summary) => summary.baseCents),
    tiers[0].rateUnits,
  );

  const reachedTier = tiers[reseller.tierIndex] ?? tiers[0];
  const tierNumber = reseller.tierIndex + 1;
  const tierText = reseller.tierIndex === 0 ? 'tier 1' : `tier ${tierNumber} reached at ${money(reachedTier.fromCents)}`;
  const slicesText = (slices: TierSlice[]) =>
    slices.map((slice) => `${formatPercent(slice.rateUnits)} of ${money(slice.sliceCents)}`).join(' + ');

  let context: string;
  if (revenueCents <= 0n) {
    context =
      `first tier's ${formatPercent(tiers[0].rateUnits)} applies: reseller revenue ${money(revenueCents)} is zero or less; ` +
      `reseller commission ${money(reseller.amountCents)}, split by each customer's revenue`;
  } else if (mode === 'WHOLE') {
    context =
      `${tierText} on reseller revenue ${money(revenueCents)}; ` +
      `reseller commission ${money(reseller.amountCents)}, split by revenue share`;
  } else {
    context =
      `marginal tiers on reseller revenue ${money(revenueCents)}: ${slicesText(reseller.slices)} = ` +
      `${money(reseller.amountCents)} (${tierText}), split by revenue share`;
  }

  const lines = withRecords.map((summary, index): CommissionLineResult => {
    const amountCents = parts[index] ?? 0n;
    const head = reseller.rateUnits === null ? summary.baseText : `${formatPercent(reseller.rateUnits)} of ${summary.baseText}`;
    return {
      kind: 'CUSTOMER',
      customerId: summary.customer.customerId,
      baseCents: summary.baseCents,
      rateUnits: reseller.rateUnits,
      feeCents: null,
      tierIndex: reseller.tierIndex,
      amountCents,
      trace: withResult(`${head} — ${context}`, amountCents, money),
      traceData: {
        ...baseTraceData(plan, summary),
        rateUnits: reseller.rateUnits === null ? null : reseller.rateUnits.toString(),
        feeCents: null,
        tierIndex: reseller.tierIndex,
        tierMode: mode,
        tierFromCents: reachedTier.fromCents.toString(),
        resellerRevenueCents: revenueCents.toString(),
        resellerAmountCents: reseller.amountCents.toString(),
        slices: reseller.slices.map((slice) => ({
          tierIndex: slice.tierIndex,
          fromCents: slice.fromCents.toString(),
          toCents: slice.toCents === null ? null : slice.toCents.toString(),
          sliceCents: slice.sliceCents.toString(),
          rateUnits: slice.rateUnits.toString(),
        })),
        allocation: method,
        amountCents: amountCents.toString(),
      },
    };
  });
  return { lines, tierIndex: reseller.tierIndex };
}

// ---------------------------------------------------------------------------------------------
// Monthly cap: when the customer lines add up to more than the cap, one reseller-level CAP line
// with amount cap − sum (negative). A net negative or under-cap total is left alone.

function monthlyCapLine(plan: PlanTerms, lines: CommissionLineResult[], money: (cents: bigint) => string): CommissionLineResult | null {
  const capCents = plan.monthlyCapCents;
  if (capCents === undefined || capCents === null) return null;
  if (capCents < 0n) throw new CommissionPlanError('monthlyCap must not be negative');
  const beforeCapCents = lines.reduce((sum, line) => sum + line.amountCents, 0n);
  if (beforeCapCents <= capCents) return null;
  const amountCents = capCents - beforeCapCents;
  return {
    kind: 'CAP',
    customerId: null,
    baseCents: beforeCapCents,
    rateUnits: null,
    feeCents: null,
    tierIndex: null,
    amountCents,
    trace:
      `Monthly cap of ${money(capCents)} reached: ${money(-amountCents)} not paid ` +
      `(total before cap ${money(beforeCapCents)})`,
    traceData: {
      planVersionId: plan.planVersionId,
      planName: plan.planName,
      version: plan.version,
      type: plan.type,
      kind: 'CAP',
      capCents: capCents.toString(),
      baseCents: beforeCapCents.toString(),
      totalBeforeCapCents: beforeCapCents.toString(),
      rateUnits: null,
      feeCents: null,
      tierIndex: null,
      tierMode: plan.type === 'TIERED' ? (plan.tierMode ?? null) : null,
      sourceRecordIds: [],
      amountCents: amountCents.toString(),
    },
  };
}
