import { Entity, Enum, Index, ManyToOne, OptionalProps, Property, Unique, type Rel } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TenantOwned } from '../../db/tenant-owned.entity.js';
import { Reseller } from '../resellers/reseller.entity.js';

export enum OnboardingTaskStatus {
  PENDING = 'PENDING',
  COMPLETED = 'COMPLETED',
}
registerEnumType(OnboardingTaskStatus, { name: 'OnboardingTaskStatus' });

export enum OnboardingTaskOwner {
  RESELLER = 'RESELLER',
  ISP = 'ISP',
}
registerEnumType(OnboardingTaskOwner, { name: 'OnboardingTaskOwner', description: 'Who completes the task: the partner in the portal or the ISP in the admin console.' });

/** One task of a reseller's onboarding checklist, created from the template at approval. */
@ObjectType('OnboardingTask')
@Entity({ tableName: 'onboarding_task' })
@Unique({ properties: ['reseller', 'key'] })
@Index({ properties: ['tenant', 'status', 'dueDate'] })
export class OnboardingTask extends TenantOwned {
  [OptionalProps]?: 'createdAt' | 'status' | 'completedAt' | 'completedBy' | 'note';

  @ManyToOne(() => Reseller, { deleteRule: 'cascade' }) reseller!: Rel<Reseller>;
  @Field() @Property({ type: 'text' }) key!: string;
  @Field() @Property({ type: 'text' }) title!: string;
  @Field() @Property({ type: 'text' }) category!: string;
  @Field() @Property({ type: 'text' }) priority!: string;
  @Field(() => Int, { description: 'Estimated effort in hours.' }) @Property({ type: 'integer' }) effortHours!: number;
  @Field(() => OnboardingTaskOwner) @Enum({ items: () => OnboardingTaskOwner, type: 'text' }) owner!: OnboardingTaskOwner;
  @Field({ description: 'YYYY-MM-DD' }) @Property({ type: 'date' }) dueDate!: string;
  @Field(() => [String], { description: 'Keys of the tasks that must be completed first.' }) @Property({ type: 'json' }) prerequisites!: string[];
  @Field() @Property({ type: 'text' }) doneWhen!: string;
  @Field(() => Int) @Property({ type: 'integer' }) position!: number;

  @Field(() => OnboardingTaskStatus)
  @Enum({ items: () => OnboardingTaskStatus, type: 'text' })
  status: OnboardingTaskStatus = OnboardingTaskStatus.PENDING;

  @Field(() => Date, { nullable: true }) @Property({ type: 'datetime', nullable: true }) completedAt: Date | null = null;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) completedBy: string | null = null;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) note: string | null = null;
}
