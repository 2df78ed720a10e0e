import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPROVE, createTestTenant, errorCode, login, submitApplication, SUBMIT, applicationInput, startTestApi, type TestApi, type TestTenant } from './helpers.js';

let api: TestApi;
let tt: TestTenant;

beforeAll(async () => {
  api = await startTestApi();
  tt = await createTestTenant(api);
});
afterAll(async () => api?.close());

/** The set-password link in the approval email, as the invited owner would click it. */
async function invitationToken(applicationId: string): Promise<string> {
  const result = await api.gql(`query($id: ID!) { resellerApplication(id: $id) { emails { template text html } } }`, { id: applicationId }, { token: tt.tokens.admin });
  const email = result.data.resellerApplication.emails.find((e: { template: string }) => e.template === 'APPLICATION_APPROVED');
  const match = /set-password\?token=([A-Za-z0-9_-]+)/.exec(email.text);
  expect(match, 'approval email carries a set-password link').not.toBeNull();
  expect(email.html).toContain(`set-password?token=${match![1]}`);
  return match![1]!;
}

describe('apply → review → approve → set password → portal', () => {
  it('walks the whole journey', async () => {
    const input = applicationInput(tt.slug, { companyName: 'Journey Telecom' });
    const submitted = await api.gql(SUBMIT, { input }, { ip: '198.51.100.7' });
    expect(submitted.errors).toBeUndefined();
    const payload = submitted.data.submitResellerApplication;
    expect(payload.application).toMatchObject({ status: 'SUBMITTED', companyName: 'Journey Telecom', contactEmail: input.contactEmail, canWithdraw: true });
    expect(payload.statusUrl).toBe(`http://hub.test/portal/application-status?token=${payload.statusToken}&tenant=${tt.slug}`);

    // The applicant checks the status with the token.
    const status = await api.gql(`query($t: String!) { resellerApplicationStatus(token: $t) { status companyName tenantName } }`, { t: payload.statusToken });
    expect(status.data.resellerApplicationStatus).toEqual({ status: 'SUBMITTED', companyName: 'Journey Telecom', tenantName: tt.tenant.name });

    // Emails: acknowledgement to the applicant, notice to every active admin and partner manager.
    const list = await api.gql(`query($s: String) { resellerApplications(filter: { search: $s }) { totalCount nodes { id status emails { template toAddress subject html text } history { action actorLabel } } } }`, { s: 'Journey Telecom' }, { token: tt.tokens.partnerManager });
    expect(list.data.resellerApplications.totalCount).toBe(1);
    const application = list.data.resellerApplications.nodes[0];
    const templates = application.emails.map((e: { template: string; toAddress: string }) => `${e.template}:${e.toAddress}`).sort();
    expect(templates).toEqual([`APPLICATION_RECEIVED:${input.contactEmail}`, `NEW_APPLICATION_ADMIN:admin@${tt.slug}.example`, `NEW_APPLICATION_ADMIN:partnermanager@${tt.slug}.example`].sort());
    const ack = application.emails.find((e: { template: string }) => e.template === 'APPLICATION_RECEIVED');
    expect(ack.html).toContain('<!doctype html>');
    expect(ack.html).toContain(payload.statusUrl.replaceAll('&', '&amp;'));
    expect(ack.text).toContain(payload.statusUrl);
    expect(application.history).toEqual([{ action: 'application.submitted', actorLabel: 'public' }]);

    // Review, then approve.
    const review = await api.gql(`mutation($i: ApplicationIdInput!) { startApplicationReview(input: $i) { application { status reviewer { email } } } }`, { i: { applicationId: application.id } }, { token: tt.tokens.partnerManager });
    expect(review.data.startApplicationReview.application).toEqual({ status: 'UNDER_REVIEW', reviewer: { email: `partnermanager@${tt.slug}.example` } });
    const note = await api.gql(`mutation($i: AddApplicationNoteInput!) { addApplicationNote(input: $i) { application { notes { body author { email } } } } }`, { i: { applicationId: application.id, body: 'Called them: solid references.' } }, { token: tt.tokens.partnerManager });
    expect(note.data.addApplicationNote.application.notes).toEqual([{ body: 'Called them: solid references.', author: { email: `partnermanager@${tt.slug}.example` } }]);

    const approved = await api.gql(APPROVE, { input: { applicationId: application.id, tier: 'GOLD' } }, { token: tt.tokens.admin });
    expect(approved.errors).toBeUndefined();
    const reseller = approved.data.approveResellerApplication.reseller;
    expect(approved.data.approveResellerApplication.alreadyApproved).toBe(false);
    expect(reseller).toMatchObject({ code: 'RS-000001', status: 'ONBOARDING', tier: 'GOLD' });

    const detail = await api.gql(`query($id: ID!) { reseller(id: $id) { companyName contactEmail users { email role status } application { id } history { action } } }`, { id: reseller.id }, { token: tt.tokens.admin });
    expect(detail.data.reseller).toEqual({
      companyName: 'Journey Telecom',
      contactEmail: input.contactEmail,
      users: [{ email: input.contactEmail, role: 'RESELLER_OWNER', status: 'INVITED' }],
      application: { id: application.id },
      history: [{ action: 'reseller.created' }],
    });

    // The invited owner cannot log in before setting a password.
    const early = await api.gql(`mutation($i: LoginInput!) { login(input: $i) { token } }`, { i: { tenantSlug: tt.slug, email: input.contactEmail, password: 'whatever-123456' } });
    expect(errorCode(early)).toBe('UNAUTHENTICATED');

    const token = await invitationToken(application.id);
    const set = await api.gql(`mutation($i: SetPasswordInput!) { setPassword(input: $i) { email tenant { slug } } }`, { i: { token, password: 'partner-pass-2026' } });
    expect(set.data.setPassword).toEqual({ email: input.contactEmail, tenant: { slug: tt.slug } });

    const partnerToken = await login(api, tt.slug, input.contactEmail.toUpperCase(), 'partner-pass-2026');
    const me = await api.gql(`{ me { kind role user { email status } reseller { code companyName } tenant { slug } } myReseller { code status } }`, {}, { token: partnerToken });
    expect(me.data).toEqual({
      me: { kind: 'USER', role: 'RESELLER_OWNER', user: { email: input.contactEmail, status: 'ACTIVE' }, reseller: { code: 'RS-000001', companyName: 'Journey Telecom' }, tenant: { slug: tt.slug } },
      myReseller: { code: 'RS-000001', status: 'ONBOARDING' },
    });

    // The owner edits contact details; it is audited.
    const edit = await api.gql(`mutation($i: UpdateMyResellerProfileInput!) { updateMyResellerProfile(input: $i) { reseller { contactName phone website } } }`, { i: { contactName: 'Jo Smith', phone: '+1 555 777 8888', website: '' } }, { token: partnerToken });
    expect(edit.data.updateMyResellerProfile.reseller).toEqual({ contactName: 'Jo Smith', phone: '+1 555 777 8888', website: null });
    const audit = await api.gql(`query($id: ID!) { auditEvents(entityType: "Reseller", entityId: $id) { action actorLabel } }`, { id: reseller.id }, { token: tt.tokens.admin });
    expect(audit.data.auditEvents[0]).toEqual({ action: 'reseller.profile_updated', actorLabel: input.contactEmail });

    // Logout ends the session at once.
    const out = await api.gql(`mutation { logout }`, {}, { token: partnerToken });
    expect(out.data.logout).toBe(true);
    const after = await api.gql(`{ me { role } }`, {}, { token: partnerToken });
    expect(errorCode(after)).toBe('UNAUTHENTICATED');
    expect(after.status).toBe(401);
  });

  it('numbers resellers sequentially per tenant', async () => {
    const other = await createTestTenant(api, 'seq');
    const codes = [];
    for (let i = 0; i < 3; i++) {
      const { id } = await submitApplication(api, other);
      const result = await api.gql(APPROVE, { input: { applicationId: id } }, { token: other.tokens.admin });
      codes.push(result.data.approveResellerApplication.reseller.code);
    }
    expect(codes).toEqual(['RS-000001', 'RS-000002', 'RS-000003']);
  });
});

