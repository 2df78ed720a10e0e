/**
 * Customers (SPEC §3): the extended upsert, assignment history, the lifecycle with its recorded
 * transitions and stage tasks, interactions and follow-ups, health scoring, and what a partner sees.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../src/auth/roles.js';
import { createStaffUser } from '../src/seeders/factories.js';
import { APPROVE, createTestTenant, errorCode, login, STAFF_PASSWORD, startTestApi, submitApplication, type TestApi, type TestTenant } from './helpers.js';

let api: TestApi;
let tt: TestTenant;
let other: TestTenant;
const resellers: { id: string; code: string }[] = [];
let partnerA: string;
let partnerB: string;

const UPSERT = `mutation($i: UpsertCustomersInput!) { upsertCustomers(input: $i) { created updated unchanged } }`;
const MOVE = `mutation($i: MoveCustomerStageInput!) { moveCustomerStage(input: $i) { customer { stage allowedNextStages daysInStage } } }`;
const CUSTOMER = `query($id: ID!) { customer(id: $id) {
  id externalId name stage servicePlan signupDate usagePercent mrr { amount currency } healthScore
  reseller { id } assignments { fromDate toDate reason reseller { id } }
  transitions { fromStage toStage actor reason } timeInStages { stage days visits }
  tasks { id type stage status dueDate } interactions { id type outcome followUpOn }
} }`;

async function approve(t: TestTenant) {
  const { id } = await submitApplication(api, t);
  const reseller = (await api.gql(APPROVE, { input: { applicationId: id } }, { token: t.tokens.admin })).data.approveResellerApplication.reseller;
  const code = (await api.gql(`query($id: ID!) { reseller(id: $id) { code } }`, { id: reseller.id }, { token: t.tokens.admin })).data.reseller.code;
  return { id: reseller.id as string, code: code as string };
}

const idOf = async (externalId: string, token = tt.tokens.admin) =>
  (await api.gql(`query($s: String) { customers(filter: { search: $s }) { nodes { id externalId } } }`, { s: externalId }, { token })).data.customers.nodes.find((c: { externalId: string }) => c.externalId === externalId)?.id as string | undefined;

beforeAll(async () => {
  api = await startTestApi();
  tt = await createTestTenant(api, 'cust');
  other = await createTestTenant(api, 'custother');
  resellers.push(await approve(tt), await approve(tt));
  await createStaffUser(api.orm.em, tt.tenant, { email: `a@${tt.slug}.example`, name: 'A', role: Role.RESELLER_STAFF, password: STAFF_PASSWORD, resellerId: resellers[0]!.id });
  await createStaffUser(api.orm.em, tt.tenant, { email: `b@${tt.slug}.example`, name: 'B', role: Role.RESELLER_OWNER, password: STAFF_PASSWORD, resellerId: resellers[1]!.id });
  partnerA = await login(api, tt.slug, `a@${tt.slug}.example`, STAFF_PASSWORD);
  partnerB = await login(api, tt.slug, `b@${tt.slug}.example`, STAFF_PASSWORD);
});
afterAll(async () => api?.close());

describe('customer upsert', () => {
  it('creates customers with plan, MRR, signup date and an initial stage, recorded as the first transition', async () => {
    const result = await api.gql(UPSERT, {
      i: {
        customers: [
          { externalId: 'C-1', name: 'Ada Homes', email: 'ADA@example.com', servicePlan: 'Fiber 500', mrr: '89.99', signupDate: '2025-06-15', stage: 'ACTIVE', usagePercent: 70, resellerCode: resellers[0]!.code },
          { externalId: 'C-2', name: 'Bob Prospect', resellerCode: resellers[0]!.code },
        ],
      },
    }, { token: tt.tokens.partnerManager });
    expect(result.data.upsertCustomers).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const c1 = (await api.gql(CUSTOMER, { id: await idOf('C-1') }, { token: tt.tokens.admin })).data.customer;
    expect(c1).toMatchObject({ name: 'Ada Homes', stage: 'ACTIVE', servicePlan: 'Fiber 500', signupDate: '2025-06-15', usagePercent: 70, mrr: { amount: '89.99', currency: 'USD' } });
    expect(c1.transitions).toEqual([{ fromStage: null, toStage: 'ACTIVE', actor: expect.any(String), reason: 'Created by upsertCustomers' }]);
    expect(c1.tasks.map((t: { type: string }) => t.type)).toEqual(['HEALTH_CHECK_IN']);
    expect(c1.assignments).toEqual([{ fromDate: expect.any(String), toDate: null, reason: expect.any(String), reseller: { id: resellers[0]!.id } }]);
    const c2 = (await api.gql(CUSTOMER, { id: await idOf('C-2') }, { token: tt.tokens.admin })).data.customer;
    expect(c2.stage).toBe('PROSPECT');
    expect(c2.tasks.map((t: { type: string }) => t.type)).toEqual(['WELCOME_SEQUENCE']);
  });

  it('the same rows again change nothing; a stage the table does not allow refuses the whole batch', async () => {
    const again = await api.gql(UPSERT, { i: { customers: [{ externalId: 'C-1', name: 'Ada Homes', mrr: '89.99' }, { externalId: 'C-2', name: 'Bob Prospect' }] } }, { token: tt.tokens.admin });
    expect(again.data.upsertCustomers).toEqual({ created: 0, updated: 0, unchanged: 2 });
    const bad = await api.gql(UPSERT, { i: { customers: [{ externalId: 'C-3', name: 'New' }, { externalId: 'C-2', name: 'Bob Prospect', stage: 'ACTIVE' }, { externalId: 'C-4', name: 'X', mrr: '-5', usagePercent: 140, signupDate: '2025-02-30' }] } }, { token: tt.tokens.admin });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    const rowErrors = bad.errors![0]!.extensions!.rowErrors as { index: number; field: string; message: string }[];
    expect(rowErrors.map((e) => `${e.index}:${e.field}`).sort()).toEqual(['1:stage', '2:mrr', '2:signupDate', '2:usagePercent']);
    expect(rowErrors.find((e) => e.field === 'stage')!.message).toContain('from PROSPECT it may move to LEAD or CHURNED');
    expect(await idOf('C-3')).toBeUndefined(); // nothing of the batch was written
  });
});

describe('lifecycle moves', () => {
  it('moves one allowed step at a time, records each move and opens the stage tasks', async () => {
    const id = (await idOf('C-2'))!;
    const lead = await api.gql(MOVE, { i: { customerId: id, to: 'LEAD', reason: 'Replied to the mailing' } }, { token: partnerA });
    expect(lead.data.moveCustomerStage.customer).toEqual({ stage: 'LEAD', allowedNextStages: ['QUALIFIED', 'CHURNED'], daysInStage: 0 });
    const skip = await api.gql(MOVE, { i: { customerId: id, to: 'PROPOSAL' } }, { token: partnerA });
    expect(errorCode(skip)).toBe('CONFLICT');
    expect(skip.errors![0]!.message).toBe('A customer cannot move from LEAD to PROPOSAL; from LEAD it may move to QUALIFIED or CHURNED');
    expect(skip.errors![0]!.extensions!.allowedStages).toEqual(['QUALIFIED', 'CHURNED']);
    expect(errorCode(await api.gql(MOVE, { i: { customerId: id, to: 'LEAD' } }, { token: partnerA }))).toBe('CONFLICT');
    expect(errorCode(await api.gql(MOVE, { i: { customerId: id, to: 'NOT_A_STAGE' } }, { token: partnerA }))).toBe('BAD_USER_INPUT');
    await api.gql(MOVE, { i: { customerId: id, to: 'QUALIFIED' } }, { token: tt.tokens.partnerManager });
    const customer = (await api.gql(CUSTOMER, { id }, { token: partnerA })).data.customer;
    expect(customer.transitions.map((t: { fromStage: string | null; toStage: string; reason: string | null }) => [t.fromStage, t.toStage, t.reason])).toEqual([
      [null, 'PROSPECT', 'Created by upsertCustomers'],
      ['PROSPECT', 'LEAD', 'Replied to the mailing'],
      ['LEAD', 'QUALIFIED', null],
    ]);
    expect(customer.transitions[1].actor).toBe(`a@${tt.slug}.example`);
    expect(customer.tasks.map((t: { type: string; status: string }) => `${t.type}:${t.status}`).sort()).toEqual(['ASSIGN_ACCOUNT_MANAGER:OPEN', 'WELCOME_SEQUENCE:OPEN']);
    // FINANCE reads customers but does not work the pipeline.
    expect(errorCode(await api.gql(MOVE, { i: { customerId: id, to: 'PROPOSAL' } }, { token: tt.tokens.finance }))).toBe('FORBIDDEN');
  });

  it('reports time in each stage as time passes', async () => {
    const id = (await idOf('C-2'))!;
    api.clock.advanceDays(3);
    const token = await login(api, tt.slug, `a@${tt.slug}.example`, STAFF_PASSWORD);
    await api.gql(MOVE, { i: { customerId: id, to: 'PROPOSAL' } }, { token });
    api.clock.advanceDays(2);
    const customer = (await api.gql(`query($id: ID!) { customer(id: $id) { daysInStage timeInStages { stage days visits } } }`, { id }, { token: await login(api, tt.slug, `a@${tt.slug}.example`, STAFF_PASSWORD) })).data.customer;
    expect(customer.daysInStage).toBe(2);
    const days = Object.fromEntries(customer.timeInStages.map((s: { stage: string; days: number }) => [s.stage, s.days]));
    expect(days.QUALIFIED).toBe(3);
    expect(days.PROPOSAL).toBe(2);
    partnerA = await login(api, tt.slug, `a@${tt.slug}.example`, STAFF_PASSWORD);
    partnerB = await login(api, tt.slug, `b@${tt.slug}.example`, STAFF_PASSWORD);
    tt.tokens.admin = await login(api, tt.slug, `admin@${tt.slug}.example`, STAFF_PASSWORD);
    tt.tokens.finance = await login(api, tt.slug, `finance@${tt.slug}.example`, STAFF_PASSWORD);
    tt.tokens.partnerManager = await login(api, tt.slug, `partnerManager@${tt.slug}.example`, STAFF_PASSWORD);
    other.tokens.admin = await login(api, other.slug, `admin@${other.slug}.example`, STAFF_PASSWORD);
  });

  it('the same move sent twice at once: one wins, the other is refused, one transition is recorded', async () => {
    const id = (await idOf('C-2'))!;
    const results = await Promise.all([
      api.gql(MOVE, { i: { customerId: id, to: 'NEGOTIATION' } }, { token: partnerA }),
      api.gql(MOVE, { i: { customerId: id, to: 'NEGOTIATION' } }, { token: tt.tokens.partnerManager }),
    ]);
    expect(results.map((r) => errorCode(r) ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
    const customer = (await api.gql(CUSTOMER, { id }, { token: tt.tokens.admin })).data.customer;
    expect(customer.transitions).toHaveLength(5);
    expect(customer.transitions.at(-1).fromStage).toBe('PROPOSAL');
  });
});

describe('assignment', () => {
  const REASSIGN = `mutation($i: ReassignCustomerInput!) { reassignCustomer(input: $i) { customer { reseller { id } assignments { fromDate toDate reason reseller { id } } } } }`;
  const ASSIGN = `mutation($i: AssignCustomerInput!) { assignCustomer(input: $i) { customer { reseller { id } } } }`;

  it('reassigns with a reason and keeps the history; the old reseller loses sight of the customer', async () => {
    const id = (await idOf('C-1'))!;
    expect(errorCode(await api.gql(REASSIGN, { i: { customerId: id, resellerId: resellers[1]!.id, reason: '  ' } }, { token: tt.tokens.partnerManager }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await api.gql(REASSIGN, { i: { customerId: id, resellerId: resellers[0]!.id, reason: 'Same' } }, { token: tt.tokens.partnerManager }))).toBe('CONFLICT');
    expect(errorCode(await api.gql(ASSIGN, { i: { customerId: id, resellerId: resellers[1]!.id } }, { token: tt.tokens.partnerManager }))).toBe('CONFLICT');
    expect(errorCode(await api.gql(REASSIGN, { i: { customerId: id, resellerId: resellers[1]!.id, reason: 'x' } }, { token: partnerA }))).toBe('FORBIDDEN');
    const today = api.clock.now().toISOString().slice(0, 10);
    const result = await api.gql(REASSIGN, { i: { customerId: id, resellerId: resellers[1]!.id, reason: 'Partner A left the region' } }, { token: tt.tokens.partnerManager });
    const customer = result.data.reassignCustomer.customer;
    expect(customer.reseller.id).toBe(resellers[1]!.id);
    expect(customer.assignments.map((a: { toDate: string | null; reason: string; reseller: { id: string } }) => [a.reseller.id, a.toDate, a.reason])).toEqual([
      [resellers[0]!.id, today, 'Assigned by the ISP system (upsertCustomers)'],
      [resellers[1]!.id, null, 'Partner A left the region'],
    ]);
    expect(errorCode(await api.gql(CUSTOMER, { id }, { token: partnerA }))).toBe('NOT_FOUND');
    const seenByB = (await api.gql(CUSTOMER, { id }, { token: partnerB })).data.customer;
    // The new reseller sees the customer's lifecycle history, but only its own assignment.
    expect(seenByB.transitions).toHaveLength(1);
    expect(seenByB.assignments.map((a: { reseller: { id: string } }) => a.reseller.id)).toEqual([resellers[1]!.id]);
    const audit = await api.gql(`query($id: ID!) { auditEvents(entityType: "Customer", entityId: $id) { action reason } }`, { id }, { token: tt.tokens.admin });
    expect(audit.data.auditEvents.map((e: { action: string }) => e.action)).toContain('customer.reassigned');
  });

  it('assigns an unassigned customer; a reassignment must start after the current assignment', async () => {
    await api.gql(UPSERT, { i: { customers: [{ externalId: 'C-5', name: 'Unassigned Ltd', stage: 'LEAD' }] } }, { token: tt.tokens.admin });
    const id = (await idOf('C-5'))!;
    expect(errorCode(await api.gql(REASSIGN, { i: { customerId: id, resellerId: resellers[0]!.id, reason: 'x' } }, { token: tt.tokens.admin }))).toBe('CONFLICT');
    expect(errorCode(await api.gql(ASSIGN, { i: { customerId: id, resellerId: resellers[0]!.id, since: '2026-02-30' } }, { token: tt.tokens.admin }))).toBe('BAD_USER_INPUT');
    const assigned = await api.gql(ASSIGN, { i: { customerId: id, resellerId: resellers[0]!.id, since: '2026-01-01' } }, { token: tt.tokens.admin });
    expect(assigned.data.assignCustomer.customer.reseller.id).toBe(resellers[0]!.id);
    expect(errorCode(await api.gql(REASSIGN, { i: { customerId: id, resellerId: resellers[1]!.id, reason: 'x', since: '2026-01-01' } }, { token: tt.tokens.admin }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await api.gql(ASSIGN, { i: { customerId: id, resellerId: 'nope' } }, { token: tt.tokens.admin }))).toBe('NOT_FOUND');
  });
});

describe('interactions, follow-ups and tasks', () => {
  const LOG = `mutation($i: LogCustomerInteractionInput!) { logCustomerInteraction(input: $i) { interaction { id type outcome satisfaction followUpOn loggedBy customer { id } } } }`;

  it('logs an interaction with a follow-up that is listed for the reseller until done', async () => {
    const id = (await idOf('C-5'))!;
    const today = api.clock.now().toISOString().slice(0, 10);
    const logged = await api.gql(LOG, { i: { customerId: id, type: 'SALES_CALL', occurredOn: today, durationMinutes: 30, outcome: 'POSITIVE', satisfaction: 8, notes: 'Wants a quote', followUpOn: today } }, { token: partnerA });
    const interaction = logged.data.logCustomerInteraction.interaction;
    expect(interaction).toMatchObject({ type: 'SALES_CALL', outcome: 'POSITIVE', satisfaction: 8, followUpOn: today, loggedBy: `a@${tt.slug}.example`, customer: { id } });
    const due = await api.gql(`{ myCustomerWorkDue { followUps { id followUpOverdue customer { name } } tasks { type overdue customer { name } } } }`, {}, { token: partnerA });
    expect(due.data.myCustomerWorkDue.followUps).toEqual([{ id: interaction.id, followUpOverdue: false, customer: { name: 'Unassigned Ltd' } }]);
    // A follow-up whose date has passed is listed first, flagged overdue.
    const yesterday = new Date(api.clock.now().getTime() - 86_400_000).toISOString().slice(0, 10);
    const late = (await api.gql(LOG, { i: { customerId: id, type: 'EMAIL', occurredOn: yesterday, outcome: 'NEUTRAL', followUpOn: yesterday } }, { token: partnerA })).data.logCustomerInteraction.interaction;
    const listed = await api.gql(`{ myCustomerWorkDue { followUps { id followUpOverdue } } }`, {}, { token: partnerA });
    expect(listed.data.myCustomerWorkDue.followUps).toEqual([{ id: late.id, followUpOverdue: true }, { id: interaction.id, followUpOverdue: false }]);
    await api.gql(`mutation($i: CompleteCustomerFollowUpInput!) { completeCustomerFollowUp(input: $i) { interaction { id } } }`, { i: { interactionId: late.id } }, { token: partnerA });
    const staffView = await api.gql(`query($r: ID!) { customerWorkDue(resellerId: $r, withinDays: 0) { followUps { id } } }`, { r: resellers[0]!.id }, { token: tt.tokens.partnerManager });
    expect(staffView.data.customerWorkDue.followUps).toEqual([{ id: interaction.id }]);
    const DONE = `mutation($i: CompleteCustomerFollowUpInput!) { completeCustomerFollowUp(input: $i) { interaction { followUpDoneAt } } }`;
    expect((await api.gql(DONE, { i: { interactionId: interaction.id } }, { token: partnerA })).data.completeCustomerFollowUp.interaction.followUpDoneAt).not.toBeNull();
    expect(errorCode(await api.gql(DONE, { i: { interactionId: interaction.id } }, { token: partnerA }))).toBe('CONFLICT');
    expect((await api.gql(`{ myCustomerWorkDue { followUps { id } } }`, {}, { token: partnerA })).data.myCustomerWorkDue.followUps).toEqual([]);
    // Partner B neither sees nor completes partner A's work.
    expect(errorCode(await api.gql(`query($r: ID!) { customerWorkDue(resellerId: $r) { followUps { id } } }`, { r: resellers[0]!.id }, { token: partnerB }))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(LOG, { i: { customerId: id, type: 'EMAIL', occurredOn: today, outcome: 'NEUTRAL' } }, { token: partnerB }))).toBe('NOT_FOUND');
  });

  it('refuses bad interactions with field errors and writes nothing', async () => {
    const id = (await idOf('C-5'))!;
    const today = api.clock.now().toISOString().slice(0, 10);
    const before = (await api.gql(CUSTOMER, { id }, { token: tt.tokens.admin })).data.customer.interactions.length;
    const cases: [Record<string, unknown>, string][] = [
      [{ satisfaction: 11 }, 'satisfaction'],
      [{ satisfaction: 0 }, 'satisfaction'],
      [{ durationMinutes: -5 }, 'durationMinutes'],
      [{ followUpOn: '2020-01-01' }, 'followUpOn'],
      [{ occurredOn: '2999-01-01' }, 'occurredOn'],
      [{ occurredOn: 'yesterday' }, 'occurredOn'],
      [{ notes: 'x'.repeat(5001) }, 'notes'],
    ];
    for (const [change, field] of cases) {
      const result = await api.gql(LOG, { i: { customerId: id, type: 'EMAIL', occurredOn: today, outcome: 'NEUTRAL', ...change } }, { token: partnerA });
      expect(errorCode(result), field).toBe('BAD_USER_INPUT');
      expect(Object.keys(result.errors![0]!.extensions!.fieldErrors ?? {}), field).toContain(field);
    }
    expect((await api.gql(CUSTOMER, { id }, { token: tt.tokens.admin })).data.customer.interactions).toHaveLength(before);
  });

  it('completes a lifecycle task once', async () => {
    const id = (await idOf('C-2'))!;
    const task = (await api.gql(CUSTOMER, { id }, { token: partnerA })).data.customer.tasks.find((t: { status: string }) => t.status === 'OPEN');
    const COMPLETE = `mutation($i: CompleteCustomerTaskInput!) { completeCustomerTask(input: $i) { task { status completedBy note } } }`;
    expect((await api.gql(COMPLETE, { i: { taskId: task.id, note: 'Sent' } }, { token: partnerA })).data.completeCustomerTask.task).toEqual({ status: 'DONE', completedBy: `a@${tt.slug}.example`, note: 'Sent' });
    expect(errorCode(await api.gql(COMPLETE, { i: { taskId: task.id } }, { token: partnerA }))).toBe('CONFLICT');
    expect(errorCode(await api.gql(COMPLETE, { i: { taskId: task.id } }, { token: partnerB }))).toBe('NOT_FOUND');
  });
});

describe('what partners and other tenants see', () => {
  it('a partner lists only its own customers, filtered and searched on the server', async () => {
    const list = async (token: string, filter: Record<string, unknown> = {}, query = 'customers') =>
      (await api.gql(`query($f: CustomerFilter) { ${query}(filter: $f) { totalCount nodes { externalId } } }`, { f: filter }, { token })).data[query];
    expect((await list(partnerA)).nodes.map((n: { externalId: string }) => n.externalId).sort()).toEqual(['C-2', 'C-5']);
    expect((await list(partnerA, {}, 'myCustomers')).totalCount).toBe(2);
    // A partner's reseller filter cannot widen its view: another reseller is NOT_FOUND.
    expect(errorCode(await api.gql(`query($f: CustomerFilter) { customers(filter: $f) { totalCount } }`, { f: { resellerId: resellers[1]!.id } }, { token: partnerA }))).toBe('NOT_FOUND');
    expect((await list(partnerB)).nodes.map((n: { externalId: string }) => n.externalId)).toEqual(['C-1']);
    expect((await list(partnerA, { stage: ['LEAD'] })).nodes.map((n: { externalId: string }) => n.externalId)).toEqual(['C-5']);
    expect((await list(partnerA, { search: 'unassig' })).nodes.map((n: { externalId: string }) => n.externalId)).toEqual(['C-5']);
    expect((await list(tt.tokens.finance, { resellerId: resellers[1]!.id })).nodes.map((n: { externalId: string }) => n.externalId)).toEqual(['C-1']);
    expect((await list(tt.tokens.finance)).totalCount).toBe(3);
    expect(errorCode(await api.gql(`{ customers(filter: { maxHealth: 101 }) { totalCount } }`, {}, { token: tt.tokens.admin }))).toBe('BAD_USER_INPUT');
  });

  it('another tenant sees none of it and cannot touch it', async () => {
    const id = (await idOf('C-1'))!;
    const token = other.tokens.admin;
    expect((await api.gql(`{ customers { totalCount } }`, {}, { token })).data.customers.totalCount).toBe(0);
    expect(errorCode(await api.gql(CUSTOMER, { id }, { token }))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(MOVE, { i: { customerId: id, to: 'EXPANSION' } }, { token }))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(`mutation($i: ReassignCustomerInput!) { reassignCustomer(input: $i) { customer { id } } }`, { i: { customerId: id, resellerId: resellers[0]!.id, reason: 'x' } }, { token }))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(`query($r: ID!) { resellerPortfolio(resellerId: $r) { customerCount } }`, { r: resellers[0]!.id }, { token }))).toBe('NOT_FOUND');
    // The other tenant's upsert of the same external id makes its own customer.
    expect((await api.gql(UPSERT, { i: { customers: [{ externalId: 'C-1', name: 'Other ISP customer', resellerCode: resellers[0]!.code }] } }, { token })).errors![0]!.extensions!.rowErrors).toEqual([
      { index: 0, field: 'resellerCode', message: `No reseller ${resellers[0]!.code}` },
    ]);
    expect((await api.gql(CUSTOMER, { id }, { token: tt.tokens.admin })).data.customer).toMatchObject({ name: 'Ada Homes', stage: 'ACTIVE' });
  });
});

describe('customer CSV import', () => {
  const PREVIEW = `query($i: CustomerCsvInput!) { previewCustomerImport(input: $i) { rowCount create update unchanged errorCount rows { line externalId stage action errors } } }`;
  const IMPORT = `mutation($i: CustomerCsvInput!) { importCustomersCsv(input: $i) { created updated unchanged } }`;
  const count = async () => (await api.gql(`{ customers { totalCount } }`, {}, { token: tt.tokens.admin })).data.customers.totalCount as number;

  it('previews row by row with per-row errors and writes nothing; a bad row refuses the import', async () => {
    const csv = [
      'External ID,Name,Email,Service Plan,MRR,Signup Date,Stage,Usage Percent,Reseller Code',
      `C-10,"Quill & Ink, Ltd",quill@example.com,Fiber 300,79.99,2026-01-05,active,60,${resellers[0]!.code}`,
      'C-1,Ada Homes,,,,,,,',
      'C-11,Broken Row,not-an-email,,12.345,2026-13-01,FLYING,abc,RS-999999',
    ].join('\r\n');
    const before = await count();
    const preview = (await api.gql(PREVIEW, { i: { csv } }, { token: tt.tokens.partnerManager })).data.previewCustomerImport;
    expect(preview).toMatchObject({ rowCount: 3, create: 1, update: 0, unchanged: 1, errorCount: 1 });
    expect(preview.rows.map((r: { line: number; action: string }) => [r.line, r.action])).toEqual([[2, 'CREATE'], [3, 'UNCHANGED'], [4, 'ERROR']]);
    expect(preview.rows[2].errors.map((e: string) => e.split(':')[0]).sort()).toEqual(['email', 'mrr', 'resellerCode', 'signupDate', 'stage', 'usagePercent']);
    expect(await count()).toBe(before);
    const refused = await api.gql(IMPORT, { i: { csv } }, { token: tt.tokens.partnerManager });
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    expect(await count()).toBe(before);
    const good = csv.split('\r\n').slice(0, 3).join('\r\n');
    expect((await api.gql(IMPORT, { i: { csv: good } }, { token: tt.tokens.partnerManager })).data.importCustomersCsv).toEqual({ created: 1, updated: 0, unchanged: 1 });
    const id = (await idOf('C-10'))!;
    expect((await api.gql(CUSTOMER, { id }, { token: tt.tokens.admin })).data.customer).toMatchObject({ name: 'Quill & Ink, Ltd', stage: 'ACTIVE', servicePlan: 'Fiber 300', mrr: { amount: '79.99' }, usagePercent: 60, reseller: { id: resellers[0]!.id } });
  });

  it('refuses a malformed file or a missing column as a whole', async () => {
    expect(errorCode(await api.gql(PREVIEW, { i: { csv: 'name\nNo id' } }, { token: tt.tokens.admin }))).toBe('BAD_USER_INPUT');
    const unbalanced = await api.gql(PREVIEW, { i: { csv: 'external_id,name\n"C-20,Open quote' } }, { token: tt.tokens.admin });
    expect(errorCode(unbalanced)).toBe('BAD_USER_INPUT');
    expect(unbalanced.errors![0]!.message).toMatch(/Not a valid CSV file/);
    expect(errorCode(await api.gql(PREVIEW, { i: { csv: 'external_id,name\n' } }, { token: tt.tokens.admin }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await api.gql(PREVIEW, { i: { csv: 'external_id,name\nC-1,x' } }, { token: tt.tokens.finance }))).toBe('FORBIDDEN');
  });
});

describe('customer list order', () => {
  it('pages through customers by MRR, highest first, with cursors', async () => {
    const page = async (after: string | null) =>
      (await api.gql(`query($a: String) { customers(first: 2, after: $a, orderBy: MRR_DESC) { nodes { externalId mrr { amount } } pageInfo { hasNextPage endCursor } } }`, { a: after }, { token: tt.tokens.admin })).data.customers;
    const first = await page(null);
    expect(first.nodes.map((n: { mrr: { amount: string } }) => n.mrr.amount)).toEqual(['89.99', '79.99']);
    const second = await page(first.pageInfo.endCursor);
    expect(second.nodes.map((n: { mrr: { amount: string } }) => n.mrr.amount)).toEqual(['0.00', '0.00']);
    expect(second.nodes.map((n: { externalId: string }) => n.externalId)).not.toContain(first.nodes[0].externalId);
  });
});
