/**
 * What a realistic value of a field looks like, and the field's own kind of trouble, for the
 * bad-input property test. Looked up by `mutation:Type.field`, then `Type.field`, then by rules on
 * the field's name; a field no rule knows still gets generic values from its GraphQL type.
 */
import fc from 'fast-check';
import { addDaysToDate, nextPeriod, previousPeriod } from '../../src/shared/period.js';
import { WORKFLOWS } from '../../src/jobs/workflows.js';
import { hasNachaText } from '../../src/modules/payouts/nacha-writer.js';
import { FixtureRef, Fresh, type FixtureKind } from './fuzz-fixtures.js';
import { FORMULA_INJECTION, HTML_INJECTION, hostileAccount, hostileCsv, hostileDate, hostileMoney, hostilePeriod, hostileRouting, hugeText, UNICODE_TEXT, UNSTORABLE_TEXT } from './hostile-values.js';
import { OMIT, type FieldHint, type HintLookup } from './schema-cases.js';

const ref = (kind: FixtureKind, property = 'id') => fc.constant(new FixtureRef(kind, property));
const fresh = (label: string, make: (n: number) => string) => fc.constant(new Fresh(label, make));

/** Text a real user might type, including unicode and the hostile text a product must store as sent. */
const humanText = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('Acme Fiber', 'Jordan Smith', 'Northwind Partners', 'Routine check-in with the partner.') },
  { weight: 2, arbitrary: fc.constantFrom(...UNICODE_TEXT.filter((text) => text.trim().length > 0)) },
  { weight: 2, arbitrary: fc.constantFrom(...HTML_INJECTION, ...FORMULA_INJECTION) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).filter((text) => text.trim().length > 0) },
);

/** Names that end up in a NACHA file (22 or 23 characters shown): long, accented, symbols. */
const nachaName = fc.oneof(
  fc.constantFrom('Riverside Connect LLC', 'Zoë Ångström & Søn', 'A'.repeat(40), 'O\'Brien/Smith (2) + Co.', '北京宽带', '<script>x</script>', '*~|^!', 'Line\nbreak', 'Café 北京 Ltd', '=cmd|x', 'ÆØÅ Data', 'x\ty'),
  humanText,
);

function money(max: number, decimals = true) {
  return fc.integer({ min: 0, max: max * 100 }).map((cents) => (decimals ? `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}` : String(Math.floor(cents / 100))));
}

/** One CSV line, quoting cells as RFC 4180 says (commas, quotes, line breaks). */
function csvLine(cells: string[]): string {
  return cells.map((cell) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)).join(',');
}

export interface HintContext {
  /** The test clock's date (YYYY-MM-DD). */
  today: string;
}

