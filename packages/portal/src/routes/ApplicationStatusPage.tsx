import { PageHeader, PlaceholderNotice } from '../ui';

export function ApplicationStatusPage() {
  return (
    <>
      <PageHeader
        title="Application status"
        description="Check where your partner application stands."
      />
      <PlaceholderNotice page="application status" />
    </>
  );
}
