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
  email: { template: EmailTemplate; to: string; toName?: string | null; content: EmailContent; related?: { type: string; id: string } },
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
  });
}
