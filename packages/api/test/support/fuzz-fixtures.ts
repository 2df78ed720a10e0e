/**
 * Real records of the bad-input test's tenant, made through the services (as the demo seeders do),
 * so generated ids name things that exist and a call gets past NOT_FOUND into its validation.
 *
 * A fixture is made on first use and kept until a case that used it is accepted (the mutation may
 * have changed or consumed it: an approved application, a settled payment); the next use then makes
 * a fresh one. Fixtures whose making needs a commission run take the next "maker period", moving
 * forward from 2023-01, so a period the fuzzing closed never stands in their way.
 */
import { randomBytes } from 'node:crypto';
import { contextFor, type Context } from '../../src/app/context.js';
import type { Actor } from '../../src/auth/actor.js';
import { createApiKey } from '../../src/auth/api-key.service.js';
import { Role } from '../../src/auth/roles.js';
import { User } from '../../src/auth/user.entity.js';
import { createInvitedUser } from '../../src/auth/user.service.js';
import { tenantEntityManager } from '../../src/db/scope.js';
import { OutboxEmail } from '../../src/emails/outbox-email.entity.js';
import { BusinessType, ReferralSource, ServiceInterest } from '../../src/modules/applications/application.enums.js';
import { approveResellerApplication, submitResellerApplication } from '../../src/modules/applications/reseller-application.service.js';
import { upsertBillingRecords } from '../../src/modules/billing/billing-record.service.js';
import { PlanType } from '../../src/modules/commissions/commission.enums.js';
import { disputeCommissionLine } from '../../src/modules/commissions/commission-dispute.service.js';
import { assignCommissionPlan, createCommissionPlan, lastClosedPeriod } from '../../src/modules/commissions/commission-plan.service.js';
import { reconcileCommissions } from '../../src/modules/commissions/commission-reconciliation.service.js';
import { CommissionLine, CommissionRun } from '../../src/modules/commissions/commission-run.entity.js';
import { approveCommissionRun, runCommissions } from '../../src/modules/commissions/commission-run.service.js';
import { CommissionLineStatus, CommissionRunStatus } from '../../src/modules/commissions/commission.enums.js';
import { CommissionDispute } from '../../src/modules/commissions/commission-dispute.entity.js';
import { CustomerTask, CustomerTaskStatus, InteractionOutcome, InteractionType } from '../../src/modules/customers/customer-history.entity.js';
import { Customer } from '../../src/modules/customers/customer.entity.js';
import { upsertCustomers } from '../../src/modules/customers/customer.service.js';
import { logCustomerInteraction } from '../../src/modules/customers/interaction.service.js';
import { OnboardingTask, OnboardingTaskOwner, OnboardingTaskStatus } from '../../src/modules/onboarding/onboarding-task.entity.js';
import { Payment, PaymentBatch } from '../../src/modules/payouts/payment-batch.entity.js';
import { approvePaymentBatch, createPaymentBatch } from '../../src/modules/payouts/payment-batch.service.js';
import { exportPaymentBatch } from '../../src/modules/payouts/payment-export.service.js';
import { BankAccountType, PayoutAccount } from '../../src/modules/payouts/payout-account.entity.js';
import { setMyPayoutAccount, verifyPayoutAccount } from '../../src/modules/payouts/payout-account.service.js';
import { Reseller } from '../../src/modules/resellers/reseller.entity.js';
import { ResellerStatus, ResellerTier } from '../../src/modules/resellers/reseller.enums.js';
import { upsertResellers } from '../../src/modules/resellers/reseller-import.service.js';
import { AlertSeverity } from '../../src/modules/success/alert-rules.js';
import { AlertStatus, InterventionType, PartnerAlert } from '../../src/modules/success/success.entity.js';
import { planIntervention } from '../../src/modules/success/success.service.js';
import { Tenant } from '../../src/modules/tenants/tenant.entity.js';
import { addDaysToDate, dateInZone, firstDayOf, nextPeriod } from '../../src/shared/period.js';
import { createStaffUser } from '../../src/seeders/factories.js';
import { createTestTenant, login, STAFF_PASSWORD, type TestApi, type TestTenant } from '../helpers.js';

