import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError } from 'type-graphql';
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

/**
 * The one place errors become `extensions.code`. Domain errors keep their code and safe details;
 * GraphQL's own request errors pass through; anything else is logged with the request id and
 * reaches the client only as INTERNAL_SERVER_ERROR with that id — no stack, no SQL.
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
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && CLIENT_CODES.has(code)) {
    // fieldErrors are our own (the storable-text check names the fields it refused).
    const fieldErrors = formatted.extensions?.fieldErrors;
    return { ...base, message: formatted.message, extensions: { code, ...(fieldErrors ? { fieldErrors } : {}) } };
  }
  // A GraphQL error raised by graphql-js itself for the client's document or variables (no
  // original error, no code of its own; Apollo has filled in INTERNAL_SERVER_ERROR by now), e.g.
  // "Too many errors processing variables" past graphql-js's coercion error limit.
  if (original instanceof GraphQLError && !original.originalError && original.extensions.code === undefined) {
    return { ...base, message: formatted.message, extensions: { code: 'BAD_USER_INPUT' } };
  }
  const requestId = currentRequestId() ?? 'none';
  logger.error('unexpected error', {
    requestId,
    error: original instanceof Error ? { name: original.name, message: original.message, stack: original.stack } : String(original),
  });
  return { ...base, message: `Internal server error (request ${requestId})`, extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } };
}

