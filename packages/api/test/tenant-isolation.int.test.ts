/**
 * Tenant A's ids used by tenant B's staff: every read answers NOT_FOUND (or nothing in a list) and
 * every mutation answers NOT_FOUND and changes nothing (row checksums before and after). The
 * authorization matrix (access-matrix.int.test.ts) does this for every operation and caller; here
 * are the stories and the ORM-level guarantees underneath.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResellerApplication } from '../src/modules/applications/reseller-application.entity.js';
import { Reseller } from '../src/modules/resellers/reseller.entity.js';
import { tenantEntityManager, scopeEntityManager } from '../src/db/scope.js';
import { tenantChecksums } from './support/tenant-data.js';
import { APPROVE, createTestTenant, errorCode, startTestApi, submitApplication, type TestApi, type TestTenant } from './helpers.js';

let api: TestApi;
let a: TestTenant;
let b: TestTenant;
const ids = {} as { application: string; decided: string; reseller: string; email: string; apiKey: string; statusToken: string; customer: string; interaction: string; task: string; alert: string; intervention: string };

/** Every row of every tenant-owned table of tenant A (the tables come from MikroORM's metadata). */
const checksumOfTenantA = () => tenantChecksums(api.orm, a.tenant.id);

beforeAll(async () => {
  api = await startTestApi();
  a = await createTestTenant(api, 'tenanta');
  b = await createTestTenant(api, 'tenantb');
  const open = await submitApplication(api, a);
  ids.application = open.id;
  ids.statusToken = open.statusToken;
  const decided = await submitApplication(api, a);
  ids.decided = decided.id;
  ids.reseller = (await api.gql(APPROVE, { input: { applicationId: decided.id } }, { token: a.tokens.admin })).data.approveResellerApplication.reseller.id;
  ids.email = (await api.gql(`{ outboxEmails(first: 1) { nodes { id } } }`, {}, { token: a.tokens.admin })).data.outboxEmails.nodes[0].id;
  ids.apiKey = (await api.gql(`mutation { createApiKey(input: { name: "A key", role: FINANCE }) { apiKey { id } } }`, {}, { token: a.tokens.admin })).data.createApiKey.apiKey.id;
  const code = (await api.gql(`query($id: ID!) { reseller(id: $id) { code } }`, { id: ids.reseller }, { token: a.tokens.admin })).data.reseller.code;
  await api.gql(`mutation($c: String) { upsertCustomers(input: { customers: [{ externalId: "A-1", name: "A customer", stage: PROSPECT, resellerCode: $c }] }) { created } }`, { c: code }, { token: a.tokens.admin });
  const customer = (await api.gql(`{ customers { nodes { id tasks { id } } } }`, {}, { token: a.tokens.admin })).data.customers.nodes[0];
  ids.customer = customer.id;
  ids.task = customer.tasks[0].id;
  const today = api.clock.now().toISOString().slice(0, 10);
  ids.interaction = (await api.gql(`mutation($i: LogCustomerInteractionInput!) { logCustomerInteraction(input: $i) { interaction { id } } }`, { i: { customerId: ids.customer, type: 'EMAIL', occurredOn: today, outcome: 'NEUTRAL', followUpOn: today } }, { token: a.tokens.admin })).data.logCustomerInteraction.interaction.id;
  await api.gql(`mutation { recomputePartnerHealth { scored } }`, {}, { token: a.tokens.admin });
  ids.alert = (await api.gql(`{ partnerAlerts { nodes { id } } }`, {}, { token: a.tokens.admin })).data.partnerAlerts.nodes[0].id;
  const tomorrow = new Date(api.clock.now().getTime() + 86_400_000).toISOString().slice(0, 10);
  ids.intervention = (await api.gql(`mutation($i: PlanInterventionInput!) { planIntervention(input: $i) { intervention { id } } }`, { i: { alertId: ids.alert, type: 'CHECK_IN_CALL', owner: 'Pat', dueDate: tomorrow } }, { token: a.tokens.admin })).data.planIntervention.intervention.id;
  // Tenant B has data of its own, so "empty" answers are not trivially empty.
  await submitApplication(api, b);
});
afterAll(async () => api?.close());

