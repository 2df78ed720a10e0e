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
 * SERVICE_UNAVAILABLE, sent with HTTP 503 and Retry-After (see {@link serviceUnavailablePlugin}): the
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
    return { ...base, message: formatted.message, extensions: { code } };
  }
  // A GraphQL error raised by graphql-js itself for the client's document (no original error).
  if (original instanceof GraphQLError && !original.originalError && code === undefined) {
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
 * HTTP status of an answer whose errors say the database is unavailable: 503 with Retry-After, so
 * clients and load balancers back off instead of reporting a server fault.
 */
export const serviceUnavailablePlugin: ApolloServerPlugin<never> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
        if (!errors?.some((error) => error.extensions?.code === SERVICE_UNAVAILABLE)) return;
        response.http.status = 503;
        response.http.headers.set('retry-after', RETRY_AFTER_SECONDS);
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
