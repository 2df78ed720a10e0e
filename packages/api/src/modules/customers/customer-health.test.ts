import { describe, expect, it } from 'vitest';
import { AT_RISK_THRESHOLD, customerHealth, HEALTH_WEIGHTS, healthComponents, type CustomerHealthInput } from './customer-health.js';
import { wholeMonthsBetween } from './customer-health.service.js';

const base: CustomerHealthInput = {
  invoicesConsidered: 10,
  invoicesOnTime: 10,
  tenureMonths: 24,
  supportContacts90d: 0,
  usagePercent: 100,
  averageSatisfaction180d: null,
  daysSinceLastInteraction: 0,
};
const score = (input: Partial<CustomerHealthInput>, key: string) => healthComponents({ ...base, ...input }).find((c) => c.key === key)!.score;

describe('customer health components', () => {
  it('weights sum to 100 and a perfect customer scores 100', () => {
    expect(Object.values(HEALTH_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
    expect(customerHealth(base).score).toBe(100);
    expect(AT_RISK_THRESHOLD).toBe(40);
  });

  it.each([
    [{ invoicesConsidered: 12, invoicesOnTime: 9 }, 75],
    [{ invoicesConsidered: 3, invoicesOnTime: 0 }, 0],
    [{ invoicesConsidered: 3, invoicesOnTime: 1 }, 33.3],
    [{ invoicesConsidered: 0, invoicesOnTime: 0 }, null],
  ])('payment punctuality %o → %s', (input, expected) => expect(score(input, 'paymentPunctuality')).toBe(expected));

  it.each([
    [0, 0],
    [6, 25],
    [12, 50],
    [24, 100],
    [60, 100],
    [null, null],
  ])('tenure %s months → %s', (months, expected) => expect(score({ tenureMonths: months }, 'tenure')).toBe(expected));

  it.each([
    [0, 100],
    [1, 80],
    [3, 40],
    [5, 0],
    [9, 0],
  ])('support load %s contacts → %s', (contacts, expected) => expect(score({ supportContacts90d: contacts }, 'supportLoad')).toBe(expected));

  it.each([
    [{ usagePercent: 64, averageSatisfaction180d: 2 }, 64],
    [{ usagePercent: null, averageSatisfaction180d: 7.5 }, 75],
    [{ usagePercent: null, averageSatisfaction180d: null }, null],
  ])('engagement %o → %s (usage first, then satisfaction)', (input, expected) => expect(score(input, 'engagement')).toBe(expected));

  it.each([
    [0, 100],
    [30, 100],
    [31, 99.3],
    [105, 50],
    [180, 0],
    [400, 0],
    [null, null],
  ])('interaction recency %s days → %s', (days, expected) => expect(score({ daysSinceLastInteraction: days }, 'interactionRecency')).toBe(expected));
});

describe('customer health score', () => {
  it('is the weighted mean, rounded half up', () => {
    // 30×75 + 15×50 + 20×80 + 20×64 + 15×50 = 2250 + 750 + 1600 + 1280 + 750 = 6630 → 66.3 → 66
    const result = customerHealth({ invoicesConsidered: 12, invoicesOnTime: 9, tenureMonths: 12, supportContacts90d: 1, usagePercent: 64, averageSatisfaction180d: null, daysSinceLastInteraction: 105 });
    expect(result.score).toBe(66);
  });

  it('shares the weight of components without data among the others', () => {
    // only support load (20 × 60) and tenure (15 × 25) have data: (1200 + 375) / 35 = 45
    const result = customerHealth({ invoicesConsidered: 0, invoicesOnTime: 0, tenureMonths: 6, supportContacts90d: 2, usagePercent: null, averageSatisfaction180d: null, daysSinceLastInteraction: null });
    expect(result.score).toBe(45);
    expect(result.components.filter((c) => c.score === null).map((c) => c.key)).toEqual(['paymentPunctuality', 'engagement', 'interactionRecency']);
  });

  it('rounds x.5 up: (15×12.5 + 20×100) / 35 = 62.5 → 63', () => {
    expect(customerHealth({ invoicesConsidered: 0, invoicesOnTime: 0, tenureMonths: 3, supportContacts90d: 0, usagePercent: null, averageSatisfaction180d: null, daysSinceLastInteraction: null }).score).toBe(63);
    // (30×75 + 20×100 + 20×70) / 70 = 80.71… → 81
    expect(customerHealth({ ...base, invoicesConsidered: 4, invoicesOnTime: 3, tenureMonths: null, usagePercent: 70, daysSinceLastInteraction: null }).score).toBe(81);
  });

  it('a troubled customer falls below the at-risk threshold', () => {
    // tenure 2 months 8.3, support 4 contacts 20, usage 10, recent contact 100: (124.5+400+200+1500)/70 = 31.8 → 32
    const result = customerHealth({ invoicesConsidered: 0, invoicesOnTime: 0, tenureMonths: 2, supportContacts90d: 4, usagePercent: 10, averageSatisfaction180d: 2, daysSinceLastInteraction: 5 });
    expect(result.score).toBe(32);
    expect(result.score!).toBeLessThan(AT_RISK_THRESHOLD);
  });
});

describe('whole months between dates', () => {
  it.each([
    ['2026-01-15', '2026-02-14', 0],
    ['2026-01-15', '2026-02-15', 1],
    ['2025-11-30', '2026-11-25', 11],
    ['2024-02-29', '2026-03-01', 24],
    ['2026-05-01', '2026-04-01', 0],
  ])('%s → %s = %i', (from, to, months) => expect(wholeMonthsBetween(from, to)).toBe(months));
});
