import { BigIntType, Entity, Enum, Index, ManyToOne, OptionalProps, Property, Unique, type Rel } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TenantOwned } from '../../db/tenant-owned.entity.js';
import { Reseller } from '../resellers/reseller.entity.js';
import { AlertSeverity } from './alert-rules.js';
import { HealthBand, type PartnerHealthComponent } from './partner-health.js';

/** Per-reseller targets (SPEC §5: $25,000 paid revenue and 5 new customers a month until set). */
@ObjectType('PartnerTargets')
@Entity({ tableName: 'partner_target' })
@Unique({ properties: ['reseller'] })
export class PartnerTarget extends TenantOwned {
  [OptionalProps]?: 'createdAt' | 'updatedAt';
  @ManyToOne(() => Reseller, { deleteRule: 'cascade' }) reseller!: Rel<Reseller>;
  @Property({ type: new BigIntType('bigint') }) revenueTargetCents!: bigint;
  @Field(() => Int) @Property({ type: 'integer' }) newCustomersPerMonth!: number;
  @Field() @Property({ type: 'text' }) updatedBy!: string;
  @Field() @Property({ type: 'datetime', onUpdate: () => new Date() }) updatedAt: Date = new Date();
}

/** A satisfaction survey the ISP ran with the partner (rating 1–5). */
@ObjectType('SatisfactionSurvey')
@Entity({ tableName: 'satisfaction_survey' })
@Index({ properties: ['reseller', 'surveyedOn'] })
export class SatisfactionSurvey extends TenantOwned {
  [OptionalProps]?: 'createdAt' | 'comment';
  @ManyToOne(() => Reseller, { deleteRule: 'cascade' }) reseller!: Rel<Reseller>;
  @Field(() => Int, { description: '1 (very unhappy) to 5 (very happy).' }) @Property({ type: 'smallint' }) rating!: number;
  @Field({ description: 'YYYY-MM-DD' }) @Property({ type: 'date' }) surveyedOn!: string;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) comment: string | null = null;
  @Field() @Property({ type: 'text' }) recordedBy!: string;
}

/** The score of one reseller on one day, with its components and the inputs it was computed from. */
@ObjectType('PartnerHealthSnapshot')
@Entity({ tableName: 'partner_health_snapshot' })
@Unique({ properties: ['reseller', 'computedOn'] })
@Index({ properties: ['tenant', 'computedOn'] })
export class PartnerHealthSnapshot extends TenantOwned {
  [OptionalProps]?: 'createdAt';
  @ManyToOne(() => Reseller, { deleteRule: 'cascade' }) reseller!: Rel<Reseller>;
  @Field({ description: 'YYYY-MM-DD' }) @Property({ type: 'date' }) computedOn!: string;
  @Field(() => Int, { nullable: true }) @Property({ type: 'smallint', nullable: true }) score!: number | null;
  @Field(() => HealthBand, { nullable: true }) @Enum({ items: () => HealthBand, type: 'text', nullable: true }) band!: HealthBand | null;
  @Property({ type: 'json' }) components!: PartnerHealthComponent[];
  @Property({ type: 'json' }) inputs!: Record<string, unknown>;
}

export enum AlertStatus {
  OPEN = 'OPEN',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  RESOLVED = 'RESOLVED',
}
registerEnumType(AlertStatus, { name: 'AlertStatus' });

