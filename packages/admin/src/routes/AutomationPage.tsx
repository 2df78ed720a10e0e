import { useQuery } from '@apollo/client/react';
import { ActionIcon, Alert, Box, Button, Code, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useInterval } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { Fragment, useEffect, useState } from 'react';
import { errorMessage } from '../app/errors';
import { JobCard } from '../features/automation/JobCard';
import { useRunJobNow } from '../features/automation/mutations';
import { AdminAutomationJobsQuery, AdminSystemHealthQuery } from '../features/automation/queries';
import { ScheduleModal } from '../features/automation/ScheduleModal';
import { SystemHealthCard } from '../features/automation/SystemHealthCard';
import { ConnectionPagination } from '../features/lists/ConnectionPagination';
import { ListTable, EmptyPageRow } from '../features/lists/ListTable';
import { listRetry, useListParams } from '../features/lists/useListParams';
import { canManageAutomation } from '../features/viewer/permissions';
import { RequireRole } from '../features/viewer/RequireRole';
import { graphql } from '../gql';
import type { JobCard_JobFragment, JobRunStatus } from '../gql/graphql';
import { EmptyState, ErrorState, formatDateTime, formatDuration, formatNumber, LoadingState, PageHeader, StatusBadge } from '../ui';
import { IconChevronDown, IconChevronRight, IconRefresh } from '../ui/icons';
import { humanizeEnum, jobTriggerLabel } from '../ui/labels';

const PAGE_SIZE = 20;
/** The jobs and the health check refresh this often while the page is open. */
const POLL_MS = 10_000;

const AdminJobRunsQuery = graphql(`
  query AdminJobRuns($first: Int!, $after: String, $filter: JobRunFilter) {
    jobRuns(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...JobRunsTable_run
      }
    }
  }
`);

const RUN_STATUSES: JobRunStatus[] = ['RUNNING', 'SUCCEEDED', 'FAILED'];

/** The time of this render; re-renders every `everyMs` so relative times ("in 3 minutes") move on between polls. */
function useNow(everyMs: number): number {
  const [, setTick] = useState(0);
  useInterval(() => setTick((tick) => tick + 1), everyMs, { autoInvoke: true });
  return Date.now();
}

