import { BigIntType, Entity, Enum, Index, ManyToOne, OptionalProps, Property, type Rel } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { TenantOwned } from '../../db/tenant-owned.entity.js';
import { Reseller } from '../resellers/reseller.entity.js';
import { CommissionLineStatus, DisputeResolution, DisputeStatus } from './commission.enums.js';
import { CommissionLine } from './commission-run.entity.js';

/** A partner's dispute of one commission line, tracked to resolution (SPEC §4). */
@ObjectType('CommissionDispute')
@Entity({ tableName: 'commission_dispute' })
@Index({ properties: ['tenant', 'status', 'createdAt'] })
// At most one open dispute per line.
@Index({ name: 'commission_dispute_one_open_per_line', expression: "create unique index commission_dispute_one_open_per_line on commission_dispute (line_id) where status = 'OPEN'" })
export class CommissionDispute extends TenantOwned {
  [OptionalProps]?: 'createdAt' | 'line' | 'status' | 'resolution' | 'correctedAmountCents' | 'resolvedBy' | 'resolvedAt';

  /** Null once a rerun of the (open) period replaced the line; the snapshot below keeps what was disputed. */
  @ManyToOne(() => CommissionLine, { deleteRule: 'set null', nullable: true }) line: Rel<CommissionLine> | null = null;
  @Field({ description: 'Period of the disputed line.' }) @Property({ type: 'text' }) period!: string;
  @Property({ type: new BigIntType('bigint') }) lineAmountCents!: bigint;
  @Field({ description: 'The disputed line’s calculation as it stood.' }) @Property({ type: 'text' }) lineTrace!: string;
  /** The line's reseller, so the reseller-scope filter shows partners their own disputes only. */
  @ManyToOne(() => Reseller) reseller!: Rel<Reseller>;

  @Field(() => DisputeStatus)
  @Enum({ items: () => DisputeStatus, type: 'text' })
  status: DisputeStatus = DisputeStatus.OPEN;

  @Field(() => DisputeResolution, { nullable: true })
  @Enum({ items: () => DisputeResolution, type: 'text', nullable: true })
  resolution: DisputeResolution | null = null;

  /** The line's status before the dispute, restored when it is resolved. */
  @Enum({ items: () => CommissionLineStatus, type: 'text' }) lineStatusBefore!: CommissionLineStatus;
  @Property({ type: new BigIntType('bigint'), nullable: true }) correctedAmountCents: bigint | null = null;
  @Field() @Property({ type: 'text' }) openedBy!: string;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) resolvedBy: string | null = null;
  @Field(() => Date, { nullable: true }) @Property({ type: 'datetime', nullable: true }) resolvedAt: Date | null = null;
}

/** One message of a dispute's thread, from the partner or the ISP. */
@ObjectType('CommissionDisputeMessage')
@Entity({ tableName: 'commission_dispute_message' })
@Index({ properties: ['dispute', 'createdAt'] })
export class CommissionDisputeMessage extends TenantOwned {
  [OptionalProps]?: 'createdAt';

  @ManyToOne(() => CommissionDispute, { deleteRule: 'cascade' }) dispute!: Rel<CommissionDispute>;
  @ManyToOne(() => Reseller) reseller!: Rel<Reseller>;
  @Field() @Property({ type: 'text' }) authorLabel!: string;
  @Field({ description: 'True when the partner wrote it, false for the ISP.' }) @Property({ type: 'boolean' }) fromPartner!: boolean;
  @Field() @Property({ type: 'text' }) body!: string;
}