describe('approval is atomic and idempotent', () => {
  it('two concurrent approvals create exactly one reseller', async () => {
    const other = await createTestTenant(api, 'race');
    const { id } = await submitApplication(api, other);
    const results = await Promise.all([
      api.gql(APPROVE, { input: { applicationId: id } }, { token: other.tokens.admin }),
      api.gql(APPROVE, { input: { applicationId: id } }, { token: other.tokens.partnerManager }),
      api.gql(APPROVE, { input: { applicationId: id } }, { token: other.tokens.admin }),
    ]);
    for (const result of results) expect(result.errors).toBeUndefined();
    const ids = new Set(results.map((r) => r.data.approveResellerApplication.reseller.id));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => r.data.approveResellerApplication.alreadyApproved === false)).toHaveLength(1);
    const resellers = await api.gql(`{ resellers { totalCount nodes { code users { email } } } }`, {}, { token: other.tokens.admin });
    expect(resellers.data.resellers.totalCount).toBe(1);
    expect(resellers.data.resellers.nodes[0].users).toHaveLength(1);
    const emails = await api.gql(`{ outboxEmails(filter: { template: [APPLICATION_APPROVED] }) { totalCount } }`, {}, { token: other.tokens.admin });
    expect(emails.data.outboxEmails.totalCount).toBe(1);
  });

  it('approving a rejected application is a CONFLICT and changes nothing', async () => {
    const other = await createTestTenant(api, 'rej');
    const { id, input } = await submitApplication(api, other);
    const rejected = await api.gql(`mutation($i: RejectResellerApplicationInput!) { rejectResellerApplication(input: $i) { application { status rejectionReason } } }`, { i: { applicationId: id, reason: 'Territory already covered' } }, { token: other.tokens.partnerManager });
    expect(rejected.data.rejectResellerApplication.application).toEqual({ status: 'REJECTED', rejectionReason: 'Territory already covered' });
    const approve = await api.gql(APPROVE, { input: { applicationId: id } }, { token: other.tokens.admin });
    expect(errorCode(approve)).toBe('CONFLICT');
    const resellers = await api.gql(`{ resellers { totalCount } }`, {}, { token: other.tokens.admin });
    expect(resellers.data.resellers.totalCount).toBe(0);
    // A rejected applicant has no account: cannot log in.
    const attempt = await api.gql(`mutation($i: LoginInput!) { login(input: $i) { token } }`, { i: { tenantSlug: other.slug, email: input.contactEmail, password: 'anything-12345' } });
    expect(errorCode(attempt)).toBe('UNAUTHENTICATED');
    // The rejection email carries the reason.
    const emails = await api.gql(`{ outboxEmails(filter: { template: [APPLICATION_REJECTED] }) { nodes { toAddress text } } }`, {}, { token: other.tokens.admin });
    expect(emails.data.outboxEmails.nodes).toHaveLength(1);
    expect(emails.data.outboxEmails.nodes[0].toAddress).toBe(input.contactEmail);
    expect(emails.data.outboxEmails.nodes[0].text).toContain('Reason: Territory already covered');
  });

  it('rejection needs a reason', async () => {
    const { id } = await submitApplication(api, tt);
    const result = await api.gql(`mutation($i: RejectResellerApplicationInput!) { rejectResellerApplication(input: $i) { application { status } } }`, { i: { applicationId: id, reason: '  ' } }, { token: tt.tokens.admin });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.extensions!.fieldErrors).toEqual({ reason: 'Required' });
  });

  it('refuses approval when the contact email already has an account', async () => {
    const other = await createTestTenant(api, 'dupuser');
    const { id } = await submitApplication(api, other, { contactEmail: `admin@${other.slug}.example` });
    const result = await api.gql(APPROVE, { input: { applicationId: id } }, { token: other.tokens.admin });
    expect(errorCode(result)).toBe('CONFLICT');
    const app = await api.gql(`query($id: ID!) { resellerApplication(id: $id) { status } }`, { id }, { token: other.tokens.admin });
    expect(app.data.resellerApplication.status).toBe('SUBMITTED');
  });
});

