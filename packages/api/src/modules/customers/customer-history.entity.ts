import { Entity, Enum, Index, ManyToOne, OptionalProps, Property, type Rel } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TenantOwned } from '../../db/tenant-owned.entity.js';
import { Customer } from './customer.entity.js';
import { CustomerStage, StageActionType } from './lifecycle.js';

/**
 * One lifecycle move (SPEC §3: from, to, when, who, reason). The first row of a customer has no
 * `fromStage`: the stage it was created in. Rows belong to the customer, so a reseller sees the
 * history of the customers assigned to it now (db/filters.ts).
 */
@ObjectType('CustomerStageTransition')
@Entity({ tableName: 'customer_stage_transition' })
@Index({ properties: ['customer', 'at'] })
@Index({ properties: ['tenant', 'toStage', 'at'] })
export class CustomerStageTransition extends TenantOwned {
  [OptionalProps]?: 'createdAt' | 'fromStage' | 'reason';

  @ManyToOne(() => Customer, { deleteRule: 'cascade' }) customer!: Rel<Customer>;
  @Field(() => CustomerStage, { nullable: true }) @Enum({ items: () => CustomerStage, type: 'text', nullable: true }) fromStage: CustomerStage | null = null;
  @Field(() => CustomerStage) @Enum({ items: () => CustomerStage, type: 'text' }) toStage!: CustomerStage;
  @Field() @Property({ type: 'datetime' }) at!: Date;
  @Field({ description: 'Who made the move: a user, an API key, or the system (health scoring).' }) @Property({ type: 'text' }) actor!: string;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) reason: string | null = null;
}

export enum InteractionType {
  SALES_CALL = 'SALES_CALL',
  EMAIL = 'EMAIL',
  MEETING = 'MEETING',
  TRAINING = 'TRAINING',
  SUPPORT_TICKET = 'SUPPORT_TICKET',
  BILLING_INQUIRY = 'BILLING_INQUIRY',
  TECHNICAL_ISSUE = 'TECHNICAL_ISSUE',
  FEATURE_REQUEST = 'FEATURE_REQUEST',
  COMPLAINT = 'COMPLAINT',
  COMPLIMENT = 'COMPLIMENT',
}
registerEnumType(InteractionType, { name: 'InteractionType' });

/** Interaction types that count as support load in customer health. */
export const SUPPORT_INTERACTIONS = [InteractionType.SUPPORT_TICKET, InteractionType.TECHNICAL_ISSUE, InteractionType.BILLING_INQUIRY, InteractionType.COMPLAINT];

export enum InteractionOutcome {
  POSITIVE = 'POSITIVE',
  NEUTRAL = 'NEUTRAL',
  NEGATIVE = 'NEGATIVE',
  RESOLVED = 'RESOLVED',
  UNRESOLVED = 'UNRESOLVED',
  NO_RESPONSE = 'NO_RESPONSE',
}
registerEnumType(InteractionOutcome, { name: 'InteractionOutcome' });

/** A contact with a customer, logged by the reseller or the ISP (SPEC §3). */
@ObjectType('CustomerInteraction')
@Entity({ tableName: 'customer_interaction' })
@Index({ properties: ['customer', 'occurredOn'] })
@Index({ properties: ['tenant', 'followUpOn'] })
export class CustomerInteraction extends TenantOwned {
  [OptionalProps]?: 'createdAt' | 'durationMinutes' | 'satisfaction' | 'notes' | 'followUpOn' | 'followUpDoneAt';

  @ManyToOne(() => Customer, { deleteRule: 'cascade' }) customer!: Rel<Customer>;
  @Field(() => InteractionType) @Enum({ items: () => InteractionType, type: 'text' }) type!: InteractionType;
  @Field({ description: 'YYYY-MM-DD' }) @Property({ type: 'date' }) occurredOn!: string;
  @Field(() => Int, { nullable: true }) @Property({ type: 'integer', nullable: true }) durationMinutes: number | null = null;
  @Field(() => InteractionOutcome) @Enum({ items: () => InteractionOutcome, type: 'text' }) outcome!: InteractionOutcome;
  @Field(() => Int, { nullable: true, description: 'Satisfaction rating 1–10.' }) @Property({ type: 'smallint', nullable: true }) satisfaction: number | null = null;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) notes: string | null = null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD a follow-up is due.' }) @Property({ type: 'date', nullable: true }) followUpOn: string | null = null;
  @Field(() => Date, { nullable: true }) @Property({ type: 'datetime', nullable: true }) followUpDoneAt: Date | null = null;
  @Field() @Property({ type: 'text' }) loggedBy!: string;
}

export enum CustomerTaskStatus {
  OPEN = 'OPEN',
  DONE = 'DONE',
}
registerEnumType(CustomerTaskStatus, { name: 'CustomerTaskStatus' });

/** Work a lifecycle stage started (welcome sequence, retention intervention, exit survey …). */
@ObjectType('CustomerTask')
@Entity({ tableName: 'customer_task' })
@Index({ properties: ['customer', 'status'] })
@Index({ properties: ['tenant', 'status', 'dueDate'] })
export class CustomerTask extends TenantOwned {
  [OptionalProps]?: 'createdAt' | 'status' | 'completedAt' | 'completedBy' | 'note';

  @ManyToOne(() => Customer, { deleteRule: 'cascade' }) customer!: Rel<Customer>;
  @Field(() => StageActionType) @Enum({ items: () => StageActionType, type: 'text' }) type!: StageActionType;
  @Field(() => CustomerStage, { description: 'The stage whose entry created the task.' }) @Enum({ items: () => CustomerStage, type: 'text' }) stage!: CustomerStage;
  @Field() @Property({ type: 'text' }) title!: string;
  @Field({ description: 'YYYY-MM-DD' }) @Property({ type: 'date' }) dueDate!: string;
  @Field(() => CustomerTaskStatus) @Enum({ items: () => CustomerTaskStatus, type: 'text' }) status: CustomerTaskStatus = CustomerTaskStatus.OPEN;
  @Field(() => Date, { nullable: true }) @Property({ type: 'datetime', nullable: true }) completedAt: Date | null = null;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) completedBy: string | null = null;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) note: string | null = null;
}
