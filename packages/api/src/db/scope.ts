import type { EntityManager } from '@mikro-orm/postgresql';
import { RESELLER_SCOPE_FILTER, TENANT_FILTER } from './filters.js';

/**
 * Scopes an EntityManager to one tenant (and, for reseller actors, one reseller). Every request's
 * forked EntityManager goes through here; without it, queries fail (the filters need parameters).
 */
export function scopeEntityManager(em: EntityManager, tenantId: string, resellerId: string | null = null): EntityManager {
  em.setFilterParams(TENANT_FILTER, { tenantId });
  em.setFilterParams(RESELLER_SCOPE_FILTER, { resellerId });
  return em;
}

/** A fresh EntityManager scoped like a request's, for jobs, seeders and tests. */
export function tenantEntityManager(root: EntityManager, tenantId: string, resellerId: string | null = null): EntityManager {
  return scopeEntityManager(root.fork({ clear: true }), tenantId, resellerId);
}
