import { applyMinimumPayout } from '../commissions/minimum-payout.js';
import { MAX_ENTRY_CENTS } from './nacha-writer.js';

export interface PayableTotal {
  resellerId: string;
  /** Sum of the reseller's approved, unpaid lines (clawbacks make it smaller, possibly negative). */
  cents: bigint;
  minimumCents: bigint;
  hasVerifiedAccount: boolean;
}

export type PaymentDecision = { resellerId: string; cents: bigint; pay: true } | { resellerId: string; cents: bigint; pay: false; reason: SkipReason };
export type SkipReason = 'BELOW_MINIMUM' | 'NO_VERIFIED_ACCOUNT' | 'OVER_ACH_ENTRY_LIMIT';

/**
 * Who a batch pays (SPEC §4): a reseller whose payable total is positive and reaches its plan's
 * minimum payout, and who has verified bank details. The others are skipped with the reason; their
 * lines stay payable, so the amount carries over to the next batch (the minimum-payout rule). A
 * total over what one ACH entry can carry ($99,999,999.99, the NACHA amount field) is skipped too:
 * in a batch it would make the whole file impossible to export; finance pays it by other means.
 */
export function decidePayments(totals: PayableTotal[]): PaymentDecision[] {
  return totals.map(({ resellerId, cents, minimumCents, hasVerifiedAccount }) => {
    const [decision] = applyMinimumPayout([{ batch: 'this', cents }], minimumCents);
    if (decision!.paidCents === 0n) return { resellerId, cents, pay: false, reason: 'BELOW_MINIMUM' };
    if (!hasVerifiedAccount) return { resellerId, cents, pay: false, reason: 'NO_VERIFIED_ACCOUNT' };
    if (cents > MAX_ENTRY_CENTS) return { resellerId, cents, pay: false, reason: 'OVER_ACH_ENTRY_LIMIT' };
    return { resellerId, cents, pay: true };
  });
}
