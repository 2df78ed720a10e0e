/**
 * A tenant with realistic data of every kind, made through the real services (as the demo seeders
 * do): applications in every state, three resellers with users, customers, billing, six months of
 * commission runs, disputes, a reconciliation, payment batches in every state, onboarding, health
 * history with alerts and interventions, emails, API keys and a job run. The authorization matrix
 * builds one in each of two tenants and calls every operation with one tenant's ids.
 *
 * R1 and R2 have the same shape (a `Partner`), so a fixture can name "the partner's customer" and
 * be pointed at either: R1's when its users call, R2's when a reseller is shown another's ids.
 */
import { contextFor, type AppServices, type Context } from '../../src/app/context.js';
import type { Actor } from '../../src/auth/actor.js';
import { systemActor } from '../../src/auth/actor.js';
import { createApiKey } from '../../src/auth/api-key.service.js';
import { inviteUser } from '../../src/auth/user.service.js';
import { Role } from '../../src/auth/roles.js';
import { User } from '../../src/auth/user.entity.js';
import { OutboxEmail } from '../../src/emails/outbox-email.entity.js';
import { workflowNamed } from '../../src/jobs/workflows.js';
import { addApplicationNote, approveResellerApplication, rejectResellerApplication, submitResellerApplication } from '../../src/modules/applications/reseller-application.service.js';
import { ResellerApplication } from '../../src/modules/applications/reseller-application.entity.js';
import { BusinessType, ReferralSource, ServiceInterest } from '../../src/modules/applications/application.enums.js';
import { upsertBillingRecords } from '../../src/modules/billing/billing-record.service.js';
import { PlanType } from '../../src/modules/commissions/commission.enums.js';
import { disputeCommissionLine } from '../../src/modules/commissions/commission-dispute.service.js';
import { assignCommissionPlan, createCommissionPlan } from '../../src/modules/commissions/commission-plan.service.js';
import { reconcileCommissions } from '../../src/modules/commissions/commission-reconciliation.service.js';
import { CommissionLine } from '../../src/modules/commissions/commission-run.entity.js';
import { approveCommissionRun, closeCommissionPeriod, runCommissions } from '../../src/modules/commissions/commission-run.service.js';
import { CustomerTask, CustomerTaskStatus, InteractionOutcome, InteractionType } from '../../src/modules/customers/customer-history.entity.js';
import { assignCustomer } from '../../src/modules/customers/assignment.service.js';
import { Customer } from '../../src/modules/customers/customer.entity.js';
import { upsertCustomers } from '../../src/modules/customers/customer.service.js';
import { logCustomerInteraction } from '../../src/modules/customers/interaction.service.js';
import { CustomerStage } from '../../src/modules/customers/lifecycle.js';
import { OnboardingTask } from '../../src/modules/onboarding/onboarding-task.entity.js';
import { Payment } from '../../src/modules/payouts/payment-batch.entity.js';
import { approvePaymentBatch, createPaymentBatch } from '../../src/modules/payouts/payment-batch.service.js';
import { exportPaymentBatch } from '../../src/modules/payouts/payment-export.service.js';
import { BankAccountType } from '../../src/modules/payouts/payout-account.entity.js';
import { setMyPayoutAccount, verifyPayoutAccount } from '../../src/modules/payouts/payout-account.service.js';
import { ResellerStatus } from '../../src/modules/resellers/reseller.enums.js';
import { updateResellerStatus } from '../../src/modules/resellers/reseller.service.js';
import { AlertStatus, InterventionType, PartnerAlert } from '../../src/modules/success/success.entity.js';
import { planIntervention, recomputePartnerHealth, recordSatisfactionSurvey, setPartnerTargets } from '../../src/modules/success/success.service.js';
import { Tenant } from '../../src/modules/tenants/tenant.entity.js';
import { createStaffUser } from '../../src/seeders/factories.js';
import { addDaysToDate, firstDayOf, nextPeriod, previousPeriod } from '../../src/shared/period.js';
import { createTestTenant, login, STAFF_PASSWORD, type TestApi, type TestTenant } from '../helpers.js';

