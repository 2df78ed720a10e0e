import { PageHeader, PlaceholderNotice } from '../ui';

export function OutboxPage() {
  return (
    <>
      <PageHeader
        title="Outbox"
        description="Emails the platform has queued, sent or failed to send."
      />
      <PlaceholderNotice page="outbox" />
    </>
  );
}
