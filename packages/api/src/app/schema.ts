import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema, type NonEmptyArray } from 'type-graphql';
import { ApiKeyResolver } from '../auth/api-key.resolver.js';
import { AuthPublicResolver } from '../auth/auth.public.resolver.js';
import { AuthResolver, UserResolver } from '../auth/auth.resolver.js';
import { authChecker } from '../auth/auth-checker.js';
import { OutboxResolver } from '../emails/outbox.resolver.js';
import { AutomationResolver } from '../jobs/automation.resolver.js';
import { TenantSettingsResolver } from '../modules/tenants/tenant-settings.resolver.js';
import { ResellerApplicationPublicResolver } from '../modules/applications/reseller-application.public.resolver.js';
import { ApplicationNoteResolver, ResellerApplicationResolver } from '../modules/applications/reseller-application.resolver.js';
import { AuditResolver } from '../modules/audit/audit.resolver.js';
import { ResellerImportResolver } from '../modules/resellers/reseller-import.resolver.js';
import { ResellerResolver } from '../modules/resellers/reseller.resolver.js';
import { BillingImportResolver } from '../modules/billing/billing-import.resolver.js';
import { BillingRecordResolver } from '../modules/billing/billing-record.resolver.js';
import { CommissionLineResolver, CommissionPlanResolver, CommissionRunResolver } from '../modules/commissions/commission.resolver.js';
import { CommissionDisputeResolver } from '../modules/commissions/commission-dispute.resolver.js';
import { CommissionReconciliationResolver } from '../modules/commissions/commission-reconciliation.resolver.js';
import { CustomerCommissionResolver } from '../modules/commissions/customer-commission.resolver.js';
import { OnboardingResolver, ResellerOnboardingResolver } from '../modules/onboarding/onboarding.resolver.js';
import { CustomerAssignmentResolver, CustomerResolver } from '../modules/customers/customer.resolver.js';
import { CustomerInteractionResolver, CustomerTaskResolver } from '../modules/customers/customer-activity.resolver.js';
import { CustomerImportResolver } from '../modules/customers/customer-import.resolver.js';
import { PortfolioResolver } from '../modules/customers/portfolio.resolver.js';
import { PaymentBatchResolver, PaymentResolver, PayoutAccountResolver } from '../modules/payouts/payout.resolver.js';
import { InterventionResolver, PartnerAlertResolver, PartnerHealthResolver, PartnerHealthSnapshotResolver, PartnerTargetResolver, SuccessResolver } from '../modules/success/success.resolver.js';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const resolvers: NonEmptyArray<Function> = [
  AuthPublicResolver,
  AuthResolver,
  UserResolver,
  ApiKeyResolver,
  ResellerApplicationPublicResolver,
  ResellerApplicationResolver,
  ApplicationNoteResolver,
  ResellerResolver,
  ResellerImportResolver,
  AuditResolver,
  OutboxResolver,
  AutomationResolver,
  TenantSettingsResolver,
  CustomerResolver,
  CustomerAssignmentResolver,
  CustomerInteractionResolver,
  CustomerTaskResolver,
  CustomerImportResolver,
  PortfolioResolver,
  PayoutAccountResolver,
  PaymentBatchResolver,
  PaymentResolver,
  SuccessResolver,
  PartnerHealthResolver,
  PartnerAlertResolver,
  InterventionResolver,
  PartnerHealthSnapshotResolver,
  PartnerTargetResolver,
  BillingRecordResolver,
  BillingImportResolver,
  CommissionPlanResolver,
  CommissionRunResolver,
  CommissionLineResolver,
  CommissionDisputeResolver,
  CommissionReconciliationResolver,
  CustomerCommissionResolver,
  OnboardingResolver,
  ResellerOnboardingResolver,
];

let cached: GraphQLSchema | undefined;

/** Built once per process (type-graphql's metadata is global). */
export async function createSchema(): Promise<GraphQLSchema> {
  cached ??= await buildSchema({ resolvers, authChecker, validate: false });
  return cached;
}

/** The SDL as committed in packages/shared-schema/schema.graphql: sorted, so diffs are stable. */
export async function printedSchema(): Promise<string> {
  return printSchema(lexicographicSortSchema(await createSchema())) + '\n';
}
