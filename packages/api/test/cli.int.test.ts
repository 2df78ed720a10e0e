/**
 * The `reseller-hub` admin CLI (bin/reseller-hub.js), run as a child process as an operator runs it,
 * against a database of its own: every command's effect checked in the database (through SQL or
 * GraphQL), `--json` output, exit codes (0 done, 1 refused or failed, 2 bad usage), `--dry-run`,
 * `--as` (roles and the four-eyes rule) and tenancy.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Role } from '../src/auth/roles.js';
import { dropDatabase, ensureDatabase, withDatabase } from '../src/db/database.js';
import { openOrm } from '../src/db/orm.js';
import { sqlRows } from '../src/db/raw-sql.js';
import { createStaffUser } from '../src/seeders/factories.js';
import { APPROVE, createTestTenant, login, STAFF_PASSWORD, startTestApi, submitApplication, type TestApi, type TestTenant } from './helpers.js';

const apiDir = fileURLToPath(new URL('../', import.meta.url));
const payoutKey = randomBytes(32).toString('base64');
let databaseUrl: string;
let api: TestApi;
let tt: TestTenant;
let other: TestTenant;
let tmp: string;
const applications = {} as Record<'a' | 'b' | 'c', string>;
const codes = {} as Record<'a' | 'b' | 'imported', string>;
const users = {} as Record<'fin1' | 'fin2' | 'staff' | 'pm', string>;

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  json<T = any>(): T;
}

/**
 * The same on a terminal: `script` (util-linux) gives the CLI a pseudo-terminal, so it behaves as
 * for a person (progress bar, the --yes guard). Its output comes back on stdout.
 */
function cliOnTerminal(args: string[]): Promise<CliResult> {
  const quoted = ['node', 'bin/reseller-hub.js', ...args].map((arg) => `'${arg.replaceAll("'", "'\\''")}'`).join(' ');
  return cli([], { command: ['script', '-qec', quoted, '/dev/null'] });
}

/** One CLI invocation, as a child process (a fresh SWC-compiled node each time). */
function cli(args: string[], options: { input?: string; env?: Record<string, string | undefined>; command?: string[] } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const env: Record<string, string | undefined> = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      DEFAULT_TENANT_SLUG: tt?.slug,
      PAYOUT_ENCRYPTION_KEY: payoutKey,
      SESSION_SECRET: 'cli-test-session-secret-0123456789abcdef',
      // Never near the repository's own embedded database folder.
      EMBEDDED_PG_DIR: path.join(tmp, 'pg'),
      ...options.env,
    };
    for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
    const [program, ...programArgs] = options.command ?? [process.execPath, 'bin/reseller-hub.js', ...args];
    const child = spawn(program!, programArgs, { cwd: apiDir, env: env as NodeJS.ProcessEnv, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.stdin.end(options.input ?? '');
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({
        code,
        stdout,
        stderr,
        json() {
          try {
            return JSON.parse(stdout);
          } catch (error) {
            throw new Error(`not JSON (${(error as Error).message}):\n${stdout}\n--- stderr:\n${stderr}`);
          }
        },
      });
    });
  });
}

/** Expects an exit code, showing the output when it differs. */
function exits(result: CliResult, code: number) {
  expect(result.code, `exit ${result.code}\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`).toBe(code);
  return result;
}

