/**
 * What every browser test shares: the product server and a headless Chromium started once per test
 * file, fresh pages that fail the test on any SPA error, full-page screenshots into
 * packages/portal/test-results/ (git-ignored), GraphQL requests with a page's own session, and the
 * demo logins of packages/api/src/seeders/demo-seeder.ts.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startProductServer, type ProductServer } from './product-server.js';

/** The folder the screenshots go to (with a trailing slash). */
export const SHOTS_DIR = fileURLToPath(new URL('../test-results/', import.meta.url));

/** The Chromium binary: CHROMIUM_PATH, or Debian's. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Chromium's launch arguments: no sandbox, no GPU, no background traffic. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'];

/** The viewport a new page opens with, unless the test asks for another. */
export const DESKTOP_VIEWPORT = { width: 1280, height: 860 };

/** The password of every demo login. */
export const DEMO_PASSWORD = 'demo-password-2026';
/** The demo partner's staff user (DEMO_PARTNER_LOGIN, RESELLER_STAFF of RS-000001). */
export const DEMO_PARTNER_LOGIN = 'partner@demo.example';
/** The demo partner's owner (DEMO_OWNER_LOGIN of RS-000001). */
export const DEMO_OWNER_LOGIN = 'owner@demo.example';
/** The ISP's demo admin. */
export const DEMO_ADMIN_LOGIN = 'admin@demo.example';
/** The ISP's demo finance user. */
export const DEMO_FINANCE_LOGIN = 'finance@demo.example';

/** The running product server (set by `useProductAndBrowser()`'s beforeAll). */
export let server: ProductServer;
/** The running Chromium (set by `useProductAndBrowser()`'s beforeAll). */
export let browser: Browser;

/**
 * Registers the test file's hooks: before its tests, the screenshots folder, the product server and
 * Chromium; after them, both stopped. Call once at the top level of a test file.
 */
export function useProductAndBrowser(): void {
  beforeAll(async () => {
    mkdirSync(SHOTS_DIR, { recursive: true });
    server = await startProductServer();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
}

/** A page in a new browser context (its own session); any error the SPA throws fails the test. */
export async function newPage(viewport: { width: number; height: number } = DESKTOP_VIEWPORT): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  // Any error the SPA throws fails the test (a broken request, a React error).
  page.on('pageerror', (error) => {
    throw error;
  });
  return page;
}

/** A full-page screenshot, saved as `<name>.png` in the screenshots folder. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS_DIR}${name}.png`, fullPage: true });
}

/**
 * Signs in on the portal's (or the admin's) login page and waits for the page it lands on:
 * the portal's dashboard, the admin's applications.
 */
export async function signIn(page: Page, email: string, { app = 'portal', password = DEMO_PASSWORD }: { app?: 'portal' | 'admin'; password?: string } = {}): Promise<void> {
  await page.goto(`${server.url}/${app}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: /sign in/i }).click();
  await expect.poll(() => page.url()).toContain(app === 'portal' ? '/portal/dashboard' : '/admin/applications');
}

/** A GraphQL answer as it comes, data and errors. */
export type GraphQLResponse<T> = { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };

/** A GraphQL request with the session token a signed-in SPA keeps under `sessionKey`, as the SPA sends it. */
async function graphqlWithSession<T>(page: Page, sessionKey: string, query: string, variables: Record<string, unknown>): Promise<GraphQLResponse<T>> {
  return page.evaluate(
    async ({ query: text, variables: vars, sessionKey: key }) => {
      const session = JSON.parse(localStorage.getItem(key) ?? '{}') as { token?: string };
      const result = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token ?? ''}` },
        body: JSON.stringify({ query: text, variables: vars }),
      });
      return result.json();
    },
    { query, variables, sessionKey },
  ) as Promise<GraphQLResponse<T>>;
}

function expectData<T>({ data, errors }: GraphQLResponse<T>): T {
  expect(errors, JSON.stringify(errors)).toBeUndefined();
  return data!;
}

/** A GraphQL request as the page signed in to the portal; the whole answer. */
export const rawGraphqlAs = <T>(page: Page, query: string, variables: Record<string, unknown> = {}) => graphqlWithSession<T>(page, 'rh.portal.session', query, variables);
/** `rawGraphqlAs`, expecting no errors: the data. */
export const graphqlAs = async <T>(page: Page, query: string, variables: Record<string, unknown> = {}) => expectData(await rawGraphqlAs<T>(page, query, variables));
/** The same for a page signed in to the admin console (its session is kept under another key). */
export const rawAdminGraphqlAs = <T>(page: Page, query: string, variables: Record<string, unknown> = {}) => graphqlWithSession<T>(page, 'rh.admin.session', query, variables);
export const adminGraphqlAs = async <T>(page: Page, query: string, variables: Record<string, unknown> = {}) => expectData(await rawAdminGraphqlAs<T>(page, query, variables));
