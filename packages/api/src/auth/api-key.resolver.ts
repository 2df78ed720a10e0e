import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../app/context.js';
import { Reseller } from '../modules/resellers/reseller.entity.js';
import { ApiKey } from './api-key.entity.js';
import { createApiKey, listApiKeys, revokeApiKey } from './api-key.service.js';
import { ApiKeyPayload, CreateApiKeyInput, CreateApiKeyPayload, RevokeApiKeyInput } from './auth.types.js';
import { Role } from './roles.js';
import { User } from './user.entity.js';

/** API keys are an administrator's business. */
@Authorized(Role.ADMIN)
@Resolver(() => ApiKey)
export class ApiKeyResolver {
  @Query(() => [ApiKey])
  apiKeys(@Ctx() ctx: Context) {
    return listApiKeys(ctx);
  }

  @Mutation(() => CreateApiKeyPayload)
  createApiKey(@Arg('input') input: CreateApiKeyInput, @Ctx() ctx: Context) {
    return createApiKey(ctx, input);
  }

  @Mutation(() => ApiKeyPayload)
  async revokeApiKey(@Arg('input') input: RevokeApiKeyInput, @Ctx() ctx: Context) {
    return { apiKey: await revokeApiKey(ctx, input.apiKeyId) };
  }

  // A key also reads itself (`me { apiKey }`), whatever its role: its reseller is its own business.
  @Authorized()
  @FieldResolver(() => Reseller, { nullable: true })
  reseller(@Root() apiKey: ApiKey, @Ctx() ctx: Context) {
    return apiKey.reseller ? ctx.loaders.byId(Reseller).load(apiKey.reseller.id) : null;
  }

  // Who created a key (a staff member) is for administrators, also when a key reads itself.
  @Authorized(Role.ADMIN)
  @FieldResolver(() => User, { nullable: true })
  createdBy(@Root() apiKey: ApiKey, @Ctx() ctx: Context) {
    return apiKey.createdBy ? ctx.loaders.byId(User).load(apiKey.createdBy.id) : null;
  }
}
