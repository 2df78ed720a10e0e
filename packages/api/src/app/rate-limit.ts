import type { NextFunction, Request, Response } from 'express';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { API_KEY_PREFIX } from '../auth/authenticate.js';
import type { Config } from '../config/config.js';
import { rateLimited, secondsUntil } from '../shared/errors.js';
import { hashToken } from '../shared/tokens.js';
import { errorResponseBody } from './format-error.js';

export interface GraphqlRateLimits {
  perIp: RateLimiterMemory;
  perSession: RateLimiterMemory;
  perApiKey: RateLimiterMemory;
}

/**
 * Request budgets of /graphql, counted per process in memory (fixed windows of
 * GRAPHQL_RATE_LIMIT_WINDOW_SECONDS). Several API processes behind a load balancer each count
 * their own share: divide the limits by the number of processes, or swap these for
 * rate-limiter-flexible's shared stores (RateLimiterPostgres/Redis: same interface), or limit at the
 * proxy. Memory rather than PostgreSQL here because a shared store costs a write on every read
 * request, on the same pool the queries need.
 */
export function createGraphqlRateLimits(config: Config): GraphqlRateLimits {
  const { windowSeconds: duration, perIp, perSession, perApiKey } = config.rateLimits.graphql;
  return {
    perIp: new RateLimiterMemory({ keyPrefix: 'ip', points: perIp, duration }),
    perSession: new RateLimiterMemory({ keyPrefix: 'session', points: perSession, duration }),
    perApiKey: new RateLimiterMemory({ keyPrefix: 'key', points: perApiKey, duration }),
  };
}

/**
 * Express middleware in front of /graphql: every request counts against its client IP (req.ip,
 * see TRUST_PROXY) and, when it presents a bearer credential, against that credential — an API
 * key's budget holds across all the IPs it is used from, a session's likewise. The credential is
 * counted by its hash before it is verified: a refused request costs no database lookup, and the
 * limiter's keys hold no secret. Over either budget: HTTP 429, Retry-After, and a GraphQL error
 * RATE_LIMITED.
 */
export function graphqlRateLimit(limits: GraphqlRateLimits) {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      await limits.perIp.consume(req.ip ?? 'unknown');
      const token = /^Bearer (\S+)$/i.exec(req.headers.authorization?.trim() ?? '')?.[1];
      if (token) await (token.startsWith(API_KEY_PREFIX) ? limits.perApiKey : limits.perSession).consume(hashToken(token));
      next();
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) return next(rejection);
      const retryAfterSeconds = secondsUntil(rejection.msBeforeNext);
      res.setHeader('Retry-After', String(retryAfterSeconds));
      res.status(429).json(errorResponseBody(rateLimited(`Too many requests. Try again in ${retryAfterSeconds} s.`, retryAfterSeconds)));
    }
  };
}
