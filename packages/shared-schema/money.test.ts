import { describe, expect, it } from 'vitest';
import {
  allocateLargestRemainder,
  applyRate,
  formatMoney,
  formatMoneyDisplay,
  formatPercent,
  formatRate,
  MoneyFormatError,
  parseMoney,
  parseRate,
  RateFormatError,
  roundHalfEven,
} from './money.js';

/** A small seeded PRNG (mulberry32) so the property loops are reproducible without a dependency. */
function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  /** A random bigint in [min, max] (the PRNG picks indexes and sizes only, never money). */
  const bigint = (min: bigint, max: bigint): bigint => {
    const span = max - min + 1n;
    let value = 0n;
    for (let i = 0; i < 4; i++) value = (value << 32n) + BigInt(Math.floor(next() * 4294967296));
    return min + (value % span);
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return { next, bigint, int };
}

describe('parseMoney', () => {
  it.each([
    ['1204.5', 120450n],
    ['1204.50', 120450n],
    ['-12.00', -1200n],
    ['0', 0n],
    ['0.00', 0n],
    ['-0', 0n],
    ['-0.05', -5n],
    ['0.1', 10n],
    ['007.50', 750n],
    ['10000000000000', 1_000_000_000_000_000n],
    ['-10000000000000.00', -1_000_000_000_000_000n],
  ])('%s → %s', (text, cents) => {
    expect(parseMoney(text)).toBe(cents);
  });

  it.each([
    '',
    ' 1',
    '1 ',
    '1,204.50',
    '1.204,50',
    '1e3',
    '12.345',
    '12.',
    '.5',
    '+5',
    '--5',
    '-',
    'abc',
    'NaN',
    'Infinity',
    '0x10',
    '1_000',
    '١٢',
    '10000000000000.01',
    '-10000000000000.01',
    '1'.repeat(100),
  ])('rejects %j', (text) => {
    expect(() => parseMoney(text)).toThrow(MoneyFormatError);
  });

  it('rejects a non-string at run time', () => {
    expect(() => parseMoney(12 as unknown as string)).toThrow(MoneyFormatError);
  });
});

describe('formatMoney', () => {
  it.each([
    [120450n, '1204.50'],
    [-5n, '-0.05'],
    [0n, '0.00'],
    [7n, '0.07'],
    [-1200n, '-12.00'],
    [1_000_000_000_000_001n, '10000000000000.01'],
  ])('%s → %s', (cents, text) => {
    expect(formatMoney(cents)).toBe(text);
  });

  it('round-trips with parseMoney', () => {
    const random = prng(1);
    for (let i = 0; i < 500; i++) {
      const cents = random.bigint(-1_000_000_000_000_000n, 1_000_000_000_000_000n);
      expect(parseMoney(formatMoney(cents))).toBe(cents);
    }
  });
});

describe('formatMoneyDisplay', () => {
  it.each([
    [120450n, 'USD', '$1,204.50'],
    [-5n, 'USD', '-$0.05'],
    [0n, 'USD', '$0.00'],
    [1_000_000n, 'USD', '$10,000.00'],
    [-123_456_789n, 'USD', '-$1,234,567.89'],
    // Far beyond Number.MAX_SAFE_INTEGER: exact, no float on the way.
    [123_456_789_012_345_678_901n, 'USD', '$1,234,567,890,123,456,789.01'],
    [9_007_199_254_740_993n, 'USD', '$90,071,992,547,409.93'],
    [120450n, 'EUR', '€1,204.50'],
    [120450n, 'GBP', '£1,204.50'],
  ])('%s %s → %s', (cents, currency, text) => {
    expect(formatMoneyDisplay(cents, currency)).toBe(text);
  });

  it('lays out codes that have no symbol', () => {
    expect(formatMoneyDisplay(120450n, 'CHF')).toMatch(/^CHF\s1,204\.50$/);
  });

  it('rejects a malformed currency code', () => {
    expect(() => formatMoneyDisplay(1n, 'dollars')).toThrow(RangeError);
  });
});

