import type { Context } from '../../app/context.js';
import { EmailTemplate } from '../../emails/outbox-email.entity.js';
import { queueEmailOnce } from '../../emails/outbox.service.js';
import { onboardingTaskReminder } from '../../emails/templates/automation-emails.js';
import { dateInZone } from '../../shared/period.js';
import { Reseller } from '../resellers/reseller.entity.js';
import { actorTenant } from '../tenants/tenant.service.js';
import { OnboardingTask, OnboardingTaskStatus } from './onboarding-task.entity.js';

const DAY = 86_400_000;
/** A partner is reminded of its overdue tasks at most once a week, however often the cycle runs. */
const REMINDER_EVERY_DAYS = 7;

/**
 * SPEC §6 daily cycle, "flag overdue onboarding tasks": every reseller with pending tasks past
 * their due date (in the tenant's zone) gets one reminder listing them, at most once a week
 * (the dedupe key names the reseller and the week). One transaction.
 */
export async function remindOverdueOnboarding(ctx: Context): Promise<{ overdueTasks: number; resellers: number; reminders: number }> {
  const tenant = await actorTenant(ctx);
  const today = dateInZone(ctx.app.clock.now(), tenant.timezone);
  const week = Math.floor(Date.parse(today) / DAY / REMINDER_EVERY_DAYS);
  return ctx.em.transactional(async (tx) => {
    const tasks = await tx.find(OnboardingTask, { status: OnboardingTaskStatus.PENDING, dueDate: { $lt: today } }, { orderBy: { dueDate: 'asc', position: 'asc' } });
    const byReseller = new Map<string, OnboardingTask[]>();
    for (const task of tasks) byReseller.set(task.reseller.id, [...(byReseller.get(task.reseller.id) ?? []), task]);
    const resellers = await tx.find(Reseller, { id: { $in: [...byReseller.keys()] } });
    let reminders = 0;
    for (const reseller of resellers) {
      const dedupeKey = `onboarding-reminder:${reseller.id}:${week}`;
      const queued = await queueEmailOnce(tx, tenant, {
        template: EmailTemplate.ONBOARDING_TASK_REMINDER,
        to: reseller.contactEmail,
        toName: reseller.contactName,
        content: onboardingTaskReminder({
          tenantName: tenant.name,
          contactName: reseller.contactName,
          companyName: reseller.companyName,
          tasks: byReseller.get(reseller.id)!.map((task) => ({ title: task.title, dueDate: task.dueDate, daysOverdue: Math.round((Date.parse(today) - Date.parse(task.dueDate)) / DAY) })),
          portalUrl: `${ctx.app.config.publicUrl}/portal/onboarding`,
        }),
        related: { type: 'Reseller', id: reseller.id },
        dedupeKey,
      });
      if (queued) reminders++;
    }
    return { overdueTasks: tasks.length, resellers: resellers.length, reminders };
  });
}
