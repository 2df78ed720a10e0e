import { Entity, Enum, ManyToOne, OptionalProps, Property, Unique, type Rel } from '@mikro-orm/core';
import { TenantOwned } from '../db/tenant-owned.entity.js';
import { User } from './user.entity.js';

export enum UserTokenPurpose {
  SET_PASSWORD = 'SET_PASSWORD',
}

/** A single-use emailed token (set-password invitation). Only the SHA-256 of the token is stored. */
@Entity({ tableName: 'user_token' })
export class UserToken extends TenantOwned {
  [OptionalProps]?: 'createdAt' | 'usedAt';

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: Rel<User>;

  @Enum({ items: () => UserTokenPurpose, type: 'text' })
  purpose!: UserTokenPurpose;

  @Property({ type: 'text' })
  @Unique()
  tokenHash!: string;

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  usedAt: Date | null = null;
}
