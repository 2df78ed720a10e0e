import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { fieldErrorsOf, hasErrorCode } from '../../app/errors';

/**
 * The server's errors for a commissions form, by form path. `extensions.fieldErrors` keys are
 * already form paths (`rate`, `tiers.1.rate`, `tierMode`); a CONFLICT names its field in
 * `extensions.field` (a duplicate plan name) or, without one, concerns the period the change takes
 * effect from (closed, or not after the current version) — `conflictField` says which input that is.
 */
export function commissionFormErrors(error: unknown, conflictField = 'effectiveFrom'): Record<string, string> {
  const result = fieldErrorsOf(error);
  // Rates are typed as percentages here; the api words its message for decimal rates.
  for (const [field, message] of Object.entries(result)) {
    if (/(^|\.)rate$/.test(field) && /decimal rate/i.test(message)) result[field] = 'Use a percentage from 0 to 100 with at most 2 decimals';
    if (field === 'tierMode') result[field] = 'Choose how the tier rates apply';
  }
  if (hasErrorCode(error, 'CONFLICT') && CombinedGraphQLErrors.is(error)) {
    for (const e of error.errors) {
      if (e.extensions?.['code'] !== 'CONFLICT') continue;
      const field = e.extensions['field'];
      result[typeof field === 'string' ? field : conflictField] ??= e.message;
    }
  }
  return result;
}
