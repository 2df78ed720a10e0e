import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../app/context.js';
import { actorIsReseller } from '../../auth/actor.js';
import { lockForUpdate } from '../../db/locking.js';
import { EmailTemplate } from '../../emails/outbox-email.entity.js';
import { queueEmail } from '../../emails/outbox.service.js';
import { onboardingCompleted } from '../../emails/templates/onboarding-emails.js';
import { AppError, badInput, conflict, forbidden, notFound } from '../../shared/errors.js';
import { addDaysToDate } from '../../shared/period.js';
import { isUuid } from '../../shared/validation.js';
import { recordAudit } from '../audit/audit.service.js';
import { Reseller } from '../resellers/reseller.entity.js';
import { ResellerStatus } from '../resellers/reseller.enums.js';
import type { Tenant } from '../tenants/tenant.entity.js';
import { actorTenant } from '../tenants/tenant.service.js';
import { ONBOARDING_TARGET_DAYS, ONBOARDING_TASKS, openPrerequisites, progressPercent } from './onboarding-checklist.js';
import { OnboardingTask, OnboardingTaskOwner, OnboardingTaskStatus } from './onboarding-task.entity.js';

/** Part of the approval transaction: the 11 tasks, due counted from the approval date. */
export function createOnboardingChecklist(tx: EntityManager, tenant: Tenant, reseller: Reseller, approvedAt: Date): void {
  const approvedOn = approvedAt.toISOString().slice(0, 10);
  ONBOARDING_TASKS.forEach((template, position) => {
    tx.create(OnboardingTask, {
      tenant,
      reseller,
      key: template.key,
      title: template.title,
      category: template.category,
      priority: template.priority,
      effortHours: template.effortHours,
      owner: template.owner === 'ISP' ? OnboardingTaskOwner.ISP : OnboardingTaskOwner.RESELLER,
      dueDate: addDaysToDate(approvedOn, template.dueDays),
      prerequisites: template.prerequisites,
      doneWhen: template.doneWhen,
      position,
    });
  });
}

export interface OnboardingSummary {
  reseller: Reseller;
  tasks: OnboardingTask[];
  progressPercent: number;
  targetDate: string;
  overdueCount: number;
}

export function summarize(reseller: Reseller, tasks: OnboardingTask[], today: string): OnboardingSummary {
  const sorted = [...tasks].sort((a, b) => a.position - b.position);
  const done = sorted.filter((task) => task.status === OnboardingTaskStatus.COMPLETED).length;
  return {
    reseller,
    tasks: sorted,
    progressPercent: progressPercent(done, sorted.length),
    targetDate: addDaysToDate(reseller.approvedAt.toISOString().slice(0, 10), ONBOARDING_TARGET_DAYS),
    overdueCount: sorted.filter((task) => task.status === OnboardingTaskStatus.PENDING && task.dueDate < today).length,
  };
}

export async function onboardingOf(ctx: Context, resellerId: string): Promise<OnboardingSummary> {
  const reseller = isUuid(resellerId) ? await ctx.em.findOne(Reseller, { id: resellerId }) : null;
  if (!reseller) throw notFound('Reseller');
  const tasks = await ctx.em.find(OnboardingTask, { reseller });
  return summarize(reseller, tasks, ctx.app.clock.now().toISOString().slice(0, 10));
}

/**
 * Completes a task (SPEC §2.4): partner tasks by the partner's users, ISP tasks by the partner team;
 * refused while a prerequisite is open (naming it). The last task activates an ONBOARDING reseller,
 * audited and emailed, in the same transaction.
 */
export async function completeOnboardingTask(ctx: Context, input: { taskId: string; note?: string | null }) {
  const note = input.note?.trim() || null;
  if (note && note.length > 2000) throw badInput('The note is too long', { note: 'At most 2,000 characters' });
  const tenant = await actorTenant(ctx);
  const actor = ctx.actor!;
  return ctx.em.transactional(async (tx) => {
    const found = isUuid(input.taskId) ? await tx.findOne(OnboardingTask, { id: input.taskId }) : null;
    if (!found) throw notFound('Onboarding task');
    // Serialise completions of one reseller's checklist (the last one activates the reseller).
    const reseller = (await lockForUpdate(tx, Reseller, found.reseller.id))!;
    const task = await tx.findOneOrFail(OnboardingTask, { id: found.id }, { refresh: true });
    const partnerTask = task.owner === OnboardingTaskOwner.RESELLER;
    if (actorIsReseller(actor) !== partnerTask) {
      throw forbidden(partnerTask ? 'The partner completes this task in the portal' : 'The ISP completes this task in the admin console');
    }
    if (task.status === OnboardingTaskStatus.COMPLETED) return summarize(reseller, await tx.find(OnboardingTask, { reseller }), today(ctx));
    const tasks = await tx.find(OnboardingTask, { reseller });
    const done = new Set(tasks.filter((t) => t.status === OnboardingTaskStatus.COMPLETED).map((t) => t.key));
    const open = openPrerequisites(task.key, done);
    if (open.length) {
      const titles = open.map((key) => `${key} (${tasks.find((t) => t.key === key)?.title ?? key})`);
      throw new AppError('BAD_USER_INPUT', `Complete ${titles.join(', ')} first`, { openPrerequisites: open });
    }
    Object.assign(task, { status: OnboardingTaskStatus.COMPLETED, completedAt: ctx.app.clock.now(), completedBy: actor.label, note });
    recordAudit(tx, tenant, actor, { action: 'onboarding_task.completed', entityType: 'Reseller', entityId: reseller.id, data: { task: task.key }, reason: note });
    done.add(task.key);
    if (done.size === tasks.length && reseller.status === ResellerStatus.ONBOARDING) {
      reseller.status = ResellerStatus.ACTIVE;
      reseller.statusChangedAt = ctx.app.clock.now();
      recordAudit(tx, tenant, actor, { action: 'reseller.status_changed', entityType: 'Reseller', entityId: reseller.id, reason: 'All onboarding tasks completed', data: { from: ResellerStatus.ONBOARDING, to: ResellerStatus.ACTIVE } });
      await queueEmail(tx, tenant, {
        template: EmailTemplate.ONBOARDING_COMPLETED,
        to: reseller.contactEmail,
        toName: reseller.contactName,
        content: onboardingCompleted({ tenantName: tenant.name, contactName: reseller.contactName, companyName: reseller.companyName, portalUrl: `${ctx.app.config.publicUrl}/portal/` }),
        related: { type: 'Reseller', id: reseller.id },
      });
    } else if (done.size === tasks.length && reseller.status !== ResellerStatus.ACTIVE) {
      throw conflict(`The reseller is ${reseller.status.toLowerCase()}; onboarding cannot activate it`);
    }
    return summarize(reseller, tasks, today(ctx));
  });
}

function today(ctx: Context): string {
  return ctx.app.clock.now().toISOString().slice(0, 10);
}

/** Pending tasks past their due date across resellers, oldest due first (the partner team's worklist). */
export async function overdueOnboardingTasks(ctx: Context) {
  return ctx.em.find(OnboardingTask, { status: OnboardingTaskStatus.PENDING, dueDate: { $lt: today(ctx) } }, { orderBy: { dueDate: 'asc', position: 'asc' }, limit: 500 });
}
