import { z } from 'zod';
import type { Context } from '../../app/context.js';
import { lockForUpdate } from '../../db/locking.js';
import { badInput, conflict, notFound } from '../../shared/errors.js';
import { addDaysToDate, isDate } from '../../shared/period.js';
import { isUuid, optionalText, parseInput } from '../../shared/validation.js';
import { recordAudit } from '../audit/audit.service.js';
import { Reseller } from '../resellers/reseller.entity.js';
import { actorTenant } from '../tenants/tenant.service.js';
import { CustomerInteraction, CustomerTask, CustomerTaskStatus, InteractionOutcome, InteractionType } from './customer-history.entity.js';
import { Customer } from './customer.entity.js';

const today = (ctx: Context) => ctx.app.clock.now().toISOString().slice(0, 10);
const date = () => z.string().trim().refine(isDate, 'Use a date YYYY-MM-DD');

const InteractionSchema = z
  .object({
    customerId: z.string(),
    type: z.enum(InteractionType),
    occurredOn: date(),
    durationMinutes: z.number().int('A whole number of minutes').min(0, 'Cannot be negative').max(24 * 60, 'At most a day').nullish(),
    outcome: z.enum(InteractionOutcome),
    satisfaction: z.number().int('A whole number from 1 to 10').min(1, 'From 1 to 10').max(10, 'From 1 to 10').nullish(),
    notes: optionalText(5000),
    followUpOn: date().nullish(),
  })
  .refine((input) => !input.followUpOn || input.followUpOn >= input.occurredOn, { path: ['followUpOn'], message: 'Cannot be before the interaction' });

/**
 * `logCustomerInteraction` (SPEC §3). An interaction cannot be dated in the future (more than a day
 * ahead, for time zones) nor before 2000; its follow-up, when set, is listed for the reseller
 * until marked done.
 */
export async function logCustomerInteraction(ctx: Context, input: z.input<typeof InteractionSchema>): Promise<CustomerInteraction> {
  const parsed = parseInput(InteractionSchema, input);
  if (parsed.occurredOn > addDaysToDate(today(ctx), 1) || parsed.occurredOn < '2000-01-01') {
    throw badInput('Invalid input — occurredOn: Cannot be in the future or before 2000', { occurredOn: 'Cannot be in the future or before 2000' });
  }
  if (!isUuid(parsed.customerId)) throw notFound('Customer');
  const tenant = await actorTenant(ctx);
  return ctx.em.transactional(async (tx) => {
    const customer = await tx.findOne(Customer, { id: parsed.customerId });
    if (!customer) throw notFound('Customer');
    const interaction = tx.create(CustomerInteraction, {
      tenant,
      customer,
      type: parsed.type,
      occurredOn: parsed.occurredOn,
      durationMinutes: parsed.durationMinutes ?? null,
      outcome: parsed.outcome,
      satisfaction: parsed.satisfaction ?? null,
      notes: parsed.notes,
      followUpOn: parsed.followUpOn ?? null,
      loggedBy: ctx.actor!.label,
    });
    recordAudit(tx, tenant, ctx.actor, { action: 'customer.interaction_logged', entityType: 'Customer', entityId: customer.id, data: { interactionId: interaction.id, type: parsed.type } });
    return interaction;
  });
}

/** Marks a follow-up done; doing it twice is CONFLICT (and changes nothing). */
export async function completeFollowUp(ctx: Context, interactionId: string): Promise<CustomerInteraction> {
  if (!isUuid(interactionId)) throw notFound('Interaction');
  return ctx.em.transactional(async (tx) => {
    const interaction = await lockForUpdate(tx, CustomerInteraction, interactionId);
    if (!interaction) throw notFound('Interaction');
    if (!interaction.followUpOn) throw conflict('This interaction has no follow-up');
    if (interaction.followUpDoneAt) throw conflict('The follow-up is already done');
    interaction.followUpDoneAt = ctx.app.clock.now();
    return interaction;
  });
}

/** Completes a lifecycle task (welcome sequence, retention intervention, exit survey …) with a note. */
export async function completeCustomerTask(ctx: Context, input: { taskId: string; note?: string | null }): Promise<CustomerTask> {
  const { note } = parseInput(z.object({ note: optionalText(2000) }), { note: input.note });
  if (!isUuid(input.taskId)) throw notFound('Task');
  const tenant = await actorTenant(ctx);
  return ctx.em.transactional(async (tx) => {
    const task = await lockForUpdate(tx, CustomerTask, input.taskId);
    if (!task) throw notFound('Task');
    if (task.status === CustomerTaskStatus.DONE) throw conflict('The task is already done');
    task.status = CustomerTaskStatus.DONE;
    task.completedAt = ctx.app.clock.now();
    task.completedBy = ctx.actor!.label;
    task.note = note;
    recordAudit(tx, tenant, ctx.actor, { action: 'customer.task_completed', entityType: 'Customer', entityId: task.customer.id, data: { taskId: task.id, type: task.type } });
    return task;
  });
}

/**
 * A reseller's open work, due within `withinDays` (overdue included): follow-ups of interactions
 * and lifecycle tasks of the customers assigned to it now, soonest first.
 */
export async function customerWorkDue(ctx: Context, resellerId: string, withinDays: number) {
  if (!isUuid(resellerId)) throw notFound('Reseller');
  const reseller = await ctx.em.findOne(Reseller, { id: resellerId });
  if (!reseller) throw notFound('Reseller');
  const until = addDaysToDate(today(ctx), withinDays);
  const followUps = await ctx.em.find(CustomerInteraction, { customer: { reseller }, followUpOn: { $lte: until }, followUpDoneAt: null }, { orderBy: { followUpOn: 'asc', id: 'asc' }, limit: 500 });
  const tasks = await ctx.em.find(CustomerTask, { customer: { reseller }, status: CustomerTaskStatus.OPEN, dueDate: { $lte: until } }, { orderBy: { dueDate: 'asc', id: 'asc' }, limit: 500 });
  return { followUps, tasks };
}
