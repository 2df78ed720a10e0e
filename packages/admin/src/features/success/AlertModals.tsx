import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { errorMessage, fieldErrorsOf } from '../../app/errors';
import type { InterventionType } from '../../gql/graphql';
import { todayDay } from '../customers/customers';
import { useViewer } from '../viewer/viewer';
import { addDays, alertRuleLabel, INTERVENTION_TYPES, interventionTypeLabel } from './health';
import { usePlanIntervention, useRefetchOnConflict, useResolveAlert } from './success';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

type AlertRef = { id: string; rule: string; message: string; reseller: { id: string; code: string; companyName: string } };

/** Closes an alert by hand with a note (a recompute also resolves it when its condition clears). */
export function ResolveAlertModal({ alert, onClose }: { alert: AlertRef | null; onClose: () => void }) {
  const [resolve, { loading, error, reset }] = useResolveAlert();
  const refetchOnConflict = useRefetchOnConflict();
  const form = useForm({
    initialValues: { note: '' },
    validate: { note: (value) => (!value.trim() ? 'Say how it was resolved' : value.length > 2000 ? 'At most 2,000 characters' : null) },
  });

  useEffect(() => {
    if (alert) {
      reset();
      form.setValues({ note: '' });
      form.clearErrors();
    }
    // Only when the dialog opens.
  }, [alert?.id]);

  async function submit(values: { note: string }) {
    if (!alert) return;
    try {
      await resolve({ variables: { input: { alertId: alert.id, note: values.note.trim() } } });
      notifications.show({ color: 'green', title: 'Alert resolved', message: `${alertRuleLabel(alert.rule)} · ${alert.reseller.code}` });
      onClose();
    } catch (caught) {
      form.setErrors(fieldErrorsOf(caught));
      refetchOnConflict(caught);
    }
  }

  return (
    <Modal opened={alert !== null} onClose={onClose} title={<Text fw={600}>Resolve alert</Text>} centered>
      {alert && (
        <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate>
          <Stack gap="md">
            <Text size="sm">
              <b>{alert.reseller.code}</b> {alert.reseller.companyName}: {alert.message}
            </Text>
            {error && (
              <Alert color="orange" variant="light" title="Could not resolve the alert" data-testid="resolve-alert-error">
                {errorMessage(error)}
              </Alert>
            )}
            <Textarea label="Resolution" description="Kept with the alert." required autosize minRows={3} maxRows={8} data-autofocus data-testid="resolve-note" {...form.getInputProps('note')} />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={onClose} disabled={loading}>
                Cancel
              </Button>
              <Button type="submit" loading={loading} data-testid="confirm-resolve">
                Resolve
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

type PlanValues = { type: string; owner: string; dueDate: string; notes: string };

/**
 * Plans an intervention from an alert (the api acknowledges the alert) or for a reseller. The
 * reseller's score now is kept as "score before"; the score when it is done becomes "after".
 */
export function PlanInterventionModal({
  opened,
  onClose,
  reseller,
  alert,
}: {
  opened: boolean;
  onClose: () => void;
  reseller: { id: string; code: string; companyName: string };
  alert?: AlertRef | null;
}) {
  const viewer = useViewer();
  const [plan, { loading, error, reset }] = usePlanIntervention();
  const initial = (): PlanValues => ({ type: 'CHECK_IN_CALL', owner: viewer.user?.name ?? '', dueDate: addDays(todayDay(), 7), notes: '' });
  const form = useForm<PlanValues>({
    initialValues: initial(),
    validate: {
      type: (value) => (value ? null : 'Choose what to do'),
      owner: (value) => (!value.trim() ? 'Who does it?' : value.length > 200 ? 'At most 200 characters' : null),
      dueDate: (value) => (!DAY.test(value) ? 'Use a date YYYY-MM-DD' : value < todayDay() ? 'Cannot be in the past' : null),
      notes: (value) => (value.length > 5000 ? 'At most 5,000 characters' : null),
    },
  });

  useEffect(() => {
    if (opened) {
      reset();
      form.setValues(initial());
      form.clearErrors();
    }
    // Only when the dialog opens.
  }, [opened]);

  async function submit(values: PlanValues) {
    try {
      await plan({
        variables: {
          input: {
            ...(alert ? { alertId: alert.id } : { resellerId: reseller.id }),
            type: values.type as InterventionType,
            owner: values.owner.trim(),
            dueDate: values.dueDate,
            notes: values.notes.trim() || null,
          },
        },
      });
      notifications.show({ color: 'green', title: 'Intervention planned', message: `${interventionTypeLabel(values.type)} for ${reseller.code}, due ${values.dueDate}.` });
      onClose();
    } catch (caught) {
      form.setErrors(fieldErrorsOf(caught));
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={600}>Plan an intervention for {reseller.code}</Text>} size="lg" centered>
      <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate>
        <Stack gap="md">
          {alert && (
            <Text size="sm" c="dimmed">
              For the alert “{alert.message}” (it is acknowledged when the intervention is planned).
            </Text>
          )}
          {error && (
            <Alert color="orange" variant="light" title="Could not plan the intervention" data-testid="plan-intervention-error">
              {errorMessage(error)}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <Select
              label="Type"
              required
              data={INTERVENTION_TYPES.map((value) => ({ value, label: interventionTypeLabel(value) }))}
              allowDeselect={false}
              data-testid="intervention-type"
              {...form.getInputProps('type')}
            />
            <TextInput label="Owner" placeholder="Who does it" required data-testid="intervention-owner" {...form.getInputProps('owner')} />
            <TextInput type="date" label="Due" required min={todayDay()} data-testid="intervention-due" {...form.getInputProps('dueDate')} />
          </SimpleGrid>
          <Textarea label="Notes" autosize minRows={3} maxRows={8} data-testid="intervention-notes" {...form.getInputProps('notes')} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={loading}>
              Cancel
            </Button>
            <Button type="submit" loading={loading} data-testid="confirm-plan-intervention">
              Plan intervention
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
