/**
 * The access policy of every query and mutation, checked against every kind of caller. A new
 * operation without a row here fails the first test, so nothing ships without a declared rule.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { Role } from '../src/auth/roles.js';
import { createSchema } from '../src/app/schema.js';
import { createStaffUser } from '../src/seeders/factories.js';
import { APPROVE, createTestTenant, errorCode, login, startTestApi, STAFF_PASSWORD, submitApplication, type TestApi, type TestTenant } from './helpers.js';

type Caller = 'public' | 'ADMIN' | 'FINANCE' | 'PARTNER_MANAGER' | 'RESELLER_OWNER' | 'RESELLER_STAFF' | 'API_KEY_PARTNER_MANAGER';
const PUBLIC = 'PUBLIC' as const;
const ANY_SIGNED_IN = 'ANY_SIGNED_IN' as const;
const STAFF: Caller[] = ['ADMIN', 'FINANCE', 'PARTNER_MANAGER', 'API_KEY_PARTNER_MANAGER'];
const PARTNER_TEAM: Caller[] = ['ADMIN', 'PARTNER_MANAGER', 'API_KEY_PARTNER_MANAGER'];
const RESELLERS: Caller[] = ['RESELLER_OWNER', 'RESELLER_STAFF'];
const FINANCE_TEAM: Caller[] = ['ADMIN', 'FINANCE'];

const id = randomUUID();
/** operation → [who may call it, a document that calls it]. */
const POLICY: Record<string, [typeof PUBLIC | typeof ANY_SIGNED_IN | Caller[], string]> = {
  // queries
  publicTenant: [PUBLIC, `{ publicTenant { slug } }`],
  resellerApplicationStatus: [PUBLIC, `{ resellerApplicationStatus(token: "x") { status } }`],
  me: [ANY_SIGNED_IN, `{ me { role } }`],
  resellerApplications: [STAFF, `{ resellerApplications { totalCount } }`],
  resellerApplication: [STAFF, `{ resellerApplication(id: "${id}") { id } }`],
  resellers: [[...STAFF, ...RESELLERS], `{ resellers { totalCount } }`],
  reseller: [[...STAFF, ...RESELLERS], `{ reseller(id: "${id}") { id } }`],
  myReseller: [RESELLERS, `{ myReseller { id } }`],
  auditEvents: [STAFF, `{ auditEvents(entityType: "Reseller", entityId: "${id}") { id } }`],
  outboxEmails: [PARTNER_TEAM, `{ outboxEmails { totalCount } }`],
  outboxEmail: [PARTNER_TEAM, `{ outboxEmail(id: "${id}") { id } }`],
  apiKeys: [['ADMIN'], `{ apiKeys { id } }`],
  automationJobs: [['ADMIN'], `{ automationJobs { workflow } }`],
  jobRuns: [['ADMIN'], `{ jobRuns { totalCount } }`],
  systemHealth: [['ADMIN'], `{ systemHealth { healthy } }`],
  tenantSettings: [['ADMIN'], `{ tenantSettings { name } }`],
  // mutations
  submitResellerApplication: [PUBLIC, `mutation { submitResellerApplication(input: { companyName: "" legalName: "" contactName: "" contactEmail: "" phone: "" businessType: LLC yearsInBusiness: 1 territory: [] expectedCustomersPerMonth: 1 currentCustomerBase: 1 servicesOfInterest: [] referralSource: OTHER acceptTerms: false }) { statusToken } }`],
  withdrawResellerApplication: [PUBLIC, `mutation { withdrawResellerApplication(input: { token: "x" }) { application { status } } }`],
  login: [PUBLIC, `mutation { login(input: { email: "nobody@example.com", password: "x" }) { token } }`],
  setPassword: [PUBLIC, `mutation { setPassword(input: { token: "x", password: "x" }) { email } }`],
  logout: [ANY_SIGNED_IN, `mutation { logout }`],
  startApplicationReview: [PARTNER_TEAM, `mutation { startApplicationReview(input: { applicationId: "${id}" }) { application { id } } }`],
  addApplicationNote: [PARTNER_TEAM, `mutation { addApplicationNote(input: { applicationId: "${id}", body: "x" }) { application { id } } }`],
  approveResellerApplication: [PARTNER_TEAM, `mutation { approveResellerApplication(input: { applicationId: "${id}" }) { alreadyApproved } }`],
  rejectResellerApplication: [PARTNER_TEAM, `mutation { rejectResellerApplication(input: { applicationId: "${id}", reason: "x" }) { application { id } } }`],
  updateResellerStatus: [PARTNER_TEAM, `mutation { updateResellerStatus(input: { resellerId: "${id}", status: ACTIVE, reason: "x" }) { reseller { id } } }`],
  setResellerTier: [PARTNER_TEAM, `mutation { setResellerTier(input: { resellerId: "${id}", tier: GOLD, reason: "x" }) { reseller { id } } }`],
  upsertResellers: [PARTNER_TEAM, `mutation { upsertResellers(input: { resellers: [{ companyName: "", legalName: "", contactName: "", contactEmail: "", phone: "", businessType: LLC }] }) { created } }`],
  importResellersCsv: [PARTNER_TEAM, `mutation { importResellersCsv(input: { csv: "x" }) { created } }`],
  inviteUser: [['ADMIN'], `mutation { inviteUser(input: { email: "", name: "", role: FINANCE }) { user { id } } }`],
  updateMyResellerProfile: [['RESELLER_OWNER'], `mutation { updateMyResellerProfile(input: { phone: "+1 555 000 1111" }) { reseller { id } } }`],
  createApiKey: [['ADMIN'], `mutation { createApiKey(input: { name: "", role: FINANCE }) { secret } }`],
  resendEmail: [PARTNER_TEAM, `mutation { resendEmail(id: "${id}") { id } }`],
  runJobNow: [['ADMIN'], `mutation { runJobNow(workflow: "no-such-workflow") { workflow } }`],
  updateJobSchedule: [['ADMIN'], `mutation { updateJobSchedule(input: { workflow: "daily-cycle", cron: "not a cron", enabled: true }) { workflow } }`],
  updateTenantSettings: [['ADMIN'], `mutation { updateTenantSettings(input: { name: "", timezone: "x", supportEmail: "", primaryColor: "", footer: "" }) { name } }`],
  revokeApiKey: [['ADMIN'], `mutation { revokeApiKey(input: { apiKeyId: "${id}" }) { apiKey { id } } }`],
  // customers, billing and commissions
  upsertCustomers: [[...PARTNER_TEAM, 'FINANCE'], `mutation { upsertCustomers(input: { customers: [{ externalId: "", name: "" }] }) { created } }`],
  customers: [[...STAFF, ...RESELLERS], `{ customers { totalCount } }`],
  myCustomers: [RESELLERS, `{ myCustomers { totalCount } }`],
  customer: [[...STAFF, ...RESELLERS], `{ customer(id: "${id}") { id } }`],
  customerWorkDue: [[...STAFF, ...RESELLERS], `{ customerWorkDue(resellerId: "${id}") { tasks { id } } }`],
  myCustomerWorkDue: [RESELLERS, `{ myCustomerWorkDue { tasks { id } } }`],
  resellerPortfolio: [[...STAFF, ...RESELLERS], `{ resellerPortfolio(resellerId: "${id}") { customerCount } }`],
  myAnalytics: [RESELLERS, `{ myAnalytics { customerCount } }`],
  previewCustomerImport: [PARTNER_TEAM, `{ previewCustomerImport(input: { csv: "x" }) { rowCount } }`],
  importCustomersCsv: [PARTNER_TEAM, `mutation { importCustomersCsv(input: { csv: "x" }) { created } }`],
  moveCustomerStage: [[...PARTNER_TEAM, ...RESELLERS], `mutation { moveCustomerStage(input: { customerId: "${id}", to: LEAD }) { customer { id } } }`],
  assignCustomer: [PARTNER_TEAM, `mutation { assignCustomer(input: { customerId: "${id}", resellerId: "${id}" }) { customer { id } } }`],
  reassignCustomer: [PARTNER_TEAM, `mutation { reassignCustomer(input: { customerId: "${id}", resellerId: "${id}", reason: "x" }) { customer { id } } }`],
  reassignCustomers: [PARTNER_TEAM, `mutation { reassignCustomers(input: { fromResellerId: "${id}", toResellerId: "${id}", reason: "x" }) { moved } }`],
  recomputeCustomerHealth: [PARTNER_TEAM, `mutation { recomputeCustomerHealth { scored } }`],
  logCustomerInteraction: [[...PARTNER_TEAM, ...RESELLERS], `mutation { logCustomerInteraction(input: { customerId: "${id}", type: EMAIL, occurredOn: "2026-01-01", outcome: NEUTRAL }) { interaction { id } } }`],
  completeCustomerFollowUp: [[...PARTNER_TEAM, ...RESELLERS], `mutation { completeCustomerFollowUp(input: { interactionId: "${id}" }) { interaction { id } } }`],
  completeCustomerTask: [[...PARTNER_TEAM, ...RESELLERS], `mutation { completeCustomerTask(input: { taskId: "${id}" }) { task { id } } }`],
  payoutAccount: [[...STAFF, ...RESELLERS], `{ payoutAccount(resellerId: "${id}") { accountLast4 } }`],
  myPayoutAccount: [RESELLERS, `{ myPayoutAccount { accountLast4 } }`],
  achSettings: [FINANCE_TEAM, `{ achSettings { companyName } }`],
  paymentBatches: [STAFF, `{ paymentBatches { totalCount } }`],
  paymentBatch: [STAFF, `{ paymentBatch(id: "${id}") { id } }`],
  myPayments: [RESELLERS, `{ myPayments { totalCount } }`],
  payment: [[...STAFF, ...RESELLERS], `{ payment(id: "${id}") { id } }`],
  setMyPayoutAccount: [['RESELLER_OWNER'], `mutation { setMyPayoutAccount(input: { holderName: "x", routingNumber: "x", accountNumber: "x", accountType: CHECKING }) { payoutAccount { accountLast4 } } }`],
  verifyPayoutAccount: [FINANCE_TEAM, `mutation { verifyPayoutAccount(input: { resellerId: "${id}" }) { payoutAccount { accountLast4 } } }`],
  updateAchSettings: [['ADMIN'], `mutation { updateAchSettings(input: { immediateDestination: "x", immediateDestinationName: "", immediateOrigin: "", immediateOriginName: "", companyName: "", companyId: "", odfiRouting: "x" }) { companyName } }`],
  createPaymentBatch: [FINANCE_TEAM, `mutation { createPaymentBatch(input: { period: "x" }) { batch { id } } }`],
  approvePaymentBatch: [FINANCE_TEAM, `mutation { approvePaymentBatch(input: { batchId: "${id}" }) { batch { id } } }`],
  cancelPaymentBatch: [FINANCE_TEAM, `mutation { cancelPaymentBatch(input: { batchId: "${id}", reason: "x" }) { batch { id } } }`],
  exportPaymentBatch: [FINANCE_TEAM, `mutation { exportPaymentBatch(input: { batchId: "${id}" }) { file { sha256 } } }`],
  markPaymentSettled: [FINANCE_TEAM, `mutation { markPaymentSettled(input: { paymentId: "${id}" }) { payment { id } } }`],
  markPaymentFailed: [FINANCE_TEAM, `mutation { markPaymentFailed(input: { paymentId: "${id}", reason: "x" }) { payment { id } } }`],
  partnerHealth: [[...STAFF, ...RESELLERS], `{ partnerHealth(resellerId: "${id}") { score } }`],
  myHealth: [RESELLERS, `{ myHealth { score } }`],
  partnerHealthHistory: [[...STAFF, ...RESELLERS], `{ partnerHealthHistory(resellerId: "${id}", from: "2026-01-01", to: "2026-02-01") { score } }`],
  partnerAlerts: [STAFF, `{ partnerAlerts { totalCount } }`],
  interventions: [STAFF, `{ interventions { totalCount } }`],
  channelSuccessDashboard: [STAFF, `{ channelSuccessDashboard { scoredResellers } }`],
  resellerSuccessDashboard: [STAFF, `{ resellerSuccessDashboard(resellerId: "${id}") { history { score } } }`],
  recomputePartnerHealth: [PARTNER_TEAM, `mutation { recomputePartnerHealth(input: { resellerId: "${id}" }) { scored } }`],
  setPartnerTargets: [PARTNER_TEAM, `mutation { setPartnerTargets(input: { resellerId: "${id}", revenueTarget: "x", newCustomersPerMonth: 1 }) { targets { isDefault } } }`],
  recordSatisfactionSurvey: [PARTNER_TEAM, `mutation { recordSatisfactionSurvey(input: { resellerId: "${id}", rating: 9 }) { survey { rating } } }`],
  acknowledgeAlert: [PARTNER_TEAM, `mutation { acknowledgeAlert(input: { alertId: "${id}" }) { alert { id } } }`],
  resolveAlert: [PARTNER_TEAM, `mutation { resolveAlert(input: { alertId: "${id}", note: "x" }) { alert { id } } }`],
  planIntervention: [PARTNER_TEAM, `mutation { planIntervention(input: { resellerId: "${id}", type: TRAINING, owner: "x", dueDate: "x" }) { intervention { id } } }`],
  updateIntervention: [PARTNER_TEAM, `mutation { updateIntervention(input: { interventionId: "${id}", status: DONE }) { intervention { id } } }`],
  upsertBillingRecords: [FINANCE_TEAM, `mutation { upsertBillingRecords(input: { records: [{ invoiceId: "", customerExternalId: "", period: "x", invoicedAmount: "x" }] }) { created } }`],
  previewBillingImport: [FINANCE_TEAM, `{ previewBillingImport(input: { csv: "x" }) { rowCount } }`],
  importBillingRecordsCsv: [FINANCE_TEAM, `mutation { importBillingRecordsCsv(input: { csv: "x" }) { created } }`],
  commissionPlans: [STAFF, `{ commissionPlans { id } }`],
  createCommissionPlan: [FINANCE_TEAM, `mutation { createCommissionPlan(input: { name: "", type: PERCENTAGE, effectiveFrom: "x", terms: {} }) { plan { id } } }`],
  createCommissionPlanVersion: [FINANCE_TEAM, `mutation { createCommissionPlanVersion(input: { planId: "${id}", effectiveFrom: "x", terms: {} }) { plan { id } } }`],
  assignCommissionPlan: [FINANCE_TEAM, `mutation { assignCommissionPlan(input: { resellerId: "${id}", planId: "${id}", effectiveFrom: "x" }) { effectiveFrom } }`],
  runCommissions: [FINANCE_TEAM, `mutation { runCommissions(input: { period: "x" }) { run { id } } }`],
  approveCommissionRun: [FINANCE_TEAM, `mutation { approveCommissionRun(input: { runId: "${id}" }) { run { id } } }`],
  closeCommissionPeriod: [FINANCE_TEAM, `mutation { closeCommissionPeriod(input: { period: "x" }) { close { period } } }`],
  commissionRuns: [STAFF, `{ commissionRuns { id } }`],
  commissionRun: [STAFF, `{ commissionRun(id: "${id}") { id } }`],
  commissionLines: [STAFF, `{ commissionLines(filter: { period: "2026-01" }) { totalCount } }`],
  myCommissions: [RESELLERS, `{ myCommissions(period: "2026-01") { total { amount } } }`],
  reconcileCommissions: [FINANCE_TEAM, `mutation { reconcileCommissions(input: { period: "x" }) { reconciliation { id } } }`],
  resolveReconciliationItem: [FINANCE_TEAM, `mutation { resolveReconciliationItem(input: { reconciliationId: "${id}", itemId: "x", action: ACCEPT, note: "x" }) { reconciliation { id } } }`],
  commissionReconciliations: [STAFF, `{ commissionReconciliations { id } }`],
  commissionReconciliation: [STAFF, `{ commissionReconciliation(id: "${id}") { id } }`],
  onboarding: [[...STAFF, ...RESELLERS], `{ onboarding(resellerId: "${id}") { progressPercent } }`],
  myOnboarding: [RESELLERS, `{ myOnboarding { progressPercent } }`],
  overdueOnboardingTasks: [STAFF, `{ overdueOnboardingTasks { id } }`],
  completeOnboardingTask: [[...PARTNER_TEAM, ...RESELLERS], `mutation { completeOnboardingTask(input: { taskId: "${id}" }) { checklist { progressPercent } } }`],
  myCommissionHistory: [RESELLERS, `{ myCommissionHistory { period } }`],
  commissionReport: [STAFF, `{ commissionReport(period: "2026-01", groupBy: RESELLER) { csv } }`],
  commissionDisputes: [[...STAFF, ...RESELLERS], `{ commissionDisputes { id } }`],
  disputeCommissionLine: [RESELLERS, `mutation { disputeCommissionLine(input: { lineId: "${id}", message: "x" }) { dispute { id } } }`],
  addCommissionDisputeMessage: [[...RESELLERS, ...FINANCE_TEAM], `mutation { addCommissionDisputeMessage(input: { disputeId: "${id}", message: "x" }) { dispute { id } } }`],
  resolveCommissionDispute: [FINANCE_TEAM, `mutation { resolveCommissionDispute(input: { disputeId: "${id}", resolution: REJECTED, message: "x" }) { dispute { id } } }`],
};

