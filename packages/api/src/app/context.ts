import type { MikroORM } from '@mikro-orm/postgresql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { Actor } from '../auth/actor.js';
import { authenticate } from '../auth/authenticate.js';
import { SessionTokens } from '../auth/session-token.js';
import type { Config } from '../config/config.js';
import { scopeEntityManager } from '../db/scope.js';
import type { Clock } from '../shared/clock.js';
import { Loaders } from './loaders.js';
import { PayoutCipher } from '../modules/payouts/payout-crypto.js';
import { createGraphqlRateLimits, type GraphqlRateLimits } from './rate-limit.js';
import { currentRequestId } from './request-id.js';
import { Scheduler } from '../jobs/scheduler.js';

/** Long-lived, process-wide parts shared by every request (no per-tenant state in here). */
export interface AppServices {
  config: Config;
  orm: MikroORM;
  clock: Clock;
  sessions: SessionTokens;
  /** Encrypts bank account numbers at rest. */
  payoutCipher: PayoutCipher;
  limits: { applicationsPerIp: RateLimiterMemory; loginsPerIp: RateLimiterMemory; graphql: GraphqlRateLimits };
  /** Agenda on PostgreSQL: every process enqueues; workers (role worker or all) also execute. */
  scheduler: Scheduler;
}

export function createAppServices(config: Config, orm: MikroORM, clock: Clock, secrets: { session: string; payoutKey: Buffer }): AppServices {
  const services: Omit<AppServices, 'scheduler'> = {
    config,
    orm,
    clock,
    sessions: new SessionTokens(secrets.session),
    payoutCipher: new PayoutCipher(secrets.payoutKey),
    limits: {
      applicationsPerIp: new RateLimiterMemory({ points: config.rateLimits.applicationsPerHour, duration: 3600 }),
      loginsPerIp: new RateLimiterMemory({ points: config.rateLimits.loginsPer15Min, duration: 900 }),
      graphql: createGraphqlRateLimits(config),
    },
  };
  const app = services as AppServices;
  app.scheduler = new Scheduler(app);
  return app;
}

export interface Context {
  requestId: string;
  ip: string;
  /** Undefined for a public request. */
  actor: Actor | undefined;
  /** Forked per request. Scoped to the actor's tenant; a public request scopes it once it knows the tenant. */
  em: EntityManager;
  loaders: Loaders;
  app: AppServices;
}

export async function buildContext(app: AppServices, req: Request): Promise<Context> {
  const actor = await authenticate(app, req.headers.authorization);
  return contextFor(app, actor, { requestId: currentRequestId() ?? randomUUID(), ip: req.ip ?? 'unknown' });
}

/** A context for an actor outside HTTP (seeding, jobs, the CLI): the same scoping as a request. */
export function contextFor(app: AppServices, actor: Actor | undefined, meta: { requestId?: string; ip?: string } = {}): Context {
  const em = app.orm.em.fork({ clear: true });
  if (actor) scopeEntityManager(em, actor.tenantId, actor.resellerId);
  return { requestId: meta.requestId ?? randomUUID(), ip: meta.ip ?? 'system', actor, em, loaders: new Loaders(em), app };
}
