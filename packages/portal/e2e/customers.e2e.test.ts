/**
 * The partner's customer pages in a real browser, on the demo portfolio the product server seeds
 * (SEED_DEMO: partner RS-000001 has customers in every lifecycle stage with a year of history):
 * My customers (stage filter, server-side search) → a customer's detail → log an interaction →
 * move it to an allowed stage → Analytics, whose KPI figures must equal the `myAnalytics` answer.
 * Full-page screenshots go to packages/portal/test-results/ (git-ignored).
 */
import { describe, expect, it } from 'vitest';
import { DEMO_PARTNER_LOGIN, graphqlAs, newPage, server, shot, signIn, useProductAndBrowser } from './browser.js';

useProductAndBrowser();

/** What the analytics page must show for the api's figures (same formats as the page). */
const money = (value: { amount: string; currency: string }) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: value.currency }).format(Number(value.amount));
const percent = (value: number | null) => (value === null ? '—' : `${new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }).format(value)} %`);
const growth = (value: number | null) => (value === null ? '—' : value > 0 ? `+${percent(value)}` : value < 0 ? `−${percent(Math.abs(value))}` : percent(value));

function isoDay(offsetDays: number): string {
  const date = new Date();
  date.setDate(date.getDate() + offsetDays);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

describe('customers: list, detail, lifecycle, analytics', () => {
  it('filters, searches, logs an interaction, moves a stage and checks the analytics figures', async () => {
    const portal = await newPage();
    await signIn(portal, DEMO_PARTNER_LOGIN);

    // 1. My customers, from the header navigation: the demo partner's whole portfolio.
    await portal.getByRole('link', { name: 'Customers', exact: true }).first().click();
    await expect.poll(() => portal.url()).toContain('/portal/customers');
    await portal.getByTestId('customers-table').waitFor();
    await portal.getByTestId('work-due').getByText('Due this week').waitFor();
    const total = Number(/(\d+) customers/.exec((await portal.getByTestId('customer-count').textContent()) ?? '')?.[1]);
    expect(total).toBeGreaterThan(20);
    await expect.poll(() => portal.getByTestId('customer-row').count()).toBe(20); // the first page
    await expect.poll(() => portal.getByTestId('pagination-summary').textContent()).toBe(`Showing 1–20 of ${total}`);
    // The work due: overdue items flagged, the list collapsed to five until "Show all".
    const workItems = await portal.getByTestId('work-due-item').count();
    expect(workItems).toBeGreaterThan(0);
    if (workItems === 5 && (await portal.getByTestId('work-due-toggle').count()) > 0) {
      await portal.getByTestId('work-due-toggle').click();
      await expect.poll(() => portal.getByTestId('work-due-item').count()).toBeGreaterThan(5);
      await portal.getByTestId('work-due-toggle').click();
    }
    await portal.evaluate(() => window.scrollTo(0, 0));
    await shot(portal, '30-portal-customers');

    // The next page and back (cursor pagination kept in the URL).
    await portal.getByTestId('next-page').click();
    await expect.poll(() => portal.getByTestId('pagination-summary').textContent()).toMatch(/^Showing 21–/);
    await portal.getByRole('button', { name: /previous/i }).click();
    await expect.poll(() => portal.getByTestId('pagination-summary').textContent()).toBe(`Showing 1–20 of ${total}`);

    // 2. Filter by a stage: every row is Active, and fewer than all.
    await portal.getByRole('textbox', { name: 'Stage' }).click();
    await portal.getByRole('option', { name: 'Active', exact: true }).click();
    await portal.keyboard.press('Escape');
    await expect.poll(() => portal.url()).toContain('stage=ACTIVE');
    await expect.poll(async () => {
      const stages = await portal.getByTestId('customer-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-stage')));
      return stages.length > 0 && stages.every((stage) => stage === 'ACTIVE');
    }).toBe(true);
    const activeCount = Number(/(\d+) customers?/.exec((await portal.getByTestId('customer-count').textContent()) ?? '')?.[1]);
    expect(activeCount).toBeLessThan(total);

    // 3. Search (debounced, answered by the server) within the stage.
    await portal.getByTestId('customer-search').fill('acorn');
    await expect.poll(() => portal.url()).toContain('q=acorn');
    await expect.poll(() => portal.getByTestId('customer-row').count()).toBe(1);
    await expect.poll(() => portal.getByTestId('customer-row').first().textContent()).toContain('Acorn Architects');
    await shot(portal, '31-portal-customers-filtered');

    // 4. The customer's page.
    await portal.getByTestId('customer-row').first().click();
    await expect.poll(() => portal.url()).toMatch(/\/portal\/customers\/[0-9a-f-]{36}$/);
    await expect.poll(() => portal.getByTestId('customer-name').textContent()).toBe('Acorn Architects');
    await portal.getByTestId('health-card').waitFor();
    await expect.poll(() => portal.getByTestId('health-component').count()).toBe(5);
    await expect.poll(() => portal.getByTestId('lifecycle-transition').count()).toBeGreaterThan(5);
    const interactionsBefore = await portal.getByTestId('interaction').count();

    // 5. Log an interaction with a follow-up.
    const notes = `Quarterly review ${Date.now().toString(36)}: happy with the 1G line, asked about a second site.`;
    const followUp = isoDay(3);
    await portal.getByTestId('log-interaction').click();
    const form = portal.getByTestId('log-interaction-form');
    await form.getByLabel('Type').selectOption({ label: 'Meeting' });
    await form.getByLabel('Outcome').selectOption({ label: 'Positive' });
    await form.getByLabel('Duration (minutes)').fill('45');
    await form.getByLabel('Satisfaction (1–10)').fill('9');
    await form.getByLabel('Follow-up date').fill(followUp);
    await form.getByLabel('Notes').fill(notes);
    await shot(portal, '32-portal-log-interaction');
    await portal.getByTestId('confirm-log-interaction').click();
    await portal.getByRole('dialog').waitFor({ state: 'hidden' });
    await expect.poll(() => portal.getByTestId('interaction').count()).toBe(interactionsBefore + 1);
    await expect.poll(() => portal.getByTestId('interaction').first().textContent()).toContain(notes);
    await expect.poll(() => portal.getByTestId('follow-ups-card').textContent()).toContain(
      new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${followUp}T00:00:00Z`)),
    );

    // 6. Move it to an allowed stage, with a reason.
    const transitionsBefore = await portal.getByTestId('lifecycle-transition').count();
    await expect.poll(() => portal.getByTestId('move-to-EXPANSION').count()).toBe(1);
    await portal.getByTestId('move-to-EXPANSION').click();
    await portal.getByTestId('move-reason').fill('Ordering a second site on the same contract.');
    await portal.getByTestId('confirm-move').click();
    await portal.getByRole('dialog').waitFor({ state: 'hidden' });
    await expect.poll(() => portal.getByTestId('customer-header').locator('[data-stage]').first().getAttribute('data-stage')).toBe('EXPANSION');
    await expect.poll(() => portal.getByTestId('lifecycle-transition').count()).toBe(transitionsBefore + 1);
    await expect.poll(() => portal.getByTestId('lifecycle-transition').first().textContent()).toContain('Ordering a second site');
    // From Expansion the table allows Active and At risk, not Expansion again.
    await expect.poll(() => portal.getByTestId('move-to-EXPANSION').count()).toBe(0);
    await expect.poll(() => portal.getByTestId('move-to-ACTIVE').count()).toBe(1);
    // The confirmations fade out before the screenshot (they cover the header).
    await expect.poll(() => portal.locator('.mantine-Notification-root').count(), { timeout: 15_000 }).toBe(0);
    await shot(portal, '33-portal-customer-detail');

    // Back to the list with its filters: it shows the move (its cache was dropped), so Acorn is no
    // longer among the Active customers and the search in Active finds nothing.
    await portal.getByRole('link', { name: /my customers/i }).first().click();
    await expect.poll(() => portal.url()).toMatch(/\/portal\/customers\?.*stage=ACTIVE/);
    await portal.getByText('No customers match').waitFor();
    await expect.poll(() => portal.getByTestId('customer-row').count()).toBe(0);

    // A customer that does not exist: the not-found state.
    await portal.goto(`${server.url}/portal/customers/00000000-0000-4000-8000-000000000000`);
    await portal.getByText('Customer not found').waitFor();

    // 7. Analytics: the KPIs shown are the api's figures.
    await portal.getByRole('link', { name: 'Analytics', exact: true }).first().click();
    await expect.poll(() => portal.url()).toContain('/portal/analytics');
    await portal.getByTestId('kpis').waitFor();
    await portal.getByTestId('mrr-trend-bar').first().waitFor();
    const { myAnalytics: api } = await graphqlAs<{
      myAnalytics: {
        customerCount: number;
        recurringCustomers: number;
        atRiskCount: number;
        mrr: { amount: string; currency: string };
        arpu: { amount: string; currency: string } | null;
        mrrGrowthPercent: number | null;
        churn: { ratePercent: number | null; churned: number; customersAtStart: number };
        mrrTrend: { period: string; billed: { amount: string } }[];
        funnel: { stage: string; reached: number }[];
        stageCounts: { stage: string; customers: number }[];
        cohorts: { cohort: string }[];
      };
    }>(
      portal,
      `{ myAnalytics { customerCount recurringCustomers atRiskCount mrr { amount currency } arpu { amount currency } mrrGrowthPercent
         churn { ratePercent churned customersAtStart } mrrTrend { period billed { amount } } funnel { stage reached } stageCounts { stage customers } cohorts { cohort } } }`,
    );
    const kpi = (id: string) => portal.getByTestId(id).textContent();
    expect(await kpi('kpi-customers')).toBe(String(api.customerCount));
    expect(await kpi('kpi-recurring')).toBe(String(api.recurringCustomers));
    const PIPELINE = ['PROSPECT', 'LEAD', 'QUALIFIED', 'PROPOSAL', 'NEGOTIATION'];
    expect(await kpi('kpi-pipeline')).toBe(String(api.stageCounts.filter((count) => PIPELINE.includes(count.stage)).reduce((sum, count) => sum + count.customers, 0)));
    expect(await kpi('kpi-at-risk')).toBe(String(api.atRiskCount));
    expect(await kpi('kpi-mrr')).toBe(money(api.mrr));
    expect(await kpi('kpi-arpu')).toBe(api.arpu ? money(api.arpu) : '—');
    expect(await kpi('kpi-growth')).toBe(growth(api.mrrGrowthPercent));
    expect(await kpi('kpi-churn')).toBe(percent(api.churn.ratePercent));
    expect(await kpi('kpi-churn-detail')).toBe(`${api.churn.churned} of ${api.churn.customersAtStart} churned`);
    expect(api.customerCount).toBe(total);
    // The charts draw the api's series: 12 months of revenue, the 12 stages, the cohorts.
    expect(await portal.getByTestId('mrr-trend-bar').evaluateAll((bars) => bars.map((bar) => bar.getAttribute('data-amount')))).toEqual(
      api.mrrTrend.map((point) => point.billed.amount),
    );
    expect(api.mrrTrend).toHaveLength(12);
    expect(
      await portal.getByTestId('funnel-stage').evaluateAll((rows) => rows.map((row) => [row.getAttribute('data-stage'), Number(row.getAttribute('data-reached'))])),
    ).toEqual(api.funnel.map((entry) => [entry.stage, entry.reached]));
    expect(await portal.getByTestId('cohort-row').count()).toBe(api.cohorts.length);
    await shot(portal, '34-portal-analytics');

    // Narrower screens: a tablet's analytics and a phone's customer list stay readable.
    await portal.setViewportSize({ width: 820, height: 1000 });
    await portal.getByTestId('mrr-trend-bar').first().waitFor();
    await shot(portal, '35-portal-analytics-tablet');
    await portal.setViewportSize({ width: 390, height: 844 });
    await portal.goto(`${server.url}/portal/customers`);
    await portal.getByTestId('customers-table').waitFor();
    await shot(portal, '36-portal-customers-phone');
  });
});