/** One reseller's data: R1 and R2 have every one of these. */
export interface Partner {
  id: string;
  code: string;
  /** A paying ACTIVE customer. */
  customer: string;
  customerExternalId: string;
  /** A PROSPECT customer (moves to LEAD). */
  prospect: string;
  /** An interaction of `customer` with an open follow-up. */
  interaction: string;
  /** An open lifecycle task of `customer`. */
  customerTask: string;
  /** An APPROVED, undisputed line of `customer` (in `periods.free`). */
  line: string;
  /** An open dispute (on a line of the partner's second customer). */
  dispute: string;
  /** Its payment in the exported batch. */
  payment: string;
  /** Onboarding tasks with no prerequisites: one the partner does, one the ISP does. */
  partnerTask: string;
  ispTask: string;
  /** An open health alert. */
  alert: string;
  /** A planned intervention. */
  intervention: string;
}

export interface WorldUser {
  email: string;
  token: string;
}

export interface World {
  label: string;
  tt: TestTenant;
  tenantId: string;
  slug: string;
  today: string;
  /**
   * Months relative to now (M): `closed` M-6 (closed, its batch exported), `exportable` M-5 (batch
   * approved), `approvable` M-4 (batch drafted), `cancellable` M-3 (batch drafted), `free` M-2
   * (approved lines in no batch yet), `calculated` M-1 (run waiting for approval), `current` M.
   */
  periods: { closed: string; exportable: string; approvable: string; cancellable: string; free: string; calculated: string; current: string; next: string };
  r1: Partner;
  r2: Partner;
  /** A third reseller, still ONBOARDING, with unverified payout details and two customers to move. */
  r3: { id: string; customers: string[] };
  unassignedCustomer: string;
  applications: { open: string; toApprove: string; toReject: string; rejected: string; openStatusToken: string; withdrawToken: string };
  /** The set-password token of an invitation (from its email). */
  setPasswordToken: string;
  plans: { standard: string; volume: string };
  runs: { calculated: string };
  batches: { exported: string; approved: string; draft: string; draftToCancel: string };
  reconciliation: { id: string; openItem: string };
  email: string;
  revocableApiKey: string;
  users: { admin: WorldUser; finance: WorldUser; partnerManager: WorldUser; owner: WorldUser; staff: WorldUser; otherOwner: WorldUser };
  /** API key secrets by role (reseller roles bound to R1). */
  keys: Record<'ADMIN' | 'FINANCE' | 'PARTNER_MANAGER' | 'RESELLER_OWNER' | 'RESELLER_STAFF', string>;
}

const MONTHLY = '1000.00';

function application(n: string, slug: string) {
  return {
    tenantSlug: slug,
    companyName: `Partner ${n}`,
    legalName: `Partner ${n} LLC`,
    contactName: `Contact ${n}`,
    contactEmail: `contact-${n}@partners.example`,
    phone: '+1 555 010 2233',
    website: null,
    businessType: BusinessType.LLC,
    yearsInBusiness: 5,
    territory: ['Springfield'],
    expectedCustomersPerMonth: 10,
    currentCustomerBase: 100,
    servicesOfInterest: [ServiceInterest.FIBER],
    referralSource: ReferralSource.REFERRAL,
    message: null,
    acceptTerms: true,
  };
}

