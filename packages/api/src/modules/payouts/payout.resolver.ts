import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { z } from 'zod';
import type { Context } from '../../app/context.js';
import { RESELLER_ROLES, Role, STAFF_ROLES } from '../../auth/roles.js';
import { forbidden, notFound } from '../../shared/errors.js';
import { Money, moneyOf } from '../../shared/money.graphql.js';
import { ConnectionType, PageArgs, paginate } from '../../shared/pagination.js';
import { isUuid, parseInput, requiredText } from '../../shared/validation.js';
import { recordAudit } from '../audit/audit.service.js';
import { CommissionLine } from '../commissions/commission-run.entity.js';
import { Reseller } from '../resellers/reseller.entity.js';
import { Tenant } from '../tenants/tenant.entity.js';
import { actorTenant } from '../tenants/tenant.service.js';
import { hasNachaText, isValidRoutingNumber, NACHA_TEXT_MESSAGE } from './nacha-writer.js';
import { Payment, PaymentBatch, PaymentBatchStatus, PaymentFile } from './payment-batch.entity.js';
import { actorKey, approvePaymentBatch, cancelPaymentBatch, createPaymentBatch } from './payment-batch.service.js';
import { exportPaymentBatch, markPaymentFailed, markPaymentSettled, paymentLines } from './payment-export.service.js';
import { BankAccountType, PayoutAccount } from './payout-account.entity.js';
import { setMyPayoutAccount, verifyPayoutAccount } from './payout-account.service.js';

const FINANCE_TEAM = [Role.ADMIN, Role.FINANCE] as const;

const PaymentBatchConnection = ConnectionType('PaymentBatch', PaymentBatch);
const PaymentConnection = ConnectionType('Payment', Payment);

@InputType()
class SetMyPayoutAccountInput {
  @Field() holderName!: string;
  @Field({ description: 'ABA routing number, 9 digits.' }) routingNumber!: string;
  @Field({ description: 'Stored encrypted; only its last four digits are ever shown again.' }) accountNumber!: string;
  @Field(() => BankAccountType) accountType!: BankAccountType;
}

@ObjectType()
class PayoutAccountPayload {
  @Field(() => PayoutAccount) payoutAccount!: PayoutAccount;
}

@InputType()
class ResellerIdInput {
  @Field(() => ID) resellerId!: string;
}

@ObjectType('AchSettings')
class AchSettingsType {
  @Field() immediateDestination!: string;
  @Field() immediateDestinationName!: string;
  @Field() immediateOrigin!: string;
  @Field() immediateOriginName!: string;
  @Field() companyName!: string;
  @Field() companyId!: string;
  @Field() odfiRouting!: string;
}

@InputType()
class AchSettingsInput {
  @Field({ description: 'Routing number of the bank receiving the file (9 digits).' }) immediateDestination!: string;
  @Field() immediateDestinationName!: string;
  @Field({ description: '10 characters, e.g. "1" + the company tax id, as the bank assigned it.' }) immediateOrigin!: string;
  @Field() immediateOriginName!: string;
  @Field({ description: 'The name on receivers statements (16 characters shown).' }) companyName!: string;
  @Field({ description: 'Company identification, 10 characters (usually "1" + tax id).' }) companyId!: string;
  @Field({ description: 'Routing number of the originating bank (9 digits).' }) odfiRouting!: string;
}

const routing = () => z.string().trim().refine(isValidRoutingNumber, 'Not a valid ABA routing number');
const AchSettingsSchema = z.object({
  immediateDestination: routing(),
  immediateDestinationName: requiredText(23),
  immediateOrigin: z.string().trim().regex(/^[A-Za-z0-9]{9,10}$/, '9 or 10 letters or digits'),
  immediateOriginName: requiredText(23),
  // The name on receivers' statements: a mandatory NACHA field, so it must keep letters or digits there.
  companyName: requiredText(16).refine(hasNachaText, NACHA_TEXT_MESSAGE),
  companyId: z.string().trim().regex(/^[A-Za-z0-9]{10}$/, '10 letters or digits'),
  odfiRouting: routing(),
});

@InputType()
class CreatePaymentBatchInput {
  @Field({ description: 'YYYY-MM: approved lines of this period and earlier are paid.' }) period!: string;
}

