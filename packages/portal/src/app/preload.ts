import { PartnerDashboardQueryDocument } from '../features/dashboard/queries';
import { apolloClient } from './apollo';
import { currentAppPath } from './env';
import { PortalPartnerHeaderQuery } from './PartnerLayout';
import { getSession } from './session';

/**
 * The dashboard's page chunk. One function for the router's `lazy()` and for `preloadStartPage()`:
 * the browser fetches and runs a module once, so both get the same promise.
 */
export const loadDashboardPage = () => import('../routes/DashboardPage');

/** First path segments of the pages inside PartnerLayout (see ./router.tsx). */
const PARTNER_PAGES = new Set(['dashboard', 'profile', 'onboarding', 'customers', 'commissions', 'payments', 'analytics', 'health']);

/**
 * Called once, before the first render: when the page load starts on a signed-in partner page,
 * starts everything that page waits for at once instead of one after the other (entry → React
 * renders → lazy chunk → page runs → its query). The layout's header query and, on the dashboard,
 * its query and page chunk go out while React renders the layout.
 *
 * The queries go through the app's Apollo client, so the auth and error links apply as usual. An
 * in-flight operation is shared with the `useQuery` of the same document and variables (Apollo's
 * query deduplication), and a finished one is read from the cache (`cache-first`): either way
 * the network sees one request. A failure is not handled here: the page's own `useQuery` then
 * shows it (the error link has already redirected an expired session to the login page).
 */
export function preloadStartPage(): void {
  if (!getSession()) return; // RequireAuth redirects to the login page.
  const [segment = ''] = currentAppPath().split(/[?#]/)[0]!.split('/').filter(Boolean);
  if (!PARTNER_PAGES.has(segment)) return;
  const ignore = () => {};
  apolloClient.query({ query: PortalPartnerHeaderQuery }).catch(ignore);
  if (segment === 'dashboard') {
    apolloClient.query({ query: PartnerDashboardQueryDocument }).catch(ignore);
    loadDashboardPage().catch(ignore); // a failed chunk is reported when React renders the page
  }
}