/** A symbolic value in a generated case: the id (or another property) of a fixture, resolved just before the call. */
export class FixtureRef {
  constructor(
    readonly kind: FixtureKind,
    readonly property = 'id',
  ) {}
  toString() {
    return `fixture(${this.kind}${this.property === 'id' ? '' : `.${this.property}`})`;
  }
}

/** A value that must be new on every call (an email address, an external id). */
export class Fresh {
  constructor(
    readonly label: string,
    readonly make: (n: number) => string,
  ) {}
  toString() {
    return `fresh(${this.label})`;
  }
}

type Made = Record<string, string>;

export const FIXTURE_KINDS = [
  'tenantSlug',
  'application',
  'applicationToken',
  'invitationToken',
  'reseller',
  'activeReseller',
  'unverifiedPayoutReseller',
  'customer',
  'unassignedCustomer',
  'interaction',
  'customerTask',
  'ispOnboardingTask',
  'plan',
  'calculatedRun',
  'ownLine',
  'openDispute',
  'reconciliationItem',
  'draftBatch',
  'approvedBatch',
  'exportedPayment',
  'openAlert',
  'intervention',
  // Periods: one no fixture used yet (open), the next one to close (its run approved), one with approved unpaid lines.
  'openPeriod',
  'closablePeriod',
  'payablePeriod',
  'apiKey',
  'outboxEmail',
  'staffEmail',
  // Another tenant's records: they must answer NOT_FOUND, never act.
  'foreignReseller',
  'foreignCustomer',
  'foreignApplication',
  'foreignPlan',
] as const;
export type FixtureKind = (typeof FIXTURE_KINDS)[number];

/** Kinds a fixture keeps across accepted calls, with the mutations that do change them. */
const DURABLE: Partial<Record<FixtureKind, string[]>> = {
  tenantSlug: [],
  staffEmail: [],
  foreignReseller: [],
  foreignCustomer: [],
  foreignApplication: [],
  foreignPlan: [],
  outboxEmail: [],
  plan: [],
  activeReseller: ['upsertResellers', 'importResellersCsv'],
  reseller: ['updateResellerStatus', 'upsertResellers', 'importResellersCsv'],
  customer: ['moveCustomerStage', 'reassignCustomer', 'reassignCustomers', 'upsertCustomers', 'importCustomersCsv'],
};

export interface Callers {
  ADMIN: string;
  FINANCE: string;
  RESELLER_OWNER: string;
}

export class Fixtures {
  private made = new Map<FixtureKind, Made>();
  private counter = 0;
  private makerPeriod = '2023-01';
  /** How many of each kind were made and how long that took (printed with the summary). */
  readonly costs = new Map<FixtureKind, { count: number; ms: number }>();

  private constructor(
    readonly api: TestApi,
    readonly tt: TestTenant,
    readonly other: TestTenant,
    readonly callers: Callers,
    readonly actors: { admin: Actor; finance: Actor; owner: Actor },
    readonly ownReseller: Reseller,
    private readonly foreign: Record<'foreignReseller' | 'foreignCustomer' | 'foreignApplication' | 'foreignPlan', Made>,
  ) {}