export function fieldHints({ today }: HintContext): HintLookup {
  const thisPeriod = today.slice(0, 7);
  const periods = [previousPeriod(previousPeriod(thisPeriod)), previousPeriod(thisPeriod), thisPeriod, nextPeriod(thisPeriod), '2023-01', '2023-02'];
  const period: FieldHint = { valid: fc.constantFrom(...periods), hostile: hostilePeriod };
  const pastDate: FieldHint = { valid: fc.integer({ min: 0, max: 400 }).map((days) => addDaysToDate(today, -days)), hostile: hostileDate };
  const futureDate: FieldHint = { valid: fc.integer({ min: 0, max: 60 }).map((days) => addDaysToDate(today, days)), hostile: hostileDate };
  const amount: FieldHint = { valid: money(5000), hostile: hostileMoney };
  const email: FieldHint = {
    valid: fresh('email', (n) => `fuzz.${n}@example.com`),
    hostile: fc.constantFrom('not-an-email', 'a@b', 'a b@c.example', '<script>@x.example', `${'a'.repeat(250)}@example.com`, 'x@example.com\u0000', 'ünïcode@exämple.com', '"quoted"@example.com', 'a@b@c.example'),
  };
  const phone: FieldHint = { valid: fc.constantFrom('+1 (555) 010-2233', '+44 20 7946 0958', '555-0100-222'), hostile: fc.constantFrom('call me', '12345', '+1 555 010 2233 ext. 9', '١٢٣٤٥٦٧٨٩', '+'.repeat(30)) };
  const url: FieldHint = { valid: fc.constantFrom('https://acme.example', 'http://partner.example/path?q=1', ''), hostile: fc.constantFrom('javascript:alert(1)', 'acme.example', 'data:text/html,<script>alert(1)</script>', 'https://', `https://${'a'.repeat(400)}.example`, 'https://exa mple.com', 'ftp://files.example') };
  const id = (kind: FixtureKind, wrong: FixtureKind[] = ['foreignReseller', 'foreignCustomer', 'customer']): FieldHint => ({ valid: ref(kind), hostile: fc.oneof(...wrong.map((w) => ref(w))) });
  const routing: FieldHint = { valid: fc.constantFrom('021000021', '011000015', '091000019', '026009593'), hostile: hostileRouting };

  const csvBilling = (): FieldHint => {
    const header = 'invoice_id,customer_external_id,period,invoiced_amount,paid_amount,paid_date';
    const row = fc.tuple(fc.integer({ min: 1, max: 1e9 }), fc.constantFrom(...periods.slice(0, 3)), money(900)).map(([n, p, m]) => `CSV-${n},__CUSTOMER__,${p},${m},${m},${p}-15`);
    return { valid: fc.array(row, { minLength: 1, maxLength: 4 }).map((rows) => `${header}\n${rows.join('\n')}\n`), hostile: hostileCsv(header, row) };
  };
  const csvCustomers = (): FieldHint => {
    const header = 'external_id,name,email,service_plan,mrr,signup_date,stage,usage_percent,reseller_code,assigned_since';
    const row = fc.tuple(fc.integer({ min: 1, max: 1e9 }), fc.constantFrom('Alder Bakery', 'Café Ümlaut', 'Smith, Jones & Co', '=HYPERLINK("http://evil.example","x")', '<b>bold</b>'), money(300)).map(([n, name, mrr]) => csvLine([`CSVC-${n}`, name, `c${n}@customers.example`, 'Fiber 300', mrr, '2025-01-15', 'PROSPECT', '50', '', '']));
    return { valid: fc.array(row, { minLength: 1, maxLength: 4 }).map((rows) => `${header}\n${rows.join('\n')}\n`), hostile: hostileCsv(header, row) };
  };
  const csvResellers = (): FieldHint => {
    const header = 'code,company_name,legal_name,contact_name,contact_email,phone,business_type,website,tier,status';
    const row = fc.tuple(fc.integer({ min: 1, max: 1e9 }), fc.constantFrom('Partner Co', 'Zoë & Søn', 'Comma, Inc', '@SUM(1,1)', '"Quoted" Partners')).map(([n, name]) => csvLine(['', name, `${name} LLC`, 'Pat', `csv.partner.${n}@example.com`, '+1 555 010 3000', 'LLC', '', 'SILVER', 'ACTIVE']));
    return { valid: fc.array(row, { minLength: 1, maxLength: 3 }).map((rows) => `${header}\n${rows.join('\n')}\n`), hostile: hostileCsv(header, row) };
  };
  const csv = { BillingCsvInput: csvBilling(), CustomerCsvInput: csvCustomers(), ImportResellersCsvInput: csvResellers() } as Record<string, FieldHint>;

  /** Exact hints: `mutation:Type.field` or `Type.field`. */
  const exact: Record<string, FieldHint> = {
    // Ids: the fixture a valid call needs, per mutation where the state matters.
    'ApplicationIdInput.applicationId': id('application', ['foreignApplication', 'reseller']),
    'AddApplicationNoteInput.applicationId': id('application', ['foreignApplication']),
    'ApproveResellerApplicationInput.applicationId': id('application', ['foreignApplication']),
    'RejectResellerApplicationInput.applicationId': id('application', ['foreignApplication']),
    'WithdrawResellerApplicationInput.token': { valid: ref('applicationToken', 'token'), hostile: fc.constantFrom('x', '', 'a'.repeat(201)) },
    'SetPasswordInput.token': { valid: ref('invitationToken'), hostile: fc.constantFrom('x', '', 'a'.repeat(201)) },
    'SetPasswordInput.password': { valid: fc.constantFrom('correct-horse-battery-9', 'pässwörd-ünïcode-2026'), hostile: fc.constantFrom('short1', 'a'.repeat(201), 'nodigitsatallhere', '123456789012') },
    'LoginInput.email': { valid: ref('staffEmail'), hostile: email.hostile },
    'LoginInput.password': { valid: ref('staffEmail', 'password'), hostile: fc.constantFrom('', 'wrong-password-1', 'x'.repeat(100_000)) },
    'LoginInput.tenantSlug': { valid: ref('tenantSlug'), hostile: fc.constantFrom('no-such-isp', '', '../demo') },
    'SubmitResellerApplicationInput.tenantSlug': { valid: ref('tenantSlug'), hostile: fc.constantFrom('no-such-isp', '', 'DEMO') },
    'SubmitResellerApplicationInput.acceptTerms': { valid: fc.constant(true), hostile: fc.constant(false) },
    'SubmitResellerApplicationInput.territory': { valid: humanText },
    'updateResellerStatus:UpdateResellerStatusInput.resellerId': id('reseller'),
    'setResellerTier:SetResellerTierInput.resellerId': id('reseller'),
    'verifyPayoutAccount:ResellerIdInput.resellerId': id('unverifiedPayoutReseller'),
    // Staff roles (the valid ones below) take no reseller: mostly left out.
    'InviteUserInput.resellerId': { valid: fc.oneof({ weight: 4, arbitrary: fc.constant(OMIT) }, { weight: 1, arbitrary: ref('reseller') }), hostile: ref('foreignReseller') },
    'CreateApiKeyInput.resellerId': { valid: fc.oneof({ weight: 4, arbitrary: fc.constant(OMIT) }, { weight: 1, arbitrary: ref('reseller') }), hostile: ref('foreignReseller') },
    // The customer fixture is ACTIVE: these are the moves its lifecycle allows (others are CONFLICT).
    'MoveCustomerStageInput.to': { valid: fc.constantFrom('EXPANSION', 'AT_RISK') },
    'AssignCustomerInput.customerId': id('unassignedCustomer', ['foreignCustomer', 'reseller']),
    'AssignCustomerInput.resellerId': id('activeReseller'),
    'ReassignCustomerInput.customerId': id('customer', ['foreignCustomer', 'reseller']),
    'ReassignCustomerInput.resellerId': id('reseller'),
    'ReassignCustomersInput.fromResellerId': id('activeReseller'),
    'ReassignCustomersInput.toResellerId': id('reseller'),
    'MoveCustomerStageInput.customerId': id('customer', ['foreignCustomer', 'reseller']),
    'LogCustomerInteractionInput.customerId': id('customer', ['foreignCustomer', 'reseller']),
    'CompleteCustomerFollowUpInput.interactionId': id('interaction'),
    'CompleteCustomerTaskInput.taskId': id('customerTask'),
    'CompleteOnboardingTaskInput.taskId': id('ispOnboardingTask'),
    'CreateCommissionPlanVersionInput.planId': id('plan', ['foreignPlan', 'reseller']),
    'AssignCommissionPlanInput.planId': id('plan', ['foreignPlan', 'reseller']),
    'AssignCommissionPlanInput.resellerId': id('activeReseller'),
    'CommissionRunIdInput.runId': id('calculatedRun'),
    'DisputeCommissionLineInput.lineId': id('ownLine'),
    'AddCommissionDisputeMessageInput.disputeId': id('openDispute'),
    'ResolveCommissionDisputeInput.disputeId': id('openDispute'),
    'ResolveReconciliationItemInput.reconciliationId': id('reconciliationItem'),
    'ResolveReconciliationItemInput.itemId': { valid: ref('reconciliationItem', 'itemId'), hostile: fc.constantFrom('x', '', 'ffffffff-ffff-ffff-ffff-ffffffffffff') },
    'approvePaymentBatch:PaymentBatchIdInput.batchId': id('draftBatch'),
    'CancelPaymentBatchInput.batchId': id('draftBatch'),
    'ExportPaymentBatchInput.batchId': id('approvedBatch'),
    'ExportPaymentBatchInput.effectiveDate': futureDate,
    'PaymentIdInput.paymentId': id('exportedPayment'),
    'MarkPaymentFailedInput.paymentId': id('exportedPayment'),
    'AlertIdInput.alertId': id('openAlert'),
    'ResolveAlertInput.alertId': id('openAlert'),
    // One of the two (an alert or a reseller): each is left out half the time.
    'PlanInterventionInput.alertId': { valid: fc.oneof(fc.constant(OMIT), ref('openAlert')), hostile: ref('foreignReseller'), given: true },
    'PlanInterventionInput.resellerId': { valid: fc.oneof(fc.constant(OMIT), ref('activeReseller')), hostile: ref('foreignReseller'), given: true },
    'PlanInterventionInput.dueDate': futureDate,
    'UpdateInterventionInput.interventionId': id('intervention'),
    'RevokeApiKeyInput.apiKeyId': id('apiKey'),
    'resendEmail.id': id('outboxEmail'),
    'SetPartnerTargetsInput.resellerId': id('activeReseller'),
    'RecordSatisfactionSurveyInput.resellerId': id('activeReseller'),
    'RecordSatisfactionSurveyInput.rating': { valid: fc.integer({ min: 1, max: 5 }) },
    'ResellerIdInput.resellerId': id('activeReseller'),
    'ResellerOptionalInput.resellerId': id('activeReseller'),
    'RecomputeCustomerHealthInput.resellerId': id('activeReseller'),
    'LogCustomerInteractionInput.satisfaction': { valid: fc.integer({ min: 1, max: 10 }) },
    'LogCustomerInteractionInput.durationMinutes': { valid: fc.integer({ min: 1, max: 240 }) },
    'LogCustomerInteractionInput.followUpOn': futureDate,
    'CustomerUpsertInput.externalId': { valid: fc.oneof(fresh('externalId', (n) => `FUZZ-C-${n}`), ref('customer', 'externalId')) },
    'CustomerUpsertInput.resellerCode': { valid: ref('activeReseller', 'code'), hostile: fc.constantFrom('RS-999999', 'rs-000001', 'RS-1', ''), },
    'CustomerUpsertInput.usagePercent': { valid: fc.integer({ min: 0, max: 100 }) },
    'BillingRecordInput.invoiceId': { valid: fresh('invoiceId', (n) => `FUZZ-INV-${n}`) },
    'BillingRecordInput.customerExternalId': { valid: ref('customer', 'externalId'), hostile: fc.constantFrom('NO-SUCH-CUSTOMER', '') },
    'BillingRecordInput.paidAmount': { valid: money(5000), hostile: hostileMoney },
    'BillingRecordInput.invoicedAmount': { valid: fc.oneof(money(5000), money(300).map((m) => `-${m}`)), hostile: hostileMoney },
    'ResellerUpsertInput.code': { valid: fc.oneof(fc.constant(null), ref('activeReseller', 'code')), hostile: fc.constantFrom('RS-999999', 'RS-', 'x'.repeat(51)) },
    'ResellerUpsertInput.status': { valid: fc.constantFrom('ONBOARDING', 'ACTIVE'), hostile: fc.constantFrom('SUSPENDED', 'TERMINATED') },
    'ResellerUpsertInput.contactEmail': email,
    'InviteUserInput.role': { valid: fc.constantFrom('FINANCE', 'PARTNER_MANAGER', 'ADMIN') },
    'CreateApiKeyInput.role': { valid: fc.constantFrom('FINANCE', 'PARTNER_MANAGER', 'ADMIN') },
    'UpdateTenantSettingsInput.timezone': { valid: fc.constantFrom('America/Chicago', 'UTC', 'Europe/Berlin', 'Pacific/Kiritimati'), hostile: fc.constantFrom('Mars/Olympus', 'utc+25', '', 'America/../../etc') },
    'UpdateTenantSettingsInput.primaryColor': { valid: fc.constantFrom('#336699', '#abc'), hostile: fc.constantFrom('red', '#12345', '#gggggg', 'url(javascript:x)', '#336699;background:url(x)') },
    'UpdateTenantSettingsInput.logoUrl': { valid: fc.constantFrom('https://cdn.example/logo.png', null), hostile: fc.constantFrom('javascript:alert(1)', 'http://insecure.example/logo.png', '"><script>alert(1)</script>') },
    'UpdateTenantSettingsInput.name': { valid: fc.oneof(fc.constant('Fuzz Networks'), humanText) },
    'UpdateTenantSettingsInput.supportEmail': { valid: fc.constantFrom('support@fuzz.example'), hostile: email.hostile },
    'UpdateJobScheduleInput.workflow': { valid: fc.constantFrom(...WORKFLOWS.map((w) => w.name)), hostile: fc.constantFrom('no-such-workflow', '', '__proto__') },
    'UpdateJobScheduleInput.cron': { valid: fc.constantFrom('0 2 * * *', '*/15 * * * *', '0 3 1 * *'), hostile: fc.constantFrom('not a cron', '* * * * * * *', '61 * * * *', '0 0 31 2 *', '* * * * *', '@reboot', '0 2 * * * ; rm -rf /') },
    'UpdateJobScheduleInput.everySeconds': { valid: fc.integer({ min: 1, max: 3600 }) },
    'runJobNow.workflow': { valid: fc.constantFrom(...WORKFLOWS.map((w) => w.name)), hostile: fc.constantFrom('no-such-workflow', '', 'constructor') },
    // Valid terms satisfy every plan type at once (each type reads only its own fields), so the type may vary freely.
    'PlanTermsInput.rate': { valid: fc.constantFrom('0.1000', '0.05', '1', '0'), hostile: fc.constantFrom('1.0001', '-0.1', '0.12345', '12%', '.5', 'NaN', '1e-1'), given: true },
    'PlanTermsInput.perNewCustomer': { valid: money(500).map((m) => (m === '0.00' ? '1.00' : m)), hostile: hostileMoney, given: true },
    'PlanTermsInput.tierMode': { given: true },
    'PlanTermsInput.tiers': { validList: fc.tuple(fc.integer({ min: 1, max: 500_000 }), fc.integer({ min: 1, max: 500_000 })).map(([a, b]) => [{ from: '0', rate: '0.10' }, { from: `${a}.00`, rate: '0.12' }, { from: `${a + b}.50`, rate: '0.15' }]), given: true },
    'TierInput.rate': { valid: fc.constantFrom('0.10', '0.12', '0.15'), hostile: fc.constantFrom('2', '-0.1', '0.00001') },
    'TierInput.from': { valid: fc.constantFrom('0', '2000.00', '5000.00'), hostile: hostileMoney },
    'PlanTermsInput.monthlyCap': { valid: money(9000).map((m) => (m === '0.00' ? '10.00' : m)), hostile: hostileMoney },
    'CreateCommissionPlanInput.effectiveFrom': { valid: fc.oneof(ref('openPeriod'), period.valid!), hostile: hostilePeriod },
    'CreateCommissionPlanVersionInput.effectiveFrom': { valid: ref('openPeriod'), hostile: hostilePeriod },
    'AssignCommissionPlanInput.effectiveFrom': { valid: fc.oneof(ref('openPeriod'), period.valid!), hostile: hostilePeriod },
    'runCommissions:PeriodInput.period': { valid: fc.oneof(ref('openPeriod'), period.valid!), hostile: hostilePeriod },
    'closeCommissionPeriod:PeriodInput.period': { valid: fc.oneof({ weight: 3, arbitrary: ref('closablePeriod') }, { weight: 1, arbitrary: period.valid! }), hostile: hostilePeriod },
    'CreatePaymentBatchInput.period': { valid: fc.oneof({ weight: 3, arbitrary: ref('payablePeriod') }, { weight: 1, arbitrary: period.valid! }), hostile: hostilePeriod },
    'ReconcileCommissionsInput.period': { valid: fc.oneof(ref('openPeriod'), period.valid!), hostile: hostilePeriod },
    'PlanTermsInput.holdingDays': { valid: fc.integer({ min: 0, max: 60 }) },
    'PlanTermsInput.paymentTermsDays': { valid: fc.integer({ min: 0, max: 90 }) },
    'SetPartnerTargetsInput.newCustomersPerMonth': { valid: fc.integer({ min: 0, max: 100 }) },
    'SetMyPayoutAccountInput.holderName': { valid: nachaName.filter((name) => name.trim().length <= 100 && hasNachaText(name)), hostile: fc.constantFrom('', ' ', 'x'.repeat(101), ...UNSTORABLE_TEXT) },
    'SetMyPayoutAccountInput.routingNumber': routing,
    'SetMyPayoutAccountInput.accountNumber': { valid: fc.stringMatching(/^\d{4,17}$/), hostile: hostileAccount },
    'AchSettingsInput.immediateDestination': routing,
    'AchSettingsInput.odfiRouting': routing,
    'AchSettingsInput.immediateOrigin': { valid: fc.constantFrom('1841234567', '184123456', 'ABC1234567'), hostile: fc.constantFrom('18412345', '18412345678', '184-123-45', '１８４１２３４５６７', '184123456\u0000') },
    'AchSettingsInput.companyId': { valid: fc.constantFrom('1841234567', 'A123456789'), hostile: fc.constantFrom('184123456', '18412345678', '184 123456', 'ÀÉÎÕÜ12345') },
    'AchSettingsInput.companyName': { valid: nachaName.filter((name) => name.trim().length <= 16 && hasNachaText(name)), hostile: nachaName },
    'AchSettingsInput.immediateDestinationName': { valid: nachaName.filter((name) => name.trim().length <= 23) },
    'AchSettingsInput.immediateOriginName': { valid: nachaName.filter((name) => name.trim().length <= 23) },
  };

  /** Rules on the field's name, for fields without an exact hint (and new ones). */
  const rules: [RegExp, FieldHint][] = [
    [/^csv$/, { valid: csv.BillingCsvInput!.valid, hostile: csv.BillingCsvInput!.hostile }],
    [/^(period|effectiveFrom)$/, period],
    [/(Amount|Target|Payout|Cap|Customer)$|^(mrr|perNewCustomer|perActiveCustomer|minimumPayout|monthlyCap|revenueTarget)$/, amount],
    [/^(occurredOn|paidDate|signupDate|since|assignedSince|surveyedOn)$/, pastDate],
    [/(Date|On)$/, futureDate],
    [/email$/i, email],
    [/phone$/i, phone],
    [/^(website|logoUrl)$/, url],
    [/routing/i, routing],
    [/accountNumber/, { valid: fc.stringMatching(/^\d{4,17}$/), hostile: hostileAccount }],
    [/^(reason|note|message|body|outcome|comment|notes|description)$/, { valid: fc.oneof(fc.constantFrom('Agreed with the partner on a call.', 'Bank returned R03.'), humanText), hostile: hugeText }],
  ];

  return ({ mutation, typeName, fieldName, namedType }) => {
    if (fieldName === 'csv' && csv[typeName]) return csv[typeName];
    const hint = exact[`${mutation}:${typeName}.${fieldName}`] ?? exact[`${typeName}.${fieldName}`];
    if (hint) return hint;
    if (namedType === 'ID') return undefined; // an id no hint names: random UUIDs and hostile ids
    if (namedType !== 'String') return undefined;
    for (const [pattern, ruleHint] of rules) if (pattern.test(fieldName)) return ruleHint;
    return { valid: humanText };
  };
}
