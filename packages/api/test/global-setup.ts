/**
 * One fresh database for the whole run, migrated once. With TEST_DATABASE_URL (any database on
 * the server; CI points it at the local PostgreSQL) a new database `rh_test_<pid>` is created
 * there and dropped afterwards; without it, an embedded PostgreSQL is started in a temp folder.
 */
import 'reflect-metadata';
import os from 'node:os';
import path from 'node:path';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { dropDatabase, ensureDatabase, withDatabase } from '../src/db/database.js';
import { startEmbeddedPostgres, type EmbeddedServer } from '../src/db/embedded-postgres.js';
import { openOrm } from '../src/db/orm.js';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  let embedded: EmbeddedServer | undefined;
  let dataDir: string | undefined;
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'rh-test-pg-'));
    // PostgreSQL runs as its own OS user when we are root: it must be able to enter the folder.
    chmodSync(dataDir, 0o755);
    const port = 55000 + Math.floor(Math.random() * 4000);
    embedded = await startEmbeddedPostgres({ dir: path.join(dataDir, 'data'), port, persistent: false });
    serverUrl = embedded.url;
  }
  const databaseUrl = withDatabase(serverUrl, `rh_test_${process.pid}_${Date.now()}`);
  await ensureDatabase(databaseUrl);
  const orm = await openOrm(databaseUrl);
  await orm.close();
  project.provide('databaseUrl', databaseUrl);
  console.log(`test database: ${embedded ? 'embedded PostgreSQL' : 'TEST_DATABASE_URL server'} (${new URL(databaseUrl).pathname.slice(1)})`);

  return async () => {
    await dropDatabase(databaseUrl).catch(() => undefined);
    await embedded?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
}
