/**
 * The admin console's Automation page and outbox in a real browser, on the demo data the product
 * server seeds. The scheduler runs in the same process (its workers poll every few seconds) and,
 * without SMTP in development, email delivery CAPTURES the emails instead of sending them.
 *
 * The six workflows are listed with the next run `automationJobs` returns; "Run now" on System
 * health ends in a SUCCEEDED run; an invalid cron shows the api's field error and a valid one is
 * saved; the outbox filters by status, and a captured message is resent as a copy.
 * Full-page screenshots go to packages/portal/test-results/ (git-ignored).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { adminGraphqlAs, DEMO_ADMIN_LOGIN, newPage, rawAdminGraphqlAs, server, shot, signIn, useProductAndBrowser } from './browser.js';

useProductAndBrowser();

const WORKFLOWS = ['daily-cycle', 'monthly-commission-run', 'payment-batch-preparation', 'emergency-response', 'email-delivery', 'system-health'];

type ApiJob = {
  workflow: string;
  scheduled: boolean;
  nextPendingAt: string | null;
  schedule: { cron: string | null; everySeconds: number | null; timezone: string; enabled: boolean; nextRunAt: string | null } | null;
  lastRun: { id: string; status: string; trigger: string } | null;
};

const JOBS_QUERY = `{ automationJobs { workflow scheduled nextPendingAt schedule { cron everySeconds timezone enabled nextRunAt } lastRun { id status trigger } } }`;

/** What the page shows as a job's next run: its schedule's, or for an event workflow its next queued run. */
function expectedNextRun(job: ApiJob): string {
  if (job.scheduled) return job.schedule?.enabled ? (job.schedule.nextRunAt ?? '') : '';
  return job.nextPendingAt ?? '';
}

const dateTime = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });

/** Clicks the page's Refresh and waits for the job list to come back. */
async function refreshJobs(page: Page): Promise<void> {
  const answered = page.waitForResponse((response) => response.url().endsWith('/graphql') && (response.request().postData() ?? '').includes('AdminAutomationJobs'));
  await page.getByTestId('automation-refresh').click();
  await answered;
}

/** A full-page screenshot from the top (the fixed header and navbar stay where a scrolled page left them). */
async function shotFromTop(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, name);
}

function card(page: Page, workflow: string) {
  return page.locator(`[data-testid="job-card"][data-workflow="${workflow}"]`);
}

