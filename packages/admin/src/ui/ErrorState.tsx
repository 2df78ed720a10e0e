import { Alert, Button, Code, Group, Stack, Text } from '@mantine/core';
import { describeError } from '../app/errors';

type ErrorStateProps = {
  /** The `error` of a query or mutation hook (any thrown value works). */
  error: unknown;
  title?: string;
  /** E.g. the query's `refetch`. */
  onRetry?: () => void;
  /** The retry button's label ('Try again'). */
  retryLabel?: string;
};

/** Shows each error's message and its `extensions.code`, which support needs to help. */
export function ErrorState({ error, title = 'Something went wrong', onRetry, retryLabel = 'Try again' }: ErrorStateProps) {
  const details = describeError(error);
  return (
    <Alert color="red" variant="light" title={title}>
      <Stack gap="xs">
        {details.map((detail, index) => (
          <Group key={index} gap="xs" wrap="nowrap" align="baseline">
            <Text size="sm">{detail.message}</Text>
            {detail.code && <Code>{detail.code}</Code>}
          </Group>
        ))}
        {onRetry && (
          <Group>
            <Button size="xs" variant="light" color="red" onClick={onRetry}>
              {retryLabel}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}
