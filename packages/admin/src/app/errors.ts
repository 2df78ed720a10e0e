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
