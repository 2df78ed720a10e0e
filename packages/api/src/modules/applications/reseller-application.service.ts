import { UniqueConstraintViolationException, type FilterQuery, type QueryOrderMap } from '@mikro-orm/core';
import { z } from 'zod';
import type { Context } from '../../app/context.js';
import { actorUserId } from '../../auth/actor.js';
import { Role } from '../../auth/roles.js';
import { User, UserStatus } from '../../auth/user.entity.js';
import { EmailTemplate } from '../../emails/outbox-email.entity.js';
import { queueEmail } from '../../emails/outbox.service.js';
import { applicationReceived, applicationRejected, newApplicationForAdmins } from '../../emails/templates/application-emails.js';
import { conflict, consumeOrRefuse, forbidden, notFound } from '../../shared/errors.js';
import { paginate, textSearch, type PageArgs } from '../../shared/pagination.js';
import { hashToken, newSecretToken } from '../../shared/tokens.js';
import { email, isUuid, optionalText, parseInput, phone, requiredText, website } from '../../shared/validation.js';
import { lockForUpdate } from '../../db/locking.js';
import { recordAudit } from '../audit/audit.service.js';
import { createResellerWithOwner } from '../resellers/reseller.service.js';
import { ResellerStatus, ResellerTier } from '../resellers/reseller.enums.js';
import { Reseller } from '../resellers/reseller.entity.js';
import { actorTenant, resolvePublicTenant, tenantQuery } from '../tenants/tenant.service.js';
import type { Tenant } from '../tenants/tenant.entity.js';
import { ApplicationNote } from './application-note.entity.js';
import { ApplicationStatus, BusinessType, OPEN_APPLICATION_STATUSES, ReferralSource, ServiceInterest } from './application.enums.js';
import { ResellerApplication } from './reseller-application.entity.js';
import {
  ApplicationOrderField,
  type ApplicationStatusView,
  type ResellerApplicationFilter,
  type ResellerApplicationOrder,
  type SubmitResellerApplicationInput,
} from './reseller-application.inputs.js';

const submitSchema = z.object({
  tenantSlug: z.string().trim().max(100).nullish(),
  companyName: requiredText(200),
  legalName: requiredText(200),
  contactName: requiredText(200),
  contactEmail: email(),
  phone: phone(),
  website: website(),
  businessType: z.enum(BusinessType),
  yearsInBusiness: z.number().int('Whole years').min(0, 'Cannot be negative').max(200, 'At most 200'),
  territory: z
    .array(z.string().trim().min(1, 'Empty region').max(100, 'At most 100 characters'))
    .min(1, 'Name at least one region or postcode')
    .max(200, 'At most 200 regions'),
  expectedCustomersPerMonth: z.number().int('Whole number').min(0, 'Cannot be negative').max(1_000_000, 'Too large'),
  currentCustomerBase: z.number().int('Whole number').min(0, 'Cannot be negative').max(100_000_000, 'Too large'),
  servicesOfInterest: z.array(z.enum(ServiceInterest)).min(1, 'Pick at least one service').max(20),
  referralSource: z.enum(ReferralSource),
  message: optionalText(5000),
  acceptTerms: z.literal(true, { error: 'You must accept the partner terms' }),
});

function statusView(application: ResellerApplication, tenant: Tenant): ApplicationStatusView {
  return {
    companyName: application.companyName,
    contactName: application.contactName,
    contactEmail: application.contactEmail,
    status: application.status,
    submittedAt: application.createdAt,
    decidedAt: application.decidedAt,
    withdrawnAt: application.withdrawnAt,
    rejectionReason: application.rejectionReason,
    canWithdraw: OPEN_APPLICATION_STATUSES.includes(application.status),
    tenantName: tenant.name,
  };
}

function isOpen(application: ResellerApplication): boolean {
  return OPEN_APPLICATION_STATUSES.includes(application.status);
}

