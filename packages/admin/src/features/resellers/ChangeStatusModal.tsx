import { useMutation } from '@apollo/client/react';
import { Alert, Button, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { errorMessage, fieldErrorsOf, hasErrorCode } from '../../app/errors';
import { graphql } from '../../gql';
import type { ResellerStatus } from '../../gql/graphql';
import { StatusBadge } from '../../ui';
import { humanizeEnum } from '../../ui/labels';
import { NEXT_RESELLER_STATUSES, STATUS_CHANGE_HINTS } from './status';

const AdminUpdateResellerStatusMutation = graphql(`
  mutation AdminUpdateResellerStatus($input: UpdateResellerStatusInput!) {
    updateResellerStatus(input: $input) {
      reseller {
        id
        status
        statusChangedAt
        history {
          ...HistoryTimeline_events
        }
        users {
          id
          status
        }
      }
    }
  }
`);

export function useUpdateResellerStatus() {
  return useMutation(AdminUpdateResellerStatusMutation, { refetchQueries: ['AdminResellers'] });
}

type ChangeStatusModalProps = {
  opened: boolean;
  onClose: () => void;
  reseller: { id: string; code: string; companyName: string; status: ResellerStatus };
  onChanged: (status: ResellerStatus) => void;
  onConflict: () => void;
};

const MAX_REASON = 2000;

export function ChangeStatusModal({ opened, onClose, reseller, onChanged, onConflict }: ChangeStatusModalProps) {
  const [update, { loading, error, reset }] = useUpdateResellerStatus();
  const options = NEXT_RESELLER_STATUSES[reseller.status];
  const form = useForm<{ status: string; reason: string }>({
    initialValues: { status: options[0] ?? '', reason: '' },
    validate: {
      status: (value) => (value ? null : 'Choose the new status'),
      reason: (value) => {
        const text = value.trim();
        if (!text) return 'Give a reason; it is kept in the audit trail';
        if (text.length > MAX_REASON) return 'At most 2,000 characters';
        return null;
      },
    },
  });

  useEffect(() => {
    if (opened) {
      reset();
      form.setValues({ status: options[0] ?? '', reason: '' });
      form.clearErrors();
    }
    // Only when the dialog opens (`form` and `reset` are new objects on every render).
  }, [opened]);

  async function submit(values: { status: string; reason: string }) {
    const status = values.status as ResellerStatus;
    try {
      await update({ variables: { input: { resellerId: reseller.id, status, reason: values.reason.trim() } } });
      onChanged(status);
      onClose();
    } catch (caught) {
      form.setErrors(fieldErrorsOf(caught));
      if (hasErrorCode(caught, 'CONFLICT')) onConflict();
    }
  }

  const terminating = form.values.status === 'TERMINATED';

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={
        <Text fw={600}>
          Change status of {reseller.code} · {reseller.companyName}
        </Text>
      }
      size="lg"
      centered
    >
      <form onSubmit={form.onSubmit((values) => void submit(values))}>
        <Stack gap="md">
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              Current status
            </Text>
            <StatusBadge status={reseller.status} />
          </Group>
          {error && (
            <Alert color="red" variant="light" title={hasErrorCode(error, 'CONFLICT') ? 'Cannot change the status' : 'Status change failed'} data-testid="status-error">
              {errorMessage(error)}
            </Alert>
          )}
          <Radio.Group label="New status" required {...form.getInputProps('status')}>
            <Stack gap="sm" mt="xs">
              {options.map((status) => (
                <Radio.Card
                  key={status}
                  value={status}
                  p="sm"
                  radius="md"
                  data-testid={`status-option-${status}`}
                  style={{ borderColor: form.values.status === status ? 'var(--mantine-color-indigo-5)' : undefined }}
                >
                  <Group wrap="nowrap" align="flex-start" gap="sm">
                    <Radio.Indicator mt={2} />
                    <div>
                      <Text size="sm" fw={600}>
                        {humanizeEnum(status)}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {STATUS_CHANGE_HINTS[status]}
                      </Text>
                    </div>
                  </Group>
                </Radio.Card>
              ))}
            </Stack>
          </Radio.Group>
          <Textarea
            label="Reason"
            description="Kept in the reseller's history with your name."
            required
            autosize
            minRows={3}
            maxRows={8}
            data-testid="status-reason"
            {...form.getInputProps('reason')}
          />
          {terminating && (
            <Alert color="red" variant="light" title="Termination is final">
              {reseller.companyName}'s portal users will be disabled and signed out at once.
            </Alert>
          )}
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={onClose} disabled={loading}>
              Cancel
            </Button>
            <Button type="submit" color={terminating ? 'red' : undefined} loading={loading} data-testid="confirm-status">
              {form.values.status ? `Change to ${humanizeEnum(form.values.status).toLowerCase()}` : 'Change status'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
