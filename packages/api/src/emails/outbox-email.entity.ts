import { Entity, Enum, Index, OptionalProps, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TenantOwned } from '../db/tenant-owned.entity.js';

export enum EmailStatus {
  /** Waiting for the delivery job (or for its next attempt after a failure). */
  QUEUED = 'QUEUED',
  SENT = 'SENT',
  /** The mail server refused it for good (5xx); an admin can resend it. */
  FAILED = 'FAILED',
  /** Development without SMTP: kept for the outbox preview, not sent. */
  CAPTURED = 'CAPTURED',
}
registerEnumType(EmailStatus, { name: 'EmailStatus' });

export enum EmailTemplate {
  APPLICATION_RECEIVED = 'APPLICATION_RECEIVED',
  NEW_APPLICATION_ADMIN = 'NEW_APPLICATION_ADMIN',
  APPLICATION_APPROVED = 'APPLICATION_APPROVED',
  APPLICATION_REJECTED = 'APPLICATION_REJECTED',
  ONBOARDING_COMPLETED = 'ONBOARDING_COMPLETED',
  PAYOUT_ACCOUNT_CHANGED = 'PAYOUT_ACCOUNT_CHANGED',
  /** SPEC §7 "payment sent" (with the statement of the lines paid). */
  PAYMENT_STATEMENT = 'PAYMENT_STATEMENT',
  ONBOARDING_TASK_REMINDER = 'ONBOARDING_TASK_REMINDER',
  COMMISSION_STATEMENT = 'COMMISSION_STATEMENT',
  PARTNER_ALERT = 'PARTNER_ALERT',
  COMMISSION_RUN_READY = 'COMMISSION_RUN_READY',
  /** `inviteUser`: a staff or partner user's set-password invitation. */
  USER_INVITATION = 'USER_INVITATION',
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
@Index({ name: 'outbox_email_due_idx', expression: `create index "outbox_email_due_idx" on "outbox_email" ("next_attempt_at") where "status" = 'QUEUED'` })
@Index({ name: 'outbox_email_dedupe_key_unique', expression: `create unique index "outbox_email_dedupe_key_unique" on "outbox_email" ("tenant_id", "dedupe_key") where "dedupe_key" is not null` })
export class OutboxEmail extends TenantOwned {
  [OptionalProps]?: 'createdAt' | 'status' | 'attempts' | 'sentAt' | 'lastError' | 'toName' | 'relatedType' | 'relatedId' | 'nextAttemptAt' | 'lockedUntil' | 'dedupeKey' | 'messageId' | 'resendOf';

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

  /** When the delivery job may try again after a temporary failure (exponential back-off); null: at once. */
  @Field(() => Date, { nullable: true }) @Property({ type: 'datetime', nullable: true }) nextAttemptAt: Date | null = null;
  /** A delivery worker's claim: nobody else sends it until then (a crashed worker's claim expires). */
  @Property({ type: 'datetime', nullable: true }) lockedUntil: Date | null = null;
  /** One email per event: the same key is never queued twice for a tenant (unique index). */
  @Property({ type: 'text', nullable: true }) dedupeKey: string | null = null;
  /** The Message-ID header it is sent with (stable across retries, so receivers can drop a duplicate). */
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) messageId: string | null = null;
  /** Set on a copy an admin resent. */
  @Field(() => ID, { nullable: true }) @Property({ type: 'uuid', nullable: true }) resendOf: string | null = null;

  /** The record the email is about (e.g. `ResellerApplication`), for "emails sent" lists. */
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) relatedType: string | null = null;
  @Field(() => ID, { nullable: true }) @Property({ type: 'uuid', nullable: true }) relatedId: string | null = null;
}
