import { describe, expect, it } from 'vitest';
import { decidePayments } from './payment-plan.js';

describe('who a batch pays', () => {
  it.each([
    [5000n, 5000n, true, 'pay'],
    [4999n, 5000n, true, 'BELOW_MINIMUM'],
    [0n, 0n, true, 'BELOW_MINIMUM'],
    [-1200n, 5000n, true, 'BELOW_MINIMUM'],
    [1n, 0n, true, 'pay'],
    [125000n, 5000n, false, 'NO_VERIFIED_ACCOUNT'],
    [100n, 5000n, false, 'BELOW_MINIMUM'],
    [9_999_999_999n, 5000n, true, 'pay'], // $99,999,999.99: the most one ACH entry carries
    [10_000_000_000n, 5000n, true, 'OVER_ACH_ENTRY_LIMIT'],
  ])('%s cents, minimum %s, verified %s → %s', (cents, minimumCents, hasVerifiedAccount, expected) => {
    const [decision] = decidePayments([{ resellerId: 'r', cents, minimumCents, hasVerifiedAccount }]);
    expect(decision!.pay ? 'pay' : decision!.reason).toBe(expected);
    expect(decision!.cents).toBe(cents);
  });
});
