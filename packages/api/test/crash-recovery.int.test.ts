/**
 * The API process killed (SIGKILL: no clean-up, no finally, no rollback by our code) in the middle of
 * the work that matters most — a billing CSV import, a commission run, a payment export — then
 * started again and the same request sent again, as a client who never got an answer would.
 *
 * The product (`src/main.ts`, HTTP and jobs in one process) runs on a database of its own and is
 * driven over HTTP. Each process is started with `RH_FAULT_KILL_AT=<point>` and kills itself there:
 * once after the work is written inside its transaction but before the commit (`…:written`,
 * `commission-run:lines-written`), once right after the commit but before the answer
 * (`…:committed`, `commission-approve:committed`: before its follow-up job is queued). A crashing
 * process's successor sends the crashed request again, then crashes at the next point: eight
 * processes for seven crashes.
 *
 * The same data, in a second tenant, goes through the same requests once without any crash (in the
 * last process). The crashed tenant must end exactly where the uninterrupted one does: the same
 * billing records, commission lines to the cent, payments, NACHA file (apart from its creation date
 * and time) and remittance CSV, and the same emails — nothing half-written after a crash, nothing
 * twice after a rerun.
 */
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Role } from '../src/auth/roles.js';
import { dropDatabase, ensureDatabase, withDatabase } from '../src/db/database.js';
import { openOrm } from '../src/db/orm.js';
import { sqlRows } from '../src/db/raw-sql.js';
import { createStaffUser } from '../src/seeders/factories.js';
import { APPROVE, createTestTenant, login, STAFF_PASSWORD, startTestApi, submitApplication, type TestApi } from './helpers.js';
import { exitOf, killStartedProducts, startProduct, stopProduct, waitFor, whenStarted, type ProductProcess } from './support/product-process.js';

const PERIOD = '2026-03';
const PAYOUT_KEY = randomBytes(32).toString('base64');
const SESSION_SECRET = randomBytes(32).toString('hex');
const CUSTOMERS = 1000;
/** Invoices per customer, October to March (a tenth of the customers start in March): 5,500 rows, about 320 kB of CSV. */
const MONTHS = ['2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03'];
// Valid ABA routing numbers (checksum), as a bank would have them.
const ACCOUNTS = [
  { holderName: 'Alder Networks LLC', routingNumber: '011000015', accountNumber: '004417889012', accountType: 'CHECKING', businessType: 'LLC' },
  { holderName: 'Birch Telecom Inc', routingNumber: '091000019', accountNumber: '7730019925', accountType: 'CHECKING', businessType: 'CORPORATION' },
  { holderName: 'Cedar Reyes', routingNumber: '011401533', accountNumber: '55550000', accountType: 'SAVINGS', businessType: 'INDIVIDUAL' },
  { holderName: 'Dogwood Partners', routingNumber: '021000021', accountNumber: '123456789012', accountType: 'CHECKING', businessType: 'PARTNERSHIP' },
];

let databaseUrl: string;
let api: TestApi;
let csv: string;
let csvTotals: { rows: number; invoicedCents: bigint; paidCents: bigint };
interface TenantUnderTest {
  slug: string;
  id: string;
  finance: string;
  admin: string;
}
let crashed: TenantUnderTest;
let control: TenantUnderTest;
let product: ProductProcess;

const query = <T>(sql: string, params: unknown[] = []) => sqlRows<T>(api.orm.em.fork(), sql, params);
const count = async (sql: string, params: unknown[]) => Number((await query<{ count: string }>(sql, params))[0]!.count);

