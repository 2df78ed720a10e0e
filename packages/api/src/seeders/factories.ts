import type { EntityManager } from '@mikro-orm/postgresql';
import { hashPassword } from '../auth/password.js';
import type { Role } from '../auth/roles.js';
import { User, UserStatus } from '../auth/user.entity.js';
import { tenantEntityManager } from '../db/scope.js';
import { Reseller } from '../modules/resellers/reseller.entity.js';
import { Tenant } from '../modules/tenants/tenant.entity.js';

/** Creates a tenant (the system provisions tenants; no tenant context is needed). */
export async function createTenant(root: EntityManager, input: { slug: string; name: string; supportEmail?: string }): Promise<Tenant> {
  const em = root.fork({ clear: true });
  const tenant = em.create(Tenant, { slug: input.slug, name: input.name, supportEmail: input.supportEmail ?? `partners@${input.slug}.example` });
  await em.flush();
  return tenant;
}

/** Creates an active user with a password (demo logins and tests); reseller users name their reseller. */
export async function createStaffUser(
  root: EntityManager,
  tenant: Tenant,
  input: { email: string; name: string; role: Role; password: string; resellerId?: string },
): Promise<User> {
  const em = tenantEntityManager(root, tenant.id);
  const user = em.create(User, {
    tenant: em.getReference(Tenant, tenant.id),
    email: input.email.toLowerCase(),
    name: input.name,
    role: input.role,
    reseller: input.resellerId ? em.getReference(Reseller, input.resellerId) : null,
    status: UserStatus.ACTIVE,
    passwordHash: await hashPassword(input.password),
  });
  await em.flush();
  return user;
}