  /** The tenant, its staff, a default plan, reseller A with an owner (verified bank details) and another tenant. */
  static async create(api: TestApi): Promise<Fixtures> {
    const tt = await createTestTenant(api, 'fuzz');
    const other = await createTestTenant(api, 'fuzzother');
    const userActor = async (tenant: TestTenant, email: string): Promise<Actor> => {
      const user = await tenantEntityManager(api.orm.em, tenant.tenant.id).findOneOrFail(User, { email });
      return { kind: 'user', tenantId: tenant.tenant.id, role: user.role, resellerId: user.reseller?.id ?? null, userId: user.id, sessionId: 'fixture', label: user.email };
    };
    const admin = await userActor(tt, `admin@${tt.slug}.example`);
    const finance = await userActor(tt, `finance@${tt.slug}.example`);
    const otherAdmin = await userActor(other, `admin@${other.slug}.example`);
    const as = (actor: Actor) => contextFor(api.services, actor);

    const em = tenantEntityManager(api.orm.em, tt.tenant.id);
    const tenant = await em.findOneOrFail(Tenant, { id: tt.tenant.id });
    tenant.ach = { immediateDestination: '021000021', immediateDestinationName: 'JPMorgan Chase Bank', immediateOrigin: '1841234567', immediateOriginName: 'Fuzz Networks', companyName: 'Fuzz Networks', companyId: '1841234567', odfiRouting: '021000021' };
    await em.flush();

    const standard = await createCommissionPlan(as(admin), { name: 'Standard', type: PlanType.PERCENTAGE, effectiveFrom: '2022-01', isDefault: true, terms: { rate: '0.1000', minimumPayout: '1.00' } });
    await createCommissionPlan(as(otherAdmin), { name: 'Other', type: PlanType.PERCENTAGE, effectiveFrom: '2022-01', isDefault: true, terms: { rate: '0.1000' } });

    const approve = async (tenant: TestTenant, actor: Actor, label: string) => {
      const n = randomBytes(4).toString('hex');
      const submitted = await submitResellerApplication(contextFor(api.services, undefined, { ip: `fixture-${n}` }), application(tenant.slug, `${label}-${n}`));
      const application_ = await tenantEntityManager(api.orm.em, tenant.tenant.id).findOneOrFail('ResellerApplication', { contactEmail: submitted.application.contactEmail } as never);
      const { reseller } = await approveResellerApplication(as(actor), { applicationId: (application_ as { id: string }).id, tier: ResellerTier.SILVER });
      return reseller;
    };
    const ownReseller = await approve(tt, admin, 'owner');
    await tenantEntityManager(api.orm.em, tt.tenant.id).nativeUpdate(Reseller, { id: ownReseller.id }, { status: ResellerStatus.ACTIVE });
    // Its own plan from the first period on, so a default plan the fuzzing creates (a cap, a holding period) never changes what the fixtures' runs compute.
    await assignCommissionPlan(as(admin), { resellerId: ownReseller.id, planId: standard.id, effectiveFrom: '2022-01' });
    const ownerEmail = `owner@${tt.slug}.example`;
    await createStaffUser(api.orm.em, tt.tenant, { email: ownerEmail, name: 'Owner', role: Role.RESELLER_OWNER, password: STAFF_PASSWORD, resellerId: ownReseller.id });
    const owner = await userActor(tt, ownerEmail);
    await setMyPayoutAccount(as(owner), { holderName: 'Owner Reseller LLC', routingNumber: '011000015', accountNumber: '004417889012', accountType: BankAccountType.CHECKING });
    await verifyPayoutAccount(as(finance), ownReseller.id);

    const foreignReseller = await approve(other, otherAdmin, 'foreign');
    await upsertCustomers(as(otherAdmin), [{ externalId: 'FOREIGN-1', name: 'Foreign Customer', resellerCode: foreignReseller.code }]);
    const otherEm = tenantEntityManager(api.orm.em, other.tenant.id);
    const foreignCustomer = await otherEm.findOneOrFail(Customer, { externalId: 'FOREIGN-1' });
    const foreignApplication = await submitResellerApplication(contextFor(api.services, undefined, { ip: 'fixture-foreign' }), application(other.slug, `foreign-open-${randomBytes(3).toString('hex')}`));
    const foreignApplicationId = (await otherEm.findOneOrFail('ResellerApplication', { contactEmail: foreignApplication.application.contactEmail } as never)) as { id: string };
    const foreignPlan = (await otherEm.findOneOrFail('CommissionPlan', { name: 'Other' } as never)) as { id: string };

    const callers: Callers = { ADMIN: tt.tokens.admin, FINANCE: tt.tokens.finance, RESELLER_OWNER: await login(api, tt.slug, ownerEmail, STAFF_PASSWORD) };
    return new Fixtures(api, tt, other, callers, { admin, finance, owner }, ownReseller, {
      foreignReseller: { id: foreignReseller.id, code: foreignReseller.code },
      foreignCustomer: { id: foreignCustomer.id, externalId: foreignCustomer.externalId },
      foreignApplication: { id: foreignApplicationId.id },
      foreignPlan: { id: foreignPlan.id },
    });
  }

