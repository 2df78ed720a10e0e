/**
 * Starts the product exactly as `pnpm start` does (the api process serving both built SPAs), on a
 * free port and a fresh database: a new database on TEST_DATABASE_URL's server, or, without one,
 * the embedded PostgreSQL in a temporary folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const apiDir = fileURLToPath(new URL('../../api/', import.meta.url));

export interface ProductServer {
  url: string;
  output: () => string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export async function startProductServer(): Promise<ProductServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development', PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: url, SEED_DEMO: 'true', LOG_LEVEL: 'warn' };
  let dataDir: string | undefined;
  let databaseName: string | undefined;
  if (process.env.TEST_DATABASE_URL) {
    const database = new URL(process.env.TEST_DATABASE_URL);
    databaseName = `rh_e2e_${process.pid}_${Date.now()}`;
    database.pathname = `/${databaseName}`;
    env.DATABASE_URL = database.toString();
  } else {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'rh-e2e-'));
    chmodSync(dataDir, 0o755); // PostgreSQL runs as its own user when we are root
    env.DATABASE_URL = '';
    env.EMBEDDED_PG_DIR = path.join(dataDir, 'pg');
    env.EMBEDDED_PG_PORT = String(await freePort());
  }
  let log = '';
  const child: ChildProcess = spawn(process.execPath, ['--import', './register.js', 'src/main.ts'], { cwd: apiDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (chunk) => (log += chunk));
  child.stderr!.on('data', (chunk) => (log += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`product server exited (${child.exitCode}):\n${log}`);
    if (log.includes('Reseller Hub is running')) break;
    if (Date.now() > deadline) throw new Error(`product server did not start in time:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  return {
    url,
    output: () => log,
    async stop() {
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      if (databaseName && process.env.TEST_DATABASE_URL) {
        const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
        await client.connect();
        await client.query(`drop database if exists "${databaseName}" with (force)`);
        await client.end();
      }
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
