import { Alert, Button, Group, List, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { errorMessage, fieldErrorsOf, hasErrorCode } from '../../app/errors';
import type { ResellerTier } from '../../gql/graphql';
import { useApproveApplication } from './mutations';

const TIERS: { value: ResellerTier; label: string }[] = [
  { value: 'BRONZE', label: 'Bronze' },
  { value: 'SILVER', label: 'Silver' },
  { value: 'GOLD', label: 'Gold' },
  { value: 'PLATINUM', label: 'Platinum' },
];

export type ApprovalResult = {
  alreadyApproved: boolean;
  reseller: { id: string; code: string; companyName: string };
};

type ApproveModalProps = {
  opened: boolean;
  onClose: () => void;
  application: { id: string; companyName: string; contactName: string; contactEmail: string };
  onApproved: (result: ApprovalResult) => void;
  /** A CONFLICT means someone else changed the application: reload it. */
  onConflict: () => void;
};

export function ApproveModal({ opened, onClose, application, onApproved, onConflict }: ApproveModalProps) {
  const [approve, { loading, error, reset }] = useApproveApplication();
  const form = useForm<{ tier: ResellerTier; note: string }>({
    initialValues: { tier: 'BRONZE', note: '' },
    validate: { note: (value) => (value.length > 5000 ? 'At most 5,000 characters' : null) },
  });

  useEffect(() => {
    if (opened) {
      reset();
      form.reset();
    }
    // Only when the dialog opens (`form` and `reset` are new objects on every render).
  }, [opened]);

  async function submit(values: { tier: ResellerTier; note: string }) {
    try {
      const result = await approve({
        variables: { input: { applicationId: application.id, tier: values.tier, note: values.note.trim() || null } },
      });
      const payload = result.data?.approveResellerApplication;
      if (payload) onApproved({ alreadyApproved: payload.alreadyApproved, reseller: payload.reseller });
      onClose();
    } catch (caught) {
      form.setErrors(fieldErrorsOf(caught));
      if (hasErrorCode(caught, 'CONFLICT')) onConflict();
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={600}>Approve {application.companyName}</Text>} size="lg" centered>
      <form onSubmit={form.onSubmit((values) => void submit(values))}>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            Approving creates the reseller and, in one step:
          </Text>
          <List size="sm" spacing={4} withPadding>
            <List.Item>
              invites {application.contactName} ({application.contactEmail}) as the reseller owner, with a link to set a password;
            </List.Item>
            <List.Item>starts the 11-task onboarding checklist;</List.Item>
            <List.Item>emails the welcome to the applicant.</List.Item>
          </List>
          {error && (
            <Alert color="red" variant="light" title={hasErrorCode(error, 'CONFLICT') ? 'Cannot approve' : 'Approval failed'} data-testid="approve-error">
              {errorMessage(error)}
            </Alert>
          )}
          <Select
            label="Starting tier"
            description="Sets the reseller's tier; it can change later."
            data={TIERS}
            allowDeselect={false}
            data-testid="approve-tier"
            {...form.getInputProps('tier')}
          />
          <Textarea
            label="Note"
            description="Optional; kept with the review notes."
            autosize
            minRows={3}
            maxRows={8}
            {...form.getInputProps('note')}
          />
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={onClose} disabled={loading}>
              Cancel
            </Button>
            <Button type="submit" color="green" loading={loading} data-testid="confirm-approve">
              Approve and create reseller
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