  as(actor: 'admin' | 'finance' | 'owner'): Context {
    return contextFor(this.api.services, this.actors[actor]);
  }

  fresh(): number {
    return ++this.counter;
  }

  /** A fixture of a kind, made now when there is none. */
  async get(kind: FixtureKind): Promise<Made> {
    const existing = this.made.get(kind);
    if (existing && (await this.stillUsable(kind, existing))) return existing;
    const started = Date.now();
    const made = await this.make(kind);
    const cost = this.costs.get(kind) ?? { count: 0, ms: 0 };
    this.costs.set(kind, { count: cost.count + 1, ms: cost.ms + Date.now() - started });
    this.made.set(kind, made);
    return made;
  }

  /**
   * A case of `mutation` that used these fixtures was accepted: the ones it may have changed are
   * made afresh next time. Durable kinds survive what most mutations do to them (a plan gets a
   * version, a reseller a target), except for the mutations listed with them.
   */
  consumed(mutation: string, kinds: Iterable<FixtureKind>) {
    for (const kind of kinds) {
      const durable = DURABLE[kind];
      if (!durable || durable.includes(mutation)) this.made.delete(kind);
    }
  }

  /** Fixtures other calls may change on the side (a health recompute resolves alerts whose rule no longer fires). */
  private async stillUsable(kind: FixtureKind, made: Made): Promise<boolean> {
    if (kind === 'openAlert') return (await this.em().count(PartnerAlert, { id: made.id!, status: AlertStatus.OPEN })) === 1;
    return true;
  }

  private em() {
    return tenantEntityManager(this.api.orm.em, this.tt.tenant.id);
  }

  /** A period no fixture used yet and after the last closed one (a fuzzed call may have closed any period that had an approved run). */
  private async nextMakerPeriod(): Promise<string> {
    const closed = await lastClosedPeriod(this.em());
    if (closed && this.makerPeriod <= closed) this.makerPeriod = nextPeriod(closed);
    const period = this.makerPeriod;
    this.makerPeriod = nextPeriod(period);
    return period;
  }

  private async newReseller(status: ResellerStatus.ACTIVE | ResellerStatus.ONBOARDING): Promise<Reseller> {
    const n = this.fresh();
    const result = await upsertResellers(this.as('admin'), [
      { companyName: `Fixture Partner ${n}`, legalName: `Fixture Partner ${n} LLC`, contactName: 'Pat Fixture', contactEmail: `fixture-partner-${n}-${randomBytes(3).toString('hex')}@example.com`, phone: '+1 555 010 2000', businessType: BusinessType.LLC, status },
    ]);
    return this.em().findOneOrFail(Reseller, { code: result.rows[0]!.code! });
  }

  /** A customer of `reseller` paid in a new maker period, and that period's run (CALCULATED lines). */
  private async billedRun(reseller: Reseller): Promise<{ run: CommissionRun; customer: Customer; period: string }> {
    const period = await this.nextMakerPeriod();
    const n = this.fresh();
    const externalId = `FIX-${n}-${randomBytes(3).toString('hex')}`;
    await upsertCustomers(this.as('admin'), [{ externalId, name: `Fixture Customer ${n}`, resellerCode: reseller.code, assignedSince: '2022-01-01', stage: 'ACTIVE' as never }]);
    await upsertBillingRecords(this.as('admin'), [{ invoiceId: `FIX-INV-${externalId}`, customerExternalId: externalId, period, invoicedAmount: '1000.00', paidAmount: '1000.00', paidDate: addDaysToDate(firstDayOf(period), 9) }]);
    const run = await runCommissions(this.as('admin'), period);
    const customer = await this.em().findOneOrFail(Customer, { externalId });
    return { run, customer, period };
  }

