/**
 * Exact money helpers, shared by the api and both SPAs.
 *
 * Money is an integer number of minor units (cents) held in a `bigint`; rates are integers in
 * "rate units" of 1/10000 (`0.1250` → 1250n). Nothing here ever converts money to a JavaScript
 * number: parsing, formatting, rounding and allocation all work on bigints and strings, so there is
 * no binary float anywhere on the path (SPEC §4 "Money is exact").
 *
 * Every amount has exactly two decimals (cents) in this module, whatever the currency: the product's
 * billing records, plans and payouts are all stated in cents.
 */

/** Thrown by {@link parseMoney} for any text that is not a plain decimal amount. */
export class MoneyFormatError extends Error {
  /** The rejected input, as given. */
  readonly input: unknown;
  constructor(input: unknown, reason: string) {
    super(`Invalid money amount ${JSON.stringify(String(input))}: ${reason}`);
    this.name = 'MoneyFormatError';
    this.input = input;
  }
}

/** Thrown by {@link parseRate} for any text that is not a decimal rate between 0 and 1. */
export class RateFormatError extends Error {
  /** The rejected input, as given. */
  readonly input: unknown;
  constructor(input: unknown, reason: string) {
    super(`Invalid rate ${JSON.stringify(String(input))}: ${reason}`);
    this.name = 'RateFormatError';
    this.input = input;
  }
}

/** Rate units per 1 (a rate of 1 = 100 %). */
export const RATE_SCALE = 10_000n;

/** The largest absolute amount {@link parseMoney} accepts: 10^13 dollars, in cents. */
export const MAX_MONEY_CENTS = 10n ** 15n;

// Optional '-', integer digits, optional '.' with one or two digits. No '+', no spaces, no thousands
// separators, no exponent, no bare '.5' or '12.'.
const MONEY_PATTERN = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;
// A rate is 0 ≤ r ≤ 1 with up to four decimals: the integer part is a single 0 or 1.
const RATE_PATTERN = /^([01])(?:\.(\d{1,4}))?$/;

/**
 * Parses a decimal amount ("1204.5", "1204.50", "-12.00", "0") into cents. Leading zeros in the
 * integer part are accepted ("007.50" is 750n); "-0" and "-0.00" are 0n. Throws
 * {@link MoneyFormatError} for anything else, including amounts above 10^13 in absolute value.
 */
export function parseMoney(text: string): bigint {
  if (typeof text !== 'string') throw new MoneyFormatError(text, 'not a string');
  // A cheap length guard before the regular expression and BigInt (10^13 needs 14 digits).
  if (text.length > 40) throw new MoneyFormatError(text, 'too long');
  const match = MONEY_PATTERN.exec(text);
  if (!match) throw new MoneyFormatError(text, 'expected digits with at most 2 decimals, e.g. 1204.50');
  const [, sign, whole = '0', fraction = ''] = match;
  const cents = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
  if (cents > MAX_MONEY_CENTS) throw new MoneyFormatError(text, 'larger than 10^13 in absolute value');
  return sign === '-' ? -cents : cents;
}

/** Formats cents as a plain decimal: "1204.50", "-0.05", "0.00" (two decimals, no separators). */
export function formatMoney(cents: bigint): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  return `${negative ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

const displayFormats = new Map<string, Intl.NumberFormat>();

function displayFormat(currency: string): Intl.NumberFormat {
  let format = displayFormats.get(currency);
  if (!format) {
    // Throws a RangeError for a malformed currency code.
    format = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency,
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    displayFormats.set(currency, format);
  }
  return format;
}

/**
 * Formats cents for people: "$1,204.50", "-$0.05", "€1,204.50", "CHF 1,204.50" (en-US conventions
 * for the currency's symbol and sign; always two decimals).
 *
 * Exact for any size: Intl formats the whole-unit part as a bigint (Intl formats bigints exactly)
 * and lays out symbol, sign and grouping; the two cent digits are then written from the bigint.
 * No part of the amount goes through a float.
 */
export function formatMoneyDisplay(cents: bigint, currency: string): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const whole = abs / 100n;
  const fraction = (abs % 100n).toString().padStart(2, '0');
  // Format a non-zero stand-in when the whole part is 0 so a negative sign is kept ("-$0.05"):
  // bigint has no -0.
  const probe = whole === 0n ? 1n : whole;
  const parts = displayFormat(currency).formatToParts(negative ? -probe : probe);
  return parts
    .map((part) => {
      if (part.type === 'integer') return whole === 0n ? '0' : part.value;
      if (part.type === 'fraction') return fraction;
      return part.value;
    })
    .join('');
}

/**
 * Parses a decimal rate with up to four decimals, 0 ≤ rate ≤ 1, into rate units of 1/10000:
 * "0.1250" → 1250n, "0.12" → 1200n, "1" → 10000n, "0" → 0n. Throws {@link RateFormatError}
 * otherwise (negative, above 1, more than four decimals, "12%", ".5", spaces…).
 */
export function parseRate(text: string): bigint {
  if (typeof text !== 'string') throw new RateFormatError(text, 'not a string');
  const match = RATE_PATTERN.exec(text);
  if (!match) throw new RateFormatError(text, 'expected a decimal between 0 and 1 with at most 4 decimals, e.g. 0.1250');
  const [, whole = '0', fraction = ''] = match;
  const units = BigInt(whole) * RATE_SCALE + BigInt(fraction.padEnd(4, '0'));
  if (units > RATE_SCALE) throw new RateFormatError(text, 'larger than 1');
  return units;
}

/** Formats rate units as a four-decimal rate: 1250n → "0.1250", 10000n → "1.0000". */
export function formatRate(units: bigint): string {
  const negative = units < 0n;
  const abs = negative ? -units : units;
  return `${negative ? '-' : ''}${abs / RATE_SCALE}.${(abs % RATE_SCALE).toString().padStart(4, '0')}`;
}

/**
 * Formats rate units as a percentage with trailing zeros trimmed and a space before the sign:
 * 1200n → "12 %", 1250n → "12.5 %", 1225n → "12.25 %", 5n → "0.05 %", 10000n → "100 %".
 * (One rate unit is 0.01 %, so two decimals are always exact.)
 */
export function formatPercent(units: bigint): string {
  const negative = units < 0n;
  const abs = negative ? -units : units;
  const fraction = (abs % 100n).toString().padStart(2, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${abs / 100n}${fraction ? `.${fraction}` : ''} %`;
}