/** Staff who hear about new applications: active admins and partner managers (else the support inbox). */
async function applicationReviewers(ctx: Context, tenant: Tenant): Promise<{ email: string; name: string | null }[]> {
  const staff = await ctx.em.find(User, { role: { $in: [Role.ADMIN, Role.PARTNER_MANAGER] }, status: UserStatus.ACTIVE }, { orderBy: { email: 'asc' } });
  return staff.length > 0 ? staff.map((user) => ({ email: user.email, name: user.name })) : [{ email: tenant.supportEmail, name: null }];
}

/** SPEC §2.1: public submission, validated, one open application per email, rate-limited per IP. */
export async function submitResellerApplication(ctx: Context, input: SubmitResellerApplicationInput) {
  await consumeOrRefuse(ctx.app.limits.applicationsPerIp, ctx.ip, 'Too many applications from your network. Try again in an hour.');
  const data = parseInput(submitSchema, input);
  const tenant = await resolvePublicTenant(ctx, data.tenantSlug);
  const statusToken = newSecretToken();
  const statusUrl = `${ctx.app.config.publicUrl}/portal/application-status?token=${encodeURIComponent(statusToken)}${tenantQuery(ctx, tenant)}`;
  const duplicate = () => conflict('An application with this email is already awaiting review. Check its status with the link we emailed you.', { field: 'contactEmail' });

  if (await ctx.em.count(ResellerApplication, { contactEmail: data.contactEmail, status: { $in: OPEN_APPLICATION_STATUSES } })) throw duplicate();
  try {
    const application = await ctx.em.transactional(async (tx) => {
      const { tenantSlug: _slug, acceptTerms: _terms, ...fields } = data;
      const created = tx.create(ResellerApplication, {
        ...fields,
        tenant,
        termsAcceptedAt: ctx.app.clock.now(),
        statusTokenHash: hashToken(statusToken),
        submittedIp: ctx.ip,
      });
      await tx.flush(); // the unique index (one open application per email) speaks here
      recordAudit(tx, tenant, undefined, { action: 'application.submitted', entityType: 'ResellerApplication', entityId: created.id, data: { companyName: created.companyName, ip: ctx.ip } });
      const related = { type: 'ResellerApplication', id: created.id };
      await queueEmail(tx, tenant, {
        template: EmailTemplate.APPLICATION_RECEIVED,
        to: created.contactEmail,
        toName: created.contactName,
        content: applicationReceived({ tenantName: tenant.name, contactName: created.contactName, companyName: created.companyName, statusUrl }),
        related,
      });
      const reviewUrl = `${ctx.app.config.publicUrl}/admin/applications/${created.id}`;
      for (const reviewer of await applicationReviewers(ctx, tenant)) {
        await queueEmail(tx, tenant, {
          template: EmailTemplate.NEW_APPLICATION_ADMIN,
          to: reviewer.email,
          toName: reviewer.name,
          content: newApplicationForAdmins({ tenantName: tenant.name, application: created, reviewUrl }),
          related,
        });
      }
      return created;
    });
    return { application: statusView(application, tenant), statusToken, statusUrl };
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw duplicate();
    throw error;
  }
}

/** The application a status token belongs to; the request is scoped to its tenant. */
async function applicationByStatusToken(ctx: Context, token: string) {
  if (!token || token.length > 200) throw notFound('Application');
  // Looked up by the hash of a 256-bit secret before the tenant is known: the token names its tenant.
  const found = await ctx.em.findOne(ResellerApplication, { statusTokenHash: hashToken(token) }, { filters: false, populate: ['tenant'] });
  if (!found) throw notFound('Application');
  return found;
}

export async function applicationStatusByToken(ctx: Context, token: string): Promise<ApplicationStatusView> {
  const application = await applicationByStatusToken(ctx, token);
  return statusView(application, application.tenant);
}

