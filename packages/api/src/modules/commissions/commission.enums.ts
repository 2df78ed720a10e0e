import { registerEnumType } from 'type-graphql';

export enum PlanType {
  PERCENTAGE = 'PERCENTAGE',
  FLAT_FEE = 'FLAT_FEE',
  TIERED = 'TIERED',
}
registerEnumType(PlanType, { name: 'PlanType' });

export enum TierMode {
  WHOLE = 'WHOLE',
  MARGINAL = 'MARGINAL',
}
registerEnumType(TierMode, { name: 'TierMode' });

export enum CommissionRunStatus {
  RUNNING = 'RUNNING',
  COMPLETED = 'COMPLETED',
  FAILED = 'FAILED',
  APPROVED = 'APPROVED',
}
registerEnumType(CommissionRunStatus, { name: 'CommissionRunStatus' });

export enum CommissionLineKind {
  /** A customer's commission for revenue counted in the period. */
  CUSTOMER = 'CUSTOMER',
  /** The reseller-level cut when the monthly cap is reached (negative). */
  CAP = 'CAP',
  /** A late or changed record of a closed period, counted in the first open period. */
  ADJUSTMENT = 'ADJUSTMENT',
}
registerEnumType(CommissionLineKind, { name: 'CommissionLineKind' });

export enum CommissionLineStatus {
  CALCULATED = 'CALCULATED',
  APPROVED = 'APPROVED',
  PAID = 'PAID',
  DISPUTED = 'DISPUTED',
  REVERSED = 'REVERSED',
}
registerEnumType(CommissionLineStatus, { name: 'CommissionLineStatus' });

export enum DisputeStatus {
  OPEN = 'OPEN',
  RESOLVED = 'RESOLVED',
}
registerEnumType(DisputeStatus, { name: 'DisputeStatus' });

export enum DisputeResolution {
  /** The partner was right: the difference is paid (or recovered) as an approved adjustment. */
  UPHELD = 'UPHELD',
  /** The line stands as calculated. */
  REJECTED = 'REJECTED',
}
registerEnumType(DisputeResolution, { name: 'DisputeResolution' });

export enum CommissionReportGroup {
  RESELLER = 'RESELLER',
  PLAN = 'PLAN',
  TIER = 'TIER',
  STATUS = 'STATUS',
}
registerEnumType(CommissionReportGroup, { name: 'CommissionReportGroup' });
