/**
 * The partner dashboard in a real browser, on the demo data the product server seeds (partner
 * RS-000001 with a year of customers, invoices and commission runs): sign in → land on the
 * dashboard → every figure on screen equals the same GraphQL query's answer (formatted by the
 * shared money helpers, so exactly) → a customer row opens the customer. The ready marker
 * (`data-testid="dashboard-ready"`) must not appear before the data. Screenshots, desktop and
 * phone, go to packages/portal/test-results/ and to DASHBOARD_SHOTS_DIR (default /tmp/dashboard-shots/).
 */
import { mkdirSync } from 'node:fs';
import { formatMoneyDisplay, parseMoney } from '@reseller-hub/shared-schema/money';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PARTNER_LOGIN, graphqlAs, newPage, server, shot, signIn, useProductAndBrowser } from './browser.js';

useProductAndBrowser();

const EXTRA_SHOTS = (process.env.DASHBOARD_SHOTS_DIR ?? '/tmp/dashboard-shots').replace(/\/?$/, '/');

/** The portal's dashboard query, word for word (src/features/dashboard/queries.ts). */
const DASHBOARD = `query PartnerDashboard {
  myReseller { id code companyName tier status }
  myCustomers(first: 50, orderBy: MRR_DESC) {
    totalCount
    nodes {
      id externalId name stage healthScore
      mrr { amount currency }
      latestCommissionLine { id period kind status amount { amount currency } base { amount currency } }
    }
  }
  myCommissionHistory(periods: 12) { period lineCount total { amount currency } }
  myHealth { score band computedOn change30d components { key score weight } }
}`;

type Money = { amount: string; currency: string };
type Dashboard = {
  myReseller: { id: string; code: string; companyName: string; tier: string; status: string };
  myCustomers: { totalCount: number; nodes: { id: string; name: string; mrr: Money; latestCommissionLine: { period: string; amount: Money } | null }[] };
  myCommissionHistory: { period: string; lineCount: number; total: Money }[];
  myHealth: { score: number | null; band: string | null; change30d: number | null } | null;
};

/** What the page shows for an amount: the shared helpers, exact to the cent. */
const money = (value: Money) => formatMoneyDisplay(parseMoney(value.amount), value.currency);

async function screenshotBoth(page: Page, name: string) {
  await shot(page, name);
  mkdirSync(EXTRA_SHOTS, { recursive: true });
  await page.screenshot({ path: `${EXTRA_SHOTS}${name}.png`, fullPage: true });
}

