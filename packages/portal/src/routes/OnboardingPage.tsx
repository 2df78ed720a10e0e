import { useQuery } from '@apollo/client/react';
import { Alert, Badge, Card, Divider, Group, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMemo, useState, type ReactNode } from 'react';
import { plural } from '../features/commissions/format';
import { CompleteTaskModal } from '../features/onboarding/CompleteTaskModal';
import { formatDay } from '../features/onboarding/labels';
import { PortalOnboardingQueryDocument } from '../features/onboarding/queries';
import { TaskCard } from '../features/onboarding/TaskCard';
import type { OnboardingTaskCard_TaskFragment } from '../gql/graphql';
import { EmptyState, ErrorState, LoadingState, PageHeader, StatusBadge } from '../ui';

const TITLE = 'Onboarding';
const DESCRIPTION = 'The steps that activate your partner account. Mark your tasks as done here; your partner manager completes the ISP’s.';

function Stat({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={4} style={{ minWidth: 0 }}>
      <Text size="xs" tt="uppercase" fw={600} c="dimmed" style={{ letterSpacing: 0.4 }}>
        {label}
      </Text>
      {children}
    </Stack>
  );
}

export function OnboardingPage() {
  const { data, loading, error, refetch } = useQuery(PortalOnboardingQueryDocument);
  const [completing, setCompleting] = useState<OnboardingTaskCard_TaskFragment | null>(null);
  // Below Mantine's `sm` breakpoint (48em): each task's action goes under it, full width.
  const phone = useMediaQuery('(max-width: 47.99em)') ?? false;
  const checklist = data?.myOnboarding;

  const tasks = useMemo(() => [...(checklist?.tasks ?? [])].sort((a, b) => a.position - b.position), [checklist]);
  const tasksByKey = useMemo(() => new Map(tasks.map((task) => [task.key, task])), [tasks]);

  if (!checklist) {
    return (
      <>
        <PageHeader title={TITLE} description={DESCRIPTION} />
        {loading ? (
          <LoadingState label="Loading your onboarding checklist…" />
        ) : (
          <ErrorState error={error} title="Could not load your onboarding checklist" onRetry={() => void refetch()} />
        )}
      </>
    );
  }

  const doneCount = tasks.filter((task) => task.status === 'COMPLETED').length;
  const allDone = tasks.length > 0 && doneCount === tasks.length;
  const yourOpen = tasks.filter((task) => task.owner === 'RESELLER' && task.status !== 'COMPLETED');
  const yourReady = yourOpen.filter((task) => task.blockedBy.length === 0);
  const status = checklist.reseller.status;

  return (
    <>
      <PageHeader title={TITLE} description={DESCRIPTION} />
      <Stack gap="lg">
        {allDone && status === 'ACTIVE' && (
          <Alert color="green" variant="light" title="Onboarding complete" data-testid="onboarding-complete">
            Every task is done and your partner account is active. Welcome aboard!
          </Alert>
        )}

        <Card withBorder padding="lg" radius="md" data-testid="onboarding-progress">
          <Stack gap="md">
            <Group justify="space-between" align="flex-end" gap="sm">
              <Stack gap={2}>
                <Text fw={700} fz={26} lh={1.15} data-testid="onboarding-done-count">
                  {doneCount} of {plural(tasks.length, 'task')} done
                </Text>
                <Text size="sm" c="dimmed">
                  {allDone
                    ? 'Nothing left to do.'
                    : yourOpen.length === 0
                      ? 'Your tasks are done; your partner manager completes the rest.'
                      : `${plural(yourOpen.length, 'task')} for you, ${yourReady.length} of them ready to do now.`}
                </Text>
              </Stack>
              <Text fw={700} fz={26} lh={1.15} c={allDone ? 'teal.7' : undefined} data-testid="onboarding-percent">
                {checklist.progressPercent} %
              </Text>
            </Group>
            <Progress
              value={checklist.progressPercent}
              size="lg"
              radius="xl"
              color={allDone ? 'teal' : 'indigo'}
              aria-label={`Onboarding ${checklist.progressPercent} % done`}
            />
            <Divider />
            <SimpleGrid cols={{ base: 2, xs: 3 }} spacing="lg" verticalSpacing="md">
              <Stat label="Target date">
                <Text fw={600}>{formatDay(checklist.targetDate)}</Text>
              </Stat>
              <Stat label="Overdue">
                <Group gap={6}>
                  {checklist.overdueCount > 0 ? (
                    <Badge color="red" variant="filled" data-testid="onboarding-overdue">
                      {plural(checklist.overdueCount, 'task')} overdue
                    </Badge>
                  ) : (
                    <Badge color="teal" variant="light" data-testid="onboarding-overdue">
                      None overdue
                    </Badge>
                  )}
                </Group>
              </Stat>
              <Stat label="Account status">
                <Group gap={6}>
                  <StatusBadge status={status} />
                </Group>
              </Stat>
            </SimpleGrid>
          </Stack>
        </Card>

        <Stack gap={2}>
          <Text fw={600} size="lg">
            Checklist
          </Text>
          <Text size="sm" c="dimmed">
            In the order to work through it. A task opens once the tasks it comes after are done; tasks marked{' '}
            <Badge component="span" size="xs" color="indigo" variant="filled">
              You
            </Badge>{' '}
            are yours, those marked{' '}
            <Badge component="span" size="xs" color="grape" variant="light">
              ISP
            </Badge>{' '}
            your partner manager completes.
          </Text>
        </Stack>

        {tasks.length === 0 ? (
          <EmptyState title="No onboarding tasks" description="Your partner manager has not set up an onboarding checklist for your account." />
        ) : (
          <Stack gap="sm">
            {tasks.map((task, index) => (
              <TaskCard key={task.id} task={task} step={index + 1} tasksByKey={tasksByKey} onComplete={setCompleting} phone={phone} />
            ))}
          </Stack>
        )}
      </Stack>

      <CompleteTaskModal task={completing} tasksByKey={tasksByKey} onClose={() => setCompleting(null)} onStale={() => void refetch()} />
    </>
  );
}