describe('set-password tokens', () => {
  async function approvedInvitation(): Promise<{ token: string; email: string }> {
    const { id, input } = await submitApplication(api, tt);
    await api.gql(APPROVE, { input: { applicationId: id } }, { token: tt.tokens.admin });
    return { token: await invitationToken(id), email: input.contactEmail };
  }
  const SET = `mutation($i: SetPasswordInput!) { setPassword(input: $i) { email } }`;

  it('works once: a reused token is a CONFLICT', async () => {
    const { token, email } = await approvedInvitation();
    expect((await api.gql(SET, { i: { token, password: 'first-password-1' } })).data.setPassword.email).toBe(email);
    const again = await api.gql(SET, { i: { token, password: 'second-password-2' } });
    expect(errorCode(again)).toBe('CONFLICT');
    // The first password still stands.
    await expect(login(api, tt.slug, email, 'first-password-1')).resolves.toBeTypeOf('string');
    await expect(login(api, tt.slug, email, 'second-password-2')).rejects.toThrow();
  });

  it('expires after 7 days', async () => {
    const { token, email } = await approvedInvitation();
    api.clock.advanceDays(7.01);
    try {
      const result = await api.gql(SET, { i: { token, password: 'late-password-1' } });
      expect(errorCode(result)).toBe('CONFLICT');
      expect(result.errors![0]!.message).toMatch(/expired/);
    } finally {
      api.clock.advanceDays(-7.01);
    }
    await expect(login(api, tt.slug, email, 'late-password-1')).rejects.toThrow();
  });

  it('rejects an unknown token and a weak password', async () => {
    expect(errorCode(await api.gql(SET, { i: { token: 'nope', password: 'fine-password-1' } }))).toBe('NOT_FOUND');
    const { token } = await approvedInvitation();
    const weak = await api.gql(SET, { i: { token, password: 'short' } });
    expect(errorCode(weak)).toBe('BAD_USER_INPUT');
    expect(weak.errors![0]!.extensions!.fieldErrors).toHaveProperty('password');
    // A refused attempt does not use the token up.
    expect((await api.gql(SET, { i: { token, password: 'good-password-1' } })).errors).toBeUndefined();
  });
});

