import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { readFile } from 'node:fs/promises';
import { getMetadataStorage } from 'type-graphql';
import { publicResolverClasses } from '../src/app/public-resolver.js';
import { printedSchema } from '../src/app/schema.js';
import { schemaFilePath } from '../src/app/schema-file.js';
import { openOrm } from '../src/db/orm.js';

describe('schema contract', () => {
  it('the committed SDL (packages/shared-schema/schema.graphql) is the schema the code builds', async () => {
    const committed = await readFile(schemaFilePath, 'utf8');
    // On failure: run `pnpm schema:emit` and commit the result.
    expect(committed).toBe(await printedSchema());
  });

  it('every query, mutation and field resolver is @Authorized or in a @PublicResolver class (deny by default)', async () => {
    await printedSchema(); // builds the schema, which fills type-graphql's metadata
    const storage = getMetadataStorage();
    const unguarded = [...storage.queries, ...storage.mutations, ...storage.fieldResolvers]
      .filter((resolver) => resolver.roles === undefined && !publicResolverClasses.has(resolver.target))
      .map((resolver) => `${resolver.target.name}.${resolver.methodName}`);
    expect(unguarded).toEqual([]);
    // and the public surface is exactly what SPEC §1 allows anonymous callers
    const publicOperations = [...storage.queries, ...storage.mutations].filter((r) => publicResolverClasses.has(r.target)).map((r) => r.schemaName).sort();
    expect(publicOperations).toEqual(['login', 'publicTenant', 'resellerApplicationStatus', 'setPassword', 'submitResellerApplication', 'withdrawResellerApplication']);
  });
});

describe('migrations', () => {
  it('the committed migrations produce exactly the schema the entities describe', async () => {
    const orm = await openOrm(inject('databaseUrl'), { migrate: false });
    try {
      // On failure: run `pnpm --filter @reseller-hub/api migration:create`, review and commit it.
      const pending = await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false });
      expect(pending.trim()).toBe('');
    } finally {
      await orm.close();
    }
  });
});
