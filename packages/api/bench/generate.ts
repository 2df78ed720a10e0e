/**
 * The data generator's command line and benchmark entry. The generator itself lives in
 * `src/seeders/generator.ts` (the demo seeder uses it too); see there for what it writes.
 *
 * CLI: pnpm --filter @reseller-hub/api generate --resellers N --customers M --months K --seed S
 *      [--invoices-per-month I] [--end-period YYYY-MM] [--today YYYY-MM-DD] [--tenant-slug SLUG]
 *      [--database-url URL]   (without a URL: DATABASE_URL, else embedded)
 */
import 'reflect-metadata';
import os from 'node:os';
import path from 'node:path';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { ensureDatabase } from '../src/db/database.js';
import { startEmbeddedPostgres, type EmbeddedServer } from '../src/db/embedded-postgres.js';
import { openOrm } from '../src/db/orm.js';
import { generate } from '../src/seeders/generator.js';
import { setLogLevel } from '../src/shared/logger.js';

export { DEFAULT_END_PERIOD, generate, LIFE_TEMPLATES, type GenerateOptions, type Generated, type GeneratedPlans } from '../src/seeders/generator.js';

/** A database server for a benchmark: the given URL's server, else an embedded PostgreSQL. */
export async function benchServer(url: string | undefined): Promise<{ url: string; stop(): Promise<void> }> {
  if (url) return { url, stop: async () => {} };
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rh-bench-pg-'));
  chmodSync(dataDir, 0o755);
  const port = 59000 + Math.floor(Math.random() * 900);
  let embedded: EmbeddedServer;
  try {
    embedded = await startEmbeddedPostgres({ dir: path.join(dataDir, 'data'), port, persistent: false });
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: embedded.url,
    async stop() {
      await embedded.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function parseArgs(argv: string[]): Record<string, string> {
  const args: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) continue;
    const [key, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    args[key] = inline ?? argv[++i] ?? '';
  }
  return args;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const number = (key: string, fallback: number) => {
    const value = args[key] === undefined ? fallback : Number(args[key]);
    if (!Number.isInteger(value) || value < 0) throw new Error(`--${key} must be a whole number`);
    return value;
  };
  setLogLevel('warn');
  // An embedded server would be thrown away at exit, so the CLI keeps its data only with a URL.
  const server = await benchServer(args['database-url'] || process.env.DATABASE_URL || undefined);
  try {
    await ensureDatabase(server.url);
    const orm = await openOrm(server.url);
    try {
      const result = await generate(orm, {
        resellers: number('resellers', 100),
        customers: number('customers', 1000),
        months: number('months', 12),
        invoicesPerMonth: number('invoices-per-month', 1),
        seed: number('seed', 1),
        endPeriod: args['end-period'] || undefined,
        today: args['today'] || undefined,
        tenantSlug: args['tenant-slug'] || undefined,
      });
      console.log(
        JSON.stringify(
          {
            tenantSlug: result.tenantSlug,
            tenantId: result.tenantId,
            periods: [result.periods[0], result.periods.at(-1)],
            today: result.today,
            counts: result.counts,
            stages: result.stages,
            resellerStatuses: result.resellerStatuses,
            seconds: +(result.millis / 1000).toFixed(1),
          },
          null,
          2,
        ),
      );
    } finally {
      await orm.close();
    }
  } finally {
    await server.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
