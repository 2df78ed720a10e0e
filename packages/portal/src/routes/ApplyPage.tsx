import { ApplicationForm } from '../features/applications/ApplicationForm';
import { PageHeader, PublicPanel } from '../ui';

export function ApplyPage() {
  return (
    <PublicPanel size="md">
      <PageHeader
        title="Apply to become a partner"
        description="Tell us about your business. Every application is reviewed by our partner team, and we email you the decision."
      />
      <ApplicationForm />
    </PublicPanel>
  );
}
