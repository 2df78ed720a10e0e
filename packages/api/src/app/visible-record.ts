import type { EntityClass } from '@mikro-orm/core';
import { notFound } from '../shared/errors.js';
import { isUuid } from '../shared/validation.js';
import type { Context } from './context.js';

/**
 * The record an id names, as the caller may see it: in the caller's tenant and, for a reseller's
 * users, of their own reseller (the ORM filters decide, through the request's loader). Anything
 * else is NOT_FOUND. Filters use it too: a filter naming another tenant's or another reseller's
 * record is refused, where it would otherwise quietly match nothing and answer an empty list.
 */
export async function visibleRecord<T extends { id: string }>(ctx: Context, entity: EntityClass<T>, id: string, what: string): Promise<T> {
  const record = isUuid(id) ? await ctx.loaders.byId(entity).load(id) : null;
  if (!record) throw notFound(what);
  return record;
}
