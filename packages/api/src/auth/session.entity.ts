import { Entity, ManyToOne, OptionalProps, Property, type Rel } from '@mikro-orm/core';
import { TenantOwned } from '../db/tenant-owned.entity.js';
import { User } from './user.entity.js';

/**
 * A sign-in. The signed token carries this row's id, so logout (revokedAt) really ends the
 * session even though the token's signature and expiry are still valid.
 */
@Entity({ tableName: 'user_session' })
export class Session extends TenantOwned {
  [OptionalProps]?: 'createdAt' | 'revokedAt';

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: Rel<User>;

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;
}
