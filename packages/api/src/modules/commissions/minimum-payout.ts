/**
 * SPEC §4 minimum payout: a reseller's payable total below the minimum is not paid but carried
 * over to the next batch, where it adds to that batch's total. A negative total (clawbacks larger
 * than earnings) is carried too, so it is recovered from later earnings rather than charged.
 */
export interface BatchTotal {
  batch: string;
  /** What became payable for the reseller since the previous batch. */
  cents: bigint;
}

export interface BatchPayout {
  batch: string;
  /** Paid in this batch (0 when carried over). */
  paidCents: bigint;
  /** Carried to the next batch after this one. */
  carriedCents: bigint;
}

export function applyMinimumPayout(batches: BatchTotal[], minimumCents: bigint): BatchPayout[] {
  if (minimumCents < 0n) throw new RangeError('The minimum payout cannot be negative');
  let carried = 0n;
  return batches.map(({ batch, cents }) => {
    const due = carried + cents;
    if (due > 0n && due >= minimumCents) {
      carried = 0n;
      return { batch, paidCents: due, carriedCents: 0n };
    }
    carried = due;
    return { batch, paidCents: 0n, carriedCents: due };
  });
}
