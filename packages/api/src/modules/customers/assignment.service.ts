import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import type { Context } from '../../app/context.js';
import type { Actor } from '../../auth/actor.js';
import { lockForUpdate } from '../../db/locking.js';
import { AppError, badInput, conflict, notFound } from '../../shared/errors.js';
import { isDate } from '../../shared/period.js';
import { isUuid, optionalText, parseInput, requiredText } from '../../shared/validation.js';
import { recordAudit } from '../audit/audit.service.js';
import { Reseller } from '../resellers/reseller.entity.js';
import { ResellerStatus } from '../resellers/reseller.enums.js';
import type { Tenant } from '../tenants/tenant.entity.js';
import { actorTenant } from '../tenants/tenant.service.js';
import { CustomerAssignment } from './customer-assignment.entity.js';
import { Customer } from './customer.entity.js';
import { CustomerStage } from './lifecycle.js';

export interface AssignmentChange {
  customer: Customer;
  reseller: Reseller;
  /** YYYY-MM-DD the new assignment starts; payments on or after it earn for the new reseller. */
  since: string;
  reason: string;
  /** The customer's open assignment, if any: it ends the day the new one starts. */
  current: CustomerAssignment | undefined;
}

/**
 * Moves a customer to a reseller with history (SPEC §3): closes the open assignment, opens the new
 * one and audits it. The one place assignments change (upserts, assign, reassign, CSV import).
 */
export function changeAssignment(tx: EntityManager, tenant: Tenant, actor: Actor | undefined, change: AssignmentChange): void {
  const { customer, reseller, since, reason, current } = change;
  if (current && since <= current.fromDate) {
    throw new AppError('BAD_USER_INPUT', `The new assignment must start after the current one (${current.fromDate})`, { fieldErrors: { since: `After ${current.fromDate}` } });
  }
  if (current) current.toDate = since;
  tx.create(CustomerAssignment, { tenant, customer, reseller, fromDate: since, reason });
  recordAudit(tx, tenant, actor, {
    action: current ? 'customer.reassigned' : 'customer.assigned',
    entityType: 'Customer',
    entityId: customer.id,
    reason,
    data: { externalId: customer.externalId, from: current?.reseller.id ?? null, to: reseller.id, since },
  });
  customer.reseller = reseller;
}

const AssignSchema = z.object({
  customerId: z.string(),
  resellerId: z.string(),
  since: z.string().refine(isDate, 'Use a date YYYY-MM-DD').nullish(),
  reason: optionalText(1000),
});

/**
 * `assignCustomer` (an unassigned customer) and `reassignCustomer` (an assigned one, reason
 * required). Both lock the customer, so two concurrent changes cannot both close the same open
 * assignment; assigning to the reseller it already has is CONFLICT.
 */
export async function assignCustomer(ctx: Context, input: z.input<typeof AssignSchema>, mode: 'assign' | 'reassign'): Promise<Customer> {
  const schema = mode === 'reassign' ? AssignSchema.extend({ reason: requiredText(1000) }) : AssignSchema;
  const { customerId, resellerId, since, reason } = parseInput(schema, input);
  if (!isUuid(customerId)) throw notFound('Customer');
  if (!isUuid(resellerId)) throw notFound('Reseller');
  const tenant = await actorTenant(ctx);
  return ctx.em.transactional(async (tx) => {
    const customer = await lockForUpdate(tx, Customer, customerId);
    if (!customer) throw notFound('Customer');
    const reseller = await tx.findOne(Reseller, { id: resellerId });
    if (!reseller) throw notFound('Reseller');
    if (reseller.status === ResellerStatus.TERMINATED) throw conflict('A terminated reseller cannot take customers');
    const current = (await tx.findOne(CustomerAssignment, { customer, toDate: null })) ?? undefined;
    if (mode === 'assign' && current) throw conflict('The customer is already assigned to a reseller: reassign it with a reason', { resellerId: current.reseller.id });
    if (mode === 'reassign' && !current) throw conflict('The customer is not assigned to a reseller yet: assign it');
    if (current?.reseller.id === reseller.id) throw conflict('The customer is already assigned to this reseller');
    const today = ctx.app.clock.now().toISOString().slice(0, 10);
    changeAssignment(tx, tenant, ctx.actor, { customer, reseller, since: since ?? today, reason: reason ?? 'Assigned by the ISP', current });
    return customer;
  });
}

