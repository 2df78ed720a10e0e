import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import type { Context } from '../../app/context.js';
import { Session } from '../../auth/session.entity.js';
import { Role } from '../../auth/roles.js';
import { User, UserStatus } from '../../auth/user.entity.js';
import { createInvitedUser, SET_PASSWORD_TOKEN_DAYS, setPasswordUrl } from '../../auth/user.service.js';
import { EmailTemplate } from '../../emails/outbox-email.entity.js';
import { queueEmail } from '../../emails/outbox.service.js';
import { applicationApproved } from '../../emails/templates/application-emails.js';
import { conflict, forbidden, notFound } from '../../shared/errors.js';
import { paginate, textSearch, type PageArgs } from '../../shared/pagination.js';
import { isUuid, parseInput, phone, requiredText, website } from '../../shared/validation.js';
import type { BusinessType } from '../applications/application.enums.js';
import { lockForUpdate } from '../../db/locking.js';
import { recordAudit } from '../audit/audit.service.js';
import { createOnboardingChecklist } from '../onboarding/onboarding.service.js';
import { nextResellerNumber } from '../tenants/tenant.repository.js';
import { actorTenant } from '../tenants/tenant.service.js';
import type { Tenant } from '../tenants/tenant.entity.js';
import { canChangeResellerStatus, formatResellerCode, RESELLER_STATUS_TRANSITIONS } from './reseller-status.js';
import { Reseller } from './reseller.entity.js';
import { ResellerStatus, ResellerTier } from './reseller.enums.js';
import type { ResellerFilter, UpdateMyResellerProfileInput } from './reseller.inputs.js';

/** What a new reseller is made of (from an approved application, or a legacy system's row). */
export interface NewReseller {
  companyName: string;
  legalName: string;
  contactName: string;
  contactEmail: string;
  phone: string;
  website: string | null;
  businessType: BusinessType;
  territory: string[];
  tier: ResellerTier;
  /** ONBOARDING gets the onboarding checklist; ACTIVE (a migrated partner) does not. */
  status: ResellerStatus.ONBOARDING | ResellerStatus.ACTIVE;
}

/**
 * The one way a reseller comes to be, inside the caller's transaction (approval, upsertResellers):
 * the tenant's next sequential code (`nextResellerNumber` row-locks the tenant until the
 * transaction ends, so codes are gap-free and a rollback gives the numbers back), the onboarding
 * checklist while ONBOARDING, the contact invited as RESELLER_OWNER with the welcome email and its
 * set-password link, and the `reseller.created` and `user.invited` audit events. The caller checks
 * first that no user has the contact's email (the unique index would refuse it at flush).
 */
export async function createResellerWithOwner(
  ctx: Context,
  tx: EntityManager,
  tenant: Tenant,
  input: NewReseller,
  options: { now: Date; auditData?: Record<string, unknown>; related?: { type: string; id: string } },
): Promise<{ reseller: Reseller; owner: User }> {
  const { now } = options;
  const code = formatResellerCode(await nextResellerNumber(tx, tenant.id));
  const reseller = tx.create(Reseller, { tenant, code, ...input, approvedAt: now, statusChangedAt: now });
  if (reseller.status === ResellerStatus.ONBOARDING) createOnboardingChecklist(tx, tenant, reseller, now);
  const { user: owner, token } = createInvitedUser(tx, tenant, now, { email: input.contactEmail, name: input.contactName, role: Role.RESELLER_OWNER, reseller });
  recordAudit(tx, tenant, ctx.actor, { action: 'reseller.created', entityType: 'Reseller', entityId: reseller.id, data: { code, tier: reseller.tier, status: reseller.status, ...options.auditData } });
  recordAudit(tx, tenant, ctx.actor, { action: 'user.invited', entityType: 'User', entityId: owner.id, data: { email: owner.email, role: owner.role, resellerId: reseller.id } });
  await queueEmail(tx, tenant, {
    template: EmailTemplate.APPLICATION_APPROVED,
    to: owner.email,
    toName: owner.name,
    content: applicationApproved({
      tenantName: tenant.name,
      contactName: owner.name,
      companyName: reseller.companyName,
      resellerCode: code,
      setPasswordUrl: setPasswordUrl(ctx, tenant, token),
      expiresInDays: SET_PASSWORD_TOKEN_DAYS,
    }),
    related: options.related ?? { type: 'Reseller', id: reseller.id },
  });
  return { reseller, owner };
}

/** A reseller the actor may see (another tenant's, or another reseller's, is NOT_FOUND). */
export async function getReseller(ctx: Context, id: string): Promise<Reseller> {
  const reseller = isUuid(id) ? await ctx.em.findOne(Reseller, { id }) : null;
  if (!reseller) throw notFound('Reseller');
  return reseller;
}

