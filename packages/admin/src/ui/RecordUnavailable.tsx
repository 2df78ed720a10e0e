import { Button } from '@mantine/core';
import { Link } from 'react-router';
import { hasErrorCode } from '../app/errors';
import { EmptyState } from './EmptyState';
import { ErrorState } from './ErrorState';
import { LoadingState } from './LoadingState';

type RecordUnavailableProps = {
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  loadingLabel: string;
  /** NOT_FOUND: what to say, and the list to go back to. */
  notFound: { title: string; description: string; backTo: string; backLabel: string };
  errorTitle: string;
};

/** A detail page whose record is not there (yet): loading, not found with a way back, or an error to retry. */
export function RecordUnavailable({ loading, error, onRetry, loadingLabel, notFound, errorTitle }: RecordUnavailableProps) {
  if (loading) return <LoadingState label={loadingLabel} />;
  if (error && hasErrorCode(error, 'NOT_FOUND')) {
    return (
      <EmptyState
        title={notFound.title}
        description={notFound.description}
        action={
          <Button component={Link} to={notFound.backTo} variant="light">
            {notFound.backLabel}
          </Button>
        }
      />
    );
  }
  return <ErrorState error={error} title={errorTitle} onRetry={onRetry} />;
}
