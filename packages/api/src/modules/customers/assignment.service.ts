import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import type { Context } from '../../app/context.js';
import type { Actor } from '../../auth/actor.js';
import { lockForUpdate } from '../../db/locking.js';
import { AppError, conflict, notFound } from '../../shared/errors.js';
import { isDate } from '../../shared/period.js';
import { isUuid, optionalText, parseInput, requiredText } from '../../shared/validation.js';
import { recordAudit } from '../audit/audit.service.js';
import { Reseller } from '../resellers/reseller.entity.js';
import { ResellerStatus } from '../resellers/reseller.enums.js';
import type { Tenant } from '../tenants/tenant.entity.js';
import { actorTenant } from '../tenants/tenant.service.js';
import { CustomerAssignment } from './customer-assignment.entity.js';
import { Customer } from './customer.entity.js';

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