describe('parseRate', () => {
  it.each([
    ['0.1250', 1250n],
    ['0.125', 1250n],
    ['0.12', 1200n],
    ['0.1', 1000n],
    ['1', 10000n],
    ['1.0000', 10000n],
    ['0', 0n],
    ['0.0001', 1n],
  ])('%s → %s', (text, units) => {
    expect(parseRate(text)).toBe(units);
  });

  it.each(['', '1.0001', '2', '-0.1', '0.12345', '.5', '12%', ' 0.1', '0.1 ', '1e-1', '00.5', 'abc', '0,5'])('rejects %j', (text) => {
    expect(() => parseRate(text)).toThrow(RateFormatError);
  });
});

describe('formatRate and formatPercent', () => {
  it.each([
    [1250n, '0.1250', '12.5 %'],
    [1200n, '0.1200', '12 %'],
    [1225n, '0.1225', '12.25 %'],
    [10000n, '1.0000', '100 %'],
    [0n, '0.0000', '0 %'],
    [5n, '0.0005', '0.05 %'],
    [1n, '0.0001', '0.01 %'],
    [1010n, '0.1010', '10.1 %'],
  ])('%s → %s, %s', (units, rate, percent) => {
    expect(formatRate(units)).toBe(rate);
    expect(formatPercent(units)).toBe(percent);
    expect(parseRate(rate)).toBe(units);
  });
});

describe('roundHalfEven', () => {
  it.each([
    [1n, 2n, 0n],
    [3n, 2n, 2n],
    [5n, 2n, 2n],
    [7n, 2n, 4n],
    [-1n, 2n, 0n],
    [-3n, 2n, -2n],
    [-5n, 2n, -2n],
    [4n, 10n, 0n],
    [6n, 10n, 1n],
    [-6n, 10n, -1n],
    [14n, 10n, 1n],
    [16n, 10n, 2n],
    [25n, 10n, 2n],
    [35n, 10n, 4n],
    [0n, 7n, 0n],
    [10n, 5n, 2n],
    [-10n, 5n, -2n],
  ])('%s / %s → %s', (numerator, denominator, expected) => {
    expect(roundHalfEven(numerator, denominator)).toBe(expected);
  });

  it.each([0n, -1n])('rejects denominator %s', (denominator) => {
    expect(() => roundHalfEven(1n, denominator)).toThrow(RangeError);
  });

  it('is symmetric and within half a unit of the exact quotient', () => {
    const random = prng(2);
    for (let i = 0; i < 1000; i++) {
      const numerator = random.bigint(-(10n ** 18n), 10n ** 18n);
      const denominator = random.bigint(1n, 10n ** 6n);
      const rounded = roundHalfEven(numerator, denominator);
      expect(roundHalfEven(-numerator, denominator)).toBe(-rounded);
      const error = rounded * denominator - numerator; // rounded − exact, times denominator
      expect(2n * (error < 0n ? -error : error) <= denominator).toBe(true);
    }
  });
});

describe('applyRate', () => {
  it.each([
    // cents, rate units, expected cents
    [5n, 1000n, 0n], // 0.5 → 0 (even)
    [15n, 1000n, 2n], // 1.5 → 2 (even)
    [25n, 1000n, 2n], // 2.5 → 2
    [35n, 1000n, 4n], // 3.5 → 4
    [-5n, 1000n, 0n],
    [-15n, 1000n, -2n],
    [-25n, 1000n, -2n],
    [120450n, 1250n, 15056n], // 12.5 % of $1,204.50 = 150.5625 → 150.56
    [120450n, 1200n, 14454n], // 12 % of $1,204.50 = 144.54
    [4n, 1250n, 0n], // 0.5 → 0
    [12n, 1250n, 2n], // 1.5 → 2
    [1n, 5000n, 0n], // 0.5 → 0
    [3n, 5000n, 2n], // 1.5 → 2
    [1_000_000n, 10000n, 1_000_000n],
    [1_000_000n, 0n, 0n],
    [1_000_000_000_000_000n, 1n, 100_000_000_000n],
    [999_999n, 1000n, 100_000n], // 99,999.9 → 100,000
  ])('%s × %s → %s', (cents, rate, expected) => {
    expect(applyRate(cents, rate)).toBe(expected);
    expect(applyRate(-cents, rate)).toBe(-expected);
  });
});

