import { Alert, Button, Group, Modal, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { applyFieldErrors, errorCode, messageForCode } from '../../app/errors';
import type { CommissionLines_LineFragment } from '../../gql/graphql';
import { ErrorState } from '../../ui';
import { DISPUTE_MESSAGE_MAX, disputeMessageError } from './DisputeThread';
import { formatMoney, formatPeriod } from './format';
import { lineSubject, sentence } from './labels';
import { useDisputeCommissionLine } from './useDisputeCommissionLine';

type DisputeModalProps = {
  /** The line being disputed; null keeps the modal closed. */
  line: CommissionLines_LineFragment | null;
  onClose: () => void;
  /** Expands the line to show its thread: after the dispute was opened, or found open already. */
  onShowLine: (lineId: string) => void;
  /** Refetches the period's lines (the line changed elsewhere: CONFLICT or NOT_FOUND). */
  onStale: () => void;
};

/** The partner disputes one commission line with a message to the ISP's finance team. */
export function DisputeModal({ line, onClose, onShowLine, onStale }: DisputeModalProps) {
  // The modal unmounts its content when closed, so each opening starts with an empty message.
  return (
    <Modal opened={line !== null} onClose={onClose} title="Dispute this commission line" centered size="lg">
      {line && <DisputeForm line={line} onClose={onClose} onShowLine={onShowLine} onStale={onStale} />}
    </Modal>
  );
}

type Problem = { title: string; message: string };

function DisputeForm({ line, onClose, onShowLine, onStale }: Omit<DisputeModalProps, 'line'> & { line: CommissionLines_LineFragment }) {
  const [dispute, { loading }] = useDisputeCommissionLine();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [unexpected, setUnexpected] = useState<unknown>(null);
  const form = useForm<{ message: string }>({
    initialValues: { message: '' },
    validate: { message: disputeMessageError },
  });

  async function handleSubmit(values: { message: string }) {
    setProblem(null);
    setUnexpected(null);
    try {
      await dispute({ variables: { input: { lineId: line.id, message: values.message.trim() } } });
      notifications.show({
        color: 'green',
        title: 'Dispute sent',
        message: 'The ISP’s finance team will answer in the dispute thread under the line.',
      });
      onShowLine(line.id);
      onClose();
    } catch (error) {
      const code = errorCode(error);
      if (code === 'CONFLICT') {
        setProblem({
          title: 'This line cannot be disputed now',
          message: `${sentence(messageForCode(error, 'CONFLICT') ?? 'The line changed meanwhile')} The lines have been refreshed.`,
        });
        onStale();
        onShowLine(line.id);
      } else if (code === 'NOT_FOUND') {
        setProblem({
          title: 'This line no longer exists',
          message: 'The ISP may have recalculated this period since the page was loaded. The lines have been refreshed; check the new amounts.',
        });
        onStale();
      } else if (code === 'BAD_USER_INPUT' && applyFieldErrors(error, ['message'], form.setFieldError)?.length === 0) {
        // Shown on the field.
      } else {
        setUnexpected(error);
      }
    }
  }

  const stale = problem !== null;

  return (
    <form onSubmit={form.onSubmit(handleSubmit)} noValidate>
      <Stack gap="md">
        <Paper withBorder radius="md" p="sm" bg="gray.0">
          <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                {lineSubject(line)}
              </Text>
              <Text size="xs" c="dimmed">
                {formatPeriod(line.period)} · {line.plan}
              </Text>
            </Stack>
            <Text fw={700} style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
              {formatMoney(line.amount)}
            </Text>
          </Group>
          <Text size="xs" c="dimmed" mt={6} style={{ overflowWrap: 'anywhere' }}>
            {line.trace}
          </Text>
        </Paper>
        <Textarea
          label="What do you believe is wrong?"
          description="E.g. a payment that is missing, a wrong amount or rate. The line is on hold until the ISP answers."
          required
          withAsterisk
          autosize
          minRows={4}
          maxRows={10}
          maxLength={DISPUTE_MESSAGE_MAX}
          data-autofocus
          data-testid="dispute-message"
          {...form.getInputProps('message')}
        />
        {problem && (
          <Alert color="orange" variant="light" title={problem.title} data-testid="dispute-problem">
            {problem.message}
          </Alert>
        )}
        {unexpected !== null && <ErrorState error={unexpected} title="Could not send the dispute" />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={loading}>
            {stale ? 'Close' : 'Cancel'}
          </Button>
          {!stale && (
            <Button type="submit" color="orange" loading={loading} data-testid="confirm-dispute">
              Send dispute
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
