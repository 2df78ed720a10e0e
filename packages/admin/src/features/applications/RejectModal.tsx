import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { errorMessage, fieldErrorsOf, hasErrorCode } from '../../app/errors';
import { useRejectApplication } from './mutations';

const MIN_REASON = 5;
const MAX_REASON = 2000;

type RejectModalProps = {
  opened: boolean;
  onClose: () => void;
  application: { id: string; companyName: string; contactEmail: string };
  onRejected: () => void;
  onConflict: () => void;
};

export function RejectModal({ opened, onClose, application, onRejected, onConflict }: RejectModalProps) {
  const [reject, { loading, error, reset }] = useRejectApplication();
  const form = useForm({
    initialValues: { reason: '' },
    validate: {
      reason: (value) => {
        const text = value.trim();
        if (text.length < MIN_REASON) return `Give the applicant a reason (at least ${MIN_REASON} characters)`;
        if (text.length > MAX_REASON) return `At most ${MAX_REASON.toLocaleString('en-US')} characters`;
        return null;
      },
    },
  });

  useEffect(() => {
    if (opened) {
      reset();
      form.reset();
    }
    // Only when the dialog opens.
  }, [opened]);

  async function submit(values: { reason: string }) {
    try {
      await reject({ variables: { input: { applicationId: application.id, reason: values.reason.trim() } } });
      onRejected();
      onClose();
    } catch (caught) {
      form.setErrors(fieldErrorsOf(caught));
      if (hasErrorCode(caught, 'CONFLICT')) onConflict();
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={600}>Reject {application.companyName}</Text>} size="lg" centered>
      <form onSubmit={form.onSubmit((values) => void submit(values))}>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            The applicant ({application.contactEmail}) is emailed this reason. A rejected application cannot be reopened;
            they may apply again.
          </Text>
          {error && (
            <Alert color="red" variant="light" title={hasErrorCode(error, 'CONFLICT') ? 'Cannot reject' : 'Rejection failed'} data-testid="reject-error">
              {errorMessage(error)}
            </Alert>
          )}
          <Textarea
            label="Reason"
            placeholder="E.g. Your territory is already covered by an existing partner."
            required
            autosize
            minRows={4}
            maxRows={10}
            data-autofocus
            data-testid="reject-reason"
            {...form.getInputProps('reason')}
          />
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={onClose} disabled={loading}>
              Cancel
            </Button>
            <Button type="submit" color="red" loading={loading} data-testid="confirm-reject">
              Reject application
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