describe('withdrawal', () => {
  it('the applicant withdraws with the token; a second withdrawal is harmless; a decided one is a CONFLICT', async () => {
    const { statusToken, id } = await submitApplication(api, tt);
    const W = `mutation($i: WithdrawResellerApplicationInput!) { withdrawResellerApplication(input: $i) { application { status canWithdraw withdrawnAt } } }`;
    const withdrawn = (await api.gql(W, { i: { token: statusToken } })).data.withdrawResellerApplication.application;
    expect(withdrawn).toEqual({ status: "WITHDRAWN", canWithdraw: false, withdrawnAt: api.clock.now().toISOString() });
    expect((await api.gql(W, { i: { token: statusToken } })).data.withdrawResellerApplication.application.status).toBe('WITHDRAWN');
    expect(errorCode(await api.gql(APPROVE, { input: { applicationId: id } }, { token: tt.tokens.admin }))).toBe('CONFLICT');

    const decided = await submitApplication(api, tt);
    await api.gql(APPROVE, { input: { applicationId: decided.id } }, { token: tt.tokens.admin });
    expect(errorCode(await api.gql(W, { i: { token: decided.statusToken } }))).toBe('CONFLICT');
    expect(errorCode(await api.gql(W, { i: { token: 'not-a-token' } }))).toBe('NOT_FOUND');
  });
});