let api: TestApi;
let tt: TestTenant;
const tokens = {} as Record<Caller, string | undefined>;
const emails = {} as Partial<Record<Caller, string>>;
let resellerA: string;
let resellerB: string;

beforeAll(async () => {
  api = await startTestApi();
  tt = await createTestTenant(api, 'access');
  const approve = async () => {
    const { id: applicationId } = await submitApplication(api, tt);
    return (await api.gql(APPROVE, { input: { applicationId } }, { token: tt.tokens.admin })).data.approveResellerApplication.reseller.id as string;
  };
  resellerA = await approve();
  resellerB = await approve();
  for (const [role, email] of [
    [Role.RESELLER_OWNER, `owner@${tt.slug}.example`],
    [Role.RESELLER_STAFF, `staff@${tt.slug}.example`],
  ] as const) {
    await createStaffUser(api.orm.em, tt.tenant, { email, name: role, role, password: STAFF_PASSWORD, resellerId: resellerA });
    tokens[role] = await login(api, tt.slug, email, STAFF_PASSWORD);
  }
  emails.RESELLER_OWNER = `owner@${tt.slug}.example`;
  emails.RESELLER_STAFF = `staff@${tt.slug}.example`;
  emails.ADMIN = `admin@${tt.slug}.example`;
  emails.FINANCE = `finance@${tt.slug}.example`;
  emails.PARTNER_MANAGER = `partnermanager@${tt.slug}.example`;
  tokens.public = undefined;
  tokens.ADMIN = tt.tokens.admin;
  tokens.FINANCE = tt.tokens.finance;
  tokens.PARTNER_MANAGER = tt.tokens.partnerManager;
  const key = await api.gql(`mutation { createApiKey(input: { name: "CRM", role: PARTNER_MANAGER }) { secret } }`, {}, { token: tt.tokens.admin });
  tokens.API_KEY_PARTNER_MANAGER = key.data.createApiKey.secret;
});
afterAll(async () => api?.close());

