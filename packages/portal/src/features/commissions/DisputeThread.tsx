import { Alert, Badge, Box, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { applyFieldErrors, errorCode, messageForCode } from '../../app/errors';
import type { DisputeThread_DisputeFragment } from '../../gql/graphql';
import { ErrorState, formatDate, formatDateTime, StatusBadge } from '../../ui';
import { formatMoney } from './format';
import { sentence } from './labels';
import { useAddCommissionDisputeMessage } from './useAddCommissionDisputeMessage';

/** The api's limit on a dispute message. */
export const DISPUTE_MESSAGE_MAX = 5000;

/** Required, at most 5,000 characters (the api's rule, checked before sending). */
export function disputeMessageError(value: string): string | null {
  const text = value.trim();
  if (!text) return 'Write a message';
  if (text.length > DISPUTE_MESSAGE_MAX) return `At most ${DISPUTE_MESSAGE_MAX.toLocaleString('en-US')} characters`;
  return null;
}

function Message({ message }: { message: DisputeThread_DisputeFragment['messages'][number] }) {
  const mine = message.fromPartner;
  return (
    <Group justify={mine ? 'flex-end' : 'flex-start'} wrap="nowrap">
      <Paper
        radius="md"
        px="md"
        py="sm"
        maw={{ base: '92%', sm: '75%' }}
        bg={mine ? 'indigo.0' : 'white'}
        withBorder={!mine}
        style={mine ? { border: '1px solid var(--mantine-color-indigo-1)' } : undefined}
        data-testid="dispute-thread-message"
      >
        <Group gap={6} mb={4} wrap="wrap">
          <Text size="xs" fw={700} c={mine ? 'indigo.8' : 'dark'}>
            {message.authorLabel}
          </Text>
          <Badge size="xs" variant={mine ? 'light' : 'outline'} color={mine ? 'indigo' : 'gray'}>
            {mine ? 'Partner' : 'ISP'}
          </Badge>
          <Text size="xs" c="dimmed">
            {formatDateTime(message.createdAt)}
          </Text>
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {message.body}
        </Text>
      </Paper>
    </Group>
  );
}

type ReplyProblem = { title: string; message: string; unsent: string };

type ReplyBoxProps = {
  disputeId: string;
  onStale: () => void;
  /** A reply the api refused because the thread changed: shown by the thread, which outlives this box. */
  onProblem: (problem: ReplyProblem | null) => void;
};

function ReplyBox({ disputeId, onStale, onProblem }: ReplyBoxProps) {
  const [addMessage, { loading }] = useAddCommissionDisputeMessage();
  const [unexpected, setUnexpected] = useState<unknown>(null);
  const form = useForm<{ message: string }>({
    initialValues: { message: '' },
    validate: { message: disputeMessageError },
  });

  async function handleSubmit(values: { message: string }) {
    onProblem(null);
    setUnexpected(null);
    const message = values.message.trim();
    try {
      await addMessage({ variables: { input: { disputeId, message } } });
      form.reset();
      notifications.show({ color: 'green', title: 'Reply sent', message: 'The ISP’s finance team sees it in the dispute.' });
    } catch (error) {
      const code = errorCode(error);
      if (code === 'CONFLICT') {
        onProblem({
          title: 'Your reply was not sent',
          message: `${sentence(messageForCode(error, 'CONFLICT') ?? 'The dispute was resolved')} The thread now shows the ISP’s answer.`,
          unsent: message,
        });
        onStale();
      } else if (code === 'NOT_FOUND') {
        onProblem({ title: 'Your reply was not sent', message: 'This dispute no longer exists. The lines have been refreshed.', unsent: message });
        onStale();
      } else if (code === 'BAD_USER_INPUT' && applyFieldErrors(error, ['message'], form.setFieldError)?.length === 0) {
        // Shown on the field.
      } else {
        setUnexpected(error);
      }
    }
  }

  return (
    <form onSubmit={form.onSubmit(handleSubmit)} noValidate>
      <Stack gap="xs">
        <Textarea
          label="Reply"
          placeholder="Add details for the ISP’s finance team…"
          autosize
          minRows={2}
          maxRows={8}
          maxLength={DISPUTE_MESSAGE_MAX}
          data-testid="dispute-reply"
          {...form.getInputProps('message')}
        />
        {unexpected !== null && <ErrorState error={unexpected} title="Could not send your reply" />}
        <Group justify="flex-end">
          <Button type="submit" size="sm" variant="light" loading={loading} data-testid="send-reply">
            Send reply
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

const RESOLUTION_TEXT = {
  UPHELD: { color: 'green', label: 'Upheld' },
  REJECTED: { color: 'red', label: 'Rejected' },
} as const;

type DisputeThreadProps = {
  dispute: DisputeThread_DisputeFragment;
  /** Refetches the period's lines (after a CONFLICT or NOT_FOUND: the thread changed elsewhere). */
  onStale: () => void;
};

/** A line's dispute: its status, the messages between partner and ISP, and a reply box while open. */
export function DisputeThread({ dispute, onStale }: DisputeThreadProps) {
  const open = dispute.status === 'OPEN';
  const [problem, setProblem] = useState<ReplyProblem | null>(null);
  const resolution = dispute.resolution ? RESOLUTION_TEXT[dispute.resolution] : null;
  return (
    <Paper withBorder radius="md" p="md" bg="gray.0" data-testid="dispute-thread">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Group gap="xs">
            <Text size="xs" tt="uppercase" fw={700} c="dimmed" style={{ letterSpacing: 0.4 }}>
              Dispute
            </Text>
            <StatusBadge status={dispute.status} />
            {resolution && (
              <Badge variant="outline" color={resolution.color}>
                {resolution.label}
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            Opened {formatDate(dispute.createdAt)}
            {dispute.resolvedAt && ` · Resolved ${formatDate(dispute.resolvedAt)}`}
          </Text>
        </Group>

        {open && (
          <Text size="sm" c="dimmed">
            This line is on hold (not payable) until the ISP’s finance team resolves the dispute.
          </Text>
        )}
        {dispute.resolution === 'UPHELD' && (
          <Alert color="green" variant="light" p="xs">
            <Text size="sm">
              The ISP agreed
              {dispute.correctedAmount && (
                <>
                  {' '}and corrected the line to <b>{formatMoney(dispute.correctedAmount)}</b>
                </>
              )}
              . The difference is paid as an adjustment line in the first open period.
            </Text>
          </Alert>
        )}

        <Stack gap="xs">
          {dispute.messages.map((message) => (
            <Message key={message.id} message={message} />
          ))}
        </Stack>

        {problem && (
          <Alert color="orange" variant="light" title={problem.title} withCloseButton onClose={() => setProblem(null)} data-testid="reply-problem">
            <Stack gap={6}>
              <Text size="sm">{problem.message}</Text>
              <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                Your text: “{problem.unsent}”
              </Text>
            </Stack>
          </Alert>
        )}

        {open ? (
          <Box pt={4}>
            <ReplyBox disputeId={dispute.id} onStale={onStale} onProblem={setProblem} />
          </Box>
        ) : (
          <Text size="xs" c="dimmed">
            This dispute is closed. If something still looks wrong, dispute the line again.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
