import type { EntityManager } from '@mikro-orm/postgresql';
import type { Tenant } from '../modules/tenants/tenant.entity.js';
import { EmailTemplate, OutboxEmail } from './outbox-email.entity.js';
import { renderEmail } from './render.js';
import type { EmailContent } from './templates/application-emails.js';
import type { Branding } from './templates/layout.js';

export function brandingOf(tenant: Tenant): Branding {
  return {
    tenantName: tenant.name,
    logoUrl: tenant.branding.logoUrl,
    primaryColor: tenant.branding.primaryColor,
    footer: tenant.branding.footer,
    supportEmail: tenant.supportEmail,
  };
}

/**
 * Renders an email and adds it to the outbox through the caller's EntityManager, so it is
 * written in the same transaction as the event that causes it (no email for a rolled-back change).
 */
export async function queueEmail(
  em: EntityManager,
  tenant: Tenant,
  email: { template: EmailTemplate; to: string; toName?: string | null; content: EmailContent; related?: { type: string; id: string }; dedupeKey?: string },
): Promise<OutboxEmail> {
  const rendered = await renderEmail(brandingOf(tenant), email.content);
  return em.create(OutboxEmail, {
    tenant,
    template: email.template,
    toAddress: email.to,
    toName: email.toName ?? null,
    subject: rendered.subject,
    html: rendered.html,
    text: rendered.text,
    relatedType: email.related?.type ?? null,
    relatedId: email.related?.id ?? null,
    dedupeKey: email.dedupeKey ?? null,
  });
}

/**
 * One email per event: queues it unless an email with this key was queued before (a rerun of the
 * job that causes it). The unique index on (tenant, dedupe key) backs this against a race.
 * Returns whether it queued one.
 */
export async function queueEmailOnce(em: EntityManager, tenant: Tenant, email: Parameters<typeof queueEmail>[2] & { dedupeKey: string }): Promise<boolean> {
  if (await em.count(OutboxEmail, { tenant, dedupeKey: email.dedupeKey })) return false;
  await queueEmail(em, tenant, email);
  return true;
}
