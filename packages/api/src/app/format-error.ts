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
    return { ...base, message: withoutVariableValues(formatted.message), extensions: { code } };
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