/** A GraphQL request to the running product; a dropped connection rejects (the process died). */
async function gql(query: string, variables: Record<string, unknown>, token: string) {
  const response = await fetch(`${product.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
  if (body.errors) throw new Error(`${query.slice(0, 60)}…: ${JSON.stringify(body.errors)}`);
  return body.data;
}

async function start(faultPoint?: string) {
  product = await startProduct({ DATABASE_URL: databaseUrl, SESSION_SECRET, PAYOUT_ENCRYPTION_KEY: PAYOUT_KEY, JOBS_TABLE: 'agenda_jobs', ...(faultPoint ? { RH_FAULT_KILL_AT: faultPoint } : {}) });
  await whenStarted(product);
}

/** The request never gets its answer: the process kills itself at `point`. */
async function crashesAt(point: string, request: Promise<unknown>) {
  await expect(request).rejects.toThrow(/fetch failed|other side closed|socket/i);
  expect(await exitOf(product)).toEqual({ code: null, signal: 'SIGKILL' });
  expect(product.output()).toContain(`fault point ${point}: SIGKILL`);
}

const IMPORT = `mutation($csv: String!) { importBillingRecordsCsv(input: { csv: $csv }) { created updated unchanged } }`;
const RUN = `mutation($p: String!) { runCommissions(input: { period: $p }) { run { id status lineCount total { amount } } } }`;
const APPROVE_RUN = `mutation($id: ID!) { approveCommissionRun(input: { runId: $id }) { run { status } } }`;
const EXPORT = `mutation($id: ID!, $date: String) { exportPaymentBatch(input: { batchId: $id, effectiveDate: $date }) { batch { status } file { fileName sha256 nachaUrl remittanceCsvUrl } } }`;
/** Far enough ahead to be a valid effective date whatever the time zone; the same for both tenants. */
const EFFECTIVE_DATE = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);

/** Billing records as an ISP's billing system would export them: monthly invoices, most paid within the month, some late, some never, a few credit notes. */
function billingCsv(): string {
  const lines = ['invoice_id,customer_external_id,period,invoiced_amount,paid_amount,paid_date'];
  let invoicedCents = 0n;
  let paidCents = 0n;
  const money = (cents: number) => `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;
  for (let c = 0; c < CUSTOMERS; c++) {
    const mrr = 2999 + ((c * 7919) % 12000); // $29.99 … $149.98
    // One customer in ten starts in March (new customers for flat fees).
    const months = c % 10 === 0 ? MONTHS.slice(-1) : MONTHS;
    for (const [m, period] of months.entries()) {
      const [year, month] = period.split('-').map(Number) as [number, number];
      const pattern = (c * 31 + m * 17) % 40;
      let amount = mrr;
      let paid = mrr;
      let paidDate: string | null = `${period}-${String(3 + ((c + m) % 24)).padStart(2, '0')}`;
      if (pattern === 0) [paid, paidDate] = [0, null]; // never paid
      if (pattern === 1) paidDate = `${month === 12 ? year + 1 : year}-${String((month % 12) + 1).padStart(2, '0')}-02`; // paid early next month
      if (pattern === 2) [amount, paid] = [-1250 - (c % 7) * 100, -1250 - (c % 7) * 100]; // a credit note, refunded
      lines.push(`INV-${period.replace('-', '')}-${String(c).padStart(5, '0')},C-${String(c).padStart(5, '0')},${period},${money(amount)},${paid === 0 ? '0.00' : money(paid)},${paidDate ?? ''}`);
      invoicedCents += BigInt(amount);
      paidCents += BigInt(paid);
    }
  }
  csvTotals = { rows: lines.length - 1, invoicedCents, paidCents };
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * One ISP's data, built through the API in this process: four partners with verified bank
 * details, three plans (percentage, marginal tiers with a monthly cap, flat fees), the ACH
 * identities, and 1,000 customers (a few unassigned). Identical for both tenants, codes included.
 */
async function buildTenant(label: string): Promise<TenantUnderTest> {
  const tt = await createTestTenant(api, label);
  const as = (token: string) => (query: string, variables: Record<string, unknown> = {}) => api.gql(query, variables, { token }).then((result) => {
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data;
  });
  const admin = as(tt.tokens.admin);
  const finance = as(tt.tokens.finance);
  await admin(`mutation($i: AchSettingsInput!) { updateAchSettings(input: $i) { companyName } }`, {
    i: { immediateDestination: '021000021', immediateDestinationName: 'JPMorgan Chase', immediateOrigin: '1234567890', immediateOriginName: 'Faults Fiber', companyName: 'Faults Fiber', companyId: '1234567890', odfiRouting: '021000021' },
  });
  const resellers: { id: string; code: string }[] = [];
  for (const [n, account] of ACCOUNTS.entries()) {
    const { id } = await submitApplication(api, tt, { businessType: account.businessType, companyName: account.holderName, contactEmail: `partner${n}@reseller${n}.example` });
    const reseller = (await admin(APPROVE, { input: { applicationId: id } })).approveResellerApplication.reseller;
    await admin(`mutation($i: UpdateResellerStatusInput!) { updateResellerStatus(input: $i) { reseller { status } } }`, { i: { resellerId: reseller.id, status: 'ACTIVE', reason: 'Onboarded' } });
    const email = `owner${n}@${tt.slug}.example`;
    await createStaffUser(api.orm.em, tt.tenant, { email, name: `Owner ${n}`, role: Role.RESELLER_OWNER, password: STAFF_PASSWORD, resellerId: reseller.id });
    const owner = as(await login(api, tt.slug, email, STAFF_PASSWORD));
    const { holderName, routingNumber, accountNumber, accountType } = account;
    await owner(`mutation($i: SetMyPayoutAccountInput!) { setMyPayoutAccount(input: $i) { payoutAccount { accountLast4 } } }`, { i: { holderName, routingNumber, accountNumber, accountType } });
    await finance(`mutation($id: ID!) { verifyPayoutAccount(input: { resellerId: $id }) { payoutAccount { verifiedAt } } }`, { id: reseller.id });
    resellers.push(reseller);
  }
  await finance(`mutation { createCommissionPlan(input: { name: "Standard", type: PERCENTAGE, effectiveFrom: "2025-10", isDefault: true, terms: { rate: "0.1000", minimumPayout: "50.00" } }) { plan { id } } }`);
  const tiered = await finance(`mutation { createCommissionPlan(input: { name: "Volume", type: TIERED, effectiveFrom: "2025-10", terms: { tierMode: MARGINAL, tiers: [{ from: "0", rate: "0.10" }, { from: "10000.00", rate: "0.12" }, { from: "20000.00", rate: "0.15" }], monthlyCap: "2000.00" } }) { plan { id } } }`);
  const flat = await finance(`mutation { createCommissionPlan(input: { name: "Flat", type: FLAT_FEE, effectiveFrom: "2025-10", terms: { perNewCustomer: "25.00", perActiveCustomer: "4.75" } }) { plan { id } } }`);
  for (const [reseller, plan] of [[resellers[1]!, tiered], [resellers[2]!, flat]] as const) {
    await finance(`mutation($i: AssignCommissionPlanInput!) { assignCommissionPlan(input: $i) { __typename } }`, { i: { resellerId: reseller.id, planId: plan.createCommissionPlan.plan.id, effectiveFrom: '2025-10' } });
  }
  const customers = Array.from({ length: CUSTOMERS }, (_, c) => ({
    externalId: `C-${String(c).padStart(5, '0')}`,
    name: `Customer ${c}`,
    // One in fifty is not assigned to anyone: its payments earn nothing.
    ...(c % 50 === 49 ? {} : { resellerCode: resellers[c % 4]!.code, assignedSince: '2025-09-01' }),
  }));
  expect((await admin(`mutation($c: [CustomerUpsertInput!]!) { upsertCustomers(input: { customers: $c }) { created } }`, { c: customers })).upsertCustomers.created).toBe(CUSTOMERS);
  return { slug: tt.slug, id: tt.tenant.id, finance: '', admin: '' };
}

/** Everything a tenant's money is made of, keyed by what stays the same across tenants (codes, external ids). */
async function snapshot(tenant: TenantUnderTest) {
  const billing = (await query<{ count: string; invoiced: string; paid: string }>(`select count(*), sum(invoiced_cents)::text as invoiced, sum(paid_cents)::text as paid from billing_record where tenant_id = ?`, [tenant.id]))[0];
  const lines = await query<{ reseller: string; customer: string | null; kind: string; base: string; amount: string; status: string; trace: string }>(
    `select r.code as reseller, c.external_id as customer, l.kind, l.base_cents::text as base, l.amount_cents::text as amount, l.status, l.trace
       from commission_line l join reseller r on r.id = l.reseller_id left join customer c on c.id = l.customer_id
      where l.tenant_id = ? and l.period = ? order by r.code, c.external_id nulls last, l.kind`,
    [tenant.id, PERIOD],
  );
  const payments = await query<{ reseller: string; amount: string; lines: number; sec: string; status: string; trace: string | null; items: string }>(
    `select r.code as reseller, p.amount_cents::text as amount, p.line_count as lines, p.sec_code as sec, p.status, p.trace_number as trace,
            (select count(*) from payment_item i where i.payment_id = p.id)::text as items
       from payment p join reseller r on r.id = p.reseller_id where p.tenant_id = ? order by r.code`,
    [tenant.id],
  );
  const stored = await query<{ nacha_ciphertext: string; remittance_csv: string; nacha_sha256: string }>(`select nacha_ciphertext, remittance_csv, nacha_sha256 from payment_file where tenant_id = ?`, [tenant.id]);
  const files = stored.map(({ nacha_ciphertext, ...file }) => ({ ...file, nacha: api.services.payoutCipher.decrypt(nacha_ciphertext) }));
  // Emails by template and recipient (the tenant's own staff addresses named the same way in both).
  const emails = await query<{ template: string; to: string; count: string }>(
    `select template, replace(to_address, ?, 'TENANT') as to, count(*)::text as count from outbox_email where tenant_id = ? group by 1, 2 order by 1, 2`,
    [tenant.slug, tenant.id],
  );
  return { billing, lines, payments, files, emails };
}

beforeAll(async () => {
  databaseUrl = withDatabase(inject('databaseUrl'), `rh_crash_${process.pid}_${Date.now()}`);
  await ensureDatabase(databaseUrl);
  await (await openOrm(databaseUrl, { quiet: true })).close();
  api = await startTestApi({ DATABASE_URL: databaseUrl, PAYOUT_ENCRYPTION_KEY: PAYOUT_KEY });
  crashed = await buildTenant('crashed');
  control = await buildTenant('control');
  csv = billingCsv();
}, 240_000);

afterAll(async () => {
  killStartedProducts();
  await api?.close();
  if (databaseUrl) await dropDatabase(databaseUrl).catch(() => undefined);
});

describe('the API process killed in the middle of an import, a commission run, its approval and a payment export', () => {
  it('keeps nothing half-written, and the reruns end exactly where an uninterrupted run does', async () => {
    const started = Date.now();
    const timings: string[] = [];
    const lap = (what: string) => timings.push(`${what} ${((Date.now() - started) / 1000).toFixed(1)} s`);

    // 1. Billing CSV import, killed with every row written in its transaction: nothing is kept.
    await start('billing-records:written');
    for (const tenant of [crashed, control]) {
      tenant.finance = await loginOver(tenant, 'finance');
      tenant.admin = await loginOver(tenant, 'admin');
    }
    expect(Buffer.byteLength(csv)).toBeGreaterThan(300_000);
    await crashesAt('billing-records:written', gql(IMPORT, { csv }, crashed.finance));
    expect(await count(`select count(*) from billing_record where tenant_id = ?`, [crashed.id])).toBe(0);
    lap('import killed before commit');

    // 2. Sent again, killed right after its commit: every record is there, once.
    await start('billing-records:committed');
    await crashesAt('billing-records:committed', gql(IMPORT, { csv }, crashed.finance));
    expect((await snapshot(crashed)).billing).toEqual({ count: String(csvTotals.rows), invoiced: String(csvTotals.invoicedCents), paid: String(csvTotals.paidCents) });
    lap('import killed after commit');

    // 3. The client, never answered, sends it a third time: nothing changes. Then the commission
    //    run, killed with all its lines written: no line is kept, its run row says RUNNING.
    await start('commission-run:lines-written');
    expect((await gql(IMPORT, { csv }, crashed.finance)).importBillingRecordsCsv).toEqual({ created: 0, updated: 0, unchanged: csvTotals.rows });
    await crashesAt('commission-run:lines-written', gql(RUN, { p: PERIOD }, crashed.finance));
    expect(await count(`select count(*) from commission_line where tenant_id = ?`, [crashed.id])).toBe(0);
    expect(await query(`select status from commission_run where tenant_id = ?`, [crashed.id])).toEqual([{ status: 'RUNNING' }]);
    lap('run killed before commit');

    // 4. Run again (the stale RUNNING run is recognised: its period's lock is free), killed right
    //    after its commit.
    await start('commission-run:committed');
    await crashesAt('commission-run:committed', gql(RUN, { p: PERIOD }, crashed.finance));
    const runs = await query<{ id: string; status: string; error: string | null; line_count: number; total: string }>(`select id, status, error, line_count, total_cents::text as total from commission_run where tenant_id = ? order by started_at`, [crashed.id]);
    expect(runs.map((run) => [run.status, run.error])).toEqual([
      ['FAILED', 'Interrupted: the process stopped before the run finished (nothing it computed was kept)'],
      ['COMPLETED', null],
    ]);
    const committedRun = runs[1]!;
    expect(await query(`select count(*)::int as count, sum(amount_cents)::text as total from commission_line where run_id = ?`, [committedRun.id])).toEqual([{ count: committedRun.line_count, total: committedRun.total }]);
    lap('run killed after commit');

    // 5. The unanswered run sent again: the same totals, its lines replace the earlier run's. Then
    //    its approval, killed after the commit, before the follow-up job (statements, the draft
    //    batch) is queued: approved, but nothing prepared.
    await start('commission-approve:committed');
    const rerun = (await gql(RUN, { p: PERIOD }, crashed.finance)).runCommissions.run;
    expect({ lines: rerun.lineCount, total: rerun.total.amount }).toEqual({ lines: committedRun.line_count, total: formatCents(committedRun.total) });
    expect(await count(`select count(*) from commission_line where run_id = ?`, [committedRun.id])).toBe(0);
    await crashesAt('commission-approve:committed', gql(APPROVE_RUN, { id: rerun.id }, crashed.finance));
    expect(await query(`select status from commission_run where id = ?`, [rerun.id])).toEqual([{ status: 'APPROVED' }]);
    expect(await count(`select count(*) from payment_batch where tenant_id = ?`, [crashed.id])).toBe(0);
    expect(await count(`select count(*) from outbox_email where tenant_id = ? and template = 'COMMISSION_STATEMENT'`, [crashed.id])).toBe(0);
    expect(await count(`select count(*) from job_run where tenant_id = ? and workflow = 'payment-batch-preparation'`, [crashed.id])).toBe(0);
    lap('approval killed after commit');

    // 6. The approval sent again queues the preparation: the batch is drafted and approved by a
    //    second person. The export, killed with the file and the payments written: the batch stays
    //    approved, no file.
    await start('payment-export:written');
    const crashedBatch = await approveAndDraft(crashed, rerun.id);
    await crashesAt('payment-export:written', gql(EXPORT, { id: crashedBatch, date: EFFECTIVE_DATE }, crashed.finance));
    expect(await query(`select status, exported_at from payment_batch where id = ?`, [crashedBatch])).toEqual([{ status: 'APPROVED', exported_at: null }]);
    expect(await count(`select count(*) from payment_file where tenant_id = ?`, [crashed.id])).toBe(0);
    expect(await query(`select distinct status, trace_number from payment where batch_id = ?`, [crashedBatch])).toEqual([{ status: 'PENDING', trace_number: null }]);
    expect(await count(`select count(*) from audit_event where tenant_id = ? and action = 'payment_batch.exported'`, [crashed.id])).toBe(0);
    lap('export killed before commit');

    // 7. Exported again, killed right after the commit: the file is stored once, the batch exported.
    await start('payment-export:committed');
    await crashesAt('payment-export:committed', gql(EXPORT, { id: crashedBatch, date: EFFECTIVE_DATE }, crashed.finance));
    const [storedFile] = await query<{ nacha_sha256: string }>(`select nacha_sha256 from payment_file where batch_id = ?`, [crashedBatch]);
    expect(storedFile).toBeDefined();
    expect(await query(`select status from payment_batch where id = ?`, [crashedBatch])).toEqual([{ status: 'EXPORTED' }]);
    lap('export killed after commit');

    // 8. No fault: the export asked for once more returns the stored file, byte for byte. The
    //    control tenant goes through the same requests without a crash.
    await start();
    const again = (await gql(EXPORT, { id: crashedBatch, date: EFFECTIVE_DATE }, crashed.finance)).exportPaymentBatch;
    expect(again.file.sha256).toBe(storedFile!.nacha_sha256);
    const downloaded = await download(again.file.nachaUrl, crashed.finance);
    expect(createHash('sha256').update(downloaded).digest('hex')).toBe(storedFile!.nacha_sha256);

    expect((await gql(IMPORT, { csv }, control.finance)).importBillingRecordsCsv).toEqual({ created: csvTotals.rows, updated: 0, unchanged: 0 });
    const controlRun = (await gql(RUN, { p: PERIOD }, control.finance)).runCommissions.run;
    const controlBatch = await approveAndDraft(control, controlRun.id);
    const controlExport = (await gql(EXPORT, { id: controlBatch, date: EFFECTIVE_DATE }, control.finance)).exportPaymentBatch;
    const controlNacha = await download(controlExport.file.nachaUrl, control.finance);
    lap('control tenant, uninterrupted');

    const [a, b] = [await snapshot(crashed), await snapshot(control)];
    // Billing: the file's rows and money, once each.
    expect(a.billing).toEqual(b.billing);
    // Commission lines: the same lines to the cent, each customer's once, all from the one approved run.
    expect(a.lines.length).toBeGreaterThan(900);
    expect(a.lines).toEqual(b.lines);
    expect(new Set(a.lines.map((line) => `${line.reseller}/${line.customer}/${line.kind}`)).size).toBe(a.lines.length);
    expect(await query(`select distinct status from commission_line where tenant_id = ?`, [crashed.id])).toEqual([{ status: 'APPROVED' }]);
    expect(await count(`select count(distinct run_id) from commission_line where tenant_id = ?`, [crashed.id])).toBe(1);
    const total = (lines: { amount: string }[]) => lines.reduce((sum, line) => sum + BigInt(line.amount), 0n);
    expect(total(a.lines)).toBe(total(b.lines));
    expect(a.lines.filter((line) => line.kind === 'CAP')).toHaveLength(1); // the tiered partner hit its cap
    // Payments: one per partner, the same amounts, every line paid once.
    expect(a.payments).toHaveLength(4);
    expect(a.payments).toEqual(b.payments);
    expect(a.payments.every((payment) => payment.status === 'EXPORTED' && payment.items === String(payment.lines))).toBe(true);
    expect(await count(`select count(*) from payment_batch where tenant_id = ? and status <> 'CANCELLED'`, [crashed.id])).toBe(1);
    // The NACHA file: identical but for the file header's creation date and time (positions 24–33
    // of record 1, the moment of the export), entries in partner-code order within each batch;
    // the remittance CSV identical.
    expect(a.files).toHaveLength(1);
    expect(a.files[0]!.nacha).toBe(downloaded);
    expect(withoutCreationTime(downloaded)).toBe(withoutCreationTime(controlNacha));
    expect(a.files[0]!.remittance_csv).toBe(b.files[0]!.remittance_csv);
    const entryCodes = downloaded.split('\n').filter((record) => record.startsWith('6')).map((record) => record.slice(39, 54).trim());
    expect(entryCodes).toEqual(['RS-000001', 'RS-000002', 'RS-000004', 'RS-000003']); // CCD batch, then the PPD one
    // Emails: the same per template and recipient (statements once per partner), none twice.
    expect(a.emails).toEqual(b.emails);
    expect(a.emails.filter((email) => email.template === 'COMMISSION_STATEMENT')).toHaveLength(4);
    expect(await query(`select template, to_address, related_id from outbox_email where tenant_id = ? group by 1, 2, 3 having count(*) > 1`, [crashed.id])).toEqual([]);

    expect(await stopProduct(product)).toEqual({ code: 0, signal: null });
    lap('compared');
    console.log(
      `crash recovery: ${csvTotals.rows} billing rows (${Buffer.byteLength(csv)} bytes), ${a.lines.length} commission lines, total ${formatCents(String(total(a.lines)))}, ` +
        `${a.payments.length} payments of ${a.payments.map((payment) => formatCents(payment.amount)).join(' + ')}, NACHA ${downloaded.length} bytes; ${timings.join(', ')}`,
    );
  }, 600_000);
});

async function loginOver(tenant: TenantUnderTest, role: 'finance' | 'admin') {
  const response = await fetch(`${product.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `mutation($input: LoginInput!) { login(input: $input) { token } }`, variables: { input: { tenantSlug: tenant.slug, email: `${role}@${tenant.slug}.example`, password: STAFF_PASSWORD } } }),
  });
  return ((await response.json()) as { data: { login: { token: string } } }).data.login.token;
}

/** Approves the run; the approval's job (in the product) sends statements and drafts the batch, which finance approves. */
async function approveAndDraft(tenant: TenantUnderTest, runId: string): Promise<string> {
  await gql(APPROVE_RUN, { id: runId }, tenant.finance);
  const [batch] = await waitFor(async () => {
    const done = await query<{ status: string }>(`select status from job_run where tenant_id = ? and workflow = 'payment-batch-preparation'`, [tenant.id]);
    return done[0]?.status === 'SUCCEEDED' && (await query<{ id: string }>(`select id from payment_batch where tenant_id = ?`, [tenant.id]));
  }, 'the batch the approval drafts');
  await gql(`mutation($id: ID!) { approvePaymentBatch(input: { batchId: $id }) { batch { status } } }`, { id: batch!.id }, tenant.admin);
  return batch!.id;
}

async function download(url: string, token: string): Promise<string> {
  const response = await fetch(`${product.url}${url}`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return response.text();
}

/** NACHA file header, positions 24–29 (creation date YYMMDD) and 30–33 (creation time HHMM). */
function withoutCreationTime(nacha: string): string {
  return `${nacha.slice(0, 23)}${'#'.repeat(10)}${nacha.slice(33)}`;
}

function formatCents(cents: string): string {
  const value = BigInt(cents);
  const abs = value < 0n ? -value : value;
  return `${value < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}
