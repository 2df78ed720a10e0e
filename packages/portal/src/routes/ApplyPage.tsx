import { PageHeader, PlaceholderNotice } from '../ui';

export function ApplyPage() {
  return (
    <>
      <PageHeader
        title="Apply to become a partner"
        description="Tell us about your business; we review every application."
      />
      <PlaceholderNotice page="partner application form" />
    </>
  );
}