describe("tenant B cannot see tenant A's records", () => {
  it('by id', async () => {
    const reads: [string, Record<string, string>][] = [
      [`query($id: ID!) { resellerApplication(id: $id) { id } }`, { id: ids.application }],
      [`query($id: ID!) { reseller(id: $id) { id } }`, { id: ids.reseller }],
      [`query($id: ID!) { outboxEmail(id: $id) { id } }`, { id: ids.email }],
      [`query($id: ID!) { customer(id: $id) { id } }`, { id: ids.customer }],
      [`query($id: ID!) { resellerPortfolio(resellerId: $id) { customerCount } }`, { id: ids.reseller }],
      [`query($id: ID!) { customerWorkDue(resellerId: $id) { tasks { id } } }`, { id: ids.reseller }],
      [`query($id: ID!) { partnerHealth(resellerId: $id) { score } }`, { id: ids.reseller }],
      [`query($id: ID!) { resellerSuccessDashboard(resellerId: $id) { history { score } } }`, { id: ids.reseller }],
    ];
    for (const [query, variables] of reads) {
      const result = await api.gql(query, variables, { token: b.tokens.admin });
      expect(errorCode(result), query).toBe('NOT_FOUND');
      // and tenant A's own admin can read it, so the id is real
      expect((await api.gql(query, variables, { token: a.tokens.admin })).errors, query).toBeUndefined();
    }
    // The audit trail of another tenant's record: NOT_FOUND like the record itself (it used to be an empty list).
    const audit = `query($t: String!, $id: ID!) { auditEvents(entityType: $t, entityId: $id) { id } }`;
    for (const [type, id] of [['Reseller', ids.reseller], ['ResellerApplication', ids.application], ['ApiKey', ids.apiKey]]) {
      expect(errorCode(await api.gql(audit, { t: type, id }, { token: b.tokens.admin })), type).toBe('NOT_FOUND');
      expect((await api.gql(audit, { t: type, id }, { token: a.tokens.admin })).data.auditEvents.length, type).toBeGreaterThan(0);
    }
    expect(errorCode(await api.gql(audit, { t: 'Tenant', id: a.tenant.id }, { token: b.tokens.admin }))).toBe('NOT_FOUND');
    expect((await api.gql(audit, { t: 'Tenant', id: a.tenant.id }, { token: a.tokens.admin })).errors).toBeUndefined();
  });

  it("a filter naming another tenant's reseller is NOT_FOUND, not an empty list", async () => {
    const period = api.clock.now().toISOString().slice(0, 7);
    const filtered: [string, string][] = [
      ['customers', `query($r: ID) { customers(filter: { resellerId: $r }) { totalCount } }`],
      ['commissionLines', `query($r: ID) { commissionLines(filter: { period: "${period}", resellerId: $r }) { totalCount } }`],
      ['partnerAlerts', `query($r: ID) { partnerAlerts(filter: { resellerId: $r }) { totalCount } }`],
      ['interventions', `query($r: ID) { interventions(filter: { resellerId: $r }) { totalCount } }`],
    ];
    for (const [name, query] of filtered) {
      for (const r of [ids.reseller, '42']) expect(errorCode(await api.gql(query, { r }, { token: b.tokens.admin })), `${name} ${r}`).toBe('NOT_FOUND');
      // tenant A's own admin gets its answer
      const own = await api.gql(query, { r: ids.reseller }, { token: a.tokens.admin });
      expect(own.errors, name).toBeUndefined();
      expect(own.data[name].totalCount, name).toBeGreaterThanOrEqual(name === 'customers' || name === 'interventions' ? 1 : 0);
    }
  });

  it('in lists and searches', async () => {
    const apps = await api.gql(`{ resellerApplications(first: 100) { totalCount nodes { id } } }`, {}, { token: b.tokens.admin });
    expect(apps.data.resellerApplications.totalCount).toBe(1);
    expect(apps.data.resellerApplications.nodes.map((n: { id: string }) => n.id)).not.toContain(ids.application);
    expect((await api.gql(`{ resellers { totalCount } }`, {}, { token: b.tokens.admin })).data.resellers.totalCount).toBe(0);
    const emails = await api.gql(`{ outboxEmails(first: 100) { nodes { id toAddress } } }`, {}, { token: b.tokens.admin });
    expect(emails.data.outboxEmails.nodes.map((n: { id: string }) => n.id)).not.toContain(ids.email);
    expect((await api.gql(`{ apiKeys { id } }`, {}, { token: b.tokens.admin })).data.apiKeys).toEqual([]);
    expect((await api.gql(`{ customers(filter: { search: "A customer" }) { totalCount } }`, {}, { token: b.tokens.admin })).data.customers.totalCount).toBe(0);
  });

  it('cannot change them: NOT_FOUND and every row of tenant A unchanged', async () => {
    const before = await checksumOfTenantA();
    const mutations: [string, Record<string, unknown>][] = [
      [`mutation($i: ApplicationIdInput!) { startApplicationReview(input: $i) { application { id } } }`, { i: { applicationId: ids.application } }],
      [`mutation($i: AddApplicationNoteInput!) { addApplicationNote(input: $i) { application { id } } }`, { i: { applicationId: ids.application, body: 'sneaky' } }],
      [APPROVE, { input: { applicationId: ids.application } }],
      [`mutation($i: RejectResellerApplicationInput!) { rejectResellerApplication(input: $i) { application { id } } }`, { i: { applicationId: ids.application, reason: 'sneaky reason' } }],
      [`mutation($i: UpdateResellerStatusInput!) { updateResellerStatus(input: $i) { reseller { id } } }`, { i: { resellerId: ids.reseller, status: 'TERMINATED', reason: 'sneaky' } }],
      [`mutation($i: RevokeApiKeyInput!) { revokeApiKey(input: $i) { apiKey { id } } }`, { i: { apiKeyId: ids.apiKey } }],
      [`mutation($r: ID) { createApiKey(input: { name: "x", role: RESELLER_STAFF, resellerId: $r }) { secret } }`, { r: ids.reseller }],
      [`mutation($i: MoveCustomerStageInput!) { moveCustomerStage(input: $i) { customer { id } } }`, { i: { customerId: ids.customer, to: 'LEAD' } }],
      [`mutation($i: ReassignCustomerInput!) { reassignCustomer(input: $i) { customer { id } } }`, { i: { customerId: ids.customer, resellerId: ids.reseller, reason: 'sneaky' } }],
      [`mutation($i: LogCustomerInteractionInput!) { logCustomerInteraction(input: $i) { interaction { id } } }`, { i: { customerId: ids.customer, type: 'EMAIL', occurredOn: '2026-01-01', outcome: 'NEUTRAL' } }],
      [`mutation($i: CompleteCustomerFollowUpInput!) { completeCustomerFollowUp(input: $i) { interaction { id } } }`, { i: { interactionId: ids.interaction } }],
      [`mutation($i: CompleteCustomerTaskInput!) { completeCustomerTask(input: $i) { task { id } } }`, { i: { taskId: ids.task } }],
      [`mutation($i: RecomputeCustomerHealthInput) { recomputeCustomerHealth(input: $i) { scored } }`, { i: { resellerId: ids.reseller } }],
      [`mutation($r: ID) { recomputePartnerHealth(input: { resellerId: $r }) { scored } }`, { r: ids.reseller }],
      [`mutation($i: AlertIdInput!) { acknowledgeAlert(input: $i) { alert { id } } }`, { i: { alertId: ids.alert } }],
      [`mutation($i: ResolveAlertInput!) { resolveAlert(input: $i) { alert { id } } }`, { i: { alertId: ids.alert, note: 'sneaky' } }],
      [`mutation($i: PlanInterventionInput!) { planIntervention(input: $i) { intervention { id } } }`, { i: { alertId: ids.alert, type: 'TRAINING', owner: 'x', dueDate: '2999-01-01' } }],
      [`mutation($i: UpdateInterventionInput!) { updateIntervention(input: $i) { intervention { id } } }`, { i: { interventionId: ids.intervention, status: 'CANCELLED' } }],
      [`mutation($i: SetPartnerTargetsInput!) { setPartnerTargets(input: $i) { targets { isDefault } } }`, { i: { resellerId: ids.reseller, revenueTarget: '1.00', newCustomersPerMonth: 1 } }],
      [`mutation($i: RecordSatisfactionSurveyInput!) { recordSatisfactionSurvey(input: $i) { survey { rating } } }`, { i: { resellerId: ids.reseller, rating: 1 } }],
    ];
    for (const [mutation, variables] of mutations) {
      const result = await api.gql(mutation, variables, { token: b.tokens.admin });
      expect(errorCode(result), mutation).toBe('NOT_FOUND');
    }
    expect(await checksumOfTenantA()).toEqual(before);
  });

  it('malformed ids are NOT_FOUND too, never a database error', async () => {
    for (const id of ['42', "1' or '1'='1", '']) {
      expect(errorCode(await api.gql(`query($id: ID!) { resellerApplication(id: $id) { id } }`, { id }, { token: b.tokens.admin }))).toBe('NOT_FOUND');
      expect(errorCode(await api.gql(`query($id: ID!) { reseller(id: $id) { id } }`, { id }, { token: b.tokens.admin }))).toBe('NOT_FOUND');
    }
  });

  it('a status token names its own tenant: withdrawing through it never touches another tenant', async () => {
    const status = await api.gql(`query($t: String!) { resellerApplicationStatus(token: $t) { tenantName } }`, { t: ids.statusToken }, {});
    expect(status.data.resellerApplicationStatus.tenantName).toBe(a.tenant.name);
  });
});

