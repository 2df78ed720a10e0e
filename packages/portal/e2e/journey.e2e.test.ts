/**
 * The foundation journey in a real browser, through both SPAs served by the product server:
 * apply on the portal → the admin approves → the set-password link is read from the outbox →
 * the partner sets a password, signs in and sees its profile. Screenshots of every step go to
 * packages/portal/test-results/ (git-ignored).
 */
import { describe, expect, it } from 'vitest';
import { DEMO_ADMIN_LOGIN, DEMO_FINANCE_LOGIN, DEMO_PARTNER_LOGIN, DEMO_PASSWORD, newPage, server, shot, signIn, useProductAndBrowser } from './browser.js';

useProductAndBrowser();

describe('apply → approve → set password → portal', () => {
  it('walks the whole journey through both SPAs', async () => {
    const stamp = Date.now().toString(36);
    const company = `Browser Broadband ${stamp}`;
    const email = `owner.${stamp}@browser-broadband.example`;

    // 1. A prospective partner applies on the portal.
    const portal = await newPage();
    await portal.goto(`${server.url}/portal/`);
    await expect.poll(() => portal.getByTestId('tenant-name').first().textContent()).toContain('Northwind Fiber');
    await shot(portal, '01-portal-landing');
    await portal.getByRole('link', { name: 'Become a partner' }).first().click();
    await portal.getByLabel('Company name').fill(company);
    await portal.getByLabel('Legal name').fill(`${company} LLC`);
    await portal.getByLabel('Business type').selectOption({ label: 'LLC' });
    await portal.getByLabel('Years in business').fill('6');
    await portal.getByLabel('Website').fill('https://browser-broadband.example');
    await portal.getByLabel('Contact name').fill('Robin Browser');
    await portal.getByLabel('Phone').fill('+1 555 123 4567');
    await portal.getByLabel('Contact email').fill(email);
    const territory = portal.getByLabel('Territory');
    for (const region of ['Springfield', '62701']) {
      await territory.fill(region);
      await territory.press('Enter');
    }
    await portal.getByLabel('Expected customers per month').fill('15');
    await portal.getByLabel('Current customer base').fill('120');
    await portal.getByLabel('Fiber', { exact: true }).check();
    await portal.getByLabel('How did you hear about us?').selectOption({ label: 'Recommendation from someone' });
    await portal.getByLabel('Message').fill('We install home networks in Springfield.');
    await portal.getByLabel('I accept the partner terms').check();
    await shot(portal, '02-portal-application-form');
    await portal.getByTestId('apply-submit').click();

    await expect.poll(() => portal.url()).toContain('/portal/apply/submitted');
    await portal.getByTestId('status-link').waitFor();
    await shot(portal, '03-portal-application-submitted');
    await portal.getByTestId('status-link').click();
    await expect.poll(() => portal.locator('body').textContent()).toContain(company);
    await expect.poll(() => portal.locator('body').textContent()).toMatch(/submitted/i);
    await shot(portal, '04-portal-application-status');

    // 2. The ISP's admin signs in and approves it.
    const admin = await newPage();
    await admin.goto(`${server.url}/admin/`);
    await admin.getByLabel('Email').fill(DEMO_ADMIN_LOGIN);
    await admin.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await shot(admin, '05-admin-login');
    await admin.getByRole('button', { name: /sign in/i }).click();
    await expect.poll(() => admin.url()).toContain('/admin/applications');
    await admin.getByText(company).first().waitFor();
    await shot(admin, '06-admin-applications-queue');
    await admin.getByText(company).first().click();
    await admin.getByTestId('approve-button').click();
    await shot(admin, '07-admin-approve-dialog');
    await admin.getByTestId('confirm-approve').click();
    await expect.poll(() => admin.locator('body').textContent()).toMatch(/RS-\d{6}/);
    await shot(admin, '08-admin-application-approved');

    // 3. The invitation email, as captured in the outbox, holds the set-password link.
    await admin.goto(`${server.url}/admin/outbox`);
    await admin.getByText(`Welcome to the Northwind Fiber partner program`).first().waitFor();
    await shot(admin, '09-admin-outbox');
    await admin.getByRole('row').filter({ hasText: email }).filter({ hasText: 'Welcome' }).first().click();
    await admin.getByRole('tab', { name: /plain text/i }).click();
    const text = (await admin.getByTestId('email-text').textContent()) ?? '';
    await shot(admin, '10-admin-outbox-invitation');
    const link = /(http\S+\/portal\/set-password\?token=[A-Za-z0-9_-]+)/.exec(text)?.[1];
    expect(link, 'the invitation email has a set-password link').toBeDefined();

    // 4. The partner sets a password, signs in and sees the profile.
    await portal.goto(link!);
    await portal.getByLabel('Password', { exact: true }).fill('browser-pass-2026');
    await portal.getByLabel('Confirm password').fill('browser-pass-2026');
    await shot(portal, '11-portal-set-password');
    await portal.getByRole('button', { name: /set password/i }).click();
    await expect.poll(() => portal.locator('body').textContent()).toContain(`Password set for ${email}`);
    await portal.getByRole('link', { name: /sign in/i }).last().click();
    await expect.poll(() => portal.getByLabel('Email').inputValue()).toBe(email);
    await portal.getByLabel('Password', { exact: true }).fill('browser-pass-2026');
    await shot(portal, '12-portal-login');
    await portal.getByRole('button', { name: /sign in/i }).click();
    // A partner lands on the dashboard: a new partner's is empty, not an error.
    await expect.poll(() => portal.url()).toContain('/portal/dashboard');
    await portal.getByTestId('dashboard-ready').waitFor();
    await expect.poll(() => portal.getByTestId('dashboard-customer-count').textContent()).toBe('0');
    await portal.getByTestId('dashboard-no-customers').waitFor();
    await shot(portal, '13-portal-dashboard-new-partner');
    await portal.getByRole('link', { name: 'Profile', exact: true }).first().click();
    await expect.poll(() => portal.url()).toContain('/portal/profile');
    await expect.poll(() => portal.getByTestId('reseller-code').textContent()).toMatch(/^RS-\d{6}$/);
    await expect.poll(() => portal.getByTestId('partner-company').textContent()).toBe(company);
    await shot(portal, '13-portal-profile');
  });
});

