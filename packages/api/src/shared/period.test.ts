import { describe, expect, it } from 'vitest';
import { addDaysToDate, isDate, isPeriod, lastDayOf, nextPeriod, periodOfDate, previousPeriod } from './period.js';

describe('periods', () => {
  it.each([
    ['2026-01', true],
    ['2026-12', true],
    ['2026-13', false],
    ['2026-00', false],
    ['2026-1', false],
    ['26-01', false],
    ['1999-12', false],
    ['2026-01-01', false],
  ])('isPeriod(%s) = %s', (value, expected) => expect(isPeriod(value)).toBe(expected));

  it.each([
    ['2026-02-28', true],
    ['2026-02-29', false],
    ['2028-02-29', true],
    ['2026-04-31', false],
    ['2026-4-01', false],
  ])('isDate(%s) = %s', (value, expected) => expect(isDate(value)).toBe(expected));

  it('steps across years and month ends', () => {
    expect(nextPeriod('2026-12')).toBe('2027-01');
    expect(previousPeriod('2027-01')).toBe('2026-12');
    expect(lastDayOf('2028-02')).toBe('2028-02-29');
    expect(lastDayOf('2026-12')).toBe('2026-12-31');
    expect(addDaysToDate('2026-01-31', 1)).toBe('2026-02-01');
    expect(periodOfDate(addDaysToDate('2026-03-25', 7))).toBe('2026-04');
  });
});