describe('the ORM enforces tenancy without a where clause', () => {
  it('an EntityManager without a tenant fails closed', async () => {
    await expect(api.orm.em.fork().find(ResellerApplication, {})).rejects.toThrow(/No arguments provided for filter 'tenant'/);
  });

  it('a tenant-scoped EntityManager sees only its tenant', async () => {
    const emB = tenantEntityManager(api.orm.em, b.tenant.id);
    const rows = await emB.find(ResellerApplication, {});
    expect(rows.length).toBe(1);
    expect(rows.every((row) => row.tenant.id === b.tenant.id)).toBe(true);
    expect(await emB.findOne(Reseller, { id: ids.reseller })).toBeNull();
  });

  it("the tenant guard refuses to write a row into another tenant, even by mistake", async () => {
    const emB = tenantEntityManager(api.orm.em, b.tenant.id);
    const foreign = await tenantEntityManager(api.orm.em, a.tenant.id).findOneOrFail(ResellerApplication, { id: ids.application });
    const stolen = emB.create(ResellerApplication, { ...foreign, id: undefined, statusTokenHash: 'x'.repeat(64) } as never);
    (stolen as ResellerApplication).tenant = foreign.tenant;
    await expect(emB.flush()).rejects.toThrow(/Tenant guard/);
    const noTenant = scopeEntityManager(api.orm.em.fork(), b.tenant.id);
    noTenant.setFilterParams('tenant', undefined as never);
    noTenant.create(ResellerApplication, { ...foreign, id: undefined, statusTokenHash: 'y'.repeat(64) } as never);
    await expect(noTenant.flush()).rejects.toThrow(/Tenant guard/);
  });
});
