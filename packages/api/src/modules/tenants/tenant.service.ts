import type { Context } from '../../app/context.js';
import { scopeEntityManager } from '../../db/scope.js';
import { AppError } from '../../shared/errors.js';
import { Tenant } from './tenant.entity.js';
import { findTenantBySlug } from './tenant.repository.js';

/**
 * The tenant of a public request (application form, login): the slug it names, or the
 * deployment's default. Scopes the request's EntityManager to it, so everything after this
 * point is tenant-filtered exactly like an authenticated request.
 */
export async function resolvePublicTenant(ctx: Context, slug: string | null | undefined): Promise<Tenant> {
  const tenant = await findTenantBySlug(ctx.em, slug?.trim() || ctx.app.config.defaultTenantSlug);
  if (!tenant) throw new AppError('NOT_FOUND', `No partner program "${slug ?? ctx.app.config.defaultTenantSlug}" here`);
  scopeEntityManager(ctx.em, tenant.id, null);
  return tenant;
}

/** The authenticated actor's tenant. */
export async function actorTenant(ctx: Context): Promise<Tenant> {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
  const tenant = await ctx.em.findOne(Tenant, { id: ctx.actor.tenantId });
  if (!tenant) throw new AppError('UNAUTHENTICATED', 'Tenant no longer exists');
  return tenant;
}

/**
 * The `tenant` parameter the SPAs read for links in emails (`&tenant=slug`, or `?tenant=slug` with
 * `separator: '?'`); empty for the deployment's default tenant.
 */
export function tenantQuery(ctx: Context, tenant: Tenant, separator: '&' | '?' = '&'): string {
  return tenant.slug === ctx.app.config.defaultTenantSlug ? '' : `${separator}tenant=${encodeURIComponent(tenant.slug)}`;
}
