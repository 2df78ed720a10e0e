import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../app/context.js';
import { PublicResolver } from '../app/public-resolver.js';
import { Tenant } from '../modules/tenants/tenant.entity.js';
import { findTenantBySlug } from '../modules/tenants/tenant.repository.js';
import { LoginInput, LoginPayload, SetPasswordInput, SetPasswordPayload } from './auth.types.js';
import { login, setPasswordWithToken } from './user.service.js';

@PublicResolver()
@Resolver()
export class AuthPublicResolver {
  @Query(() => Tenant, { nullable: true, description: "Public: an ISP's programme by slug (the deployment's default when omitted), for the SPAs' headers." })
  publicTenant(@Arg('slug', () => String, { nullable: true }) slug: string | null, @Ctx() ctx: Context) {
    return findTenantBySlug(ctx.em, slug?.trim() || ctx.app.config.defaultTenantSlug);
  }

  @Mutation(() => LoginPayload, { description: 'Public: email and password to a session token. Rate-limited per IP.' })
  login(@Arg('input') input: LoginInput, @Ctx() ctx: Context) {
    return login(ctx, input);
  }

  @Mutation(() => SetPasswordPayload, { description: 'Public: an invited user sets a password with the emailed single-use token.' })
  async setPassword(@Arg('input') input: SetPasswordInput, @Ctx() ctx: Context) {
    const { user, tenant } = await setPasswordWithToken(ctx.app, input);
    return { email: user.email, tenant };
  }
}
