/**
 * Text the database cannot hold (NUL, unpaired surrogates) is refused where input enters, as
 * BAD_USER_INPUT naming the field, with nothing stored. Found by the bad-input fuzz test: NUL in a
 * billing record's customer id was a 500 ("invalid message format" from PostgreSQL), a lone
 * surrogate in the tenant footer or a payout holder name was a 500 (jsonb refused the audit
 * event), and elsewhere a lone surrogate was silently stored as U+FFFD.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantEntityManager } from '../src/db/scope.js';
import { ResellerApplication } from '../src/modules/applications/reseller-application.entity.js';
import { AuditEvent } from '../src/modules/audit/audit-event.entity.js';
import { Tenant } from '../src/modules/tenants/tenant.entity.js';
import { applicationInput, createTestTenant, errorCode, startTestApi, SUBMIT, submitApplication, type TestApi, type TestTenant } from './helpers.js';

let api: TestApi;
let tt: TestTenant;

beforeAll(async () => {
  api = await startTestApi();
  tt = await createTestTenant(api, 'text');
});
afterAll(async () => api?.close());

const em = () => tenantEntityManager(api.orm.em, tt.tenant.id);

const SETTINGS = `mutation($input: UpdateTenantSettingsInput!) { updateTenantSettings(input: $input) { footer } }`;
const settings = (footer: string) => ({ input: { name: 'Text Networks', timezone: 'UTC', supportEmail: 'support@text.example', primaryColor: '#336699', footer } });

describe('text the database cannot store', () => {
  it('NUL in a submitted application: BAD_USER_INPUT (400) naming the field, nothing stored', async () => {
    const before = await em().count(ResellerApplication, {});
    const result = await api.gql(SUBMIT, { input: applicationInput(tt.slug, { companyName: 'Acme\u0000Fiber' }) });
    expect(result.status).toBe(400);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.extensions!.fieldErrors).toEqual({ companyName: expect.stringContaining('NUL') });
    expect(await em().count(ResellerApplication, {})).toBe(before);
  });

  it('NUL in a billing record id (was a 500 from PostgreSQL): BAD_USER_INPUT with the row path', async () => {
    const result = await api.gql(`mutation($input: UpsertBillingRecordsInput!) { upsertBillingRecords(input: $input) { created } }`, {
      input: { records: [{ invoiceId: 'INV-1', customerExternalId: 'C-1', period: '2026-01', invoicedAmount: '10.00' }, { invoiceId: 'INV-2', customerExternalId: 'xx\u0000', period: '2026-01', invoicedAmount: '10.00' }] },
    }, { token: tt.tokens.finance });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(Object.keys(result.errors![0]!.extensions!.fieldErrors!)).toEqual(['records.1.customerExternalId']);
  });

  it('a lone surrogate in the tenant footer (was a 500 from the audit event jsonb): refused, the tenant and its audit trail unchanged', async () => {
    const audits = await em().count(AuditEvent, {});
    const branding = (await em().findOneOrFail(Tenant, { id: tt.tenant.id })).branding;
    for (const footer of ['pair ok 😀 then lone \uD83D end', 'trailing \uDFFF', '\uDBFF\uDBFF']) {
      const result = await api.gql(SETTINGS, settings(footer), { token: tt.tokens.admin });
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0]!.extensions!.fieldErrors).toHaveProperty('footer');
    }
    expect((await em().findOneOrFail(Tenant, { id: tt.tenant.id })).branding).toEqual(branding);
    expect(await em().count(AuditEvent, {})).toBe(audits);
  });

  it('a surrogate pair (emoji) and other unusual text are stored as sent', async () => {
    const footer = 'Fiber 😀 👩‍👩‍👧 e\u0301 \u202Eright-to-left\u202C \t tab \u0007 bell';
    const result = await api.gql(SETTINGS, settings(footer), { token: tt.tokens.admin });
    expect(result.errors).toBeUndefined();
    expect(result.data.updateTenantSettings.footer).toBe(footer);
    expect((await em().findOneOrFail(Tenant, { id: tt.tenant.id })).branding?.footer).toBe(footer);
  });

  it('NUL written as an escape in a literal of the document is refused too', async () => {
    const { id } = await submitApplication(api, tt);
    const result = await api.gql(`mutation { addApplicationNote(input: { applicationId: "${id}", body: "a\\u0000b" }) { application { id } } }`, {}, { token: tt.tokens.admin });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
  });

  it('a variable that is a plain string is named by the variable', async () => {
    const result = await api.gql(`mutation($id: ID!) { resendEmail(id: $id) { id } }`, { id: '\u0000' }, { token: tt.tokens.admin });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.extensions!.fieldErrors).toHaveProperty('id');
  });
});
