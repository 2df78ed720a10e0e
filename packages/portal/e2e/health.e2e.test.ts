/**
 * The partner's "My health" page in a real browser, on the demo data the product server seeds
 * (SEED_DEMO: a weekly health recompute over the last twelve weeks for RS-000001): the score, the
 * band and every component shown must equal the `myHealth` answer for the same session, and the
 * trend chart must draw one point per snapshot `partnerHealthHistory` returns for the 90 days it
 * shows. Reached from the header on a desktop and from the avatar menu on a phone.
 * Full-page screenshots go to packages/portal/test-results/ (git-ignored).
 */
import { describe, expect, it } from 'vitest';
import { DEMO_PARTNER_LOGIN, graphqlAs, newPage, rawGraphqlAs, server, shot, signIn, useProductAndBrowser } from './browser.js';

useProductAndBrowser();

type Health = {
  resellerId: string;
  score: number | null;
  band: string | null;
  computedOn: string;
  change7d: number | null;
  change30d: number | null;
  components: { key: string; weight: number; score: number | null }[];
};
type Snapshot = { computedOn: string; score: number | null };

const BAND_LABELS: Record<string, string> = { THRIVING: 'Thriving', HEALTHY: 'Healthy', STABLE: 'Stable', AT_RISK: 'At risk', CRITICAL: 'Critical' };
const change = (value: number | null) => (value === null ? '—' : value > 0 ? `↑ ${value}` : value < 0 ? `↓ ${Math.abs(value)}` : '0');
const addDays = (day: string, days: number) => {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
};

describe('partner health', () => {
  it('shows the api’s score, band, components and trend', async () => {
    const portal = await newPage();
    await signIn(portal, DEMO_PARTNER_LOGIN);

    // 1. From the header navigation.
    await portal.getByRole('link', { name: 'My health', exact: true }).first().click();
    await expect.poll(() => portal.url()).toContain('/portal/health');
    await portal.getByTestId('health-summary').waitFor();

    // 2. The score, band, changes and date are the api's answer for this session.
    const { myHealth: health, myReseller } = await graphqlAs<{ myHealth: Health | null; myReseller: { id: string } }>(
      portal,
      `{ myReseller { id } myHealth { resellerId score band computedOn change7d change30d components { key weight score } } }`,
    );
    expect(health, 'the demo seed scores RS-000001').not.toBeNull();
    const api = health!;
    expect(api.resellerId).toBe(myReseller.id);
    expect(await portal.getByTestId('health-score').textContent()).toBe(api.score === null ? '—' : String(api.score));
    expect(await portal.getByTestId('health-band').getAttribute('data-band')).toBe(api.band ?? '');
    expect(await portal.getByTestId('health-band').textContent()).toBe(api.band ? BAND_LABELS[api.band] : 'No score');
    expect(await portal.getByTestId('health-change-7d').textContent()).toBe(change(api.change7d));
    expect(await portal.getByTestId('health-change-30d').textContent()).toBe(change(api.change30d));
    expect(await portal.getByTestId('health-as-of').textContent()).toBe(
      `As of ${new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${api.computedOn}T00:00:00Z`))}`,
    );

    // 3. Every component, in the api's order: weight, score (shown whole) or "no data".
    expect(api.components).toHaveLength(7);
    const shown = await portal.getByTestId('health-component').evaluateAll((rows) =>
      rows.map((row) => ({
        key: row.getAttribute('data-key'),
        score: row.getAttribute('data-score'),
        weight: row.querySelector('[data-testid="health-component-weight"]')?.textContent,
        text: row.querySelector('[data-testid="health-component-score"]')?.textContent,
        explained: (row.textContent ?? '').includes('What it measures') && (row.textContent ?? '').includes('How to raise it'),
      })),
    );
    expect(shown).toEqual(
      api.components.map((component) => ({
        key: component.key,
        score: component.score === null ? '' : String(component.score),
        weight: `weight ${component.weight} %`,
        text: component.score === null ? 'no data' : String(Math.round(component.score)),
        explained: true,
      })),
    );
    // A component without data says its weight is shared (the demo has at least one scored).
    const missing = api.components.filter((component) => component.score === null).length;
    expect(await portal.getByTestId('health-missing-note').count()).toBe(missing > 0 ? 1 : 0);
    expect(api.components.some((component) => component.score !== null)).toBe(true);

    // 4. The trend: the last 90 days up to today (or the snapshot's day, if the server is ahead),
    // one point per snapshot the api returns for them, with its score.
    const chart = portal.getByTestId('health-trend-chart');
    await chart.waitFor();
    const today = await portal.evaluate(() => {
      const now = new Date();
      return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
    });
    const to = api.computedOn > today ? api.computedOn : today;
    const from = addDays(to, -90);
    expect(await chart.getAttribute('data-to')).toBe(to);
    expect(await chart.getAttribute('data-from')).toBe(from);
    const { partnerHealthHistory: snapshots } = await graphqlAs<{ partnerHealthHistory: Snapshot[] }>(
      portal,
      `query ($resellerId: ID!, $from: String!, $to: String!) { partnerHealthHistory(resellerId: $resellerId, from: $from, to: $to) { computedOn score } }`,
      { resellerId: myReseller.id, from, to },
    );
    expect(snapshots.length, 'the demo seed recomputes weekly for twelve weeks').toBeGreaterThanOrEqual(10);
    await expect.poll(() => portal.getByTestId('health-trend-point').count()).toBe(snapshots.length);
    expect(
      await portal.getByTestId('health-trend-point').evaluateAll((points) => points.map((point) => [point.getAttribute('data-day'), point.getAttribute('data-score')])),
    ).toEqual(snapshots.map((snapshot) => [snapshot.computedOn, snapshot.score === null ? '' : String(snapshot.score)]));
    // The newest snapshot is the score at the top of the page.
    expect(snapshots[snapshots.length - 1]).toEqual({ computedOn: api.computedOn, score: api.score });

    // A partner reads its own history only, and no alerts (staff only).
    const other = await rawGraphqlAs(portal, `{ partnerHealthHistory(resellerId: "00000000-0000-4000-8000-000000000000", from: "${from}", to: "${to}") { id } }`);
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const alerts = await rawGraphqlAs(portal, `{ partnerAlerts(first: 1) { totalCount } }`);
    expect(alerts.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await shot(portal, '50-portal-health');

    // 5. Narrower screens: the header keeps its pages up to the md breakpoint, then they move to the
    // avatar menu; the page stays readable on a tablet and a phone.
    await portal.setViewportSize({ width: 1000, height: 900 });
    await portal.getByTestId('health-trend-point').first().waitFor();
    await shot(portal, '52-portal-health-small-desktop');
    await portal.setViewportSize({ width: 820, height: 1000 });
    await portal.getByTestId('health-trend-point').first().waitFor();
    await shot(portal, '53-portal-health-tablet');
    await portal.setViewportSize({ width: 390, height: 844 });
    await portal.goto(`${server.url}/portal/profile`);
    await portal.getByRole('button', { name: 'Account menu' }).click();
    await portal.getByRole('menuitem', { name: 'My health' }).click();
    await expect.poll(() => portal.url()).toContain('/portal/health');
    await portal.getByTestId('health-trend-point').first().waitFor();
    await expect.poll(() => portal.getByTestId('health-trend-point').count()).toBe(snapshots.length);
    await shot(portal, '51-portal-health-phone');
  });
});