/**
 * numerator / denominator rounded to the nearest integer, ties to the even integer (banker's
 * rounding): 1/2 → 0, 3/2 → 2, 5/2 → 2, -3/2 → -2. Symmetric: f(-n, d) === -f(n, d).
 * Throws a RangeError unless denominator > 0.
 */
export function roundHalfEven(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError('roundHalfEven: the denominator must be positive');
  const negative = numerator < 0n;
  const abs = negative ? -numerator : numerator;
  let quotient = abs / denominator;
  const twiceRemainder = (abs % denominator) * 2n;
  if (twiceRemainder > denominator || (twiceRemainder === denominator && quotient % 2n === 1n)) quotient += 1n;
  return negative ? -quotient : quotient;
}

/**
 * cents × rate, rounded half-to-even to the cent once: applyRate(15n, 1000n) = 2n (1.5 → 2),
 * applyRate(5n, 1000n) = 0n (0.5 → 0), applyRate(-15n, 1000n) = -2n (symmetric).
 */
export function applyRate(cents: bigint, rateUnits: bigint): bigint {
  return roundHalfEven(cents * rateUnits, RATE_SCALE);
}

/** Floor division (toward −∞) for a positive divisor. */
function floorDiv(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator;
  return numerator % denominator < 0n ? quotient - 1n : quotient;
}

/**
 * Splits `total` cents over `weights` in proportion, so that the parts sum exactly to `total`
 * (largest remainder / Hamilton method):
 * 1. each part starts at floor(total × wᵢ / Σw), rounded toward −∞;
 * 2. the cents left over (always fewer than the number of weights) go one each to the parts with
 *    the largest remainders (total × wᵢ mod Σw), ties to the lower index.
 *
 * - A negative `total` is allocated as its absolute value and every part negated, so
 *   allocate(-t, w) = -allocate(t, w) (the leftover cents go to the largest magnitudes either way).
 * - A zero weight always gets 0 (its remainder is 0, and a remainder of 0 never wins a leftover cent).
 * - Negative individual weights are allowed as long as Σw > 0: such a part is negative (its floor is
 *   taken toward −∞ like any other) and may win a leftover cent like any other part; the parts still
 *   sum exactly to `total`. (The commission engine uses this for a customer whose refunds exceed
 *   their payments while the reseller's total revenue is positive.)
 * - Throws a RangeError when Σw ≤ 0 (no weights, all zero, or net negative): there is no
 *   proportion to follow, the caller decides what that means.
 */
export function allocateLargestRemainder(total: bigint, weights: readonly bigint[]): bigint[] {
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0n);
  if (weightSum <= 0n) throw new RangeError('allocateLargestRemainder: the weights must sum to more than zero');
  if (total < 0n) return allocateLargestRemainder(-total, weights).map((part) => -part);

  const parts: bigint[] = [];
  const remainders: { index: number; remainder: bigint }[] = [];
  let allocated = 0n;
  weights.forEach((weight, index) => {
    const share = total * weight;
    const part = floorDiv(share, weightSum);
    parts.push(part);
    remainders.push({ index, remainder: share - part * weightSum }); // in [0, Σw)
    allocated += part;
  });
  // (total - allocated) × Σw = Σ remainders, each remainder < Σw: fewer left-over cents than parts.
  let leftover = total - allocated;
  remainders.sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of remainders) {
    if (leftover === 0n) break;
    parts[index] = (parts[index] ?? 0n) + 1n;
    leftover -= 1n;
  }
  return parts;
}
