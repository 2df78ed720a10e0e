import { Entity, Enum, Index, ManyToOne, OptionalProps, Property, Unique, type Rel } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { TenantOwned } from '../../db/tenant-owned.entity.js';
import { User } from '../../auth/user.entity.js';
import { Reseller } from '../resellers/reseller.entity.js';
import { ApplicationStatus, BusinessType, ReferralSource, ServiceInterest } from './application.enums.js';

/** A public application to become a reseller (SPEC §2.1). */
@ObjectType('ResellerApplication')
@Entity({ tableName: 'reseller_application' })
@Index({ properties: ['tenant', 'createdAt', 'id'] })
// The duplicate guard: one open application per contact email per tenant, enforced by the database.
@Index({
  name: 'reseller_application_one_open_per_email',
  expression:
    "create unique index reseller_application_one_open_per_email on reseller_application (tenant_id, contact_email) where status in ('SUBMITTED', 'UNDER_REVIEW')",
})
export class ResellerApplication extends TenantOwned {
  [OptionalProps]?:
    | 'createdAt'
    | 'updatedAt'
    | 'status'
    | 'reviewer'
    | 'reviewStartedAt'
    | 'decidedBy'
    | 'decidedAt'
    | 'rejectionReason'
    | 'reseller'
    | 'withdrawnAt';

  @Field(() => ApplicationStatus)
  @Enum({ items: () => ApplicationStatus, type: 'text' })
  status: ApplicationStatus = ApplicationStatus.SUBMITTED;

  @Field() @Property({ type: 'text' }) companyName!: string;
  @Field() @Property({ type: 'text' }) legalName!: string;
  @Field() @Property({ type: 'text' }) contactName!: string;
  /** Stored lower-cased, so the duplicate guard is case-insensitive. */
  @Field() @Property({ type: 'text' }) contactEmail!: string;
  @Field() @Property({ type: 'text' }) phone!: string;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) website!: string | null;

  @Field(() => BusinessType)
  @Enum({ items: () => BusinessType, type: 'text' })
  businessType!: BusinessType;

  @Field(() => Int) @Property({ type: 'integer' }) yearsInBusiness!: number;

  @Field(() => [String], { description: 'Regions or postcodes the partner will sell in.' })
  @Property({ type: 'json' })
  territory!: string[];

  @Field(() => Int) @Property({ type: 'integer' }) expectedCustomersPerMonth!: number;
  @Field(() => Int) @Property({ type: 'integer' }) currentCustomerBase!: number;

  @Field(() => [ServiceInterest])
  @Property({ type: 'json' })
  servicesOfInterest!: ServiceInterest[];

  @Field(() => ReferralSource)
  @Enum({ items: () => ReferralSource, type: 'text' })
  referralSource!: ReferralSource;

  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) message!: string | null;

  @Field({ description: 'When the applicant accepted the partner terms.' })
  @Property({ type: 'datetime' })
  termsAcceptedAt!: Date;

  /** SHA-256 of the status token returned at submission (the applicant's only credential). */
  @Property({ type: 'text', hidden: true })
  @Unique()
  statusTokenHash!: string;

  /** For the per-IP rate limit and abuse investigation; not exposed. */
  @Property({ type: 'text', nullable: true, hidden: true })
  submittedIp!: string | null;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  reviewer: Rel<User> | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  reviewStartedAt: Date | null = null;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  decidedBy: Rel<User> | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  decidedAt: Date | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  rejectionReason: string | null = null;

  @ManyToOne(() => Reseller, { nullable: true, deleteRule: 'set null', unique: true })
  reseller: Rel<Reseller> | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  withdrawnAt: Date | null = null;

  @Field()
  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
