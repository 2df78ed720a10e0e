import type DataLoader from 'dataloader';
import type { Context } from '../../app/context.js';
import { actorIsReseller } from '../../auth/actor.js';
import { CommissionLine } from './commission-run.entity.js';
import { latestCommissionLineRows } from './commission-line.repository.js';

/**
 * The newest commission line the actor may see, per customer id: all the customers of a page in
 * one SQL statement, through the request's own loaders (so the cache never crosses actors or
 * tenants). Staff see every line of their tenant; a partner (user or API key) only the lines of
 * its own reseller. Without an actor, or a partner actor without a reseller, nothing.
 */
export function latestCommissionLineLoader(ctx: Context): DataLoader<string, CommissionLine | null> {
  return ctx.loaders.memo('CommissionLine#latestByCustomer', async (customerIds) => {
    const actor = ctx.actor;
    if (!actor || (actorIsReseller(actor) && !actor.resellerId)) return customerIds.map(() => null);
    const resellerId = actorIsReseller(actor) ? actor.resellerId : null;
    const rows = await latestCommissionLineRows(ctx.em, actor.tenantId, resellerId, customerIds);
    // Hydrated into the request's EntityManager, so the line's own field resolvers work as usual.
    const byCustomer = new Map(rows.map((row) => [row.customer_id, ctx.em.map(CommissionLine, row)]));
    return customerIds.map((id) => byCustomer.get(id) ?? null);
  });
}
