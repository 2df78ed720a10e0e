import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../app/context.js';
import { PARTNER_TEAM, Role, STAFF_ROLES, RESELLER_ROLES } from '../../auth/roles.js';
import { forbidden } from '../../shared/errors.js';
import { Money, moneyOf } from '../../shared/money.graphql.js';
import { PageArgs } from '../../shared/pagination.js';
import { Reseller } from '../resellers/reseller.entity.js';
import { assignCustomer, reassignCustomers } from './assignment.service.js';
import { CustomerAssignment } from './customer-assignment.entity.js';
import { recomputeCustomerHealth } from './customer-health.service.js';
import { CustomerInteraction, CustomerStageTransition, CustomerTask } from './customer-history.entity.js';
import { getCustomer, listCustomers } from './customer-query.service.js';
import { Customer } from './customer.entity.js';
import {
  AssignCustomerInput,
  CustomerConnection,
  CustomerFilter,
  CustomerHealthComponentType,
  CustomerOrder,
  CustomerPayload,
  MoveCustomerStageInput,
  ReassignCustomerInput,
  ReassignCustomersInput,
  ReassignCustomersPayload,
  RecomputeCustomerHealthInput,
  RecomputeCustomerHealthPayload,
  StageTime,
  UpsertCustomersInput,
  UpsertPayload,
} from './customer.inputs.js';
import { upsertCustomers } from './customer.service.js';
import { CustomerStage, timeInStages, TRANSITIONS } from './lifecycle.js';
import { moveCustomerStage } from './lifecycle.service.js';

const DAY_SECONDS = 86_400;

/**
 * Customers (SPEC §3). Staff see every customer of their tenant; partners see the customers
 * assigned to them now, with their history (the reseller-scope filter). Partners and the partner
 * team work the lifecycle; only the partner team assigns customers to resellers.
 */
@Authorized(...STAFF_ROLES, ...RESELLER_ROLES)
@Resolver(() => Customer)
export class CustomerResolver {
  @Query(() => CustomerConnection)
  customers(
    @Args() page: PageArgs,
    @Arg('filter', () => CustomerFilter, { nullable: true }) filter: CustomerFilter | null,
    @Arg('orderBy', () => CustomerOrder, { nullable: true }) orderBy: CustomerOrder | null,
    @Ctx() ctx: Context,
  ) {
    return listCustomers(ctx, filter, page, orderBy);
  }

  @Authorized(...RESELLER_ROLES)
  @Query(() => CustomerConnection, { description: "The signed-in partner's customers." })
  myCustomers(
    @Args() page: PageArgs,
    @Arg('filter', () => CustomerFilter, { nullable: true }) filter: CustomerFilter | null,
    @Arg('orderBy', () => CustomerOrder, { nullable: true }) orderBy: CustomerOrder | null,
    @Ctx() ctx: Context,
  ) {
    if (!ctx.actor?.resellerId) throw forbidden();
    return listCustomers(ctx, filter, page, orderBy);
  }

  @Query(() => Customer)
  customer(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return getCustomer(ctx, id);
  }

  @Authorized(...PARTNER_TEAM, Role.FINANCE)
  @Mutation(() => UpsertPayload, { description: "The ISP's systems push customers (idempotent on externalId, all or nothing)." })
  upsertCustomers(@Arg('input') input: UpsertCustomersInput, @Ctx() ctx: Context) {
    return upsertCustomers(ctx, input.customers);
  }

  @Authorized(...PARTNER_TEAM, ...RESELLER_ROLES)
  @Mutation(() => CustomerPayload, { description: 'Moves a customer along its lifecycle; a move the transition table does not allow is CONFLICT (extensions.allowedStages).' })
  async moveCustomerStage(@Arg('input') input: MoveCustomerStageInput, @Ctx() ctx: Context) {
    return { customer: await moveCustomerStage(ctx, input) };
  }

  @Authorized(...PARTNER_TEAM)
  @Mutation(() => CustomerPayload, { description: 'Assigns an unassigned customer to a reseller.' })
  async assignCustomer(@Arg('input') input: AssignCustomerInput, @Ctx() ctx: Context) {
    return { customer: await assignCustomer(ctx, input, 'assign') };
  }

  @Authorized(...PARTNER_TEAM)
  @Mutation(() => CustomerPayload, { description: 'Moves an assigned customer to another reseller, with a reason (history kept, audited).' })
  async reassignCustomer(@Arg('input') input: ReassignCustomerInput, @Ctx() ctx: Context) {
    return { customer: await assignCustomer(ctx, input, 'reassign') };
  }