function JobRuns({ jobs, refreshKey }: { jobs: readonly JobCard_JobFragment[]; refreshKey: number }) {
  const list = useListParams();
  const workflow = list.get('workflow') || null;
  const status = RUN_STATUSES.find((s) => s === list.get('status')) ?? null;
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set());

  const { data, previousData, loading, error, refetch } = useQuery(AdminJobRunsQuery, {
    variables: { first: PAGE_SIZE, after: list.after, filter: { workflow, status } },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: false,
  });
  useEffect(() => {
    if (refreshKey > 0) void refetch();
  }, [refreshKey, refetch]);
  const connection = (data ?? previousData)?.jobRuns;
  const filtered = workflow !== null || status !== null;
  const titles = new Map(jobs.map((job) => [job.workflow, job.title]));

  const toggle = (id: string) =>
    setExpanded((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  let body;
  if (error && !connection) {
    body = <ErrorState error={error} title="Could not load the runs" {...listRetry(list, refetch)} />;
  } else if (!connection) {
    body = <LoadingState label="Loading runs…" />;
  } else if (connection.nodes.length === 0 && list.page === 1) {
    body = (
      <EmptyState
        title={filtered ? 'No runs match these filters' : 'No runs yet'}
        description={filtered ? 'Try another workflow or status.' : 'Runs appear here as the scheduler starts them.'}
        action={
          filtered ? (
            <Button variant="light" onClick={() => list.setFilters({ workflow: null, status: null })}>
              Clear filters
            </Button>
          ) : null
        }
      />
    );
  } else {
    body = (
      <ListTable
        refreshing={loading && !data}
        minWidth={960}
        footer={<ConnectionPagination list={list} connection={connection} pageSize={PAGE_SIZE} disabled={loading && !data} />}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40} />
            <Table.Th>Workflow</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Trigger</Table.Th>
            <Table.Th ta="right">Attempt</Table.Th>
            <Table.Th>Started</Table.Th>
            <Table.Th ta="right">Duration</Table.Th>
            <Table.Th>Worker</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody data-testid="job-runs-table">
          {connection.nodes.map((run) => {
            const open = expanded.has(run.id);
            return (
              <Fragment key={run.id}>
                <Table.Tr
                  data-testid="job-run-row"
                  data-workflow={run.workflow}
                  data-status={run.status}
                  onClick={(event) => {
                    if ((event.target as HTMLElement).closest('a, button') || window.getSelection()?.toString()) return;
                    toggle(run.id);
                  }}
                  style={{ cursor: 'pointer' }}
                >
                  <Table.Td>
                    <ActionIcon variant="subtle" color="gray" size="sm" aria-label={open ? 'Hide details' : 'Show details'} aria-expanded={open} onClick={() => toggle(run.id)}>
                      {open ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
                    </ActionIcon>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {titles.get(run.workflow) ?? run.workflow}
                    </Text>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {run.workflow}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={run.status} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{jobTriggerLabel(run.trigger)}</Text>
                    {run.requestedBy && (
                      <Text size="xs" c="dimmed" maw={200} truncate>
                        {run.requestedBy}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {run.attempt}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }} title={run.startedAt}>
                    {formatDateTime(run.startedAt)}
                  </Table.Td>
                  <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                    {run.status === 'RUNNING' ? (
                      <Text size="sm" c="dimmed">
                        running…
                      </Text>
                    ) : (
                      formatDuration(run.durationMs)
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed" ff="monospace" maw={200} truncate>
                      {run.worker}
                    </Text>
                  </Table.Td>
                </Table.Tr>
                {open && (
                  <Table.Tr data-testid="job-run-detail" style={{ background: 'var(--mantine-color-gray-0)' }}>
                    <Table.Td />
                    <Table.Td colSpan={7}>
                      <Stack gap="sm" py={4}>
                        <Text size="xs" c="dimmed">
                          Occurrence <Code fz="xs">{run.occurrence}</Code>
                          {run.finishedAt ? ` · finished ${formatDateTime(run.finishedAt)}` : ''}
                        </Text>
                        {run.error && (
                          <Stack gap={4}>
                            <Text size="xs" fw={600} c="red" tt="uppercase">
                              Error
                            </Text>
                            <Code block color="red.0" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="job-run-error">
                              {run.error}
                            </Code>
                          </Stack>
                        )}
                        <Stack gap={4}>
                          <Text size="xs" fw={600} c="dimmed" tt="uppercase">
                            Result
                          </Text>
                          {run.result ? (
                            <Code block style={{ maxHeight: 360, overflow: 'auto' }} data-testid="job-run-result">
                              {JSON.stringify(run.result, null, 2)}
                            </Code>
                          ) : (
                            <Text size="sm" c="dimmed">
                              {run.status === 'RUNNING' ? 'Still running.' : 'No result recorded.'}
                            </Text>
                          )}
                        </Stack>
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
          {connection.nodes.length === 0 && <EmptyPageRow colSpan={8}>No more runs on this page.</EmptyPageRow>}
        </Table.Tbody>
      </ListTable>
    );
  }

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end" gap="sm" wrap="wrap">
        <Stack gap={0}>
          <Title order={3} fw={650}>
            Recent runs
          </Title>
          <Text size="sm" c="dimmed">
            {connection ? `${formatNumber(connection.totalCount)} run${connection.totalCount === 1 ? '' : 's'}${filtered ? ' matching the filters' : ''}, newest first · click a run for its result` : 'Every run, newest first.'}
          </Text>
        </Stack>
        <Group gap="sm">
          <Select
            aria-label="Workflow"
            placeholder="All workflows"
            data={jobs.map((job) => ({ value: job.workflow, label: job.title }))}
            value={workflow}
            onChange={(value) => list.setFilters({ workflow: value })}
            clearable
            w={240}
            data-testid="runs-filter-workflow"
          />
          <Select
            aria-label="Status"
            placeholder="All statuses"
            data={RUN_STATUSES.map((value) => ({ value, label: humanizeEnum(value) }))}
            value={status}
            onChange={(value) => list.setFilters({ status: value })}
            clearable
            w={170}
            data-testid="runs-filter-status"
          />
        </Group>
      </Group>
      {error && connection && <ErrorState error={error} title="Could not refresh the runs" onRetry={() => void refetch()} />}
      {body}
    </Stack>
  );
}

function Automation() {
  const now = useNow(15_000);
  const jobsQuery = useQuery(AdminAutomationJobsQuery, { pollInterval: POLL_MS, fetchPolicy: 'cache-and-network' });
  const healthQuery = useQuery(AdminSystemHealthQuery, { pollInterval: POLL_MS, fetchPolicy: 'cache-and-network', notifyOnNetworkStatusChange: true });
  const [runJobNow] = useRunJobNow();
  const [starting, setStarting] = useState<string | null>(null);
  const [editing, setEditing] = useState<JobCard_JobFragment | null>(null);
  const [runsRefresh, setRunsRefresh] = useState(0);
  const jobs = jobsQuery.data?.automationJobs;
  const health = healthQuery.data?.systemHealth;

  async function runNow(job: JobCard_JobFragment) {
    setStarting(job.workflow);
    try {
      await runJobNow({ variables: { workflow: job.workflow } });
      notifications.show({ color: 'green', title: `${job.title} queued`, message: 'A worker starts it within a few seconds; this page refreshes every 10 s.' });
    } catch (caught) {
      notifications.show({ color: 'red', title: `Could not start ${job.title}`, message: errorMessage(caught) });
    } finally {
      setStarting(null);
    }
  }

  function refreshAll() {
    void jobsQuery.refetch();
    void healthQuery.refetch();
    setRunsRefresh((n) => n + 1);
  }

  let jobsBody;
  if (!jobs) {
    jobsBody = jobsQuery.error ? <ErrorState error={jobsQuery.error} title="Could not load the jobs" onRetry={() => void jobsQuery.refetch()} /> : <LoadingState label="Loading jobs…" />;
  } else {
    jobsBody = (
      <Stack gap="sm" data-testid="job-list">
        {jobs.map((job) => (
          <JobCard key={job.workflow} job={job} now={now} onRunNow={() => void runNow(job)} runningNow={starting === job.workflow} onEditSchedule={() => setEditing(job)} />
        ))}
      </Stack>
    );
  }

  return (
    <>
      <PageHeader
        title="Automation"
        description="The scheduled and event-driven workflows of the programme, their runs and the system's health. Refreshes every 10 s."
        actions={
          <Button variant="default" leftSection={<IconRefresh size={16} />} onClick={refreshAll} data-testid="automation-refresh">
            Refresh
          </Button>
        }
      />
      <Stack gap="xl">
        <Box>
          {health ? (
            <SystemHealthCard health={health} now={now} refreshing={healthQuery.loading} onRefresh={() => void healthQuery.refetch()} />
          ) : healthQuery.error ? (
            <ErrorState error={healthQuery.error} title="Could not check the system health" onRetry={() => void healthQuery.refetch()} />
          ) : (
            <LoadingState label="Checking the system health…" />
          )}
          {health && healthQuery.error && (
            <Alert color="orange" variant="light" mt="sm" title="The last health check failed">
              {errorMessage(healthQuery.error)}
            </Alert>
          )}
        </Box>
        <Stack gap="sm">
          <Stack gap={0}>
            <Title order={3} fw={650}>
              Jobs
            </Title>
            <Text size="sm" c="dimmed">
              Times are shown in your browser's time zone; schedules run in the programme's.
            </Text>
          </Stack>
          {jobs && jobsQuery.error && <ErrorState error={jobsQuery.error} title="Could not refresh the jobs" onRetry={() => void jobsQuery.refetch()} />}
          {jobsBody}
        </Stack>
        <JobRuns jobs={jobs ?? []} refreshKey={runsRefresh} />
      </Stack>
      <ScheduleModal job={editing} onClose={() => setEditing(null)} />
    </>
  );
}

export function AutomationPage() {
  return (
    <RequireRole allowed={canManageAutomation}>
      <Automation />
    </RequireRole>
  );
}
