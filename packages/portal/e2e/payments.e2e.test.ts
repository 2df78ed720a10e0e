/**
 * The partner's Payments page in a real browser, on the demo payouts the product server seeds
 * (SEED_DEMO: RS-000001 has verified bank details and a settled payment with its statement):
 * the staff user sees the payout details read-only, the payments equal the `myPayments` answer,
 * a statement's lines add up to its payment; the owner changes the bank details, after which the
 * card shows the new last four digits, "waiting for verification", and the full account number
 * is nowhere in the page. Full-page screenshots go to packages/portal/test-results/ (git-ignored).
 */
import { describe, expect, it } from 'vitest';
import { DEMO_OWNER_LOGIN, DEMO_PARTNER_LOGIN, graphqlAs, newPage, rawGraphqlAs, server, shot, signIn, useProductAndBrowser } from './browser.js';

useProductAndBrowser();

/** What the page must show for the api's amount (the same format as the page). */
const money = (value: { amount: string; currency: string }) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: value.currency }).format(Number(value.amount));

/** '1,204.50' / '-12.5' → cents, exactly (no float). */
function cents(amount: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(amount.replaceAll(',', ''));
  if (!match) throw new Error(`not an amount: ${amount}`);
  const value = BigInt(match[2]!) * 100n + BigInt((match[3] ?? '').padEnd(2, '0'));
  return match[1] ? -value : value;
}

const STATUS_TEXT: Record<string, string> = { PENDING: 'Scheduled', EXPORTED: 'On its way', SETTLED: 'Paid', FAILED: 'Failed' };

type ApiPayment = { id: string; status: string; period: string; traceNumber: string | null; accountLast4: string; amount: { amount: string; currency: string } };

