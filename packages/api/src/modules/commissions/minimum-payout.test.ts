import { describe, expect, it } from 'vitest';
import { applyMinimumPayout } from './minimum-payout.js';

const run = (cents: bigint[], minimum = 5000n) =>
  applyMinimumPayout(cents.map((c, i) => ({ batch: `2026-0${i + 1}`, cents: c })), minimum).map((p) => [p.paidCents, p.carriedCents]);

describe('minimum payout with carry-over', () => {
  it.each([
    ['pays at once when the total meets the minimum exactly', [5000n], [[5000n, 0n]]],
    ['carries one cent below the minimum', [4999n], [[0n, 4999n]]],
    ['carries across three batches until the sum reaches it', [2000n, 1500n, 2000n], [[0n, 2000n], [0n, 3500n], [5500n, 0n]]],
    ['starts over after a payout', [6000n, 1000n, 4000n], [[6000n, 0n], [0n, 1000n], [5000n, 0n]]],
    ['a clawback is carried and recovered from later earnings', [-3000n, 6000n, 2500n], [[0n, -3000n], [0n, 3000n], [5500n, 0n]]],
    ['nothing is paid for a zero total even with no minimum', [0n], [[0n, 0n]]],
  ] as [string, bigint[], bigint[][]][])('%s', (_name, cents, expected) => {
    expect(run(cents)).toEqual(expected);
  });

  it('a minimum of 0 pays every positive total', () => {
    expect(run([1n, -1n, 2n], 0n)).toEqual([[1n, 0n], [0n, -1n], [1n, 0n]]);
  });

  it('refuses a negative minimum', () => {
    expect(() => applyMinimumPayout([], -1n)).toThrow(RangeError);
  });
});