@InputType()
class PaymentBatchIdInput {
  @Field(() => ID) batchId!: string;
}

@InputType()
class CancelPaymentBatchInput {
  @Field(() => ID) batchId!: string;
  @Field() reason!: string;
}

@InputType()
class ExportPaymentBatchInput {
  @Field(() => ID) batchId!: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD the bank credits the payments (default: the next business day).' }) effectiveDate?: string | null;
}

@ObjectType()
class PaymentBatchPayload {
  @Field(() => PaymentBatch) batch!: PaymentBatch;
}

@ObjectType('PaymentBatchFile')
class PaymentBatchFileType {
  @Field() fileName!: string;
  @Field({ description: 'SHA-256 of the NACHA file, hex.' }) sha256!: string;
  @Field(() => Int) byteSize!: number;
  @Field({ description: 'GET with the same Authorization header (finance and admins).' }) nachaUrl!: string;
  @Field() remittanceCsvUrl!: string;
  @Field() createdAt!: Date;
  @Field() createdBy!: string;
}

@ObjectType()
class ExportPaymentBatchPayload {
  @Field(() => PaymentBatch) batch!: PaymentBatch;
  @Field(() => PaymentBatchFileType) file!: PaymentBatchFileType;
}

@ObjectType('SkippedPayout')
class SkippedPayoutType {
  @Field(() => ID) resellerId!: string;
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => Money) amount!: Money;
  @Field({ description: 'BELOW_MINIMUM (carried over), NO_VERIFIED_ACCOUNT, or OVER_ACH_ENTRY_LIMIT (more than one ACH entry carries: pay it by other means).' }) reason!: string;
}

@InputType()
class PaymentIdInput {
  @Field(() => ID) paymentId!: string;
}

@InputType()
class MarkPaymentFailedInput {
  @Field(() => ID) paymentId!: string;
  @Field({ description: 'E.g. the bank return code and its words (R03 No account).' }) reason!: string;
}

@ObjectType()
class PaymentPayload {
  @Field(() => Payment) payment!: Payment;
}

function fileInfo(file: PaymentFile): PaymentBatchFileType {
  const base = `/files/payment-batches/${file.batch.id}`;
  return { fileName: file.fileName, sha256: file.nachaSha256, byteSize: file.nachaByteSize, nachaUrl: `${base}/nacha`, remittanceCsvUrl: `${base}/remittance.csv`, createdAt: file.createdAt, createdBy: file.createdBy };
}

/** Payout details, payment batches and payments (SPEC §4). Money moves only through FINANCE and ADMIN. */
@Authorized(...STAFF_ROLES, ...RESELLER_ROLES)
@Resolver(() => PayoutAccount)
export class PayoutAccountResolver {
  @Query(() => PayoutAccount, { nullable: true, description: "A reseller's payout details, masked (partners: their own)." })
  async payoutAccount(@Arg('resellerId', () => ID) resellerId: string, @Ctx() ctx: Context) {
    const reseller = isUuid(resellerId) ? await ctx.em.findOne(Reseller, { id: resellerId }) : null;
    if (!reseller) throw notFound('Reseller');
    return ctx.em.findOne(PayoutAccount, { reseller });
  }

  @Authorized(...RESELLER_ROLES)
  @Query(() => PayoutAccount, { nullable: true, description: "The signed-in partner's payout details, masked." })
  myPayoutAccount(@Ctx() ctx: Context) {
    if (!ctx.actor?.resellerId) throw forbidden();
    return ctx.em.findOne(PayoutAccount, { reseller: ctx.actor.resellerId });
  }

  @Authorized(Role.RESELLER_OWNER)
  @Mutation(() => PayoutAccountPayload, { description: 'The reseller owner sets the bank account commissions are paid to (verification by finance starts over).' })
  async setMyPayoutAccount(@Arg('input') input: SetMyPayoutAccountInput, @Ctx() ctx: Context) {
    return { payoutAccount: await setMyPayoutAccount(ctx, input) };
  }

