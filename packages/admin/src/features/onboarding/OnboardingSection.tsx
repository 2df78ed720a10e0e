import { Alert, Badge, Button, Group, Modal, Progress, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { errorMessage } from '../../app/errors';
import type { OnboardingSection_ChecklistFragment } from '../../gql/graphql';
import { formatDate, formatDateTime, SectionCard } from '../../ui';
import { IconCheck } from '../../ui/icons';
import { canCompleteOnboardingTasks } from '../viewer/permissions';
import { useViewer } from '../viewer/viewer';
import { openPrerequisitesOf, useCompleteOnboardingTask } from './onboarding';

type Checklist = OnboardingSection_ChecklistFragment;
type Task = Checklist['tasks'][number];

/** 'YYYY-MM-DD' dates are calendar days: shown without shifting through the browser's zone. */
export function formatDay(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;
  return formatDate(new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

export function OwnerBadge({ owner }: { owner: string }) {
  return (
    <Badge variant="outline" color={owner === 'ISP' ? 'indigo' : 'teal'} size="sm" style={{ minWidth: 'max-content' }}>
      {owner === 'ISP' ? 'ISP' : 'Partner'}
    </Badge>
  );
}

function CompleteTaskModal({ task, titles, onClose }: { task: Task | null; titles: Map<string, string>; onClose: () => void }) {
  const [note, setNote] = useState('');
  const [complete, { loading, error, reset }] = useCompleteOnboardingTask();

  function close() {
    setNote('');
    reset();
    onClose();
  }

  async function submit() {
    if (!task) return;
    try {
      await complete({ variables: { input: { taskId: task.id, note: note.trim() || null } } });
      notifications.show({ color: 'green', title: 'Task completed', message: task.title });
      close();
    } catch {
      // Shown in the dialog.
    }
  }

  const open = error ? openPrerequisitesOf(error) : [];
  return (
    <Modal opened={task !== null} onClose={close} title={<Text fw={600}>Mark as done</Text>} centered size="md">
      {task && (
        <Stack gap="md">
          <Stack gap={4}>
            <Text fw={600}>{task.title}</Text>
            <Text size="sm" c="dimmed">
              Done when: {task.doneWhen}
            </Text>
          </Stack>
          <Textarea
            label="Note"
            description="Optional: kept with the task and in the reseller's history."
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={2000}
            data-testid="complete-task-note"
          />
          {error ? (
            <Alert color="orange" variant="light" title={open.length ? 'Complete the prerequisites first' : 'Could not complete the task'}>
              <Text size="sm">{errorMessage(error)}</Text>
              {open.length > 0 && (
                <Group gap={6} mt={6}>
                  {open.map((key) => (
                    <Badge key={key} variant="light" color="orange" tt="none">
                      {titles.get(key) ?? key}
                    </Badge>
                  ))}
                </Group>
              )}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} disabled={loading}>
              Cancel
            </Button>
            <Button leftSection={<IconCheck size={16} />} onClick={() => void submit()} loading={loading} data-testid="confirm-complete-task">
              Mark as done
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

export function OnboardingSection({ checklist }: { checklist: Checklist }) {
  const { role } = useViewer();
  const mayComplete = canCompleteOnboardingTasks(role);
  const [completing, setCompleting] = useState<Task | null>(null);
  const titles = new Map(checklist.tasks.map((task) => [task.key, task.title]));
  const done = checklist.tasks.filter((task) => task.status === 'COMPLETED').length;

  return (
    <div data-testid="onboarding-section">
      <SectionCard
        title="Onboarding"
        aside={
          <Group gap="xs">
            {checklist.overdueCount > 0 && (
              <Badge color="red" variant="light" data-testid="onboarding-overdue-count">
                {checklist.overdueCount} overdue
              </Badge>
            )}
            <Text size="sm" c="dimmed">
              Target {formatDay(checklist.targetDate)}
            </Text>
          </Group>
        }
      >
        <Stack gap="md">
          <Stack gap={4}>
            <Group justify="space-between">
              <Text size="sm" fw={600}>
                {checklist.progressPercent}% complete
              </Text>
              <Text size="xs" c="dimmed">
                {done} of {checklist.tasks.length} tasks
              </Text>
            </Group>
            <Progress
              value={checklist.progressPercent}
              color={checklist.progressPercent === 100 ? 'green' : checklist.overdueCount > 0 ? 'orange' : 'indigo'}
              size="lg"
              radius="xl"
              aria-label="Onboarding progress"
              data-testid="onboarding-progress"
            />
          </Stack>
          {checklist.tasks.length === 0 ? (
            <Text size="sm" c="dimmed">
              No onboarding tasks.
            </Text>
          ) : (
            <Stack gap={0}>
              {checklist.tasks.map((task) => {
                const completed = task.status === 'COMPLETED';
                const blocked = task.blockedBy.length > 0;
                return (
                  <Group
                    key={task.id}
                    justify="space-between"
                    align="flex-start"
                    wrap="nowrap"
                    py="sm"
                    style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
                    data-testid="onboarding-task"
                    data-key={task.key}
                    data-status={task.status}
                  >
                    <Stack gap={4} miw={0}>
                      <Group gap="xs" wrap="wrap">
                        {completed ? (
                          <IconCheck size={16} color="var(--mantine-color-green-7)" />
                        ) : null}
                        <Text size="sm" fw={600} c={completed ? 'dimmed' : undefined} td={completed ? 'line-through' : undefined}>
                          {task.title}
                        </Text>
                        <OwnerBadge owner={task.owner} />
                        {task.overdue && (
                          <Badge color="red" variant="filled" size="sm">
                            Overdue
                          </Badge>
                        )}
                      </Group>
                      <Text size="xs" c="dimmed">
                        {completed
                          ? `Completed ${formatDateTime(task.completedAt)}${task.completedBy ? ` by ${task.completedBy}` : ''}`
                          : `Due ${formatDay(task.dueDate)} · done when: ${task.doneWhen}`}
                      </Text>
                      {task.note && (
                        <Text size="xs" fs="italic">
                          “{task.note}”
                        </Text>
                      )}
                      {!completed && blocked && (
                        <Group gap={4}>
                          <Text size="xs" c="dimmed">
                            Waiting for:
                          </Text>
                          {task.blockedBy.map((key) => (
                            <Badge key={key} size="xs" variant="default" tt="none" fw={500}>
                              {titles.get(key) ?? key}
                            </Badge>
                          ))}
                        </Group>
                      )}
                    </Stack>
                    {!completed && task.owner === 'ISP' && mayComplete && (
                      <Button
                        size="xs"
                        variant="light"
                        disabled={blocked}
                        title={blocked ? 'Complete its prerequisites first' : undefined}
                        onClick={() => setCompleting(task)}
                        style={{ flexShrink: 0 }}
                        data-testid={`complete-task-${task.key}`}
                      >
                        Mark as done
                      </Button>
                    )}
                  </Group>
                );
              })}
            </Stack>
          )}
        </Stack>
      </SectionCard>
      {mayComplete && <CompleteTaskModal task={completing} titles={titles} onClose={() => setCompleting(null)} />}
    </div>
  );
}
