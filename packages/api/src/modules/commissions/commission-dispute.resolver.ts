import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../app/context.js';
import { RESELLER_ROLES, Role, STAFF_ROLES } from '../../auth/roles.js';
import { Money, moneyOf } from '../../shared/money.graphql.js';
import { Reseller } from '../resellers/reseller.entity.js';
import { DisputeResolution, DisputeStatus } from './commission.enums.js';
import { CommissionDispute, CommissionDisputeMessage } from './commission-dispute.entity.js';
import { addCommissionDisputeMessage, disputeCommissionLine, resolveCommissionDispute } from './commission-dispute.service.js';
import { CommissionLine } from './commission-run.entity.js';

@InputType()
class DisputeCommissionLineInput {
  @Field(() => ID) lineId!: string;
  @Field({ description: 'What the partner believes is wrong.' }) message!: string;
}

@InputType()
class AddCommissionDisputeMessageInput {
  @Field(() => ID) disputeId!: string;
  @Field() message!: string;
}

@InputType()
class ResolveCommissionDisputeInput {
  @Field(() => ID) disputeId!: string;
  @Field(() => DisputeResolution) resolution!: DisputeResolution;
  @Field({ description: 'The answer the partner sees.' }) message!: string;
  @Field(() => String, { nullable: true, description: 'UPHELD: what the line should have been, e.g. "125.00".' }) correctedAmount?: string | null;
}

@ObjectType()
class CommissionDisputePayload {
  @Field(() => CommissionDispute) dispute!: CommissionDispute;
}

/** Partners dispute their own lines; finance resolves; both read the thread. */
@Authorized(...STAFF_ROLES, ...RESELLER_ROLES)
@Resolver(() => CommissionDispute)
export class CommissionDisputeResolver {
  @Query(() => [CommissionDispute], { description: 'Disputes, newest first (a partner sees its own).' })
  commissionDisputes(@Arg('status', () => DisputeStatus, { nullable: true }) status: DisputeStatus | null, @Ctx() ctx: Context) {
    return ctx.em.find(CommissionDispute, status ? { status } : {}, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: 200 });
  }

  @Authorized(...RESELLER_ROLES)
  @Mutation(() => CommissionDisputePayload)
  async disputeCommissionLine(@Arg('input') input: DisputeCommissionLineInput, @Ctx() ctx: Context) {
    return { dispute: await disputeCommissionLine(ctx, input) };
  }

  @Authorized(...RESELLER_ROLES, Role.ADMIN, Role.FINANCE)
  @Mutation(() => CommissionDisputePayload)
  async addCommissionDisputeMessage(@Arg('input') input: AddCommissionDisputeMessageInput, @Ctx() ctx: Context) {
    return { dispute: await addCommissionDisputeMessage(ctx, input) };
  }

  @Authorized(Role.ADMIN, Role.FINANCE)
  @Mutation(() => CommissionDisputePayload)
  async resolveCommissionDispute(@Arg('input') input: ResolveCommissionDisputeInput, @Ctx() ctx: Context) {
    return { dispute: await resolveCommissionDispute(ctx, input) };
  }

  @FieldResolver(() => CommissionLine, { nullable: true, description: 'Null once a rerun of the open period replaced the line (see period, lineAmount, lineTrace).' })
  async line(@Root() dispute: CommissionDispute, @Ctx() ctx: Context) {
    return dispute.line ? ctx.loaders.byId(CommissionLine).load(dispute.line.id) : null;
  }

  @FieldResolver(() => Money, { description: 'The disputed line’s amount as it stood.' })
  lineAmount(@Root() dispute: CommissionDispute, @Ctx() ctx: Context) {
    return moneyOf(ctx, dispute.lineAmountCents);
  }

  @FieldResolver(() => Reseller)
  reseller(@Root() dispute: CommissionDispute, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Reseller).load(dispute.reseller.id);
  }

  @FieldResolver(() => [CommissionDisputeMessage], { description: 'The thread, oldest first.' })
  messages(@Root() dispute: CommissionDispute, @Ctx() ctx: Context) {
    return ctx.loaders.manyBy(CommissionDisputeMessage, 'dispute').load(dispute.id);
  }

  @FieldResolver(() => Money, { nullable: true })
  correctedAmount(@Root() dispute: CommissionDispute, @Ctx() ctx: Context) {
    return moneyOf(ctx, dispute.correctedAmountCents);
  }
}
