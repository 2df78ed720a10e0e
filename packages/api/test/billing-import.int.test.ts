import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BillingRecord } from '../src/modules/billing/billing-record.entity.js';
import { tenantEntityManager } from '../src/db/scope.js';
import { createTestTenant, errorCode, startTestApi, type TestApi, type TestTenant } from './helpers.js';

let api: TestApi;
let tt: TestTenant;
const PREVIEW = `query($csv: String!) { previewBillingImport(input: { csv: $csv }) { rowCount create update unchanged errorCount rows { line invoiceId customerExternalId paidAmount action errors } } }`;
const IMPORT = `mutation($csv: String!) { importBillingRecordsCsv(input: { csv: $csv }) { created updated unchanged } }`;

const count = () => tenantEntityManager(api.orm.em, tt.tenant.id).count(BillingRecord, {});

beforeAll(async () => {
  api = await startTestApi();
  tt = await createTestTenant(api, 'csv');
  await api.gql(`mutation { upsertCustomers(input: { customers: [{ externalId: "C-1", name: "One" }, { externalId: "C, 2", name: "Two" }] }) { created } }`, {}, { token: tt.tokens.finance });
});
afterAll(async () => api?.close());

describe('billing CSV import', () => {
  // A BOM, CRLF line ends, a quoted id with a comma, and columns in another order and case.
  const good = '\uFEFFPaid_Date,Invoice ID,customer_external_id,period,invoiced_amount,paid_amount\r\n2026-03-05,INV-A,C-1,2026-03,100.00,100.00\r\n,INV-B,"C, 2",2026-03,50.50,\r\n';

  it('previews what would happen without writing anything', async () => {
    const result = await api.gql(PREVIEW, { csv: good }, { token: tt.tokens.finance });
    expect(result.errors).toBeUndefined();
    expect(result.data.previewBillingImport).toMatchObject({ rowCount: 2, create: 2, update: 0, unchanged: 0, errorCount: 0 });
    expect(result.data.previewBillingImport.rows.map((r: { line: number; customerExternalId: string }) => [r.line, r.customerExternalId])).toEqual([[2, 'C-1'], [3, 'C, 2']]);
    expect(await count()).toBe(0);
  });

  it('imports, then the same file again changes nothing', async () => {
    expect((await api.gql(IMPORT, { csv: good }, { token: tt.tokens.finance })).data.importBillingRecordsCsv).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect((await api.gql(IMPORT, { csv: good }, { token: tt.tokens.admin })).data.importBillingRecordsCsv).toEqual({ created: 0, updated: 0, unchanged: 2 });
    const changed = good.replace('100.00,100.00', '100.00,90.00');
    const preview = await api.gql(PREVIEW, { csv: changed }, { token: tt.tokens.finance });
    expect(preview.data.previewBillingImport).toMatchObject({ update: 1, unchanged: 1 });
  });

  it('one bad row refuses the whole file, with every error by line', async () => {
    const before = await count();
    const bad = 'invoice_id,customer_external_id,period,invoiced_amount,paid_amount,paid_date\nINV-C,C-1,2026-04,10.00,,\nINV-D,NOPE,2026-04,10.00,,\nINV-E,C-1,2026-4,abc,5.00,\n';
    const preview = await api.gql(PREVIEW, { csv: bad }, { token: tt.tokens.finance });
    expect(preview.data.previewBillingImport.errorCount).toBe(2);
    expect(preview.data.previewBillingImport.rows.map((r: { action: string }) => r.action)).toEqual(['CREATE', 'ERROR', 'ERROR']);
    expect(preview.data.previewBillingImport.rows[2].errors).toEqual(expect.arrayContaining([expect.stringMatching(/^period/), expect.stringMatching(/^invoicedAmount/), expect.stringMatching(/^paidDate/)]));
    const imported = await api.gql(IMPORT, { csv: bad }, { token: tt.tokens.finance });
    expect(errorCode(imported)).toBe('BAD_USER_INPUT');
    expect(await count()).toBe(before);
  });

  it('refuses a malformed file or missing columns with a clear message', async () => {
    const unterminated = await api.gql(PREVIEW, { csv: 'invoice_id,customer_external_id,period,invoiced_amount\n"INV-X,C-1,2026-04,1.00\n' }, { token: tt.tokens.finance });
    expect(errorCode(unterminated)).toBe('BAD_USER_INPUT');
    expect(unterminated.errors![0]!.message).toMatch(/Not a valid CSV file/);
    const ragged = await api.gql(PREVIEW, { csv: 'invoice_id,customer_external_id,period,invoiced_amount\nINV-X,C-1\n' }, { token: tt.tokens.finance });
    expect(errorCode(ragged)).toBe('BAD_USER_INPUT');
    const missing = await api.gql(PREVIEW, { csv: 'invoice,customer\nA,B\n' }, { token: tt.tokens.finance });
    expect(errorCode(missing)).toBe('BAD_USER_INPUT');
    expect(missing.errors![0]!.extensions!.missingColumns).toEqual(['invoiceId', 'customerExternalId', 'period', 'invoicedAmount']);
    expect(errorCode(await api.gql(PREVIEW, { csv: '' }, { token: tt.tokens.finance }))).toBe('BAD_USER_INPUT');
  });

  it('partners and partner managers cannot import billing', async () => {
    expect(errorCode(await api.gql(IMPORT, { csv: good }, { token: tt.tokens.partnerManager }))).toBe('FORBIDDEN');
  });
});
