import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { errorMessage, hasErrorCode } from '../../app/errors';

type ConfirmActionModalProps = {
  opened: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  color?: string;
  loading: boolean;
  /** The mutation's error, shown inside the dialog. */
  error?: unknown;
  onConfirm: () => void;
  confirmTestId: string;
};

/** "Are you sure?" for the commission steps that cannot be undone (approve a run, close a period). */
export function ConfirmActionModal({ opened, onClose, title, children, confirmLabel, color, loading, error, onConfirm, confirmTestId }: ConfirmActionModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={600}>{title}</Text>} centered size="md">
      <Stack gap="md">
        {children}
        {error ? (
          <Alert color="red" variant="light" title={hasErrorCode(error, 'CONFLICT') ? 'Not possible right now' : 'Something went wrong'} data-testid="confirm-error">
            {errorMessage(error)}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={loading}>
            Cancel
          </Button>
          <Button color={color} onClick={onConfirm} loading={loading} data-testid={confirmTestId}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
