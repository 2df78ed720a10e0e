import { Entity, Index, ManyToOne, OptionalProps, Property, type Rel } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { TenantOwned } from '../../db/tenant-owned.entity.js';
import { User } from '../../auth/user.entity.js';
import { ResellerApplication } from './reseller-application.entity.js';

/** A reviewer's note on an application (internal to the ISP). */
@ObjectType('ApplicationNote')
@Entity({ tableName: 'application_note' })
export class ApplicationNote extends TenantOwned {
  [OptionalProps]?: 'createdAt';

  @ManyToOne(() => ResellerApplication, { deleteRule: 'cascade' })
  @Index()
  application!: Rel<ResellerApplication>;

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  author!: Rel<User>;

  @Field()
  @Property({ type: 'text' })
  body!: string;
}