describe('allocateLargestRemainder', () => {
  it.each<[string, bigint, bigint[], bigint[]]>([
    ['even split', 300n, [1n, 1n, 1n], [100n, 100n, 100n]],
    ['one cent left, tie → lower index', 100n, [1n, 1n, 1n], [34n, 33n, 33n]],
    ['two cents left, ties → lower indexes', 200n, [1n, 1n, 1n], [67n, 67n, 66n]],
    ['largest remainder wins', 100n, [1n, 2n, 3n], [17n, 33n, 50n]], // 16.67, 33.33, 50
    ['zero weight gets nothing', 100n, [0n, 1n, 1n], [0n, 50n, 50n]],
    ['zero weight with leftovers', 101n, [1n, 0n, 1n], [51n, 0n, 50n]],
    ['single weight', 12345n, [7n], [12345n]],
    ['zero total', 0n, [3n, 5n], [0n, 0n]],
    ['negative total mirrors', -100n, [1n, 1n, 1n], [-34n, -33n, -33n]],
    ['negative total, largest remainder', -100n, [1n, 2n, 3n], [-17n, -33n, -50n]],
    // Σw = 2: 100 × 3 / 2 = 150, 100 × -1 / 2 = -50.
    ['negative weight, exact', 100n, [3n, -1n], [150n, -50n]],
    // Σw = 3: quotas 177.33, -44.33, 0, 0 → floors 177, -45, 0, 0 (sum 132), remainders 1, 2, 0, 0
    // (thirds): the single leftover cent goes to the negative part, which has the largest remainder.
    ['negative weight, leftover to the largest remainder', 133n, [4n, -1n, 0n, 0n], [177n, -44n, 0n, 0n]],
    ['negative weight with leftovers', 100n, [4n, -1n, 0n], [133n, -33n, 0n]],
    ['revenue weights', 148148n, [1_000_000n, 234_567n], [120000n, 28148n]],
  ])('%s', (_name, total, weights, expected) => {
    const parts = allocateLargestRemainder(total, weights);
    expect(parts).toEqual(expected);
    expect(parts.reduce((sum, part) => sum + part, 0n)).toBe(total);
  });

  it.each<[string, bigint[]]>([
    ['no weights', []],
    ['all zero', [0n, 0n]],
    ['net negative', [1n, -2n]],
    ['net zero', [5n, -5n]],
  ])('throws when Σw ≤ 0: %s', (_name, weights) => {
    expect(() => allocateLargestRemainder(100n, weights)).toThrow(RangeError);
  });

  it('sums exactly and stays within one cent of the exact quota over 1,000 random cases', () => {
    const random = prng(42);
    for (let i = 0; i < 1000; i++) {
      const count = random.int(1, 12);
      const withNegatives = i % 4 === 0;
      const weights = Array.from({ length: count }, () => {
        const roll = random.next();
        if (roll < 0.15) return 0n;
        if (withNegatives && roll < 0.35) return -random.bigint(1n, 5_000_000n);
        return random.bigint(1n, 5_000_000n);
      });
      const weightSum = weights.reduce((sum, w) => sum + w, 0n);
      if (weightSum <= 0n) {
        expect(() => allocateLargestRemainder(1n, weights)).toThrow(RangeError);
        continue;
      }
      const total = random.bigint(-100_000_000n, 100_000_000n);
      const parts = allocateLargestRemainder(total, weights);
      expect(parts).toHaveLength(count);
      expect(parts.reduce((sum, part) => sum + part, 0n)).toBe(total);
      parts.forEach((part, index) => {
        const weight = weights[index] ?? 0n;
        if (weight === 0n) expect(part).toBe(0n);
        // |part × Σw − total × w| < Σw: the part is the quota's floor or ceiling.
        const gap = part * weightSum - total * weight;
        expect((gap < 0n ? -gap : gap) < weightSum).toBe(true);
      });
      expect(allocateLargestRemainder(-total, weights)).toEqual(parts.map((part) => -part));
    }
  });
});
