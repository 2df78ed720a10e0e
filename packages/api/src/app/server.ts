import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import cors from 'cors';
import type { Config } from '../config/config.js';
import { paymentFileHandler } from '../modules/payouts/payment-file.route.js';
import express, { type NextFunction, type Request, type Response } from 'express';
import expressStaticGzip from 'express-static-gzip';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { logger } from '../shared/logger.js';
import { buildContext, type AppServices, type Context } from './context.js';
import { contextFailure, formatError, httpFailure, retryLaterStatusPlugin } from './format-error.js';
import { storableTextPlugin } from './input-text.js';
import { costLimitPlugin } from './query-cost.js';
import { graphqlRateLimit } from './rate-limit.js';
import { requestIdMiddleware } from './request-id.js';
import { createSchema } from './schema.js';

/** What one /graphql request may ask for (SPEC §8: depth and cost are limited). */
export const GRAPHQL_LIMITS = {
  maxDepth: 12,
  /**
   * graphql-armor's static cost: 2 per object field and 1 per scalar, children weighted 1.5 per
   * level, and a connection's subtree multiplied by its page size — literal, variable or default
   * (query-cost.ts).
   */
  maxCost: 20_000,
  maxAliases: 15,
  maxDirectives: 20,
  /** Limited by graphql-js's parser itself: armor's own token limit answers a syntax error with 500. */
  maxTokens: 2000,
  bodyBytes: 1024 * 1024,
} as const;

/** How long an idle keep-alive connection stays open (see createHttpApp). */
export const HTTP_KEEP_ALIVE_MS = 65_000;

/**
 * The validation rules and plugins that enforce GRAPHQL_LIMITS but cost, which needs the request's
 * variables (costLimitPlugin). Batching is off (Apollo), and field suggestions are hidden in
 * production so the schema cannot be guessed through errors.
 */
export function graphqlArmor(config: Pick<Config, 'env'>) {
  return new ApolloArmor({
    maxDepth: { n: GRAPHQL_LIMITS.maxDepth },
    costLimit: { enabled: false },
    maxAliases: { n: GRAPHQL_LIMITS.maxAliases },
    maxDirectives: { n: GRAPHQL_LIMITS.maxDirectives },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: config.env === 'production' },
  }).protect();
}

export interface HttpApp {
  httpServer: http.Server;
  apollo: ApolloServer<Context>;
  /** Resolves with the bound port. */
  listen(port: number, host: string): Promise<number>;
  close(): Promise<void>;
}

