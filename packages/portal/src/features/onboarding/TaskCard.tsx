import { Badge, Box, Button, Card, Group, Paper, Stack, Text, ThemeIcon, Tooltip } from '@mantine/core';
import type { OnboardingTaskCard_TaskFragment } from '../../gql/graphql';
import { formatDateTime } from '../../ui';
import { categoryLabel, effortLabel, formatDay, priorityColor, priorityLabel } from './labels';

type TaskCardProps = {
  task: OnboardingTaskCard_TaskFragment;
  /** 1-based place in the checklist. */
  step: number;
  /** Every task of the checklist, by key (prerequisites are shown by title with their status). */
  tasksByKey: ReadonlyMap<string, OnboardingTaskCard_TaskFragment>;
  onComplete: (task: OnboardingTaskCard_TaskFragment) => void;
  /** Below the `sm` breakpoint the action moves under the task, full width. */
  phone: boolean;
};

function titleOf(key: string, tasksByKey: TaskCardProps['tasksByKey']): string {
  return tasksByKey.get(key)?.title ?? key;
}

function Label({ children }: { children: string }) {
  return (
    <Text size="xs" tt="uppercase" fw={600} c="dimmed" style={{ letterSpacing: 0.4 }}>
      {children}
    </Text>
  );
}

/** One checklist task: what it is, who does it, when it is due, what it waits for, and its outcome. */
export function TaskCard({ task, step, tasksByKey, onComplete, phone }: TaskCardProps) {
  const done = task.status === 'COMPLETED';
  const partnerTask = task.owner === 'RESELLER';
  const blocked = !done && task.blockedBy.length > 0;
  const waitingFor = task.blockedBy.map((key) => titleOf(key, tasksByKey));

  let action = null;
  if (!done && partnerTask) {
    action = (
      <Stack gap={4} align={phone ? 'stretch' : 'flex-end'} maw={phone ? undefined : 240}>
        <Button
          onClick={() => onComplete(task)}
          disabled={blocked}
          variant={blocked ? 'default' : 'filled'}
          fullWidth={phone}
          data-testid={`complete-task-${task.key}`}
        >
          Mark as done
        </Button>
        {blocked && (
          <Text size="xs" c="dimmed" ta={phone ? 'left' : 'right'}>
            Waiting for {waitingFor.join(', ')}
          </Text>
        )}
      </Stack>
    );
  } else if (!done) {
    action = (
      <Text size="sm" c="dimmed" ta={phone ? 'left' : 'right'} maw={phone ? undefined : 200} fs="italic">
        Your partner manager completes this
      </Text>
    );
  }

  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      data-testid={`task-${task.key}`}
      data-status={task.status}
      style={done ? { background: 'var(--mantine-color-gray-0)' } : task.overdue ? { borderColor: 'var(--mantine-color-red-3)' } : undefined}
    >
      <Group align="flex-start" gap="md" wrap="nowrap">
        <ThemeIcon
          size={32}
          radius="xl"
          variant={done ? 'filled' : 'light'}
          color={done ? 'teal' : task.overdue ? 'red' : partnerTask ? 'indigo' : 'gray'}
          aria-label={done ? 'Completed' : `Step ${step}`}
          style={{ flexShrink: 0 }}
        >
          <Text size="sm" fw={700} inherit>
            {done ? '✓' : step}
          </Text>
        </ThemeIcon>

        <Stack gap="sm" style={{ flex: 1, minWidth: 0 }}>
          <Group justify="space-between" align="flex-start" gap="sm">
            <Stack gap={6} style={{ flex: '1 1 260px', minWidth: 0 }}>
              <Group gap={8} wrap="wrap" align="center">
                <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {task.title}
                </Text>
                <Tooltip label={partnerTask ? 'You complete this task' : 'The ISP completes this task'} withArrow>
                  <Badge variant={partnerTask ? 'filled' : 'light'} color={partnerTask ? 'indigo' : 'grape'} size="sm">
                    {partnerTask ? 'You' : 'ISP'}
                  </Badge>
                </Tooltip>
                {done && (
                  <Badge variant="light" color="teal" size="sm">
                    Done
                  </Badge>
                )}
                {task.overdue && (
                  <Badge variant="filled" color="red" size="sm" data-testid={`overdue-${task.key}`}>
                    Overdue
                  </Badge>
                )}
              </Group>
              <Group gap={6} wrap="wrap">
                <Badge variant="outline" color="gray" size="sm" fw={500} tt="none">
                  {categoryLabel(task.category)}
                </Badge>
                <Badge variant="light" color={priorityColor(task.priority)} size="sm" fw={500} tt="none">
                  {priorityLabel(task.priority)}
                </Badge>
                <Text size="xs" c="dimmed">
                  About {effortLabel(task.effortHours)}
                </Text>
                <Text size="xs" c={task.overdue ? 'red.7' : 'dimmed'} fw={task.overdue ? 600 : undefined}>
                  Due {formatDay(task.dueDate)}
                </Text>
              </Group>
            </Stack>
            {action && !phone && <Box style={{ flex: '0 1 auto', marginLeft: 'auto' }}>{action}</Box>}
          </Group>

          <Text size="sm">
            <Text span c="dimmed" inherit>
              Done when:{' '}
            </Text>
            {task.doneWhen}
          </Text>

          {task.prerequisites.length > 0 && (
            <Group gap={6} wrap="wrap" align="center">
              <Label>After</Label>
              {task.prerequisites.map((key) => {
                const prerequisiteDone = tasksByKey.get(key)?.status === 'COMPLETED';
                return (
                  <Badge
                    key={key}
                    variant="light"
                    color={prerequisiteDone ? 'teal' : 'orange'}
                    radius="sm"
                    tt="none"
                    fw={500}
                    leftSection={prerequisiteDone ? '✓' : '○'}
                    data-testid={`prerequisite-${task.key}-${key}`}
                    data-done={prerequisiteDone}
                  >
                    {titleOf(key, tasksByKey)}
                    {prerequisiteDone ? '' : ' · open'}
                  </Badge>
                );
              })}
            </Group>
          )}

          {done && (
            <Paper withBorder radius="sm" p="xs" bg="white">
              <Text size="sm" c="teal.8">
                Completed {formatDateTime(task.completedAt)}
                {task.completedBy ? ` by ${task.completedBy}` : ''}
              </Text>
              {task.note && (
                <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  <Text span c="dimmed" inherit>
                    Note:{' '}
                  </Text>
                  {task.note}
                </Text>
              )}
            </Paper>
          )}

          {action && phone && action}
        </Stack>
      </Group>
    </Card>
  );
}