  @Authorized(...FINANCE_TEAM)
  @Mutation(() => PayoutAccountPayload, { description: "Finance confirms a reseller's payout details; only verified accounts are paid." })
  async verifyPayoutAccount(@Arg('input') input: ResellerIdInput, @Ctx() ctx: Context) {
    return { payoutAccount: await verifyPayoutAccount(ctx, input.resellerId) };
  }

  @Authorized(...FINANCE_TEAM)
  @Query(() => AchSettingsType, { nullable: true, description: 'The company and bank identities written into NACHA files.' })
  async achSettings(@Ctx() ctx: Context) {
    return (await actorTenant(ctx)).ach;
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => AchSettingsType)
  async updateAchSettings(@Arg('input') input: AchSettingsInput, @Ctx() ctx: Context) {
    const settings = parseInput(AchSettingsSchema, input);
    return ctx.em.transactional(async (tx) => {
      const tenant = (await tx.findOne(Tenant, { id: ctx.actor!.tenantId }))!;
      tenant.ach = settings;
      recordAudit(tx, tenant, ctx.actor, { action: 'tenant.ach_settings_changed', entityType: 'Tenant', entityId: tenant.id, data: settings });
      return settings;
    });
  }
}

@Authorized(...STAFF_ROLES)
@Resolver(() => PaymentBatch)
export class PaymentBatchResolver {
  @Query(() => PaymentBatchConnection, { description: 'Payment batches, newest first.' })
  paymentBatches(@Args() page: PageArgs, @Arg('status', () => PaymentBatchStatus, { nullable: true }) status: PaymentBatchStatus | null, @Ctx() ctx: Context) {
    return paginate(ctx.em, PaymentBatch, status ? { status } : {}, page, [{ createdAt: 'desc' }, { id: 'asc' }]);
  }

  @Query(() => PaymentBatch)
  async paymentBatch(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    const batch = isUuid(id) ? await ctx.em.findOne(PaymentBatch, { id }) : null;
    if (!batch) throw notFound('Payment batch');
    return batch;
  }

  @Authorized(...FINANCE_TEAM)
  @Mutation(() => PaymentBatchPayload, { description: 'Drafts one payment per reseller whose approved, unpaid total reaches its minimum payout (others carry over).' })
  async createPaymentBatch(@Arg('input') input: CreatePaymentBatchInput, @Ctx() ctx: Context) {
    return { batch: await createPaymentBatch(ctx, input) };
  }

  @Authorized(...FINANCE_TEAM)
  @Mutation(() => PaymentBatchPayload, { description: 'A second FINANCE or ADMIN person approves a draft (never its creator).' })
  async approvePaymentBatch(@Arg('input') input: PaymentBatchIdInput, @Ctx() ctx: Context) {
    return { batch: await approvePaymentBatch(ctx, input.batchId) };
  }

  @Authorized(...FINANCE_TEAM)
  @Mutation(() => PaymentBatchPayload, { description: 'Discards a batch not exported yet; its lines become payable again.' })
  async cancelPaymentBatch(@Arg('input') input: CancelPaymentBatchInput, @Ctx() ctx: Context) {
    return { batch: await cancelPaymentBatch(ctx, input) };
  }

  @Authorized(...FINANCE_TEAM)
  @Mutation(() => ExportPaymentBatchPayload, { description: 'Writes the NACHA file and remittance CSV once; exporting again returns the same file.' })
  async exportPaymentBatch(@Arg('input') input: ExportPaymentBatchInput, @Ctx() ctx: Context) {
    const { batch, file } = await exportPaymentBatch(ctx, input);
    return { batch, file: fileInfo(file) };
  }

  @FieldResolver(() => Money)
  total(@Root() batch: PaymentBatch, @Ctx() ctx: Context) {
    return moneyOf(ctx, batch.totalCents);
  }

  @FieldResolver(() => [Payment])
  payments(@Root() batch: PaymentBatch, @Ctx() ctx: Context) {
    return ctx.loaders.manyBy(Payment, 'batch').load(batch.id);
  }

  @FieldResolver(() => [SkippedPayoutType], { description: 'Resellers with payable lines that this batch does not pay, and why.' })
  async skipped(@Root() batch: PaymentBatch, @Ctx() ctx: Context) {
    return Promise.all(batch.skipped.map(async (s) => ({ ...s, amount: (await moneyOf(ctx, BigInt(s.cents)))! })));
  }

