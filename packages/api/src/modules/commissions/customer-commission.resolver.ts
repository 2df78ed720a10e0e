import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../app/context.js';
import { RESELLER_ROLES, STAFF_ROLES } from '../../auth/roles.js';
import { Customer } from '../customers/customer.entity.js';
import { CommissionLine } from './commission-run.entity.js';
import { latestCommissionLineLoader } from './commission-line.loaders.js';

/** Commission fields on `Customer`, kept with the commissions module that owns the lines. */
@Authorized(...STAFF_ROLES, ...RESELLER_ROLES)
@Resolver(() => Customer)
export class CustomerCommissionResolver {
  @FieldResolver(() => CommissionLine, {
    nullable: true,
    description:
      "The customer's most recent commission line the caller may see (newest period, then newest created; reversed lines excluded). Partners see only their own reseller's lines; null when there is none.",
  })
  latestCommissionLine(@Root() customer: Customer, @Ctx() ctx: Context) {
    return latestCommissionLineLoader(ctx).load(customer.id);
  }
}
