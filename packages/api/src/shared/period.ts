import { badInput } from './errors.js';

/**
 * Commission periods are calendar months written `YYYY-MM`, in the tenant's zone. Strings of this
 * form sort in time order, so comparisons are plain string comparisons.
 */
const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isPeriod(value: string): boolean {
  return PERIOD.test(value) && Number(value.slice(0, 4)) >= 2000 && Number(value.slice(0, 4)) <= 2999;
}

/** A calendar date `YYYY-MM-DD` that exists (2026-02-30 does not). */
export function isDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value && Number(match[1]) >= 2000 && Number(match[1]) <= 2999;
}

export function periodOfDate(date: string): string {
  return date.slice(0, 7);
}

export function addDaysToDate(date: string, days: number): string {
  if (days === 0) return date; // the common case (no holding period), once per billing record in a run
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function nextPeriod(period: string): string {
  const [year, month] = period.split('-').map(Number) as [number, number];
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
}

export function previousPeriod(period: string): string {
  const [year, month] = period.split('-').map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

export function firstDayOf(period: string): string {
  return `${period}-01`;
}

export function lastDayOf(period: string): string {
  return addDaysToDate(firstDayOf(nextPeriod(period)), -1);
}

/** A period argument from a client: refused as BAD_USER_INPUT unless it is `YYYY-MM`. */
export function requirePeriod(value: string, field = 'period'): string {
  if (!isPeriod(value)) throw badInput('Use a period YYYY-MM', { [field]: 'Use a period YYYY-MM' });
  return value;
}

/** The calendar date (YYYY-MM-DD) it is at `instant` in an IANA time zone. */
export function dateInZone(instant: Date, timezone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}
