/**
 * Payouts (SPEC §4): payout details encrypted and masked, batches with four-eyes approval, a NACHA
 * file read back by an independent parser, exported once, settlement and failure with retry,
 * statements, roles and tenants — and the full account numbers never in a GraphQL answer or a log.
 */
import { parse, validate } from 'achkit';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../src/auth/roles.js';
import { sqlRows } from '../src/db/raw-sql.js';
import { sealStoredPaymentFiles } from '../src/modules/payouts/payment-file.repository.js';
import { createStaffUser } from '../src/seeders/factories.js';
import { APPROVE, createTestTenant, errorCode, login, STAFF_PASSWORD, startTestApi, submitApplication, type TestApi, type TestTenant } from './helpers.js';

let api: TestApi;
let tt: TestTenant;
let other: TestTenant;
const resellers = {} as Record<'a' | 'b' | 'c', { id: string; code: string; owner: string }>;
const ACCOUNTS = { a: '000123456789', b: '9876543210', c: '55550000' };
const answers: string[] = [];
const logged: string[] = [];
let gql: TestApi['gql'];
let batchId: string;
let paymentIds: Record<'a' | 'b', string>;
let retryBatchId: string;

const BATCH = `query($id: ID!) { paymentBatch(id: $id) { id period status createdByLabel approvedByLabel total { amount } paymentCount
  skipped { code amount { amount } reason } file { fileName sha256 byteSize nachaUrl remittanceCsvUrl }
  payments { id status secCode accountType accountLast4 holderName traceNumber amount { amount } lineCount reseller { code } } } }`;
const CREATE = `mutation($p: String!) { createPaymentBatch(input: { period: $p }) { batch { id status total { amount } paymentCount skipped { code reason amount { amount } } payments { id secCode amount { amount } reseller { code } } } } }`;
const APPROVE_BATCH = `mutation($id: ID!) { approvePaymentBatch(input: { batchId: $id }) { batch { status approvedByLabel } } }`;
const EXPORT = `mutation($id: ID!) { exportPaymentBatch(input: { batchId: $id }) { batch { status effectiveDate } file { fileName sha256 byteSize nachaUrl remittanceCsvUrl } } }`;
const SET_ACCOUNT = `mutation($i: SetMyPayoutAccountInput!) { setMyPayoutAccount(input: $i) { payoutAccount { holderName routingNumber accountLast4 accountType verifiedAt } } }`;

/** Moves the clock on and signs everyone in again (sessions last 12 hours of the clock). */
async function advanceDays(days: number) {
  api.clock.advanceDays(days);
  for (const [key, role] of [['admin', 'admin'], ['finance', 'finance'], ['partnerManager', 'partnerManager']] as const) tt.tokens[key] = await login(api, tt.slug, `${role}@${tt.slug}.example`, STAFF_PASSWORD);
  other.tokens.admin = await login(api, other.slug, `admin@${other.slug}.example`, STAFF_PASSWORD);
  for (const key of ['a', 'b', 'c'] as const) resellers[key].owner = await login(api, tt.slug, `owner-${key}@${tt.slug}.example`, STAFF_PASSWORD);
}

