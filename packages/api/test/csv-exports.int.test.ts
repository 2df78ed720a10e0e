/**
 * CSV exports never hand a spreadsheet a formula. Plan names, reseller names and payout holder
 * names are accepted as sent (the bad-input fuzz test sends `=cmd|…`, `=HYPERLINK(…)`, `@SUM(…)`),
 * and they reach the commission report CSV and the remittance CSV: there they are written as text
 * (a leading '), while amounts, negative ones included, stay plain numbers.
 */
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BusinessType } from '../src/modules/applications/application.enums.js';
import { PlanType } from '../src/modules/commissions/commission.enums.js';
import { assignCommissionPlan, createCommissionPlan } from '../src/modules/commissions/commission-plan.service.js';
import { CommissionRun } from '../src/modules/commissions/commission-run.entity.js';
import { PaymentFile } from '../src/modules/payouts/payment-batch.entity.js';
import { exportPaymentBatch } from '../src/modules/payouts/payment-export.service.js';
import { BankAccountType } from '../src/modules/payouts/payout-account.entity.js';
import { setMyPayoutAccount } from '../src/modules/payouts/payout-account.service.js';
import { upsertResellers } from '../src/modules/resellers/reseller-import.service.js';
import { tenantEntityManager } from '../src/db/scope.js';
import { startTestApi, type TestApi } from './helpers.js';
import { Fixtures } from './support/fuzz-fixtures.js';
import { storedNacha } from '../src/modules/payouts/payment-file.repository.js';

let api: TestApi;
let fixtures: Fixtures;
const PLAN = '=HYPERLINK("http://evil.example","x")';
const COMPANY = '@SUM(1+1)*cmd';
const HOLDER = "=cmd|' /C calc'!A0";

beforeAll(async () => {
  api = await startTestApi();
  fixtures = await Fixtures.create(api);
  const own = fixtures.ownReseller;
  await upsertResellers(fixtures.as('admin'), [{ code: own.code, companyName: COMPANY, legalName: 'Own LLC', contactName: 'Pat', contactEmail: own.contactEmail, phone: '+1 555 010 2000', businessType: BusinessType.LLC }]);
  const plan = await createCommissionPlan(fixtures.as('admin'), { name: PLAN, type: PlanType.PERCENTAGE, effectiveFrom: '2022-01', terms: { rate: '0.1000', minimumPayout: '1.00' } });
  await assignCommissionPlan(fixtures.as('admin'), { resellerId: own.id, planId: plan.id, effectiveFrom: '2022-01' });
  await setMyPayoutAccount(fixtures.as('owner'), { holderName: HOLDER, routingNumber: '011000015', accountNumber: '004417889012', accountType: BankAccountType.CHECKING });
}, 60_000);
afterAll(async () => api?.close());

function cells(csv: string): string[][] {
  return parse(csv, { relax_column_count: false });
}

describe('CSV exports and formula injection', () => {
  it('the commission report writes plan and reseller names as text', async () => {
    const batchId = (await fixtures.get('approvedBatch')).id!;
    const em = tenantEntityManager(api.orm.em, fixtures.tt.tenant.id);
    const period = (await em.findOneOrFail(CommissionRun, {}, { orderBy: { startedAt: 'desc' } })).period;
    expect(batchId).toBeTruthy();
    const query = `query($p: String!, $g: CommissionReportGroup!) { commissionReport(period: $p, groupBy: $g) { csv rows { label } } }`;
    const byPlan = await api.gql(query, { p: period, g: 'PLAN' }, { token: fixtures.callers.FINANCE });
    expect(byPlan.data.commissionReport.rows.map((row: { label: string }) => row.label)).toEqual([`${PLAN} v1`]);
    const [header, row] = cells(byPlan.data.commissionReport.csv);
    expect(header).toEqual(['plan', 'lines', 'revenue', 'commission']);
    expect(row).toEqual([`'${PLAN} v1`, '1', '1000.00', '100.00']);
  });

  it('the remittance CSV writes reseller and holder names as text; amounts stay numbers', async () => {
    const batchId = (await fixtures.get('approvedBatch')).id!;
    await exportPaymentBatch(fixtures.as('finance'), { batchId });
    const file = await tenantEntityManager(api.orm.em, fixtures.tt.tenant.id).findOneOrFail(PaymentFile, { batch: batchId });
    const [header, row] = cells(file.remittanceCsv);
    const column = (name: string) => row![header!.indexOf(name)];
    expect(column('reseller')).toBe(`'${COMPANY}`);
    expect(column('account_holder')).toBe(`'${HOLDER}`);
    expect(column('amount')).toMatch(/^\d+\.\d{2}$/);
    // The NACHA file has no formulas to fear: its name field is upper-case ASCII of the allowed characters.
    expect(storedNacha(file, api.services.payoutCipher).split('\n')[2]!.slice(54, 76)).toBe("CMD ' /C CALC' A0".padEnd(22));
  });
});
