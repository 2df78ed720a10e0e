import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import type { AppServices, Context } from '../app/context.js';
import { lockForUpdate } from '../db/locking.js';
import { scopeEntityManager, tenantEntityManager } from '../db/scope.js';
import { EmailTemplate } from '../emails/outbox-email.entity.js';
import { queueEmail } from '../emails/outbox.service.js';
import { userInvitation } from '../emails/templates/user-emails.js';
import { recordAudit, recordSystemAudit } from '../modules/audit/audit.service.js';
import { ResellerStatus } from '../modules/resellers/reseller.enums.js';
import { Reseller } from '../modules/resellers/reseller.entity.js';
import { actorTenant, resolvePublicTenant, tenantQuery } from '../modules/tenants/tenant.service.js';
import type { Tenant } from '../modules/tenants/tenant.entity.js';
import { addDays } from '../shared/clock.js';
import { AppError, badInput, conflict, consumeOrRefuse, forbidden, notFound, unauthenticated } from '../shared/errors.js';
import { hashToken, newSecretToken } from '../shared/tokens.js';
import { email, isUuid, parseInput, password, requiredText } from '../shared/validation.js';
import { hashPassword, verifyPassword } from './password.js';
import { isResellerRole, Role } from './roles.js';
import { Session } from './session.entity.js';
import { User, UserStatus } from './user.entity.js';
import { UserToken, UserTokenPurpose } from './user-token.entity.js';

export const SET_PASSWORD_TOKEN_DAYS = 7;

/** Creates a user who must set a password through the emailed single-use link. */
export function createInvitedUser(
  em: EntityManager,
  tenant: Tenant,
  now: Date,
  input: { email: string; name: string; role: Role; reseller: Reseller | null },
): { user: User; token: string } {
  const user = em.create(User, { tenant, email: input.email.toLowerCase(), name: input.name, role: input.role, reseller: input.reseller });
  const token = newSecretToken();
  em.create(UserToken, {
    tenant,
    user,
    purpose: UserTokenPurpose.SET_PASSWORD,
    tokenHash: hashToken(token),
    expiresAt: addDays(now, SET_PASSWORD_TOKEN_DAYS),
  });
  return { user, token };
}

/**
 * The link of a set-password invitation. Staff use it too: the admin console has no set-password
 * page (only the portal has `/portal/set-password`), and the token itself names user and tenant;
 * staff then sign in to the admin console.
 */
export function setPasswordUrl(ctx: Context, tenant: Tenant, token: string): string {
  return `${ctx.app.config.publicUrl}/portal/set-password?token=${encodeURIComponent(token)}${tenantQuery(ctx, tenant)}`;
}

const ROLE_LABELS: Record<Role, string> = {
  [Role.ADMIN]: 'administrator',
  [Role.FINANCE]: 'finance',
  [Role.PARTNER_MANAGER]: 'partner manager',
  [Role.RESELLER_OWNER]: 'partner owner',
  [Role.RESELLER_STAFF]: 'partner staff',
};

const inviteSchema = z.object({ email: email(), name: requiredText(200), role: z.enum(Role), resellerId: z.string().nullish() });

/**
 * An admin invites a user (SPEC §1): staff roles have no reseller, reseller roles need one (of this
 * tenant, not terminated). The user is INVITED until they use the emailed set-password link
 * (`createInvitedUser`, as approval does). One user per email in a tenant: CONFLICT otherwise.
 */
