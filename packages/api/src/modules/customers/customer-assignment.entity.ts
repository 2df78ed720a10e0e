import { Entity, Index, ManyToOne, OptionalProps, Property, type Rel } from '@mikro-orm/core';
import { TenantOwned } from '../../db/tenant-owned.entity.js';
import { Reseller } from '../resellers/reseller.entity.js';
import { Customer } from './customer.entity.js';

/**
 * Which reseller a customer belonged to, from `fromDate` (inclusive) to `toDate` (exclusive, null =
 * still). A payment earns for the reseller the customer was assigned to on its paid date (SPEC §4).
 */
@Entity({ tableName: 'customer_assignment' })
@Index({ properties: ['customer', 'fromDate'] })
export class CustomerAssignment extends TenantOwned {
  [OptionalProps]?: 'createdAt' | 'toDate' | 'reason';

  @ManyToOne(() => Customer, { deleteRule: 'cascade' })
  customer!: Rel<Customer>;

  @ManyToOne(() => Reseller)
  reseller!: Rel<Reseller>;

  @Property({ type: 'date' })
  fromDate!: string;

  @Property({ type: 'date', nullable: true })
  toDate: string | null = null;

  @Property({ type: 'text', nullable: true })
  reason: string | null = null;
}