/** The page's figures against the api's answer. */
async function expectFiguresMatch(page: Page, api: Dashboard, rowsToCheck: number) {
  await expect.poll(() => page.getByTestId('dashboard-company-name').textContent()).toBe(api.myReseller.companyName);
  expect(await page.getByTestId('dashboard-code').textContent()).toBe(api.myReseller.code);
  expect(await page.getByTestId('dashboard-tier').getAttribute('data-tier')).toBe(api.myReseller.tier);
  expect(await page.getByTestId('dashboard-customer-count').textContent()).toBe(api.myCustomers.totalCount.toLocaleString('en-US'));

  // The customers, in the api's order (MRR, highest first): MRR and the latest line's month and amount.
  const rows = page.getByTestId('dashboard-customer-row');
  expect(await rows.count()).toBe(api.myCustomers.nodes.length);
  for (const [index, customer] of api.myCustomers.nodes.slice(0, rowsToCheck).entries()) {
    const row = rows.nth(index);
    expect(await row.getAttribute('data-customer-id')).toBe(customer.id);
    expect(await row.getByTestId('dashboard-customer-name').textContent()).toBe(customer.name);
    expect(await row.getByTestId('dashboard-customer-mrr').textContent()).toBe(money(customer.mrr));
    const line = customer.latestCommissionLine;
    if (line) {
      expect(await row.getByTestId('dashboard-line-amount').textContent()).toBe(money(line.amount));
      expect(await row.getByTestId('dashboard-line-period').getAttribute('data-period')).toBe(line.period);
    } else {
      expect(await row.getByTestId('dashboard-line-none').count()).toBe(1);
    }
  }

  // The monthly totals, oldest first (the api answers newest first).
  const history = [...api.myCommissionHistory].reverse();
  const historyRows = page.getByTestId('dashboard-history-row');
  expect(await historyRows.count()).toBe(history.length);
  expect(await historyRows.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-period')))).toEqual(history.map((entry) => entry.period));
  expect(await page.getByTestId('dashboard-history-total').allTextContents()).toEqual(history.map((entry) => money(entry.total)));
  expect(await page.getByTestId('commission-chart-bar').count()).toBe(history.length);

  if (api.myHealth) {
    expect(await page.getByTestId('dashboard-health-score').textContent()).toBe(api.myHealth.score === null ? '—' : String(api.myHealth.score));
    expect(await page.getByTestId('dashboard-health-band').getAttribute('data-band')).toBe(api.myHealth.band ?? '');
  }
}

describe('partner dashboard', () => {
  it('lands a partner on the dashboard, shows exactly the api figures and opens a customer', async () => {
    const portal = await newPage();
    // Hold the dashboard's answer back until the test has seen the page without its ready marker.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await portal.route('**/graphql', async (route) => {
      if (route.request().postData()?.includes('PartnerDashboard')) await held;
      await route.continue();
    });
    await signIn(portal, DEMO_PARTNER_LOGIN);
    await portal.getByTestId('dashboard-loading').waitFor();
    expect(await portal.getByTestId('dashboard-ready').count()).toBe(0);
    release();
    await portal.getByTestId('dashboard-ready').waitFor();
    await portal.unroute('**/graphql');

    const api = await graphqlAs<Dashboard>(portal, DASHBOARD);
    expect(api.myCustomers.totalCount).toBeGreaterThan(20);
    expect(api.myCommissionHistory.length).toBeGreaterThan(0);
    expect(api.myCustomers.nodes.some((customer) => customer.latestCommissionLine !== null)).toBe(true);
    await expectFiguresMatch(portal, api, 10);
    // The navigation starts with the dashboard, marked as the page we are on.
    await expect.poll(() => portal.getByRole('link', { name: 'Dashboard', exact: true }).first().isVisible()).toBe(true);
    await portal.evaluate(() => window.scrollTo(0, 0));
    await screenshotBoth(portal, '60-portal-dashboard-desktop');

    // A customer row opens the customer.
    const first = api.myCustomers.nodes[0]!;
    await portal.getByTestId('dashboard-customer-row').first().locator('td').nth(2).click();
    await expect.poll(() => portal.url()).toContain(`/portal/customers/${first.id}`);
    await expect.poll(() => portal.getByTestId('customer-name').textContent()).toBe(first.name);

    // Back on the dashboard from the navigation: ready again (from the cache), same figures.
    await portal.getByRole('link', { name: 'Dashboard', exact: true }).first().click();
    await portal.getByTestId('dashboard-ready').waitFor();
    await expectFiguresMatch(portal, api, 3);
  });

  it('fits a phone: customer blocks instead of the table, nothing wider than the screen', async () => {
    const phone = await newPage({ width: 390, height: 844 });
    await signIn(phone, DEMO_PARTNER_LOGIN);
    await phone.getByTestId('dashboard-ready').waitFor();
    const api = await graphqlAs<Dashboard>(phone, DASHBOARD);
    await expectFiguresMatch(phone, api, 5);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshotBoth(phone, '61-portal-dashboard-phone');

    const second = api.myCustomers.nodes[1]!;
    await phone.getByTestId('dashboard-customer-row').nth(1).click();
    await expect.poll(() => phone.url()).toContain(`/portal/customers/${second.id}`);
    await expect.poll(() => phone.getByTestId('customer-name').textContent()).toBe(second.name);
  });

  it('sends a partner who is already signed in from the login page to the dashboard', async () => {
    const portal = await newPage();
    await signIn(portal, DEMO_PARTNER_LOGIN);
    await portal.getByTestId('dashboard-ready').waitFor();
    await portal.goto(`${server.url}/portal/login`);
    await portal.getByRole('link', { name: 'Continue to the portal' }).click();
    await expect.poll(() => portal.url()).toContain('/portal/dashboard');
    await portal.getByTestId('dashboard-ready').waitFor();
  });
});
