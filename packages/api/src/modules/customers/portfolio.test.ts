import { describe, expect, it } from 'vitest';
import { CONVERSION_STEPS, lastPeriods, percentOf } from './portfolio.service.js';

describe('portfolio helpers', () => {
  it.each([
    [1, 3, 33.3],
    [2, 3, 66.7],
    [1, 8, 12.5],
    [1, 16, 6.2], // 6.25 → half-to-even 6.2
    [3, 16, 18.8], // 18.75 → 18.8
    [0, 5, 0],
    [5, 0, null],
    [-3, 12, -25],
  ])('percentOf(%s, %s) = %s', (part, whole, expected) => expect(percentOf(part, whole)).toBe(expected));

  it('lists the 12 periods ending with the given one, across a year end', () => {
    expect(lastPeriods('2026-03', 12)).toEqual(['2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03']);
  });

  it('reports the pipeline steps, then signed → onboarded → active → expansion', () => {
    expect(CONVERSION_STEPS.map(([from, to]) => `${from}>${to}`)).toEqual([
      'PROSPECT>LEAD', 'LEAD>QUALIFIED', 'QUALIFIED>PROPOSAL', 'PROPOSAL>NEGOTIATION', 'NEGOTIATION>CLOSED_WON', 'CLOSED_WON>ONBOARDING', 'ONBOARDING>ACTIVE', 'ACTIVE>EXPANSION',
    ]);
  });
});
