import { Entity, Enum, Index, OptionalProps, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { TenantOwned } from '../db/tenant-owned.entity.js';

export enum JobRunStatus {
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}
registerEnumType(JobRunStatus, { name: 'JobRunStatus' });

export enum JobTrigger {
  SCHEDULE = 'SCHEDULE',
  MANUAL = 'MANUAL',
  EVENT = 'EVENT',
}
registerEnumType(JobTrigger, { name: 'JobTrigger', description: 'What started a job run: its schedule, an admin ("run now") or an event (a run approved, a critical alert).' });

/**
 * One execution of a workflow for a tenant. `occurrence` names what is being executed (a scheduled
 * tick, or the Agenda job of a one-off): the unique key makes "each occurrence executes once" a
 * database fact, whatever number of workers race for it. A retry of a failed occurrence reuses the row.
 */
@ObjectType('JobRun')
@Entity({ tableName: 'job_run' })
@Unique({ properties: ['tenant', 'workflow', 'occurrence'] })
@Index({ properties: ['tenant', 'workflow', 'startedAt'] })
export class JobRun extends TenantOwned {
  [OptionalProps]?: 'createdAt' | 'status' | 'attempt' | 'finishedAt' | 'durationMs' | 'error' | 'result' | 'requestedBy' | 'heartbeatAt';

  @Field() @Property({ type: 'text' }) workflow!: string;
  @Field() @Property({ type: 'text' }) occurrence!: string;

  @Field(() => JobTrigger)
  @Enum({ items: () => JobTrigger, type: 'text' })
  trigger!: JobTrigger;

  @Field(() => JobRunStatus)
  @Enum({ items: () => JobRunStatus, type: 'text' })
  status: JobRunStatus = JobRunStatus.RUNNING;

  @Field(() => Int, { description: 'How many times this occurrence was started (retries after failures or a crashed worker).' })
  @Property({ type: 'integer' })
  attempt: number = 1;

  @Field() @Property({ type: 'datetime' }) startedAt!: Date;
  @Field(() => Date, { nullable: true }) @Property({ type: 'datetime', nullable: true }) finishedAt: Date | null = null;
  @Field(() => Int, { nullable: true }) @Property({ type: 'integer', nullable: true }) durationMs: number | null = null;
  /** Set when a worker takes the run; a RUNNING row whose heartbeat is older than the lock lifetime belongs to a dead worker. */
  @Property({ type: 'datetime' }) heartbeatAt: Date = new Date();
  @Field({ description: 'The worker process that ran it (host:pid).' }) @Property({ type: 'text' }) worker!: string;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) requestedBy: string | null = null;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) error: string | null = null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: "What the run did (the service's summary)." })
  @Property({ type: 'json', nullable: true })
  result: Record<string, unknown> | null = null;
}
