import { lazy, Suspense, type ReactNode } from 'react';
import { Outlet, Route, Routes } from 'react-router';
import { PublicPanel } from '../ui/PublicPanel';
import { PageLoading } from '../ui/PageLoading';
import { RequireAuth } from './auth';
import { PartnerLayout } from './PartnerLayout';
import { loadDashboardPage } from './preload';
import { PublicLayout } from './PublicLayout';

// Pages load on first navigation (one chunk each, with the feature code and the Mantine components
// only they use); only the layouts are in the entry chunk. The public pages are lazy too: the
// login page's form components (inputs, @mantine/form) would otherwise weigh on every signed-in
// partner's first load. The page a load starts on is requested at start-up, before React renders
// (see ./preload.ts), so its chunk downloads while the entry runs.
const AnalyticsPage = lazy(() => import('../routes/AnalyticsPage').then((m) => ({ default: m.AnalyticsPage })));
const ApplicationStatusPage = lazy(() => import('../routes/ApplicationStatusPage').then((m) => ({ default: m.ApplicationStatusPage })));
const ApplyPage = lazy(() => import('../routes/ApplyPage').then((m) => ({ default: m.ApplyPage })));
const CommissionsPage = lazy(() => import('../routes/CommissionsPage').then((m) => ({ default: m.CommissionsPage })));
const CustomerDetailPage = lazy(() => import('../routes/CustomerDetailPage').then((m) => ({ default: m.CustomerDetailPage })));
const DashboardPage = lazy(() => loadDashboardPage().then((m) => ({ default: m.DashboardPage })));
const CustomersPage = lazy(() => import('../routes/CustomersPage').then((m) => ({ default: m.CustomersPage })));
const LandingPage = lazy(() => import('../routes/LandingPage').then((m) => ({ default: m.LandingPage })));
const LoginPage = lazy(() => import('../routes/LoginPage').then((m) => ({ default: m.LoginPage })));
const NotFoundPage = lazy(() => import('../routes/NotFoundPage').then((m) => ({ default: m.NotFoundPage })));
const HealthPage = lazy(() => import('../routes/HealthPage').then((m) => ({ default: m.HealthPage })));
const ApplySubmittedPage = lazy(() => import('../routes/ApplySubmittedPage').then((m) => ({ default: m.ApplySubmittedPage })));
const OnboardingPage = lazy(() => import('../routes/OnboardingPage').then((m) => ({ default: m.OnboardingPage })));
const PaymentStatementPage = lazy(() => import('../routes/PaymentStatementPage').then((m) => ({ default: m.PaymentStatementPage })));
const PaymentsPage = lazy(() => import('../routes/PaymentsPage').then((m) => ({ default: m.PaymentsPage })));
const ProfilePage = lazy(() => import('../routes/ProfilePage').then((m) => ({ default: m.ProfilePage })));
const SetPasswordPage = lazy(() => import('../routes/SetPasswordPage').then((m) => ({ default: m.SetPasswordPage })));

/** Renders the matched page, with a page-shaped placeholder while its chunk downloads. */
function LazyPages({ fallback }: { fallback: ReactNode }) {
  return (
    <Suspense fallback={fallback}>
      <Outlet />
    </Suspense>
  );
}

// The route table (paths are relative to the /portal basename).
//
// A page is one file in src/routes/ with its operation next to it, typed by codegen:
//
//   import { useQuery } from '@apollo/client/react';
//   import { graphql } from '../gql';
//
//   const ProfilePageQuery = graphql(`
//     query ProfilePage { me { id email } }
//   `);
//   const { data, loading, error } = useQuery(ProfilePageQuery);
//
// then run `pnpm codegen` (operation names must be unique within this app).
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<PublicLayout />}>
        <Route
          element={
            <LazyPages
              fallback={
                <PublicPanel>
                  <PageLoading />
                </PublicPanel>
              }
            />
          }
        >
          <Route index element={<LandingPage />} />
          <Route path="apply" element={<ApplyPage />} />
          <Route path="apply/submitted" element={<ApplySubmittedPage />} />
          <Route path="application-status" element={<ApplicationStatusPage />} />
          <Route path="set-password" element={<SetPasswordPage />} />
          <Route path="login" element={<LoginPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
      <Route
        element={
          <RequireAuth>
            <PartnerLayout />
          </RequireAuth>
        }
      >
        <Route element={<LazyPages fallback={<PageLoading />} />}>
          <Route path="dashboard" element={<DashboardPage />} />
          <Route path="profile" element={<ProfilePage />} />
          <Route path="onboarding" element={<OnboardingPage />} />
          <Route path="customers" element={<CustomersPage />} />
          <Route path="customers/:id" element={<CustomerDetailPage />} />
          <Route path="commissions" element={<CommissionsPage />} />
          <Route path="payments" element={<PaymentsPage />} />
          <Route path="payments/:id" element={<PaymentStatementPage />} />
          <Route path="analytics" element={<AnalyticsPage />} />
          <Route path="health" element={<HealthPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
