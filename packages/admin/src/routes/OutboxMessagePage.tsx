import { useParams } from 'react-router';
import { PageHeader, PlaceholderNotice } from '../ui';

export function OutboxMessagePage() {
  // Always set: the route is declared with :id.
  const { id } = useParams<{ id: string }>();
  return (
    <>
      <PageHeader
        title={`Message ${id}`}
        description="The email as rendered, with its delivery attempts."
      />
      <PlaceholderNotice page="outbox message" />
    </>
  );
}
