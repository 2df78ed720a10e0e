/**
 * Process entry: configuration → database (embedded PostgreSQL when no DATABASE_URL) →
 * migrations → demo data on first start → HTTP (GraphQL + both SPAs). Nothing runs on import
 * elsewhere; everything starts here.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createAppServices } from './app/context.js';
import { createHttpApp } from './app/server.js';
import { loadConfig, type Config } from './config/config.js';
import { ensureDatabase, withDatabase } from './db/database.js';
import { startEmbeddedPostgres, type EmbeddedServer } from './db/embedded-postgres.js';
import { openOrm } from './db/orm.js';
import { assertDecoratorMetadata } from './db/self-check.js';
import { DEMO_LOGINS, DEMO_OWNER_LOGIN, DEMO_PARTNER_LOGIN, DEMO_PASSWORD, seedDemo } from './seeders/demo-seeder.js';
import { systemClock } from './shared/clock.js';
import { logger, setLogLevel } from './shared/logger.js';

/** Outside production a missing secret is generated once and kept beside the data (mode 600). */
function localSecret(config: Config, name: string, bytes: number): string {
  const file = path.join(path.dirname(config.embeddedPg.dir), name);
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(bytes).toString('base64'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

async function main() {
  const config = loadConfig();
  setLogLevel(config.logLevel);
  assertDecoratorMetadata();

  let embedded: EmbeddedServer | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({ dir: config.embeddedPg.dir, port: config.embeddedPg.port, persistent: true });
    databaseUrl = withDatabase(embedded.url, 'reseller_hub');
  }
  await ensureDatabase(databaseUrl);
  const orm = await openOrm(databaseUrl);
  const services = createAppServices(config, orm, systemClock, {
    session: config.sessionSecret ?? localSecret(config, 'session-secret', 48),
    payoutKey: config.payoutEncryptionKey ?? Buffer.from(localSecret(config, 'payout-encryption-key', 32), 'base64'),
  });
  const seeded = config.seedDemo ? await seedDemo(services) : false;
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
  ];
  if (config.seedDemo) {
    lines.push(`  Demo logins (password "${DEMO_PASSWORD}"):`);
    for (const login of DEMO_LOGINS) lines.push(`    ${login.role.padEnd(16)} ${login.email}   (admin console)`);
    lines.push(`    ${'RESELLER_STAFF'.padEnd(16)} ${DEMO_PARTNER_LOGIN}   (partner portal, RS-000001)`);
    lines.push(`    ${'RESELLER_OWNER'.padEnd(16)} ${DEMO_OWNER_LOGIN}   (partner portal, RS-000001: bank details)`);
  }
  console.log(lines.join('\n') + '\n');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    await http.close();
    await orm.close();
    await embedded?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  if (error instanceof Error && error.stack) logger.error('start-up failed', { stack: error.stack });
  process.exit(1);
});