describe('payments: payout details, payment history, statements', () => {
  it('shows the staff user the payments and statements read-only, and lets the owner change the bank details', async () => {
    // 1. The staff user (RESELLER_STAFF of RS-000001) opens Payments from the header navigation.
    const staff = await newPage();
    await signIn(staff, DEMO_PARTNER_LOGIN);
    await staff.getByRole('link', { name: 'Payments', exact: true }).first().click();
    await expect.poll(() => staff.url()).toMatch(/\/portal\/payments$/);
    await staff.getByTestId('payments-table').waitFor();
    await staff.getByTestId('payout-last4').waitFor();

    // The rows are the api's answer for the same session, in its order, with its amounts and statuses.
    const { myPayments } = await graphqlAs<{ myPayments: { totalCount: number; nodes: ApiPayment[] } }>(
      staff,
      `{ myPayments(first: 20) { totalCount nodes { id status period traceNumber accountLast4 amount { amount currency } } } }`,
    );
    expect(myPayments.totalCount).toBeGreaterThan(0);
    expect(myPayments.nodes.some((payment) => payment.status === 'SETTLED')).toBe(true);
    const rows = await staff.getByTestId('payment-row').evaluateAll((elements) =>
      elements.map((row) => ({
        id: row.getAttribute('data-payment-id'),
        status: row.getAttribute('data-status'),
        amount: row.getAttribute('data-amount'),
        amountText: row.querySelector('[data-testid="payment-amount"]')?.textContent ?? '',
        text: row.textContent ?? '',
      })),
    );
    expect(rows.map(({ id, status, amount }) => ({ id, status, amount }))).toEqual(
      myPayments.nodes.map((payment) => ({ id: payment.id, status: payment.status, amount: payment.amount.amount })),
    );
    for (const [index, payment] of myPayments.nodes.entries()) {
      const row = rows[index]!;
      expect(row.amountText).toBe(money(payment.amount));
      expect(row.text).toContain(STATUS_TEXT[payment.status]);
      expect(row.text).toContain(`•••• ${payment.accountLast4}`);
      if (payment.traceNumber) expect(row.text).toContain(payment.traceNumber);
    }
    await expect.poll(() => staff.getByTestId('pagination-summary').textContent()).toBe(
      `Showing 1–${myPayments.nodes.length} of ${myPayments.totalCount}`,
    );

    // The payout details: masked and verified, the api's; no edit button for staff (the api would
    // answer FORBIDDEN, checked too).
    const { myPayoutAccount: staffView } = await graphqlAs<{ myPayoutAccount: { accountLast4: string; holderName: string; routingNumber: string; verifiedAt: string | null } }>(
      staff,
      `{ myPayoutAccount { accountLast4 holderName routingNumber verifiedAt } }`,
    );
    expect(await staff.getByTestId('payout-last4').textContent()).toBe(`•••• ${staffView.accountLast4}`);
    expect(await staff.getByTestId('payout-holder').textContent()).toBe(staffView.holderName);
    expect(await staff.getByTestId('payout-card').textContent()).toContain(staffView.routingNumber);
    expect(staffView.verifiedAt).not.toBeNull();
    expect(await staff.getByTestId('payout-verification').getAttribute('data-verified')).toBe('true');
    expect(await staff.getByTestId('edit-payout-account').count()).toBe(0);
    await staff.getByText('Only the account owner can add or change the bank details.').waitFor();
    const denied = await rawGraphqlAs(
      staff,
      `mutation ($input: SetMyPayoutAccountInput!) { setMyPayoutAccount(input: $input) { payoutAccount { id } } }`,
      { input: { holderName: 'Staff', routingNumber: '011000015', accountNumber: '123456789', accountType: 'CHECKING' } },
    );
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await shot(staff, '40-portal-payments');

    // 2. A settled payment's statement: its lines add up to the payment's amount.
    const settled = myPayments.nodes.find((payment) => payment.status === 'SETTLED')!;
    await staff.locator(`[data-testid="payment-row"][data-payment-id="${settled.id}"]`).click();
    await expect.poll(() => staff.url()).toContain(`/portal/payments/${settled.id}`);
    await staff.getByTestId('statement-lines').waitFor();
    const { payment: apiPayment } = await graphqlAs<{ payment: { amount: { amount: string; currency: string }; lines: { id: string; amount: { amount: string } }[] } }>(
      staff,
      `query ($id: ID!) { payment(id: $id) { amount { amount currency } lines { id amount { amount } } } }`,
      { id: settled.id },
    );
    const shownAmounts = await staff.getByTestId('statement-line').evaluateAll((lines) => lines.map((line) => line.getAttribute('data-amount') ?? ''));
    expect(shownAmounts.length).toBe(apiPayment.lines.length);
    expect(shownAmounts.length).toBeGreaterThan(0);
    const sum = shownAmounts.reduce((total, amount) => total + cents(amount), 0n);
    expect(sum).toBe(cents(settled.amount.amount));
    expect(apiPayment.amount).toEqual(settled.amount);
    expect(await staff.getByTestId('statement-total').getAttribute('data-amount')).toBe(settled.amount.amount);
    expect(await staff.getByTestId('statement-total').textContent()).toBe(money(settled.amount));
    expect(await staff.getByTestId('statement-amount').textContent()).toBe(money(settled.amount));
    // Every line's amount as shown is the api's.
    const lineTexts = await staff.getByTestId('statement-line-amount').allTextContents();
    expect(lineTexts.reduce((total, text) => total + cents(text.replace(/[^0-9.,-]/g, '')), 0n)).toBe(sum);
    expect(await staff.getByTestId('statement-mismatch').count()).toBe(0);
    expect(await staff.getByTestId('payment-statement').textContent()).toContain('Paid');
    if (settled.traceNumber) expect(await staff.getByTestId('statement-trace').textContent()).toBe(settled.traceNumber);
    await staff.getByTestId('print-statement').waitFor();
    await shot(staff, '41-portal-statement');
    // On paper: no header, links or buttons.
    await staff.emulateMedia({ media: 'print' });
    expect(await staff.getByTestId('print-statement').isVisible()).toBe(false);
    expect(await staff.locator('.mantine-AppShell-header').isVisible()).toBe(false);
    await shot(staff, '43-portal-statement-print');
    await staff.emulateMedia({ media: 'screen' });

    // A payment that does not exist: the not-found state.
    await staff.goto(`${server.url}/portal/payments/00000000-0000-4000-8000-000000000000`);
    await staff.getByText('Payment not found').waitFor();

    // A phone: the list as blocks, the navigation behind the avatar menu.
    await staff.setViewportSize({ width: 390, height: 844 });
    await staff.goto(`${server.url}/portal/payments`);
    await staff.getByTestId('payment-row').first().waitFor();
    await shot(staff, '45-portal-payments-phone');
    await staff.getByRole('button', { name: 'Account menu' }).click();
    await staff.getByRole('menuitem', { name: 'Payments' }).waitFor();
    await staff.keyboard.press('Escape');
    await staff.context().close();

    // 3. The owner changes the bank details.
    const owner = await newPage();
    await signIn(owner, DEMO_OWNER_LOGIN);
    await owner.goto(`${server.url}/portal/payments`);
    await owner.getByTestId('payout-last4').waitFor();
    const before = (await owner.getByTestId('payout-last4').textContent()) ?? '';
    const last4 = String(1000 + (Date.now() % 9000));
    const accountNumber = `70${String(Date.now()).slice(-6)}${last4}`;
    expect(before).not.toBe(`•••• ${last4}`);

    await owner.getByTestId('edit-payout-account').click();
    const form = owner.getByTestId('payout-form');
    await form.waitFor();
    await form.getByLabel('Account holder').fill('Riverside Connect LLC');
    // Client-side checks first: a routing number with a wrong check digit, numbers that differ.
    await form.getByLabel('Routing number').fill('011000016');
    await form.getByLabel('Account number', { exact: true }).fill(accountNumber);
    await form.getByLabel('Confirm account number').fill(`${accountNumber}9`);
    await owner.getByTestId('save-payout-account').click();
    await form.getByText('Not a valid routing number: check the digits').waitFor();
    await form.getByText('The account numbers do not match').waitFor();
    await form.getByLabel('Savings').check();
    await form.getByLabel('Routing number').fill('011000015');
    await form.getByLabel('Confirm account number').fill(accountNumber);
    await expect.poll(() => form.getByText('The account numbers do not match').count()).toBe(0);
    await shot(owner, '42-portal-payout-form');
    await owner.getByTestId('save-payout-account').click();
    await owner.getByRole('dialog').waitFor({ state: 'hidden' });

    // The card: the new last four digits, waiting for verification, the email note.
    await expect.poll(() => owner.getByTestId('payout-last4').textContent()).toBe(`•••• ${last4}`);
    expect(await owner.getByTestId('payout-verification').getAttribute('data-verified')).toBe('false');
    expect(await owner.getByTestId('payout-verification').textContent()).toContain('Waiting for verification');
    expect(await owner.getByTestId('payout-email-note').textContent()).toContain('confirmation email was sent');
    expect(await owner.getByTestId('payout-card').textContent()).toContain('Savings');
    const { myPayoutAccount: ownerView } = await graphqlAs<{ myPayoutAccount: { accountLast4: string; accountType: string; verifiedAt: string | null } }>(
      owner,
      `{ myPayoutAccount { accountLast4 accountType verifiedAt } }`,
    );
    expect(ownerView).toEqual({ accountLast4: last4, accountType: 'SAVINGS', verifiedAt: null });
    // The full number is nowhere: not in the page's HTML, not in the browser's storage.
    expect(await owner.content()).not.toContain(accountNumber);
    expect(await owner.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }))).not.toContain(accountNumber);
    // Opening the form again starts with empty number fields.
    await owner.getByTestId('edit-payout-account').click();
    await expect.poll(() => owner.getByTestId('payout-form').getByLabel('Account number', { exact: true }).inputValue()).toBe('');
    await owner.getByRole('button', { name: 'Cancel' }).click();
    await owner.getByRole('dialog').waitFor({ state: 'hidden' });
    expect(await owner.content()).not.toContain(accountNumber);
    await shot(owner, '44-portal-payout-changed');
    await owner.context().close();
  });
});