export async function withdrawResellerApplication(ctx: Context, token: string) {
  const found = await applicationByStatusToken(ctx, token);
  const tenant = found.tenant;
  await resolvePublicTenant(ctx, tenant.slug);
  const application = await ctx.em.transactional(async (tx) => {
    const locked = (await lockForUpdate(tx, ResellerApplication, found.id))!;
    if (locked.status === ApplicationStatus.WITHDRAWN) return locked;
    if (!isOpen(locked)) throw conflict(`This application is already ${locked.status.toLowerCase()} and can no longer be withdrawn`);
    locked.status = ApplicationStatus.WITHDRAWN;
    locked.withdrawnAt = ctx.app.clock.now();
    recordAudit(tx, tenant, undefined, { action: 'application.withdrawn', entityType: 'ResellerApplication', entityId: locked.id });
    return locked;
  });
  return { application: statusView(application, tenant) };
}

const ORDER_FIELDS: Record<ApplicationOrderField, keyof ResellerApplication> = {
  [ApplicationOrderField.CREATED_AT]: 'createdAt',
  [ApplicationOrderField.COMPANY_NAME]: 'companyName',
  [ApplicationOrderField.STATUS]: 'status',
};

export async function listResellerApplications(ctx: Context, filter: ResellerApplicationFilter | null | undefined, order: ResellerApplicationOrder | null | undefined, page: PageArgs) {
  const where: FilterQuery<ResellerApplication> = {};
  if (filter?.status?.length) where.status = { $in: filter.status };
  const search = textSearch<ResellerApplication>(filter?.search, ['companyName', 'legalName', 'contactName', 'contactEmail']);
  if (search) Object.assign(where, search);
  const field = ORDER_FIELDS[order?.field ?? ApplicationOrderField.CREATED_AT];
  const direction = (order?.direction ?? 'DESC').toLowerCase() as 'asc' | 'desc';
  const orderBy = [{ [field]: direction }, { id: direction }] as QueryOrderMap<ResellerApplication>[];
  return paginate(ctx.em, ResellerApplication, where, page, orderBy);
}

export async function getResellerApplication(ctx: Context, id: string): Promise<ResellerApplication> {
  const application = isUuid(id) ? await ctx.em.findOne(ResellerApplication, { id }) : null;
  if (!application) throw notFound('Application');
  return application;
}

/** Locks the application for the rest of the transaction: decisions on one application are serialised. */
async function lockApplication(tx: Context['em'], id: string): Promise<ResellerApplication> {
  const application = isUuid(id) ? await lockForUpdate(tx, ResellerApplication, id) : null;
  if (!application) throw notFound('Application');
  return application;
}

export async function startApplicationReview(ctx: Context, applicationId: string) {
  const tenant = await actorTenant(ctx);
  return ctx.em.transactional(async (tx) => {
    const application = await lockApplication(tx, applicationId);
    if (application.status === ApplicationStatus.UNDER_REVIEW) return application;
    if (application.status !== ApplicationStatus.SUBMITTED) throw conflict(`A ${application.status.toLowerCase()} application cannot be put under review`);
    application.status = ApplicationStatus.UNDER_REVIEW;
    application.reviewStartedAt = ctx.app.clock.now();
    const userId = actorUserId(ctx.actor);
    application.reviewer = userId ? tx.getReference(User, userId) : null;
    recordAudit(tx, tenant, ctx.actor, { action: 'application.review_started', entityType: 'ResellerApplication', entityId: application.id });
    return application;
  });
}

export async function addApplicationNote(ctx: Context, input: { applicationId: string; body: string }) {
  const body = parseInput(z.object({ body: requiredText(5000) }), { body: input.body }).body;
  const userId = actorUserId(ctx.actor);
  if (!userId) throw forbidden('Notes are written by people; an API key cannot add one');
  const application = await getResellerApplication(ctx, input.applicationId);
  const note = ctx.em.create(ApplicationNote, { tenant: application.tenant, application, author: ctx.em.getReference(User, userId), body });
  await ctx.em.flush();
  return { application, note };
}

