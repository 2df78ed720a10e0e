import { Navigate, Route, Routes } from 'react-router';
import { AchSettingsPage } from '../routes/AchSettingsPage';
import { ApiKeysPage } from '../routes/ApiKeysPage';
import { ApplicationDetailPage } from '../routes/ApplicationDetailPage';
import { ApplicationsPage } from '../routes/ApplicationsPage';
import { BillingImportPage } from '../routes/BillingImportPage';
import { CommissionDisputesPage } from '../routes/CommissionDisputesPage';
import { CommissionLinesPage } from '../routes/CommissionLinesPage';
import { CommissionPlansPage } from '../routes/CommissionPlansPage';
import { CommissionReconciliationPage } from '../routes/CommissionReconciliationPage';
import { CommissionReportPage } from '../routes/CommissionReportPage';
import { CommissionRunsPage } from '../routes/CommissionRunsPage';
import { CustomerDetailPage } from '../routes/CustomerDetailPage';
import { CustomerImportPage } from '../routes/CustomerImportPage';
import { CustomersPage } from '../routes/CustomersPage';
import { LoginPage } from '../routes/LoginPage';
import { NotFoundPage } from '../routes/NotFoundPage';
import { OutboxMessagePage } from '../routes/OutboxMessagePage';
import { OutboxPage } from '../routes/OutboxPage';
import { OverdueOnboardingPage } from '../routes/OverdueOnboardingPage';
import { PaymentBatchDetailPage } from '../routes/PaymentBatchDetailPage';
import { PaymentBatchesPage } from '../routes/PaymentBatchesPage';
import { ResellerDetailPage } from '../routes/ResellerDetailPage';
import { ResellersPage } from '../routes/ResellersPage';
import { SuccessAlertsPage } from '../routes/SuccessAlertsPage';
import { SuccessDashboardPage } from '../routes/SuccessDashboardPage';
import { SuccessInterventionsPage } from '../routes/SuccessInterventionsPage';
import { SuccessResellerPage } from '../routes/SuccessResellerPage';
import { AdminLayout } from './AdminLayout';
import { RequireAuth } from './auth';
import { PublicLayout } from './PublicLayout';

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
        <Route path="success" element={<SuccessDashboardPage />} />
        <Route path="success/resellers/:id" element={<SuccessResellerPage />} />
        <Route path="success/alerts" element={<SuccessAlertsPage />} />
        <Route path="success/interventions" element={<SuccessInterventionsPage />} />
        <Route path="outbox" element={<OutboxPage />} />
        <Route path="outbox/:id" element={<OutboxMessagePage />} />
        <Route path="api-keys" element={<ApiKeysPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
