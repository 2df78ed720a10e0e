import type { FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import type { Context } from '../../app/context.js';
import { visibleRecord } from '../../app/visible-record.js';
import { Reseller } from '../resellers/reseller.entity.js';
import { badInput, notFound } from '../../shared/errors.js';
import { paginate, textSearch, type PageArgs } from '../../shared/pagination.js';
import { isUuid } from '../../shared/validation.js';
import { Customer } from './customer.entity.js';
import { CustomerOrder, type CustomerFilter } from './customer.inputs.js';

const ORDERS: Record<CustomerOrder, QueryOrderMap<Customer>[]> = {
  [CustomerOrder.NAME]: [{ name: 'asc' }, { id: 'asc' }],
  [CustomerOrder.MRR_DESC]: [{ mrrCents: 'desc' }, { id: 'asc' }],
  [CustomerOrder.NEWEST]: [{ createdAt: 'desc' }, { id: 'asc' }],
  [CustomerOrder.STAGE_OLDEST]: [{ stageEnteredAt: 'asc' }, { id: 'asc' }],
};

/**
 * Customers, paginated on the server. Partners see the customers assigned to them now (the
 * reseller-scope filter, not this code); staff may filter by reseller. A reseller the caller
 * cannot see (another tenant's, another partner's) is NOT_FOUND.
 */
export async function listCustomers(ctx: Context, filter: CustomerFilter | null, page: PageArgs, order: CustomerOrder | null) {
  const where: FilterQuery<Customer>[] = [];
  if (filter?.resellerId) where.push({ reseller: (await visibleRecord(ctx, Reseller, filter.resellerId, 'Reseller')).id });
  if (filter?.unassigned) where.push({ reseller: null });
  if (filter?.stage?.length) where.push({ stage: { $in: filter.stage } });
  if (filter?.maxHealth !== null && filter?.maxHealth !== undefined) {
    if (!Number.isInteger(filter.maxHealth) || filter.maxHealth < 0 || filter.maxHealth > 100) throw badInput('maxHealth must be 0–100', { maxHealth: 'From 0 to 100' });
    where.push({ healthScore: { $ne: null, $lte: filter.maxHealth } });
  }
  const search = textSearch<Customer>(filter?.search, ['name', 'email', 'externalId', 'servicePlan']);
  if (search) where.push(search);
  return paginate(ctx.em, Customer, where.length ? { $and: where } : {}, page, ORDERS[order ?? CustomerOrder.NAME]);
}

export async function getCustomer(ctx: Context, id: string): Promise<Customer> {
  const customer = isUuid(id) ? await ctx.em.findOne(Customer, { id }) : null;
  if (!customer) throw notFound('Customer');
  return customer;
}
