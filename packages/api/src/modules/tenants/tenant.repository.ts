import type { EntityManager } from '@mikro-orm/postgresql';
import { Tenant } from './tenant.entity.js';

/**
 * Tenant look-ups that happen before a request has a tenant (public pages, login), so they run
 * without the tenant filter. Nothing else in the code base turns the filter off.
 */
export function findTenantBySlug(em: EntityManager, slug: string): Promise<Tenant | null> {
  return em.findOne(Tenant, { slug }, { filters: false });
}

/** Bumps and returns the tenant's reseller counter. Row-locks the tenant until the transaction ends,
 * so codes are sequential and gap-free (a rolled-back approval gives its number back). */
export async function nextResellerNumber(em: EntityManager, tenantId: string): Promise<number> {
  const rows: { last_reseller_number: number }[] = await em
    .getConnection()
    .execute('update tenant set last_reseller_number = last_reseller_number + 1 where id = ? returning last_reseller_number', [tenantId], 'all', em.getTransactionContext());
  const row = rows[0];
  if (!row) throw new Error(`Tenant ${tenantId} not found`);
  return row.last_reseller_number;
}
