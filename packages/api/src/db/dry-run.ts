import type { EntityManager } from '@mikro-orm/postgresql';

/** Thrown inside a dry run's transaction to roll it back, carrying the result out. */
class DryRunRollback<T> extends Error {
  constructor(readonly result: T) {
    super('dry run');
  }
}

/**
 * Runs `work` in one transaction. A dry run executes exactly the same code and rolls it back,
 * returning what it would have done: previews never drift from the real thing.
 */
export async function transactionalOrDryRun<T>(em: EntityManager, dryRun: boolean, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  try {
    return await em.transactional(async (tx) => {
      const result = await work(tx);
      if (dryRun) throw new DryRunRollback(result);
      return result;
    });
  } catch (error) {
    if (error instanceof DryRunRollback) return error.result as T;
    throw error;
  }
}
