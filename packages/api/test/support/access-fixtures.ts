/**
 * The fixture registry of the authorization matrix: which entity each ID argument or input field
 * addresses, and the value every slot takes in a world (by the slot's name, by its entity for ids,
 * or — where the generic value cannot work — by its exact coordinate, with the reason).
 */
import { getNamedType, type GraphQLSchema } from 'graphql';
import type { Role } from '../../src/auth/roles.js';
import { addDaysToDate } from '../../src/shared/period.js';
import { STAFF_PASSWORD } from '../helpers.js';
import type { Partner, World } from './access-world.js';
import { inputSlots, isIdSlot, rootOperations, type Fill, type InputSlot } from './schema-walk.js';

/** What an ID slot addresses. */
export type IdTarget = { entity: string } | { byArgument: string; reason: string } | { notAnEntity: string };

/** ID slots by name, for every operation. */
const ID_ENTITY_BY_NAME: Record<string, string> = {
  resellerId: 'Reseller',
  fromResellerId: 'Reseller',
  toResellerId: 'Reseller',
  customerId: 'Customer',
  applicationId: 'ResellerApplication',
  alertId: 'PartnerAlert',
  interventionId: 'Intervention',
  disputeId: 'CommissionDispute',
  lineId: 'CommissionLine',
  runId: 'CommissionRun',
  batchId: 'PaymentBatch',
  paymentId: 'Payment',
  planId: 'CommissionPlan',
  interactionId: 'CustomerInteraction',
  reconciliationId: 'CommissionReconciliation',
  apiKeyId: 'ApiKey',
};

/** ID slots whose name does not say it (or that address no row of their own). */
const ID_TARGET_BY_COORDINATE: Record<string, IdTarget> = {
  'Mutation.completeCustomerTask(input.taskId)': { entity: 'CustomerTask' },
  'Mutation.completeOnboardingTask(input.taskId)': { entity: 'OnboardingTask' },
  'Mutation.resolveReconciliationItem(input.itemId)': { notAnEntity: "a discrepancy inside its reconciliation's JSON, reached through reconciliationId" },
  'Query.auditEvents(entityId)': { byArgument: 'entityType', reason: 'the audit trail of any kind of record' },
};

/**
 * The target of an ID slot: by coordinate, by name, or — for an argument named `id` — the entity
 * the operation returns. Undefined when nothing says (a new ID argument must be added here).
 */
export function idTarget(slot: InputSlot, entities: ReadonlySet<string>): IdTarget | undefined {
  const target = ID_TARGET_BY_COORDINATE[slot.coordinate] ?? (ID_ENTITY_BY_NAME[slot.name] ? { entity: ID_ENTITY_BY_NAME[slot.name]! } : undefined);
  if (target) return 'entity' in target && !entities.has(target.entity) ? undefined : target;
  if (slot.name === 'id' && slot.path.length === 1) {
    const returned = getNamedType(slot.operation.field.type).name;
    if (entities.has(returned)) return { entity: returned };
  }
  return undefined;
}

/** Every ID slot of the schema that no mapping covers (the matrix cannot say what it addresses). */
export function unmappedIdSlots(schema: GraphQLSchema, entities: ReadonlySet<string>): string[] {
  return rootOperations(schema)
    .flatMap(inputSlots)
    .filter((slot) => isIdSlot(slot) && !idTarget(slot, entities))
    .map((slot) => slot.coordinate);
}

/** The caller a value is for: onboarding tasks differ for partners and the ISP. */
export interface FixtureCaller {
  role?: Role;
  isReseller: boolean;
}

type Provider = (world: World, partner: Partner, caller: FixtureCaller) => unknown;

/** Ids by the entity they address: the partner's own record where it has one. */
const ENTITY_FIXTURE: Record<string, Provider> = {
  Reseller: (_w, p) => p.id,
  Customer: (_w, p) => p.customer,
  ResellerApplication: (w) => w.applications.open,
  OutboxEmail: (w) => w.email,
  Payment: (_w, p) => p.payment,
  PaymentBatch: (w) => w.batches.exported,
  CommissionRun: (w) => w.runs.calculated,
  CommissionReconciliation: (w) => w.reconciliation.id,
  CommissionDispute: (_w, p) => p.dispute,
  CommissionLine: (_w, p) => p.line,
  CommissionPlan: (w) => w.plans.volume,
  CustomerInteraction: (_w, p) => p.interaction,
  CustomerTask: (_w, p) => p.customerTask,
  // Each onboarding task is done by one side (SPEC §2.4): partners get one of theirs, staff one of the ISP's.
  OnboardingTask: (_w, p, caller) => (caller.isReseller ? p.partnerTask : p.ispTask),
  PartnerAlert: (_w, p) => p.alert,
  Intervention: (_w, p) => p.intervention,
  ApiKey: (w) => w.revocableApiKey,
};

