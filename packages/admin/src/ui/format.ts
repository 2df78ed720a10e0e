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
