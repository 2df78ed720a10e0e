import { BigIntType, Entity, Enum, Index, ManyToOne, OptionalProps, Property, Unique, type Rel } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { TenantOwned } from '../../db/tenant-owned.entity.js';
import { Reseller } from '../resellers/reseller.entity.js';
import { PlanType, TierMode } from './commission.enums.js';

/** A named commission plan; its terms live in effective-dated versions. */
@ObjectType('CommissionPlan')
@Entity({ tableName: 'commission_plan' })
@Unique({ properties: ['tenant', 'name'] })
@Index({
  name: 'commission_plan_one_default',
  expression: 'create unique index commission_plan_one_default on commission_plan (tenant_id) where is_default',
})
export class CommissionPlan extends TenantOwned {
  [OptionalProps]?: 'createdAt' | 'isDefault' | 'description';

  @Field() @Property({ type: 'text' }) name!: string;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) description: string | null = null;

  @Field(() => PlanType)
  @Enum({ items: () => PlanType, type: 'text' })
  type!: PlanType;

  @Field({ description: 'Used for resellers without an assignment of their own.' })
  @Property({ type: 'boolean' })
  isDefault: boolean = false;
}

export interface StoredTier {
  /** Lower bound of the tier on the reseller's period revenue, in cents (decimal string). */
  fromCents: string;
  /** Rate in 1/10,000 (1250 = 12.5 %). */
  rateUnits: number;
}

/**
 * The terms of a plan from `effectiveFrom` (a period) until the next version. The version in
 * force on the first day of a period applies to the whole period (SPEC §4), so a new version can
 * only start in an open period and never rewrites a closed one.
 */
@Entity({ tableName: 'commission_plan_version' })
@Unique({ properties: ['plan', 'version'] })
@Unique({ properties: ['plan', 'effectiveFrom'] })
export class CommissionPlanVersion extends TenantOwned {
  [OptionalProps]?:
    | 'createdAt'
    | 'rateUnits'
    | 'perNewCustomerCents'
    | 'perActiveCustomerCents'
    | 'tiers'
    | 'tierMode'
    | 'holdingDays'
    | 'monthlyCapCents'
    | 'minimumPayoutCents'
    | 'paymentTermsDays';

  @ManyToOne(() => CommissionPlan, { deleteRule: 'cascade' })
  plan!: Rel<CommissionPlan>;

  @Property({ type: 'integer' }) version!: number;
  /** First period (YYYY-MM) the version applies to. */
  @Property({ type: 'text' }) effectiveFrom!: string;

  @Property({ type: 'integer', nullable: true }) rateUnits: number | null = null;
  @Property({ type: new BigIntType('bigint'), nullable: true }) perNewCustomerCents: bigint | null = null;
  @Property({ type: new BigIntType('bigint'), nullable: true }) perActiveCustomerCents: bigint | null = null;
  @Property({ type: 'json', nullable: true }) tiers: StoredTier[] | null = null;
  @Enum({ items: () => TierMode, type: 'text', nullable: true }) tierMode: TierMode | null = null;
  @Property({ type: 'integer' }) holdingDays: number = 0;
  @Property({ type: new BigIntType('bigint'), nullable: true }) monthlyCapCents: bigint | null = null;
  @Property({ type: new BigIntType('bigint') }) minimumPayoutCents: bigint = 5000n;
  @Property({ type: 'integer' }) paymentTermsDays: number = 30;
}

/** Which plan a reseller is on from a period on (effective-dated like versions). */
@Entity({ tableName: 'commission_plan_assignment' })
@Unique({ properties: ['reseller', 'effectiveFrom'] })
export class CommissionPlanAssignment extends TenantOwned {
  [OptionalProps]?: 'createdAt';

  @ManyToOne(() => Reseller, { deleteRule: 'cascade' })
  reseller!: Rel<Reseller>;

  @ManyToOne(() => CommissionPlan)
  plan!: Rel<CommissionPlan>;

  @Property({ type: 'text' }) effectiveFrom!: string;
}
