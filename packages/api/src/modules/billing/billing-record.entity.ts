import { BigIntType, Entity, Index, ManyToOne, OptionalProps, Property, Unique, type Rel } from '@mikro-orm/core';
import { TenantOwned } from '../../db/tenant-owned.entity.js';
import { Customer } from '../customers/customer.entity.js';

/**
 * One invoice of the ISP for one customer and service period: the source of truth for revenue.
 * Re-sending the same invoice id updates it (idempotent upsert). Refunds and credit notes are
 * records with negative amounts. Money is in integer cents.
 */
@Entity({ tableName: 'billing_record' })
@Unique({ properties: ['tenant', 'invoiceId'] })
@Index({ properties: ['tenant', 'paidDate'] })
@Index({ properties: ['customer'] })
export class BillingRecord extends TenantOwned {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'paidCents' | 'paidDate';

  @ManyToOne(() => Customer, { deleteRule: 'cascade' })
  customer!: Rel<Customer>;

  /** The service period invoiced, YYYY-MM. */
  @Property({ type: 'text' })
  period!: string;

  @Property({ type: 'text' })
  invoiceId!: string;

  @Property({ type: new BigIntType('bigint') })
  invoicedCents!: bigint;

  @Property({ type: new BigIntType('bigint') })
  paidCents: bigint = 0n;

  @Property({ type: 'date', nullable: true })
  paidDate: string | null = null;

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