describe('automation and outbox (admin console)', () => {
  it('lists the jobs, runs one now, edits a schedule and resends a captured email', async () => {
    const started = Date.now();
    const page = await newPage({ width: 1400, height: 900 });
    await signIn(page, DEMO_ADMIN_LOGIN, { app: 'admin' });

    // 1. From the navigation (System section, ADMIN only).
    await page.getByTestId('nav-automation').click();
    await expect.poll(() => page.url()).toContain('/admin/automation');
    await page.getByTestId('system-health').waitFor();
    await expect.poll(() => page.getByTestId('job-card').count()).toBe(6);
    expect(await page.getByTestId('job-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-workflow')))).toEqual(WORKFLOWS);

    // 2. Each job's next run is the api's (email delivery moves every few seconds: refresh, then compare).
    await expect
      .poll(
        async () => {
          await refreshJobs(page);
          const shown = await page.getByTestId('job-next-run').evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-value') ?? ''));
          const { automationJobs } = await adminGraphqlAs<{ automationJobs: ApiJob[] }>(page, JOBS_QUERY);
          return { shown, api: automationJobs.map(expectedNextRun) };
        },
        { timeout: 30_000, interval: 500 },
      )
      .toSatisfy(({ shown, api }: { shown: string[]; api: string[] }) => JSON.stringify(shown) === JSON.stringify(api));
    const { automationJobs: jobs } = await adminGraphqlAs<{ automationJobs: ApiJob[] }>(page, JOBS_QUERY);
    const daily = jobs.find((job) => job.workflow === 'daily-cycle')!;
    expect(daily.schedule?.cron).toBe('0 2 * * *');
    expect(daily.schedule?.nextRunAt).toBeTruthy();
    // Shown as "in N hours" over the date and time in the browser's zone, the cron with the tenant's zone.
    expect(await card(page, 'daily-cycle').getByTestId('job-next-run').textContent()).toContain(dateTime.format(new Date(daily.schedule!.nextRunAt!)));
    const dailySchedule = await card(page, 'daily-cycle').getByTestId('job-schedule').textContent();
    expect(dailySchedule).toContain('0 2 * * *');
    expect(dailySchedule).toContain(`every day at 02:00, ${daily.schedule!.timezone}`);
    expect(await card(page, 'emergency-response').getByTestId('job-schedule').textContent()).toContain('On events');
    expect(await card(page, 'email-delivery').getByTestId('job-schedule').textContent()).toMatch(/Every \d+ s/);
    await shotFromTop(page, '60-admin-automation');

    // 3. "Run now" on System health: a manual run shows up as SUCCEEDED within 30 s (page polls every 10 s).
    const health = card(page, 'system-health');
    const before = jobs.find((job) => job.workflow === 'system-health')!.lastRun?.id ?? '';
    const runStarted = Date.now();
    await health.getByRole('button', { name: 'Run now' }).click();
    await page.getByText('System health queued').waitFor();
    await expect
      .poll(
        async () => {
          const detail = health.getByTestId('job-last-run-detail');
          return [await detail.getAttribute('data-run-id'), await detail.getAttribute('data-status'), await detail.getAttribute('data-trigger')];
        },
        { timeout: 30_000, interval: 500 },
      )
      .toSatisfy(([id, status, trigger]: (string | null)[]) => !!id && id !== before && status === 'SUCCEEDED' && trigger === 'MANUAL');
    const runSeconds = (Date.now() - runStarted) / 1000;
    const afterRun = (await adminGraphqlAs<{ automationJobs: ApiJob[] }>(page, JOBS_QUERY)).automationJobs.find((job) => job.workflow === 'system-health')!;
    expect(afterRun.lastRun?.status).toBe('SUCCEEDED');
    expect(afterRun.lastRun?.id).toBe(await health.getByTestId('job-last-run-detail').getAttribute('data-run-id'));
    // The run is in "Recent runs" with its result.
    await page.getByTestId('runs-filter-workflow').click();
    await page.getByRole('option', { name: 'System health' }).click();
    await expect.poll(() => page.url()).toContain('workflow=system-health');
    const runRow = page.getByTestId('job-run-row').first();
    await expect.poll(() => runRow.getAttribute('data-status'), { timeout: 15_000 }).toBe('SUCCEEDED');
    await runRow.click();
    const result = await page.getByTestId('job-run-result').first().textContent();
    expect(() => JSON.parse(result ?? '')).not.toThrow();
    await shotFromTop(page, '64-admin-automation-run-result');

    // 4. An invalid cron: the api's field error under the field. Then a valid one is saved.
    const { errors } = await rawAdminGraphqlAs(page, `mutation { updateJobSchedule(input: { workflow: "daily-cycle", cron: "61 2 * * *", enabled: true }) { workflow } }`);
    const apiProblem = (errors?.[0]?.extensions as { fieldErrors?: { cron?: string } } | undefined)?.fieldErrors?.cron;
    expect(apiProblem, JSON.stringify(errors)).toBeTruthy();
    await page.evaluate(() => window.scrollTo(0, 0));
    await card(page, 'daily-cycle').getByRole('button', { name: 'Edit schedule' }).click();
    const cron = page.getByTestId('schedule-cron');
    await cron.fill('61 2 * * *');
    await page.getByTestId('save-schedule').click();
    await page.getByTestId('schedule-form').getByText(apiProblem!).waitFor();
    expect(await cron.getAttribute('aria-invalid')).toBe('true');
    await shot(page, '61-admin-automation-schedule-error');
    await cron.fill('30 2 * * *');
    await expect.poll(() => cron.getAttribute('aria-invalid')).not.toBe('true');
    await page.getByTestId('schedule-cron-words').getByText('every day at 02:30', { exact: false }).waitFor();
    await page.getByTestId('save-schedule').click();
    await page.getByTestId('schedule-form').waitFor({ state: 'detached' });
    await page.getByText('Schedule saved').waitFor();
    await expect.poll(() => card(page, 'daily-cycle').getByTestId('job-schedule').textContent()).toContain('30 2 * * *');
    const saved = (await adminGraphqlAs<{ automationJobs: ApiJob[] }>(page, JOBS_QUERY)).automationJobs.find((job) => job.workflow === 'daily-cycle')!;
    expect(saved.schedule?.cron).toBe('30 2 * * *');
    expect(saved.schedule?.enabled).toBe(true);
    expect(await card(page, 'daily-cycle').getByTestId('job-next-run').getAttribute('data-value')).toBe(saved.schedule?.nextRunAt);
    // 02:30 in the tenant's time zone.
    const hourMinute = new Intl.DateTimeFormat('en-GB', { timeZone: saved.schedule!.timezone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(saved.schedule!.nextRunAt!));
    expect(hourMinute).toBe('02:30');

    // 5. The outbox, filtered to CAPTURED (development: delivery captures instead of sending).
    await page.getByTestId('nav-outbox').click();
    await expect.poll(() => page.url()).toContain('/admin/outbox');
    await page.getByTestId('outbox-filter-status').click();
    await page.getByRole('option', { name: 'Captured' }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.url()).toContain('status=CAPTURED');
    const emailCount = async (status: string) =>
      (await adminGraphqlAs<{ outboxEmails: { totalCount: number } }>(page, `{ outboxEmails(first: 1, filter: { status: [${status}] }) { totalCount } }`)).outboxEmails.totalCount;
    const capturedIds = async () =>
      (await adminGraphqlAs<{ outboxEmails: { nodes: { id: string }[] } }>(page, `{ outboxEmails(first: 20, filter: { status: [CAPTURED] }) { nodes { id } } }`)).outboxEmails.nodes.map(
        (node) => node.id,
      );
    // The delivery job runs every few seconds after start-up and captures the demo's queued emails
    // in batches: wait until it has caught up (none queued), not a fixed time.
    await expect
      .poll(async () => ({ captured: (await emailCount('CAPTURED')) > 0, queued: await emailCount('QUEUED') }), { message: 'the demo seed queues emails and delivery captures them all', timeout: 60_000 })
      .toEqual({ captured: true, queued: 0 });
    // The page shows the newest 20 captured emails, as the API lists them (an email queued by a job
    // meanwhile is captured seconds later: the page is read again until both agree).
    const outboxRows = () => page.getByTestId('outbox-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-id')));
    await expect
      .poll(
        async () => {
          const expected = await capturedIds();
          await page.reload();
          await page.getByTestId('outbox-row').first().waitFor();
          const shown = await outboxRows();
          return JSON.stringify(shown) === JSON.stringify(expected) ? 'the same emails in the same order' : `page ${shown.join(',')} vs api ${expected.join(',')}`;
        },
        { timeout: 60_000 },
      )
      .toBe('the same emails in the same order');
    expect(new Set(await page.getByTestId('outbox-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-status'))))).toEqual(new Set(['CAPTURED']));
    await page.getByTestId('outbox-row').first().getByTestId('email-status').hover();
    await page.getByText('Captured in development: not sent').waitFor();
    await shotFromTop(page, '62-admin-outbox-captured');

    // 6. The message: HTML preview (sandboxed) and text; Resend queues a copy and opens it.
    const originalId = (await outboxRows())[0]!;
    await page.getByTestId('outbox-row').first().click();
    await expect.poll(() => page.url()).toContain(`/admin/outbox/${originalId}`);
    expect(await page.getByTestId('email-html').getAttribute('sandbox')).toBe('');
    await page.getByRole('tab', { name: /plain text/i }).click();
    expect((await page.getByTestId('email-text').textContent())?.length).toBeGreaterThan(20);
    await page.getByRole('tab', { name: 'HTML' }).click();
    await page.getByTestId('resend-email').click();
    await page.getByTestId('confirm-resend').click();
    await expect.poll(() => page.url()).not.toContain(`/admin/outbox/${originalId}`);
    const copyId = page.url().split('/').pop()!;
    await page.getByTestId('resend-of').waitFor();
    expect(await page.getByTestId('resend-of').getByRole('link').getAttribute('href')).toBe(`/admin/outbox/${originalId}`);
    const { outboxEmail: copy } = await adminGraphqlAs<{ outboxEmail: { resendOf: string | null; status: string; subject: string } }>(
      page,
      `query ($id: ID!) { outboxEmail(id: $id) { resendOf status subject } }`,
      { id: copyId },
    );
    expect(copy.resendOf).toBe(originalId);
    expect(['QUEUED', 'CAPTURED']).toContain(copy.status);
    // Delivery captures the copy too (every few seconds); a reload shows it.
    await expect
      .poll(
        async () => {
          await page.reload();
          await page.getByTestId('resend-of').waitFor();
          return page.locator('[data-testid="email-status"]').first().getAttribute('data-status');
        },
        { timeout: 30_000, interval: 2000 },
      )
      .toBe('CAPTURED');
    await page.getByTestId('email-html').waitFor();
    await shotFromTop(page, '63-admin-outbox-message-copy');

    // 7. Program settings (read only here: a new zone would move the schedules).
    await page.getByTestId('nav-settings-program').click();
    await page.getByTestId('settings-form').waitFor();
    const { tenantSettings } = await adminGraphqlAs<{ tenantSettings: { name: string; timezone: string } }>(page, `{ tenantSettings { name timezone } }`);
    expect(await page.getByTestId('settings-name').inputValue()).toBe(tenantSettings.name);
    expect(await page.getByTestId('settings-timezone').inputValue()).toBe(tenantSettings.timezone);
    await shotFromTop(page, '65-admin-program-settings');

    console.log(`automation e2e: run now → SUCCEEDED in ${runSeconds.toFixed(1)} s, whole test ${((Date.now() - started) / 1000).toFixed(1)} s (${server.url})`);
  });
});