export async function listResellers(ctx: Context, filter: ResellerFilter | null | undefined, page: PageArgs) {
  const where: FilterQuery<Reseller> = {};
  if (filter?.status?.length) where.status = { $in: filter.status };
  if (filter?.tier?.length) where.tier = { $in: filter.tier };
  const search = textSearch<Reseller>(filter?.search, ['code', 'companyName', 'contactName', 'contactEmail']);
  if (search) Object.assign(where, search);
  return paginate(ctx.em, Reseller, where, page, [{ createdAt: 'desc' }, { id: 'desc' }]);
}

const statusSchema = z.object({ reason: requiredText(2000) });

/**
 * SPEC §2.3 status change, audited with actor and reason. Terminating a reseller also disables
 * its users and ends their sessions.
 */
export async function updateResellerStatus(ctx: Context, input: { resellerId: string; status: ResellerStatus; reason: string }) {
  const { reason } = parseInput(statusSchema, { reason: input.reason });
  const tenant = await actorTenant(ctx);
  return ctx.em.transactional(async (tx) => {
    const reseller = isUuid(input.resellerId) ? await lockForUpdate(tx, Reseller, input.resellerId) : null;
    if (!reseller) throw notFound('Reseller');
    const from = reseller.status;
    if (from === input.status) return reseller;
    if (!canChangeResellerStatus(from, input.status)) {
      const allowed = RESELLER_STATUS_TRANSITIONS[from];
      throw conflict(`A reseller cannot go from ${from} to ${input.status}${allowed.length ? ` (allowed: ${allowed.join(', ')})` : ' (terminated is final)'}`);
    }
    const now = ctx.app.clock.now();
    reseller.status = input.status;
    reseller.statusChangedAt = now;
    recordAudit(tx, tenant, ctx.actor, { action: 'reseller.status_changed', entityType: 'Reseller', entityId: reseller.id, reason, data: { from, to: input.status } });
    if (input.status === ResellerStatus.TERMINATED) {
      const users = await tx.find(User, { reseller });
      for (const user of users) user.status = UserStatus.DISABLED;
      await tx.nativeUpdate(Session, { user: { $in: users.map((user) => user.id) }, revokedAt: null }, { revokedAt: now });
    }
    return reseller;
  });
}

const tierSchema = z.object({ tier: z.enum(ResellerTier, { error: `One of ${Object.values(ResellerTier).join(', ')}` }), reason: requiredText(500) });

/**
 * The partner team moves a reseller to another tier, with a reason kept in the audit trail
 * (`reseller.tier_changed`, from → to). The tier it already has returns it unchanged, unaudited.
 * A terminated reseller is final: CONFLICT.
 */
export async function setResellerTier(ctx: Context, input: { resellerId: string; tier: ResellerTier; reason: string }): Promise<Reseller> {
  const { tier, reason } = parseInput(tierSchema, { tier: input.tier, reason: input.reason });
  const tenant = await actorTenant(ctx);
  return ctx.em.transactional(async (tx) => {
    const reseller = isUuid(input.resellerId) ? await lockForUpdate(tx, Reseller, input.resellerId) : null;
    if (!reseller) throw notFound('Reseller');
    const from = reseller.tier;
    if (from === tier) return reseller;
    if (reseller.status === ResellerStatus.TERMINATED) throw conflict('A terminated reseller keeps its tier (terminated is final)');
    reseller.tier = tier;
    recordAudit(tx, tenant, ctx.actor, { action: 'reseller.tier_changed', entityType: 'Reseller', entityId: reseller.id, reason, data: { from, to: tier } });
    return reseller;
  });
}

/** The signed-in reseller user's own reseller. */
export async function myReseller(ctx: Context): Promise<Reseller> {
  const resellerId = ctx.actor?.resellerId;
  if (!resellerId) throw forbidden('Only partner users have a reseller');
  // Through the request's loader: other fields of the same query needing the reseller share it.
  const reseller = await ctx.loaders.byId(Reseller).load(resellerId);
  if (!reseller) throw notFound('Reseller');
  return reseller;
}

const profileSchema = z.object({ contactName: requiredText(200).optional(), phone: phone().optional(), website: website().optional() });

export async function updateMyResellerProfile(ctx: Context, input: UpdateMyResellerProfileInput) {
  const data = parseInput(profileSchema, {
    contactName: input.contactName ?? undefined,
    phone: input.phone ?? undefined,
    website: input.website ?? undefined,
  });
  const reseller = await myReseller(ctx);
  const tenant = await actorTenant(ctx);
  const before = { contactName: reseller.contactName, phone: reseller.phone, website: reseller.website };
  if (data.contactName !== undefined) reseller.contactName = data.contactName;
  if (data.phone !== undefined) reseller.phone = data.phone;
  if (data.website !== undefined) reseller.website = data.website;
  recordAudit(ctx.em, tenant, ctx.actor, { action: 'reseller.profile_updated', entityType: 'Reseller', entityId: reseller.id, data: { before, after: { contactName: reseller.contactName, phone: reseller.phone, website: reseller.website } } });
  await ctx.em.flush();
  return reseller;
}
