// Client-side checks that mirror the api's (packages/api/src/shared/validation.ts), so most
// mistakes show before a round trip. The api stays the authority: its `fieldErrors` are mapped
// back onto the same fields.

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ()./-]{7,25}$/;
const WEBSITE = /^https?:\/\/[^\s/$.?#][^\s]*$/i;

export function requiredText(max: number) {
  return (value: string): string | null => {
    const trimmed = value.trim();
    if (!trimmed) return 'Required';
    if (trimmed.length > max) return `At most ${max} characters`;
    return null;
  };
}

export function optionalText(max: number) {
  return (value: string): string | null => (value.trim().length > max ? `At most ${max} characters` : null);
}

export function emailAddress(value: string): string | null {
  const trimmed = value.trim();
  if (!trimmed) return 'Required';
  if (trimmed.length > 254) return 'At most 254 characters';
  return EMAIL.test(trimmed) ? null : 'Not a valid email address';
}

export function phoneNumber(value: string): string | null {
  const trimmed = value.trim();
  if (!trimmed) return 'Required';
  if (!PHONE.test(trimmed) || trimmed.replace(/\D/g, '').length < 7) {
    return 'Not a valid phone number (at least 7 digits)';
  }
  return null;
}

/** Optional: empty means none. */
export function websiteAddress(value: string): string | null {
  const trimmed = value.trim();
  if (!trimmed) return null;
  if (trimmed.length > 300) return 'At most 300 characters';
  return WEBSITE.test(trimmed) ? null : 'Use a full address starting with https://';
}

/** For a NumberInput's value (a number, or '' when empty). */
export function wholeNumber(max: number) {
  return (value: number | string): string | null => {
    if (value === '' || value === null || value === undefined) return 'Required';
    const number = Number(value);
    if (!Number.isInteger(number)) return 'Use a whole number';
    if (number < 0) return 'Cannot be negative';
    if (number > max) return `At most ${max.toLocaleString('en-US')}`;
    return null;
  };
}

/** SPEC §1 / the api's password rule: at least 12 characters with letters and digits. */
export function newPassword(value: string): string | null {
  if (value.length < 12) return 'Use at least 12 characters';
  if (value.length > 200) return 'At most 200 characters';
  if (!/[A-Za-z]/.test(value) || !/[0-9]/.test(value)) return 'Use both letters and digits';
  return null;
}

/**
 * An ABA routing number: 9 digits whose weighted sum (3, 7, 1, …) is a multiple of 10 — the api's
 * `isValidRoutingNumber` (payouts/nacha-writer.ts), so a mistyped digit shows before submitting.
 */
export function routingNumber(value: string): string | null {
  const trimmed = value.trim();
  if (!trimmed) return 'Required';
  if (!/^\d{9}$/.test(trimmed)) return 'Use the 9 digits of the routing number';
  const weights = [3, 7, 1, 3, 7, 1, 3, 7, 1];
  const sum = weights.reduce((total, weight, index) => total + weight * Number(trimmed[index]), 0);
  return sum % 10 === 0 ? null : 'Not a valid routing number: check the digits';
}

/** A bank account number as the api takes it: 4 to 17 digits, spaces and dashes ignored. */
export function bankAccountNumber(value: string): string | null {
  const digits = value.replace(/[\s-]/g, '');
  if (!digits) return 'Required';
  return /^\d{4,17}$/.test(digits) ? null : 'Use the account number: 4 to 17 digits';
}
