import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../app/context.js';
import { Reseller } from '../modules/resellers/reseller.entity.js';
import { actorTenant } from '../modules/tenants/tenant.service.js';
import { ApiKey } from './api-key.entity.js';
import { PeopleOnly } from './auth-checker.js';
import { InviteUserInput, UserPayload, Viewer, ViewerKind } from './auth.types.js';
import { RESELLER_ROLES, Role, STAFF_ROLES } from './roles.js';
import { User } from './user.entity.js';
import { inviteUser, logout } from './user.service.js';

@Authorized()
@Resolver()
export class AuthResolver {
  @Query(() => Viewer, { description: 'The signed-in user or API key.' })
  async me(@Ctx() ctx: Context): Promise<Viewer> {
    const actor = ctx.actor!;
    const [tenant, user, apiKey, reseller] = await Promise.all([
      actorTenant(ctx),
      actor.kind === 'user' ? ctx.loaders.byId(User).load(actor.userId) : null,
      actor.kind === 'apiKey' ? ctx.loaders.byId(ApiKey).load(actor.apiKeyId) : null,
      actor.resellerId ? ctx.loaders.byId(Reseller).load(actor.resellerId) : null,
    ]);
    return { kind: actor.kind === 'user' ? ViewerKind.USER : ViewerKind.API_KEY, role: actor.role, user, apiKey, tenant, reseller };
  }

  @Mutation(() => Boolean, { description: 'Ends the current session (the token stops working at once). People only: an API key is FORBIDDEN.' })
  @PeopleOnly('Only a signed-in user has a session to end; an API key is revoked in the admin console')
  logout(@Ctx() ctx: Context) {
    return logout(ctx);
  }
}

@Authorized(...STAFF_ROLES, ...RESELLER_ROLES)
@Resolver(() => User)
export class UserResolver {
  @FieldResolver(() => Reseller, { nullable: true, description: 'The reseller a partner user belongs to; null for ISP staff.' })
  reseller(@Root() user: User, @Ctx() ctx: Context) {
    return user.reseller ? ctx.loaders.byId(Reseller).load(user.reseller.id) : null;
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => UserPayload, { description: 'Invites a staff or partner user: INVITED until they set a password through the emailed link.' })
  async inviteUser(@Arg('input') input: InviteUserInput, @Ctx() ctx: Context) {
    return { user: await inviteUser(ctx, input) };
  }
}

