// Commission periods are 'YYYY-MM' in the tenant's time zone (SPEC §4). Pure string work.

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isPeriod(value: string): boolean {
  return PERIOD.test(value);
}

/** The month it is now in the tenant's zone ('2026-11'). */
export function currentPeriod(timeZone: string, now: Date = new Date()): string {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(now);
  } catch {
    // An unknown zone name: the browser's own.
    parts = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit' }).formatToParts(now);
  }
  const year = parts.find((p) => p.type === 'year')?.value ?? String(now.getFullYear());
  const month = parts.find((p) => p.type === 'month')?.value ?? String(now.getMonth() + 1).padStart(2, '0');
  return `${year}-${month}`;
}

export function shiftPeriod(period: string, months: number): string {
  const match = PERIOD.exec(period);
  if (!match) return period;
  const index = Number(match[1]) * 12 + (Number(match[2]) - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export const previousPeriod = (period: string) => shiftPeriod(period, -1);
export const nextPeriod = (period: string) => shiftPeriod(period, 1);

/** The period a run usually covers: last month, in the tenant's zone. */
export function defaultRunPeriod(timeZone: string): string {
  return previousPeriod(currentPeriod(timeZone));
}

const monthFormat = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const shortMonthFormat = new Intl.DateTimeFormat('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' });

function monthDate(period: string): Date | null {
  const match = PERIOD.exec(period);
  return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)) : null;
}

/** '2026-10' → 'October 2026'. */
export function periodLabel(period: string): string {
  const date = monthDate(period);
  return date ? monthFormat.format(date) : period;
}

/** '2026-10' → 'Oct 2026'. */
export function periodShortLabel(period: string): string {
  const date = monthDate(period);
  return date ? shortMonthFormat.format(date) : period;
}

/** Periods from `newest` back, newest first. */
export function periodsBack(newest: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => shiftPeriod(newest, -i));
}
