import { formatMoney } from '@reseller-hub/shared-schema/money';
import { Field, ObjectType } from 'type-graphql';
import type { Context } from '../app/context.js';
import { Tenant } from '../modules/tenants/tenant.entity.js';

/** Money on the wire: an exact decimal string and its currency, never a float (SPEC §4). */
@ObjectType('Money')
export class Money {
  @Field({ description: 'Exact decimal, e.g. "1204.50" or "-12.00".' }) amount!: string;
  @Field({ description: 'ISO 4217 code.' }) currency!: string;
}

/** The amount in the caller's tenant currency (one tenant lookup per request, batched). */
export async function moneyOf(ctx: Context, cents: bigint | string | null): Promise<Money | null> {
  if (cents === null) return null;
  // A bigint column re-read by refresh() can come back as its decimal string: both are exact.
  if (typeof cents === 'string') cents = BigInt(cents);
  const tenant = ctx.actor ? await ctx.loaders.byId(Tenant).load(ctx.actor.tenantId) : null;
  return { amount: formatMoney(cents), currency: tenant?.currency ?? 'USD' };
}
