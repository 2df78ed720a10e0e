import { useParams } from 'react-router';
import { PageHeader, PlaceholderNotice } from '../ui';

export function ResellerDetailPage() {
  // Always set: the route is declared with :id.
  const { id } = useParams<{ id: string }>();
  return (
    <>
      <PageHeader
        title={`Reseller ${id}`}
        description="The reseller's profile, onboarding and status history."
      />
      <PlaceholderNotice page="reseller detail" />
    </>
  );
}