describe('access policy', () => {
  it('declares a rule for every query and mutation in the schema', async () => {
    const schema = await createSchema();
    const operations = [...Object.keys(schema.getQueryType()!.getFields()), ...Object.keys(schema.getMutationType()!.getFields())].sort();
    expect(operations).toEqual(Object.keys(POLICY).sort());
  });

  const callers: Caller[] = ['public', 'ADMIN', 'FINANCE', 'PARTNER_MANAGER', 'RESELLER_OWNER', 'RESELLER_STAFF', 'API_KEY_PARTNER_MANAGER'];
  for (const [operation, [rule, document]] of Object.entries(POLICY)) {
    for (const caller of callers) {
      const expected =
        rule === PUBLIC ? 'allowed' : caller === 'public' ? 'UNAUTHENTICATED' : rule === ANY_SIGNED_IN || rule.includes(caller) ? 'allowed' : 'FORBIDDEN';
      // logout is for people: an API key has no session (BAD_USER_INPUT, but never FORBIDDEN/UNAUTHENTICATED).
      it(`${operation} as ${caller}: ${expected}`, async () => {
        // logout ends the session it is called with: use a session of its own.
        const token = operation === 'logout' && emails[caller] ? await login(api, tt.slug, emails[caller]!, STAFF_PASSWORD) : tokens[caller];
        const result = await api.gql(document, {}, { token });
        const code = errorCode(result);
        if (expected === 'allowed') {
          expect(['UNAUTHENTICATED', 'FORBIDDEN', 'INTERNAL_SERVER_ERROR']).not.toContain(code);
        } else {
          expect(code).toBe(expected);
        }
      });
    }
  }
});

