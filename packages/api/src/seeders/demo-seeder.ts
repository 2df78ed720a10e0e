import type { Actor } from '../auth/actor.js';
import { Role } from '../auth/roles.js';
import { contextFor, type AppServices } from '../app/context.js';
import { approveResellerApplication, rejectResellerApplication, startApplicationReview, submitResellerApplication } from '../modules/applications/reseller-application.service.js';
import { BusinessType, ReferralSource, ServiceInterest } from '../modules/applications/application.enums.js';
import { ResellerApplication } from '../modules/applications/reseller-application.entity.js';
import type { SubmitResellerApplicationInput } from '../modules/applications/reseller-application.inputs.js';
import { ResellerStatus, ResellerTier } from '../modules/resellers/reseller.enums.js';
import { updateResellerStatus } from '../modules/resellers/reseller.service.js';
import { findTenantBySlug } from '../modules/tenants/tenant.repository.js';
import { seedDemoCommissions } from './demo-commissions.js';
import { seedDemoCustomers } from './demo-customers.js';
import { seedDemoPayouts } from './demo-payouts.js';
import { seedDemoSuccess } from './demo-success.js';
import { createStaffUser, createTenant } from './factories.js';
import { generate } from './generator.js';

export const DEMO_PASSWORD = 'demo-password-2026';
export const DEMO_PARTNER_LOGIN = 'partner@demo.example';
/** RS-000001's owner: may change the partner's bank details in the portal. */
export const DEMO_OWNER_LOGIN = 'owner@demo.example';
/**
 * The generated part of the demo (src/seeders/generator.ts at a small size): more partners after
 * RS-000001/RS-000002 with a year of customers, billing, interactions and onboarding, so the admin
 * console's lists, analytics and health charts have true data to show.
 */
export const DEMO_GENERATED = { resellers: 30, customers: 600, months: 12, seed: 2026 } as const;
export const DEMO_LOGINS = [
  { email: 'admin@demo.example', name: 'Alex Admin', role: Role.ADMIN },
  { email: 'finance@demo.example', name: 'Fran Finance', role: Role.FINANCE },
  { email: 'partners@demo.example', name: 'Pat Partner-Manager', role: Role.PARTNER_MANAGER },
] as const;

function demoApplication(n: number, overrides: Partial<SubmitResellerApplicationInput>): SubmitResellerApplicationInput {
  return {
    companyName: `Company ${n}`,
    legalName: `Company ${n} LLC`,
    contactName: `Contact ${n}`,
    contactEmail: `contact${n}@partner.example`,
    phone: '+1 555 010 0000',
    website: null,
    businessType: BusinessType.LLC,
    yearsInBusiness: 5,
    territory: ['Springfield'],
    expectedCustomersPerMonth: 10,
    currentCustomerBase: 100,
    servicesOfInterest: [ServiceInterest.RESIDENTIAL_BROADBAND],
    referralSource: ReferralSource.SEARCH,
    message: null,
    acceptTerms: true,
    ...overrides,
  };
}

/**
 * Demo data for `pnpm start`: the demo tenant, one login per staff role, and applications that go
 * through the real services (so resellers, invitations, audit events and emails are all genuine).
 * Does nothing when the demo tenant exists.
 */
export async function seedDemo(app: AppServices): Promise<boolean> {
  if (await findTenantBySlug(app.orm.em.fork(), app.config.defaultTenantSlug)) return false;
  await app.scheduler.withoutEventJobs(() => seedDemoTenant(app));
  return true;
}

