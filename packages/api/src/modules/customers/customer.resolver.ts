import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../app/context.js';
import { PARTNER_TEAM, Role, STAFF_ROLES, RESELLER_ROLES } from '../../auth/roles.js';
import { Reseller } from '../resellers/reseller.entity.js';
import { Customer } from './customer.entity.js';
import { UpsertCustomersInput, UpsertPayload } from './customer.inputs.js';
import { upsertCustomers } from './customer.service.js';

@Authorized(...STAFF_ROLES, ...RESELLER_ROLES)
@Resolver(() => Customer)
export class CustomerResolver {
  @Authorized(...PARTNER_TEAM, Role.FINANCE)
  @Mutation(() => UpsertPayload, { description: "The ISP's systems push customers (idempotent on externalId, all or nothing)." })
  upsertCustomers(@Arg('input') input: UpsertCustomersInput, @Ctx() ctx: Context) {
    return upsertCustomers(ctx, input.customers);
  }

  @FieldResolver(() => Reseller, { nullable: true, description: 'The reseller the customer is assigned to now.' })
  reseller(@Root() customer: Customer, @Ctx() ctx: Context) {
    return customer.reseller ? ctx.loaders.byId(Reseller).load(customer.reseller.id) : null;
  }
}