export async function inviteUser(ctx: Context, input: { email: string; name: string; role: Role; resellerId?: string | null }): Promise<User> {
  const data = parseInput(inviteSchema, input);
  if (isResellerRole(data.role) && !data.resellerId) throw badInput('A reseller role needs the reseller the user belongs to', { resellerId: 'Required for a reseller role' });
  if (!isResellerRole(data.role) && data.resellerId) throw badInput('Only reseller roles belong to a reseller', { resellerId: 'Leave empty for a staff role' });
  const tenant = await actorTenant(ctx);
  const duplicate = () => conflict(`A user with the email ${data.email} already exists in this partner program`, { field: 'email' });
  try {
    return await ctx.em.transactional(async (tx) => {
      let reseller: Reseller | null = null;
      if (data.resellerId) {
        reseller = isUuid(data.resellerId) ? await tx.findOne(Reseller, { id: data.resellerId }) : null;
        if (!reseller) throw notFound('Reseller');
        if (reseller.status === ResellerStatus.TERMINATED) throw conflict('A terminated reseller cannot get new users');
      }
      if (await tx.count(User, { email: data.email })) throw duplicate();
      const now = ctx.app.clock.now();
      const { user, token } = createInvitedUser(tx, tenant, now, { email: data.email, name: data.name, role: data.role, reseller });
      await tx.flush(); // the unique (tenant, email) index speaks here
      recordAudit(tx, tenant, ctx.actor, { action: 'user.invited', entityType: 'User', entityId: user.id, data: { email: user.email, role: user.role, resellerId: reseller?.id ?? null } });
      const inviter = ctx.actor?.kind === 'user' ? await tx.findOne(User, { id: ctx.actor.userId }) : null;
      const app = reseller ? 'portal' : 'admin';
      await queueEmail(tx, tenant, {
        template: EmailTemplate.USER_INVITATION,
        to: user.email,
        toName: user.name,
        content: userInvitation({
          tenantName: tenant.name,
          name: user.name,
          invitedBy: inviter?.name ?? `The ${tenant.name} partner team`,
          place: reseller ? 'partner portal' : 'admin console',
          roleLabel: ROLE_LABELS[user.role],
          companyName: reseller?.companyName ?? null,
          setPasswordUrl: setPasswordUrl(ctx, tenant, token),
          signInUrl: `${ctx.app.config.publicUrl}/${app}/login${tenantQuery(ctx, tenant, '?')}`,
          expiresInDays: SET_PASSWORD_TOKEN_DAYS,
        }),
        related: { type: 'User', id: user.id },
      });
      return user;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw duplicate();
    throw error;
  }
}

const setPasswordSchema = z.object({ token: z.string().min(1, 'Required').max(200), password: password() });

/**
 * Uses a set-password token: single use (marked used in the same transaction, under a row lock, so
 * two tabs cannot both use it) and valid for 7 days. Activates the invited user.
 */
export async function setPasswordWithToken(app: AppServices, input: { token: string; password: string }) {
  const data = parseInput(setPasswordSchema, input);
  const tokenHash = hashToken(data.token);
  // Found by the hash of a 256-bit secret before the tenant is known: the token names its tenant.
  const found = await app.orm.em.fork().findOne(UserToken, { tokenHash, purpose: UserTokenPurpose.SET_PASSWORD }, { filters: false });
  if (!found) throw new AppError('NOT_FOUND', 'This link is not valid. Ask your partner manager for a new invitation.');
  const passwordHash = await hashPassword(data.password);
  const em = tenantEntityManager(app.orm.em, found.tenant.id);
  return em.transactional(async (tx) => {
    await lockForUpdate(tx, UserToken, found.id);
    const token = await tx.findOneOrFail(UserToken, { id: found.id }, { populate: ['user', 'tenant'], refresh: true });
    const now = app.clock.now();
    if (token.usedAt) throw new AppError('CONFLICT', 'This link has already been used. Sign in with your password, or ask for a new invitation.');
    if (token.expiresAt <= now) throw new AppError('CONFLICT', 'This link has expired. Ask your partner manager for a new invitation.');
    token.usedAt = now;
    const user = token.user;
    if (user.status === UserStatus.DISABLED) throw new AppError('CONFLICT', 'This account is disabled.');
    user.passwordHash = passwordHash;
    user.status = UserStatus.ACTIVE;
    recordSystemAudit(tx, token.tenant, { action: 'user.password_set', entityType: 'User', entityId: user.id, data: { email: user.email } });
    return { user, tenant: token.tenant };
  });
}

const loginSchema = z.object({ tenantSlug: z.string().trim().max(100).nullish(), email: email(), password: z.string().min(1, 'Required').max(200) });

/** Email + password → a session. Same error for unknown email and wrong password. */
export async function login(ctx: Context, input: { tenantSlug?: string | null; email: string; password: string }) {
  const data = parseInput(loginSchema, input);
  await consumeOrRefuse(ctx.app.limits.loginsPerIp, ctx.ip, 'Too many sign-in attempts. Try again in a few minutes.');
  const tenant = await resolvePublicTenant(ctx, data.tenantSlug);
  const user = await ctx.em.findOne(User, { email: data.email }, { populate: ['reseller'] });
  const valid = await verifyPassword(user?.passwordHash ?? null, data.password);
  if (!user || !valid) throw unauthenticated('Email or password is incorrect');
  if (user.status !== UserStatus.ACTIVE) throw unauthenticated('This account is not active');
  if (user.reseller?.status === ResellerStatus.TERMINATED) throw unauthenticated('This partner account has been terminated');
  const now = ctx.app.clock.now();
  const expiresAt = new Date(now.getTime() + ctx.app.config.sessionTtlHours * 3600_000);
  const session = ctx.em.create(Session, { tenant, user, expiresAt });
  user.lastLoginAt = now;
  // From here on this request acts as the user (e.g. for a `me` selection in the same payload).
  ctx.actor = { kind: 'user', tenantId: tenant.id, role: user.role, resellerId: user.reseller?.id ?? null, userId: user.id, sessionId: session.id, label: user.email };
  recordAudit(ctx.em, tenant, ctx.actor, { action: 'user.logged_in', entityType: 'User', entityId: user.id, data: { ip: ctx.ip } });
  await ctx.em.flush();
  scopeEntityManager(ctx.em, tenant.id, user.reseller?.id ?? null);
  const token = await ctx.app.sessions.sign({ sessionId: session.id, userId: user.id, tenantId: tenant.id }, expiresAt);
  return { token, expiresAt, user };
}

export async function logout(ctx: Context): Promise<boolean> {
  const actor = ctx.actor;
  if (actor?.kind !== 'user') throw forbidden('Only a signed-in user has a session to end');
  await ctx.em.nativeUpdate(Session, { id: actor.sessionId }, { revokedAt: ctx.app.clock.now() });
  return true;
}

