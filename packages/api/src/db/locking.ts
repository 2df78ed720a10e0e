import { LockMode, type EntityName } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Row-locks an entity (SELECT … FOR UPDATE) for the rest of the transaction, then reads it again.
 * The second read matters: under READ COMMITTED a statement that waited for the lock re-checks
 * only the locked row, so relations joined into it (MikroORM joins references to apply filters)
 * still show the snapshot from before the wait. A new statement sees what the other transaction
 * committed.
 */
export async function lockForUpdate<T extends object>(tx: EntityManager, entity: EntityName<T>, id: string): Promise<T | null> {
  const locked = await tx.findOne(entity, { id } as never, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  if (!locked) return null;
  return tx.findOne(entity, { id } as never, { refresh: true });
}