  @Authorized(...PARTNER_TEAM)
  @Mutation(() => ReassignCustomersPayload, { description: "Moves all of a reseller's customers (optionally one stage) to another reseller in one transaction, with a reason; dryRun lists them." })
  reassignCustomers(@Arg('input') input: ReassignCustomersInput, @Ctx() ctx: Context) {
    return reassignCustomers(ctx, input);
  }

  @Authorized(...PARTNER_TEAM)
  @Mutation(() => RecomputeCustomerHealthPayload, { description: 'Scores customer health now (the daily job does it every night); ACTIVE customers below 40 move to AT_RISK.' })
  recomputeCustomerHealth(@Arg('input', () => RecomputeCustomerHealthInput, { nullable: true }) input: RecomputeCustomerHealthInput | null, @Ctx() ctx: Context) {
    return recomputeCustomerHealth(ctx, input?.resellerId ?? null);
  }

  @FieldResolver(() => Reseller, { nullable: true, description: 'The reseller the customer is assigned to now.' })
  reseller(@Root() customer: Customer, @Ctx() ctx: Context) {
    return customer.reseller ? ctx.loaders.byId(Reseller).load(customer.reseller.id) : null;
  }

  @FieldResolver(() => Money, { description: 'Monthly recurring revenue.' })
  mrr(@Root() customer: Customer, @Ctx() ctx: Context) {
    return moneyOf(ctx, customer.mrrCents);
  }

  @FieldResolver(() => [CustomerHealthComponentType], { description: 'The components of the last health score, with their weights.' })
  healthComponents(@Root() customer: Customer) {
    return customer.healthComponents ?? [];
  }

  @FieldResolver(() => [CustomerStage], { description: 'The stages the customer may move to now.' })
  allowedNextStages(@Root() customer: Customer) {
    return TRANSITIONS[customer.stage];
  }

  @FieldResolver(() => Int, { description: 'Whole days in the current stage.' })
  daysInStage(@Root() customer: Customer, @Ctx() ctx: Context) {
    return Math.max(0, Math.floor((ctx.app.clock.now().getTime() - customer.stageEnteredAt.getTime()) / 1000 / DAY_SECONDS));
  }

  @FieldResolver(() => [CustomerStageTransition], { description: 'Every lifecycle move, oldest first.' })
  async transitions(@Root() customer: Customer, @Ctx() ctx: Context) {
    const rows = await ctx.loaders.manyBy(CustomerStageTransition, 'customer').load(customer.id);
    return [...rows].sort((a, b) => a.at.getTime() - b.at.getTime());
  }

  @FieldResolver(() => [StageTime], { description: 'Time spent in each stage visited (the current one up to now).' })
  async timeInStages(@Root() customer: Customer, @Ctx() ctx: Context) {
    const rows = await ctx.loaders.manyBy(CustomerStageTransition, 'customer').load(customer.id);
    return timeInStages(rows, ctx.app.clock.now()).map((entry) => ({ stage: entry.stage, visits: entry.visits, days: Math.round((entry.seconds / DAY_SECONDS) * 10) / 10 }));
  }

  @FieldResolver(() => [CustomerInteraction], { description: 'Interactions, newest first.' })
  async interactions(@Root() customer: Customer, @Ctx() ctx: Context) {
    const rows = await ctx.loaders.manyBy(CustomerInteraction, 'customer').load(customer.id);
    return [...rows].sort((a, b) => b.occurredOn.localeCompare(a.occurredOn) || b.createdAt.getTime() - a.createdAt.getTime());
  }

  @FieldResolver(() => [CustomerTask], { description: 'Lifecycle tasks, open ones first, then by due date.' })
  async tasks(@Root() customer: Customer, @Ctx() ctx: Context) {
    const rows = await ctx.loaders.manyBy(CustomerTask, 'customer').load(customer.id);
    return [...rows].sort((a, b) => a.status.localeCompare(b.status) === 0 ? a.dueDate.localeCompare(b.dueDate) : a.status === 'OPEN' ? -1 : 1);
  }

  @FieldResolver(() => [CustomerAssignment], { description: 'Assignment history, oldest first.' })
  async assignments(@Root() customer: Customer, @Ctx() ctx: Context) {
    const rows = await ctx.loaders.manyBy(CustomerAssignment, 'customer').load(customer.id);
    return [...rows].sort((a, b) => a.fromDate.localeCompare(b.fromDate));
  }
}

@Authorized(...STAFF_ROLES, ...RESELLER_ROLES)
@Resolver(() => CustomerAssignment)
export class CustomerAssignmentResolver {
  @FieldResolver(() => Reseller)
  reseller(@Root() assignment: CustomerAssignment, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Reseller).load(assignment.reseller.id);
  }
}