describe('commissions: the partner reads and disputes, finance approves', () => {
  it('walks commissions through both SPAs on the demo history', async () => {
    // The partner's commissions, with the chart and a calculation trace.
    const portal = await newPage();
    await signIn(portal, DEMO_PARTNER_LOGIN);
    await portal.goto(`${server.url}/portal/commissions`);
    await portal.getByTestId('commission-chart').waitFor();
    await expect.poll(() => portal.getByTestId('commission-total').first().textContent()).toMatch(/\$\d/);
    await shot(portal, '20-portal-commissions');

    const before = await portal.locator('[data-testid="commission-line"][data-status="DISPUTED"]').count();
    await portal.getByTestId('dispute-button').first().click();
    await portal.getByTestId('dispute-message').fill('The invoice for this customer was higher than the base shown.');
    await shot(portal, '21-portal-dispute-dialog');
    await portal.getByTestId('confirm-dispute').click();
    await expect.poll(() => portal.locator('[data-testid="commission-line"][data-status="DISPUTED"]').count()).toBe(before + 1);
    await portal.getByRole('dialog').waitFor({ state: 'hidden' });
    await shot(portal, '22-portal-line-disputed');

    // Finance sees the dispute and approves last month's run.
    const admin = await newPage();
    await signIn(admin, DEMO_FINANCE_LOGIN, { app: 'admin' });
    await admin.goto(`${server.url}/admin/commissions/disputes`);
    await admin.getByTestId('dispute-row').first().waitFor();
    await shot(admin, '23-admin-disputes');

    await admin.goto(`${server.url}/admin/commissions`);
    await admin.getByTestId('approve-run').first().waitFor();
    await shot(admin, '24-admin-commission-runs');
    await admin.getByTestId('approve-run').first().click();
    await admin.getByTestId('confirm-approve-run').click();
    await expect.poll(() => admin.locator('[data-testid="commission-run-row"][data-status="APPROVED"]').count()).toBeGreaterThan(0);
    await expect.poll(() => admin.getByTestId('approve-run').count()).toBe(0);
    await admin.getByRole('dialog').waitFor({ state: 'hidden' });
    await shot(admin, '25-admin-run-approved');

    await admin.goto(`${server.url}/admin/commissions/report`);
    await admin.getByTestId('download-csv').waitFor();
    await shot(admin, '26-admin-commission-report');
  });
});
