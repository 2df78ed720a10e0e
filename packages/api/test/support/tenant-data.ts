/**
 * A tenant's data as the tests see it, read with plain SQL so the checks do not rely on the ORM
 * filters they are checking: the tenant-owned tables (from MikroORM's metadata, so a new entity is
 * covered without a list to update), a checksum of each, and the ids a caller may see.
 */
import type { EntityMetadata } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';

export interface TenantTable {
  entity: string;
  table: string;
  /** Column of the row's reseller, when the entity belongs to a reseller. */
  resellerColumn?: string;
  /** Column of the row's customer, when the entity belongs to a customer. */
  customerColumn?: string;
}

const column = (meta: EntityMetadata, property: string) => meta.properties[property]?.fieldNames?.[0];

/** Every table of an entity that has a `tenant` (TenantOwned and anything else with one). */
export function tenantOwnedTables(orm: MikroORM): TenantTable[] {
  return Object.values(orm.getMetadata().getAll())
    .filter((meta) => !meta.abstract && !meta.embeddable && 'tenant' in meta.properties)
    .map((meta) => ({ entity: meta.className, table: meta.tableName, resellerColumn: column(meta, 'reseller'), customerColumn: column(meta, 'customer') }))
    .sort((a, b) => a.table.localeCompare(b.table));
}

export function tenantTable(orm: MikroORM, entity: string): TenantTable | undefined {
  return tenantOwnedTables(orm).find((t) => t.entity === entity);
}

export type Checksums = Record<string, string>;

/** Row count and an md5 of every row (all columns) of each tenant-owned table, and of the tenant row. */
export async function tenantChecksums(orm: MikroORM, tenantId: string): Promise<Checksums> {
  const connection = orm.em.getConnection();
  const out: Checksums = {};
  const [tenant] = await connection.execute(`select md5(t::text) as sum from tenant t where id = ?`, [tenantId]);
  out.tenant = tenant!.sum;
  for (const { table } of tenantOwnedTables(orm)) {
    const [row] = await connection.execute(`select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as sum from "${table}" t where tenant_id = ?`, [tenantId]);
    out[table] = `${row!.n} rows, ${row!.sum}`;
  }
  return out;
}

/** The ids of every row a tenant owns, and the tenant's own id. */
export async function tenantIds(orm: MikroORM, tenantId: string): Promise<Set<string>> {
  const connection = orm.em.getConnection();
  const ids = new Set([tenantId]);
  for (const { table } of tenantOwnedTables(orm)) {
    for (const row of await connection.execute(`select id::text from "${table}" where tenant_id = ?`, [tenantId])) ids.add(row.id);
  }
  return ids;
}

/**
 * The ids a reseller's users may see (SPEC §1, "their own reseller's data"): the reseller, every row
 * that belongs to it, and every row of a customer assigned to it now; and its tenant's id.
 * A row with both a reseller and a customer belongs to its reseller.
 */
export async function resellerVisibleIds(orm: MikroORM, tenantId: string, resellerId: string): Promise<Set<string>> {
  const connection = orm.em.getConnection();
  const ids = new Set([tenantId, resellerId]);
  const customers = tenantTable(orm, 'Customer')!;
  for (const { table, resellerColumn, customerColumn } of tenantOwnedTables(orm)) {
    let sql: string | undefined;
    if (resellerColumn) sql = `select id::text from "${table}" where tenant_id = ? and "${resellerColumn}" = ?`;
    else if (customerColumn) sql = `select t.id::text from "${table}" t join "${customers.table}" c on c.id = t."${customerColumn}" where t.tenant_id = ? and c."${customers.resellerColumn}" = ?`;
    if (!sql) continue;
    for (const row of await connection.execute(sql, [tenantId, resellerId])) ids.add(row.id);
  }
  return ids;
}
