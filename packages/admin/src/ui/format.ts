// Built once: creating an Intl formatter per call is slow in long tables.
const dateTimeFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });
const dateFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' });
const numberFormat = new Intl.NumberFormat('en-US');

function toDate(value: string | Date): Date {
  return typeof value === 'string' ? new Date(value) : value;
}

/**
 * 'Mar 4, 2025, 2:05 PM' in the browser's time zone. Takes the api's DateTimeISO strings;
 * null/undefined (an optional field) becomes '—'.
 */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return dateTimeFormat.format(date);
}

/** 'Mar 4, 2025' (tables, where the time of day is noise); '—' for no value. */
export function formatDate(value: string | Date | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return dateFormat.format(date);
}

/** 12,345 */
export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

const relativeFormat = new Intl.RelativeTimeFormat('en-US', { numeric: 'auto' });
const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
];

/** 'in 5 minutes', '3 hours ago', 'now' (relative to `now`); '—' for no value. */
export function formatRelative(value: string | Date | null | undefined, now: number = Date.now()): string {
  if (value === null || value === undefined) return '—';
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return String(value);
  const diff = date.getTime() - now;
  if (Math.abs(diff) < 5000) return 'now';
  for (const [unit, ms] of RELATIVE_UNITS) {
    if (Math.abs(diff) >= ms || unit === 'second') return relativeFormat.format(Math.round(diff / ms), unit);
  }
  return 'now';
}

/** 850 ms, 12.3 s, 4 min 05 s; '—' for no value. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return `${minutes} min ${String(seconds).padStart(2, '0')} s`;
}
