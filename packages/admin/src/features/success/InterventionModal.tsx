import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { errorMessage, fieldErrorsOf } from '../../app/errors';
import type { InterventionStatus, SuccessInterventionRow_InterventionFragment } from '../../gql/graphql';
import { humanizeEnum } from '../../ui/labels';
import { interventionTypeLabel, nextInterventionStatuses } from './health';
import { useRefetchOnConflict, useUpdateIntervention } from './success';

type Values = { status: string; outcome: string };

/** Moves an intervention on: in progress, done (with its outcome; the score now is kept as "after") or cancelled. */
export function UpdateInterventionModal({ intervention, onClose }: { intervention: SuccessInterventionRow_InterventionFragment | null; onClose: () => void }) {
  const [update, { loading, error, reset }] = useUpdateIntervention();
  const refetchOnConflict = useRefetchOnConflict();
  const options = intervention ? nextInterventionStatuses(intervention.status) : [];
  const form = useForm<Values>({
    initialValues: { status: '', outcome: '' },
    validate: {
      status: (value) => (value ? null : 'Choose the new status'),
      outcome: (value, values) =>
        values.status === 'DONE' && !value.trim() ? 'Say what came of it (required when done)' : value.length > 5000 ? 'At most 5,000 characters' : null,
    },
  });

  useEffect(() => {
    if (intervention) {
      reset();
      form.setValues({ status: options[0] ?? '', outcome: intervention.outcome ?? '' });
      form.clearErrors();
    }
    // Only when the dialog opens.
  }, [intervention?.id]);

  async function submit(values: Values) {
    if (!intervention) return;
    try {
      await update({ variables: { input: { interventionId: intervention.id, status: values.status as InterventionStatus, outcome: values.outcome.trim() || null } } });
      notifications.show({
        color: values.status === 'CANCELLED' ? 'gray' : 'green',
        title: 'Intervention updated',
        message: `${interventionTypeLabel(intervention.type)} for ${intervention.reseller.code} is ${humanizeEnum(values.status).toLowerCase()}.`,
      });
      onClose();
    } catch (caught) {
      form.setErrors(fieldErrorsOf(caught));
      refetchOnConflict(caught);
    }
  }

  return (
    <Modal opened={intervention !== null} onClose={onClose} title={<Text fw={600}>Update intervention</Text>} centered>
      {intervention && (
        <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate>
          <Stack gap="md">
            <Text size="sm">
              {interventionTypeLabel(intervention.type)} for <b>{intervention.reseller.code}</b> {intervention.reseller.companyName}, owned by {intervention.owner}.
            </Text>
            {error && (
              <Alert color="orange" variant="light" title="Could not update the intervention" data-testid="update-intervention-error">
                {errorMessage(error)}
              </Alert>
            )}
            <Select
              label="New status"
              required
              data={options.map((value) => ({ value, label: humanizeEnum(value) }))}
              allowDeselect={false}
              data-testid="intervention-status"
              {...form.getInputProps('status')}
            />
            <Textarea
              label="Outcome"
              description={form.values.status === 'DONE' ? 'Required when done. The score now is kept as the score after.' : 'Optional.'}
              required={form.values.status === 'DONE'}
              autosize
              minRows={3}
              maxRows={8}
              data-testid="intervention-outcome"
              {...form.getInputProps('outcome')}
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={onClose} disabled={loading}>
                Cancel
              </Button>
              <Button type="submit" loading={loading} data-testid="confirm-update-intervention">
                Save
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