/** An alert a rule raised; never a second open one for the same rule and reseller (partial unique index). */
@ObjectType('PartnerAlert')
@Entity({ tableName: 'partner_alert' })
@Index({ properties: ['tenant', 'status', 'severity'] })
@Index({ name: 'partner_alert_one_open_per_rule', expression: "create unique index partner_alert_one_open_per_rule on partner_alert (reseller_id, rule) where status <> 'RESOLVED'" })
export class PartnerAlert extends TenantOwned {
  [OptionalProps]?: 'createdAt' | 'status' | 'acknowledgedAt' | 'acknowledgedBy' | 'resolvedAt' | 'resolvedBy' | 'resolution' | 'autoResolved';
  @ManyToOne(() => Reseller, { deleteRule: 'cascade' }) reseller!: Rel<Reseller>;
  @Field() @Property({ type: 'text' }) rule!: string;
  @Field(() => AlertSeverity) @Enum({ items: () => AlertSeverity, type: 'text' }) severity!: AlertSeverity;
  @Field(() => AlertStatus) @Enum({ items: () => AlertStatus, type: 'text' }) status: AlertStatus = AlertStatus.OPEN;
  @Field() @Property({ type: 'text' }) message!: string;
  @Field(() => Int, { nullable: true, description: 'The score when the alert was raised.' }) @Property({ type: 'smallint', nullable: true }) scoreAtOpen!: number | null;
  @Field(() => Date, { nullable: true }) @Property({ type: 'datetime', nullable: true }) acknowledgedAt: Date | null = null;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) acknowledgedBy: string | null = null;
  @Field(() => Date, { nullable: true }) @Property({ type: 'datetime', nullable: true }) resolvedAt: Date | null = null;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) resolvedBy: string | null = null;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) resolution: string | null = null;
  @Field({ description: 'Resolved by a recompute because the condition cleared.' }) @Property({ type: 'boolean' }) autoResolved: boolean = false;
}

export enum InterventionType {
  CHECK_IN_CALL = 'CHECK_IN_CALL',
  TRAINING = 'TRAINING',
  MARKETING_SUPPORT = 'MARKETING_SUPPORT',
  COMMISSION_INCENTIVE = 'COMMISSION_INCENTIVE',
  EXECUTIVE_ESCALATION = 'EXECUTIVE_ESCALATION',
  PERFORMANCE_IMPROVEMENT_PLAN = 'PERFORMANCE_IMPROVEMENT_PLAN',
}
registerEnumType(InterventionType, { name: 'InterventionType' });

export enum InterventionStatus {
  PLANNED = 'PLANNED',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  CANCELLED = 'CANCELLED',
}
registerEnumType(InterventionStatus, { name: 'InterventionStatus' });

/** Work planned to help a partner, from an alert or on its own; the score before and after shows its effect. */
@ObjectType('Intervention')
@Entity({ tableName: 'partner_intervention' })
@Index({ properties: ['tenant', 'status', 'dueDate'] })
@Index({ properties: ['reseller'] })
export class Intervention extends TenantOwned {
  [OptionalProps]?: 'createdAt' | 'status' | 'outcome' | 'scoreAfter' | 'completedAt' | 'alert' | 'notes';
  @ManyToOne(() => Reseller, { deleteRule: 'cascade' }) reseller!: Rel<Reseller>;
  @ManyToOne(() => PartnerAlert, { nullable: true, deleteRule: 'set null' }) alert: Rel<PartnerAlert> | null = null;
  @Field(() => InterventionType) @Enum({ items: () => InterventionType, type: 'text' }) type!: InterventionType;
  @Field({ description: 'Who does it.' }) @Property({ type: 'text' }) owner!: string;
  @Field({ description: 'YYYY-MM-DD' }) @Property({ type: 'date' }) dueDate!: string;
  @Field(() => InterventionStatus) @Enum({ items: () => InterventionStatus, type: 'text' }) status: InterventionStatus = InterventionStatus.PLANNED;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) notes: string | null = null;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) outcome: string | null = null;
  @Field(() => Int, { nullable: true, description: 'The score when it was planned.' }) @Property({ type: 'smallint', nullable: true }) scoreBefore!: number | null;
  @Field(() => Int, { nullable: true, description: 'The score when it was done.' }) @Property({ type: 'smallint', nullable: true }) scoreAfter: number | null = null;
  @Field(() => Date, { nullable: true }) @Property({ type: 'datetime', nullable: true }) completedAt: Date | null = null;
  @Field() @Property({ type: 'text' }) createdBy!: string;
}