describe('reseller users see their own reseller only', () => {
  it('lists only their reseller, and another reseller is NOT_FOUND', async () => {
    for (const caller of ['RESELLER_OWNER', 'RESELLER_STAFF'] as const) {
      const list = await api.gql(`{ resellers { totalCount nodes { id } } }`, {}, { token: tokens[caller] });
      expect(list.data.resellers).toEqual({ totalCount: 1, nodes: [{ id: resellerA }] });
      expect((await api.gql(`query($id: ID!) { reseller(id: $id) { id } }`, { id: resellerA }, { token: tokens[caller] })).data.reseller.id).toBe(resellerA);
      expect(errorCode(await api.gql(`query($id: ID!) { reseller(id: $id) { id } }`, { id: resellerB }, { token: tokens[caller] }))).toBe('NOT_FOUND');
      // a filter naming another reseller is NOT_FOUND too, not an empty list
      for (const list of ['customers', 'myCustomers']) {
        const filtered = (r: string) => api.gql(`query($r: ID) { ${list}(filter: { resellerId: $r }) { totalCount } }`, { r }, { token: tokens[caller] });
        expect(errorCode(await filtered(resellerB)), list).toBe('NOT_FOUND');
        expect((await filtered(resellerA)).errors, list).toBeUndefined();
      }
    }
  });

  it('staff cannot read the reseller user list; the owner sees only its own users', async () => {
    const staff = await api.gql(`{ myReseller { users { email } } }`, {}, { token: tokens.RESELLER_STAFF });
    expect(errorCode(staff)).toBe('FORBIDDEN');
    const owner = await api.gql(`{ myReseller { users { email role } } }`, {}, { token: tokens.RESELLER_OWNER });
    const emails = owner.data.myReseller.users.map((u: { email: string }) => u.email).sort();
    expect(emails).toEqual([`owner@${tt.slug}.example`, `staff@${tt.slug}.example`, expect.stringContaining('@acme.example')].sort());
  });

  it('a suspended reseller can still sign in; a terminated one cannot, and its sessions end', async () => {
    const change = (status: string) =>
      api.gql(`mutation($i: UpdateResellerStatusInput!) { updateResellerStatus(input: $i) { reseller { status } } }`, { i: { resellerId: resellerA, status, reason: 'Compliance review' } }, { token: tt.tokens.admin });
    expect(errorCode(await change('SUSPENDED'))).toBe('CONFLICT'); // ONBOARDING → SUSPENDED is not a transition
    expect((await change('ACTIVE')).data.updateResellerStatus.reseller.status).toBe('ACTIVE');
    expect((await change('SUSPENDED')).data.updateResellerStatus.reseller.status).toBe('SUSPENDED');
    expect((await api.gql(`{ myReseller { status } }`, {}, { token: tokens.RESELLER_STAFF })).data.myReseller.status).toBe('SUSPENDED');
    expect((await change('TERMINATED')).data.updateResellerStatus.reseller.status).toBe('TERMINATED');
    expect(errorCode(await api.gql(`{ myReseller { status } }`, {}, { token: tokens.RESELLER_STAFF }))).toBe('UNAUTHENTICATED');
    await expect(login(api, tt.slug, `owner@${tt.slug}.example`, STAFF_PASSWORD)).rejects.toThrow();
    expect(errorCode(await change('ACTIVE'))).toBe('CONFLICT');
    const history = await api.gql(`query($id: ID!) { reseller(id: $id) { history { action reason data } } }`, { id: resellerA }, { token: tt.tokens.finance });
    expect(history.data.reseller.history.filter((h: { action: string }) => h.action === 'reseller.status_changed').map((h: { data: { to: string } }) => h.data.to)).toEqual(['ACTIVE', 'SUSPENDED', 'TERMINATED']);
  });
});

