import { MoneyFormatError, parseMoney } from '@reseller-hub/shared-schema/money';
import { AppError } from './errors.js';

export interface RowError {
  index: number;
  field: string;
  message: string;
}

export const MAX_BATCH = 10_000;

/**
 * Bulk inputs are all-or-nothing: every row is checked first and any problem refuses the whole
 * batch with BAD_USER_INPUT listing each row's errors (first 100), so nothing is half-written.
 */
export function refuseIfRowErrors(what: string, errors: RowError[]): void {
  if (errors.length === 0) return;
  throw new AppError('BAD_USER_INPUT', `${errors.length} invalid ${what}: nothing was saved`, { rowErrors: errors.slice(0, 100), rowErrorCount: errors.length });
}

export function checkBatchSize(what: string, size: number): void {
  if (size === 0) throw new AppError('BAD_USER_INPUT', `No ${what} given`);
  if (size > MAX_BATCH) throw new AppError('BAD_USER_INPUT', `At most ${MAX_BATCH} ${what} per call (got ${size})`);
}

/** Parses a row's money field into cents; empty is null, a bad amount is a row error (and null). */
export function rowMoney(value: string | null | undefined, index: number, field: string, errors: RowError[]): bigint | null {
  if (value === null || value === undefined || value === '') return null;
  try {
    return parseMoney(value);
  } catch (error) {
    if (!(error instanceof MoneyFormatError)) throw error;
    errors.push({ index, field, message: 'Use a decimal amount with at most 2 decimals, e.g. 1204.50' });
    return null;
  }
}
