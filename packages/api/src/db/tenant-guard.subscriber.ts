import type { EventSubscriber, FlushEventArgs } from '@mikro-orm/core';
import { TENANT_FILTER, type TenantFilterParams } from './filters.js';

/**
 * Filters do not cover inserts: this refuses to flush any tenant-owned row (insert, update or
 * delete) whose tenant is not the EntityManager's own tenant, and any tenant-owned write from an
 * EntityManager that has no tenant at all.
 */
export class TenantGuardSubscriber implements EventSubscriber {
  async onFlush({ em, uow }: FlushEventArgs): Promise<void> {
    const params = em.getFilterParams<TenantFilterParams>(TENANT_FILTER);
    for (const changeSet of uow.getChangeSets()) {
      const entity = changeSet.entity as { tenant?: { id: string } };
      if (changeSet.name === 'Tenant') {
        // Tenants are created by the system (seeding, provisioning) with no tenant context.
        if (params?.tenantId && (entity as unknown as { id: string }).id !== params.tenantId) {
          throw new Error('Tenant guard: cannot write another tenant');
        }
        continue;
      }
      if (!('tenant' in changeSet.meta.properties)) continue;
      if (!params?.tenantId) throw new Error(`Tenant guard: ${changeSet.name} written without a tenant context`);
      if (entity.tenant?.id !== params.tenantId) {
        throw new Error(`Tenant guard: ${changeSet.name} belongs to another tenant`);
      }
    }
  }
}
