import { Alert, Button, Group, Modal, NativeSelect, NumberInput, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { applyFieldErrors, errorCode, messageForCode } from '../../app/errors';
import type { InteractionOutcome, InteractionType } from '../../gql/graphql';
import { ErrorState } from '../../ui';
import { optionsOf } from '../applications/labels';
import { INTERACTION_OUTCOME_LABELS, INTERACTION_TYPE_LABELS, todayDay } from './labels';
import { useLogCustomerInteraction } from './useLogCustomerInteraction';

export const INTERACTION_NOTES_MAX = 5000;

type LogInteractionValues = {
  type: InteractionType | '';
  occurredOn: string;
  durationMinutes: number | string;
  outcome: InteractionOutcome | '';
  satisfaction: number | string;
  notes: string;
  followUpOn: string;
};

const FIELDS = ['type', 'occurredOn', 'durationMinutes', 'outcome', 'satisfaction', 'notes', 'followUpOn'] as const satisfies readonly (keyof LogInteractionValues)[];

/** Fields are found by label in browser tests; required ones carry aria-required without ` *`. */
const REQUIRED = { required: true, withAsterisk: false } as const;
const CHOOSE = { value: '', label: 'Choose one…', disabled: true };
const TYPE_OPTIONS = [CHOOSE, ...optionsOf(INTERACTION_TYPE_LABELS)];
const OUTCOME_OPTIONS = [CHOOSE, ...optionsOf(INTERACTION_OUTCOME_LABELS)];

const DAY = /^\d{4}-\d{2}-\d{2}$/;

type LogInteractionModalProps = {
  customer: { id: string; name: string };
  opened: boolean;
  onClose: () => void;
};

/** Logs a call, email, meeting, ticket … with its outcome, rating and an optional follow-up date. */
export function LogInteractionModal({ customer, opened, onClose }: LogInteractionModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={`Log an interaction with ${customer.name}`} centered size="lg">
      {opened && <LogForm customer={customer} onClose={onClose} />}
    </Modal>
  );
}

/** For a NumberInput's optional value ('' when empty): a whole number within [min, max]. */
function optionalWhole(min: number, max: number, message: string) {
  return (value: number | string): string | null => {
    if (value === '' || value === null || value === undefined) return null;
    const number = Number(value);
    return Number.isInteger(number) && number >= min && number <= max ? null : message;
  };
}

function LogForm({ customer, onClose }: Omit<LogInteractionModalProps, 'opened'>) {
  const [log, { loading }] = useLogCustomerInteraction();
  const [alert, setAlert] = useState<string | null>(null);
  const [unexpected, setUnexpected] = useState<unknown>(null);
  const form = useForm<LogInteractionValues>({
    initialValues: { type: '', occurredOn: todayDay(), durationMinutes: '', outcome: '', satisfaction: '', notes: '', followUpOn: '' },
    validateInputOnBlur: true,
    // Mirrors the api's rules (interaction.service.ts); its fieldErrors land on the same fields.
    validate: {
      type: (value) => (value ? null : 'Required'),
      occurredOn: (value) => (!DAY.test(value) ? 'Use a date YYYY-MM-DD' : value > todayDay() ? 'Cannot be in the future' : null),
      durationMinutes: optionalWhole(0, 24 * 60, 'Whole minutes, at most a day'),
      outcome: (value) => (value ? null : 'Required'),
      satisfaction: optionalWhole(1, 10, 'From 1 to 10'),
      notes: (value) => (value.trim().length > INTERACTION_NOTES_MAX ? `At most ${INTERACTION_NOTES_MAX.toLocaleString('en-US')} characters` : null),
      followUpOn: (value, values) =>
        !value ? null : !DAY.test(value) ? 'Use a date YYYY-MM-DD' : value < values.occurredOn ? 'Cannot be before the interaction' : null,
    },
  });

  async function handleSubmit(values: LogInteractionValues) {
    setAlert(null);
    setUnexpected(null);
    try {
      await log({
        variables: {
          input: {
            customerId: customer.id,
            type: values.type as InteractionType,
            occurredOn: values.occurredOn,
            durationMinutes: values.durationMinutes === '' ? null : Number(values.durationMinutes),
            outcome: values.outcome as InteractionOutcome,
            satisfaction: values.satisfaction === '' ? null : Number(values.satisfaction),
            notes: values.notes.trim() || null,
            followUpOn: values.followUpOn || null,
          },
        },
      });
      notifications.show({ color: 'green', title: 'Interaction logged', message: `Logged for ${customer.name}.` });
      onClose();
    } catch (error) {
      const code = errorCode(error);
      const unmatched = code === 'BAD_USER_INPUT' ? applyFieldErrors(error, FIELDS, form.setFieldError) : null;
      if (unmatched) {
        setAlert(unmatched.length > 0 ? unmatched.join(' ') : 'Please check the highlighted fields.');
      } else if (code === 'BAD_USER_INPUT' || code === 'NOT_FOUND') {
        setAlert(messageForCode(error, code) ?? 'The interaction could not be logged.');
      } else {
        setUnexpected(error);
      }
    }
  }

  return (
    <form onSubmit={form.onSubmit(handleSubmit)} noValidate data-testid="log-interaction-form">
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="md">
          <NativeSelect label="Type" {...REQUIRED} data={TYPE_OPTIONS} data-autofocus {...form.getInputProps('type')} />
          <TextInput label="Date" type="date" {...REQUIRED} max={todayDay()} {...form.getInputProps('occurredOn')} />
          <NativeSelect label="Outcome" {...REQUIRED} data={OUTCOME_OPTIONS} {...form.getInputProps('outcome')} />
          <NumberInput label="Duration (minutes)" placeholder="Optional" min={0} max={24 * 60} allowDecimal={false} {...form.getInputProps('durationMinutes')} />
          <NumberInput
            label="Satisfaction (1–10)"
            placeholder="Optional: how satisfied the customer seemed"
            min={1}
            max={10}
            allowDecimal={false}
            {...form.getInputProps('satisfaction')}
          />
          <TextInput
            label="Follow-up date"
            type="date"
            min={form.values.occurredOn || undefined}
            {...form.getInputProps('followUpOn')}
          />
        </SimpleGrid>
        <Text size="xs" c="dimmed" mt={-6}>
          Optional fields may stay empty. A follow-up date lists the follow-up under “Due this week” until you mark it done.
        </Text>
        <Textarea label="Notes" placeholder="Optional" autosize minRows={3} maxRows={8} maxLength={INTERACTION_NOTES_MAX} {...form.getInputProps('notes')} />
        {alert && (
          <Alert color="red" variant="light" title="The interaction was not logged" data-testid="log-interaction-problem">
            {alert}
          </Alert>
        )}
        {unexpected !== null && <ErrorState error={unexpected} title="Could not log the interaction" />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={loading}>
            Cancel
          </Button>
          <Button type="submit" loading={loading} data-testid="confirm-log-interaction">
            Log interaction
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