/** Express + Apollo Server 5 + the two SPAs on one port. */
export async function createHttpApp(services: AppServices): Promise<HttpApp> {
  const { config } = services;
  const app = express();
  const httpServer = http.createServer(app);
  // An idle keep-alive connection stays open longer than a load balancer's (60 s is common):
  // with Node's 5 s, the server closed connections the balancer (or a client) was about to reuse,
  // and a request sent at that moment failed with a reset — seen under load when the event loop
  // was busy for seconds. (Node wants headersTimeout above keepAliveTimeout.)
  httpServer.keepAliveTimeout = HTTP_KEEP_ALIVE_MS;
  httpServer.headersTimeout = HTTP_KEEP_ALIVE_MS + 1000;
  app.disable('x-powered-by');
  // req.ip is the client's address (rate limits, audit); X-Forwarded-For is believed only from the
  // proxies TRUST_PROXY names (default: one on this machine).
  app.set('trust proxy', config.trustProxy);
  app.use(requestIdMiddleware);

  const armor = graphqlArmor(config);
  const apollo = new ApolloServer<Context>({
    schema: await createSchema(),
    formatError,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    // Like armor's blockFieldSuggestion for documents: no "Did you mean" in variable errors either.
    hideSchemaDetailsFromClientErrors: config.env === 'production',
    allowBatchedHttpRequests: false,
    // main.ts owns shutdown (HTTP, then jobs, then the database); Apollo's own signal handler
    // would stop it concurrently and re-raise the signal.
    stopOnTerminationSignals: false,
    parseOptions: { maxTokens: GRAPHQL_LIMITS.maxTokens },
    validationRules: armor.validationRules,
    plugins: [
      // graphql-armor is typed against Apollo's CommonJS build, we load its ESM build: same plugin shape.
      ...(armor.plugins as unknown as ApolloServerPlugin<Context>[]),
      storableTextPlugin,
      costLimitPlugin(GRAPHQL_LIMITS.maxCost),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      retryLaterStatusPlugin as ApolloServerPlugin<Context>,
      config.graphqlIde ? ApolloServerPluginLandingPageLocalDefault({ embed: true }) : ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await services.orm.em.getConnection().execute('select 1');
      res.json({ status: 'ready' });
    } catch (error) {
      logger.warn('not ready', { error: (error as Error).message });
      res.status(503).json({ status: 'database unavailable' });
    }
  });

  // Downloads count against the same request budgets as /graphql (same credentials).
  app.get('/files/payment-batches/:batchId/:kind', helmet(), graphqlRateLimit(services.limits.graphql), (req, res, next) => {
    paymentFileHandler(services)(req, res).catch(next);
  });

  app.use(
    '/graphql',
    cors({ origin: config.corsOrigins.length ? config.corsOrigins : false, credentials: false }),
    // The GraphQL IDE page loads its own scripts; without the IDE, /graphql only answers JSON, and
    // nothing may load or frame it. The SPAs below get their own strict policy.
    helmet(
      config.graphqlIde
        ? { contentSecurityPolicy: false, crossOriginEmbedderPolicy: false }
        : { contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } } },
    ),
    // Before the body is read: a client over its budget costs neither parsing nor a database lookup.
    graphqlRateLimit(services.limits.graphql),
    express.json({ limit: GRAPHQL_LIMITS.bodyBytes }),
    expressMiddleware(apollo, {
      context: async ({ req }) =>
        buildContext(services, req).catch((error) => {
          throw contextFailure(error);
        }),
    }),
  );

  // helmet's defaults beside the CSP: frame-ancestors 'self' and X-Frame-Options SAMEORIGIN, nosniff,
  // no referrer, COOP/CORP same-origin, and HSTS for a year with subdomains — sent always: browsers
  // ignore it over plain http (`pnpm start` on localhost) and keep to https once a deployment serves it.
  const spaSecurity = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine sets inline style attributes.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'https:'],
        connectSrc: ["'self'"],
        frameSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  for (const [mount, dir] of [
    ['/portal', config.spaDist.portal],
    ['/admin', config.spaDist.admin],
  ] as const) {
    if (!existsSync(path.join(dir, 'index.html'))) {
      logger.warn(`${mount} not built; run pnpm build`, { dir });
      continue;
    }
    // The build wrote .br and .gz copies of its assets: the smallest the client accepts is sent.
    // Hashed asset names never change content, so browsers keep them for good.
    app.use(
      mount,
      spaSecurity,
      expressStaticGzip(dir, {
        enableBrotli: true,
        orderPreference: ['br', 'gz'],
        index: false,
        serveStatic: {
          index: false,
          maxAge: '1h',
          setHeaders: (res, file) => {
            if (file.includes(`${path.sep}assets${path.sep}`)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
          },
        },
      }),
    );
    // Client-side routes: every other path under the mount gets the SPA's index.html.
    app.get(`${mount}{/*rest}`, spaSecurity, (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(path.join(dir, 'index.html'));
    });
  }
  app.get('/', (_req, res) => res.redirect('/portal/'));
  app.use((_req, res) => {
    res.status(404).json({ error: 'Not found' });
  });
  // Malformed JSON, oversized bodies and other request errors: a 4xx with a short JSON answer.
  app.use((error: Error & { status?: number; type?: string }, _req: Request, res: Response, _next: NextFunction) => {
    if (error.status && error.status >= 400 && error.status < 500) {
      const message = error.type === 'entity.too.large' ? 'Request body too large' : error.type === 'entity.parse.failed' ? 'Malformed JSON body' : error.message;
      return void res.status(error.status).json({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
    }
    const failure = httpFailure(error);
    if (failure.retryAfter) {
      logger.warn('database unavailable', { message: error.message });
      res.setHeader('Retry-After', failure.retryAfter);
    } else logger.error('http error', { message: error.message, stack: error.stack });
    res.status(failure.status).json({ errors: [{ message: failure.message, extensions: { code: failure.code } }] });
  });

  return {
    httpServer,
    apollo,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => resolve((httpServer.address() as { port: number }).port));
      }),
    close: async () => {
      await apollo.stop();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
