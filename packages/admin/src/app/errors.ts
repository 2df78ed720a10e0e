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

/**
 * `extensions.fieldErrors` of BAD_USER_INPUT errors (field path → message), merged, for a form's
 * `setErrors`. Empty when the error has none.
 */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  if (!CombinedGraphQLErrors.is(error)) return result;
  for (const e of error.errors) {
    const fieldErrors = e.extensions?.['fieldErrors'];
    if (typeof fieldErrors !== 'object' || fieldErrors === null) continue;
    for (const [field, message] of Object.entries(fieldErrors)) {
      if (typeof message === 'string') result[field] ??= message;
    }
  }
  return result;
}

/** One line for a notification or an inline alert. */
export function errorMessage(error: unknown): string {
  return describeError(error)
    .map((detail) => detail.message)
    .join(' ');
}
