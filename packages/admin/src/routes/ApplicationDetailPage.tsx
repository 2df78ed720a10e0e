import { useParams } from 'react-router';
import { PageHeader, PlaceholderNotice } from '../ui';

export function ApplicationDetailPage() {
  // Always set: the route is declared with :id.
  const { id } = useParams<{ id: string }>();
  return (
    <>
      <PageHeader
        title={`Application ${id}`}
        description="The application, its documents and its review history."
      />
      <PlaceholderNotice page="application detail" />
    </>
  );
}
