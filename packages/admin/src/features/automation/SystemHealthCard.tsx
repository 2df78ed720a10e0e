import { Badge, Button, Group, List, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import type { AdminSystemHealthQuery } from '../../gql/graphql';
import { formatDateTime, formatNumber, formatRelative, StatGrid } from '../../ui';
import { IconAlert, IconCheck, IconRefresh } from '../../ui/icons';

type Health = AdminSystemHealthQuery['systemHealth'];

/** A count that is bad when above zero: red then, plain otherwise. */
const bad = (value: number) => (value > 0 ? 'red' : undefined);

/** The `systemHealth` check: the verdict, what is wrong, and the figures it looked at. */
export function SystemHealthCard({ health, now, refreshing, onRefresh }: { health: Health; now: number; refreshing: boolean; onRefresh: () => void }) {
  return (
    <Paper withBorder radius="md" bg="white" data-testid="system-health" data-healthy={String(health.healthy)}>
      <Group justify="space-between" px="lg" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }} wrap="wrap" gap="sm">
        <Group gap="sm" wrap="nowrap">
          <Text fw={600}>System health</Text>
          <Badge color={health.healthy ? 'green' : 'red'} variant="filled" data-testid="system-health-badge">
            {health.healthy ? 'Healthy' : 'Unhealthy'}
          </Badge>
        </Group>
        <Group gap="sm" wrap="nowrap">
          <Text size="xs" c="dimmed" title={health.checkedAt} data-testid="system-health-checked-at">
            Checked {formatRelative(health.checkedAt, now)} · {formatDateTime(health.checkedAt)}
          </Text>
          <Button size="xs" variant="default" leftSection={<IconRefresh size={14} />} loading={refreshing} onClick={onRefresh} data-testid="system-health-refresh">
            Refresh
          </Button>
        </Group>
      </Group>
      <Stack gap="md" p="lg">
        {health.problems.length === 0 ? (
          <Group gap="xs" wrap="nowrap">
            <ThemeIcon color="green" variant="light" size="sm" radius="xl">
              <IconCheck size={12} />
            </ThemeIcon>
            <Text size="sm">No problems: every workflow is on time and the email queue is moving.</Text>
          </Group>
        ) : (
          <List
            spacing={4}
            size="sm"
            data-testid="system-health-problems"
            icon={
              <ThemeIcon color="red" variant="light" size="sm" radius="xl">
                <IconAlert size={12} />
              </ThemeIcon>
            }
          >
            {health.problems.map((problem) => (
              <List.Item key={problem}>{problem}</List.Item>
            ))}
          </List>
        )}
        <StatGrid
          cols={7}
          testId="system-health-figures"
          items={[
            { label: 'Emails queued', value: formatNumber(health.emailsQueued), hint: 'waiting to send' },
            {
              label: 'Emails due',
              value: formatNumber(health.emailsDue),
              hint: health.oldestDueEmailMinutes !== null ? `oldest ${formatNumber(health.oldestDueEmailMinutes)} min` : 'none waiting',
              color: health.oldestDueEmailMinutes !== null && health.oldestDueEmailMinutes > 5 ? 'orange' : undefined,
            },
            { label: 'Emails failed', value: formatNumber(health.emailsFailed), hint: 'gave up', color: bad(health.emailsFailed) },
            { label: 'Overdue jobs', value: formatNumber(health.overdueJobs), hint: 'past their next run', color: bad(health.overdueJobs) },
            { label: 'Failing jobs', value: formatNumber(health.failingJobs), hint: 'last attempt failed', color: bad(health.failingJobs) },
            { label: 'Interrupted', value: formatNumber(health.interruptedRuns), hint: 'runs a worker lost', color: bad(health.interruptedRuns) },
            { label: 'Failed runs', value: formatNumber(health.failedRuns24h), hint: 'last 24 h', color: bad(health.failedRuns24h) },
          ]}
        />
      </Stack>
    </Paper>
  );
}
