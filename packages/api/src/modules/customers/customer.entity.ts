import { Entity, Index, ManyToOne, OptionalProps, Property, Unique, type Rel } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { TenantOwned } from '../../db/tenant-owned.entity.js';
import { Reseller } from '../resellers/reseller.entity.js';

/**
 * An end customer of the ISP, keyed by the ISP's own id. Assigned to at most one reseller at a time;
 * `reseller` is the current assignment, `CustomerAssignment` the dated history that commissions use.
 */
@ObjectType('Customer')
@Entity({ tableName: 'customer' })
@Unique({ properties: ['tenant', 'externalId'] })
export class Customer extends TenantOwned {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'email' | 'reseller';

  @Field({ description: "The ISP's id for this customer." })
  @Property({ type: 'text' })
  externalId!: string;

  @Field() @Property({ type: 'text' }) name!: string;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) email: string | null = null;

  @ManyToOne(() => Reseller, { nullable: true })
  @Index()
  reseller: Rel<Reseller> | null = null;

  @Field()
  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
