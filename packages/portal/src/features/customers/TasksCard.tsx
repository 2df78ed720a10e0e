import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import type { CustomerTasks_TaskFragment } from '../../gql/graphql';
import { formatDateTime } from '../../ui';
import { formatDay } from '../onboarding/labels';
import { isOverdue, StageBadge, TASK_TYPE_LABELS } from './labels';

type TasksCardProps = {
  /** Open ones first, then by due date (the api's order). */
  tasks: readonly CustomerTasks_TaskFragment[];
  onComplete: (task: CustomerTasks_TaskFragment) => void;
};

/** The tasks lifecycle moves created (welcome sequence, retention intervention, exit survey …). */
export function TasksCard({ tasks, onComplete }: TasksCardProps) {
  const open = tasks.filter((task) => task.status === 'OPEN').length;
  return (
    <Card withBorder padding="lg" radius="md" data-testid="tasks-card">
      <Text fw={600} size="lg">
        Lifecycle tasks
      </Text>
      <Text size="sm" c="dimmed" mb="sm">
        {tasks.length === 0 ? 'Entering a stage creates its tasks here.' : `${open} open of ${tasks.length}.`}
      </Text>
      <Stack gap={0}>
        {tasks.map((task) => {
          const done = task.status === 'DONE';
          const late = !done && isOverdue(task.dueDate);
          return (
            <Stack key={task.id} gap={4} py="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }} data-testid="customer-task" data-status={task.status}>
              <Group justify="space-between" gap="sm" wrap="nowrap" align="flex-start">
                <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
                  <Text size="sm" fw={600} c={done ? 'dimmed' : undefined} td={done ? 'line-through' : undefined} style={{ overflowWrap: 'anywhere' }}>
                    {task.title}
                  </Text>
                  <Group gap={6} wrap="wrap">
                    <StageBadge stage={task.stage} size="xs" />
                    <Text size="xs" c="dimmed">
                      {TASK_TYPE_LABELS[task.type] ?? task.type}
                    </Text>
                    {!done && (
                      <Text size="xs" c={late ? 'red.7' : 'dimmed'} fw={late ? 600 : undefined}>
                        Due {formatDay(task.dueDate)}
                      </Text>
                    )}
                    {late && (
                      <Badge size="xs" color="red" variant="filled">
                        Overdue
                      </Badge>
                    )}
                  </Group>
                </Stack>
                {done ? (
                  <Badge variant="light" color="teal" size="sm" style={{ flexShrink: 0 }}>
                    Done
                  </Badge>
                ) : (
                  <Button size="xs" variant="light" onClick={() => onComplete(task)} style={{ flexShrink: 0 }} data-testid="complete-customer-task">
                    Mark done
                  </Button>
                )}
              </Group>
              {done && (
                <Text size="xs" c="dimmed">
                  Done {formatDateTime(task.completedAt)}
                  {task.completedBy ? ` by ${task.completedBy}` : ''}
                  {task.note ? ` — ${task.note}` : ''}
                </Text>
              )}
            </Stack>
          );
        })}
      </Stack>
    </Card>
  );
}
