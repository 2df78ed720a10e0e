import { MoneyFormatError, parseMoney } from '@reseller-hub/shared-schema/money';
import { z } from 'zod';
import { badInput } from './errors.js';

/**
 * Parses service input with a zod schema; a failure becomes one BAD_USER_INPUT error whose
 * `fieldErrors` maps each field path (e.g. `territory.0`) to its first message, so a form can
 * show every problem at once.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const path = issue.path.join('.') || '_';
    fieldErrors[path] ??= issue.message;
  }
  const summary = Object.entries(fieldErrors)
    .map(([field, message]) => `${field}: ${message}`)
    .join('; ');
  throw badInput(`Invalid input — ${summary}`, fieldErrors);
}

/** Trims, then refuses empty and over-long text; the common shape of a required text field. */
export const requiredText = (max: number) =>
  z.string().trim().min(1, 'Required').max(max, `At most ${max} characters`);

export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters`)
    .optional()
    .nullable()
    .transform((value) => (value ? value : null));

export const email = () =>
  z
    .string()
    .trim()
    .toLowerCase()
    .max(254, 'At most 254 characters')
    .pipe(z.email('Not a valid email address'));

export const password = () =>
  z
    .string()
    .min(12, 'At least 12 characters')
    .max(200, 'At most 200 characters')
    .refine((value) => /[A-Za-z]/.test(value) && /[0-9]/.test(value), 'Use letters and digits');

export const phone = () =>
  z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()./-]{7,25}$/, 'Not a valid phone number')
    .refine((value) => value.replace(/\D/g, '').length >= 7, 'Not a valid phone number');

/** Optional web address; empty means none. */
export const website = () =>
  optionalText(300).refine((value) => value === null || /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(value), 'Use a full address starting with https://');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; anything else cannot name a record (answered NOT_FOUND, like another tenant's id). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** A decimal money amount (at most 2 decimals) parsed to exact cents; `message` when it is not one. */
export const moneyAmount = (message = 'Use a decimal amount with at most 2 decimals, e.g. 1204.50') =>
  z
    .string()
    .trim()
    .transform((value, context) => {
      try {
        return parseMoney(value);
      } catch (error) {
        if (!(error instanceof MoneyFormatError)) throw error;
        context.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
    });
