import { useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Box, Button, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { describeError, errorMessage, hasErrorCode } from '../app/errors';
import { useKnownPeriodCloses, rememberPeriodClose } from '../features/commissions/closedPeriods';
import { ConfirmActionModal } from '../features/commissions/ConfirmActionModal';
import { formatMoney, isNegative } from '../features/commissions/money';
import { useApproveCommissionRun, useCloseCommissionPeriod, useRunCommissions } from '../features/commissions/mutations';
import { defaultRunPeriod, isPeriod, periodLabel, periodShortLabel } from '../features/commissions/period';
import { ALL_PERIODS, PeriodSelect } from '../features/commissions/PeriodSelect';
import { ListTable } from '../features/lists/ListTable';
import { canManageCommissions, canReadCommissions } from '../features/viewer/permissions';
import { RequireRole } from '../features/viewer/RequireRole';
import { useViewer } from '../features/viewer/viewer';
import { graphql } from '../gql';
import type { CommissionRunsTable_RunFragment } from '../gql/graphql';
import { EmptyState, ErrorState, formatDateTime, formatNumber, LoadingState, PageHeader, StatGrid, StatusBadge } from '../ui';
import { IconChart, IconList, IconLock, IconPlay } from '../ui/icons';

const AdminCommissionRunsQuery = graphql(`
  query AdminCommissionRuns($period: String) {
    commissionRuns(period: $period) {
      ...CommissionRunsTable_run
    }
  }
`);

type Run = CommissionRunsTable_RunFragment;

/** Runs whose lines count: the newest completed or approved run of each period. */
function effectiveRuns(runs: readonly Run[]): Map<string, Run> {
  const result = new Map<string, Run>();
  // The api lists runs newest first.
  for (const run of runs) {
    if ((run.status === 'COMPLETED' || run.status === 'APPROVED') && !result.has(run.period)) result.set(run.period, run);
  }
  return result;
}

/** '1.2 s', '3 min' — how long a run took. */
function duration(start: string, end: string | null | undefined): string | null {
  if (!end) return null;
  const ms = new Date(end).getTime() - new Date(start).getTime();
  if (!Number.isFinite(ms) || ms < 0) return null;
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.round(ms / 60_000)} min`;
}

/** What went wrong, titled by kind: a CONFLICT is a rule of the process, not a failure. */
function ActionError({ error, onClose }: { error: unknown; onClose: () => void }) {
  const conflict = hasErrorCode(error, 'CONFLICT');
  const code = describeError(error).find((detail) => detail.code)?.code;
  return (
    <Alert
      color={conflict ? 'orange' : 'red'}
      variant="light"
      title={conflict ? 'The period cannot change right now' : 'Something went wrong'}
      withCloseButton
      onClose={onClose}
      mb="md"
      data-testid="runs-error"
    >
      <Text size="sm">{errorMessage(error)}</Text>
      {code && !conflict && (
        <Text size="xs" c="dimmed" mt={4}>
          Code {code}
        </Text>
      )}
    </Alert>
  );
}

function CommissionRuns() {
  const viewer = useViewer();
  const mayManage = canManageCommissions(viewer.role);
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get('period') ?? '';
  const period = requested === ALL_PERIODS || isPeriod(requested) ? requested : defaultRunPeriod(viewer.tenant.timezone);
  const single = period !== ALL_PERIODS;
  // With all periods listed, "Run commissions" calculates the usual one: last month.
  const runPeriod = single ? period : defaultRunPeriod(viewer.tenant.timezone);

  const { data, previousData, loading, error, refetch } = useQuery(AdminCommissionRunsQuery, {
    variables: { period: single ? period : null },
    fetchPolicy: 'cache-and-network',
  });
  const runs = (data ?? previousData)?.commissionRuns;
  const closes = useKnownPeriodCloses();

  const [runCommissions, runState] = useRunCommissions();
  const [approveRun, approveState] = useApproveCommissionRun();
  const [closeCommissionPeriod, closeState] = useCloseCommissionPeriod();
  const [actionError, setActionError] = useState<unknown>(null);
  const [approving, setApproving] = useState<Run | null>(null);
  const [closing, setClosing] = useState<string | null>(null);

  function choosePeriod(next: string) {
    setActionError(null);
    setSearchParams((previous) => {
      const params = new URLSearchParams(previous);
      params.set('period', next);
      return params;
    });
  }

  async function run() {
    setActionError(null);
    try {
      const result = await runCommissions({ variables: { input: { period: runPeriod } } });
      const done = result.data?.runCommissions.run;
      if (done) {
        notifications.show({
          color: 'green',
          title: `Commissions calculated for ${periodLabel(runPeriod)}`,
          message: `${formatNumber(done.lineCount)} lines for ${formatNumber(done.resellerCount)} resellers, ${formatMoney(done.total)} in total.`,
        });
      }
    } catch (caught) {
      setActionError(caught);
      // A failed run is recorded as a FAILED run: show it.
      void refetch();
    }
  }

  async function approve() {
    const target = approving;
    if (!target) return;
    setActionError(null);
    try {
      await approveRun({ variables: { input: { runId: target.id } } });
      notifications.show({
        color: 'green',
        title: `${periodLabel(target.period)} approved`,
        message: `${formatNumber(target.lineCount)} lines (${formatMoney(target.total)}) are approved for payment.`,
      });
    } catch (caught) {
      setActionError(caught);
    }
    setApproving(null);
  }

  async function close() {
    const target = closing;
    if (!target) return;
    setActionError(null);
    const askedAt = Date.now();
    try {
      const result = await closeCommissionPeriod({ variables: { input: { period: target } } });
      const closed = result.data?.closeCommissionPeriod.close;
      if (closed) {
        rememberPeriodClose(closed);
        // Closing is idempotent: an earlier close comes back as it was.
        const earlier = new Date(closed.createdAt).getTime() < askedAt - 60_000;
        notifications.show({
          color: earlier ? 'gray' : 'green',
          title: earlier ? `${periodLabel(target)} was already closed` : `${periodLabel(target)} closed`,
          message: earlier
            ? `Closed by ${closed.closedBy} on ${formatDateTime(closed.createdAt)}.`
            : 'Late billing records for it will be counted as adjustments in the next open period.',
        });
      }
    } catch (caught) {
      setActionError(caught);
    }
    setClosing(null);
  }

  const effective = runs ? effectiveRuns(runs) : new Map<string, Run>();
  // Periods close in order and only once approved, so the one to close next is the newest approved
  // period in view (choose a period to reach an older one).
  const newestApproved = [...effective.values()].filter((r) => r.status === 'APPROVED').map((r) => r.period).sort().at(-1);
  const current = single ? effective.get(period) : undefined;
  const currentClose = single ? closes.get(period) : undefined;

  let overview = null;
  if (single && runs) {
    const latest = runs[0];
    overview = (
      <Box mb="md">
        <StatGrid
          testId="period-overview"
          cols={5}
          items={[
            {
              label: periodLabel(period),
              value: currentClose ? (
                <StatusBadge status="CLOSED" size="lg" />
              ) : current ? (
                <StatusBadge status={current.status} size="lg" />
              ) : latest ? (
                <StatusBadge status={latest.status} size="lg" />
              ) : (
                <Text c="dimmed" fw={600}>
                  Not run yet
                </Text>
              ),
              hint: currentClose
                ? `Closed by ${currentClose.closedBy}`
                : current?.status === 'APPROVED'
                  ? `Approved by ${current.approvedBy ?? '—'}`
                  : current
                    ? 'Waiting for approval'
                    : 'No completed run',
            },
            {
              label: 'Commission',
              value: current ? formatMoney(current.total) : '—',
              color: current && isNegative(current.total) ? 'red' : undefined,
              hint: 'Adjustments and caps included',
            },
            { label: 'Revenue counted', value: current ? formatMoney(current.revenue) : '—', hint: 'Commissionable, cash basis' },
            { label: 'Resellers', value: current ? formatNumber(current.resellerCount) : '—', hint: 'Earning in the period' },
            {
              label: 'Lines',
              value: current ? formatNumber(current.lineCount) : '—',
              hint: current ? `${formatNumber(current.adjustmentCount)} adjustment${current.adjustmentCount === 1 ? '' : 's'}` : ' ',
            },
          ]}
        />
      </Box>
    );
  }

  let body;
  if (error && !runs) {
    body = <ErrorState error={error} title="Could not load commission runs" onRetry={() => void refetch()} />;
  } else if (!runs) {
    body = <LoadingState label="Loading commission runs…" />;
  } else if (runs.length === 0) {
    body = (
      <EmptyState
        title={single ? `No runs for ${periodLabel(period)} yet` : 'No commission runs yet'}
        description={
          mayManage
            ? 'A run calculates every active reseller’s commission for the period from the billing records paid so far. Running again replaces the calculated lines.'
            : 'Finance runs commissions each month; runs appear here as soon as they start.'
        }
        action={
          mayManage && single ? (
            <Button leftSection={<IconPlay size={14} />} onClick={() => void run()} loading={runState.loading} variant="light">
              Run commissions for {periodLabel(period)}
            </Button>
          ) : null
        }
      />
    );
  } else {
    body = (
      <ListTable refreshing={loading && !data} minWidth={1000}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Period</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Started</Table.Th>
            <Table.Th ta="right">Resellers</Table.Th>
            <Table.Th ta="right">Lines</Table.Th>
            <Table.Th ta="right">Revenue</Table.Th>
            <Table.Th ta="right">Commission</Table.Th>
            <Table.Th>Approved</Table.Th>
            {(mayManage || closes.size > 0) && <Table.Th ta="right">Actions</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody data-testid="commission-runs-table">
          {runs.map((item) => {
            const isEffective = effective.get(item.period)?.id === item.id;
            const superseded = !isEffective && (item.status === 'COMPLETED' || item.status === 'APPROVED');
            const known = closes.get(item.period);
            const took = duration(item.startedAt, item.finishedAt);
            return (
              <Table.Tr key={item.id} data-testid="commission-run-row" data-status={item.status} style={superseded ? { opacity: 0.6 } : undefined}>
                <Table.Td>
                  <Anchor component={Link} to={`/commissions/lines?period=${item.period}`} size="sm" fw={600} c="dark" style={{ whiteSpace: 'nowrap' }}>
                    {periodShortLabel(item.period)}
                  </Anchor>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {item.period}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Stack gap={2} align="flex-start">
                    <StatusBadge status={item.status} />
                    {superseded && (
                      <Text size="xs" c="dimmed">
                        Superseded
                      </Text>
                    )}
                    {item.error && (
                      <Tooltip label={item.error} multiline w={320} withArrow>
                        <Text size="xs" c="red.7" maw={160} truncate>
                          {item.error}
                        </Text>
                      </Tooltip>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Tooltip label={item.finishedAt ? `Finished ${formatDateTime(item.finishedAt)}` : 'Not finished'} withArrow openDelay={300}>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {formatDateTime(item.startedAt)}
                    </Text>
                  </Tooltip>
                  <Text size="xs" c="dimmed" maw={240} truncate>
                    by {item.startedBy}
                    {took ? ` · ${took}` : ''}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {formatNumber(item.resellerCount)}
                </Table.Td>
                <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  <Text size="sm">{formatNumber(item.lineCount)}</Text>
                  {item.adjustmentCount > 0 && (
                    <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      {item.adjustmentCount} adj.
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                  {formatMoney(item.revenue)}
                </Table.Td>
                <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                  <Text size="sm" fw={600} c={isNegative(item.total) ? 'red.7' : undefined}>
                    {formatMoney(item.total)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {item.approvedAt ? (
                    <>
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {formatDateTime(item.approvedAt)}
                      </Text>
                      <Text size="xs" c="dimmed" maw={180} truncate>
                        by {item.approvedBy ?? '—'}
                      </Text>
                    </>
                  ) : (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  )}
                </Table.Td>
                {(mayManage || closes.size > 0) && (
                  <Table.Td ta="right">
                    <Group gap={6} justify="flex-end" wrap="nowrap">
                      {known && isEffective && (
                        <Tooltip label={`Closed by ${known.closedBy} on ${formatDateTime(known.createdAt)}`} withArrow>
                          <Badge variant="light" color="dark" leftSection={<IconLock size={11} />} style={{ minWidth: 'max-content' }}>
                            Closed
                          </Badge>
                        </Tooltip>
                      )}
                      {mayManage && isEffective && item.status === 'COMPLETED' && (
                        <Button size="xs" color="green" variant="light" onClick={() => setApproving(item)} data-testid="approve-run">
                          Approve
                        </Button>
                      )}
                      {mayManage && isEffective && item.status === 'APPROVED' && !known && item.period === newestApproved && (
                        <Button size="xs" variant="light" color="dark" leftSection={<IconLock size={12} />} onClick={() => setClosing(item.period)} data-testid="close-period">
                          Close period
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </ListTable>
    );
  }

  return (
    <>
      <PageHeader
        title="Commission runs"
        description="Each run calculates every active reseller’s commission for a month. Approve the latest run of a period, then close the period."
        actions={
          mayManage ? (
            <Button leftSection={<IconPlay size={14} />} onClick={() => void run()} loading={runState.loading} data-testid="run-commissions">
              Run commissions
            </Button>
          ) : (
            <Badge variant="default" size="lg" radius="sm" tt="none" fw={500}>
              Read-only access
            </Badge>
          )
        }
      />
      <Group justify="space-between" mb="md" gap="sm" wrap="wrap">
        <Group gap="sm">
          <PeriodSelect value={period} onChange={choosePeriod} allowAll monthsAhead={0} />
          {mayManage && (
            <Text size="sm" c="dimmed">
              “Run commissions” calculates {periodLabel(runPeriod)}.
            </Text>
          )}
        </Group>
        {single && (
          <Group gap="xs">
            <Button component={Link} to={`/commissions/lines?period=${period}`} variant="default" size="sm" leftSection={<IconList size={16} />}>
              Lines
            </Button>
            <Button component={Link} to={`/commissions/report?period=${period}`} variant="default" size="sm" leftSection={<IconChart size={16} />}>
              Report
            </Button>
          </Group>
        )}
      </Group>
      {actionError ? <ActionError error={actionError} onClose={() => setActionError(null)} /> : null}
      {error && runs && (
        <Box mb="md">
          <ErrorState error={error} title="Could not refresh the runs" onRetry={() => void refetch()} />
        </Box>
      )}
      {overview}
      {body}

      <ConfirmActionModal
        opened={approving !== null}
        onClose={() => setApproving(null)}
        title={approving ? `Approve ${periodLabel(approving.period)}` : 'Approve run'}
        confirmLabel="Approve run"
        color="green"
        loading={approveState.loading}
        onConfirm={() => void approve()}
        confirmTestId="confirm-approve-run"
      >
        {approving && (
          <Stack gap="xs">
            <Text size="sm">
              The run’s {formatNumber(approving.lineCount)} calculated lines ({formatMoney(approving.total)}) become <b>approved</b> and payable.
            </Text>
            <Text size="sm" c="dimmed">
              The period can no longer be recalculated. Disputes raised later are settled as adjustments.
            </Text>
          </Stack>
        )}
      </ConfirmActionModal>

      <ConfirmActionModal
        opened={closing !== null}
        onClose={() => setClosing(null)}
        title={closing ? `Close ${periodLabel(closing)}` : 'Close period'}
        confirmLabel="Close period"
        color="dark"
        loading={closeState.loading}
        onConfirm={() => void close()}
        confirmTestId="confirm-close-period"
      >
        <Stack gap="xs">
          <Text size="sm">Closing is final: nothing in a closed period is ever recalculated or edited.</Text>
          <Text size="sm" c="dimmed">
            Billing records that arrive late for it, refunds included, are counted as adjustment lines in the first open period. Periods
            close in order.
          </Text>
        </Stack>
      </ConfirmActionModal>
    </>
  );
}

export function CommissionRunsPage() {
  return (
    <RequireRole allowed={canReadCommissions}>
      <CommissionRuns />
    </RequireRole>
  );
}
