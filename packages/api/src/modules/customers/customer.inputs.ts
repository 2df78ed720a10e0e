import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../../shared/pagination.js';
import { CustomerInteraction, CustomerTask, InteractionOutcome, InteractionType } from './customer-history.entity.js';
import { Customer } from './customer.entity.js';
import { CustomerStage } from './lifecycle.js';

@InputType()
export class CustomerUpsertInput {
  @Field({ description: "The ISP's id for the customer (the upsert key)." }) externalId!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true, description: 'Service plan name, e.g. "Fiber 500".' }) servicePlan?: string | null;
  @Field(() => String, { nullable: true, description: 'Monthly recurring revenue, exact decimal ("89.99").' }) mrr?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD the customer signed up.' }) signupDate?: string | null;
  @Field(() => CustomerStage, { nullable: true, description: 'A new customer starts here (default PROSPECT); for an existing one a different stage is a lifecycle move and must be allowed.' })
  stage?: CustomerStage | null;
  @Field(() => Int, { nullable: true, description: "The ISP's usage figure 0–100." }) usagePercent?: number | null;
  @Field(() => String, { nullable: true, description: 'Code of the reseller the customer is assigned to (RS-000001); omit to leave the assignment as it is.' })
  resellerCode?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD the assignment starts (default: today). Payments on or after it earn for the reseller.' })
  assignedSince?: string | null;
}

/** Omitted (or null) optional fields leave an existing customer's value as it is. */
@InputType()
export class UpsertCustomersInput {
  @Field(() => [CustomerUpsertInput], { description: 'At most 10,000 per call.' }) customers!: CustomerUpsertInput[];
}

@ObjectType()
export class RowError {
  @Field(() => Int, { description: '0-based position in the input list.' }) index!: number;
  @Field() field!: string;
  @Field() message!: string;
}

@ObjectType()
export class UpsertPayload {
  @Field(() => Int) created!: number;
  @Field(() => Int) updated!: number;
  @Field(() => Int) unchanged!: number;
}

export const CustomerConnection = ConnectionType('Customer', Customer);

export enum CustomerOrder {
  NAME = 'NAME',
  MRR_DESC = 'MRR_DESC',
  NEWEST = 'NEWEST',
  STAGE_OLDEST = 'STAGE_OLDEST',
}
registerEnumType(CustomerOrder, { name: 'CustomerOrder', description: 'NAME (A–Z), MRR_DESC (highest first), NEWEST (created), STAGE_OLDEST (longest in its stage first).' });

@InputType()
export class CustomerFilter {
  @Field(() => ID, { nullable: true, description: 'Customers assigned to this reseller now (staff only; partners see their own anyway).' }) resellerId?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'true: only customers without a reseller.' }) unassigned?: boolean | null;
  @Field(() => [CustomerStage], { nullable: true }) stage?: CustomerStage[] | null;
  @Field(() => Int, { nullable: true, description: 'Health score at most this (scored customers only).' }) maxHealth?: number | null;
  @Field(() => String, { nullable: true, description: 'Matches name, email, external id or service plan.' }) search?: string | null;
}

@InputType()
export class MoveCustomerStageInput {
  @Field(() => ID) customerId!: string;
  @Field(() => CustomerStage) to!: CustomerStage;
  @Field(() => String, { nullable: true }) reason?: string | null;
}

@InputType()
export class AssignCustomerInput {
  @Field(() => ID) customerId!: string;
  @Field(() => ID) resellerId!: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD the assignment starts (default today).' }) since?: string | null;
  @Field(() => String, { nullable: true }) reason?: string | null;
}

@InputType()
export class ReassignCustomerInput {
  @Field(() => ID) customerId!: string;
  @Field(() => ID) resellerId!: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD the new assignment starts (default today).' }) since?: string | null;
  @Field({ description: 'Required; kept in the assignment history and the audit trail.' }) reason!: string;
}

@InputType()
export class ReassignCustomersInput {
  @Field(() => ID, { description: 'Every customer assigned to this reseller now moves.' }) fromResellerId!: string;
  @Field(() => ID) toResellerId!: string;
  @Field(() => CustomerStage, { nullable: true, description: 'Only the customers in this stage.' }) stage?: CustomerStage | null;
  @Field({ description: 'Required; kept in each assignment history and the audit trail.' }) reason!: string;
  @Field(() => Boolean, { nullable: true, description: 'List the customers that would move; change nothing.' }) dryRun?: boolean | null;
}

@ObjectType()
export class ReassignedCustomer {
  @Field(() => ID) id!: string;
  @Field() externalId!: string;
  @Field() name!: string;
}

@ObjectType()
export class ReassignCustomersPayload {
  @Field(() => Int, { description: 'Customers moved (in a dry run: that would move).' }) moved!: number;
  @Field(() => [ReassignedCustomer], { description: 'By external id.' }) customers!: ReassignedCustomer[];
}

@ObjectType()
export class CustomerPayload {
  @Field(() => Customer) customer!: Customer;
}

@InputType()
export class LogCustomerInteractionInput {
  @Field(() => ID) customerId!: string;
  @Field(() => InteractionType) type!: InteractionType;
  @Field({ description: 'YYYY-MM-DD' }) occurredOn!: string;
  @Field(() => Int, { nullable: true }) durationMinutes?: number | null;
  @Field(() => InteractionOutcome) outcome!: InteractionOutcome;
  @Field(() => Int, { nullable: true, description: '1–10' }) satisfaction?: number | null;
  @Field(() => String, { nullable: true }) notes?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD a follow-up is due.' }) followUpOn?: string | null;
}

@ObjectType()
export class CustomerInteractionPayload {
  @Field(() => CustomerInteraction) interaction!: CustomerInteraction;
}

@InputType()
export class CompleteCustomerFollowUpInput {
  @Field(() => ID) interactionId!: string;
}

@InputType()
export class CompleteCustomerTaskInput {
  @Field(() => ID) taskId!: string;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@ObjectType()
export class CustomerTaskPayload {
  @Field(() => CustomerTask) task!: CustomerTask;
}

@ObjectType()
export class CustomerWorkDue {
  @Field(() => [CustomerInteraction], { description: 'Open follow-ups due by then (overdue included), soonest first.' }) followUps!: CustomerInteraction[];
  @Field(() => [CustomerTask], { description: 'Open lifecycle tasks due by then, soonest first.' }) tasks!: CustomerTask[];
}

@InputType()
export class RecomputeCustomerHealthInput {
  @Field(() => ID, { nullable: true, description: 'One reseller; omit for the whole tenant.' }) resellerId?: string | null;
}

@ObjectType()
export class RecomputeCustomerHealthPayload {
  @Field(() => Int) scored!: number;
  @Field(() => Int, { description: 'ACTIVE customers that scored below 40 and moved to AT_RISK.' }) movedToAtRisk!: number;
}

@ObjectType('CustomerHealthComponent')
export class CustomerHealthComponentType {
  @Field({ description: 'paymentPunctuality, tenure, supportLoad, engagement or interactionRecency.' }) key!: string;
  @Field(() => Int) weight!: number;
  @Field(() => Float, { nullable: true, description: '0–100; null when there is no data (its weight goes to the others).' }) score!: number | null;
}

@ObjectType()
export class StageTime {
  @Field(() => CustomerStage) stage!: CustomerStage;
  @Field(() => Float, { description: 'Whole time spent in the stage, in days (one decimal).' }) days!: number;
  @Field(() => Int) visits!: number;
}
