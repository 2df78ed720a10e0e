import { Entity, Enum, ManyToOne, OptionalProps, Property, Unique, type Rel } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { TenantOwned } from '../db/tenant-owned.entity.js';
import { Reseller } from '../modules/resellers/reseller.entity.js';
import { Role } from './roles.js';
import { User } from './user.entity.js';

/**
 * A credential for another system, bound to one tenant and one role (and, for a reseller role, to
 * one reseller). The secret is shown once at creation; only its SHA-256 is stored.
 */
@ObjectType('ApiKey')
@Entity({ tableName: 'api_key' })
export class ApiKey extends TenantOwned {
  [OptionalProps]?: 'createdAt' | 'lastUsedAt' | 'revokedAt' | 'reseller' | 'createdBy';

  @Field()
  @Property({ type: 'text' })
  name!: string;

  @Field({ description: 'The first characters of the key, to recognise it in a list.' })
  @Property({ type: 'text' })
  prefix!: string;

  @Property({ type: 'text', hidden: true })
  @Unique()
  keyHash!: string;

  @Field(() => Role)
  @Enum({ items: () => Role, type: 'text' })
  role!: Role;

  @ManyToOne(() => Reseller, { nullable: true })
  reseller: Rel<Reseller> | null = null;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  createdBy: Rel<User> | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  lastUsedAt: Date | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;
}