const query = <T = any>(sql: string, params: unknown[] = []) => sqlRows<T>(api.orm.em.fork(), sql, params);
const count = async (table: string, where = 'true', params: unknown[] = []) => Number((await query<{ n: string }>(`select count(*) as n from ${table} where tenant_id = ? and ${where}`, [tt.tenant.id, ...params]))[0]!.n);
const resellerRow = async (code: string) => (await query<any>(`select * from reseller where tenant_id = ? and code = ?`, [tt.tenant.id, code]))[0];
const file = (name: string, text: string) => {
  const target = path.join(tmp, name);
  writeFileSync(target, text);
  return target;
};
/** The tenant's date today (what settlement compares the effective date with). */
const tenantToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'rh-cli-'));
  databaseUrl = withDatabase(inject('databaseUrl'), `rh_cli_${process.pid}_${Date.now()}`);
  await ensureDatabase(databaseUrl);
  await (await openOrm(databaseUrl)).close();
  api = await startTestApi({ DATABASE_URL: databaseUrl, JOBS_TABLE: 'agenda_jobs', PAYOUT_ENCRYPTION_KEY: payoutKey });
  tt = await createTestTenant(api, 'cli');
  other = await createTestTenant(api, 'cliother');
  for (const key of ['fin1', 'fin2'] as const) {
    users[key] = `${key}@${tt.slug}.example`;
    await createStaffUser(api.orm.em, tt.tenant, { email: users[key], name: key, role: Role.FINANCE, password: STAFF_PASSWORD });
  }
  users.pm = `partnerManager@${tt.slug}.example`;
  for (const key of ['a', 'b', 'c'] as const) applications[key] = (await submitApplication(api, tt)).id;
  // One application in the other tenant: its reseller takes the other tenant's first code.
  const otherApplication = await submitApplication(api, other);
  const otherReseller = await api.gql(APPROVE, { input: { applicationId: otherApplication.id } }, { token: other.tokens.admin });
  expect(otherReseller.data.approveResellerApplication.reseller.code).toMatch(/^RS-\d{6}$/);
  const plan = await api.gql(`mutation { createCommissionPlan(input: { name: "Standard", type: PERCENTAGE, effectiveFrom: "2025-01", isDefault: true, terms: { rate: "0.1000", minimumPayout: "50.00" } }) { plan { id } } }`, {}, { token: tt.tokens.finance });
  expect(plan.errors).toBeUndefined();
  const ach = await api.gql(
    `mutation($i: AchSettingsInput!) { updateAchSettings(input: $i) { companyName } }`,
    { i: { immediateDestination: '021000021', immediateDestinationName: 'JPMorgan Chase', immediateOrigin: '1234567890', immediateOriginName: 'Cli Networks', companyName: 'Cli Networks', companyId: '1234567890', odfiRouting: '021000021' } },
    { token: tt.tokens.admin },
  );
  expect(ach.errors).toBeUndefined();
}, 90_000);