  @FieldResolver(() => Boolean, { description: 'Whether the signed-in user drafted this batch (and so may not approve it).' })
  viewerIsCreator(@Root() batch: PaymentBatch, @Ctx() ctx: Context) {
    return !!ctx.actor && batch.createdBy === actorKey(ctx.actor);
  }

  @FieldResolver(() => PaymentBatchFileType, { nullable: true })
  async file(@Root() batch: PaymentBatch, @Ctx() ctx: Context) {
    const [file] = await ctx.loaders.manyBy(PaymentFile, 'batch').load(batch.id);
    return file ? fileInfo(file) : null;
  }
}

@Authorized(...STAFF_ROLES, ...RESELLER_ROLES)
@Resolver(() => Payment)
export class PaymentResolver {
  @Authorized(...RESELLER_ROLES)
  @Query(() => PaymentConnection, { description: "The signed-in partner's payments (approved batches onwards), newest first." })
  myPayments(@Args() page: PageArgs, @Ctx() ctx: Context) {
    if (!ctx.actor?.resellerId) throw forbidden();
    return paginate(ctx.em, Payment, { batch: { status: { $nin: [PaymentBatchStatus.DRAFT, PaymentBatchStatus.CANCELLED] } } }, page, [{ createdAt: 'desc' }, { id: 'asc' }]);
  }

  @Query(() => Payment, { description: 'One payment with its statement (partners: their own).' })
  async payment(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    const payment = isUuid(id) ? await ctx.em.findOne(Payment, { id }) : null;
    if (!payment) throw notFound('Payment');
    if (ctx.actor?.resellerId) {
      const batch = await ctx.loaders.byId(PaymentBatch).load(payment.batch.id);
      if (!batch || batch.status === PaymentBatchStatus.DRAFT || batch.status === PaymentBatchStatus.CANCELLED) throw notFound('Payment');
    }
    return payment;
  }

  @Authorized(...FINANCE_TEAM)
  @Mutation(() => PaymentPayload, { description: 'The bank credited it: its lines become PAID and the reseller is emailed its statement.' })
  async markPaymentSettled(@Arg('input') input: PaymentIdInput, @Ctx() ctx: Context) {
    return { payment: await markPaymentSettled(ctx, input.paymentId) };
  }

  @Authorized(...FINANCE_TEAM)
  @Mutation(() => PaymentPayload, { description: 'The bank returned it: its lines become payable again.' })
  async markPaymentFailed(@Arg('input') input: MarkPaymentFailedInput, @Ctx() ctx: Context) {
    return { payment: await markPaymentFailed(ctx, input) };
  }

  @FieldResolver(() => Money)
  amount(@Root() payment: Payment, @Ctx() ctx: Context) {
    return moneyOf(ctx, payment.amountCents);
  }

  @FieldResolver(() => Reseller)
  reseller(@Root() payment: Payment, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Reseller).load(payment.reseller.id);
  }

  @Authorized(...STAFF_ROLES)
  @FieldResolver(() => PaymentBatch, { description: 'Staff only: a batch lists other resellers.' })
  batch(@Root() payment: Payment, @Ctx() ctx: Context) {
    return ctx.loaders.byId(PaymentBatch).load(payment.batch.id);
  }

  @FieldResolver(() => String, { description: 'The period of the batch (approved lines of it and earlier).' })
  async period(@Root() payment: Payment, @Ctx() ctx: Context) {
    return (await ctx.loaders.byId(PaymentBatch).load(payment.batch.id))!.period;
  }

  @FieldResolver(() => String, { nullable: true, description: 'YYYY-MM-DD the bank credits it.' })
  async effectiveDate(@Root() payment: Payment, @Ctx() ctx: Context) {
    return (await ctx.loaders.byId(PaymentBatch).load(payment.batch.id))!.effectiveDate;
  }

  @FieldResolver(() => [CommissionLine], { description: 'The statement: every commission line this payment pays.' })
  lines(@Root() payment: Payment, @Ctx() ctx: Context) {
    return paymentLines(ctx.em, payment);
  }
}

