import { Entity, Enum, Index, OptionalProps, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { TenantOwned } from '../../db/tenant-owned.entity.js';
import { BusinessType } from '../applications/application.enums.js';
import { ResellerStatus, ResellerTier } from './reseller.enums.js';

/** A channel partner, created by approving its application (SPEC §2.2–2.3). */
@ObjectType('Reseller')
@Entity({ tableName: 'reseller' })
@Unique({ properties: ['tenant', 'code'] })
@Index({ properties: ['tenant', 'createdAt', 'id'] })
export class Reseller extends TenantOwned {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'status' | 'tier' | 'website' | 'statusChangedAt';

  @Field({ description: 'Sequential per tenant: RS-000001, RS-000002, …' })
  @Property({ type: 'text' })
  code!: string;

  @Field() @Property({ type: 'text' }) companyName!: string;
  @Field() @Property({ type: 'text' }) legalName!: string;
  @Field() @Property({ type: 'text' }) contactName!: string;
  @Field() @Property({ type: 'text' }) contactEmail!: string;
  @Field() @Property({ type: 'text' }) phone!: string;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) website: string | null = null;

  @Field(() => BusinessType)
  @Enum({ items: () => BusinessType, type: 'text' })
  businessType!: BusinessType;

  @Field(() => [String])
  @Property({ type: 'json' })
  territory!: string[];

  @Field(() => ResellerStatus)
  @Enum({ items: () => ResellerStatus, type: 'text' })
  status: ResellerStatus = ResellerStatus.ONBOARDING;

  @Field(() => ResellerTier)
  @Enum({ items: () => ResellerTier, type: 'text' })
  tier: ResellerTier = ResellerTier.BRONZE;

  @Field()
  @Property({ type: 'datetime' })
  approvedAt!: Date;

  @Field()
  @Property({ type: 'datetime' })
  statusChangedAt: Date = new Date();

  @Field()
  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
