import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import type { Context } from '../../app/context.js';
import { Session } from '../../auth/session.entity.js';
import { User, UserStatus } from '../../auth/user.entity.js';
import { conflict, forbidden, notFound } from '../../shared/errors.js';
import { paginate, textSearch, type PageArgs } from '../../shared/pagination.js';
import { isUuid, parseInput, phone, requiredText, website } from '../../shared/validation.js';
import type { ResellerApplication } from '../applications/reseller-application.entity.js';
import { lockForUpdate } from '../../db/locking.js';
import { recordAudit } from '../audit/audit.service.js';
import { nextResellerNumber } from '../tenants/tenant.repository.js';
import { actorTenant } from '../tenants/tenant.service.js';
import type { Tenant } from '../tenants/tenant.entity.js';
import { canChangeResellerStatus, formatResellerCode, RESELLER_STATUS_TRANSITIONS } from './reseller-status.js';
import { Reseller } from './reseller.entity.js';
import { ResellerStatus, type ResellerTier } from './reseller.enums.js';
import type { ResellerFilter, UpdateMyResellerProfileInput } from './reseller.inputs.js';

/** Part of the approval transaction: the reseller gets the next sequential code of its tenant. */
export async function createResellerFromApplication(tx: EntityManager, tenant: Tenant, application: ResellerApplication, tier: ResellerTier, now: Date): Promise<Reseller> {
  const code = formatResellerCode(await nextResellerNumber(tx, tenant.id));
  return tx.create(Reseller, {
    tenant,
    code,
    companyName: application.companyName,
    legalName: application.legalName,
    contactName: application.contactName,
    contactEmail: application.contactEmail,
    phone: application.phone,
    website: application.website,
    businessType: application.businessType,
    territory: application.territory,
    tier,
    approvedAt: now,
    statusChangedAt: now,
  });
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

/** The signed-in reseller user's own reseller. */
export async function myReseller(ctx: Context): Promise<Reseller> {
  const resellerId = ctx.actor?.resellerId;
  if (!resellerId) throw forbidden('Only partner users have a reseller');
  return getReseller(ctx, resellerId);
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
