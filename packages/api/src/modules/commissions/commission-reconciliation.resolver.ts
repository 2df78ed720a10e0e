import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root, registerEnumType } from 'type-graphql';
import type { Context } from '../../app/context.js';
import { Role, STAFF_ROLES } from '../../auth/roles.js';
import { notFound } from '../../shared/errors.js';
import { Money, moneyOf } from '../../shared/money.graphql.js';
import { requirePeriod } from '../../shared/period.js';
import { isUuid } from '../../shared/validation.js';
import { Customer } from '../customers/customer.entity.js';
import { Reseller } from '../resellers/reseller.entity.js';
import { CommissionReconciliation, type StoredDiscrepancy } from './commission-reconciliation.entity.js';
import { reconcileCommissions, resolveReconciliationItem, type ReconciliationAction } from './commission-reconciliation.service.js';

enum DiscrepancyKind {
  MISSING_LINE = 'MISSING_LINE',
  EXTRA_LINE = 'EXTRA_LINE',
  AMOUNT_DIFFERS = 'AMOUNT_DIFFERS',
  UNASSIGNED_CUSTOMER = 'UNASSIGNED_CUSTOMER',
  INACTIVE_RESELLER = 'INACTIVE_RESELLER',
}
registerEnumType(DiscrepancyKind, { name: 'DiscrepancyKind' });

enum DiscrepancyStatus {
  OPEN = 'OPEN',
  ACCEPTED = 'ACCEPTED',
  ADJUSTED = 'ADJUSTED',
  DISPUTED = 'DISPUTED',
}
registerEnumType(DiscrepancyStatus, { name: 'DiscrepancyStatus' });

enum ReconciliationActionEnum {
  ACCEPT = 'ACCEPT',
  ADJUST = 'ADJUST',
  DISPUTE = 'DISPUTE',
}
registerEnumType(ReconciliationActionEnum, { name: 'ReconciliationAction' });

@ObjectType()
class Discrepancy {
  @Field(() => ID) id!: string;
  @Field(() => DiscrepancyKind) kind!: DiscrepancyKind;
  @Field(() => Reseller, { nullable: true }) reseller!: Reseller | null;
  @Field(() => Customer, { nullable: true }) customer!: Customer | null;
  @Field(() => Money) expected!: Money;
  @Field(() => Money) stored!: Money;
  @Field(() => Money, { description: 'expected − stored' }) difference!: Money;
  @Field() detail!: string;
  @Field(() => DiscrepancyStatus) status!: DiscrepancyStatus;
  @Field(() => String, { nullable: true }) resolvedBy!: string | null;
  @Field(() => String, { nullable: true }) resolvedAt!: string | null;
  @Field(() => String, { nullable: true }) note!: string | null;
}

@InputType()
class ReconcileCommissionsInput {
  @Field({ description: 'YYYY-MM' }) period!: string;
}

@InputType()
class ResolveReconciliationItemInput {
  @Field(() => ID) reconciliationId!: string;
  @Field(() => ID) itemId!: string;
  @Field(() => ReconciliationActionEnum) action!: ReconciliationActionEnum;
  @Field() note!: string;
}

@ObjectType()
class ReconciliationPayload {
  @Field(() => CommissionReconciliation) reconciliation!: CommissionReconciliation;
}

@Authorized(...STAFF_ROLES)
@Resolver(() => CommissionReconciliation)
export class CommissionReconciliationResolver {
  @Authorized(Role.ADMIN, Role.FINANCE)
  @Mutation(() => ReconciliationPayload, { description: 'Recomputes the period from billing records and records every discrepancy with the stored lines.' })
  async reconcileCommissions(@Arg('input') input: ReconcileCommissionsInput, @Ctx() ctx: Context) {
    return { reconciliation: await reconcileCommissions(ctx, input.period) };
  }

  @Authorized(Role.ADMIN, Role.FINANCE)
  @Mutation(() => ReconciliationPayload)
  async resolveReconciliationItem(@Arg('input') input: ResolveReconciliationItemInput, @Ctx() ctx: Context) {
    return { reconciliation: await resolveReconciliationItem(ctx, { ...input, action: input.action as ReconciliationAction }) };
  }

  @Query(() => [CommissionReconciliation], { description: 'Reconciliations, newest first (at most 50).' })
  commissionReconciliations(@Arg('period', () => String, { nullable: true }) period: string | null, @Ctx() ctx: Context) {
    if (period != null) requirePeriod(period);
    return ctx.em.find(CommissionReconciliation, period ? { period } : {}, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: 50 });
  }

  @Query(() => CommissionReconciliation)
  async commissionReconciliation(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    const reconciliation = isUuid(id) ? await ctx.em.findOne(CommissionReconciliation, { id }) : null;
    if (!reconciliation) throw notFound('Reconciliation');
    return reconciliation;
  }

  @FieldResolver(() => Money, { description: 'Sum of the recomputed lines.' })
  expectedTotal(@Root() reconciliation: CommissionReconciliation, @Ctx() ctx: Context) {
    return moneyOf(ctx, reconciliation.expectedTotalCents);
  }

  @FieldResolver(() => Money, { description: 'Sum of the stored lines of the runs.' })
  storedTotal(@Root() reconciliation: CommissionReconciliation, @Ctx() ctx: Context) {
    return moneyOf(ctx, reconciliation.storedTotalCents);
  }

  @FieldResolver(() => Int, { description: 'Discrepancies not decided yet.' })
  openCount(@Root() reconciliation: CommissionReconciliation) {
    return reconciliation.items.filter((item) => item.status === 'OPEN').length;
  }

  @FieldResolver(() => [Discrepancy])
  async discrepancies(@Root() reconciliation: CommissionReconciliation, @Ctx() ctx: Context) {
    return Promise.all(reconciliation.items.map((item) => discrepancyView(ctx, item)));
  }
}

async function discrepancyView(ctx: Context, item: StoredDiscrepancy): Promise<Discrepancy> {
  const expected = BigInt(item.expectedCents);
  const stored = BigInt(item.storedCents);
  return {
    id: item.id,
    kind: item.kind as DiscrepancyKind,
    reseller: item.resellerId ? await ctx.loaders.byId(Reseller).load(item.resellerId) : null,
    customer: item.customerId ? await ctx.loaders.byId(Customer).load(item.customerId) : null,
    expected: (await moneyOf(ctx, expected))!,
    stored: (await moneyOf(ctx, stored))!,
    difference: (await moneyOf(ctx, expected - stored))!,
    detail: item.detail,
    status: item.status as DiscrepancyStatus,
    resolvedBy: item.resolvedBy,
    resolvedAt: item.resolvedAt,
    note: item.note,
  };
}
