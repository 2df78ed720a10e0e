import { Route, Routes } from 'react-router';
import { AnalyticsPage } from '../routes/AnalyticsPage';
import { ApplicationStatusPage } from '../routes/ApplicationStatusPage';
import { ApplyPage } from '../routes/ApplyPage';
import { CommissionsPage } from '../routes/CommissionsPage';
import { CustomerDetailPage } from '../routes/CustomerDetailPage';
import { CustomersPage } from '../routes/CustomersPage';
import { HealthPage } from '../routes/HealthPage';
import { ApplySubmittedPage } from '../routes/ApplySubmittedPage';
import { LandingPage } from '../routes/LandingPage';
import { LoginPage } from '../routes/LoginPage';
import { NotFoundPage } from '../routes/NotFoundPage';
import { OnboardingPage } from '../routes/OnboardingPage';
import { PaymentStatementPage } from '../routes/PaymentStatementPage';
import { PaymentsPage } from '../routes/PaymentsPage';
import { ProfilePage } from '../routes/ProfilePage';
import { SetPasswordPage } from '../routes/SetPasswordPage';
import { RequireAuth } from './auth';
import { PartnerLayout } from './PartnerLayout';
import { PublicLayout } from './PublicLayout';

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
        <Route index element={<LandingPage />} />
        <Route path="apply" element={<ApplyPage />} />
        <Route path="apply/submitted" element={<ApplySubmittedPage />} />
        <Route path="application-status" element={<ApplicationStatusPage />} />
        <Route path="set-password" element={<SetPasswordPage />} />
        <Route path="login" element={<LoginPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
      <Route
        element={
          <RequireAuth>
            <PartnerLayout />
          </RequireAuth>
        }
      >
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
    </Routes>
  );
}
