import { z } from 'zod';
import type { Context } from '../app/context.js';
import { recordAudit } from '../modules/audit/audit.service.js';
import { Reseller } from '../modules/resellers/reseller.entity.js';
import { actorTenant } from '../modules/tenants/tenant.service.js';
import { badInput, notFound } from '../shared/errors.js';
import { hashToken, newSecretToken } from '../shared/tokens.js';
import { isUuid, parseInput, requiredText } from '../shared/validation.js';
import { actorUserId } from './actor.js';
import { ApiKey } from './api-key.entity.js';
import { API_KEY_PREFIX } from './authenticate.js';
import { isResellerRole, Role } from './roles.js';
import { User } from './user.entity.js';

const createSchema = z.object({ name: requiredText(100), role: z.enum(Role), resellerId: z.string().nullish() });

/** A reseller role needs its reseller (SPEC §1: never a reseller role without one); staff roles must not have one. */
export async function createApiKey(ctx: Context, input: { name: string; role: Role; resellerId?: string | null }) {
  const data = parseInput(createSchema, input);
  const tenant = await actorTenant(ctx);
  let reseller: Reseller | null = null;
  if (isResellerRole(data.role)) {
    if (!data.resellerId) throw badInput('A reseller role needs the reseller the key acts for', { resellerId: 'Required for a reseller role' });
    reseller = isUuid(data.resellerId) ? await ctx.em.findOne(Reseller, { id: data.resellerId }) : null;
    if (!reseller) throw notFound('Reseller');
  } else if (data.resellerId) {
    throw badInput('Only reseller roles are bound to a reseller', { resellerId: 'Leave empty for a staff role' });
  }
  const secret = newSecretToken(API_KEY_PREFIX);
  const userId = actorUserId(ctx.actor);
  const apiKey = ctx.em.create(ApiKey, {
    tenant,
    name: data.name,
    prefix: secret.slice(0, API_KEY_PREFIX.length + 6),
    keyHash: hashToken(secret),
    role: data.role,
    reseller,
    createdBy: userId ? ctx.em.getReference(User, userId) : null,
  });
  recordAudit(ctx.em, tenant, ctx.actor, { action: 'api_key.created', entityType: 'ApiKey', entityId: apiKey.id, data: { name: apiKey.name, role: apiKey.role, resellerId: reseller?.id ?? null } });
  await ctx.em.flush();
  return { apiKey, secret };
}

export async function revokeApiKey(ctx: Context, apiKeyId: string) {
  const apiKey = isUuid(apiKeyId) ? await ctx.em.findOne(ApiKey, { id: apiKeyId }) : null;
  if (!apiKey) throw notFound('API key');
  if (!apiKey.revokedAt) {
    apiKey.revokedAt = ctx.app.clock.now();
    recordAudit(ctx.em, await actorTenant(ctx), ctx.actor, { action: 'api_key.revoked', entityType: 'ApiKey', entityId: apiKey.id });
    await ctx.em.flush();
  }
  return apiKey;
}

export function listApiKeys(ctx: Context) {
  return ctx.em.find(ApiKey, {}, { orderBy: { createdAt: 'desc', id: 'desc' } });
}
