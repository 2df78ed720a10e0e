import type { AchOriginSettings } from '../payouts/nacha-writer.js';
import { Entity, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, ObjectType } from 'type-graphql';

/** Per-tenant branding for emails and the SPAs' headers. */
export interface TenantBranding {
  logoUrl: string | null;
  primaryColor: string;
  footer: string;
}

/**
 * An ISP using this deployment. Not tenant-owned itself; the tenant filter restricts a request
 * to its own tenant row (see db/filters.ts).
 */
@ObjectType('Tenant', { description: 'The ISP whose partner programme this is.' })
@Entity({ tableName: 'tenant' })
export class Tenant {
  [OptionalProps]?: 'createdAt' | 'timezone' | 'currency' | 'lastResellerNumber' | 'branding' | 'supportEmail' | 'ach';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field({ description: 'URL-safe identifier used by the portal (`?tenant=slug`).' })
  @Property({ type: 'text' })
  @Unique()
  slug!: string;

  @Field()
  @Property({ type: 'text' })
  name!: string;

  @Field({ description: 'IANA time zone; periods and schedules are in this zone.' })
  @Property({ type: 'text' })
  timezone: string = 'America/New_York';

  @Field({ description: 'ISO 4217 currency of all money amounts.' })
  @Property({ type: 'text' })
  currency: string = 'USD';

  @Field({ description: 'Where partners write to; used as the reply-to of emails.' })
  @Property({ type: 'text' })
  supportEmail: string = 'partners@example.com';

  /** Last number handed out for reseller codes (RS-000001…); bumped inside the approval transaction. */
  @Property({ type: 'integer' })
  lastResellerNumber: number = 0;

  /** The company and banks named in NACHA files (set by an admin before the first export). */
  @Property({ type: 'json', nullable: true })
  ach: AchOriginSettings | null = null;

  @Property({ type: 'json' })
  branding: TenantBranding = { logoUrl: null, primaryColor: '#1c7ed6', footer: '' };

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
