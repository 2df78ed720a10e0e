import { formatMoneyDisplay, formatPercent, formatRate, parseMoney, parseRate } from '@reseller-hub/shared-schema/money';

// Money and rates as the console shows and edits them. The api sends money as an exact decimal
// string with its currency; it is parsed to integer cents (bigint) with the shared helpers and
// formatted with Intl currency conventions — never through a float. Totals always come from the
// api; the console adds nothing up itself.

export type MoneyValue = { amount: string; currency: string };

/** Integer cents of an api amount, or null when the text is not a decimal amount. */
export function centsOf(amount: string): bigint | null {
  try {
    return parseMoney(amount);
  } catch {
    return null;
  }
}

/** "$1,204.50", "-$12.00"; the raw text when it cannot be parsed (never hides a value). */
export function formatMoney(money: MoneyValue | null | undefined): string {
  if (!money) return '—';
  const cents = centsOf(money.amount);
  if (cents === null) return `${money.amount} ${money.currency}`;
  try {
    return formatMoneyDisplay(cents, money.currency);
  } catch {
    return `${money.amount} ${money.currency}`;
  }
}

/** A plain decimal amount of a plan's terms ("2500.00") in the tenant's currency. */
export function formatAmount(amount: string | null | undefined, currency: string): string {
  if (amount === null || amount === undefined) return '—';
  return formatMoney({ amount, currency });
}

/** Whether an amount is below zero (clawbacks, caps), for colouring. */
export function isNegative(money: MoneyValue): boolean {
  const cents = centsOf(money.amount);
  return cents !== null && cents < 0n;
}

/** "0.1250" → "12.5 %"; the raw text when it is not a rate. */
export function formatRatePercent(rate: string | null | undefined): string {
  if (rate === null || rate === undefined) return '—';
  try {
    return formatPercent(parseRate(rate));
  } catch {
    return rate;
  }
}

/** The currency symbol the tenant's amounts use ("$", "€", "CHF"), for input prefixes. */
export function currencySymbol(currency: string): string {
  try {
    const part = new Intl.NumberFormat('en-US', { style: 'currency', currency }).formatToParts(0).find((p) => p.type === 'currency');
    return part?.value ?? currency;
  } catch {
    return currency;
  }
}

// ---- Form input: people type percentages and amounts; the api takes decimal strings. ----

const PERCENT_INPUT = /^(\d{1,3})(?:\.(\d{1,2}))?$/;
const AMOUNT_INPUT = /^\d{1,13}(?:\.\d{1,2})?$/;

/**
 * "12.5" (%) → "0.1250", exactly (string and bigint work, no float); null when the text is not a
 * percentage from 0 to 100 with at most 2 decimals (a rate has at most 4 decimal places).
 */
export function percentToRate(text: string): string | null {
  const match = PERCENT_INPUT.exec(text.trim());
  if (!match) return null;
  const [, whole = '0', fraction = ''] = match;
  const units = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
  if (units > 10_000n) return null;
  return formatRate(units);
}

/** "0.1250" → "12.5", to prefill a percentage input from stored terms. */
export function rateToPercent(rate: string | null | undefined): string {
  if (!rate) return '';
  try {
    return formatPercent(parseRate(rate)).replace(/\s*%$/, '');
  } catch {
    return '';
  }
}

export function validPercent(text: string): boolean {
  return percentToRate(text) !== null;
}

/** A non-negative amount with at most 2 decimals, as the api accepts it ("1500", "49.99"). */
export function validAmount(text: string): boolean {
  return AMOUNT_INPUT.test(text.trim());
}

/** "2500.00" → "2500" for an input; keeps cents when there are any. */
export function amountInput(amount: string | null | undefined): string {
  if (!amount) return '';
  return amount.endsWith('.00') ? amount.slice(0, -3) : amount;
}

/** Like {@link validAmount}, also below zero ("-12.50"): a corrected line may be a clawback. */
export function validSignedAmount(text: string): boolean {
  const trimmed = text.trim();
  return validAmount(trimmed.startsWith('-') ? trimmed.slice(1) : trimmed);
}
