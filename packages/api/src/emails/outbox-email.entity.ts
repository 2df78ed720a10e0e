import { Entity, Enum, Index, OptionalProps, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TenantOwned } from '../db/tenant-owned.entity.js';

export enum EmailStatus {
  QUEUED = 'QUEUED',
  SENT = 'SENT',
  FAILED = 'FAILED',
}
registerEnumType(EmailStatus, { name: 'EmailStatus' });

export enum EmailTemplate {
  APPLICATION_RECEIVED = 'APPLICATION_RECEIVED',
  NEW_APPLICATION_ADMIN = 'NEW_APPLICATION_ADMIN',
  APPLICATION_APPROVED = 'APPLICATION_APPROVED',
  APPLICATION_REJECTED = 'APPLICATION_REJECTED',
  ONBOARDING_COMPLETED = 'ONBOARDING_COMPLETED',
  PAYOUT_ACCOUNT_CHANGED = 'PAYOUT_ACCOUNT_CHANGED',
  PAYMENT_STATEMENT = 'PAYMENT_STATEMENT',
}
registerEnumType(EmailTemplate, { name: 'EmailTemplate' });

/**
 * An email, rendered and stored in the same transaction as the event that causes it. Delivery
 * (SMTP with retries) reads QUEUED rows; until then the admin console previews them here.
 */
@ObjectType('OutboxEmail')
@Entity({ tableName: 'outbox_email' })
@Index({ properties: ['tenant', 'createdAt', 'id'] })
@Index({ properties: ['tenant', 'relatedType', 'relatedId'] })
export class OutboxEmail extends TenantOwned {
  [OptionalProps]?: 'createdAt' | 'status' | 'attempts' | 'sentAt' | 'lastError' | 'toName' | 'relatedType' | 'relatedId';

  @Field(() => EmailTemplate)
  @Enum({ items: () => EmailTemplate, type: 'text' })
  template!: EmailTemplate;

  @Field() @Property({ type: 'text' }) toAddress!: string;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) toName: string | null = null;
  @Field() @Property({ type: 'text' }) subject!: string;
  @Field() @Property({ type: 'text' }) html!: string;
  @Field() @Property({ type: 'text' }) text!: string;

  @Field(() => EmailStatus)
  @Enum({ items: () => EmailStatus, type: 'text' })
  status: EmailStatus = EmailStatus.QUEUED;

  @Field(() => Int) @Property({ type: 'integer' }) attempts: number = 0;
  @Field(() => Date, { nullable: true }) @Property({ type: 'datetime', nullable: true }) sentAt: Date | null = null;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) lastError: string | null = null;

  /** The record the email is about (e.g. `ResellerApplication`), for "emails sent" lists. */
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) relatedType: string | null = null;
  @Field(() => ID, { nullable: true }) @Property({ type: 'uuid', nullable: true }) relatedId: string | null = null;
}
