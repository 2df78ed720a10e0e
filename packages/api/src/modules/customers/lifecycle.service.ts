import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import type { Context } from '../../app/context.js';
import type { Actor } from '../../auth/actor.js';
import { lockForUpdate } from '../../db/locking.js';
import { AppError, notFound } from '../../shared/errors.js';
import { addDaysToDate } from '../../shared/period.js';
import { isUuid, optionalText, parseInput } from '../../shared/validation.js';
import { recordAudit, recordSystemAudit } from '../audit/audit.service.js';
import type { Tenant } from '../tenants/tenant.entity.js';
import { actorTenant } from '../tenants/tenant.service.js';
import { CustomerStageTransition, CustomerTask, CustomerTaskStatus } from './customer-history.entity.js';
import { Customer } from './customer.entity.js';
import { CustomerStage, refusalOf, STAGE_ACTIONS, TRANSITIONS } from './lifecycle.js';

/** Who moved a customer: a signed-in actor, or the system (health scoring, a job). */
export type StageMover = { actor: Actor } | { system: string };

export interface StageEntry {
  /** The stage the customer leaves; null when it is created in `to`. */
  from: CustomerStage | null;
  to: CustomerStage;
  mover: StageMover;
  reason: string | null;
  at: Date;
  /** The customer's open tasks, so a stage entered again does not open a second task of a type. */
  openTasks: CustomerTask[];
}

/**
 * Records a customer entering a stage: the transition row (from, to, when, who, why), the stage's
 * actions as open tasks, the customer's stage, and an audit event. The caller checked the move and
 * owns the transaction.
 */
export function enterStage(tx: EntityManager, tenant: Tenant, customer: Customer, entry: StageEntry): void {
  const { from, to, mover, reason, at } = entry;
  tx.create(CustomerStageTransition, { tenant, customer, fromStage: from, toStage: to, at, actor: 'actor' in mover ? mover.actor.label : mover.system, reason });
  customer.stage = to;
  customer.stageEnteredAt = at;
  const today = at.toISOString().slice(0, 10);
  for (const action of STAGE_ACTIONS[to] ?? []) {
    if (entry.openTasks.some((task) => task.type === action.type && task.status === CustomerTaskStatus.OPEN)) continue;
    tx.create(CustomerTask, { tenant, customer, type: action.type, stage: to, title: action.title, dueDate: addDaysToDate(today, action.dueInDays) });
  }
  if (from === null) return; // creation is audited by the caller with the rest of the row
  const audit = { action: 'customer.stage_changed', entityType: 'Customer', entityId: customer.id, reason, data: { from, to } };
  if ('actor' in mover) recordAudit(tx, tenant, mover.actor, audit);
  else recordSystemAudit(tx, tenant, audit);
}

/** Refuses a move the transition table does not allow, naming the allowed ones. */
export function assertMoveAllowed(from: CustomerStage, to: CustomerStage): void {
  const refusal = refusalOf(from, to);
  if (refusal) throw new AppError('CONFLICT', refusal, { from, to, allowedStages: TRANSITIONS[from] });
}

const MoveSchema = z.object({
  customerId: z.string(),
  to: z.enum(CustomerStage),
  reason: optionalText(1000),
});

/**
 * `moveCustomerStage`: one transaction under the customer's row lock, so two concurrent moves
 * cannot both start from the same stage. A move the transition table does not allow is CONFLICT
 * with the stages the customer may move to in `extensions.allowedStages`.
 */
export async function moveCustomerStage(ctx: Context, input: z.input<typeof MoveSchema>): Promise<Customer> {
  const { customerId, to, reason } = parseInput(MoveSchema, input);
  if (!isUuid(customerId)) throw notFound('Customer');
  const tenant = await actorTenant(ctx);
  return ctx.em.transactional(async (tx) => {
    const customer = await lockForUpdate(tx, Customer, customerId);
    if (!customer) throw notFound('Customer');
    assertMoveAllowed(customer.stage, to);
    const openTasks = await tx.find(CustomerTask, { customer, status: CustomerTaskStatus.OPEN });
    enterStage(tx, tenant, customer, { from: customer.stage, to, mover: { actor: ctx.actor! }, reason, at: ctx.app.clock.now(), openTasks });
    return customer;
  });
}