const ReassignManySchema = z.object({
  fromResellerId: z.string(),
  toResellerId: z.string(),
  stage: z.enum(CustomerStage).nullish(),
  reason: requiredText(1000),
  dryRun: z.boolean().nullish(),
});

/**
 * Moves every customer assigned now to `from` (only those in `stage`, when given) to `to`, in one
 * transaction, each through `changeAssignment` (today, with the reason: the same history and
 * per-customer audit as `reassignCustomer`), plus one `customers.reassigned` audit event with the
 * count. The target follows assignCustomer's checks (a terminated reseller takes no customers); the
 * customers are row-locked, so a concurrent assign or reassign waits. A customer whose assignment
 * to `from` started today cannot move before tomorrow (BAD_USER_INPUT naming them: the same rule
 * as reassignCustomer). `dryRun` checks the same and lists them, changing nothing.
 */
export async function reassignCustomers(
  ctx: Context,
  input: { fromResellerId: string; toResellerId: string; stage?: CustomerStage | null; reason: string; dryRun?: boolean | null },
): Promise<{ moved: number; customers: { id: string; externalId: string; name: string }[] }> {
  const { fromResellerId, toResellerId, stage, reason, dryRun } = parseInput(ReassignManySchema, input);
  if (fromResellerId === toResellerId) throw badInput('The customers are already with this reseller: pick another one', { toResellerId: 'Must differ from fromResellerId' });
  if (!isUuid(fromResellerId) || !isUuid(toResellerId)) throw notFound('Reseller');
  const tenant = await actorTenant(ctx);
  return ctx.em.transactional(async (tx) => {
    const from = await tx.findOne(Reseller, { id: fromResellerId });
    const to = await tx.findOne(Reseller, { id: toResellerId });
    if (!from || !to) throw notFound('Reseller');
    if (to.status === ResellerStatus.TERMINATED) throw conflict('A terminated reseller cannot take customers');
    const where = { reseller: from, ...(stage ? { stage } : {}) };
    const locked = await tx.find(Customer, where, { lockMode: LockMode.PESSIMISTIC_WRITE, fields: ['id'] });
    if (locked.length === 0) return { moved: 0, customers: [] };
    // Read again after the lock (see lockForUpdate): only those still with `from` move.
    const customers = await tx.find(Customer, { ...where, id: { $in: locked.map((customer) => customer.id) } }, { refresh: true, orderBy: { externalId: 'asc' } });
    const open = new Map((await tx.find(CustomerAssignment, { customer: { $in: customers }, toDate: null })).map((assignment) => [assignment.customer.id, assignment]));
    const today = ctx.app.clock.now().toISOString().slice(0, 10);
    const tooRecent = customers.filter((customer) => (open.get(customer.id)?.fromDate ?? '') >= today);
    if (tooRecent.length) {
      throw badInput(`${tooRecent.length} customer(s) were assigned to this reseller today and can move from tomorrow: ${tooRecent.slice(0, 20).map((customer) => customer.externalId).join(', ')}`, { fromResellerId: 'Has customers assigned today' });
    }
    const list = customers.map((customer) => ({ id: customer.id, externalId: customer.externalId, name: customer.name }));
    if (dryRun) return { moved: list.length, customers: list };
    for (const customer of customers) changeAssignment(tx, tenant, ctx.actor, { customer, reseller: to, since: today, reason, current: open.get(customer.id) });
    recordAudit(tx, tenant, ctx.actor, {
      action: 'customers.reassigned',
      entityType: 'Reseller',
      entityId: from.id,
      reason,
      data: { from: from.id, to: to.id, stage: stage ?? null, count: list.length, since: today },
    });
    return { moved: list.length, customers: list };
  });
}
