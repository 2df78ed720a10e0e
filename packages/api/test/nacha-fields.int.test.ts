/**
 * Names that end up in a NACHA file must carry something a bank file can hold. NACHA records are
 * upper-case ASCII: the writer maps other characters to spaces, so an ACH company name of
 * "北京宽带" or "*~|^!" became a blank Company Name — a mandatory field — and the export wrote a file
 * a bank refuses (the independent read-back, achkit, does not check it). Found by the bad-input
 * fuzz test. Such names are refused where they are entered; a file that cannot be written (a name
 * stored before this check, an amount past NACHA's 10 digits) is a CONFLICT, not a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantEntityManager } from '../src/db/scope.js';
import { PaymentBatch, PaymentBatchStatus, PaymentFile } from '../src/modules/payouts/payment-batch.entity.js';
import { Tenant } from '../src/modules/tenants/tenant.entity.js';
import { errorCode, startTestApi, type TestApi } from './helpers.js';
import { Fixtures } from './support/fuzz-fixtures.js';
import { nachaProblems } from './support/nacha-check.js';
import { storedNacha } from '../src/modules/payouts/payment-file.repository.js';

let api: TestApi;
let fixtures: Fixtures;

beforeAll(async () => {
  api = await startTestApi();
  fixtures = await Fixtures.create(api);
}, 60_000);
afterAll(async () => api?.close());

const em = () => tenantEntityManager(api.orm.em, fixtures.tt.tenant.id);
const ACH = `mutation($input: AchSettingsInput!) { updateAchSettings(input: $input) { companyName immediateOriginName } }`;
const ACCOUNT = `mutation($input: SetMyPayoutAccountInput!) { setMyPayoutAccount(input: $input) { payoutAccount { holderName } } }`;
const EXPORT = `mutation($id: ID!) { exportPaymentBatch(input: { batchId: $id }) { batch { status } } }`;
const settings = (overrides: Record<string, string> = {}) => ({
  input: { immediateDestination: '021000021', immediateDestinationName: 'Chase', immediateOrigin: '1841234567', immediateOriginName: 'Fuzz Networks', companyName: 'Fuzz Networks', companyId: '1841234567', odfiRouting: '021000021', ...overrides },
});
const account = (holderName: string) => ({ input: { holderName, routingNumber: '011000015', accountNumber: '004417889012', accountType: 'CHECKING' } });

describe('NACHA-bound names', () => {
  it.each(['北京宽带', '*~|^!', '<>{}', '€€€'])('an ACH company name of %j is refused (BAD_USER_INPUT), the settings unchanged', async (companyName) => {
    const before = (await em().findOneOrFail(Tenant, { id: fixtures.tt.tenant.id })).ach;
    const result = await api.gql(ACH, settings({ companyName }), { token: fixtures.callers.ADMIN });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.extensions!.fieldErrors).toHaveProperty('companyName');
    expect((await em().findOneOrFail(Tenant, { id: fixtures.tt.tenant.id })).ach).toEqual(before);
  });

  it('a holder name with nothing a bank file can carry is refused', async () => {
    const result = await api.gql(ACCOUNT, account('北京宽带'), { token: fixtures.callers.RESELLER_OWNER });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.extensions!.fieldErrors).toHaveProperty('holderName');
  });

  it('names with accents and symbols are kept as sent and exported as valid NACHA', async () => {
    expect((await api.gql(ACH, settings({ companyName: 'Zoë & Søn 北京', immediateOriginName: '<b>Fuzz</b>' }), { token: fixtures.callers.ADMIN })).data.updateAchSettings).toEqual({ companyName: 'Zoë & Søn 北京', immediateOriginName: '<b>Fuzz</b>' });
    expect((await api.gql(ACCOUNT, account('Ångström Ltd'), { token: fixtures.callers.RESELLER_OWNER })).data.setMyPayoutAccount.payoutAccount.holderName).toBe('Ångström Ltd');
    const batchId = (await fixtures.get('approvedBatch')).id!;
    const result = await api.gql(EXPORT, { id: batchId }, { token: fixtures.callers.FINANCE });
    expect(result.errors).toBeUndefined();
    const file = await em().findOneOrFail(PaymentFile, { batch: batchId });
    const nacha = storedNacha(file, api.services.payoutCipher);
    expect(nachaProblems(nacha)).toEqual([]);
    expect(nacha.split('\n')[1]!.slice(4, 20)).toBe('ZOE & S N       ');
  });

  it('a company name stored before this check makes the export a CONFLICT, writing nothing', async () => {
    const tenant = await em().findOneOrFail(Tenant, { id: fixtures.tt.tenant.id });
    await em().nativeUpdate(Tenant, { id: tenant.id }, { ach: { ...tenant.ach!, companyName: '北京宽带' } });
    fixtures.consumed('exportPaymentBatch', ['approvedBatch']);
    const batchId = (await fixtures.get('approvedBatch')).id!;
    const result = await api.gql(EXPORT, { id: batchId }, { token: fixtures.callers.FINANCE });
    expect(errorCode(result)).toBe('CONFLICT');
    expect(result.errors![0]!.message).toMatch(/company name/i);
    expect((await em().findOneOrFail(PaymentBatch, { id: batchId })).status).toBe(PaymentBatchStatus.APPROVED);
    expect(await em().count(PaymentFile, { batch: batchId })).toBe(0);
  });
});
