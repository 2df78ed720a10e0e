import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import cors from 'cors';
import { paymentFileHandler } from '../modules/payouts/payment-file.route.js';
import express, { type NextFunction, type Request, type Response } from 'express';
import expressStaticGzip from 'express-static-gzip';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { logger } from '../shared/logger.js';
import { buildContext, type AppServices, type Context } from './context.js';
import { formatError } from './format-error.js';
import { storableTextPlugin } from './input-text.js';
import { requestIdMiddleware } from './request-id.js';
import { createSchema } from './schema.js';

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
  app.disable('x-powered-by');
  // req.ip is the client's address; X-Forwarded-For is believed only from a proxy on this machine.
  app.set('trust proxy', 'loopback');
  app.use(requestIdMiddleware);

  // Query depth, cost, aliases, directives and tokens are capped (SPEC §8), batching is off, and
  // field suggestions are hidden in production so the schema cannot be guessed through errors.
  const armor = new ApolloArmor({
    maxDepth: { n: 12 },
    // Static cost of the document (graphql-armor does not multiply by page sizes; `first` is capped at 100).
    costLimit: { maxCost: 20000 },
    maxAliases: { n: 15 },
    maxDirectives: { n: 20 },
    // Tokens are limited by graphql-js itself (parseOptions below): armor's version answers a syntax error with 500.
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: config.env === 'production' },
  }).protect();
  const apollo = new ApolloServer<Context>({
    schema: await createSchema(),
    formatError,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    // main.ts owns shutdown (HTTP, then jobs, then the database); Apollo's own signal handler
    // would stop it concurrently and re-raise the signal.
    stopOnTerminationSignals: false,
    parseOptions: { maxTokens: 2000 },
    validationRules: armor.validationRules,
    plugins: [
      // graphql-armor is typed against Apollo's CommonJS build, we load its ESM build: same plugin shape.
      ...(armor.plugins as unknown as ApolloServerPlugin<Context>[]),
      storableTextPlugin,
      ApolloServerPluginDrainHttpServer({ httpServer }),
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

  app.get('/files/payment-batches/:batchId/:kind', helmet(), (req, res, next) => {
    paymentFileHandler(services)(req, res).catch(next);
  });

  app.use(
    '/graphql',
    cors({ origin: config.corsOrigins.length ? config.corsOrigins : false, credentials: false }),
    // The GraphQL IDE page loads its own scripts; the SPAs below get a strict policy.
    helmet({ contentSecurityPolicy: false, crossOriginEmbedderPolicy: false }),
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, { context: async ({ req }) => buildContext(services, req) }),
  );

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
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) logger.error('http error', { message: error.message, stack: error.stack });
    const message = error.type === 'entity.too.large' ? 'Request body too large' : error.type === 'entity.parse.failed' ? 'Malformed JSON body' : status === 500 ? 'Internal server error' : error.message;
    res.status(status).json({ errors: [{ message, extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST' } }] });
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
