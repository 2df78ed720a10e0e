import { Entity, Enum, Index, ManyToOne, OptionalProps, Property, Unique, type Rel } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { TenantOwned } from '../db/tenant-owned.entity.js';
import { Reseller } from '../modules/resellers/reseller.entity.js';
import { Role } from './roles.js';

export enum UserStatus {
  /** Created with a set-password invitation that is not used yet. */
  INVITED = 'INVITED',
  ACTIVE = 'ACTIVE',
  DISABLED = 'DISABLED',
}
registerEnumType(UserStatus, { name: 'UserStatus' });

/** A person who signs in: ISP staff (no reseller) or a reseller's user (with its reseller). */
@ObjectType('User')
@Entity({ tableName: 'app_user' })
@Unique({ properties: ['tenant', 'email'] })
export class User extends TenantOwned {
  [OptionalProps]?: 'createdAt' | 'status' | 'passwordHash' | 'reseller' | 'lastLoginAt';

  @Field()
  @Property({ type: 'text' })
  email!: string;

  @Field()
  @Property({ type: 'text' })
  name!: string;

  /** argon2id; null until the invited user sets a password. Never exposed. */
  @Property({ type: 'text', nullable: true, hidden: true, lazy: false })
  passwordHash: string | null = null;

  @Field(() => Role)
  @Enum({ items: () => Role, type: 'text' })
  role!: Role;

  @ManyToOne(() => Reseller, { nullable: true })
  @Index()
  reseller: Rel<Reseller> | null = null;

  @Field(() => UserStatus)
  @Enum({ items: () => UserStatus, type: 'text' })
  status: UserStatus = UserStatus.INVITED;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  lastLoginAt: Date | null = null;
}
