import { BigIntType, Check, Entity, Enum, Index, ManyToOne, OptionalProps, Property, Unique, type Rel } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TenantOwned } from '../../db/tenant-owned.entity.js';
import { CommissionLine } from '../commissions/commission-run.entity.js';
import { Reseller } from '../resellers/reseller.entity.js';
import { BankAccountType } from './payout-account.entity.js';
import type { SkipReason } from './payment-plan.js';

export enum PaymentBatchStatus {
  DRAFT = 'DRAFT',
  APPROVED = 'APPROVED',
  EXPORTED = 'EXPORTED',
  /** Every payment settled or failed. */
  COMPLETED = 'COMPLETED',
  /** A draft discarded before approval: its lines are payable again. */
  CANCELLED = 'CANCELLED',
}
registerEnumType(PaymentBatchStatus, { name: 'PaymentBatchStatus' });

export enum PaymentStatus {
  PENDING = 'PENDING',
  EXPORTED = 'EXPORTED',
  SETTLED = 'SETTLED',
  FAILED = 'FAILED',
  /** Its batch was cancelled before export: nothing was sent. */
  CANCELLED = 'CANCELLED',
}
registerEnumType(PaymentStatus, { name: 'PaymentStatus' });

export interface SkippedReseller {
  resellerId: string;
  code: string;
  name: string;
  cents: string;
  reason: SkipReason;
}

/** One run of payouts (SPEC §4): DRAFT → APPROVED (a second person) → EXPORTED → COMPLETED. */
@ObjectType('PaymentBatch')
@Entity({ tableName: 'payment_batch' })
@Index({ properties: ['tenant', 'createdAt'] })
export class PaymentBatch extends TenantOwned {
  [OptionalProps]?:
    | 'createdAt'
    | 'status'
    | 'approvedBy'
    | 'approvedByLabel'
    | 'approvedAt'
    | 'exportedAt'
    | 'exportedBy'
    | 'effectiveDate'
    | 'totalCents'
    | 'paymentCount'
    | 'skipped'
    | 'cancelledAt'
    | 'cancelledBy'
    | 'cancellationReason';

  @Field({ description: 'Approved lines of this period and earlier are paid.' }) @Property({ type: 'text' }) period!: string;
  @Field(() => PaymentBatchStatus) @Enum({ items: () => PaymentBatchStatus, type: 'text' }) status: PaymentBatchStatus = PaymentBatchStatus.DRAFT;
  /** The creating user's id (four-eyes rule: the approver must be someone else). */
  @Property({ type: 'text' }) createdBy!: string;
  @Field({ description: 'Who drafted it.' }) @Property({ type: 'text' }) createdByLabel!: string;
  @Property({ type: 'text', nullable: true }) approvedBy: string | null = null;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) approvedByLabel: string | null = null;
  @Field(() => Date, { nullable: true }) @Property({ type: 'datetime', nullable: true }) approvedAt: Date | null = null;
  @Field(() => Date, { nullable: true }) @Property({ type: 'datetime', nullable: true }) exportedAt: Date | null = null;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) exportedBy: string | null = null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD the bank credits the payments (set at export).' }) @Property({ type: 'date', nullable: true }) effectiveDate: string | null = null;
  @Property({ type: new BigIntType('bigint') }) totalCents: bigint = 0n;
  @Field(() => Int) @Property({ type: 'integer' }) paymentCount: number = 0;
  @Property({ type: 'json' }) skipped: SkippedReseller[] = [];
  @Field(() => Date, { nullable: true }) @Property({ type: 'datetime', nullable: true }) cancelledAt: Date | null = null;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) cancelledBy: string | null = null;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) cancellationReason: string | null = null;
}

/** One reseller's payout in a batch, with the bank details as they were approved. */
@ObjectType('Payment')
@Entity({ tableName: 'payment' })
@Unique({ properties: ['batch', 'reseller'] })
@Index({ properties: ['reseller', 'status'] })
export class Payment extends TenantOwned {
  [OptionalProps]?: 'createdAt' | 'status' | 'traceNumber' | 'settledAt' | 'failedAt' | 'failureReason' | 'decidedBy';

