import { describe, expect, it } from 'vitest';
import { canChangeResellerStatus, formatResellerCode } from './reseller-status.js';
import { ResellerStatus as S } from './reseller.enums.js';

describe('reseller status transitions', () => {
  const allowed: [S, S][] = [
    [S.ONBOARDING, S.ACTIVE],
    [S.ONBOARDING, S.TERMINATED],
    [S.ACTIVE, S.SUSPENDED],
    [S.SUSPENDED, S.ACTIVE],
    [S.SUSPENDED, S.TERMINATED],
  ];
  const all = Object.values(S);
  for (const from of all) {
    for (const to of all) {
      const expected = allowed.some(([a, b]) => a === from && b === to);
      it(`${from} → ${to} is ${expected ? 'allowed' : 'refused'}`, () => {
        expect(canChangeResellerStatus(from, to)).toBe(expected);
      });
    }
  }
});

describe('reseller codes', () => {
  it.each([
    [1, 'RS-000001'],
    [123, 'RS-000123'],
    [999999, 'RS-999999'],
    [1000000, 'RS-1000000'],
  ])('%i → %s', (sequence, code) => {
    expect(formatResellerCode(sequence)).toBe(code);
  });
  it('refuses a sequence below 1', () => {
    expect(() => formatResellerCode(0)).toThrow();
  });
});
