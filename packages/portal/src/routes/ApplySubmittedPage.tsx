import { PageHeader, PlaceholderNotice } from '../ui';

export function ApplySubmittedPage() {
  return (
    <>
      <PageHeader
        title="Application submitted"
        description="We have your application and will email you about the next steps."
      />
      <PlaceholderNotice page="application submitted" />
    </>
  );
}