const approveSchema = z.object({ tier: z.enum(ResellerTier).nullish(), note: optionalText(5000) });

/**
 * SPEC §2.2: one transaction that creates exactly one reseller, its owner user with a set-password
 * invitation, audit events and the welcome email. The application row is locked first, so two
 * concurrent approvals serialise: the second sees APPROVED and returns the same reseller.
 */
export async function approveResellerApplication(ctx: Context, input: { applicationId: string; tier?: ResellerTier | null; note?: string | null }) {
  const options = parseInput(approveSchema, { tier: input.tier, note: input.note });
  const tenant = await actorTenant(ctx);
  return ctx.em.transactional(async (tx) => {
    const application = await lockApplication(tx, input.applicationId);
    if (application.status === ApplicationStatus.APPROVED && application.reseller) {
      return { application, reseller: await tx.findOneOrFail(Reseller, { id: application.reseller.id }), alreadyApproved: true };
    }
    if (!isOpen(application)) throw conflict(`A ${application.status.toLowerCase()} application cannot be approved`);
    if (await tx.count(User, { email: application.contactEmail })) {
      throw conflict(`A user with the email ${application.contactEmail} already exists in this partner program`, { field: 'contactEmail' });
    }
    const now = ctx.app.clock.now();
    const { reseller } = await createResellerWithOwner(ctx, tx, tenant, {
      companyName: application.companyName,
      legalName: application.legalName,
      contactName: application.contactName,
      contactEmail: application.contactEmail,
      phone: application.phone,
      website: application.website,
      businessType: application.businessType,
      territory: application.territory,
      tier: options.tier ?? ResellerTier.BRONZE,
      status: ResellerStatus.ONBOARDING,
    }, { now, auditData: { applicationId: application.id }, related: { type: 'ResellerApplication', id: application.id } });
    application.status = ApplicationStatus.APPROVED;
    application.decidedAt = now;
    const userId = actorUserId(ctx.actor);
    application.decidedBy = userId ? tx.getReference(User, userId) : null;
    application.reseller = reseller;
    if (options.note && userId) tx.create(ApplicationNote, { tenant, application, author: tx.getReference(User, userId), body: options.note });
    await tx.flush();
    recordAudit(tx, tenant, ctx.actor, { action: 'application.approved', entityType: 'ResellerApplication', entityId: application.id, data: { resellerId: reseller.id, resellerCode: reseller.code } });
    return { application, reseller, alreadyApproved: false };
  });
}

const rejectSchema = z.object({ reason: requiredText(2000).refine((value) => value.length >= 5, 'Give the applicant a reason (at least 5 characters)') });

export async function rejectResellerApplication(ctx: Context, input: { applicationId: string; reason: string }) {
  const { reason } = parseInput(rejectSchema, { reason: input.reason });
  const tenant = await actorTenant(ctx);
  return ctx.em.transactional(async (tx) => {
    const application = await lockApplication(tx, input.applicationId);
    if (application.status === ApplicationStatus.REJECTED) return application;
    if (!isOpen(application)) throw conflict(`A ${application.status.toLowerCase()} application cannot be rejected`);
    application.status = ApplicationStatus.REJECTED;
    application.rejectionReason = reason;
    application.decidedAt = ctx.app.clock.now();
    const userId = actorUserId(ctx.actor);
    application.decidedBy = userId ? tx.getReference(User, userId) : null;
    recordAudit(tx, tenant, ctx.actor, { action: 'application.rejected', entityType: 'ResellerApplication', entityId: application.id, reason });
    await queueEmail(tx, tenant, {
      template: EmailTemplate.APPLICATION_REJECTED,
      to: application.contactEmail,
      toName: application.contactName,
      content: applicationRejected({ tenantName: tenant.name, contactName: application.contactName, companyName: application.companyName, reason }),
      related: { type: 'ResellerApplication', id: application.id },
    });
    return application;
  });
}
