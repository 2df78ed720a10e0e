import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { fileURLToPath } from 'node:url';
import { entities } from './entities.js';
import { filters } from './filters.js';
import { TenantGuardSubscriber } from './tenant-guard.subscriber.js';
import { migrationsList } from '../migrations/index.js';

export function ormConfig(databaseUrl: string, overrides: Partial<Options> = {}) {
  return defineConfig({
    clientUrl: databaseUrl,
    entities,
    filters,
    subscribers: [new TenantGuardSubscriber()],
    extensions: [Migrator],
    forceUtcTimezone: true,
    // Entities are discovered from decorators at start-up; a missing one should fail loudly.
    discovery: { requireEntitiesArray: true },
    pool: { min: 0, max: 10 },
    // A failed statement's error shows its SQL with $1… placeholders, not the values (see orm.ts).
    driverOptions: { compileSqlOnError: false },
    migrations: {
      // Migrations are imported statically (not loaded from disk), so tests and builds see the same list.
      migrationsList,
      path: fileURLToPath(new URL('../migrations', import.meta.url)),
      pathTs: fileURLToPath(new URL('../migrations', import.meta.url)),
      emit: 'ts',
      snapshot: false,
      transactional: true,
      allOrNothing: true,
    },
    // Agenda (the scheduler) keeps its own tables; never let a schema diff drop them.
    schemaGenerator: { skipTables: [/^agenda/] as unknown as string[] },
    ...overrides,
  });
}
