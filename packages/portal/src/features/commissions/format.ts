import { formatMoneyDisplay, formatPercent, MoneyFormatError, parseMoney, parseRate, RateFormatError } from '@reseller-hub/shared-schema/money';

// Display helpers for the commission pages. Money arrives as an exact decimal string; it is shown
// through the shared money helpers (bigint cents → Intl currency format) and never added up here:
// every total on these pages comes from the api.

export type MoneyValue = { amount: string; currency: string };

/** '$1,204.50', '-$12.00' (an amount the helpers cannot read is shown as sent). */
export function formatMoney(money: MoneyValue): string {
  try {
    return formatMoneyDisplay(parseMoney(money.amount), money.currency);
  } catch (error) {
    if (error instanceof MoneyFormatError || error instanceof RangeError) return `${money.amount} ${money.currency}`;
    throw error;
  }
}

/** True for an amount below zero (a clawback or a cap). */
export function isNegative(amount: string): boolean {
  try {
    return parseMoney(amount) < 0n;
  } catch {
    return false;
  }
}

/** '0.1200' → '12 %'. */
export function formatRate(rate: string): string {
  try {
    return formatPercent(parseRate(rate));
  } catch (error) {
    if (error instanceof RateFormatError) return rate;
    throw error;
  }
}

const PERIOD_PATTERN = /^(\d{4})-(\d{2})$/;

function periodDate(period: string): Date | null {
  const match = PERIOD_PATTERN.exec(period);
  if (!match) return null;
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  return new Date(Date.UTC(Number(match[1]), month - 1, 1));
}

// Periods are calendar months: formatted in UTC so no time zone moves them to the previous month.
const longPeriod = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const shortPeriod = new Intl.DateTimeFormat('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' });
const monthOnly = new Intl.DateTimeFormat('en-US', { month: 'short', timeZone: 'UTC' });

/** '2026-10' → 'October 2026' ('long') or 'Oct 2026' ('short'). */
export function formatPeriod(period: string, style: 'long' | 'short' = 'long'): string {
  const date = periodDate(period);
  if (!date) return period;
  return (style === 'long' ? longPeriod : shortPeriod).format(date);
}

/** '2026-10' → 'Oct'. */
export function periodMonth(period: string): string {
  const date = periodDate(period);
  return date ? monthOnly.format(date) : period;
}

/** '2026-10' → '2026'. */
export function periodYear(period: string): string {
  return period.slice(0, 4);
}

/** The month before `period` ('2026-01' → '2025-12'). */
export function previousPeriod(period: string): string {
  const date = periodDate(period);
  if (!date) return period;
  date.setUTCMonth(date.getUTCMonth() - 1);
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** '1 line', '7 lines'. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
