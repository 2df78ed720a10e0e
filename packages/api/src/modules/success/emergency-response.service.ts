import type { Context } from '../../app/context.js';
import { Role } from '../../auth/roles.js';
import { User, UserStatus } from '../../auth/user.entity.js';
import { lockForUpdate } from '../../db/locking.js';
import { EmailTemplate } from '../../emails/outbox-email.entity.js';
import { queueEmailOnce } from '../../emails/outbox.service.js';
import { partnerAlertNotice } from '../../emails/templates/automation-emails.js';
import { notFound } from '../../shared/errors.js';
import { addDaysToDate, dateInZone } from '../../shared/period.js';
import { isUuid } from '../../shared/validation.js';
import { recordAudit } from '../audit/audit.service.js';
import { actorTenant } from '../tenants/tenant.service.js';
import { AlertSeverity } from './alert-rules.js';
import { AlertStatus, Intervention, InterventionType, PartnerAlert } from './success.entity.js';
import { latestScore } from './success.service.js';

/** Executive escalations are due within a day: a critical partner cannot wait for the weekly review. */
const ESCALATION_DAYS = 1;

/**
 * SPEC §6 emergency response to a CRITICAL alert: opens an executive-escalation intervention,
 * acknowledges the alert and notifies the partner team at once, in one transaction under the
 * alert's row lock. Idempotent: an alert that already has its escalation is left as it is.
 */
export async function respondToCriticalAlert(ctx: Context, alertId: string): Promise<{ escalated: boolean; notified: number }> {
  const tenant = await actorTenant(ctx);
  return ctx.em.transactional(async (tx) => {
    const alert = isUuid(alertId) ? await lockForUpdate(tx, PartnerAlert, alertId) : null;
    if (!alert) throw notFound('Alert');
    if (alert.severity !== AlertSeverity.CRITICAL || alert.status === AlertStatus.RESOLVED) return { escalated: false, notified: 0 };
    if (await tx.count(Intervention, { alert, type: InterventionType.EXECUTIVE_ESCALATION })) return { escalated: false, notified: 0 };
    await tx.populate(alert, ['reseller']);
    const reseller = alert.reseller;
    const now = ctx.app.clock.now();
    const dueDate = addDaysToDate(dateInZone(now, tenant.timezone), ESCALATION_DAYS);
    const intervention = tx.create(Intervention, {
      tenant,
      reseller,
      alert,
      type: InterventionType.EXECUTIVE_ESCALATION,
      owner: 'Executive sponsor',
      dueDate,
      notes: `Opened automatically for the critical alert: ${alert.message}`,
      scoreBefore: await latestScore(tx, reseller.id),
      createdBy: ctx.actor!.label,
    });
    if (alert.status === AlertStatus.OPEN) Object.assign(alert, { status: AlertStatus.ACKNOWLEDGED, acknowledgedAt: now, acknowledgedBy: ctx.actor!.label });
    recordAudit(tx, tenant, ctx.actor, { action: 'partner.emergency_response', entityType: 'Reseller', entityId: reseller.id, data: { alertId: alert.id, rule: alert.rule, interventionId: intervention.id } });
    const team = await tx.find(User, { role: { $in: [Role.ADMIN, Role.PARTNER_MANAGER] }, status: UserStatus.ACTIVE }, { orderBy: { email: 'asc' } });
    let notified = 0;
    for (const user of team) {
      const queued = await queueEmailOnce(tx, tenant, {
        template: EmailTemplate.PARTNER_ALERT,
        to: user.email,
        toName: user.name,
        content: partnerAlertNotice({
          tenantName: tenant.name,
          recipientName: user.name,
          companyName: reseller.companyName,
          resellerCode: reseller.code,
          severity: alert.severity,
          alertMessage: alert.message,
          score: alert.scoreAtOpen,
          interventionType: 'Executive escalation',
          interventionDueDate: dueDate,
          consoleUrl: `${ctx.app.config.publicUrl}/admin/success/resellers/${reseller.id}`,
        }),
        related: { type: 'PartnerAlert', id: alert.id },
        dedupeKey: `critical-alert:${alert.id}:${user.id}`,
      });
      if (queued) notified++;
    }
    return { escalated: true, notified };
  });
}

/** Critical alerts still waiting for their escalation (the sweep that catches a lost trigger). */
export async function criticalAlertsWithoutResponse(ctx: Context): Promise<string[]> {
  const alerts = await ctx.em.find(PartnerAlert, { severity: AlertSeverity.CRITICAL, status: { $ne: AlertStatus.RESOLVED } }, { fields: ['id'], orderBy: { createdAt: 'asc' } });
  if (!alerts.length) return [];
  const answered = new Set((await ctx.em.find(Intervention, { alert: { $in: alerts.map((alert) => alert.id) }, type: InterventionType.EXECUTIVE_ESCALATION }, { fields: ['alert'] })).map((intervention) => intervention.alert!.id));
  return alerts.map((alert) => alert.id).filter((id) => !answered.has(id));
}