  /** Reseller A's bank details may have been changed by a fuzzed call: verified again so it can be paid. */
  private async ensureOwnAccountVerified() {
    const account = await this.em().findOne(PayoutAccount, { reseller: this.ownReseller.id });
    if (account && !account.verifiedAt) await verifyPayoutAccount(this.as('finance'), this.ownReseller.id);
  }

  private async draftBatch(): Promise<PaymentBatch> {
    await this.ensureOwnAccountVerified();
    const { run, period } = await this.billedRun(this.ownReseller);
    await approveCommissionRun(this.as('admin'), run.id);
    return createPaymentBatch(this.as('finance'), { period });
  }

  private async make(kind: FixtureKind): Promise<Made> {
    switch (kind) {
      case 'tenantSlug':
        return { id: this.tt.slug };
      case 'staffEmail':
        return { id: `admin@${this.tt.slug}.example`, password: STAFF_PASSWORD };
      case 'foreignReseller':
      case 'foreignCustomer':
      case 'foreignApplication':
      case 'foreignPlan':
        return this.foreign[kind];
      case 'application':
      case 'applicationToken': {
        const n = this.fresh();
        const submitted = await submitResellerApplication(contextFor(this.api.services, undefined, { ip: `fixture-app-${n}` }), application(this.tt.slug, `fixture-app-${n}-${randomBytes(3).toString('hex')}`));
        const row = (await this.em().findOneOrFail('ResellerApplication', { contactEmail: submitted.application.contactEmail } as never)) as { id: string };
        return { id: row.id, token: submitted.statusToken };
      }
      case 'invitationToken': {
        const em = this.em();
        const tenant = await em.findOneOrFail(Tenant, { id: this.tt.tenant.id });
        const n = this.fresh();
        const { token } = createInvitedUser(em, tenant, this.api.clock.now(), { email: `invited-${n}-${randomBytes(3).toString('hex')}@example.com`, name: `Invited ${n}`, role: Role.FINANCE, reseller: null });
        await em.flush();
        return { id: token };
      }
      case 'reseller':
        return { id: (await this.newReseller(ResellerStatus.ONBOARDING)).id };
      case 'activeReseller': {
        const reseller = await this.newReseller(ResellerStatus.ACTIVE);
        return { id: reseller.id, code: reseller.code };
      }
      case 'unverifiedPayoutReseller': {
        const reseller = await this.newReseller(ResellerStatus.ACTIVE);
        const owner: Actor = { ...(this.actors.owner as Extract<Actor, { kind: 'user' }>), resellerId: reseller.id, label: `owner of ${reseller.code}` };
        await setMyPayoutAccount(contextFor(this.api.services, owner), { holderName: `${reseller.companyName}`, routingNumber: '091000019', accountNumber: '7730019925', accountType: BankAccountType.SAVINGS });
        return { id: reseller.id };
      }
      case 'customer':
      case 'unassignedCustomer': {
        const reseller = kind === 'customer' ? await this.get('activeReseller') : null;
        const n = this.fresh();
        const externalId = `FIX-C-${n}-${randomBytes(3).toString('hex')}`;
        await upsertCustomers(this.as('admin'), [{ externalId, name: `Fixture Customer ${n}`, email: `c${n}@customers.example`, resellerCode: reseller?.code ?? null, assignedSince: reseller ? '2022-01-01' : null, stage: 'ACTIVE' as never }]);
        const customer = await this.em().findOneOrFail(Customer, { externalId });
        return { id: customer.id, externalId };
      }
      case 'interaction': {
        const customer = await this.get('customer');
        const today = this.api.clock.now().toISOString().slice(0, 10);
        const interaction = await logCustomerInteraction(this.as('admin'), { customerId: customer.id!, type: InteractionType.SALES_CALL, occurredOn: today, outcome: InteractionOutcome.POSITIVE, followUpOn: addDaysToDate(today, 3) });
        return { id: interaction.id };
      }
      case 'customerTask': {
        const n = this.fresh();
        const externalId = `FIX-T-${n}-${randomBytes(3).toString('hex')}`;
        await upsertCustomers(this.as('admin'), [{ externalId, name: `Task Customer ${n}` }]);
        const customer = await this.em().findOneOrFail(Customer, { externalId });
        const task = await this.em().findOneOrFail(CustomerTask, { customer, status: CustomerTaskStatus.OPEN });
        return { id: task.id };
      }
      case 'ispOnboardingTask': {
        const reseller = await this.newReseller(ResellerStatus.ONBOARDING);
        const tasks = await this.em().find(OnboardingTask, { reseller, owner: OnboardingTaskOwner.ISP, status: { $ne: OnboardingTaskStatus.COMPLETED } });
        // One without prerequisites, so a valid call can complete it.
        const task = tasks.find((t) => t.key === 'technical_001') ?? tasks[0]!;
        return { id: task.id };
      }
      case 'plan': {
        const closed = await lastClosedPeriod(this.em());
        const effectiveFrom = closed && closed >= '2022-01' ? nextPeriod(closed) : '2022-01';
        const plan = await createCommissionPlan(this.as('admin'), { name: `Fixture plan ${this.fresh()}`, type: PlanType.PERCENTAGE, effectiveFrom, terms: { rate: '0.0500' } });
        return { id: plan.id };
      }
      case 'calculatedRun': {
        const { run } = await this.billedRun(this.ownReseller);
        return { id: run.id };
      }
      case 'ownLine': {
        const { run, customer } = await this.billedRun(this.ownReseller);
        const line = await this.em().findOneOrFail(CommissionLine, { run, reseller: this.ownReseller.id, customer: customer.id, status: CommissionLineStatus.CALCULATED });
        return { id: line.id };
      }
      case 'openDispute': {
        // The new customer's own line (not a reseller-level cap line a fuzzed default plan may add).
        const { run, customer } = await this.billedRun(this.ownReseller);
        const line = await this.em().findOneOrFail(CommissionLine, { run, reseller: this.ownReseller.id, customer: customer.id });
        const dispute = await disputeCommissionLine(this.as('owner'), { lineId: line.id, message: 'The amount looks wrong to us.' });
        return { id: dispute.id };
      }
      case 'reconciliationItem': {
        // Revenue of an unassigned customer in a period: reconciliation reports it as an item.
        const period = await this.nextMakerPeriod();
        const n = this.fresh();
        const externalId = `FIX-U-${n}-${randomBytes(3).toString('hex')}`;
        await upsertCustomers(this.as('admin'), [{ externalId, name: `Unassigned ${n}` }]);
        await upsertBillingRecords(this.as('admin'), [{ invoiceId: `FIX-UINV-${externalId}`, customerExternalId: externalId, period, invoicedAmount: '250.00', paidAmount: '250.00', paidDate: addDaysToDate(firstDayOf(period), 4) }]);
        const reconciliation = await reconcileCommissions(this.as('finance'), period);
        return { id: reconciliation.id, itemId: reconciliation.items[0]!.id };
      }
      case 'openPeriod':
        return { id: await this.nextMakerPeriod() };
      case 'payablePeriod': {
        await this.ensureOwnAccountVerified();
        const { run, period } = await this.billedRun(this.ownReseller);
        await approveCommissionRun(this.as('admin'), run.id);
        return { id: period };
      }
      case 'closablePeriod': {
        // Periods close in order: the one after the last closed (or a new one), with its run approved.
        const closed = await lastClosedPeriod(this.em());
        if (!closed) {
          const { run, period } = await this.billedRun(this.ownReseller);
          await approveCommissionRun(this.as('admin'), run.id);
          return { id: period };
        }
        const period = nextPeriod(closed);
        if (this.makerPeriod <= period) this.makerPeriod = nextPeriod(period);
        if (!(await this.em().count(CommissionRun, { period, status: CommissionRunStatus.APPROVED }))) {
          const latest = await this.em().findOne(CommissionRun, { period, status: CommissionRunStatus.COMPLETED }, { orderBy: { startedAt: 'desc' } });
          const run = latest ?? (await runCommissions(this.as('admin'), period));
          await approveCommissionRun(this.as('admin'), run.id);
        }
        return { id: period };
      }
      case 'draftBatch':
        return { id: (await this.draftBatch()).id };
      case 'approvedBatch': {
        const batch = await this.draftBatch();
        await approvePaymentBatch(this.as('admin'), batch.id);
        return { id: batch.id };
      }
      case 'exportedPayment': {
        const batch = await this.draftBatch();
        await approvePaymentBatch(this.as('admin'), batch.id);
        // Effective today on the tenant's clock (whatever zone a fuzzed call moved it to), so settling is allowed.
        const tenant = await this.em().findOneOrFail(Tenant, { id: this.tt.tenant.id });
        await exportPaymentBatch(this.as('finance'), { batchId: batch.id, effectiveDate: dateInZone(this.api.clock.now(), tenant.timezone) });
        const payment = await this.em().findOneOrFail(Payment, { batch: batch.id });
        return { id: payment.id };
      }
      case 'openAlert': {
        const em = this.em();
        const reseller = await this.get('activeReseller');
        const alert = em.create(PartnerAlert, { tenant: em.getReference(Tenant, this.tt.tenant.id), reseller: em.getReference(Reseller, reseller.id!), rule: `fixture-${this.fresh()}`, severity: AlertSeverity.MEDIUM, message: 'Fixture alert', scoreAtOpen: 55, status: AlertStatus.OPEN });
        await em.flush();
        return { id: alert.id };
      }
      case 'intervention': {
        const reseller = await this.get('activeReseller');
        const today = this.api.clock.now().toISOString().slice(0, 10);
        const intervention = await planIntervention(this.as('admin'), { resellerId: reseller.id!, type: InterventionType.TRAINING, owner: 'Pat', dueDate: addDaysToDate(today, 10) });
        return { id: intervention.id };
      }
      case 'apiKey': {
        const { apiKey } = await createApiKey(this.as('admin'), { name: `Fixture key ${this.fresh()}`, role: Role.FINANCE });
        return { id: apiKey.id };
      }
      case 'outboxEmail': {
        const email = await this.em().findOneOrFail(OutboxEmail, {}, { orderBy: { createdAt: 'asc' } });
        return { id: email.id };
      }
    }
  }

  /** Facts the run prints and the checks use. */
  async describe() {
    const em = this.em();
    return {
      resellers: await em.count(Reseller, {}),
      customers: await em.count(Customer, {}),
      runs: await em.count(CommissionRun, { status: { $in: [CommissionRunStatus.COMPLETED, CommissionRunStatus.APPROVED] } }),
      disputes: await em.count(CommissionDispute, {}),
    };
  }
}

function application(tenantSlug: string, label: string) {
  return {
    tenantSlug,
    companyName: `Applicant ${label}`,
    legalName: `Applicant ${label} LLC`,
    contactName: 'Jordan Smith',
    contactEmail: `${label}@applicants.example`,
    phone: '+1 (555) 010-2233',
    website: 'https://applicant.example',
    businessType: BusinessType.LLC,
    yearsInBusiness: 4,
    territory: ['Springfield'],
    expectedCustomersPerMonth: 12,
    currentCustomerBase: 250,
    servicesOfInterest: [ServiceInterest.FIBER],
    referralSource: ReferralSource.REFERRAL,
    message: null,
    acceptTerms: true,
  };
}
