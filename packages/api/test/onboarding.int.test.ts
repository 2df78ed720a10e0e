import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../src/auth/roles.js';
import { createStaffUser } from '../src/seeders/factories.js';
import { addDaysToDate } from '../src/shared/period.js';
import { APPROVE, createTestTenant, errorCode, login, STAFF_PASSWORD, startTestApi, submitApplication, type TestApi, type TestTenant } from './helpers.js';

let api: TestApi;
let tt: TestTenant;
let resellerId: string;
let otherResellerId: string;
let partner: string;
let approvedOn: string;
const CHECKLIST = `query($id: ID!) { onboarding(resellerId: $id) { progressPercent targetDate overdueCount tasks { id key owner dueDate status prerequisites blockedBy overdue } } }`;
const COMPLETE = `mutation($i: CompleteOnboardingTaskInput!) { completeOnboardingTask(input: $i) { checklist { progressPercent reseller { status } } } }`;

async function approve(t: TestTenant) {
  const { id } = await submitApplication(api, t);
  return (await api.gql(APPROVE, { input: { applicationId: id } }, { token: t.tokens.admin })).data.approveResellerApplication.reseller.id as string;
}

beforeAll(async () => {
  api = await startTestApi();
  tt = await createTestTenant(api, 'onb');
  approvedOn = api.clock.now().toISOString().slice(0, 10);
  resellerId = await approve(tt);
  otherResellerId = await approve(tt);
  await createStaffUser(api.orm.em, tt.tenant, { email: `owner@${tt.slug}.example`, name: 'Owner', role: Role.RESELLER_OWNER, password: STAFF_PASSWORD, resellerId });
  partner = await login(api, tt.slug, `owner@${tt.slug}.example`, STAFF_PASSWORD);
});
afterAll(async () => api?.close());

const tasksOf = async (token: string, id = resellerId) => (await api.gql(CHECKLIST, { id }, { token })).data.onboarding;
const taskId = (checklist: { tasks: { key: string; id: string }[] }, key: string) => checklist.tasks.find((t) => t.key === key)!.id;

describe('onboarding checklist', () => {
  it('approval creates the 11 tasks, due from the approval date, target approval + 45 days', async () => {
    const checklist = await tasksOf(tt.tokens.partnerManager);
    expect(checklist.tasks).toHaveLength(11);
    expect(checklist.progressPercent).toBe(0);
    expect(checklist.targetDate).toBe(addDaysToDate(approvedOn, 45));
    const byKey = Object.fromEntries(checklist.tasks.map((t: { key: string }) => [t.key, t]));
    expect(byKey.setup_001).toMatchObject({ owner: 'RESELLER', dueDate: addDaysToDate(approvedOn, 5), prerequisites: [], blockedBy: [] });
    expect(byKey.final_002).toMatchObject({ owner: 'ISP', dueDate: addDaysToDate(approvedOn, 14), blockedBy: ['training_002', 'business_001', 'final_001'] });
  });

  it('refuses a task whose prerequisites are open, naming them', async () => {
    const checklist = await tasksOf(partner);
    const result = await api.gql(COMPLETE, { i: { taskId: taskId(checklist, 'training_001') } }, { token: partner });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.message).toContain('setup_002');
    expect(result.errors![0]!.extensions!.openPrerequisites).toEqual(['setup_002']);
  });

  it('partner tasks are the partner’s, ISP tasks the ISP’s', async () => {
    const checklist = await tasksOf(partner);
    expect(errorCode(await api.gql(COMPLETE, { i: { taskId: taskId(checklist, 'setup_003') } }, { token: partner }))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(COMPLETE, { i: { taskId: taskId(checklist, 'setup_001') } }, { token: tt.tokens.admin }))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(COMPLETE, { i: { taskId: taskId(checklist, 'setup_003') } }, { token: tt.tokens.finance }))).toBe('FORBIDDEN');
    // Another reseller's checklist does not exist for this partner.
    expect(errorCode(await api.gql(CHECKLIST, { id: otherResellerId }, { token: partner }))).toBe('NOT_FOUND');
    const other = await tasksOf(tt.tokens.admin, otherResellerId);
    expect(errorCode(await api.gql(COMPLETE, { i: { taskId: taskId(other, 'setup_001') } }, { token: partner }))).toBe('NOT_FOUND');
  });

  it('flags overdue tasks as days pass', async () => {
    api.clock.advanceDays(8);
    try {
      // Sessions last hours, so eight days on the staff sign in again.
      const admin = await login(api, tt.slug, `admin@${tt.slug}.example`, STAFF_PASSWORD);
      const checklist = await tasksOf(admin);
      expect(checklist.tasks.filter((t: { overdue: boolean }) => t.overdue).map((t: { key: string }) => t.key).sort()).toEqual(['final_001', 'setup_001', 'setup_002', 'setup_003']);
      const overdue = await api.gql(`{ overdueOnboardingTasks { key reseller { id } } }`, {}, { token: admin });
      expect(overdue.data.overdueOnboardingTasks.filter((t: { reseller: { id: string } }) => t.reseller.id === resellerId)).toHaveLength(4);
    } finally {
      api.clock.advanceDays(-8);
    }
  });

  it('completing all 11 in order activates the reseller, audited and emailed', async () => {
    const order = ['setup_001', 'setup_002', 'setup_003', 'training_001', 'training_002', 'technical_001', 'technical_002', 'business_001', 'business_002', 'final_001', 'final_002'];
    const checklist = await tasksOf(tt.tokens.admin);
    let last;
    for (const key of order) {
      const owner = checklist.tasks.find((t: { key: string }) => t.key === key).owner;
      last = await api.gql(COMPLETE, { i: { taskId: taskId(checklist, key), note: `done ${key}` } }, { token: owner === 'RESELLER' ? partner : tt.tokens.partnerManager });
      expect(last.errors, key).toBeUndefined();
    }
    expect(last!.data.completeOnboardingTask.checklist).toEqual({ progressPercent: 100, reseller: { status: 'ACTIVE' } });
    const history = await api.gql(`query($id: ID!) { reseller(id: $id) { history { action reason } } }`, { id: resellerId }, { token: tt.tokens.admin });
    expect(history.data.reseller.history).toContainEqual({ action: 'reseller.status_changed', reason: 'All onboarding tasks completed' });
    const emails = await api.gql(`{ outboxEmails(filter: { template: [ONBOARDING_COMPLETED] }) { nodes { subject toAddress } } }`, {}, { token: tt.tokens.admin });
    expect(emails.data.outboxEmails.nodes).toHaveLength(1);
    // Completing again changes nothing.
    expect((await api.gql(COMPLETE, { i: { taskId: taskId(checklist, 'final_002') } }, { token: tt.tokens.admin })).data.completeOnboardingTask.checklist.progressPercent).toBe(100);
  });
});
