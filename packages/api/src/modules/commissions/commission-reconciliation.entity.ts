import { BigIntType, Entity, Index, OptionalProps, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { TenantOwned } from '../../db/tenant-owned.entity.js';

export type DiscrepancyKind = 'MISSING_LINE' | 'EXTRA_LINE' | 'AMOUNT_DIFFERS' | 'UNASSIGNED_CUSTOMER' | 'INACTIVE_RESELLER';
export type DiscrepancyStatus = 'OPEN' | 'ACCEPTED' | 'ADJUSTED' | 'DISPUTED';

export interface StoredDiscrepancy {
  id: string;
  kind: DiscrepancyKind;
  resellerId: string | null;
  customerId: string | null;
  /** What recomputing from billing records gives, in cents (decimal string). */
  expectedCents: string;
  /** What the stored lines say, in cents (decimal string). */
  storedCents: string;
  detail: string;
  status: DiscrepancyStatus;
  resolvedBy: string | null;
  resolvedAt: string | null;
  note: string | null;
  adjustmentLineId: string | null;
}

/** One reconciliation of a period: the independent recomputation and every difference found. */
@ObjectType('CommissionReconciliation')
@Entity({ tableName: 'commission_reconciliation' })
@Index({ properties: ['tenant', 'period', 'createdAt'] })
export class CommissionReconciliation extends TenantOwned {
  [OptionalProps]?: 'createdAt';

  @Field() @Property({ type: 'text' }) period!: string;
  @Field() @Property({ type: 'text' }) createdBy!: string;
  @Property({ type: new BigIntType('bigint') }) expectedTotalCents!: bigint;
  @Property({ type: new BigIntType('bigint') }) storedTotalCents!: bigint;
  @Property({ type: 'json' }) items!: StoredDiscrepancy[];
}