describe('API keys', () => {
  it('a revoked key stops working at once; the secret is never stored', async () => {
    const created = await api.gql(`mutation { createApiKey(input: { name: "Billing", role: FINANCE }) { secret apiKey { id prefix role } } }`, {}, { token: tt.tokens.admin });
    const { secret, apiKey } = created.data.createApiKey;
    expect(secret.startsWith(apiKey.prefix)).toBe(true);
    expect((await api.gql(`{ me { kind role apiKey { name } } }`, {}, { token: secret })).data.me).toEqual({ kind: 'API_KEY', role: 'FINANCE', apiKey: { name: 'Billing' } });
    const rows = await api.orm.em.getConnection().execute(`select count(*)::int as n from api_key where key_hash = ? or prefix = ?`, [secret, secret]);
    expect(rows[0]!.n).toBe(0);
    await api.gql(`mutation($i: RevokeApiKeyInput!) { revokeApiKey(input: $i) { apiKey { revokedAt } } }`, { i: { apiKeyId: apiKey.id } }, { token: tt.tokens.admin });
    const after = await api.gql(`{ me { role } }`, {}, { token: secret });
    expect(errorCode(after)).toBe('UNAUTHENTICATED');
  });

  it('a reseller role needs a reseller; a staff role must not have one', async () => {
    const noReseller = await api.gql(`mutation { createApiKey(input: { name: "x", role: RESELLER_STAFF }) { secret } }`, {}, { token: tt.tokens.admin });
    expect(errorCode(noReseller)).toBe('BAD_USER_INPUT');
    const bound = await api.gql(`mutation($r: ID) { createApiKey(input: { name: "Portal sync", role: RESELLER_STAFF, resellerId: $r }) { secret } }`, { r: resellerB }, { token: tt.tokens.admin });
    const keyToken = bound.data.createApiKey.secret;
    expect((await api.gql(`{ resellers { nodes { id } } }`, {}, { token: keyToken })).data.resellers.nodes).toEqual([{ id: resellerB }]);
    const staffWithReseller = await api.gql(`mutation($r: ID) { createApiKey(input: { name: "x", role: ADMIN, resellerId: $r }) { secret } }`, { r: resellerB }, { token: tt.tokens.admin });
    expect(errorCode(staffWithReseller)).toBe('BAD_USER_INPUT');
  });

  it('a key sees its own reseller through me; who created a key is for admins only', async () => {
    const created = await api.gql(`mutation($r: ID) { createApiKey(input: { name: "Partner CRM", role: RESELLER_STAFF, resellerId: $r }) { secret } }`, { r: resellerB }, { token: tt.tokens.admin });
    const secret = created.data.createApiKey.secret;
    const own = await api.gql(`{ me { reseller { id } apiKey { name reseller { id } } } }`, {}, { token: secret });
    expect(own.errors).toBeUndefined();
    expect(own.data.me).toEqual({ reseller: { id: resellerB }, apiKey: { name: 'Partner CRM', reseller: { id: resellerB } } });
    const creator = await api.gql(`{ me { apiKey { createdBy { email } } } }`, {}, { token: secret });
    expect(errorCode(creator)).toBe('FORBIDDEN');
    expect(creator.errors![0]!.path).toEqual(['me', 'apiKey', 'createdBy']);
    const listed = await api.gql(`{ apiKeys { name createdBy { email } reseller { id } } }`, {}, { token: tt.tokens.admin });
    expect(listed.data.apiKeys.find((k: { name: string }) => k.name === 'Partner CRM')).toEqual({ name: 'Partner CRM', createdBy: { email: `admin@${tt.slug}.example` }, reseller: { id: resellerB } });
  });

  it('garbage credentials are refused with 401, not treated as public', async () => {
    for (const token of ['rhk_forged', 'eyJhbGciOiJIUzI1NiJ9.e30.forged', 'not-a-token']) {
      const result = await api.gql(`{ publicTenant { slug } }`, {}, { token });
      expect(result.status).toBe(401);
      expect(errorCode(result)).toBe('UNAUTHENTICATED');
    }
  });
});
