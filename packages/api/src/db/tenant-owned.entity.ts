import { ManyToOne, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, ObjectType } from 'type-graphql';
import { Tenant } from '../modules/tenants/tenant.entity.js';

/**
 * Base of every tenant-owned entity. The `tenant` filter (db/filters.ts) applies to every entity
 * that has this `tenant` property, and the tenant guard subscriber refuses to write a row for any
 * tenant but the EntityManager's own, so isolation never depends on remembering a `where`.
 */
@ObjectType()
export abstract class TenantOwned {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Tenant, { deleteRule: 'cascade' })
  tenant!: Rel<Tenant>;

  @Field()
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