afterAll(async () => {
  await api?.close();
  if (databaseUrl) await dropDatabase(databaseUrl).catch(() => undefined);
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('reseller-hub CLI', () => {
  it('prints help (exit 0) and refuses bad usage with exit 2 and a clear message', async () => {
    const root = exits(await cli(['--help']), 0);
    expect(root.stdout).toContain('Usage: reseller-hub');
    expect(root.stdout).toMatch(/payouts\s+payment batches/);
    const sub = exits(await cli(['payouts', 'export', '--help']), 0);
    expect(sub.stdout).toContain('Usage: reseller-hub payouts export [options] <batch>');
    expect(sub.stdout).toContain('--out <dir>');
    const group = exits(await cli(['resellers', '--help']), 0);
    expect(group.stdout).toMatch(/set-tier/);

    expect(exits(await cli(['bogus']), 2).stderr).toContain("unknown command 'bogus'");
    expect(exits(await cli(['commissions', 'run']), 2).stderr).toContain("required option '--period <YYYY-MM>' not specified");
    expect(exits(await cli(['commissions', 'run', '--period', '2026-13']), 2).stderr).toContain('a period is YYYY-MM');
    const tier = exits(await cli(['resellers', 'set-tier', 'RS-000001', 'DIAMOND', '--reason', 'x']), 2);
    expect(tier.stderr).toMatch(/DIAMOND.*one of BRONZE/s);
    expect(exits(await cli(['resellers', 'list', '--tenant', 'nope']), 2).stderr).toContain('No tenant "nope"');
    expect(exits(await cli(['customers', 'import', path.join(tmp, 'missing.csv')]), 2).stderr).toMatch(/Cannot read .*missing\.csv: ENOENT/);
    expect(exits(await cli(['resellers', 'list', '--as', 'nobody@example.com']), 2).stderr).toContain('No active user nobody@example.com');
  }, 120_000);

  it('applications: list (--json), approve, reject', async () => {
    const list = exits(await cli(['applications', 'list', '--json']), 0).json();
    expect(list.totalCount).toBe(3);
    expect(list.applications.map((application: { id: string }) => application.id).sort()).toEqual(Object.values(applications).sort());
    expect(list.applications[0]).toEqual({ id: expect.any(String), status: 'SUBMITTED', companyName: expect.any(String), contactEmail: expect.any(String), submittedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });

    const a = exits(await cli(['applications', 'approve', applications.a, '--json']), 0).json();
    expect(a).toMatchObject({ applicationId: applications.a, code: expect.stringMatching(/^RS-\d{6}$/), alreadyApproved: false });
    codes.a = a.code;
    const b = exits(await cli(['--tenant', tt.slug, 'applications', 'approve', applications.b, '--tier', 'silver']), 0);
    expect(b.stdout).toMatch(/Approved: reseller RS-\d{6}/);
    codes.b = b.stdout.match(/RS-\d{6}/)![0];
    expect(codes.b).not.toBe(codes.a);
    expect(exits(await cli(['applications', 'reject', applications.c, '--reason', 'Outside our territory']), 0).stdout).toContain('Rejected');

    const statuses = await query<{ id: string; status: string }>(`select id, status from reseller_application where tenant_id = ?`, [tt.tenant.id]);
    expect(Object.fromEntries(statuses.map((row) => [row.id, row.status]))).toEqual({ [applications.a]: 'APPROVED', [applications.b]: 'APPROVED', [applications.c]: 'REJECTED' });
    const resellers = await api.gql(`{ resellers(first: 10) { nodes { code tier status } } }`, {}, { token: tt.tokens.admin });
    expect(resellers.data.resellers.nodes.map((r: { code: string; tier: string }) => [r.code, r.tier]).sort()).toEqual([[codes.a, 'BRONZE'], [codes.b, 'SILVER']].sort());
  }, 120_000);

  it('resellers: list and show (--json), set-status, set-tier, NOT_FOUND, and another tenant sees none of them', async () => {
    const list = exits(await cli(['resellers', 'list', '--json']), 0).json();
    expect(list.totalCount).toBe(2);
    expect(list.resellers.map((r: { code: string }) => r.code).sort()).toEqual([codes.a, codes.b].sort());
    expect(Object.keys(list.resellers[0]).sort()).toEqual(['code', 'companyName', 'contactEmail', 'id', 'status', 'tier']);
    const show = exits(await cli(['resellers', 'show', codes.a, '--json']), 0).json();
    expect(show).toMatchObject({ code: codes.a, status: 'ONBOARDING', tier: 'BRONZE', companyName: (await resellerRow(codes.a)).company_name });

    exits(await cli(['resellers', 'set-status', codes.a, 'ACTIVE', '--reason', 'Onboarded']), 0);
    exits(await cli(['resellers', 'set-status', codes.b.toLowerCase(), 'active', '--reason', 'Onboarded']), 0);
    expect(exits(await cli(['resellers', 'set-tier', codes.a, 'GOLD', '--reason', 'Top seller']), 0).stdout).toContain(`${codes.a} is now GOLD`);
    expect([(await resellerRow(codes.a)).status, (await resellerRow(codes.a)).tier, (await resellerRow(codes.b)).status]).toEqual(['ACTIVE', 'GOLD', 'ACTIVE']);
    // Audited under the CLI's name, with the reason.
    const audit = await query<{ action: string; actor_label: string; reason: string }>(`select action, actor_label, reason from audit_event where tenant_id = ? and entity_id = ? and action in ('reseller.status_changed', 'reseller.tier_changed') order by created_at`, [tt.tenant.id, (await resellerRow(codes.a)).id]);
    expect(audit).toEqual([
      { action: 'reseller.status_changed', actor_label: `cli:${os.userInfo().username}`, reason: 'Onboarded' },
      { action: 'reseller.tier_changed', actor_label: `cli:${os.userInfo().username}`, reason: 'Top seller' },
    ]);

    const missing = exits(await cli(['resellers', 'show', 'RS-999999']), 1);
    expect(missing.stderr).toContain('NOT_FOUND');
    // Tenancy: codes.b exists only in the first tenant; the other tenant's own RS-000001 is its own reseller.
    expect(codes.a).toBe('RS-000001');
    const elsewhere = exits(await cli(['resellers', 'show', codes.b, '--tenant', other.slug]), 1);
    expect(elsewhere.stderr).toContain('NOT_FOUND');
    const theirs = exits(await cli(['resellers', 'show', codes.a, '--tenant', other.slug, '--json']), 0).json();
    expect(theirs.code).toBe(codes.a);
    expect(theirs.id).not.toBe(show.id);
    const otherList = exits(await cli(['--tenant', other.slug, '--json', 'resellers', 'list']), 0).json();
    expect(otherList.totalCount).toBe(1);
    expect(otherList.resellers.map((r: { contactEmail: string }) => r.contactEmail)).not.toContain(list.resellers[0].contactEmail);
  }, 120_000);

  it('resellers import: --dry-run changes nothing, the import creates and updates, a bad row refuses the file', async () => {
    const b = await resellerRow(codes.b);
    const header = 'code,company_name,legal_name,contact_name,contact_email,phone,business_type,website,tier,status';
    const csv = file(
      'resellers.csv',
      [header, ',Imported Fiber,Imported Fiber LLC,Ivy Import,ivy@imported.example,+1 555 010 9999,llc,,SILVER,ACTIVE', `${codes.b},Renamed Partner,${b.legal_name},${b.contact_name},${b.contact_email},${b.phone},${b.business_type},,,`].join('\n'),
    );
    const before = await count('reseller');
    const dry = exits(await cli(['resellers', 'import', csv, '--dry-run']), 0);
    expect(dry.stdout).toContain('Would create 1, would update 1, unchanged 0.');
    expect(await count('reseller')).toBe(before);
    expect((await resellerRow(codes.b)).company_name).toBe(b.company_name);

    const done = exits(await cli(['resellers', 'import', csv, '--json']), 0).json();
    expect(done).toMatchObject({ dryRun: false, created: 1, updated: 1, unchanged: 0 });
    expect(done.rows).toEqual([{ row: 0, code: expect.stringMatching(/^RS-\d{6}$/), action: 'CREATE' }, { row: 1, code: codes.b, action: 'UPDATE' }]);
    codes.imported = done.rows[0].code;
    expect(await count('reseller')).toBe(before + 1);
    expect((await resellerRow(codes.b)).company_name).toBe('Renamed Partner');
    expect(await resellerRow(codes.imported)).toMatchObject({ company_name: 'Imported Fiber', tier: 'SILVER', status: 'ACTIVE' });
    expect(await count('app_user', 'email = ?', ['ivy@imported.example'])).toBe(1);

    const bad = file('resellers-bad.csv', [header, ',Good Co,Good Co LLC,Gil Good,gil@good.example,+1 555 010 1111,LLC,,,', ',Bad Co,Bad Co LLC,Bo Bad,not-an-email,+1 555 010 2222,LLC,,,'].join('\n'));
    const refused = exits(await cli(['resellers', 'import', bad]), 1);
    expect(refused.stderr).toContain('BAD_USER_INPUT');
    expect(refused.stderr).toMatch(/row 2, contactEmail: /);
    expect(await count('reseller')).toBe(before + 1);
    expect(await count('app_user', 'email = ?', ['gil@good.example'])).toBe(0);
  }, 120_000);

  it('customers import and billing import: --dry-run changes nothing, the import writes, a bad row refuses the file', async () => {
    const header = 'external_id,name,email,service_plan,mrr,signup_date,stage,usage_percent,reseller_code,assigned_since';
    const customers = file(
      'customers.csv',
      [
        header,
        `C1,Alpha Home,alpha@home.example,Fiber 500,99.00,2025-11-15,ACTIVE,40,${codes.a},2025-12-01`,
        `C2,Beta Office,beta@office.example,Business 1G,250.00,2025-11-20,ACTIVE,70,${codes.a},2025-12-01`,
        `C3,Gamma Shop,,Fiber 100,49.00,2025-11-20,ACTIVE,,${codes.b},2025-12-01`,
        `C4,Delta Cafe,,Fiber 100,49.00,2025-11-20,onboarding,,${codes.a},2025-12-01`,
      ].join('\n'),
    );
    const dry = exits(await cli(['customers', 'import', customers, '--dry-run', '--json']), 0).json();
    expect(dry).toEqual({ dryRun: true, rows: 4, created: 4, updated: 0, unchanged: 0, errors: [] });
    expect(await count('customer')).toBe(0);
    const done = exits(await cli(['customers', 'import', customers, '--json']), 0).json();
    expect(done).toEqual({ dryRun: false, rows: 4, created: 4, updated: 0, unchanged: 0 });
    const assigned = await query<{ external_id: string; code: string; stage: string }>(
      `select c.external_id, r.code, c.stage from customer c join customer_assignment a on a.customer_id = c.id and a.to_date is null join reseller r on r.id = a.reseller_id where c.tenant_id = ? order by c.external_id`,
      [tt.tenant.id],
    );
    expect(assigned.map((row) => [row.external_id, row.code, row.stage])).toEqual([
      ['C1', codes.a, 'ACTIVE'],
      ['C2', codes.a, 'ACTIVE'],
      ['C3', codes.b, 'ACTIVE'],
      ['C4', codes.a, 'ONBOARDING'],
    ]);
    const badCustomers = file('customers-bad.csv', [header, `C5,Echo Home,,,10.00,,ACTIVE,,${codes.a},2025-12-01`, `C6,Foxtrot,,,10.00,,NOT_A_STAGE,,${codes.a},2025-12-01`].join('\n'));
    const refusedCustomers = exits(await cli(['customers', 'import', badCustomers]), 1);
    expect(refusedCustomers.stderr).toContain('BAD_USER_INPUT');
    expect(refusedCustomers.stderr).toMatch(/row 2, stage: /);
    expect(refusedCustomers.stdout).toBe('');
    expect(await count('customer')).toBe(4);

    const billingHeader = 'invoice_id,customer_external_id,period,invoiced_amount,paid_amount,paid_date';
    const billing = file('billing.csv', [billingHeader, 'INV-1,C1,2026-01,1000.00,1000.00,2026-01-15', 'INV-2,C2,2026-01,500.00,500.00,2026-01-20', 'INV-3,C3,2026-01,300.00,300.00,2026-01-22'].join('\n'));
    const billingDry = exits(await cli(['billing', 'import', billing, '--dry-run']), 0);
    expect(billingDry.stdout).toContain('3 rows: would create 3, update 0, leave 0 unchanged.');
    expect(await count('billing_record')).toBe(0);
    const billingDone = exits(await cli(['billing', 'import', billing, '--json']), 0).json();
    expect(billingDone).toEqual({ dryRun: false, rows: 3, created: 3, updated: 0, unchanged: 0 });
    expect((await query<{ invoice_id: string; paid_cents: string }>(`select invoice_id, paid_cents from billing_record where tenant_id = ? order by invoice_id`, [tt.tenant.id])).map((row) => [row.invoice_id, String(row.paid_cents)])).toEqual([
      ['INV-1', '100000'],
      ['INV-2', '50000'],
      ['INV-3', '30000'],
    ]);
    const badBilling = file('billing-bad.csv', [billingHeader, 'INV-4,C1,2026-02,10.00,10.00,2026-02-10', 'INV-5,NOPE,2026-02,10.00,,'].join('\n'));
    const refusedBilling = exits(await cli(['billing', 'import', badBilling]), 1);
    expect(refusedBilling.stderr).toContain('BAD_USER_INPUT');
    expect(refusedBilling.stderr).toContain('row 2, customerExternalId: No customer NOPE');
    expect(refusedBilling.stdout).toBe('');
    expect(await count('billing_record')).toBe(3);
  }, 120_000);

  it('commissions: run, reconcile, approve (roles checked with --as), report as CSV and JSON', async () => {
    await createStaffUser(api.orm.em, tt.tenant, { email: `staff@${tt.slug}.example`, name: 'Staff', role: Role.RESELLER_STAFF, password: STAFF_PASSWORD, resellerId: (await resellerRow(codes.a)).id });
    users.staff = `staff@${tt.slug}.example`;
    const asStaff = exits(await cli(['commissions', 'run', '--period', '2026-01', '--as', users.staff]), 1);
    expect(asStaff.stderr).toContain('FORBIDDEN');
    expect(await count('commission_run')).toBe(0);

    const run = exits(await cli(['commissions', 'run', '--period', '2026-01', '--json']), 0).json();
    expect(run).toMatchObject({ period: '2026-01', status: 'COMPLETED', lines: 3, total: '180.00', revenue: '1800.00' });
    const stored = await query<{ status: string; total_cents: string }>(`select status, total_cents from commission_run where tenant_id = ? and id = ?`, [tt.tenant.id, run.runId]);
    expect(stored.map((row) => [row.status, String(row.total_cents)])).toEqual([['COMPLETED', '18000']]);

    const reconciliation = exits(await cli(['commissions', 'reconcile', '--period', '2026-01', '--json']), 0).json();
    expect(reconciliation).toMatchObject({ period: '2026-01', expectedTotal: '180.00', storedTotal: '180.00', discrepancies: [] });
    expect(await count('commission_reconciliation', 'id = ?', [reconciliation.reconciliationId])).toBe(1);

    expect(exits(await cli(['commissions', 'approve', '--period', '2026-01', '--as', users.pm]), 1).stderr).toContain('FORBIDDEN');
    const approved = exits(await cli(['commissions', 'approve', '--period', '2026-01', '--as', users.fin1, '--json']), 0).json();
    expect(approved).toEqual({ runId: run.runId, period: '2026-01', status: 'APPROVED' });
    expect((await query<{ status: string }>(`select status from commission_run where id = ?`, [run.runId]))[0]!.status).toBe('APPROVED');

    const csv = exits(await cli(['commissions', 'report', '--period', '2026-01', '--format', 'csv']), 0).stdout.trim().split('\n');
    expect(csv[0]).toBe('reseller,lines,revenue,commission');
    const rows = csv.slice(1).map((line) => line.split(','));
    expect(rows).toHaveLength(2);
    expect(rows.reduce((sum, row) => sum + Number(row.at(-1)), 0).toFixed(2)).toBe('180.00');
    expect(rows.reduce((sum, row) => sum + Number(row.at(-2)), 0).toFixed(2)).toBe('1800.00');
    const json = exits(await cli(['commissions', 'report', '--period', '2026-01', '--format', 'json']), 0).json();
    expect(json).toMatchObject({ period: '2026-01', groupBy: 'RESELLER', total: '180.00' });
    expect(json.rows.map((row: { commission: string }) => row.commission).sort()).toEqual(['150.00', '30.00']);
  }, 120_000);

  it('payouts: create, four eyes on approve, export (NACHA + SHA-256), settle; then the period closes', async () => {
    // The partner's verified bank details (its owner sets them, finance verifies them).
    const a = await resellerRow(codes.a);
    const ownerEmail = `owner@${tt.slug}.example`;
    await createStaffUser(api.orm.em, tt.tenant, { email: ownerEmail, name: 'Owner', role: Role.RESELLER_OWNER, password: STAFF_PASSWORD, resellerId: a.id });
    const owner = await login(api, tt.slug, ownerEmail, STAFF_PASSWORD);
    const set = await api.gql(`mutation($i: SetMyPayoutAccountInput!) { setMyPayoutAccount(input: $i) { payoutAccount { accountLast4 } } }`, { i: { holderName: 'Alpha Holder', routingNumber: '011000015', accountNumber: '000123456789', accountType: 'CHECKING' } }, { token: owner });
    expect(set.errors).toBeUndefined();
    const verified = await api.gql(`mutation($r: ID!) { verifyPayoutAccount(input: { resellerId: $r }) { payoutAccount { verifiedBy } } }`, { r: a.id }, { token: tt.tokens.finance });
    expect(verified.errors).toBeUndefined();

    const batch = exits(await cli(['payouts', 'create', '--period', '2026-01', '--as', users.fin1, '--json']), 0).json();
    expect(batch).toMatchObject({ period: '2026-01', status: 'DRAFT', payments: 1, total: '150.00' });
    expect(batch.skipped).toEqual([{ code: codes.b, reason: 'BELOW_MINIMUM', amount: '30.00' }]);
    // Four eyes: not its creator, and not the CLI acting as itself (a person approves).
    const own = exits(await cli(['payouts', 'approve', batch.batchId, '--as', users.fin1]), 1);
    expect(own.stderr).toMatch(/FORBIDDEN.*someone other than/);
    const nobody = exits(await cli(['payouts', 'approve', batch.batchId]), 1);
    expect(nobody.stderr).toMatch(/FORBIDDEN.*not by the automation.*--as EMAIL/);
    expect((await query<{ status: string }>(`select status from payment_batch where id = ?`, [batch.batchId]))[0]!.status).toBe('DRAFT');
    expect(exits(await cli(['payouts', 'approve', batch.batchId, '--as', users.fin2, '--json']), 0).json()).toMatchObject({ batchId: batch.batchId, status: 'APPROVED' });
    const fin2 = (await query<{ id: string }>(`select id from app_user where email = ?`, [users.fin2]))[0]!.id;
    expect(await query(`select status, approved_by from payment_batch where id = ?`, [batch.batchId])).toEqual([{ status: 'APPROVED', approved_by: `user:${fin2}` }]);

    const out = path.join(tmp, 'export');
    const exported = exits(await cli(['payouts', 'export', batch.batchId, '--out', out, '--effective-date', tenantToday(), '--json']), 0).json();
    expect(exported).toMatchObject({ batchId: batch.batchId, status: 'EXPORTED', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(existsSync(exported.nacha) && existsSync(exported.remittance)).toBe(true);
    expect(path.dirname(exported.nacha)).toBe(out);
    const nacha = readFileSync(exported.nacha);
    expect(createHash('sha256').update(nacha).digest('hex')).toBe(exported.sha256);
    const lines = nacha.toString('ascii').trimEnd().split('\n');
    expect(lines.length % 10).toBe(0);
    expect(lines.every((line) => line.length === 94)).toBe(true);
    expect(lines.filter((line) => line.startsWith('6'))).toHaveLength(1);
    expect(readFileSync(exported.remittance, 'utf8')).toMatch(new RegExp(`^reseller_code,.*\\n${codes.a},.*150\\.00.*\\*\\*\\*\\*6789`, 's'));

    const settled = exits(await cli(['payouts', 'settle', batch.batchId, '--json']), 0).json();
    expect(settled.settled).toEqual([{ paymentId: expect.any(String), status: 'SETTLED', amount: '150.00' }]);
    expect(await query(`select status from payment where batch_id = ?`, [batch.batchId])).toEqual([{ status: 'SETTLED' }]);
    const lineStatuses = await query<{ code: string; status: string }>(`select r.code, l.status from commission_line l join reseller r on r.id = l.reseller_id where l.tenant_id = ? order by r.code`, [tt.tenant.id]);
    expect(lineStatuses.filter((line) => line.code === codes.a).every((line) => line.status === 'PAID')).toBe(true);
    expect(lineStatuses.filter((line) => line.code === codes.b).every((line) => line.status !== 'PAID')).toBe(true);

    expect(exits(await cli(['periods', 'close', '--period', '2026-01', '--json']), 0).json()).toMatchObject({ period: '2026-01', closedBy: expect.stringMatching(/^cli:/) });
    expect(await count('commission_period_close', 'period = ?', ['2026-01'])).toBe(1);
  }, 120_000);

  it('on a terminal: a bulk change of more than 100 rows needs --yes; the progress shows as a bar', async () => {
    const rows = Array.from({ length: 101 }, (_, n) => `T${String(n).padStart(3, '0')},Terminal ${n},,Fiber 100,49.00,2025-11-20,ACTIVE,,,`);
    const big = file('terminal-customers.csv', ['external_id,name,email,service_plan,mrr,signup_date,stage,usage_percent,reseller_code,assigned_since', ...rows].join('\n'));
    const count = async () => Number((await query<{ n: string }>(`select count(*) as n from customer where tenant_id = ? and external_id like 'T%'`, [tt.tenant.id]))[0]!.n);
    const refused = await cliOnTerminal(['customers', 'import', big]);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toContain('This would change 101 customers. Look first with --dry-run, then run again with --yes.');
    expect(await count()).toBe(0);
    const confirmed = await cliOnTerminal(['customers', 'import', big, '--yes']);
    expect(confirmed.code).toBe(0);
    expect(confirmed.stdout).toMatch(/import customers \[[=-]+\] \d+%/); // the bar, drawn on the terminal
    expect(confirmed.stdout).toContain('created 101');
    expect(await count()).toBe(101);
  }, 120_000);

  it('customers reassign: --dry-run changes nothing; the move keeps history', async () => {
    const open = async () =>
      (await query<{ external_id: string; code: string }>(`select c.external_id, r.code from customer_assignment a join customer c on c.id = a.customer_id join reseller r on r.id = a.reseller_id where a.tenant_id = ? and a.to_date is null order by c.external_id`, [tt.tenant.id])).map(
        (row) => `${row.external_id}:${row.code}`,
      );
    const before = await open();
    const assignments = await count('customer_assignment');
    const dry = exits(await cli(['customers', 'reassign', '--from', codes.a, '--to', codes.b, '--stage', 'onboarding', '--reason', 'Territory change', '--dry-run']), 0);
    expect(dry.stdout).toContain(`Would move 1 customers from ${codes.a} to ${codes.b}.`);
    expect(dry.stdout).toContain('C4');
    expect(await open()).toEqual(before);
    expect(await count('customer_assignment')).toBe(assignments);

    const moved = exits(await cli(['customers', 'reassign', '--from', codes.a, '--to', codes.b, '--stage', 'ONBOARDING', '--reason', 'Territory change', '--json']), 0).json();
    expect(moved).toMatchObject({ dryRun: false, from: codes.a, to: codes.b, moved: 1 });
    expect(await open()).toEqual([`C1:${codes.a}`, `C2:${codes.a}`, `C3:${codes.b}`, `C4:${codes.b}`]);
    expect(await count('customer_assignment')).toBe(assignments + 1);
  }, 120_000);

  it('health recompute, alerts list, jobs list and jobs run', async () => {
    const snapshots = await count('partner_health_snapshot');
    const health = exits(await cli(['health', 'recompute', '--json']), 0).json();
    expect(health.partners.scored).toBe(3);
    expect(await count('partner_health_snapshot')).toBeGreaterThanOrEqual(snapshots + 3);

    const alerts = exits(await cli(['alerts', 'list', '--json']), 0).json();
    // Partners whose only revenue is ten months old score low: the recompute raised alerts, and the list shows them all.
    expect(health.partners.alertsOpened).toBeGreaterThan(0);
    expect(alerts.alerts).toHaveLength(await count('partner_alert', `status <> 'RESOLVED'`));
    expect(alerts.alerts.length).toBeGreaterThanOrEqual(health.partners.alertsOpened);
    for (const alert of alerts.alerts) expect(Object.keys(alert).sort()).toEqual(['id', 'message', 'raisedAt', 'reseller', 'rule', 'severity', 'status']);

    const jobs = exits(await cli(['jobs', 'list', '--json']), 0).json();
    expect(jobs.jobs.map((job: { workflow: string }) => job.workflow)).toContain('system-health');
    const ran = exits(await cli(['jobs', 'run', 'system-health']), 0);
    expect(ran.stdout).toMatch(/:/);
    const runs = await query(`select status, trigger, requested_by from job_run where tenant_id = ? and workflow = 'system-health'`, [tt.tenant.id]);
    expect(runs).toEqual([{ status: 'SUCCEEDED', trigger: 'MANUAL', requested_by: expect.stringMatching(/^cli:/) }]);
  }, 120_000);

  it('users create invites a user', async () => {
    const created = exits(await cli(['users', 'create', '--email', 'New.Person@Example.com', '--name', 'New Person', '--role', 'partner_manager', '--json']), 0).json();
    expect(created).toMatchObject({ email: 'new.person@example.com', role: 'PARTNER_MANAGER' });
    const [user] = await query<{ id: string; role: string; status: string }>(`select id, role, status from app_user where tenant_id = ? and email = ?`, [tt.tenant.id, 'new.person@example.com']);
    expect(user).toMatchObject({ id: created.userId, role: 'PARTNER_MANAGER', status: created.status });
    expect(await count('outbox_email', 'to_address = ?', ['new.person@example.com'])).toBe(1);
  }, 120_000);

  it('refuses to work on a database behind on migrations until `db migrate` (which applies them)', async () => {
    const empty = withDatabase(inject('databaseUrl'), `rh_cli_empty_${process.pid}_${Date.now()}`);
    await ensureDatabase(empty);
    try {
      const behind = exits(await cli(['resellers', 'list'], { env: { DATABASE_URL: empty } }), 2);
      expect(behind.stderr).toMatch(/needs \d+ migration\(s\): run `reseller-hub db migrate` first/);
      const migrated = exits(await cli(['--json', 'db', 'migrate'], { env: { DATABASE_URL: empty } }), 0).json();
      const executed = await sqlRows<{ name: string }>(api.orm.em.fork(), `select name from mikro_orm_migrations order by id`, []);
      expect(migrated).toEqual({ migrations: executed.length, latest: executed.at(-1)!.name });
      // Up to date now: the next refusal is about the tenant, not the schema.
      expect(exits(await cli(['resellers', 'list'], { env: { DATABASE_URL: empty } }), 2).stderr).toMatch(/No tenant/);
    } finally {
      await dropDatabase(empty).catch(() => undefined);
    }
  }, 120_000);

  it('db migrate and db seed (the demo tenant once)', async () => {
    const migrate = exits(await cli(['db', 'migrate', '--json']), 0).json();
    const executed = await sqlRows<{ name: string }>(api.orm.em.fork(), `select name from mikro_orm_migrations order by id`, []);
    expect(migrate).toEqual({ migrations: executed.length, latest: executed.at(-1)!.name });

    const demoTenant = async () => (await sqlRows<{ n: string }>(api.orm.em.fork(), `select count(*) as n from tenant where slug = 'demo'`, []))[0]!.n;
    expect(Number(await demoTenant())).toBe(0);
    const seeded = exits(await cli(['db', 'seed'], { env: { DEFAULT_TENANT_SLUG: undefined } }), 0);
    expect(seeded.stdout).toContain('Demo data created in tenant demo.');
    expect(Number(await demoTenant())).toBe(1);
    const again = exits(await cli(['db', 'seed'], { env: { DEFAULT_TENANT_SLUG: undefined } }), 0);
    expect(again.stdout).toContain('Tenant demo exists: nothing done.');
    expect(Number(await demoTenant())).toBe(1);
  }, 120_000);
});
