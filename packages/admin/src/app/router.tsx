import { lazy, Suspense } from 'react';
import { Navigate, Outlet, Route, Routes } from 'react-router';
import { LoginPage } from '../routes/LoginPage';
import { NotFoundPage } from '../routes/NotFoundPage';
import { PageLoading } from '../ui/PageLoading';
import { AdminLayout } from './AdminLayout';
import { RequireAuth } from './auth';
import { PublicLayout } from './PublicLayout';

// Pages load on first navigation (one chunk each, with the feature code only they use); the
// layouts and the login page are in the entry chunk so the first visit is quick.
const AchSettingsPage = lazy(() => import('../routes/AchSettingsPage').then((m) => ({ default: m.AchSettingsPage })));
const ApiKeysPage = lazy(() => import('../routes/ApiKeysPage').then((m) => ({ default: m.ApiKeysPage })));
const ApplicationDetailPage = lazy(() => import('../routes/ApplicationDetailPage').then((m) => ({ default: m.ApplicationDetailPage })));
const ApplicationsPage = lazy(() => import('../routes/ApplicationsPage').then((m) => ({ default: m.ApplicationsPage })));
const AutomationPage = lazy(() => import('../routes/AutomationPage').then((m) => ({ default: m.AutomationPage })));
const BillingImportPage = lazy(() => import('../routes/BillingImportPage').then((m) => ({ default: m.BillingImportPage })));
const CommissionDisputesPage = lazy(() => import('../routes/CommissionDisputesPage').then((m) => ({ default: m.CommissionDisputesPage })));
const CommissionLinesPage = lazy(() => import('../routes/CommissionLinesPage').then((m) => ({ default: m.CommissionLinesPage })));
const CommissionPlansPage = lazy(() => import('../routes/CommissionPlansPage').then((m) => ({ default: m.CommissionPlansPage })));
const CommissionReconciliationPage = lazy(() => import('../routes/CommissionReconciliationPage').then((m) => ({ default: m.CommissionReconciliationPage })));
const CommissionReportPage = lazy(() => import('../routes/CommissionReportPage').then((m) => ({ default: m.CommissionReportPage })));
const CommissionRunsPage = lazy(() => import('../routes/CommissionRunsPage').then((m) => ({ default: m.CommissionRunsPage })));
const CustomerDetailPage = lazy(() => import('../routes/CustomerDetailPage').then((m) => ({ default: m.CustomerDetailPage })));
const CustomerImportPage = lazy(() => import('../routes/CustomerImportPage').then((m) => ({ default: m.CustomerImportPage })));
const CustomersPage = lazy(() => import('../routes/CustomersPage').then((m) => ({ default: m.CustomersPage })));
const OutboxMessagePage = lazy(() => import('../routes/OutboxMessagePage').then((m) => ({ default: m.OutboxMessagePage })));
const OutboxPage = lazy(() => import('../routes/OutboxPage').then((m) => ({ default: m.OutboxPage })));
const OverdueOnboardingPage = lazy(() => import('../routes/OverdueOnboardingPage').then((m) => ({ default: m.OverdueOnboardingPage })));
const PaymentBatchDetailPage = lazy(() => import('../routes/PaymentBatchDetailPage').then((m) => ({ default: m.PaymentBatchDetailPage })));
const PaymentBatchesPage = lazy(() => import('../routes/PaymentBatchesPage').then((m) => ({ default: m.PaymentBatchesPage })));
const ResellerDetailPage = lazy(() => import('../routes/ResellerDetailPage').then((m) => ({ default: m.ResellerDetailPage })));
const ResellersPage = lazy(() => import('../routes/ResellersPage').then((m) => ({ default: m.ResellersPage })));
const SettingsPage = lazy(() => import('../routes/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const SuccessAlertsPage = lazy(() => import('../routes/SuccessAlertsPage').then((m) => ({ default: m.SuccessAlertsPage })));
const SuccessDashboardPage = lazy(() => import('../routes/SuccessDashboardPage').then((m) => ({ default: m.SuccessDashboardPage })));
const SuccessInterventionsPage = lazy(() => import('../routes/SuccessInterventionsPage').then((m) => ({ default: m.SuccessInterventionsPage })));
const SuccessResellerPage = lazy(() => import('../routes/SuccessResellerPage').then((m) => ({ default: m.SuccessResellerPage })));

/** Renders the matched page, with a page-shaped placeholder while its chunk downloads. */
function LazyPages() {
  return (
    <Suspense fallback={<PageLoading />}>
      <Outlet />
    </Suspense>
  );
}

// The route table (paths are relative to the /admin basename).
//
// A page is one file in src/routes/ with its operation next to it, typed by codegen:
//
//   import { useQuery } from '@apollo/client/react';
//   import { graphql } from '../gql';
//
//   const ApplicationsPageQuery = graphql(`
//     query ApplicationsPage($first: Int!) { applications(first: $first) { nodes { id status } } }
//   `);
//   const { data, loading, error } = useQuery(ApplicationsPageQuery, { variables: { first: 25 } });
//
// then run `pnpm codegen` (operation names must be unique within this app).
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<PublicLayout />}>
        <Route path="login" element={<LoginPage />} />
      </Route>
      <Route
        element={
          <RequireAuth>
            <AdminLayout />
          </RequireAuth>
        }
      >
        <Route element={<LazyPages />}>
          <Route index element={<Navigate to="/applications" replace />} />
          <Route path="applications" element={<ApplicationsPage />} />
          <Route path="applications/:id" element={<ApplicationDetailPage />} />
          <Route path="resellers" element={<ResellersPage />} />
          <Route path="resellers/:id" element={<ResellerDetailPage />} />
          <Route path="customers" element={<CustomersPage />} />
          <Route path="customers/import" element={<CustomerImportPage />} />
          <Route path="customers/:id" element={<CustomerDetailPage />} />
          <Route path="onboarding/overdue" element={<OverdueOnboardingPage />} />
          <Route path="commissions" element={<CommissionRunsPage />} />
          <Route path="commissions/lines" element={<CommissionLinesPage />} />
          <Route path="commissions/report" element={<CommissionReportPage />} />
          <Route path="commissions/plans" element={<CommissionPlansPage />} />
          <Route path="commissions/disputes" element={<CommissionDisputesPage />} />
          <Route path="commissions/import" element={<BillingImportPage />} />
          <Route path="commissions/reconciliation" element={<CommissionReconciliationPage />} />
          <Route path="payments" element={<PaymentBatchesPage />} />
          <Route path="payments/:id" element={<PaymentBatchDetailPage />} />
          <Route path="settings/ach" element={<AchSettingsPage />} />
          <Route path="settings/program" element={<SettingsPage />} />
          <Route path="success" element={<SuccessDashboardPage />} />
          <Route path="success/resellers/:id" element={<SuccessResellerPage />} />
          <Route path="success/alerts" element={<SuccessAlertsPage />} />
          <Route path="success/interventions" element={<SuccessInterventionsPage />} />
          <Route path="outbox" element={<OutboxPage />} />
          <Route path="outbox/:id" element={<OutboxMessagePage />} />
          <Route path="automation" element={<AutomationPage />} />
          <Route path="api-keys" element={<ApiKeysPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
