import { PageHeader, PlaceholderNotice } from '../ui';

export function ApplicationsPage() {
  return (
    <>
      <PageHeader
        title="Applications"
        description="Partner applications waiting for review, and past decisions."
      />
      <PlaceholderNotice page="applications" />
    </>
  );
}
