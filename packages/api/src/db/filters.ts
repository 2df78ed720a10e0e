import type { Dictionary, EntityName } from '@mikro-orm/core';

export const TENANT_FILTER = 'tenant';
export const RESELLER_SCOPE_FILTER = 'resellerScope';

export interface TenantFilterParams {
  tenantId: string;
}
export interface ResellerScopeParams {
  /** Set for reseller users and reseller API keys; null for ISP staff. */
  resellerId: string | null;
}

type MetadataSource = { getMetadata(): { find(name: string): { className: string; properties: Record<string, unknown> } | undefined } };

/** The shape MikroORM's `filters` option takes (its FilterDef type is not exported). */
interface GlobalFilter {
  name: string;
  default: boolean;
  cond: (args: Dictionary, type: 'read' | 'update' | 'delete', em: MetadataSource, options?: unknown, entityName?: EntityName<unknown>) => Dictionary;
}

function metaOf(em: MetadataSource, entityName?: EntityName<unknown>) {
  if (!entityName) return undefined;
  const name = typeof entityName === 'string' ? entityName : (entityName as { name: string }).name;
  return em.getMetadata().find(name);
}

/**
 * Global filters, on by default for every query of every EntityManager. Both need parameters, and
 * MikroORM throws when a query runs without them: an EntityManager that nobody scoped to a tenant
 * fails closed instead of reading every tenant's rows.
 */
export const filters: Record<string, GlobalFilter> = {
  [TENANT_FILTER]: {
    name: TENANT_FILTER,
    default: true,
    cond: (args, _type, em, _options, entityName) => {
      const { tenantId } = args as TenantFilterParams;
      const meta = metaOf(em, entityName);
      if (!meta) return {};
      if (meta.className === 'Tenant') return { id: tenantId };
      return 'tenant' in meta.properties ? { tenant: tenantId } : {};
    },
  },
  // A reseller's users see their own reseller's rows only: the Reseller itself, every entity that
  // belongs to a reseller, and every entity that belongs to a customer assigned to the reseller now
  // (a customer's history follows the customer to its new reseller). Entities a reseller may not
  // see at all are refused by role.
  [RESELLER_SCOPE_FILTER]: {
    name: RESELLER_SCOPE_FILTER,
    default: true,
    cond: (args, _type, em, _options, entityName) => {
      const { resellerId } = args as ResellerScopeParams;
      if (!resellerId) return {};
      const meta = metaOf(em, entityName);
      if (!meta) return {};
      if (meta.className === 'Reseller') return { id: resellerId };
      if ('reseller' in meta.properties) return { reseller: resellerId };
      return 'customer' in meta.properties ? { customer: { reseller: resellerId } } : {};
    },
  },
};
