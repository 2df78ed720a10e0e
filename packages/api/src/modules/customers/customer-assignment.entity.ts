import { Entity, Index, ManyToOne, OptionalProps, Property, type Rel } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { TenantOwned } from '../../db/tenant-owned.entity.js';
import { Reseller } from '../resellers/reseller.entity.js';
import { Customer } from './customer.entity.js';

/**
 * Which reseller a customer belonged to, from `fromDate` (inclusive) to `toDate` (exclusive, null =
 * still). A payment earns for the reseller the customer was assigned to on its paid date (SPEC §4).
 */
@ObjectType('CustomerAssignment')
@Entity({ tableName: 'customer_assignment' })
@Index({ properties: ['customer', 'fromDate'] })
export class CustomerAssignment extends TenantOwned {
  [OptionalProps]?: 'createdAt' | 'toDate' | 'reason';

  @ManyToOne(() => Customer, { deleteRule: 'cascade' })
  customer!: Rel<Customer>;

  @ManyToOne(() => Reseller)
  reseller!: Rel<Reseller>;

  @Field({ description: 'YYYY-MM-DD, inclusive.' })
  @Property({ type: 'date' })
  fromDate!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, exclusive; null while current.' })
  @Property({ type: 'date', nullable: true })
  toDate: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  reason: string | null = null;
}