  @ManyToOne(() => PaymentBatch, { deleteRule: 'cascade' }) batch!: Rel<PaymentBatch>;
  @ManyToOne(() => Reseller) reseller!: Rel<Reseller>;
  @Property({ type: new BigIntType('bigint') }) amountCents!: bigint;
  @Field(() => Int) @Property({ type: 'integer' }) lineCount!: number;
  @Field(() => PaymentStatus) @Enum({ items: () => PaymentStatus, type: 'text' }) status: PaymentStatus = PaymentStatus.PENDING;
  @Field({ description: 'CCD (business) or PPD (individual).' }) @Property({ type: 'text' }) secCode!: string;
  @Field() @Property({ type: 'text' }) holderName!: string;
  @Field(() => BankAccountType) @Enum({ items: () => BankAccountType, type: 'text' }) accountType!: BankAccountType;
  @Field() @Property({ type: 'text' }) routingNumber!: string;
  /** Snapshot of the encrypted account number at drafting (never exposed). */
  @Property({ type: 'text' }) accountNumberCiphertext!: string;
  @Field() @Property({ type: 'text' }) accountLast4!: string;
  @Field(() => String, { nullable: true, description: 'The ACH trace number, set at export.' }) @Property({ type: 'text', nullable: true }) traceNumber: string | null = null;
  @Field(() => Date, { nullable: true }) @Property({ type: 'datetime', nullable: true }) settledAt: Date | null = null;
  @Field(() => Date, { nullable: true }) @Property({ type: 'datetime', nullable: true }) failedAt: Date | null = null;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) failureReason: string | null = null;
  @Field(() => String, { nullable: true, description: 'Who marked it settled or failed.' }) @Property({ type: 'text', nullable: true }) decidedBy: string | null = null;
}

/**
 * A commission line paid by a payment. A line is in at most one live payment (the partial unique
 * index); a failed payment or a cancelled draft releases its lines, which become payable again.
 */
@Entity({ tableName: 'payment_item' })
@Index({ properties: ['payment'] })
@Index({
  name: 'payment_item_one_live_payment_per_line',
  expression: 'create unique index payment_item_one_live_payment_per_line on payment_item (line_id) where released = false',
})
export class PaymentItem extends TenantOwned {
  [OptionalProps]?: 'createdAt' | 'released';

  @ManyToOne(() => Payment, { deleteRule: 'cascade' }) payment!: Rel<Payment>;
  @ManyToOne(() => CommissionLine) line!: Rel<CommissionLine>;
  @Property({ type: new BigIntType('bigint') }) amountCents!: bigint;
  @Property({ type: 'boolean' }) released: boolean = false;
}

/**
 * The exported files of a batch, stored once: re-export returns these bytes, never new ones. The
 * NACHA file holds every payee's full account number, so it is stored encrypted with the payout
 * key, like the bank details it was made from (SPEC §1); `storedNacha` opens it.
 */
@Entity({ tableName: 'payment_file' })
@Unique({ properties: ['batch'] })
@Check({ name: 'payment_file_nacha_stored', expression: 'nacha is not null or nacha_ciphertext is not null' })
export class PaymentFile extends TenantOwned {
  [OptionalProps]?: 'createdAt' | 'nacha';

  @ManyToOne(() => PaymentBatch, { deleteRule: 'cascade' }) batch!: Rel<PaymentBatch>;
  @Property({ type: 'text' }) fileName!: string;
  /** Only in files exported before files were encrypted, until start-up seals them (sealStoredPaymentFiles). */
  @Property({ type: 'text', nullable: true }) nacha: string | null = null;
  @Property({ type: 'text', nullable: true }) nachaCiphertext!: string | null;
  @Property({ type: 'integer' }) nachaByteSize!: number;
  @Property({ type: 'text' }) nachaSha256!: string;
  @Property({ type: 'text' }) remittanceCsv!: string;
  @Property({ type: 'text' }) createdBy!: string;
}
