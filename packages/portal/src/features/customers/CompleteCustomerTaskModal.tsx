import { Alert, Button, Group, Modal, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { applyFieldErrors, errorCode, messageForCode } from '../../app/errors';
import type { CustomerTasks_TaskFragment } from '../../gql/graphql';
import { ErrorState } from '../../ui';
import { sentence } from '../commissions/labels';
import { formatDay } from '../onboarding/labels';
import { TASK_TYPE_LABELS } from './labels';
import { useCompleteCustomerTask } from './useCompleteCustomerTask';

export const CUSTOMER_TASK_NOTE_MAX = 2000;

type CompleteCustomerTaskModalProps = {
  /** The task being completed; null keeps the modal closed. */
  task: CustomerTasks_TaskFragment | null;
  onClose: () => void;
  onStale: () => void;
};

/** Marks a lifecycle task done, with an optional note (what was done, the survey's answer …). */
export function CompleteCustomerTaskModal({ task, onClose, onStale }: CompleteCustomerTaskModalProps) {
  return (
    <Modal opened={task !== null} onClose={onClose} title="Mark task as done" centered size="lg">
      {task && <CompleteForm task={task} onClose={onClose} onStale={onStale} />}
    </Modal>
  );
}

function CompleteForm({ task, onClose, onStale }: Omit<CompleteCustomerTaskModalProps, 'task'> & { task: CustomerTasks_TaskFragment }) {
  const [complete, { loading }] = useCompleteCustomerTask();
  const [problem, setProblem] = useState<string | null>(null);
  const [unexpected, setUnexpected] = useState<unknown>(null);
  const form = useForm<{ note: string }>({
    initialValues: { note: '' },
    validate: { note: (value) => (value.trim().length > CUSTOMER_TASK_NOTE_MAX ? `At most ${CUSTOMER_TASK_NOTE_MAX.toLocaleString('en-US')} characters` : null) },
  });

  async function handleSubmit(values: { note: string }) {
    setProblem(null);
    setUnexpected(null);
    const note = values.note.trim();
    try {
      await complete({ variables: { input: { taskId: task.id, note: note || null } } });
      notifications.show({ color: 'green', title: 'Task done', message: `“${task.title}” is marked as done.` });
      onClose();
    } catch (error) {
      const code = errorCode(error);
      if (code === 'CONFLICT' || code === 'NOT_FOUND') {
        setProblem(messageForCode(error, code ?? '') ?? 'The task changed since the page was loaded.');
        onStale();
      } else if (code === 'BAD_USER_INPUT' && applyFieldErrors(error, ['note'], form.setFieldError)?.length === 0) {
        // Shown on the field.
      } else {
        setUnexpected(error);
      }
    }
  }

  return (
    <form onSubmit={form.onSubmit(handleSubmit)} noValidate>
      <Stack gap="md">
        <Paper withBorder radius="md" p="sm" bg="gray.0">
          <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
            {task.title}
          </Text>
          <Text size="sm" c="dimmed" mt={4}>
            {TASK_TYPE_LABELS[task.type] ?? task.type} · due {formatDay(task.dueDate)}
          </Text>
        </Paper>
        <Textarea
          label="Note"
          description="Optional, e.g. what was agreed or the survey’s answer."
          autosize
          minRows={3}
          maxRows={8}
          maxLength={CUSTOMER_TASK_NOTE_MAX}
          data-autofocus
          data-testid="customer-task-note"
          {...form.getInputProps('note')}
        />
        {problem && (
          <Alert color="orange" variant="light" title="Could not mark the task as done" data-testid="customer-task-problem">
            {sentence(problem)} The customer has been refreshed.
          </Alert>
        )}
        {unexpected !== null && <ErrorState error={unexpected} title="Could not complete the task" />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={loading}>
            {problem ? 'Close' : 'Cancel'}
          </Button>
          {!problem && (
            <Button type="submit" loading={loading} data-testid="confirm-customer-task">
              Mark as done
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
