import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../app/context.js';
import { PARTNER_TEAM, RESELLER_ROLES, Role, STAFF_ROLES } from '../../auth/roles.js';
import { User } from '../../auth/user.entity.js';
import { PageArgs } from '../../shared/pagination.js';
import { ResellerApplication } from '../applications/reseller-application.entity.js';
import { AuditEvent } from '../audit/audit-event.entity.js';
import { Reseller } from './reseller.entity.js';
import { ResellerConnection, ResellerFilter, ResellerPayload, SetResellerTierInput, UpdateMyResellerProfileInput, UpdateResellerStatusInput } from './reseller.inputs.js';
import { getReseller, listResellers, myReseller, setResellerTier, updateMyResellerProfile, updateResellerStatus } from './reseller.service.js';

/**
 * Staff see every reseller of their tenant; a reseller's users see their own reseller only (the
 * reseller-scope filter hides the others, which then answer NOT_FOUND).
 */
@Authorized(...STAFF_ROLES, ...RESELLER_ROLES)
@Resolver(() => Reseller)
export class ResellerResolver {
  @Query(() => ResellerConnection)
  resellers(@Args() page: PageArgs, @Arg('filter', () => ResellerFilter, { nullable: true }) filter: ResellerFilter | null, @Ctx() ctx: Context) {
    return listResellers(ctx, filter, page);
  }

  @Query(() => Reseller)
  reseller(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return getReseller(ctx, id);
  }

  @Authorized(...RESELLER_ROLES)
  @Query(() => Reseller, { description: "The signed-in partner user's own reseller." })
  myReseller(@Ctx() ctx: Context) {
    return myReseller(ctx);
  }

  @Authorized(...PARTNER_TEAM)
  @Mutation(() => ResellerPayload)
  async updateResellerStatus(@Arg('input') input: UpdateResellerStatusInput, @Ctx() ctx: Context) {
    return { reseller: await updateResellerStatus(ctx, input) };
  }

  @Authorized(...PARTNER_TEAM)
  @Mutation(() => ResellerPayload, { description: 'Moves a reseller to another tier, with a reason (audited); the same tier changes nothing.' })
  async setResellerTier(@Arg('input') input: SetResellerTierInput, @Ctx() ctx: Context) {
    return { reseller: await setResellerTier(ctx, input) };
  }

  @Authorized(Role.RESELLER_OWNER)
  @Mutation(() => ResellerPayload, { description: "The reseller owner updates the partner's contact details." })
  async updateMyResellerProfile(@Arg('input') input: UpdateMyResellerProfileInput, @Ctx() ctx: Context) {
    return { reseller: await updateMyResellerProfile(ctx, input) };
  }

  @Authorized(...STAFF_ROLES, Role.RESELLER_OWNER)
  @FieldResolver(() => [User], { description: "The reseller's portal users." })
  users(@Root() reseller: Reseller, @Ctx() ctx: Context) {
    return ctx.loaders.manyBy(User, 'reseller').load(reseller.id);
  }

  @Authorized(...STAFF_ROLES)
  @FieldResolver(() => ResellerApplication, { nullable: true })
  async application(@Root() reseller: Reseller, @Ctx() ctx: Context) {
    const [application] = await ctx.loaders.manyBy(ResellerApplication, 'reseller').load(reseller.id);
    return application ?? null;
  }

  @Authorized(...STAFF_ROLES)
  @FieldResolver(() => [AuditEvent], { description: 'Status and profile changes, oldest first.' })
  history(@Root() reseller: Reseller, @Ctx() ctx: Context) {
    return ctx.loaders.manyBy(AuditEvent, 'entityId', { entityType: 'Reseller' }).load(reseller.id);
  }
}
