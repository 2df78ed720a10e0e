import type { Knex } from '@mikro-orm/postgresql';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Runs SQL with real bind parameters (knex → node-postgres) in the EntityManager's transaction if
 * it has one. Arrays bind as PostgreSQL arrays (`= any(?::text[])`, `unnest(?::uuid[])`), which
 * MikroORM's `connection.execute` would expand into a list. Raw SQL lives in `*.repository.ts` files
 * and names its tenant explicitly: the ORM's tenant filter does not apply here.
 */
export async function sqlRows<T>(em: EntityManager, sql: string, params: readonly unknown[]): Promise<T[]> {
  const knex = em.getTransactionContext<Knex.Transaction>() ?? em.getConnection().getKnex();
  const result = (await knex.raw(sql, params as Knex.RawBinding[])) as { rows: T[] };
  return result.rows;
}