let counter = 0;
/** A value no call has used before (emails, names, external ids that must not collide). */
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;

/** Values by slot name, for every operation. */
const BY_NAME: Record<string, Provider> = {
  period: (w) => w.periods.free,
  effectiveFrom: (w) => w.periods.next,
  from: (w) => addDaysToDate(w.today, -90),
  to: (w) => w.today,
  tenantSlug: (w) => w.slug,
  slug: (w) => w.slug,
  entityType: () => 'Reseller',
  email: () => `${unique('invited')}@matrix.example`,
  contactEmail: () => `${unique('applicant')}@matrix.example`,
  name: () => unique('Matrix'),
  externalId: () => unique('MX-CUSTOMER'),
  invoiceId: () => unique('MX-INV'),
  customerExternalId: (_w, p) => p.customerExternalId,
  invoicedAmount: () => '100.00',
  rate: () => '0.1100',
  revenueTarget: () => '4000.00',
  occurredOn: (w) => addDaysToDate(w.today, -1),
  dueDate: (w) => addDaysToDate(w.today, 7),
  phone: () => '+1 555 010 2233',
  acceptTerms: () => true,
  password: () => 'matrix-password-2026',
  routingNumber: () => '011000015',
  accountNumber: () => '000111222333',
  immediateDestination: () => '021000021',
  immediateOrigin: () => '1234567890',
  companyId: () => '1234567890',
  odfiRouting: () => '021000021',
  supportEmail: () => 'support@matrix.example',
  primaryColor: () => '#1c7ed6',
  // The tenant's own zone: another one would move every schedule.
  timezone: (w) => w.tt.tenant.timezone,
  workflow: () => 'system-health',
  cron: () => '0 3 * * *',
  enabled: () => true,
  itemId: (w) => w.reconciliation.openItem,
};

const customerCsv = () => `external_id,name\n${unique('MX-CSV')},CSV Customer\n`;

