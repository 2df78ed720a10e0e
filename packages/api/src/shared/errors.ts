/**
 * Domain errors. Services throw these; `app/format-error.ts` is the one place that turns them
 * into GraphQL `extensions.code`. Anything else that escapes a resolver is an internal error.
 */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Extra, client-safe details, e.g. `fieldErrors` for a form. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);
export const conflict = (message: string, details?: Record<string, unknown>) =>
  new AppError('CONFLICT', message, details);
export const forbidden = (message = 'You are not allowed to do this') => new AppError('FORBIDDEN', message);
export const unauthenticated = (message = 'Sign in to continue') => new AppError('UNAUTHENTICATED', message);
export const badInput = (message: string, fieldErrors?: Record<string, string>) =>
  new AppError('BAD_USER_INPUT', message, fieldErrors ? { fieldErrors } : {});
/** Over a request budget: `retryAfterSeconds` becomes the answer's Retry-After (HTTP 429). */
export const rateLimited = (message: string, retryAfterSeconds: number) => new AppError('RATE_LIMITED', message, { retryAfterSeconds });
/** Whole seconds until a limiter's window frees a request (at least 1). */
export const secondsUntil = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** The consume() of a rate-limiter-flexible limiter, refusing with `rateLimited` when over budget. */
export async function consumeOrRefuse(limiter: { consume(key: string): Promise<unknown> }, key: string, message: string): Promise<void> {
  await limiter.consume(key).catch((rejection: { msBeforeNext?: number }) => {
    if (typeof rejection?.msBeforeNext !== 'number') throw rejection;
    throw rateLimited(message, secondsUntil(rejection.msBeforeNext));
  });
}
