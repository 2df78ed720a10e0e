import { JobRun } from '../jobs/job-run.entity.js';
import { ApiKey } from '../auth/api-key.entity.js';
import { Session } from '../auth/session.entity.js';
import { User } from '../auth/user.entity.js';
import { UserToken } from '../auth/user-token.entity.js';
import { OutboxEmail } from '../emails/outbox-email.entity.js';
import { ApplicationNote } from '../modules/applications/application-note.entity.js';
import { ResellerApplication } from '../modules/applications/reseller-application.entity.js';
import { AuditEvent } from '../modules/audit/audit-event.entity.js';
import { Reseller } from '../modules/resellers/reseller.entity.js';
import { Tenant } from '../modules/tenants/tenant.entity.js';
import { BillingRecord } from '../modules/billing/billing-record.entity.js';
import { CommissionPlan, CommissionPlanAssignment, CommissionPlanVersion } from '../modules/commissions/commission-plan.entity.js';
import { CommissionLine, CommissionPeriodClose, CommissionRun } from '../modules/commissions/commission-run.entity.js';
import { CommissionDispute, CommissionDisputeMessage } from '../modules/commissions/commission-dispute.entity.js';
import { CommissionReconciliation } from '../modules/commissions/commission-reconciliation.entity.js';
import { OnboardingTask } from '../modules/onboarding/onboarding-task.entity.js';
import { CustomerAssignment } from '../modules/customers/customer-assignment.entity.js';
import { Customer } from '../modules/customers/customer.entity.js';
import { CustomerInteraction, CustomerStageTransition, CustomerTask } from '../modules/customers/customer-history.entity.js';
import { PayoutAccount } from '../modules/payouts/payout-account.entity.js';
import { Payment, PaymentBatch, PaymentFile, PaymentItem } from '../modules/payouts/payment-batch.entity.js';
import { Intervention, PartnerAlert, PartnerHealthSnapshot, PartnerTarget, SatisfactionSurvey } from '../modules/success/success.entity.js';
import { TenantOwned } from './tenant-owned.entity.js';

/** Every entity, listed explicitly (no folder scanning: it breaks under bundlers and is slow). */
export const entities = [
  TenantOwned,
  Tenant,
  User,
  UserToken,
  Session,
  ApiKey,
  ResellerApplication,
  ApplicationNote,
  Reseller,
  AuditEvent,
  OutboxEmail,
  Customer,
  CustomerAssignment,
  CustomerStageTransition,
  CustomerInteraction,
  CustomerTask,
  BillingRecord,
  CommissionPlan,
  CommissionPlanVersion,
  CommissionPlanAssignment,
  CommissionRun,
  CommissionLine,
  CommissionPeriodClose,
  CommissionDispute,
  CommissionDisputeMessage,
  CommissionReconciliation,
  OnboardingTask,
  PayoutAccount,
  PaymentBatch,
  Payment,
  PaymentItem,
  PaymentFile,
  PartnerTarget,
  SatisfactionSurvey,
  PartnerHealthSnapshot,
  PartnerAlert,
  Intervention,
  JobRun,
];
