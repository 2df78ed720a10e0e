import { BigIntType, Entity, Enum, Index, ManyToOne, OptionalProps, Property, Unique, type Rel } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { TenantOwned } from '../../db/tenant-owned.entity.js';
import { Reseller } from '../resellers/reseller.entity.js';
import type { HealthComponent } from './customer-health.js';
import { CustomerStage } from './lifecycle.js';

/**
 * An end customer of the ISP, keyed by the ISP's own id. Assigned to at most one reseller at a time;
 * `reseller` is the current assignment, `CustomerAssignment` the dated history that commissions use.
 */
@ObjectType('Customer')
@Entity({ tableName: 'customer' })
@Unique({ properties: ['tenant', 'externalId'] })
@Index({ properties: ['tenant', 'stage'] })
// A partner's customers by MRR (the dashboard's top 50): the first page without sorting them all.
@Index({ name: 'customer_reseller_mrr_index', expression: 'create index "customer_reseller_mrr_index" on "customer" ("reseller_id", "mrr_cents" desc, "id")' })
export class Customer extends TenantOwned {
  [OptionalProps]?:
    | 'createdAt'
    | 'updatedAt'
    | 'email'
    | 'reseller'
    | 'servicePlan'
    | 'mrrCents'
    | 'signupDate'
    | 'stage'
    | 'stageEnteredAt'
    | 'usagePercent'
    | 'healthScore'
    | 'healthComponents'
    | 'healthComputedAt';

  @Field({ description: "The ISP's id for this customer." })
  @Property({ type: 'text' })
  externalId!: string;

  @Field() @Property({ type: 'text' }) name!: string;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) email: string | null = null;

  @Field(() => String, { nullable: true, description: "The ISP's name of the service plan (e.g. Fiber 500)." })
  @Property({ type: 'text', nullable: true })
  servicePlan: string | null = null;

  /**
   * Monthly recurring revenue in cents (exposed as `mrr`), a bigint column read as its decimal
   * string: exact, and a list sorted by it can put it in a cursor (JSON has no bigint).
   */
  @Property({ type: new BigIntType('string'), columnType: 'bigint', default: 0 })
  mrrCents: string = '0';

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD the customer signed up.' })
  @Property({ type: 'date', nullable: true })
  signupDate: string | null = null;

  @Field(() => CustomerStage)
  @Enum({ items: () => CustomerStage, type: 'text' })
  stage: CustomerStage = CustomerStage.PROSPECT;

  @Field({ description: 'When the customer entered its current stage.' })
  @Property({ type: 'datetime' })
  stageEnteredAt: Date = new Date();

  @Field(() => Int, { nullable: true, description: "The ISP's usage figure, 0–100 (share of the plan used); feeds the engagement component of health." })
  @Property({ type: 'smallint', nullable: true })
  usagePercent: number | null = null;

  @Field(() => Int, { nullable: true, description: 'Customer health 0–100 from the last scoring; null before the first or without any data.' })
  @Property({ type: 'smallint', nullable: true })
  healthScore: number | null = null;

  @Property({ type: 'json', nullable: true })
  healthComponents: HealthComponent[] | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  healthComputedAt: Date | null = null;

  @ManyToOne(() => Reseller, { nullable: true })
  @Index()
  reseller: Rel<Reseller> | null = null;

  @Field()
  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
