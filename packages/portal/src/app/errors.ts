import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

// Reading Apollo Client 4 errors. Hooks return `error: ErrorLike | undefined`; GraphQL errors
// arrive as one CombinedGraphQLErrors whose `.errors` holds each error with `extensions.code`
// (set by the api's format-error.ts).

export type ErrorDetail = { message: string; code?: string };

export function describeError(error: unknown): ErrorDetail[] {
  if (CombinedGraphQLErrors.is(error)) {
    return error.errors.map((e) => {
      const code = e.extensions?.['code'];
      return typeof code === 'string' ? { message: e.message, code } : { message: e.message };
    });
  }
  if (ServerError.is(error)) {
    // A non-2xx response that was not a GraphQL response (proxy down, gateway error, ...).
    return [{ message: `The server answered with HTTP ${error.statusCode}.` }];
  }
  if (error instanceof Error) return [{ message: error.message }];
  return [{ message: 'Unknown error.' }];
}

export function hasErrorCode(error: unknown, code: string): boolean {
  return describeError(error).some((detail) => detail.code === code);
}

/** The session is missing, expired or revoked. */
export function isUnauthenticated(error: unknown): boolean {
  return hasErrorCode(error, 'UNAUTHENTICATED') || (ServerError.is(error) && error.statusCode === 401);
}

/** The first error's `extensions.code`, if any (e.g. to pick a message for a known case). */
export function errorCode(error: unknown): string | undefined {
  return describeError(error).find((detail) => detail.code)?.code;
}

/** The first GraphQL error that carries `code`, with its extensions (null when none does). */
function graphQLErrorWithCode(error: unknown, code: string) {
  if (!CombinedGraphQLErrors.is(error)) return null;
  return error.errors.find((e) => e.extensions?.['code'] === code) ?? null;
}

/** The message of the first error with `code` (for showing the api's own wording). */
export function messageForCode(error: unknown, code: string): string | undefined {
  return graphQLErrorWithCode(error, code)?.message;
}

/**
 * Field errors of a BAD_USER_INPUT error, keyed by the form's field names. The api reports paths
 * such as `territory.0`; they are folded onto their top-level field (the first message wins).
 * Returns null when the error has none.
 */
export function fieldErrorsOf(error: unknown): Record<string, string> | null {
  const found = graphQLErrorWithCode(error, 'BAD_USER_INPUT');
  const raw = found?.extensions?.['fieldErrors'];
  if (typeof raw !== 'object' || raw === null) return null;
  const result: Record<string, string> = {};
  for (const [path, message] of Object.entries(raw)) {
    if (typeof message !== 'string') continue;
    const field = path.split('.')[0] ?? path;
    result[field] ??= message;
  }
  return Object.keys(result).length > 0 ? result : null;
}

/**
 * Puts the api's field errors on the form's fields. Returns the messages of errors that match
 * no field of the form (to show in an alert), or null when the error carried no field errors.
 */
export function applyFieldErrors(
  error: unknown,
  fields: readonly string[],
  setFieldError: (field: string, message: string) => void,
): string[] | null {
  const fieldErrors = fieldErrorsOf(error);
  if (!fieldErrors) return null;
  const unmatched: string[] = [];
  for (const [field, message] of Object.entries(fieldErrors)) {
    if (fields.includes(field)) setFieldError(field, message);
    else unmatched.push(field === '_' ? message : `${field}: ${message}`);
  }
  return unmatched;
}

/** A string detail of the first error with `code`, e.g. CONFLICT's `field`. */
export function errorDetail(error: unknown, code: string, key: string): string | undefined {
  const value = graphQLErrorWithCode(error, code)?.extensions?.[key];
  return typeof value === 'string' ? value : undefined;
}