async function download(path: string, token?: string) {
  const response = await fetch(`${api.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

beforeAll(async () => {
  api = await startTestApi({ LOG_LEVEL: 'debug' });
  // Every answer and every log line of this file is kept, to search for account numbers at the end.
  const raw = api.gql.bind(api);
  gql = async (query, variables, options) => {
    const result = await raw(query, variables, options);
    answers.push(JSON.stringify(result));
    return result;
  };
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    logged.push(String(chunk));
    return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stderr.write;

  tt = await createTestTenant(api, 'pay');
  other = await createTestTenant(api, 'payother');
  for (const [key, businessType] of [['a', 'LLC'], ['b', 'INDIVIDUAL'], ['c', 'CORPORATION']] as const) {
    const { id } = await submitApplication(api, tt, { businessType });
    const reseller = (await gql(APPROVE, { input: { applicationId: id } }, { token: tt.tokens.admin })).data.approveResellerApplication.reseller;
    await gql(`mutation($i: UpdateResellerStatusInput!) { updateResellerStatus(input: $i) { reseller { status } } }`, { i: { resellerId: reseller.id, status: 'ACTIVE', reason: 'Live' } }, { token: tt.tokens.admin });
    const email = `owner-${key}@${tt.slug}.example`;
    await createStaffUser(api.orm.em, tt.tenant, { email, name: `Owner ${key}`, role: Role.RESELLER_OWNER, password: STAFF_PASSWORD, resellerId: reseller.id });
    resellers[key] = { id: reseller.id, code: reseller.code, owner: await login(api, tt.slug, email, STAFF_PASSWORD) };
  }
  const finance = (query: string, variables: Record<string, unknown> = {}) => gql(query, variables, { token: tt.tokens.finance });
  await finance(`mutation { createCommissionPlan(input: { name: "Standard", type: PERCENTAGE, effectiveFrom: "2026-01", isDefault: true, terms: { rate: "0.1000", minimumPayout: "50.00" } }) { plan { id } } }`);
  await finance(`mutation($c: [CustomerUpsertInput!]!) { upsertCustomers(input: { customers: $c }) { created } }`, {
    c: [
      { externalId: 'PA', name: 'Alpha Home', resellerCode: resellers.a.code, assignedSince: '2025-12-01', stage: 'ACTIVE' },
      { externalId: 'PB', name: 'Beta Office', resellerCode: resellers.b.code, assignedSince: '2025-12-01', stage: 'ACTIVE' },
      { externalId: 'PC', name: 'Gamma Shop', resellerCode: resellers.c.code, assignedSince: '2025-12-01', stage: 'ACTIVE' },
    ],
  });
  await finance(`mutation($r: [BillingRecordInput!]!) { upsertBillingRecords(input: { records: $r }) { created } }`, {
    r: [
      { invoiceId: 'P-1', customerExternalId: 'PA', period: '2026-01', invoicedAmount: '1204.50', paidAmount: '1204.50', paidDate: '2026-01-15' },
      { invoiceId: 'P-2', customerExternalId: 'PB', period: '2026-01', invoicedAmount: '800.00', paidAmount: '800.00', paidDate: '2026-01-12' },
      { invoiceId: 'P-3', customerExternalId: 'PC', period: '2026-01', invoicedAmount: '100.00', paidAmount: '100.00', paidDate: '2026-01-20' },
    ],
  });
  const run = await finance(`mutation { runCommissions(input: { period: "2026-01" }) { run { id total { amount } } } }`);
  expect(run.data.runCommissions.run.total.amount).toBe('210.45'); // 120.45 + 80.00 + 10.00
  await finance(`mutation($id: ID!) { approveCommissionRun(input: { runId: $id }) { run { status } } }`, { id: run.data.runCommissions.run.id });
  const ach = await gql(
    `mutation($i: AchSettingsInput!) { updateAchSettings(input: $i) { companyName } }`,
    { i: { immediateDestination: '021000021', immediateDestinationName: 'JPMorgan Chase', immediateOrigin: '1234567890', immediateOriginName: 'Pay Networks', companyName: 'Pay Networks', companyId: '1234567890', odfiRouting: '021000021' } },
    { token: tt.tokens.admin },
  );
  expect(ach.data.updateAchSettings.companyName).toBe('Pay Networks');
}, 60_000);
afterAll(async () => api?.close());

describe('payout details', () => {
  it('refuses a bad routing number or account number with field errors', async () => {
    const bad = await gql(SET_ACCOUNT, { i: { holderName: 'Alpha LLC', routingNumber: '021000022', accountNumber: ACCOUNTS.a, accountType: 'CHECKING' } }, { token: resellers.a.owner });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0]!.extensions!.fieldErrors).toHaveProperty('routingNumber');
    const short = await gql(SET_ACCOUNT, { i: { holderName: 'Alpha LLC', routingNumber: '011000015', accountNumber: '12a', accountType: 'CHECKING' } }, { token: resellers.a.owner });
    expect(short.errors![0]!.extensions!.fieldErrors).toHaveProperty('accountNumber');
  });

  it('stores the number encrypted, shows only its last four digits, emails the partner, and needs verification', async () => {
    for (const key of ['a', 'b', 'c'] as const) {
      const set = await gql(SET_ACCOUNT, { i: { holderName: `Holder ${key.toUpperCase()}`, routingNumber: key === 'b' ? '011401533' : '011000015', accountNumber: ACCOUNTS[key], accountType: key === 'b' ? 'SAVINGS' : 'CHECKING' } }, { token: resellers[key].owner });
      expect(set.data.setMyPayoutAccount.payoutAccount).toMatchObject({ accountLast4: ACCOUNTS[key].slice(-4), verifiedAt: null });
    }
    const rows = await api.orm.em.getConnection().execute(`select account_number_ciphertext from payout_account where tenant_id = ?`, [tt.tenant.id]);
    expect(rows).toHaveLength(3);
    for (const row of rows) for (const number of Object.values(ACCOUNTS)) expect(row.account_number_ciphertext).not.toContain(number);
    const emails = await gql(`{ outboxEmails(first: 50) { nodes { template toAddress text } } }`, {}, { token: tt.tokens.admin });
    const changed = emails.data.outboxEmails.nodes.filter((e: { template: string }) => e.template === 'PAYOUT_ACCOUNT_CHANGED');
    expect(changed).toHaveLength(3);
    expect(changed[0].text).toContain('ending in');
    // A staff user of the reseller reads its own masked details; verification is finance's.
    expect((await gql(`{ myPayoutAccount { accountLast4 } }`, {}, { token: resellers.a.owner })).data.myPayoutAccount.accountLast4).toBe('6789');
    expect(errorCode(await gql(`mutation($r: ID!) { verifyPayoutAccount(input: { resellerId: $r }) { payoutAccount { verifiedAt } } }`, { r: resellers.a.id }, { token: resellers.a.owner }))).toBe('FORBIDDEN');
    const verified = await gql(`mutation($r: ID!) { verifyPayoutAccount(input: { resellerId: $r }) { payoutAccount { verifiedBy } } }`, { r: resellers.a.id }, { token: tt.tokens.finance });
    expect(verified.data.verifyPayoutAccount.payoutAccount.verifiedBy).toBe(`finance@${tt.slug}.example`);
    await gql(`mutation($r: ID!) { verifyPayoutAccount(input: { resellerId: $r }) { payoutAccount { verifiedBy } } }`, { r: resellers.c.id }, { token: tt.tokens.finance });
  });
});

describe('payment batches', () => {
  it('pays only verified resellers that reach the minimum; the others are skipped and carry over', async () => {
    const first = await gql(CREATE, { p: '2026-01' }, { token: tt.tokens.finance });
    const batch = first.data.createPaymentBatch.batch;
    expect(batch).toMatchObject({ status: 'DRAFT', total: { amount: '120.45' }, paymentCount: 1 });
    expect(batch.skipped.map((s: { code: string; reason: string; amount: { amount: string } }) => [s.code, s.reason, s.amount.amount]).sort()).toEqual(
      [[resellers.b.code, 'NO_VERIFIED_ACCOUNT', '80.00'], [resellers.c.code, 'BELOW_MINIMUM', '10.00']].sort(),
    );
    // Discard it, verify B, and draft again: now A (CCD) and B (an individual: PPD).
    const cancelled = await gql(`mutation($id: ID!) { cancelPaymentBatch(input: { batchId: $id, reason: "B verified now" }) { batch { status cancelledBy cancellationReason payments { status } } } }`, { id: batch.id }, { token: tt.tokens.finance });
    expect(cancelled.data.cancelPaymentBatch.batch).toEqual({ status: 'CANCELLED', cancelledBy: `finance@${tt.slug}.example`, cancellationReason: 'B verified now', payments: [{ status: 'CANCELLED' }] });
    await gql(`mutation($r: ID!) { verifyPayoutAccount(input: { resellerId: $r }) { payoutAccount { verifiedBy } } }`, { r: resellers.b.id }, { token: tt.tokens.admin });
    const second = (await gql(CREATE, { p: '2026-01' }, { token: tt.tokens.finance })).data.createPaymentBatch.batch;
    expect(second).toMatchObject({ status: 'DRAFT', total: { amount: '200.45' }, paymentCount: 2 });
    expect(second.payments.map((p: { reseller: { code: string }; secCode: string; amount: { amount: string } }) => [p.reseller.code, p.secCode, p.amount.amount]).sort()).toEqual(
      [[resellers.a.code, 'CCD', '120.45'], [resellers.b.code, 'PPD', '80.00']].sort(),
    );
    batchId = second.id;
    paymentIds = Object.fromEntries(second.payments.map((p: { reseller: { code: string }; id: string }) => [p.reseller.code === resellers.a.code ? 'a' : 'b', p.id])) as typeof paymentIds;
    // The same lines cannot go into a second batch.
    const third = await gql(CREATE, { p: '2026-01' }, { token: tt.tokens.admin });
    expect(errorCode(third)).toBe('CONFLICT');
    expect(third.errors![0]!.message).toMatch(/Nothing to pay/);
  });

  it('four eyes: the creator cannot approve; another finance person can', async () => {
    const viewer = async (token: string) => (await gql(`query($id: ID!) { paymentBatch(id: $id) { viewerIsCreator } }`, { id: batchId }, { token })).data.paymentBatch.viewerIsCreator;
    expect([await viewer(tt.tokens.finance), await viewer(tt.tokens.admin)]).toEqual([true, false]);
    const own = await gql(APPROVE_BATCH, { id: batchId }, { token: tt.tokens.finance });
    expect(errorCode(own)).toBe('FORBIDDEN');
    expect(own.errors![0]!.message).toMatch(/someone other than/);
    expect(errorCode(await gql(APPROVE_BATCH, { id: batchId }, { token: tt.tokens.partnerManager }))).toBe('FORBIDDEN');
    expect(errorCode(await gql(EXPORT, { id: batchId }, { token: tt.tokens.finance }))).toBe('CONFLICT'); // not approved yet
    const approved = await gql(APPROVE_BATCH, { id: batchId }, { token: tt.tokens.admin });
    expect(approved.data.approvePaymentBatch.batch).toEqual({ status: 'APPROVED', approvedByLabel: `admin@${tt.slug}.example` });
  });

  it('exports a NACHA file an independent parser accepts, with every total right, once', async () => {
    const exported = await gql(EXPORT, { id: batchId }, { token: tt.tokens.finance });
    expect(exported.errors).toBeUndefined();
    const { file } = exported.data.exportPaymentBatch;
    expect(exported.data.exportPaymentBatch.batch.status).toBe('EXPORTED');
    const nacha = await download(file.nachaUrl, tt.tokens.finance);
    expect(nacha.status).toBe(200);
    expect(nacha.headers.get('cache-control')).toBe('no-store');
    expect(createHash('sha256').update(nacha.text).digest('hex')).toBe(file.sha256);
    expect(Buffer.byteLength(nacha.text)).toBe(file.byteSize);
    expect(validate(nacha.text)).toEqual({ ok: true, errors: [] });
    const parsed = parse(nacha.text);
    const lines = nacha.text.trimEnd().split('\n');
    expect(lines).toHaveLength(10); // 1 + 2×2 batch records + 2 entries + 1 = 8 → blocked to 10
    expect(lines.every((line) => line.length === 94)).toBe(true);
    expect(parsed.control).toMatchObject({ batchCount: 2, blockCount: 1, entryAddendaCount: 2, totalDebit: 0, totalCredit: 20045, entryHash: String(1100001 + 1140153).padStart(10, '0') });
    expect(parsed.batches.map((b) => [b.sec, b.companyName, b.companyId, b.control!.totalCredit])).toEqual([['CCD', 'PAY NETWORKS', '1234567890', 12045], ['PPD', 'PAY NETWORKS', '1234567890', 8000]]);
    // Partners' statements show the commission period as the descriptive date.
    expect(lines.filter((record) => record.startsWith('5')).map((header) => header.slice(63, 69))).toEqual(['JAN 26', 'JAN 26']);
    const entries = parsed.batches.flatMap((b) => b.entries);
    expect(entries.map((e) => [e.idNumber, e.txnCode, e.routing, e.account, e.amountCents])).toEqual([
      [resellers.a.code, 22, '011000015', ACCOUNTS.a, 12045],
      [resellers.b.code, 32, '011401533', ACCOUNTS.b, 8000],
    ]);
    const batch = (await gql(BATCH, { id: batchId }, { token: tt.tokens.finance })).data.paymentBatch;
    expect(batch.payments.map((p: { traceNumber: string }) => p.traceNumber).sort()).toEqual(entries.map((e) => e.traceNumber).sort());
    const csv = await download(file.remittanceCsvUrl, tt.tokens.admin);
    expect(csv.text.split('\n')[0]).toBe('reseller_code,reseller,account_holder,amount,currency,lines,sec_code,account_type,routing_number,account,trace_number,effective_date');
    expect(csv.text).toContain('120.45');
    expect(csv.text).toContain('****6789');

    // Again, and twice at once: the same bytes, never new trace numbers.
    const again = await Promise.all([gql(EXPORT, { id: batchId }, { token: tt.tokens.admin }), gql(EXPORT, { id: batchId }, { token: tt.tokens.finance })]);
    for (const result of again) expect(result.data.exportPaymentBatch.file.sha256).toBe(file.sha256);
    expect((await download(file.nachaUrl, tt.tokens.finance)).text).toBe(nacha.text);
    const files = await api.orm.em.getConnection().execute(`select count(*)::int as n from payment_file where tenant_id = ?`, [tt.tenant.id]);
    expect(files[0]!.n).toBe(1);
  });

  it('keeps no full account number in the clear in any table: the stored NACHA file is encrypted like the bank details', async () => {
    const tables = await sqlRows<{ table_name: string }>(api.orm.em.fork(), `select table_name from information_schema.columns where table_schema = 'public' and column_name = 'tenant_id' order by table_name`, []);
    expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(['payment_file', 'payment', 'payout_account', 'audit_event']));
    for (const { table_name } of tables) {
      const [dump] = await sqlRows<{ text: string }>(api.orm.em.fork(), `select coalesce(string_agg(t::text, '|'), '') as text from ${table_name} t where tenant_id = ?`, [tt.tenant.id]);
      for (const number of [ACCOUNTS.a, ACCOUNTS.b]) expect(dump!.text, table_name).not.toContain(number);
    }
    const [file] = await sqlRows<{ nacha: string | null; nacha_ciphertext: string }>(api.orm.em.fork(), `select nacha, nacha_ciphertext from payment_file where batch_id = ?`, [batchId]);
    expect(file!.nacha).toBeNull();
    expect(file!.nacha_ciphertext).toMatch(/^v1:/);
  });

  it('a file an earlier release stored in the clear is sealed at start-up and still downloads byte for byte', async () => {
    const path = `/files/payment-batches/${batchId}/nacha`;
    const before = (await download(path, tt.tokens.finance)).text;
    const em = api.orm.em.fork();
    await sqlRows(em, `update payment_file set nacha = ?, nacha_ciphertext = null where batch_id = ?`, [before, batchId]);
    expect((await download(path, tt.tokens.finance)).text).toBe(before); // readable while still in the clear
    expect(await sealStoredPaymentFiles(em, api.services.payoutCipher)).toBe(1);
    expect(await sealStoredPaymentFiles(em, api.services.payoutCipher)).toBe(0); // once
    const [file] = await sqlRows<{ nacha: string | null; nacha_ciphertext: string }>(em, `select nacha, nacha_ciphertext from payment_file where batch_id = ?`, [batchId]);
    expect(file!.nacha).toBeNull();
    expect(api.services.payoutCipher.decrypt(file!.nacha_ciphertext)).toBe(before);
    expect((await download(path, tt.tokens.finance)).text).toBe(before);
  });

  it('serves the file to finance and admins of the tenant only', async () => {
    const path = `/files/payment-batches/${batchId}/nacha`;
    expect((await download(path)).status).toBe(401);
    expect((await download(path, 'garbage')).status).toBe(401);
    expect((await download(path, resellers.a.owner)).status).toBe(403);
    expect((await download(path, tt.tokens.partnerManager)).status).toBe(403);
    expect((await download(path, other.tokens.admin)).status).toBe(404);
    expect((await download(`/files/payment-batches/not-a-uuid/nacha`, tt.tokens.admin)).status).toBe(404);
  });

  it('settles one payment (lines PAID, statement emailed once) and fails the other (lines payable again)', async () => {
    const SETTLE = `mutation($id: ID!) { markPaymentSettled(input: { paymentId: $id }) { payment { status settledAt } } }`;
    // Not before the bank's effective date (the next business day at the earliest).
    const early = await gql(SETTLE, { id: paymentIds.a }, { token: tt.tokens.finance });
    expect(errorCode(early)).toBe('CONFLICT');
    expect(early.errors![0]!.message).toMatch(/settle it on or after that day/);
    await advanceDays(5);
    expect((await gql(SETTLE, { id: paymentIds.a }, { token: tt.tokens.finance })).data.markPaymentSettled.payment.status).toBe('SETTLED');
    expect((await gql(SETTLE, { id: paymentIds.a }, { token: tt.tokens.admin })).data.markPaymentSettled.payment.status).toBe('SETTLED'); // idempotent
    const statements = (await gql(`{ outboxEmails(first: 100) { nodes { template toAddress html text } } }`, {}, { token: tt.tokens.admin })).data.outboxEmails.nodes.filter((e: { template: string }) => e.template === 'PAYMENT_STATEMENT');
    expect(statements).toHaveLength(1);
    expect(statements[0].text).toContain('$120.45');
    expect(statements[0].text).toContain('2026-01');
    expect(statements[0].html).toContain('Total');
    const lines = await gql(`{ commissionLines(filter: { period: "2026-01" }, first: 10) { nodes { status reseller { code } } } }`, {}, { token: tt.tokens.admin });
    const statusOf = (code: string) => lines.data.commissionLines.nodes.find((l: { reseller: { code: string } }) => l.reseller.code === code).status;
    expect(statusOf(resellers.a.code)).toBe('PAID');

    const FAIL = `mutation($i: MarkPaymentFailedInput!) { markPaymentFailed(input: $i) { payment { status failureReason } } }`;
    expect(errorCode(await gql(FAIL, { i: { paymentId: paymentIds.b, reason: ' ' } }, { token: tt.tokens.finance }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await gql(FAIL, { i: { paymentId: paymentIds.a, reason: 'R03' } }, { token: tt.tokens.finance }))).toBe('CONFLICT'); // settled
    expect((await gql(FAIL, { i: { paymentId: paymentIds.b, reason: 'R03 No account / unable to locate' } }, { token: tt.tokens.finance })).data.markPaymentFailed.payment).toEqual({ status: 'FAILED', failureReason: 'R03 No account / unable to locate' });
    expect(errorCode(await gql(SETTLE, { id: paymentIds.b }, { token: tt.tokens.finance }))).toBe('CONFLICT');
    expect((await gql(BATCH, { id: batchId }, { token: tt.tokens.finance })).data.paymentBatch.status).toBe('COMPLETED');

    // Retry: B's lines are payable again and the next batch pays them; A's are not paid twice.
    const retry = (await gql(CREATE, { p: '2026-01' }, { token: tt.tokens.finance })).data.createPaymentBatch.batch;
    expect(retry.payments.map((p: { reseller: { code: string }; amount: { amount: string } }) => [p.reseller.code, p.amount.amount])).toEqual([[resellers.b.code, '80.00']]);
    retryBatchId = retry.id;
  });

  it('two first exports at once write one file: both answers carry the same bytes', async () => {
    await gql(APPROVE_BATCH, { id: retryBatchId }, { token: tt.tokens.admin });
    const both = await Promise.all([gql(EXPORT, { id: retryBatchId }, { token: tt.tokens.finance }), gql(EXPORT, { id: retryBatchId }, { token: tt.tokens.admin })]);
    expect(both.map((r) => r.errors)).toEqual([undefined, undefined]);
    expect(both[0]!.data.exportPaymentBatch.file.sha256).toBe(both[1]!.data.exportPaymentBatch.file.sha256);
    const files = await api.orm.em.getConnection().execute(`select count(*)::int as n from payment_file where batch_id = ?`, [retryBatchId]);
    expect(files[0]!.n).toBe(1);
    const nacha = await download(both[0]!.data.exportPaymentBatch.file.nachaUrl, tt.tokens.finance);
    expect(validate(nacha.text).ok).toBe(true);
    // Five days after the first file: a new day's first file is modifier A again.
    expect(nacha.text.slice(33, 34)).toBe('A');
  });

  it("partners see their own payments with the statement, never the batch or another partner's", async () => {
    const mine = await gql(`{ myPayments { totalCount nodes { id status amount { amount } period accountLast4 traceNumber lines { period amount { amount } status } } } }`, {}, { token: resellers.a.owner });
    expect(mine.data.myPayments.totalCount).toBe(1);
    expect(mine.data.myPayments.nodes[0]).toMatchObject({ status: 'SETTLED', amount: { amount: '120.45' }, period: '2026-01', accountLast4: '6789', lines: [{ period: '2026-01', amount: { amount: '120.45' }, status: 'PAID' }] });
    expect(errorCode(await gql(`query($id: ID!) { payment(id: $id) { batch { id } } }`, { id: paymentIds.a }, { token: resellers.a.owner }))).toBe('FORBIDDEN');
    expect(errorCode(await gql(`query($id: ID!) { payment(id: $id) { id } }`, { id: paymentIds.b }, { token: resellers.a.owner }))).toBe('NOT_FOUND');
    // B sees its failed payment and the retry on its way.
    const b = await gql(`{ myPayments { nodes { status failureReason } } }`, {}, { token: resellers.b.owner });
    expect(b.data.myPayments.nodes).toEqual([{ status: 'EXPORTED', failureReason: null }, { status: 'FAILED', failureReason: 'R03 No account / unable to locate' }]);
  });

  it('another tenant cannot read or move any of it', async () => {
    const token = other.tokens.admin;
    expect(errorCode(await gql(BATCH, { id: batchId }, { token }))).toBe('NOT_FOUND');
    expect((await gql(`{ paymentBatches { totalCount } }`, {}, { token })).data.paymentBatches.totalCount).toBe(0);
    expect(errorCode(await gql(APPROVE_BATCH, { id: batchId }, { token }))).toBe('NOT_FOUND');
    expect(errorCode(await gql(EXPORT, { id: batchId }, { token }))).toBe('NOT_FOUND');
    expect(errorCode(await gql(`mutation($id: ID!) { markPaymentSettled(input: { paymentId: $id }) { payment { id } } }`, { id: paymentIds.b }, { token }))).toBe('NOT_FOUND');
    expect(errorCode(await gql(`query($r: ID!) { payoutAccount(resellerId: $r) { accountLast4 } }`, { r: resellers.a.id }, { token }))).toBe('NOT_FOUND');
  });

  it('no full account number ever appeared in a GraphQL answer or a log line', () => {
    expect(answers.length).toBeGreaterThan(40);
    expect(logged.filter((line) => line.includes('payout account changed'))).toHaveLength(3); // the logs were captured
    for (const number of Object.values(ACCOUNTS)) {
      for (const answer of answers) expect(answer).not.toContain(number);
      for (const line of logged) expect(line).not.toContain(number);
    }
  });
});

