/**
 * Process entry: configuration → database (embedded PostgreSQL when no DATABASE_URL) →
 * migrations → demo data on first start → HTTP (GraphQL + both SPAs) → scheduler. Nothing runs
 * on import elsewhere; everything starts here. `--role api|worker|all` (or PROCESS_ROLE) lets API
 * servers and job workers scale apart; `all` (the default) runs both in one process.
 */
import 'reflect-metadata';
import exitHook from 'async-exit-hook';
import { createAppServices } from './app/context.js';
import { createHttpApp } from './app/server.js';
import { loadConfig } from './config/config.js';
import { installationSecrets } from './config/local-secrets.js';
import { ensureDatabase, withDatabase } from './db/database.js';
import { startEmbeddedPostgres, type EmbeddedServer } from './db/embedded-postgres.js';
import { openOrm } from './db/orm.js';
import { assertDecoratorMetadata } from './db/self-check.js';
import { sealStoredPaymentFiles } from './modules/payouts/payment-file.repository.js';
import { DEMO_LOGINS, DEMO_OWNER_LOGIN, DEMO_PARTNER_LOGIN, DEMO_PASSWORD, seedDemo } from './seeders/demo-seeder.js';
import { systemClock } from './shared/clock.js';
import { logger, setLogLevel } from './shared/logger.js';

function roleFromArguments(argv: string[]): string | undefined {
  const index = argv.findIndex((arg) => arg === '--role' || arg.startsWith('--role='));
  if (index < 0) return undefined;
  return argv[index]!.includes('=') ? argv[index]!.split('=')[1] : argv[index + 1];
}

async function main() {
  // The embedded database's library would exit on SIGTERM/SIGINT before our shutdown finished
  // (exit code 143, jobs not drained); our handlers below stop everything, the database included.
  exitHook.unhookEvent('SIGTERM');
  exitHook.unhookEvent('SIGINT');
  const roleArgument = roleFromArguments(process.argv.slice(2));
  const config = loadConfig(roleArgument ? { ...process.env, PROCESS_ROLE: roleArgument } : process.env);
  setLogLevel(config.logLevel);
  assertDecoratorMetadata();
  const serveHttp = config.role !== 'worker';
  const runJobs = config.role !== 'api';

  let embedded: EmbeddedServer | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl && !serveHttp) {
    throw new Error('A separate worker needs DATABASE_URL: the embedded database belongs to the process `pnpm start` runs (which also runs the jobs).');
  }
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({ dir: config.embeddedPg.dir, port: config.embeddedPg.port, persistent: true });
    databaseUrl = withDatabase(embedded.url, 'reseller_hub');
  }
  await ensureDatabase(databaseUrl);
  const orm = await openOrm(databaseUrl);
  const services = createAppServices(config, orm, systemClock, installationSecrets(config));
  const sealed = await sealStoredPaymentFiles(orm.em.fork(), services.payoutCipher);
  if (sealed) logger.info('payment files encrypted at rest', { files: sealed });
  const seeded = config.seedDemo && serveHttp ? await seedDemo(services) : false;
  if (runJobs) await services.scheduler.start();
  const stopping = { done: false };
  const stop = async (signal: string, close: () => Promise<void>) => {
    if (stopping.done) return;
    stopping.done = true;
    logger.info('shutting down', { signal });
    await close();
    await services.scheduler.stop();
    await orm.close();
    await embedded?.stop();
    process.exit(0);
  };
  if (!serveHttp) {
    console.log(`\nReseller Hub worker ${services.scheduler.worker} is running the scheduled jobs (email: ${config.mail.smtpUrl ? 'SMTP' : 'captured to the outbox'})\n`);
    process.on('SIGINT', () => void stop('SIGINT', async () => {}));
    process.on('SIGTERM', () => void stop('SIGTERM', async () => {}));
    return;
  }
  const http = await createHttpApp(services);
  const port = await http.listen(config.port, config.host);

  const base = config.publicUrl.replace(`:${config.port}`, `:${port}`);
  const lines = [
    '',
    'Reseller Hub is running',
    `  Partner portal   ${base}/portal/`,
    `  Admin console    ${base}/admin/`,
    `  GraphQL API      ${base}/graphql`,
    `  Database         ${embedded ? `embedded PostgreSQL in ${config.embeddedPg.dir}` : 'DATABASE_URL'}${seeded ? ' (demo data created)' : ''}`,
    `  Jobs             ${runJobs ? 'run in this process' : 'run by separate workers (--role worker)'}; emails ${config.mail.smtpUrl ? 'sent over SMTP' : 'captured to the outbox (set SMTP_URL to send)'}`,
  ];
  if (config.seedDemo) {
    lines.push(`  Demo logins (password "${DEMO_PASSWORD}"):`);
    for (const login of DEMO_LOGINS) lines.push(`    ${login.role.padEnd(16)} ${login.email}   (admin console)`);
    lines.push(`    ${'RESELLER_STAFF'.padEnd(16)} ${DEMO_PARTNER_LOGIN}   (partner portal, RS-000001)`);
    lines.push(`    ${'RESELLER_OWNER'.padEnd(16)} ${DEMO_OWNER_LOGIN}   (partner portal, RS-000001: bank details)`);
  }
  console.log(lines.join('\n') + '\n');

  process.on('SIGINT', () => void stop('SIGINT', () => http.close()));
  process.on('SIGTERM', () => void stop('SIGTERM', () => http.close()));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  if (error instanceof Error && error.stack) logger.error('start-up failed', { stack: error.stack });
  process.exit(1);
});
