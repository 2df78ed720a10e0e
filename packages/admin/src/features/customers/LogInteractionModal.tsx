import { Alert, Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { errorMessage, fieldErrorsOf } from '../../app/errors';
import type { InteractionOutcome, InteractionType } from '../../gql/graphql';
import { humanizeEnum } from '../../ui/labels';
import { todayDay, useLogCustomerInteraction } from './customers';
import { INTERACTION_OUTCOMES, INTERACTION_TYPES, interactionTypeLabel } from './stages';

type Values = {
  type: string;
  occurredOn: string;
  durationMinutes: number | string;
  outcome: string;
  satisfaction: number | string;
  followUpOn: string;
  notes: string;
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function initialValues(): Values {
  return { type: 'SALES_CALL', occurredOn: todayDay(), durationMinutes: '', outcome: 'POSITIVE', satisfaction: '', followUpOn: '', notes: '' };
}

/** Logs a call, meeting, ticket… with its outcome, a 1–10 satisfaction and an optional follow-up. */
export function LogInteractionModal({ opened, onClose, customer }: { opened: boolean; onClose: () => void; customer: { id: string; name: string } }) {
  const [log, { loading, error, reset }] = useLogCustomerInteraction();
  const form = useForm<Values>({
    initialValues: initialValues(),
    validate: {
      type: (value) => (value ? null : 'Choose the kind of interaction'),
      outcome: (value) => (value ? null : 'Choose the outcome'),
      occurredOn: (value) => {
        if (!DAY.test(value)) return 'Use a date YYYY-MM-DD';
        return value > todayDay() ? 'Cannot be in the future' : null;
      },
      followUpOn: (value, values) => {
        if (!value) return null;
        if (!DAY.test(value)) return 'Use a date YYYY-MM-DD';
        return value < values.occurredOn ? 'Cannot be before the interaction' : null;
      },
      notes: (value) => (value.length > 5000 ? 'At most 5,000 characters' : null),
    },
  });

  useEffect(() => {
    if (opened) {
      reset();
      form.setValues(initialValues());
      form.clearErrors();
    }
    // Only when the dialog opens.
  }, [opened]);

  async function submit(values: Values) {
    try {
      await log({
        variables: {
          input: {
            customerId: customer.id,
            type: values.type as InteractionType,
            outcome: values.outcome as InteractionOutcome,
            occurredOn: values.occurredOn,
            durationMinutes: typeof values.durationMinutes === 'number' ? values.durationMinutes : null,
            satisfaction: typeof values.satisfaction === 'number' ? values.satisfaction : null,
            followUpOn: values.followUpOn || null,
            notes: values.notes.trim() || null,
          },
        },
      });
      notifications.show({ color: 'green', title: 'Interaction logged', message: `${interactionTypeLabel(values.type)} with ${customer.name}.` });
      onClose();
    } catch (caught) {
      form.setErrors(fieldErrorsOf(caught));
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={600}>Log an interaction with {customer.name}</Text>} size="lg" centered>
      <form onSubmit={form.onSubmit((values) => void submit(values))}>
        <Stack gap="md">
          {error && (
            <Alert color="orange" variant="light" title="Could not log the interaction" data-testid="interaction-error">
              {errorMessage(error)}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Select
              label="Type"
              required
              data={INTERACTION_TYPES.map((value) => ({ value, label: interactionTypeLabel(value) }))}
              allowDeselect={false}
              data-testid="interaction-type"
              {...form.getInputProps('type')}
            />
            <Select
              label="Outcome"
              required
              data={INTERACTION_OUTCOMES.map((value) => ({ value, label: humanizeEnum(value) }))}
              allowDeselect={false}
              data-testid="interaction-outcome"
              {...form.getInputProps('outcome')}
            />
            <TextInput type="date" label="Date" required max={todayDay()} data-testid="interaction-date" {...form.getInputProps('occurredOn')} />
            <NumberInput label="Duration (minutes)" min={0} max={1440} allowDecimal={false} allowNegative={false} data-testid="interaction-duration" {...form.getInputProps('durationMinutes')} />
            <NumberInput
              label="Satisfaction (1–10)"
              min={1}
              max={10}
              clampBehavior="strict"
              allowDecimal={false}
              allowNegative={false}
              data-testid="interaction-satisfaction"
              {...form.getInputProps('satisfaction')}
            />
            <TextInput type="date" label="Follow up on" description="Optional: listed until marked done." data-testid="interaction-follow-up" {...form.getInputProps('followUpOn')} />
          </SimpleGrid>
          <Textarea label="Notes" autosize minRows={3} maxRows={8} data-testid="interaction-notes" {...form.getInputProps('notes')} />
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={onClose} disabled={loading}>
              Cancel
            </Button>
            <Button type="submit" loading={loading} data-testid="confirm-interaction">
              Log interaction
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
