import { Alert, Button, Group, Modal, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { applyFieldErrors, errorCode } from '../../app/errors';
import type { OnboardingTaskCard_TaskFragment } from '../../gql/graphql';
import { ErrorState } from '../../ui';
import { useCompleteOnboardingTask } from './useCompleteOnboardingTask';

export const TASK_NOTE_MAX = 2000;

type CompleteTaskModalProps = {
  /** The task being completed; null keeps the modal closed. */
  task: OnboardingTaskCard_TaskFragment | null;
  /** Every task of the checklist, by key (to name open prerequisites by title). */
  tasksByKey: ReadonlyMap<string, OnboardingTaskCard_TaskFragment>;
  onClose: () => void;
  /** Refetches the checklist (it changed elsewhere: prerequisites reopened, task gone). */
  onStale: () => void;
};

/** The partner confirms one of its tasks is done, with an optional note for the partner manager. */
export function CompleteTaskModal({ task, tasksByKey, onClose, onStale }: CompleteTaskModalProps) {
  // The modal unmounts its content when closed, so each opening starts with an empty note.
  return (
    <Modal opened={task !== null} onClose={onClose} title="Mark task as done" centered size="lg">
      {task && <CompleteForm task={task} tasksByKey={tasksByKey} onClose={onClose} onStale={onStale} />}
    </Modal>
  );
}

type Problem = { title: string; message: string };

/** The keys in BAD_USER_INPUT's `extensions.openPrerequisites`, or null when it has none. */
function openPrerequisitesOf(error: unknown): string[] | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  const raw = error.errors.find((e) => e.extensions?.['code'] === 'BAD_USER_INPUT')?.extensions?.['openPrerequisites'];
  return Array.isArray(raw) ? raw.filter((key): key is string => typeof key === 'string') : null;
}

function CompleteForm({ task, tasksByKey, onClose, onStale }: Omit<CompleteTaskModalProps, 'task'> & { task: OnboardingTaskCard_TaskFragment }) {
  const [complete, { loading }] = useCompleteOnboardingTask();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [unexpected, setUnexpected] = useState<unknown>(null);
  const form = useForm<{ note: string }>({
    initialValues: { note: '' },
    validate: { note: (value) => (value.trim().length > TASK_NOTE_MAX ? `At most ${TASK_NOTE_MAX.toLocaleString('en-US')} characters` : null) },
  });

  async function handleSubmit(values: { note: string }) {
    setProblem(null);
    setUnexpected(null);
    const note = values.note.trim();
    try {
      const result = await complete({ variables: { input: { taskId: task.id, note: note || null } } });
      const checklist = result.data?.completeOnboardingTask.checklist;
      const activated = checklist?.reseller.status === 'ACTIVE' && checklist.progressPercent === 100;
      notifications.show({
        color: 'green',
        title: activated ? 'Onboarding complete' : 'Task done',
        message: activated ? 'Every task is done: your partner account is now active.' : `“${task.title}” is marked as done.`,
      });
      onClose();
    } catch (error) {
      const code = errorCode(error);
      const open = code === 'BAD_USER_INPUT' ? openPrerequisitesOf(error) : null;
      if (open && open.length > 0) {
        const titles = open.map((key) => tasksByKey.get(key)?.title ?? key);
        setProblem({
          title: 'Other tasks come first',
          message: `Complete ${titles.join(', ')} first. The checklist has been refreshed.`,
        });
        onStale();
      } else if (code === 'FORBIDDEN') {
        setProblem({
          title: 'You cannot complete this task',
          // The api's wording mentions the ISP's admin console; the partner only needs to know who does it.
          message: 'Your partner manager completes this task; it will show as done here once they have.',
        });
      } else if (code === 'NOT_FOUND') {
        setProblem({
          title: 'This task no longer exists',
          message: 'The checklist may have changed since the page was loaded. It has been refreshed.',
        });
        onStale();
      } else if (code === 'BAD_USER_INPUT' && applyFieldErrors(error, ['note'], form.setFieldError)?.length === 0) {
        // Shown on the field.
      } else {
        setUnexpected(error);
      }
    }
  }

  const stale = problem !== null;

  return (
    <form onSubmit={form.onSubmit(handleSubmit)} noValidate>
      <Stack gap="md">
        <Paper withBorder radius="md" p="sm" bg="gray.0">
          <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
            {task.title}
          </Text>
          <Text size="sm" mt={4}>
            <Text span c="dimmed" inherit>
              Done when:{' '}
            </Text>
            {task.doneWhen}
          </Text>
        </Paper>
        <Text size="sm">Confirm that this task is done. Your partner manager sees who completed it and when.</Text>
        <Textarea
          label="Note"
          description="Optional, e.g. where to find the signed document or the quiz score."
          autosize
          minRows={3}
          maxRows={8}
          maxLength={TASK_NOTE_MAX}
          data-autofocus
          data-testid="complete-note"
          {...form.getInputProps('note')}
        />
        {problem && (
          <Alert color="orange" variant="light" title={problem.title} data-testid="complete-problem">
            {problem.message}
          </Alert>
        )}
        {unexpected !== null && <ErrorState error={unexpected} title="Could not complete the task" />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={loading}>
            {stale ? 'Close' : 'Cancel'}
          </Button>
          {!stale && (
            <Button type="submit" loading={loading} data-testid="confirm-complete">
              Mark as done
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
