import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { applyFieldErrors, errorCode, messageForCode } from '../../app/errors';
import type { CustomerStage } from '../../gql/graphql';
import { ErrorState } from '../../ui';
import { STAGE_EFFECTS, StageBadge, stageLabel } from './labels';
import { useMoveCustomerStage } from './useMoveCustomerStage';

export const MOVE_REASON_MAX = 500;

type MoveStageModalProps = {
  customer: { id: string; name: string; stage: CustomerStage };
  /** The stage to move to; null keeps the modal closed. */
  to: CustomerStage | null;
  onClose: () => void;
  /** Refetches the customer (its stage changed elsewhere). */
  onStale: () => void;
};

/** Confirms a lifecycle move, with an optional reason recorded on the timeline. */
export function MoveStageModal({ customer, to, onClose, onStale }: MoveStageModalProps) {
  return (
    <Modal opened={to !== null} onClose={onClose} title={to ? `Move to ${stageLabel(to)}` : 'Move'} centered size="lg">
      {to && <MoveForm customer={customer} to={to} onClose={onClose} onStale={onStale} />}
    </Modal>
  );
}

function MoveForm({ customer, to, onClose, onStale }: Omit<MoveStageModalProps, 'to'> & { to: CustomerStage }) {
  const [move, { loading }] = useMoveCustomerStage();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [unexpected, setUnexpected] = useState<unknown>(null);
  const form = useForm<{ reason: string }>({
    initialValues: { reason: '' },
    validate: { reason: (value) => (value.trim().length > MOVE_REASON_MAX ? `At most ${MOVE_REASON_MAX} characters` : null) },
  });

  async function handleSubmit(values: { reason: string }) {
    setRefusal(null);
    setUnexpected(null);
    const reason = values.reason.trim();
    try {
      await move({ variables: { input: { customerId: customer.id, to, reason: reason || null } } });
      notifications.show({ color: 'green', title: 'Stage changed', message: `${customer.name} is now ${stageLabel(to)}.` });
      onClose();
    } catch (error) {
      const code = errorCode(error);
      if (code === 'CONFLICT') {
        // The transition table refused the move (the stage changed since the page was loaded).
        setRefusal(messageForCode(error, 'CONFLICT') ?? 'This move is not allowed.');
        onStale();
      } else if (code === 'BAD_USER_INPUT' && applyFieldErrors(error, ['reason'], form.setFieldError)?.length === 0) {
        // Shown on the field.
      } else {
        setUnexpected(error);
      }
    }
  }

  return (
    <form onSubmit={form.onSubmit(handleSubmit)} noValidate>
      <Stack gap="md">
        <Group gap="xs" wrap="wrap">
          <Text size="sm">{customer.name}:</Text>
          <StageBadge stage={customer.stage} />
          <Text size="sm" c="dimmed">
            →
          </Text>
          <StageBadge stage={to} />
        </Group>
        {STAGE_EFFECTS[to] && (
          <Text size="sm" c="dimmed">
            {STAGE_EFFECTS[to]}
          </Text>
        )}
        <Textarea
          label="Reason"
          description="Optional; shown on the customer’s lifecycle timeline."
          autosize
          minRows={2}
          maxRows={6}
          maxLength={MOVE_REASON_MAX}
          data-autofocus
          data-testid="move-reason"
          {...form.getInputProps('reason')}
        />
        {refusal && (
          <Alert color="orange" variant="light" title="The move was refused" data-testid="move-refused">
            {refusal}
          </Alert>
        )}
        {unexpected !== null && <ErrorState error={unexpected} title="Could not move the customer" />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={loading}>
            {refusal ? 'Close' : 'Cancel'}
          </Button>
          {!refusal && (
            <Button type="submit" loading={loading} data-testid="confirm-move">
              Move to {stageLabel(to)}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
