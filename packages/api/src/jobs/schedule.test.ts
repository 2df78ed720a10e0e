import { describe, expect, it } from 'vitest';
import { cronProblem, nextTimes, occurrenceOf, retryDelayMs } from './schedule.js';

describe('schedules', () => {
  it('fires the daily cycle at 02:00 in the tenant zone, across a DST change', () => {
    // New York leaves daylight time on 2026-11-01: 02:00 EDT is 06:00Z, 02:00 EST is 07:00Z.
    const times = nextTimes('0 2 * * *', 'America/New_York', new Date('2026-10-30T12:00:00Z'), 4).map((time) => time.toISOString());
    expect(times).toEqual(['2026-10-31T06:00:00.000Z', '2026-11-01T07:00:00.000Z', '2026-11-02T07:00:00.000Z', '2026-11-03T07:00:00.000Z']);
    expect(nextTimes('0 3 1 * *', 'Europe/Berlin', new Date('2026-11-25T00:00:00Z'), 2).map((time) => time.toISOString())).toEqual(['2026-12-01T02:00:00.000Z', '2027-01-01T02:00:00.000Z']);
  });

  it('names the tick a run belongs to, the same for a late start or a retry', () => {
    const daily = { cron: '0 2 * * *' };
    expect(occurrenceOf(daily, 'America/New_York', new Date('2026-11-25T07:00:00.150Z'))).toBe('tick:2026-11-25T07:00:00.000Z');
    expect(occurrenceOf(daily, 'America/New_York', new Date('2026-11-25T09:41:00Z'))).toBe('tick:2026-11-25T07:00:00.000Z');
    expect(occurrenceOf(daily, 'America/New_York', new Date('2026-11-25T06:59:59Z'))).toBe('tick:2026-11-24T07:00:00.000Z');
    expect(occurrenceOf({ cron: '*/15 * * * *' }, 'UTC', new Date('2026-11-25T10:44:59Z'))).toBe('tick:2026-11-25T10:30:00.000Z');
    expect(occurrenceOf({ everySeconds: 10 }, 'UTC', new Date('2026-11-25T10:44:59.900Z'))).toBe('tick:2026-11-25T10:44:50.000Z');
  });

  it('explains a cron expression it refuses', () => {
    expect(cronProblem('0 2 * * *', 'UTC')).toBeNull();
    expect(cronProblem('*/2 * * * * *', 'UTC')).toBeNull();
    expect(cronProblem('every day', 'UTC')).toMatch(/5 fields/);
    expect(cronProblem('61 2 * * *', 'UTC')).toMatch(/Not a valid cron/);
  });

  it('backs off exponentially up to a cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((attempt) => retryDelayMs(attempt, 30_000, 3_600_000))).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, 3_600_000]);
    expect(retryDelayMs(500, 1000, 60_000)).toBe(60_000);
  });
});
