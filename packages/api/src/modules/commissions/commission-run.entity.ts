import { ArrayType, BigIntType, Entity, Enum, Index, ManyToOne, OptionalProps, Property, Unique, type Rel } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { TenantOwned } from '../../db/tenant-owned.entity.js';
import { Customer } from '../customers/customer.entity.js';
import { Reseller } from '../resellers/reseller.entity.js';
import { CommissionLineKind, CommissionLineStatus, CommissionRunStatus } from './commission.enums.js';
import { CommissionPlanVersion } from './commission-plan.entity.js';

/** One execution of the monthly run for a period (SPEC §4 "Monthly run"). */
@ObjectType('CommissionRun')
@Entity({ tableName: 'commission_run' })
@Index({ properties: ['tenant', 'period', 'startedAt'] })
export class CommissionRun extends TenantOwned {
  [OptionalProps]?: 'createdAt' | 'status' | 'finishedAt' | 'progressPercent' | 'resellerCount' | 'lineCount' | 'adjustmentCount' | 'revenueCents' | 'totalCents' | 'error' | 'approvedBy' | 'approvedAt';

  @Field() @Property({ type: 'text' }) period!: string;

  @Field(() => CommissionRunStatus)
  @Enum({ items: () => CommissionRunStatus, type: 'text' })
  status: CommissionRunStatus = CommissionRunStatus.RUNNING;

  @Field() @Property({ type: 'datetime' }) startedAt!: Date;
  @Field(() => Date, { nullable: true }) @Property({ type: 'datetime', nullable: true }) finishedAt: Date | null = null;
  @Field({ description: 'Who started it (user email, API key or "system").' }) @Property({ type: 'text' }) startedBy!: string;
  @Field(() => Int, { description: 'How far a RUNNING run is, 0–100 (updated while it works, outside its transaction).' })
  @Property({ type: 'integer' })
  progressPercent: number = 0;
  @Field(() => Int) @Property({ type: 'integer' }) resellerCount: number = 0;
  @Field(() => Int) @Property({ type: 'integer' }) lineCount: number = 0;
  @Field(() => Int) @Property({ type: 'integer' }) adjustmentCount: number = 0;
  @Property({ type: new BigIntType('bigint') }) revenueCents: bigint = 0n;
  @Property({ type: new BigIntType('bigint') }) totalCents: bigint = 0n;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) error: string | null = null;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) approvedBy: string | null = null;
  @Field(() => Date, { nullable: true }) @Property({ type: 'datetime', nullable: true }) approvedAt: Date | null = null;
}

/** One commission line (per reseller, customer, period) with its calculation trace. */
@ObjectType('CommissionLine')
@Entity({ tableName: 'commission_line' })
@Index({ properties: ['tenant', 'period', 'reseller'] })
@Index({ properties: ['run'] })
// A customer's latest line (the partner dashboard): without it, each page scans the customers' lines.
@Index({ name: 'commission_line_customer_latest_index', expression: 'create index "commission_line_customer_latest_index" on "commission_line" ("tenant_id", "customer_id", "period" desc, "created_at" desc)' })
// A partner's totals per period (dashboard, history): read from the index alone.
@Index({ name: 'commission_line_reseller_period_index', expression: 'create index "commission_line_reseller_period_index" on "commission_line" ("tenant_id", "reseller_id", "period") include ("amount_cents", "status")' })
export class CommissionLine extends TenantOwned {
  [OptionalProps]?: 'createdAt' | 'run' | 'customer' | 'adjustmentForPeriod' | 'rateUnits' | 'feeCents' | 'tierIndex' | 'status' | 'sourceRecordIds' | 'sourceCountedCents';

  /** The run that computed the line; null for a line written by a decision (a dispute resolution). */
  @ManyToOne(() => CommissionRun, { deleteRule: 'cascade', nullable: true }) run: Rel<CommissionRun> | null = null;
  @Field() @Property({ type: 'text' }) period!: string;
  @ManyToOne(() => Reseller) reseller!: Rel<Reseller>;
  @ManyToOne(() => Customer, { nullable: true }) customer: Rel<Customer> | null = null;

  @Field(() => CommissionLineKind)
  @Enum({ items: () => CommissionLineKind, type: 'text' })
  kind!: CommissionLineKind;

  @Field(() => String, { nullable: true, description: 'For an adjustment: the closed period the revenue belonged to.' })
  @Property({ type: 'text', nullable: true })
  adjustmentForPeriod: string | null = null;

  @ManyToOne(() => CommissionPlanVersion) planVersion!: Rel<CommissionPlanVersion>;
  @Property({ type: new BigIntType('bigint') }) baseCents!: bigint;
  @Property({ type: 'integer', nullable: true }) rateUnits: number | null = null;
  @Property({ type: new BigIntType('bigint'), nullable: true }) feeCents: bigint | null = null;
  @Property({ type: 'integer', nullable: true }) tierIndex: number | null = null;
  @Property({ type: new BigIntType('bigint') }) amountCents!: bigint;

  @Field(() => CommissionLineStatus)
  @Enum({ items: () => CommissionLineStatus, type: 'text' })
  status: CommissionLineStatus = CommissionLineStatus.CALCULATED;

  @Field({ description: 'How the amount was calculated, in words a partner can read.' })
  @Property({ type: 'text' })
  trace!: string;

  @Property({ type: 'json' }) traceData!: Record<string, unknown>;

  /**
   * The billing records the line counted and how much of each (parallel arrays), so a later change
   * to a record becomes an adjustment. Arrays on the line rather than a row per record: a run writes
   * a million of them, and a row each (with its foreign-key checks) was most of the run's time.
   * Billing records are never deleted, so the ids cannot dangle. Lazy: only the run reads them.
   */
  @Property({ type: new ArrayType(), columnType: 'uuid[]', lazy: true, default: '{}' })
  sourceRecordIds: string[] = [];

  /** Cents counted of each record of `sourceRecordIds`, as decimal strings (bigint). */
  @Property({ type: new ArrayType(), columnType: 'bigint[]', lazy: true, default: '{}' })
  sourceCountedCents: string[] = [];
}

/** A closed period: its lines are final; later records for it become adjustments. */
@ObjectType('CommissionPeriodClose')
@Entity({ tableName: 'commission_period_close' })
@Unique({ properties: ['tenant', 'period'] })
export class CommissionPeriodClose extends TenantOwned {
  [OptionalProps]?: 'createdAt';

  @Field() @Property({ type: 'text' }) period!: string;
  @Field() @Property({ type: 'text' }) closedBy!: string;
}
