import { Entity, Enum, Index, OptionalProps, Property } from '@mikro-orm/core';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { TenantOwned } from '../../db/tenant-owned.entity.js';

export enum ActorType {
  USER = 'USER',
  API_KEY = 'API_KEY',
  PUBLIC = 'PUBLIC',
  SYSTEM = 'SYSTEM',
}
registerEnumType(ActorType, { name: 'ActorType' });

/** Who did what to which record, when and why. Append-only. */
@ObjectType('AuditEvent')
@Entity({ tableName: 'audit_event' })
@Index({ properties: ['tenant', 'entityType', 'entityId', 'createdAt'] })
export class AuditEvent extends TenantOwned {
  [OptionalProps]?: 'createdAt' | 'actorId' | 'reason' | 'data';

  @Field(() => ActorType)
  @Enum({ items: () => ActorType, type: 'text' })
  actorType!: ActorType;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'uuid', nullable: true })
  actorId: string | null = null;

  @Field({ description: 'A readable name of the actor at the time (user email, key name, "public").' })
  @Property({ type: 'text' })
  actorLabel!: string;

  @Field({ description: 'Dotted verb, e.g. `application.approved`.' })
  @Property({ type: 'text' })
  action!: string;

  @Field()
  @Property({ type: 'text' })
  entityType!: string;

  @Field(() => ID)
  @Property({ type: 'uuid' })
  entityId!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  reason: string | null = null;

  @Field(() => GraphQLJSONObject)
  @Property({ type: 'json' })
  data: Record<string, unknown> = {};
}