async function seedDemoTenant(app: AppServices): Promise<void> {
  const slug = app.config.defaultTenantSlug;
  const tenant = await createTenant(app.orm.em, { slug, name: 'Northwind Fiber', supportEmail: 'partners@northwind-fiber.example' });
  const staff = [];
  for (const login of DEMO_LOGINS) staff.push(await createStaffUser(app.orm.em, tenant, { ...login, password: DEMO_PASSWORD }));
  const admin = staff[0]!;
  const adminActor: Actor = { kind: 'user', tenantId: tenant.id, role: Role.ADMIN, resellerId: null, userId: admin.id, sessionId: 'seed', label: admin.email };
  // Each demo applicant gets its own address, as real applicants would (the form is rate-limited per IP).
  const asPublic = (n: number) => contextFor(app, undefined, { ip: `seed-${n}` });
  const asAdmin = () => contextFor(app, adminActor);

  const companies: Partial<SubmitResellerApplicationInput>[] = [
    { companyName: 'Riverside Connect', legalName: 'Riverside Connect LLC', contactName: 'Maria Lopez', contactEmail: 'maria@riverside-connect.example', territory: ['Riverside County', '92501'], businessType: BusinessType.LLC, servicesOfInterest: [ServiceInterest.RESIDENTIAL_BROADBAND, ServiceInterest.FIBER], referralSource: ReferralSource.REFERRAL, expectedCustomersPerMonth: 25 },
    { companyName: 'Summit Business IT', legalName: 'Summit Business IT Inc.', contactName: 'James Chen', contactEmail: 'james@summit-it.example', territory: ['Denver Metro'], businessType: BusinessType.CORPORATION, servicesOfInterest: [ServiceInterest.BUSINESS_BROADBAND, ServiceInterest.VOIP, ServiceInterest.MANAGED_WIFI], referralSource: ReferralSource.EVENT, expectedCustomersPerMonth: 12, yearsInBusiness: 11 },
    { companyName: 'Oakwood Home Services', legalName: 'Oakwood Home Services', contactName: 'Priya Patel', contactEmail: 'priya@oakwood-home.example', territory: ['Oakwood', 'Maple Grove'], businessType: BusinessType.PARTNERSHIP, servicesOfInterest: [ServiceInterest.RESIDENTIAL_BROADBAND, ServiceInterest.TV], referralSource: ReferralSource.SOCIAL_MEDIA, expectedCustomersPerMonth: 8 },
    { companyName: 'Lakeside Community Net', legalName: 'Lakeside Community Network', contactName: 'Sam Okafor', contactEmail: 'sam@lakeside-net.example', territory: ['Lakeside'], businessType: BusinessType.NON_PROFIT, servicesOfInterest: [ServiceInterest.FIXED_WIRELESS], referralSource: ReferralSource.OTHER, message: 'We run digital inclusion programmes for 3 rural towns.', expectedCustomersPerMonth: 30 },
    { companyName: 'QuickSell Deals', legalName: 'QuickSell Deals', contactName: 'Dan Quick', contactEmail: 'dan@quicksell.example', territory: ['Nationwide'], businessType: BusinessType.INDIVIDUAL, servicesOfInterest: [ServiceInterest.VOIP], referralSource: ReferralSource.ADVERTISING, yearsInBusiness: 0, expectedCustomersPerMonth: 500 },
    { companyName: 'Harbor Tech Partners', legalName: 'Harbor Tech Partners LLC', contactName: 'Elena Rossi', contactEmail: 'elena@harbortech.example', territory: ['Harbor City', '90710'], businessType: BusinessType.LLC, servicesOfInterest: [ServiceInterest.BUSINESS_BROADBAND, ServiceInterest.FIBER], referralSource: ReferralSource.EXISTING_PARTNER, expectedCustomersPerMonth: 15 },
  ];
  for (const [index, company] of companies.entries()) {
    await submitResellerApplication(asPublic(index), demoApplication(index + 1, { tenantSlug: slug, ...company }));
  }
  const applications = await asAdmin().em.find(ResellerApplication, {}, { orderBy: { createdAt: 'asc', id: 'asc' } });
  const ids = companies.map((company) => applications.find((application) => application.contactEmail === company.contactEmail)!.id);
  // Two approved partners, one rejected, one under review, two waiting.
  const first = await approveResellerApplication(asAdmin(), { applicationId: ids[0]!, tier: ResellerTier.SILVER });
  await updateResellerStatus(asAdmin(), { resellerId: first.reseller.id, status: ResellerStatus.ACTIVE, reason: 'Onboarding completed before go-live' });
  const second = await approveResellerApplication(asAdmin(), { applicationId: ids[1]!, tier: ResellerTier.GOLD });
  await rejectResellerApplication(asAdmin(), { applicationId: ids[4]!, reason: 'No business history and an unrealistic nationwide volume; please reapply with references.' });
  await startApplicationReview(asAdmin(), ids[2]!);

  // Both partners are live: the second went through onboarding too.
  await updateResellerStatus(asAdmin(), { resellerId: second.reseller.id, status: ResellerStatus.ACTIVE, reason: 'Onboarding completed' });
  // A partner login for the portal demo (the owners' invitations wait in the outbox).
  await createStaffUser(app.orm.em, tenant, { email: DEMO_PARTNER_LOGIN, name: 'Rita Riverside', role: Role.RESELLER_STAFF, password: DEMO_PASSWORD, resellerId: first.reseller.id });
  const today = app.clock.now().toISOString().slice(0, 10);
  // The generated partners' year of history goes in before the commission runs, so the runs count it.
  const { periods } = await seedDemoCommissions(asAdmin, [first.reseller, second.reseller], today, async (plans, history) => {
    await generate(app.orm, { ...DEMO_GENERATED, months: history.length, endPeriod: history.at(-1)!, today, tenantId: tenant.id, actor: adminActor, app, plans });
  });
  await seedDemoCustomers(asAdmin, [first.reseller, second.reseller], today);
  await createStaffUser(app.orm.em, tenant, { email: DEMO_OWNER_LOGIN, name: 'Maria Lopez', role: Role.RESELLER_OWNER, password: DEMO_PASSWORD, resellerId: first.reseller.id });
  const financeUser = staff[1]!;
  const financeActor: Actor = { kind: 'user', tenantId: tenant.id, role: Role.FINANCE, resellerId: null, userId: financeUser.id, sessionId: 'seed', label: financeUser.email };
  await seedDemoPayouts(
    {
      asAdmin,
      asFinance: () => contextFor(app, financeActor),
      asOwner: (user) => contextFor(app, { kind: 'user', tenantId: tenant.id, role: Role.RESELLER_OWNER, resellerId: user.reseller!.id, userId: user.id, sessionId: 'seed', label: user.email }),
      app,
      admin: adminActor,
      finance: financeActor,
    },
    [first.reseller.id, second.reseller.id],
    periods[3]!,
  );
  await seedDemoSuccess(app, adminActor, [first.reseller.id, second.reseller.id], today);
}
