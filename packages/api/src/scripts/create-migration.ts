/**
 * Writes a migration for the difference between the entities and a scratch database that has
 * every committed migration applied. Usage: pnpm --filter @reseller-hub/api migration:create
 * Then add the new class to src/migrations/index.ts and review the SQL.
 */
import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from '../db/orm-config.js';
import { dropDatabase, ensureDatabase, withDatabase } from '../db/database.js';
import { startEmbeddedPostgres } from '../db/embedded-postgres.js';
import os from 'node:os';
import path from 'node:path';

const embedded = process.env.DATABASE_URL
  ? undefined
  : await startEmbeddedPostgres({ dir: path.join(os.tmpdir(), `rh-migration-${process.pid}`), port: 54398, persistent: false });
const url = withDatabase(process.env.DATABASE_URL ?? embedded!.url, `rh_migration_scratch_${process.pid}`);
await ensureDatabase(url);
const orm = await MikroORM.init(ormConfig(url));
try {
  await orm.getMigrator().up();
  const result = await orm.getMigrator().createMigration(undefined, false, process.argv.includes('--initial'));
  console.log(result.fileName ? `created ${result.fileName}` : 'no changes');
} finally {
  await orm.close();
  await dropDatabase(url);
  await embedded?.stop();
}
