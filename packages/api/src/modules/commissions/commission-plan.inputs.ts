import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { PlanType, TierMode } from './commission.enums.js';
import { CommissionPlan } from './commission-plan.entity.js';

@InputType()
export class TierInput {
  @Field({ description: 'Lower bound of the tier on the reseller’s period revenue, decimal string ("10000.00").' }) from!: string;
  @Field({ description: 'Decimal rate with up to 4 places ("0.1200").' }) rate!: string;
}

/** The terms of a plan version; which fields are required depends on the plan type. */
@InputType()
export class PlanTermsInput {
  @Field(() => String, { nullable: true, description: 'PERCENTAGE: decimal rate, e.g. "0.1000".' }) rate?: string | null;
  @Field(() => String, { nullable: true, description: 'FLAT_FEE: fee per new customer ("0" for none).' }) perNewCustomer?: string | null;
  @Field(() => String, { nullable: true, description: 'FLAT_FEE: fee per customer with positive revenue ("0" for none).' }) perActiveCustomer?: string | null;
  @Field(() => [TierInput], { nullable: true, description: 'TIERED: tiers ascending from 0; a boundary amount belongs to the higher tier.' }) tiers?: TierInput[] | null;
  @Field(() => TierMode, { nullable: true }) tierMode?: TierMode | null;
  @Field(() => Int, { nullable: true, description: 'Days after payment before revenue counts (default 0).' }) holdingDays?: number | null;
  @Field(() => String, { nullable: true, description: 'Most a reseller can earn in a period.' }) monthlyCap?: string | null;
  @Field(() => String, { nullable: true, description: 'Payable totals below this carry over (default 50.00).' }) minimumPayout?: string | null;
  @Field(() => Int, { nullable: true, description: 'Days after the period closes that payment is due (default 30).' }) paymentTermsDays?: number | null;
}

@InputType()
export class CreateCommissionPlanInput {
  @Field() name!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => PlanType) type!: PlanType;
  @Field({ description: 'First period (YYYY-MM) of version 1.' }) effectiveFrom!: string;
  @Field(() => PlanTermsInput) terms!: PlanTermsInput;
  @Field(() => Boolean, { nullable: true, description: "Make it the tenant's default plan." }) isDefault?: boolean | null;
}

@InputType()
export class CreateCommissionPlanVersionInput {
  @Field(() => ID) planId!: string;
  @Field({ description: 'First period (YYYY-MM) of the new version; must be open and after the current version.' }) effectiveFrom!: string;
  @Field(() => PlanTermsInput) terms!: PlanTermsInput;
}

@InputType()
export class AssignCommissionPlanInput {
  @Field(() => ID) resellerId!: string;
  @Field(() => ID) planId!: string;
  @Field({ description: 'First period (YYYY-MM) of the assignment; must be open.' }) effectiveFrom!: string;
}

@ObjectType()
export class Tier {
  @Field() from!: string;
  @Field() rate!: string;
}

@ObjectType('CommissionPlanVersion')
export class PlanVersionView {
  @Field(() => ID) id!: string;
  @Field(() => Int) version!: number;
  @Field() effectiveFrom!: string;
  @Field(() => String, { nullable: true }) rate!: string | null;
  @Field(() => String, { nullable: true }) perNewCustomer!: string | null;
  @Field(() => String, { nullable: true }) perActiveCustomer!: string | null;
  @Field(() => [Tier], { nullable: true }) tiers!: Tier[] | null;
  @Field(() => TierMode, { nullable: true }) tierMode!: TierMode | null;
  @Field(() => Int) holdingDays!: number;
  @Field(() => String, { nullable: true }) monthlyCap!: string | null;
  @Field() minimumPayout!: string;
  @Field(() => Int) paymentTermsDays!: number;
}

@ObjectType()
export class CommissionPlanPayload {
  @Field(() => CommissionPlan) plan!: CommissionPlan;
}

@ObjectType()
export class AssignCommissionPlanPayload {
  @Field(() => ID) resellerId!: string;
  @Field(() => CommissionPlan) plan!: CommissionPlan;
  @Field() effectiveFrom!: string;
}
