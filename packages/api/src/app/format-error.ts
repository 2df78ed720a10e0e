import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError } from 'type-graphql';
import { isDatabaseUnavailable } from '../db/database-unavailable.js';
import { AppError } from '../shared/errors.js';
import { logger } from '../shared/logger.js';
import { currentRequestId } from './request-id.js';

/** Codes that GraphQL/Apollo themselves produce for a bad request; safe to pass through. */
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
]);

export const SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE';
/** Seconds a client is asked to wait before retrying while the database is unavailable. */
const RETRY_AFTER_SECONDS = '5';
const UNAVAILABLE_MESSAGE = 'The service is briefly unavailable (its database cannot be reached); try again in a few seconds';

/**
 * The one place errors become `extensions.code`. Domain errors keep their code and safe details;
 * GraphQL's own request errors pass through; the database being unreachable (down, restarting) is
 * SERVICE_UNAVAILABLE, sent with HTTP 503 and Retry-After (see {@link retryLaterStatusPlugin}): the
 * request may simply be sent again; anything else is logged with the request id and reaches the
 * client only as INTERNAL_SERVER_ERROR with that id — no stack, no SQL.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = { locations: formatted.locations, path: formatted.path };
  if (original instanceof AppError) {
    return { ...base, message: original.message, extensions: { code: original.code, ...original.details } };
  }
  if (original instanceof ArgumentValidationError) {
    return { ...base, message: 'Invalid input', extensions: { code: 'BAD_USER_INPUT' } };
  }
  if (isDatabaseUnavailable(original)) {
    const requestId = currentRequestId() ?? 'none';
    logger.warn('database unavailable', { requestId, error: original instanceof Error ? original.message : String(original) });
    return { ...base, message: UNAVAILABLE_MESSAGE, extensions: { code: SERVICE_UNAVAILABLE, requestId } };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && CLIENT_CODES.has(code)) {
    // fieldErrors are our own (the storable-text check names the fields it refused).
    const fieldErrors = formatted.extensions?.fieldErrors;
    return { ...base, message: withoutVariableValues(formatted.message), extensions: { code, ...(fieldErrors ? { fieldErrors } : {}) } };
  }
  // A GraphQL error raised by graphql-js itself for the client's document or variables, e.g. "Too
  // many errors processing variables": no original error, no resolver path, no code of its own
  // (Apollo's INTERNAL_SERVER_ERROR above is only its default).
  if (original instanceof GraphQLError && !original.originalError && !original.path && original.extensions.code === undefined) {
    return { ...base, message: formatted.message, extensions: { code: 'BAD_USER_INPUT' } };
  }
  const requestId = currentRequestId() ?? 'none';
  logger.error('unexpected error', {
    requestId,
    error: original instanceof Error ? { name: original.name, message: original.message, stack: original.stack } : String(original),
  });
  return { ...base, message: `Internal server error (request ${requestId})`, extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } };
}


/**
 * graphql-js repeats a refused variable value in its message ("Variable "$input" got invalid value
 * { password: "…" }; Field "email" … was not provided", "String cannot represent a non string value:
 * 4979…"): a password, a token or a bank account number sent in the wrong shape would come back in
 * the error, and from there into the client's logs. The message keeps the variable, the path and
 * the reason, never the value.
 */
export function withoutVariableValues(message: string): string {
  const variable = /^Variable "\$(\w+)" got invalid value /.exec(message)?.[1];
  if (!variable) return message;
  const at = new RegExp(` at "(${variable}(?:\\.\\w+|\\[\\d+\\])*)"; `).exec(message);
  const reason = reasonWithoutValue(at ? message.slice(at.index + at[0].length) : message);
  return `Variable "$${variable}" got an invalid value${at ? ` at "${at[1]}"` : ''}: ${reason}`;
}

/** graphql-js's reason for refusing a value, from the end of its message, without the value some reasons repeat. */
function reasonWithoutValue(text: string): string {
  // Suggestions name schema fields, not values (production hides them: "[Suggestion hidden]").
  const named = /(Field "\w+" of required type "[\w![\]]+" was not provided\.|Field "\w+" is not defined by type "\w+"\.|Expected type "\w+" to be an object\.|Expected non-nullable type "[\w![\]]+" not to be null\.)( Did you mean "\w+"(?:, "\w+")*(?:,? or "\w+")?\?| \[Suggestion hidden\]\??)?$/.exec(text);
  if (named) return named[2]?.startsWith(' Did you mean') ? named[1] + named[2] : named[1]!;
  const scalar = /^(\w+) cannot represent ([\w -]*?)value/.exec(text);
  if (scalar) return `${scalar[0]}.`;
  const enumValue = /does not exist in "(\w+)" enum/.exec(text);
  if (enumValue) return `not a value of the "${enumValue[1]}" enum.`;
  return 'not a value of the expected type.';
}

/** The body of an error answered before GraphQL runs (rate limit): the same shape and mapping as above. */
export function errorResponseBody(error: AppError): { errors: GraphQLFormattedError[] } {
  return { errors: [formatError({ message: error.message }, error)] };
}

/** Codes that are the server's way of saying "later", with the HTTP status that says it too. */
const STATUS_OF_CODE: Record<string, number> = { [SERVICE_UNAVAILABLE]: 503, RATE_LIMITED: 429 };

/**
 * HTTP status of an answer whose errors say "later": 503 while the database is unavailable, 429 over
 * a rate limit (sign-ins, applications), each with Retry-After, so clients and load balancers back
 * off instead of reporting a server fault or retrying at once.
 */
export const retryLaterStatusPlugin: ApolloServerPlugin<never> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
        const later = errors?.find((error) => STATUS_OF_CODE[String(error.extensions?.code)]);
        if (!later) return;
        response.http.status = STATUS_OF_CODE[String(later.extensions!.code)]!;
        response.http.headers.set('retry-after', String(later.extensions!.retryAfterSeconds ?? RETRY_AFTER_SECONDS));
      },
    };
  },
};

/**
 * For the context function (it authenticates against the database): Apollo answers a failed context
 * outside the request's plugins, with the status the error carries, so an unreachable database is
 * given its 503 here; {@link formatError} then gives it its code.
 */
export function contextFailure(error: unknown): unknown {
  if (!isDatabaseUnavailable(error)) return error;
  return new GraphQLError('Context creation failed: database unavailable', {
    originalError: error as Error,
    extensions: { http: { status: 503, headers: new HeaderMap([['retry-after', RETRY_AFTER_SECONDS]]) } },
  });
}

/** Status and body for an error outside GraphQL (the file downloads): 503 when the database is unreachable, else 500. */
export function httpFailure(error: unknown): { status: number; code: string; message: string; retryAfter?: string } {
  return isDatabaseUnavailable(error)
    ? { status: 503, code: SERVICE_UNAVAILABLE, message: UNAVAILABLE_MESSAGE, retryAfter: RETRY_AFTER_SECONDS }
    : { status: 500, code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' };
}
