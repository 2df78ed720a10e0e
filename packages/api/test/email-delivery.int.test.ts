/**
 * SPEC §7 delivery against a real SMTP server on loopback: emails leave the outbox once, as
 * rendered, with a stable Message-ID; a server refusing for a while (4xx, at RCPT or after DATA),
 * down altogether, or dying in the middle of a message loses nothing and delivers each email once
 * when it recovers — except a server that dies after taking a message but before saying so, which
 * gets it twice with one Message-ID (SMTP is at least once); a permanent refusal (5xx) is shown and
 * can be resent; two deliveries racing never send an email twice; tenants stay apart.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { contextFor } from '../src/app/context.js';
import { systemActor } from '../src/auth/actor.js';
import { dropDatabase, ensureDatabase, withDatabase } from '../src/db/database.js';
import { openOrm } from '../src/db/orm.js';
import { sqlRows } from '../src/db/raw-sql.js';
import { deliverDueEmails } from '../src/emails/delivery.service.js';
import { createMailer } from '../src/emails/mailer.js';
import { EmailTemplate } from '../src/emails/outbox-email.entity.js';
import { queueEmail, queueEmailOnce } from '../src/emails/outbox.service.js';
import { applicationRejected } from '../src/emails/templates/application-emails.js';
import { Tenant } from '../src/modules/tenants/tenant.entity.js';
import { createTestTenant, errorCode, startTestApi, type TestApi, type TestTenant } from './helpers.js';
import { SmtpTestServer } from './smtp-test-server.js';
import { exitOf, killStartedProducts, startProduct, stopProduct, waitFor, whenStarted } from './support/product-process.js';

let api: TestApi;
let smtp: SmtpTestServer;
let a: TestTenant;
let b: TestTenant;
const RETRY_BASE_MS = 200;

async function queue(tt: TestTenant, count: number, name = 'Jo', on: TestApi = api): Promise<string[]> {
  const ctx = contextFor(on.services, systemActor(tt.tenant.id, 'test'));
  return ctx.em.transactional(async (tx) => {
    const tenant = await tx.findOneOrFail(Tenant, { id: tt.tenant.id });
    const ids: string[] = [];
    for (let n = 0; n < count; n++) {
      const email = await queueEmail(tx, tenant, { template: EmailTemplate.APPLICATION_REJECTED, to: `partner${n}@example.com`, toName: `${name} ${n}`, content: applicationRejected({ tenantName: tenant.name, contactName: `${name} ${n}`, companyName: `Company ${n}`, reason: 'Outside our footprint' }) });
      ids.push(email.id);
    }
    return ids;
  });
}

type Row = { id: string; status: string; attempts: number; last_error: string | null; next_attempt_at: string | null; sent_at: string | null; message_id: string | null; resend_of: string | null };
async function rows(ids: string[], on: TestApi = api): Promise<Row[]> {
  return sqlRows<Row>(on.orm.em.fork(), `select id, status, attempts, last_error, next_attempt_at::text, sent_at::text, message_id, resend_of from outbox_email where id = any(?::uuid[]) order by to_address`, [ids]);
}

const deliver = (tt: TestTenant) => deliverDueEmails(api.services, tt.tenant.id, createMailer(smtp.url));
const receivedFor = (ids: string[]) => smtp.received.filter((mail) => ids.some((id) => mail.messageId === `<${id}@hub.test>`));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  smtp = await new SmtpTestServer().start();
  api = await startTestApi({ SMTP_URL: smtp.url, EMAIL_RETRY_BASE_SECONDS: String(RETRY_BASE_MS / 1000), EMAIL_DELIVERY_EVERY_SECONDS: '1', JOBS_POLL_MS: '200' });
  a = await createTestTenant(api, 'mail-a');
  b = await createTestTenant(api, 'mail-b');
});
afterAll(async () => {
  await api?.close();
  await smtp?.stop();
});

describe('email delivery over SMTP', () => {
  it('sends each queued email once, as rendered, from the tenant with a stable Message-ID', async () => {
    const ids = await queue(a, 3, '<script>x</script>');
    expect(await deliver(a)).toEqual({ sent: 3, captured: 0, retrying: 0, failed: 0 });
    const mails = receivedFor(ids);
    expect(mails).toHaveLength(3);
    const stored = await sqlRows<{ id: string; subject: string; html: string; text: string; to_address: string }>(api.orm.em.fork(), `select id, subject, html, text, to_address from outbox_email where id = any(?::uuid[])`, [ids]);
    for (const email of stored) {
      const mail = mails.find((received) => received.messageId === `<${email.id}@hub.test>`)!;
      expect(mail.subject).toBe(email.subject);
      expect(mail.to).toContain(email.to_address);
      expect(mail.raw.from!.value).toEqual([{ name: 'MAIL-A Networks', address: 'no-reply@hub.test' }]);
      expect(mail.replyTo).toBe(a.tenant.supportEmail);
      expect(mail.text.trim()).toBe(email.text.trim());
      expect(mail.html).toContain('&lt;script&gt;x&lt;/script&gt;'); // escaped when rendered, not re-rendered here
      expect(mail.raw.headers.get('auto-submitted')).toBe('auto-generated');
    }
    for (const row of await rows(ids)) expect(row).toMatchObject({ status: 'SENT', attempts: 1, last_error: null, message_id: `<${row.id}@hub.test>` });
    expect(await deliver(a)).toEqual({ sent: 0, captured: 0, retrying: 0, failed: 0 });
    expect(receivedFor(ids)).toHaveLength(3);
  });

  it('keeps an email the server refuses for now (4xx) and retries with doubling back-off until it is delivered once', async () => {
    smtp.refuse = { code: 421, message: 'Try again later' };
    const ids = await queue(a, 2);
    const started = Date.now();
    expect(await deliver(a)).toMatchObject({ sent: 0, retrying: 2 });
    let state = await rows(ids);
    for (const row of state) {
      expect(row).toMatchObject({ status: 'QUEUED', attempts: 1 });
      expect(row.last_error).toMatch(/421/);
      const delay = Date.parse(row.next_attempt_at!) - started;
      expect(delay).toBeGreaterThanOrEqual(RETRY_BASE_MS - 50);
      expect(delay).toBeLessThan(RETRY_BASE_MS + 1500);
    }
    // Not due yet: nothing is tried.
    expect(await deliver(a)).toEqual({ sent: 0, captured: 0, retrying: 0, failed: 0 });
    await sleep(RETRY_BASE_MS + 50);
    const second = Date.now();
    expect(await deliver(a)).toMatchObject({ retrying: 2 });
    state = await rows(ids);
    for (const row of state) {
      expect(row.attempts).toBe(2);
      expect(Date.parse(row.next_attempt_at!) - second).toBeGreaterThanOrEqual(2 * RETRY_BASE_MS - 50); // doubled
    }
    smtp.refuse = null;
    await sleep(2 * RETRY_BASE_MS + 50);
    expect(await deliver(a)).toMatchObject({ sent: 2, retrying: 0 });
    for (const row of await rows(ids)) expect(row).toMatchObject({ status: 'SENT', attempts: 3, last_error: null });
    expect(receivedFor(ids)).toHaveLength(2);
  });

  it('loses nothing while the mail server is down, and delivers each email once when it is back', async () => {
    const port = smtp.port;
    await smtp.stop();
    const ids = await queue(a, 3);
    for (let attempt = 1; attempt <= 3; attempt++) {
      const tried = Date.now();
      expect(await deliver(a)).toMatchObject({ sent: 0, retrying: 3 });
      // Back-off doubles with each attempt: 200 ms, 400 ms, 800 ms here (30 s, 60 s, 120 s… by default).
      for (const row of await rows(ids)) expect(Date.parse(row.next_attempt_at!) - tried).toBeGreaterThanOrEqual(RETRY_BASE_MS * 2 ** (attempt - 1) - 50);
      await sleep(RETRY_BASE_MS * 2 ** attempt + 50);
    }
    for (const row of await rows(ids)) {
      expect(row).toMatchObject({ status: 'QUEUED', attempts: 3 });
      expect(row.last_error).toMatch(/ECONNREFUSED|connect/i);
    }
    await smtp.start(port);
    expect(await deliver(a)).toMatchObject({ sent: 3 });
    expect(receivedFor(ids)).toHaveLength(3);
    for (const row of await rows(ids)) expect(row.status).toBe('SENT');
  });

  it('marks an email the server refuses for good (5xx) FAILED, shows it, and an admin resends a copy', async () => {
    smtp.refuse = { code: 550, message: 'No such user here' };
    const [id] = await queue(a, 1);
    expect(await deliver(a)).toMatchObject({ failed: 1 });
    expect((await rows([id!]))[0]).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect((await rows([id!]))[0]!.last_error).toMatch(/550/);
    const health = (await api.gql(`{ systemHealth { healthy emailsFailed problems } }`, {}, { token: a.tokens.admin })).data.systemHealth;
    expect(health).toMatchObject({ healthy: false, emailsFailed: 1 });
    expect(health.problems).toContain('1 email(s) refused by the mail server');
    // Partner managers may resend; finance may not; another tenant cannot see it.
    expect(errorCode(await api.gql(`mutation($id: ID!) { resendEmail(id: $id) { id } }`, { id }, { token: a.tokens.finance }))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(`mutation($id: ID!) { resendEmail(id: $id) { id } }`, { id }, { token: b.tokens.admin }))).toBe('NOT_FOUND');
    const resent = await api.gql(`mutation($id: ID!) { resendEmail(id: $id) { id status resendOf subject } }`, { id }, { token: a.tokens.partnerManager });
    expect(resent.errors).toBeUndefined();
    expect(resent.data.resendEmail).toMatchObject({ status: 'QUEUED', resendOf: id });
    smtp.refuse = null;
    expect(await deliver(a)).toMatchObject({ sent: 1 });
    const copy = resent.data.resendEmail.id as string;
    expect((await rows([copy]))[0]).toMatchObject({ status: 'SENT', resend_of: id });
    expect((await rows([id!]))[0]!.status).toBe('FAILED');
    expect(receivedFor([copy])).toHaveLength(1);
    expect(receivedFor([id!])).toHaveLength(0);
  });

  it('treats a refusal after the message (DATA) the same way: 4xx kept and retried, 5xx FAILED', async () => {
    smtp.refuseData = { code: 452, message: 'Insufficient system storage' };
    const [id] = await queue(a, 1);
    expect(await deliver(a)).toMatchObject({ sent: 0, retrying: 1, failed: 0 });
    expect((await rows([id!]))[0]).toMatchObject({ status: 'QUEUED', attempts: 1, last_error: expect.stringMatching(/452/) });
    smtp.refuseData = { code: 554, message: 'Message content rejected' };
    await sleep(RETRY_BASE_MS + 50);
    expect(await deliver(a)).toMatchObject({ sent: 0, retrying: 0, failed: 1 });
    expect((await rows([id!]))[0]).toMatchObject({ status: 'FAILED', attempts: 2, last_error: expect.stringMatching(/554/) });
    smtp.refuseData = null;
    expect(receivedFor([id!])).toHaveLength(0);
  });

  it('a server that dies in the middle of a message: the email is kept, retried, and delivered once', async () => {
    const ids = await queue(a, 2);
    smtp.dieDuringData = 'mid-message';
    // The first email's connection is cut while its message goes out; the second gets a new one.
    expect(await deliver(a)).toMatchObject({ sent: 1, retrying: 1, failed: 0 });
    const [cut] = (await rows(ids)).filter((row) => row.status === 'QUEUED');
    expect(cut).toMatchObject({ attempts: 1, last_error: expect.stringMatching(/connection|socket|closed/i) });
    await sleep(RETRY_BASE_MS + 50);
    expect(await deliver(a)).toMatchObject({ sent: 1, retrying: 0 });
    for (const row of await rows(ids)) expect(row.status).toBe('SENT');
    const mails = receivedFor(ids);
    expect(mails).toHaveLength(2);
    expect(new Set(mails.map((mail) => mail.messageId)).size).toBe(2);
  });

  it('a server that dies after taking the whole message, before saying so: sent again with the same Message-ID (SMTP is at least once)', async () => {
    // The server kept the message but the client never heard "250 OK": to the sender it is a
    // connection failure like any other, so the email goes again. Nothing is lost; the receiver
    // gets two copies with one Message-ID and can drop the second. SMTP offers nothing better.
    const [id] = await queue(a, 1);
    smtp.dieDuringData = 'before-reply';
    expect(await deliver(a)).toMatchObject({ sent: 0, retrying: 1 });
    expect(receivedFor([id!])).toHaveLength(1);
    await sleep(RETRY_BASE_MS + 50);
    expect(await deliver(a)).toMatchObject({ sent: 1, retrying: 0 });
    expect((await rows([id!]))[0]).toMatchObject({ status: 'SENT', attempts: 2, message_id: `<${id}@hub.test>` });
    const copies = receivedFor([id!]);
    expect(copies.map((mail) => mail.messageId)).toEqual([`<${id}@hub.test>`, `<${id}@hub.test>`]);
    expect(copies[1]!.text).toBe(copies[0]!.text);
  });

  it('two deliveries racing for the same emails send each exactly once', async () => {
    const ids = await queue(a, 30);
    const results = await Promise.all([deliver(a), deliver(a), deliver(a)]);
    expect(results.reduce((sum, result) => sum + result.sent, 0)).toBe(30);
    const mails = receivedFor(ids);
    expect(mails).toHaveLength(30);
    expect(new Set(mails.map((mail) => mail.messageId)).size).toBe(30);
  });

  it("delivers only the tenant's own emails", async () => {
    const ours = await queue(a, 1);
    const theirs = await queue(b, 1);
    await deliver(a);
    expect((await rows(ours))[0]!.status).toBe('SENT');
    expect((await rows(theirs))[0]).toMatchObject({ status: 'QUEUED', attempts: 0 });
    await deliver(b);
    expect((await rows(theirs))[0]!.status).toBe('SENT');
  });

  it('queues one email per event: a dedupe key is never queued twice (and the database refuses a duplicate)', async () => {
    const ctx = contextFor(api.services, systemActor(a.tenant.id, 'test'));
    const content = applicationRejected({ tenantName: 'A', contactName: 'Jo', companyName: 'Acme', reason: 'No' });
    const queueOnce = () => ctx.em.transactional(async (tx) => queueEmailOnce(tx, await tx.findOneOrFail(Tenant, { id: a.tenant.id }), { template: EmailTemplate.APPLICATION_REJECTED, to: 'jo@example.com', content, dedupeKey: 'event-42' }));
    expect(await queueOnce()).toBe(true);
    expect(await queueOnce()).toBe(false);
    const insertTwice = ctx.em.transactional(async (tx) => {
      const tenant = await tx.findOneOrFail(Tenant, { id: a.tenant.id });
      await queueEmail(tx, tenant, { template: EmailTemplate.APPLICATION_REJECTED, to: 'jo@example.com', content, dedupeKey: 'event-42' });
    });
    await expect(insertTwice).rejects.toThrow(/outbox_email_dedupe_key_unique/);
    const [count] = await sqlRows<{ count: string }>(api.orm.em.fork(), `select count(*) from outbox_email where tenant_id = ? and dedupe_key = 'event-42'`, [a.tenant.id]);
    expect(Number(count!.count)).toBe(1);
  });

  it('the email-delivery job sends within seconds of queueing, and records the runs that sent something', async () => {
    await deliver(a); // what earlier tests left queued
    await api.services.scheduler.start({ onlyTenantIds: [a.tenant.id] });
    const ids = await queue(a, 2);
    const deadline = Date.now() + 15_000;
    while ((await rows(ids)).some((row) => row.status !== 'SENT')) {
      if (Date.now() > deadline) throw new Error('not delivered by the job');
      await sleep(200);
    }
    expect(receivedFor(ids)).toHaveLength(2);
    const runs = await sqlRows<{ status: string; trigger: string; result: { sent: number } }>(api.orm.em.fork(), `select status, trigger, result from job_run where tenant_id = ? and workflow = 'email-delivery'`, [a.tenant.id]);
    expect(runs.length).toBeGreaterThan(0);
    expect(runs.every((run) => run.status === 'SUCCEEDED' && run.trigger === 'SCHEDULE' && run.result.sent > 0)).toBe(true);
    expect(runs.reduce((sum, run) => sum + run.result.sent, 0)).toBe(2);
  });
});

describe('the process delivering emails killed (SIGKILL)', () => {
  // Real worker processes on a database of their own (a worker delivers every tenant's emails).
  let databaseUrl: string;
  let own: TestApi;
  let tt: TestTenant;

  beforeAll(async () => {
    databaseUrl = withDatabase(inject('databaseUrl'), `rh_mailkill_${process.pid}_${Date.now()}`);
    await ensureDatabase(databaseUrl);
    await (await openOrm(databaseUrl, { quiet: true })).close();
    own = await startTestApi({ DATABASE_URL: databaseUrl, JOBS_TABLE: 'agenda_jobs', SMTP_URL: smtp.url, EMAIL_DELIVERY_EVERY_SECONDS: '1' });
    tt = await createTestTenant(own, 'mail-kill');
    await own.services.scheduler.syncSchedules(tt.tenant.id);
  });
  afterAll(async () => {
    killStartedProducts();
    await own?.close();
    if (databaseUrl) await dropDatabase(databaseUrl).catch(() => undefined);
  });

  it('loses no email: killed after claiming, nothing went; killed after the server took one, that one goes again with its Message-ID', async () => {
    const ids = await queue(tt, 5, 'Kim', own);
    // Claims of 2 s (10 minutes by default). The delivery job's Agenda lock, which the killed
    // process holds, is released by the next process of this machine when it starts.
    const env = { DATABASE_URL: databaseUrl, SMTP_URL: smtp.url, JOBS_TABLE: 'agenda_jobs', EMAIL_CLAIM_SECONDS: '2' };

    const claiming = await startProduct({ ...env, RH_FAULT_KILL_AT: 'email-delivery:claimed' }, 'src/worker.ts');
    expect(await exitOf(claiming, 150_000)).toEqual({ code: null, signal: 'SIGKILL' });
    expect(receivedFor(ids)).toHaveLength(0);
    for (const row of await rows(ids, own)) expect(row).toMatchObject({ status: 'QUEUED', attempts: 1 });

    const sending = await startProduct({ ...env, RH_FAULT_KILL_AT: 'email-delivery:sent' }, 'src/worker.ts');
    expect(await exitOf(sending, 150_000)).toEqual({ code: null, signal: 'SIGKILL' });
    expect(sending.output()).toContain('fault point email-delivery:sent: SIGKILL');
    const [accepted] = receivedFor(ids);
    expect(receivedFor(ids)).toHaveLength(1);
    for (const row of await rows(ids, own)) expect(row).toMatchObject({ status: 'QUEUED', attempts: 2 });

    const healthy = await startProduct(env, 'src/worker.ts');
    await whenStarted(healthy);
    expect(healthy.output()).toContain('released the job locks of workers that died on this machine');
    await waitFor(async () => (await rows(ids, own)).every((row) => row.status === 'SENT'), 'every email sent', 60_000);
    expect(await stopProduct(healthy)).toEqual({ code: 0, signal: null });

    for (const row of await rows(ids, own)) expect(row).toMatchObject({ status: 'SENT', attempts: 3, message_id: `<${row.id}@hub.test>` });
    const mails = receivedFor(ids);
    // Five emails, each received; the one the server took before the crash twice, with one Message-ID.
    expect(new Set(mails.map((mail) => mail.messageId))).toEqual(new Set(ids.map((id) => `<${id}@hub.test>`)));
    expect(mails).toHaveLength(6);
    expect(mails.filter((mail) => mail.messageId === accepted!.messageId)).toHaveLength(2);
  }, 400_000);
});
