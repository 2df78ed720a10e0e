import { useQuery } from '@apollo/client/react';
import { Button } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { hasErrorCode } from '../app/errors';
import { ApplicationStatusCard } from '../features/applications/ApplicationStatusCard';
import { PortalApplicationStatusQueryDocument } from '../features/applications/applicationStatusQuery';
import { EmptyState, ErrorState, LoadingState, PublicPanel } from '../ui';

function InvalidLink() {
  return (
    <EmptyState
      title="This link is not valid"
      description="Check that you copied the whole link from the confirmation email. If you never received one, you can submit a new application."
      action={
        <Button component={Link} to="/apply" variant="light">
          Apply to become a partner
        </Button>
      }
    />
  );
}

export function ApplicationStatusPage() {
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token')?.trim() ?? '';
  const { data, loading, error, refetch } = useQuery(PortalApplicationStatusQueryDocument, {
    variables: { token },
    skip: !token,
    // The status changes on the ISP's side: always ask, show the cached answer meanwhile.
    fetchPolicy: 'cache-and-network',
  });

  let content;
  if (!token) content = <InvalidLink />;
  else if (data?.resellerApplicationStatus) {
    content = (
      <ApplicationStatusCard application={data.resellerApplicationStatus} token={token} onRefresh={() => void refetch()} />
    );
  } else if (loading) content = <LoadingState label="Loading your application…" />;
  else if (error && hasErrorCode(error, 'NOT_FOUND')) content = <InvalidLink />;
  else if (error) content = <ErrorState error={error} title="Could not load the application" onRetry={() => void refetch()} />;
  else content = <InvalidLink />;

  return <PublicPanel>{content}</PublicPanel>;
}
