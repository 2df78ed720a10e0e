import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { Alert, Button, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { errorMessage, fieldErrorsOf, hasErrorCode } from '../../app/errors';
import type { CustomerStage } from '../../gql/graphql';
import { useMoveCustomerStage } from './customers';
import { StageBadge, STAGE_HINTS, stageLabel } from './stages';

type MoveStageModalProps = {
  opened: boolean;
  onClose: () => void;
  customer: { id: string; name: string; stage: CustomerStage; allowedNextStages: readonly CustomerStage[] };
  /** Preselects a stage (the button the user clicked). */
  initialStage?: CustomerStage | null;
  /** The move was refused because the customer changed meanwhile: reload it. */
  onConflict: () => void;
};

/** `extensions.allowedStages` of a refused move (the table changed under us). */
function allowedStagesOf(error: unknown): string[] {
  if (!CombinedGraphQLErrors.is(error)) return [];
  for (const e of error.errors) {
    const allowed = e.extensions?.['allowedStages'];
    if (Array.isArray(allowed)) return allowed.filter((s): s is string => typeof s === 'string');
  }
  return [];
}

const MAX_REASON = 1000;

export function MoveStageModal({ opened, onClose, customer, initialStage, onConflict }: MoveStageModalProps) {
  const [move, { loading, error, reset }] = useMoveCustomerStage();
  const options = customer.allowedNextStages;
  const form = useForm<{ to: string; reason: string }>({
    initialValues: { to: '', reason: '' },
    validate: {
      to: (value) => (value ? null : 'Choose the next stage'),
      reason: (value) => (value.trim().length > MAX_REASON ? 'At most 1,000 characters' : null),
    },
  });

  useEffect(() => {
    if (opened) {
      reset();
      form.setValues({ to: initialStage ?? options[0] ?? '', reason: '' });
      form.clearErrors();
    }
    // Only when the dialog opens.
  }, [opened]);

  async function submit(values: { to: string; reason: string }) {
    const to = values.to as CustomerStage;
    try {
      await move({ variables: { input: { customerId: customer.id, to, reason: values.reason.trim() || null } } });
      notifications.show({ color: to === 'CHURNED' ? 'red' : 'green', title: 'Stage changed', message: `${customer.name} is now ${stageLabel(to).toLowerCase()}.` });
      onClose();
    } catch (caught) {
      form.setErrors(fieldErrorsOf(caught));
      if (hasErrorCode(caught, 'CONFLICT')) onConflict();
    }
  }

  const allowed = error ? allowedStagesOf(error) : [];
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={600}>Move {customer.name}</Text>} size="lg" centered>
      <form onSubmit={form.onSubmit((values) => void submit(values))}>
        <Stack gap="md">
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              Current stage
            </Text>
            <StageBadge stage={customer.stage} />
          </Group>
          {error && (
            <Alert color={hasErrorCode(error, 'CONFLICT') ? 'orange' : 'red'} variant="light" title="Cannot move the customer" data-testid="move-error">
              <Text size="sm">{errorMessage(error)}</Text>
              {allowed.length > 0 && (
                <Text size="sm" mt={4}>
                  Allowed now: {allowed.map(stageLabel).join(', ')}.
                </Text>
              )}
            </Alert>
          )}
          <Radio.Group label="Move to" required {...form.getInputProps('to')}>
            <Stack gap="sm" mt="xs">
              {options.map((stage) => (
                <Radio.Card
                  key={stage}
                  value={stage}
                  p="sm"
                  radius="md"
                  data-testid={`stage-option-${stage}`}
                  style={{ borderColor: form.values.to === stage ? 'var(--mantine-color-indigo-5)' : undefined }}
                >
                  <Group wrap="nowrap" align="flex-start" gap="sm">
                    <Radio.Indicator mt={2} />
                    <div>
                      <StageBadge stage={stage} />
                      {STAGE_HINTS[stage] && (
                        <Text size="xs" c="dimmed" mt={4}>
                          {STAGE_HINTS[stage]}
                        </Text>
                      )}
                    </div>
                  </Group>
                </Radio.Card>
              ))}
            </Stack>
          </Radio.Group>
          <Textarea
            label="Reason"
            description="Optional: kept with the move in the customer's lifecycle."
            autosize
            minRows={2}
            maxRows={6}
            data-testid="move-reason"
            {...form.getInputProps('reason')}
          />
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={onClose} disabled={loading}>
              Cancel
            </Button>
            <Button type="submit" color={form.values.to === 'CHURNED' ? 'red' : undefined} loading={loading} data-testid="confirm-move">
              {form.values.to ? `Move to ${stageLabel(form.values.to).toLowerCase()}` : 'Move'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
