import DataLoader from 'dataloader';
import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Per-request DataLoaders (never module-level: a shared cache would cross tenants). Each nested
 * field resolves through one of these, so a list of N parents costs one query per field, not N.
 * The queries go through the request's EntityManager, so the tenant filter applies.
 */
export class Loaders {
  private readonly loaders = new Map<string, DataLoader<string, unknown>>();

  constructor(private readonly em: EntityManager) {}

  /** Loads entities by primary key; a missing (or filtered-out) id yields null. */
  byId<T extends { id: string }>(entity: EntityClass<T>): DataLoader<string, T | null> {
    return this.memo(`${entity.name}#id`, async (ids) => {
      const rows = (await this.em.find(entity, { id: { $in: [...ids] } } as never)) as T[];
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  }

  /** Loads the children whose `field` (a foreign key or plain column) equals the key, oldest first. */
  manyBy<T extends { createdAt: Date }>(entity: EntityClass<T>, field: string, extraWhere: object = {}): DataLoader<string, T[]> {
    return this.memo(`${entity.name}#${field}#${JSON.stringify(extraWhere)}`, async (keys) => {
      const rows = (await this.em.find(entity, { [field]: { $in: [...keys] }, ...extraWhere } as never, {
        orderBy: { createdAt: 'asc', id: 'asc' } as never,
      })) as T[];
      const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
      for (const row of rows) {
        const value = (row as Record<string, unknown>)[field];
        const key = typeof value === 'object' && value !== null ? (value as { id: string }).id : String(value);
        groups.get(key)?.push(row);
      }
      return keys.map((key) => groups.get(key) ?? []);
    });
  }

  /** A module's own batch function (e.g. set-based SQL), memoised under `name` for the request. */
  memo<V>(name: string, batch: (keys: readonly string[]) => Promise<V[]>): DataLoader<string, V> {
    let loader = this.loaders.get(name) as DataLoader<string, V> | undefined;
    if (!loader) {
      loader = new DataLoader<string, V>(batch);
      this.loaders.set(name, loader as DataLoader<string, unknown>);
    }
    return loader;
  }
}