/** Builds the world in a new tenant. `api.clock` must already stand where the test wants "now". */
export async function buildWorld(api: TestApi, label: string): Promise<World> {
  const app: AppServices = api.services;
  const tt = await createTestTenant(api, `matrix${label.toLowerCase()}`);
  const tenantId = tt.tenant.id;
  const now = api.clock.now();
  const today = now.toISOString().slice(0, 10);
  const current = today.slice(0, 7);
  const back = (n: number) => Array.from({ length: n }).reduce<string>((p) => previousPeriod(p), current);
  const periods = { closed: back(6), exportable: back(5), approvable: back(4), cancellable: back(3), free: back(2), calculated: back(1), current, next: nextPeriod(current) };

  const system = systemActor(tenantId, 'matrix-setup');
  const as = (actor: Actor, at?: Date): Context => contextFor(at ? { ...app, clock: { now: () => at } } : app, actor);
  const em = () => as(system).em;
  const userActor = async (email: string): Promise<Actor> => {
    const user = await em().findOneOrFail(User, { email });
    return { kind: 'user', tenantId, role: user.role, resellerId: user.reseller?.id ?? null, userId: user.id, sessionId: 'matrix-setup', label: user.email };
  };
  const finance = await userActor(`finance@${tt.slug}.example`);
  const admin = await userActor(`admin@${tt.slug}.example`);
  const monthAgo = new Date(now.getTime() - 30 * 86_400_000);

  // Plans: a default percentage plan (approval assigns it), and a second one to assign and version.
  const standard = await createCommissionPlan(as(system), { name: 'Standard', type: PlanType.PERCENTAGE, effectiveFrom: periods.closed, isDefault: true, terms: { rate: '0.1000', minimumPayout: '50.00' } });
  const volume = await createCommissionPlan(as(system), { name: 'Volume', type: PlanType.PERCENTAGE, effectiveFrom: periods.closed, terms: { rate: '0.1200' } });

  // Applications: three become resellers (a month ago, so onboarding tasks are overdue), the others wait.
  const submit = async (n: string) => {
    const { statusToken } = await submitResellerApplication(contextFor(app, undefined, { ip: `matrix-${label}-${n}` }), application(`${label.toLowerCase()}-${n}`, tt.slug));
    const found = await em().findOneOrFail(ResellerApplication, { contactEmail: `contact-${label.toLowerCase()}-${n}@partners.example` });
    return { id: found.id, statusToken };
  };
  const approved = [];
  for (const n of ['r1', 'r2', 'r3']) {
    const { id } = await submit(n);
    approved.push((await approveResellerApplication(as(system, monthAgo), { applicationId: id })).reseller);
  }
  const [r1, r2, r3] = approved as [(typeof approved)[number], (typeof approved)[number], (typeof approved)[number]];
  for (const reseller of [r1, r2]) await updateResellerStatus(as(system), { resellerId: reseller.id, status: ResellerStatus.ACTIVE, reason: 'Live' });
  await assignCommissionPlan(as(system), { resellerId: r2.id, planId: volume.id, effectiveFrom: periods.closed });
  const open = await submit('open');
  await addApplicationNote(as(admin), { applicationId: open.id, body: 'Strong references.' });
  const toApprove = await submit('approve');
  const toReject = await submit('reject');
  const withdraw = await submit('withdraw');
  const rejected = await submit('rejected');
  await rejectResellerApplication(as(system), { applicationId: rejected.id, reason: 'Outside our territory.' });

  // People: the partners' signed-in users (the owners approval invited stay INVITED).
  const signIn = async (email: string, role: Role, resellerId?: string): Promise<WorldUser> => {
    await createStaffUser(api.orm.em, tt.tenant, { email, name: `${role} user`, role, password: STAFF_PASSWORD, resellerId });
    return { email, token: await login(api, tt.slug, email, STAFF_PASSWORD) };
  };
  const owner = await signIn(`owner@${tt.slug}.example`, Role.RESELLER_OWNER, r1.id);
  const staff = await signIn(`staff@${tt.slug}.example`, Role.RESELLER_STAFF, r1.id);
  const otherOwner = await signIn(`other-owner@${tt.slug}.example`, Role.RESELLER_OWNER, r2.id);

  // Customers: two paying ones and a prospect per reseller, one unassigned.
  const since = firstDayOf(periods.closed);
  const rows = [
    ...[r1, r2, r3].flatMap((reseller, i) => [
      { externalId: `C${i + 1}-PAY`, name: `Paying ${i + 1}`, stage: CustomerStage.ACTIVE, resellerCode: reseller.code, assignedSince: since, mrr: MONTHLY, signupDate: since },
      { externalId: `C${i + 1}-PAY2`, name: `Paying too ${i + 1}`, stage: CustomerStage.ACTIVE, resellerCode: reseller.code, assignedSince: since, mrr: MONTHLY, signupDate: since },
      { externalId: `C${i + 1}-PROSPECT`, name: `Prospect ${i + 1}`, stage: CustomerStage.PROSPECT, resellerCode: reseller.code, assignedSince: since },
    ]),
    { externalId: 'C0-UNASSIGNED', name: 'Nobody yet', stage: CustomerStage.PROSPECT },
    // R2's customer until the `free` month, R1's since: its history and lines of both partners.
    { externalId: 'C2-MOVED', name: 'Moved to R1', stage: CustomerStage.ACTIVE, resellerCode: r2.code, assignedSince: since, mrr: MONTHLY, signupDate: since },
  ];
  await upsertCustomers(as(system), rows);
  const customers = new Map((await em().find(Customer, {})).map((c) => [c.externalId, c.id]));
  await assignCustomer(as(system), { customerId: customers.get('C2-MOVED')!, resellerId: r1.id, since: firstDayOf(periods.free), reason: 'Moved office' }, 'reassign');

  // Billing: every paying customer pays each month on the 10th, the current month included.
  const paying = rows.filter((row) => row.stage === CustomerStage.ACTIVE).map((row) => row.externalId);
  const months = [periods.closed, periods.exportable, periods.approvable, periods.cancellable, periods.free, periods.calculated, periods.current];
  await upsertBillingRecords(
    as(system),
    months.flatMap((period) => paying.map((externalId) => ({ invoiceId: `INV-${period}-${externalId}`, customerExternalId: externalId, period, invoicedAmount: MONTHLY, paidAmount: MONTHLY, paidDate: addDaysToDate(firstDayOf(period), 9) }))),
  );

  // Payout details: R1 and R2 verified, R3 entered but not verified.
  const tenant = await em().findOneOrFail(Tenant, { id: tenantId });
  const ach = { immediateDestination: '021000021', immediateDestinationName: 'JPMorgan Chase', immediateOrigin: '1234567890', immediateOriginName: 'Matrix ISP', companyName: 'Matrix ISP', companyId: '1234567890', odfiRouting: '021000021' };
  await em().nativeUpdate(Tenant, { id: tenant.id }, { ach });
  const r3Owner = await em().findOneOrFail(User, { reseller: r3.id, role: Role.RESELLER_OWNER });
  for (const [email, accountNumber] of [
    [owner.email, '000123456789'],
    [otherOwner.email, '9876543210'],
    [r3Owner.email, '55550000'],
  ] as const) {
    await setMyPayoutAccount(as(await userActor(email)), { holderName: 'Holder', routingNumber: '011000015', accountNumber, accountType: BankAccountType.CHECKING });
  }
  for (const reseller of [r1, r2]) await verifyPayoutAccount(as(finance), reseller.id);

  // Runs: the older months approved (the oldest closed), last month calculated.
  const runOf: Record<string, string> = {};
  for (const period of months.slice(0, -1)) {
    const run = await runCommissions(as(system), period);
    runOf[period] = run.id;
    if (period !== periods.calculated) await approveCommissionRun(as(system), run.id);
  }
  await closeCommissionPeriod(as(system), periods.closed);

  // Payment batches, one per state, drafted by the automation and approved by finance (four eyes).
  const batch = async (period: string) => (await createPaymentBatch(as(system), { period })).id;
  const exported = await batch(periods.closed);
  await approvePaymentBatch(as(finance), exported);
  // Credited today, so its payments can be settled now.
  await exportPaymentBatch(as(finance), { batchId: exported, effectiveDate: today });
  const approvedBatch = await batch(periods.exportable);
  await approvePaymentBatch(as(finance), approvedBatch);
  const draft = await batch(periods.approvable);
  const draftToCancel = await batch(periods.cancellable);

  // Reconciliation of the free month with one discrepancy: a payment recorded after its run.
  await upsertBillingRecords(as(system), [{ invoiceId: `INV-LATE-${label}`, customerExternalId: 'C1-PAY', period: periods.free, invoicedAmount: '250.00', paidAmount: '250.00', paidDate: addDaysToDate(firstDayOf(periods.free), 20) }]);
  const reconciliation = await reconcileCommissions(as(finance), periods.free);
  const openItem = reconciliation.items.find((item) => item.status === 'OPEN');
  if (!openItem) throw new Error('world: the reconciliation found no discrepancy');

  // Health: four recomputes over two months (history, alerts), targets, a survey.
  for (const daysAgo of [60, 30, 7, 0]) await recomputePartnerHealth(as(system, new Date(now.getTime() - daysAgo * 86_400_000)));
  await setPartnerTargets(as(system), { resellerId: r1.id, revenueTarget: '5000.00', newCustomersPerMonth: 2 });
  await recordSatisfactionSurvey(as(system), { resellerId: r1.id, rating: 4, surveyedOn: addDaysToDate(today, -10), comment: 'Fine.' });

  const partner = async (reseller: typeof r1, n: number, ownerEmail: string): Promise<Partner> => {
    const customer = customers.get(`C${n}-PAY`)!;
    const ownerActor = await userActor(ownerEmail);
    const interaction = await logCustomerInteraction(as(system), { customerId: customer, type: InteractionType.SALES_CALL, occurredOn: addDaysToDate(today, -1), outcome: InteractionOutcome.POSITIVE, followUpOn: addDaysToDate(today, 3) });
    const task = await em().findOneOrFail(CustomerTask, { customer, status: CustomerTaskStatus.OPEN });
    const lines = await em().find(CommissionLine, { reseller: reseller.id, period: periods.free, customer: { $ne: null } });
    const line = lines.find((l) => l.customer!.id === customer)!;
    const disputed = lines.find((l) => l.customer!.id === customers.get(`C${n}-PAY2`))!;
    const dispute = await disputeCommissionLine(as(ownerActor), { lineId: disputed.id, message: 'The rate should be 12 %.' });
    const payment = await em().findOneOrFail(Payment, { batch: exported, reseller: reseller.id });
    const tasks = await em().find(OnboardingTask, { reseller: reseller.id });
    const alert = await em().findOne(PartnerAlert, { reseller: reseller.id, status: AlertStatus.OPEN }, { orderBy: { createdAt: 'desc' } });
    if (!alert) throw new Error(`world: no open alert for ${reseller.code}`);
    const intervention = await planIntervention(as(system), { resellerId: reseller.id, type: InterventionType.CHECK_IN_CALL, owner: 'Pat', dueDate: addDaysToDate(today, 5) });
    return {
      id: reseller.id,
      code: reseller.code,
      customer,
      customerExternalId: `C${n}-PAY`,
      prospect: customers.get(`C${n}-PROSPECT`)!,
      interaction: interaction.id,
      customerTask: task.id,
      line: line.id,
      dispute: dispute.id,
      payment: payment.id,
      partnerTask: tasks.find((t) => t.key === 'setup_002')!.id,
      ispTask: tasks.find((t) => t.key === 'technical_001')!.id,
      alert: alert.id,
      intervention: intervention.id,
    };
  };

  // Emails, API keys, a job run.
  // An invitation of today (the owners' of a month ago have expired): its link holds the set-password token.
  const invited = await inviteUser(as(admin), { email: `invited@${tt.slug}.example`, name: 'Invited Finance', role: Role.FINANCE });
  const invitation = await em().findOneOrFail(OutboxEmail, { toAddress: invited.email });
  const setPasswordToken = decodeURIComponent(/set-password\?token=([^&\s"]+)/.exec(invitation.text)![1]!);
  const keyFor = async (role: Role) => (await createApiKey(as(system), { name: `Matrix ${role}`, role, resellerId: role === Role.RESELLER_OWNER || role === Role.RESELLER_STAFF ? r1.id : null })).secret;
  const keys = {} as World['keys'];
  for (const role of [Role.ADMIN, Role.FINANCE, Role.PARTNER_MANAGER, Role.RESELLER_OWNER, Role.RESELLER_STAFF] as const) keys[role] = await keyFor(role);
  const revocable = await createApiKey(as(system), { name: 'To revoke', role: Role.FINANCE });
  await app.scheduler.runInline(workflowNamed('system-health')!, tenantId, 'matrix-setup');

  return {
    label,
    tt,
    tenantId,
    slug: tt.slug,
    today,
    periods,
    r1: await partner(r1, 1, owner.email),
    r2: await partner(r2, 2, otherOwner.email),
    r3: { id: r3.id, customers: [customers.get('C3-PAY')!, customers.get('C3-PAY2')!] },
    unassignedCustomer: customers.get('C0-UNASSIGNED')!,
    applications: { open: open.id, toApprove: toApprove.id, toReject: toReject.id, rejected: rejected.id, openStatusToken: open.statusToken, withdrawToken: withdraw.statusToken },
    setPasswordToken,
    plans: { standard: standard.id, volume: volume.id },
    runs: { calculated: runOf[periods.calculated]! },
    batches: { exported, approved: approvedBatch, draft, draftToCancel },
    reconciliation: { id: reconciliation.id, openItem: openItem.id },
    email: invitation.id,
    revocableApiKey: revocable.apiKey.id,
    users: {
      admin: { email: `admin@${tt.slug}.example`, token: tt.tokens.admin },
      finance: { email: `finance@${tt.slug}.example`, token: tt.tokens.finance },
      partnerManager: { email: `partnermanager@${tt.slug}.example`, token: tt.tokens.partnerManager },
      owner,
      staff,
      otherOwner,
    },
    keys,
  };
}
