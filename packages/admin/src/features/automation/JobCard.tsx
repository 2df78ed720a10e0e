import { Alert, Badge, Button, Code, Collapse, Group, Loader, Paper, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import { useState } from 'react';
import type { JobCard_JobFragment, JobRunSummary_RunFragment } from '../../gql/graphql';
import { formatDateTime, formatDuration, formatNumber, formatRelative, StatusBadge } from '../../ui';
import { IconChevronDown, IconChevronRight, IconPencil, IconPlay } from '../../ui/icons';
import { jobTriggerLabel } from '../../ui/labels';
import { describeCron, isInterval, scheduleText } from './schedule';

function Cell({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={2} miw={0} data-testid={testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} style={{ letterSpacing: 0.4 }}>
        {label}
      </Text>
      {children}
    </Stack>
  );
}

const dash = (
  <Text size="sm" c="dimmed">
    —
  </Text>
);

/** "in 5 minutes" over "Mar 4, 2025, 2:00 AM"; the exact instant on hover. */
function When({ value, now, testId }: { value: string | null | undefined; now: number; testId?: string }) {
  if (!value) return <span data-testid={testId} data-value="">{dash}</span>;
  return (
    <Stack gap={0} data-testid={testId} data-value={value} title={value}>
      <Text size="sm" fw={500}>
        {formatRelative(value, now)}
      </Text>
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {formatDateTime(value)}
      </Text>
    </Stack>
  );
}

function runFacts(run: JobRunSummary_RunFragment): string {
  const facts = [jobTriggerLabel(run.trigger)];
  if (run.attempt > 1) facts.push(`attempt ${run.attempt}`);
  if (run.durationMs !== null) facts.push(formatDuration(run.durationMs));
  return facts.join(' · ');
}

type JobCardProps = {
  job: JobCard_JobFragment;
  now: number;
  onRunNow: () => void;
  runningNow: boolean;
  onEditSchedule: () => void;
};

/** One workflow: what it does, when it runs, how its last run went, and its recent failures. */
export function JobCard({ job, now, onRunNow, runningNow, onEditSchedule }: JobCardProps) {
  const [failuresOpen, setFailuresOpen] = useState(false);
  const schedule = job.schedule;
  const paused = !!schedule && !schedule.enabled;
  const words = schedule?.cron ? describeCron(schedule.cron) : null;
  const lastRun = job.lastRun;

  let stateBadge: ReactNode;
  if (!job.scheduled) stateBadge = <Badge color="violet" variant="light">On events</Badge>;
  else if (!schedule) stateBadge = <Badge color="gray" variant="outline">Not set up</Badge>;
  else if (paused) stateBadge = <Badge color="gray" variant="filled">Paused</Badge>;
  else stateBadge = <Badge color="green" variant="light">Enabled</Badge>;

  const editButton = (
    <Button size="xs" variant="default" leftSection={<IconPencil size={14} />} onClick={onEditSchedule} disabled={!schedule} data-testid="edit-schedule">
      Edit schedule
    </Button>
  );

  return (
    <Paper withBorder radius="md" bg="white" data-testid="job-card" data-workflow={job.workflow}>
      <Group justify="space-between" align="flex-start" px="lg" pt="md" pb="sm" gap="sm" wrap="wrap">
        <Stack gap={4} miw={0} style={{ flex: '1 1 420px' }}>
          <Group gap="xs" wrap="wrap">
            <Text fw={650} size="md" data-testid="job-title">
              {job.title}
            </Text>
            <Code fz="xs" data-testid="job-workflow">
              {job.workflow}
            </Code>
            <span data-testid="job-state">{stateBadge}</span>
            {schedule?.running && (
              <Badge color="yellow" variant="light" leftSection={<Loader size={10} color="yellow" />}>
                Running
              </Badge>
            )}
            {job.pending > 0 && (
              <Tooltip label={job.nextPendingAt ? `Next one ${formatDateTime(job.nextPendingAt)}` : 'Waiting for a worker'} withArrow>
                <Badge color="blue" variant="light" data-testid="job-pending">
                  {job.pending} queued
                </Badge>
              </Tooltip>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {job.description}
          </Text>
        </Stack>
        <Group gap="xs" wrap="nowrap">
          <Button size="xs" leftSection={<IconPlay size={14} />} onClick={onRunNow} loading={runningNow} data-testid="run-now">
            Run now
          </Button>
          {job.scheduled ? (
            schedule ? editButton : <Tooltip label="A worker creates the schedule when it starts">{editButton}</Tooltip>
          ) : null}
        </Group>
      </Group>

      <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 5 }} spacing="lg" verticalSpacing="md" px="lg" pb="md">
        <Cell label="Schedule" testId="job-schedule">
          {schedule?.cron ? (
            <>
              <Text size="sm" ff="monospace" fw={500} style={{ whiteSpace: 'nowrap' }}>
                {schedule.cron}
              </Text>
              <Text size="xs" c="dimmed">
                {words ? `${words}, ` : ''}
                {schedule.timezone}
              </Text>
            </>
          ) : (
            <>
              <Text size="sm" fw={500}>
                {scheduleText(job)}
              </Text>
              <Text size="xs" c="dimmed">
                {!job.scheduled ? 'and run now' : isInterval(schedule) ? 'while emails wait' : 'no worker has started yet'}
              </Text>
            </>
          )}
        </Cell>
        <Cell label="Next run">
          {paused ? (
            <Text size="sm" c="dimmed" data-testid="job-next-run" data-value="">
              Paused
            </Text>
          ) : job.scheduled ? (
            <When value={schedule?.nextRunAt} now={now} testId="job-next-run" />
          ) : job.nextPendingAt ? (
            <When value={job.nextPendingAt} now={now} testId="job-next-run" />
          ) : (
            <Text size="sm" c="dimmed" data-testid="job-next-run" data-value="">
              When an event comes
            </Text>
          )}
        </Cell>
        <Cell label="Last run" testId="job-last-run">
          {lastRun ? (
            <Stack gap={2} data-status={lastRun.status} data-run-id={lastRun.id} data-trigger={lastRun.trigger} data-testid="job-last-run-detail">
              <Group gap={6} wrap="nowrap">
                <StatusBadge status={lastRun.status} />
                <Text size="sm" fw={500} title={lastRun.startedAt} style={{ whiteSpace: 'nowrap' }}>
                  {formatRelative(lastRun.startedAt, now)}
                </Text>
              </Group>
              <Text size="xs" c="dimmed">
                {runFacts(lastRun)}
              </Text>
            </Stack>
          ) : (
            <Text size="sm" c="dimmed" data-testid="job-last-run-detail" data-status="">
              {job.workflow === 'email-delivery' ? 'Idle runs are not recorded' : 'Never'}
            </Text>
          )}
        </Cell>
        <Cell label="Last success">
          <When value={job.lastSuccessAt} now={now} testId="job-last-success" />
        </Cell>
        <Cell label="Failures 24 h" testId="job-failures">
          <Text size="sm" fw={600} c={job.failuresLast24h > 0 ? 'red' : undefined}>
            {formatNumber(job.failuresLast24h)}
          </Text>
          {schedule && schedule.failCount > 0 && (
            <Text size="xs" c="red">
              {schedule.failCount} in a row
            </Text>
          )}
        </Cell>
      </SimpleGrid>

      {schedule?.failReason && (
        <Alert color="red" variant="light" mx="lg" mb="md" py="xs" title="Failing" data-testid="job-fail-reason">
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {schedule.failReason}
          </Text>
        </Alert>
      )}

      {job.recentFailures.length > 0 && (
        <div style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
          <Button
            variant="subtle"
            color="red"
            size="xs"
            m={6}
            leftSection={failuresOpen ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
            onClick={() => setFailuresOpen((open) => !open)}
            aria-expanded={failuresOpen}
            data-testid="toggle-recent-failures"
          >
            {job.recentFailures.length} recent failure{job.recentFailures.length === 1 ? '' : 's'} (past week)
          </Button>
          <Collapse in={failuresOpen}>
            <Stack gap="sm" px="lg" pb="md" data-testid="recent-failures">
              {job.recentFailures.map((run) => (
                <Stack key={run.id} gap={4}>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(run.startedAt)} · {runFacts(run)}
                  </Text>
                  <Code block color="red.0" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {run.error ?? 'No error message'}
                  </Code>
                </Stack>
              ))}
            </Stack>
          </Collapse>
        </div>
      )}
    </Paper>
  );
}