/** Values for one exact slot, where the generic one cannot work. */
const BY_COORDINATE: Record<string, Provider> = {
  // Sign-in needs a real account; the tokens are the ones the world's emails and applications hold.
  'Mutation.login(input.email)': (w) => w.users.admin.email,
  'Mutation.login(input.password)': () => STAFF_PASSWORD,
  'Mutation.setPassword(input.token)': (w) => w.setPasswordToken,
  'Query.resellerApplicationStatus(token)': (w) => w.applications.openStatusToken,
  'Mutation.withdrawResellerApplication(input.token)': (w) => w.applications.withdrawToken,
  // Decisions are final: each gets an application of its own.
  'Mutation.approveResellerApplication(input.applicationId)': (w) => w.applications.toApprove,
  'Mutation.rejectResellerApplication(input.applicationId)': (w) => w.applications.toReject,
  // R3 is still ONBOARDING (R1 is ACTIVE already), and its payout details are not verified yet.
  'Mutation.updateResellerStatus(input.resellerId)': (w) => w.r3.id,
  'Mutation.updateResellerStatus(input.status)': () => 'ACTIVE',
  'Mutation.verifyPayoutAccount(input.resellerId)': (w) => w.r3.id,
  // Assignment needs an unassigned customer; moving customers takes them from R3, not from the partner under test.
  'Mutation.assignCustomer(input.customerId)': (w) => w.unassignedCustomer,
  'Mutation.reassignCustomer(input.customerId)': (w) => w.r3.customers[0],
  'Mutation.reassignCustomers(input.fromResellerId)': (w) => w.r3.id,
  // A move the lifecycle allows: the prospect becomes a lead.
  'Mutation.moveCustomerStage(input.customerId)': (_w, p) => p.prospect,
  'Mutation.moveCustomerStage(input.to)': () => 'LEAD',
  // Batches in the state each step needs; R2's exported payment fails while R1's settles.
  'Mutation.approvePaymentBatch(input.batchId)': (w) => w.batches.draft,
  'Mutation.cancelPaymentBatch(input.batchId)': (w) => w.batches.draftToCancel,
  'Mutation.exportPaymentBatch(input.batchId)': (w) => w.batches.approved,
  'Mutation.markPaymentFailed(input.paymentId)': (w) => w.r2.payment,
  // Runs: this month is open and not run yet; the oldest approved month is next to close.
  'Mutation.runCommissions(input.period)': (w) => w.periods.current,
  'Mutation.closeCommissionPeriod(input.period)': (w) => w.periods.exportable,
  'Mutation.createCommissionPlan(input.type)': () => 'PERCENTAGE',
  // The cron given is for a workflow on a cron schedule (system health runs on an interval).
  'Mutation.updateJobSchedule(input.workflow)': () => 'daily-cycle',
  // UPHELD needs a corrected amount.
  'Mutation.resolveCommissionDispute(input.resolution)': () => 'REJECTED',
  'Mutation.updateIntervention(input.status)': () => 'IN_PROGRESS',
  // A reseller-role key and a partner user need their reseller; a staff role must not have one.
  'Mutation.createApiKey(input.role)': () => 'RESELLER_STAFF',
  'Mutation.inviteUser(input.role)': () => 'RESELLER_STAFF',
  // CSV files with the header each import expects.
  'Query.previewCustomerImport(input.csv)': customerCsv,
  'Mutation.importCustomersCsv(input.csv)': customerCsv,
  'Query.previewBillingImport(input.csv)': (w, p) => `invoice_id,customer_external_id,period,invoiced_amount\n${unique('MX-CSV-INV')},${p.customerExternalId},${w.periods.free},10.00\n`,
  'Mutation.importBillingRecordsCsv(input.csv)': (w, p) => `invoice_id,customer_external_id,period,invoiced_amount\n${unique('MX-CSV-INV')},${p.customerExternalId},${w.periods.free},10.00\n`,
  'Mutation.importResellersCsv(input.csv)': () => `company_name,legal_name,contact_name,contact_email,phone,business_type\nCSV Partner,CSV Partner LLC,Casey,${unique('csv')}@matrix.example,+1 555 010 2233,LLC\n`,
};

export interface FillOptions {
  world: World;
  partner: Partner;
  caller: FixtureCaller;
  /** Optional ID slots to fill (by coordinate); the others stay empty. */
  optionalIds: ReadonlySet<string>;
  entities: ReadonlySet<string>;
}

/** The registry as a `Fill` for schema-walk's buildArguments. */
export function fixtureFill({ world, partner, caller, optionalIds, entities }: FillOptions): Fill {
  return (slot) => {
    const byCoordinate = BY_COORDINATE[slot.coordinate];
    if (isIdSlot(slot)) {
      if (!slot.required && !optionalIds.has(slot.coordinate)) return { value: undefined };
      if (byCoordinate) return { value: byCoordinate(world, partner, caller) };
      const target = idTarget(slot, entities);
      if (target && 'entity' in target && ENTITY_FIXTURE[target.entity]) return { value: ENTITY_FIXTURE[target.entity]!(world, partner, caller) };
      if (target && 'byArgument' in target) return { value: ENTITY_FIXTURE[BY_NAME[target.byArgument]!(world, partner, caller) as string]!(world, partner, caller) };
      const byName = BY_NAME[slot.name];
      return byName ? { value: byName(world, partner, caller) } : undefined;
    }
    if (byCoordinate) return { value: byCoordinate(world, partner, caller) };
    const byName = BY_NAME[slot.name];
    return byName ? { value: byName(world, partner, caller) } : undefined;
  };
}

/** The entity an ID slot's value names in a given call (for `byArgument` targets, from the sibling argument). */
export function entityOfValue(slot: InputSlot, entities: ReadonlySet<string>): string | undefined {
  const target = idTarget(slot, entities);
  if (!target || 'notAnEntity' in target) return undefined;
  if ('entity' in target) return target.entity;
  return BY_NAME[target.byArgument]?.({} as World, {} as Partner, { isReseller: false }) as string;
}
