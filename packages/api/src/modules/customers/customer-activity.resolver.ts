import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../app/context.js';
import { PARTNER_TEAM, RESELLER_ROLES, STAFF_ROLES } from '../../auth/roles.js';
import { badInput, forbidden } from '../../shared/errors.js';
import { CustomerInteraction, CustomerTask, CustomerTaskStatus } from './customer-history.entity.js';
import { Customer } from './customer.entity.js';
import {
  CompleteCustomerFollowUpInput,
  CompleteCustomerTaskInput,
  CustomerInteractionPayload,
  CustomerTaskPayload,
  CustomerWorkDue,
  LogCustomerInteractionInput,
} from './customer.inputs.js';
import { completeCustomerTask, completeFollowUp, customerWorkDue, logCustomerInteraction } from './interaction.service.js';

const today = (ctx: Context) => ctx.app.clock.now().toISOString().slice(0, 10);

function withinDays(value: number | null | undefined): number {
  const days = value ?? 7;
  if (!Number.isInteger(days) || days < 0 || days > 365) throw badInput('withinDays must be 0–365', { withinDays: 'From 0 to 365' });
  return days;
}

/** Interactions, follow-ups and lifecycle tasks: logged and done by partners and the partner team. */
@Authorized(...STAFF_ROLES, ...RESELLER_ROLES)
@Resolver(() => CustomerInteraction)
export class CustomerInteractionResolver {
  @Query(() => CustomerWorkDue, { description: "A reseller's open follow-ups and lifecycle tasks due within `withinDays` (default 7; overdue included)." })
  customerWorkDue(@Arg('resellerId', () => ID) resellerId: string, @Arg('withinDays', () => Int, { nullable: true }) days: number | null, @Ctx() ctx: Context) {
    return customerWorkDue(ctx, resellerId, withinDays(days));
  }

  @Authorized(...RESELLER_ROLES)
  @Query(() => CustomerWorkDue, { description: "The signed-in partner's follow-ups and tasks due within `withinDays` (default 7)." })
  myCustomerWorkDue(@Arg('withinDays', () => Int, { nullable: true }) days: number | null, @Ctx() ctx: Context) {
    if (!ctx.actor?.resellerId) throw forbidden();
    return customerWorkDue(ctx, ctx.actor.resellerId, withinDays(days));
  }

  @Authorized(...PARTNER_TEAM, ...RESELLER_ROLES)
  @Mutation(() => CustomerInteractionPayload)
  async logCustomerInteraction(@Arg('input') input: LogCustomerInteractionInput, @Ctx() ctx: Context) {
    return { interaction: await logCustomerInteraction(ctx, input) };
  }

  @Authorized(...PARTNER_TEAM, ...RESELLER_ROLES)
  @Mutation(() => CustomerInteractionPayload, { description: "Marks an interaction's follow-up done." })
  async completeCustomerFollowUp(@Arg('input') input: CompleteCustomerFollowUpInput, @Ctx() ctx: Context) {
    return { interaction: await completeFollowUp(ctx, input.interactionId) };
  }

  @Authorized(...PARTNER_TEAM, ...RESELLER_ROLES)
  @Mutation(() => CustomerTaskPayload)
  async completeCustomerTask(@Arg('input') input: CompleteCustomerTaskInput, @Ctx() ctx: Context) {
    return { task: await completeCustomerTask(ctx, input) };
  }

  @FieldResolver(() => Customer)
  customer(@Root() interaction: CustomerInteraction, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Customer).load(interaction.customer.id);
  }

  @FieldResolver(() => Boolean, { description: 'The follow-up is open and its date has passed.' })
  followUpOverdue(@Root() interaction: CustomerInteraction, @Ctx() ctx: Context) {
    return !!interaction.followUpOn && !interaction.followUpDoneAt && interaction.followUpOn < today(ctx);
  }
}

@Authorized(...STAFF_ROLES, ...RESELLER_ROLES)
@Resolver(() => CustomerTask)
export class CustomerTaskResolver {
  @FieldResolver(() => Customer)
  customer(@Root() task: CustomerTask, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Customer).load(task.customer.id);
  }

  @FieldResolver(() => Boolean, { description: 'Open and past its due date.' })
  overdue(@Root() task: CustomerTask, @Ctx() ctx: Context) {
    return task.status === CustomerTaskStatus.OPEN && task.dueDate < today(ctx);
  }
}
