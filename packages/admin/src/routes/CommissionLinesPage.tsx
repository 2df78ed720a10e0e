import { useQuery } from '@apollo/client/react';
import { ActionIcon, Anchor, Box, Button, Group, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { Fragment, useState } from 'react';
import { Link } from 'react-router';
import { LineKindBadge } from '../features/commissions/LineKindBadge';
import { formatMoney, formatRatePercent, isNegative } from '../features/commissions/money';
import { defaultRunPeriod, isPeriod, periodLabel } from '../features/commissions/period';
import { PeriodSelect } from '../features/commissions/PeriodSelect';
import { ConnectionPagination } from '../features/lists/ConnectionPagination';
import { ListTable, EmptyPageRow } from '../features/lists/ListTable';
import { listRetry, useListParams } from '../features/lists/useListParams';
import { canReadCommissions } from '../features/viewer/permissions';
import { RequireRole } from '../features/viewer/RequireRole';
import { useViewer } from '../features/viewer/viewer';
import { graphql } from '../gql';
import type { CommissionLineKind, CommissionLineStatus } from '../gql/graphql';
import { EmptyState, ErrorState, formatDateTime, formatNumber, LoadingState, PageHeader, StatGrid, StatusBadge } from '../ui';
import { IconChevronDown, IconChevronRight } from '../ui/icons';
import { commissionLineKindLabel, humanizeEnum } from '../ui/labels';

const PAGE_SIZE = 50;

const AdminCommissionLinesQuery = graphql(`
  query AdminCommissionLines($first: Int!, $after: String, $filter: CommissionLineFilter!) {
    commissionLines(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        period
        kind
        adjustmentForPeriod
        plan
        status
        rate
        tier
        trace
        createdAt
        amount {
          amount
          currency
        }
        base {
          amount
          currency
        }
        fee {
          amount
          currency
        }
        reseller {
          id
          code
          companyName
        }
        customer {
          id
          externalId
          name
        }
        dispute {
          id
          status
        }
      }
    }
  }
`);

/** The totals bar: the period's lines by status, summed by the api. */
const AdminCommissionTotalsQuery = graphql(`
  query AdminCommissionTotals($period: String!) {
    commissionReport(period: $period, groupBy: STATUS) {
      period
      total {
        amount
        currency
      }
      rows {
        key
        label
        lineCount
        amount {
          amount
          currency
        }
      }
    }
  }
`);

/** Resellers to filter by (the first 100 by code; type to narrow them down). */
const AdminCommissionResellerOptionsQuery = graphql(`
  query AdminCommissionResellerOptions {
    resellers(first: 100) {
      totalCount
      nodes {
        id
        code
        companyName
      }
    }
  }
`);

const STATUSES: CommissionLineStatus[] = ['CALCULATED', 'APPROVED', 'PAID', 'DISPUTED', 'REVERSED'];
const KINDS: CommissionLineKind[] = ['CUSTOMER', 'CAP', 'ADJUSTMENT'];

const numeric = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

function CommissionLines() {
  const viewer = useViewer();
  const list = useListParams();
  const requested = list.get('period');
  const period = isPeriod(requested) ? requested : defaultRunPeriod(viewer.tenant.timezone);
  const status = STATUSES.find((s) => s === list.get('status')) ?? null;
  const kind = KINDS.find((k) => k === list.get('kind')) ?? null;
  const resellerId = list.get('reseller') || null;
  const filtered = status !== null || kind !== null || resellerId !== null;
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());

  const { data, previousData, loading, error, refetch } = useQuery(AdminCommissionLinesQuery, {
    variables: {
      first: PAGE_SIZE,
      after: list.after,
      filter: { period, status: status ? [status] : null, kind: kind ? [kind] : null, resellerId },
    },
    fetchPolicy: 'cache-and-network',
  });
  const connection = (data ?? previousData)?.commissionLines;
  const totals = useQuery(AdminCommissionTotalsQuery, { variables: { period }, fetchPolicy: 'cache-and-network' });
  const report = totals.data?.commissionReport;
  const resellers = useQuery(AdminCommissionResellerOptionsQuery);
  const resellerOptions = resellers.data?.resellers.nodes.map((r) => ({ value: r.id, label: `${r.code} · ${r.companyName}` })) ?? [];

  const { setFilters } = list;

  function toggle(id: string) {
    setExpanded((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  let totalsBar = null;
  if (report && report.rows.length > 0) {
    totalsBar = (
      <Box mb="md">
        <StatGrid
          testId="commission-totals"
          cols={Math.min(report.rows.length + 1, 6)}
          items={[
            {
              label: `Total · ${periodLabel(period)}`,
              value: formatMoney(report.total),
              color: isNegative(report.total) ? 'red' : undefined,
              hint: `${formatNumber(report.rows.reduce((sum, row) => sum + row.lineCount, 0))} lines, reversed excluded`,
              onClick: status ? () => setFilters({ status: null }) : undefined,
              active: status === null,
              testId: 'total-all',
            },
            ...report.rows.map((row) => ({
              label: humanizeEnum(row.label),
              value: formatMoney(row.amount),
              color: isNegative(row.amount) ? 'red' : undefined,
              hint: `${formatNumber(row.lineCount)} line${row.lineCount === 1 ? '' : 's'}`,
              onClick: () => setFilters({ status: status === row.key ? null : row.key }),
              active: status === row.key,
              testId: `total-${row.key}`,
            })),
          ]}
        />
      </Box>
    );
  }

  let body;
  if (error && !connection) {
    body = <ErrorState error={error} title="Could not load commission lines" {...listRetry(list, refetch)} />;
  } else if (!connection) {
    body = <LoadingState label="Loading commission lines…" />;
  } else if (connection.nodes.length === 0 && list.page === 1) {
    body = (
      <EmptyState
        title={filtered ? 'No lines match these filters' : `No commission lines for ${periodLabel(period)}`}
        description={filtered ? 'Try another status, kind or reseller.' : 'Lines appear once commissions are run for the period.'}
        action={
          filtered ? (
            <Button variant="light" onClick={() => setFilters({ status: null, kind: null, reseller: null })}>
              Clear filters
            </Button>
          ) : (
            <Button component={Link} to={`/commissions?period=${period}`} variant="light">
              Go to runs
            </Button>
          )
        }
      />
    );
  } else {
    body = (
      <ListTable
        refreshing={loading && !data}
        minWidth={1120}
        footer={
          <ConnectionPagination list={list} connection={connection} pageSize={PAGE_SIZE} disabled={loading && !data} />
        }
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={36} />
            <Table.Th>Reseller</Table.Th>
            <Table.Th>Customer</Table.Th>
            <Table.Th>Kind</Table.Th>
            <Table.Th>Plan</Table.Th>
            <Table.Th ta="right">Base</Table.Th>
            <Table.Th ta="right">Rate / fee</Table.Th>
            <Table.Th ta="center">Tier</Table.Th>
            <Table.Th ta="right">Amount</Table.Th>
            <Table.Th>Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody data-testid="commission-lines-table">
          {connection.nodes.map((line) => {
            const open = expanded.has(line.id);
            return (
              <Fragment key={line.id}>
                <Table.Tr
                  data-testid="commission-line-row"
                  onClick={(event) => {
                    if ((event.target as HTMLElement).closest('a, button') || window.getSelection()?.toString()) return;
                    toggle(line.id);
                  }}
                  style={{ cursor: 'pointer', background: open ? 'var(--mantine-color-indigo-0)' : undefined }}
                >
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      size="sm"
                      onClick={() => toggle(line.id)}
                      aria-expanded={open}
                      aria-label={open ? 'Hide calculation' : 'Show calculation'}
                      data-testid="line-expand"
                    >
                      {open ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
                    </ActionIcon>
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/resellers/${line.reseller.id}`} ff="monospace" size="sm" fw={600}>
                      {line.reseller.code}
                    </Anchor>
                    <Text size="xs" c="dimmed" maw={200} truncate>
                      {line.reseller.companyName}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {line.customer ? (
                      <>
                        <Text size="sm" maw={200} truncate>
                          {line.customer.name}
                        </Text>
                        <Text size="xs" c="dimmed" ff="monospace">
                          {line.customer.externalId}
                        </Text>
                      </>
                    ) : (
                      <Text size="sm" c="dimmed">
                        Reseller level
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <LineKindBadge kind={line.kind} adjustmentForPeriod={line.adjustmentForPeriod} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {line.plan}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right" style={numeric}>
                    {formatMoney(line.base)}
                  </Table.Td>
                  <Table.Td ta="right" style={numeric}>
                    {line.rate ? formatRatePercent(line.rate) : line.fee ? formatMoney(line.fee) : <Text span c="dimmed">—</Text>}
                  </Table.Td>
                  <Table.Td ta="center" style={numeric}>
                    {line.tier ?? <Text span c="dimmed">—</Text>}
                  </Table.Td>
                  <Table.Td ta="right" style={numeric}>
                    <Text size="sm" fw={600} c={isNegative(line.amount) ? 'red.7' : undefined}>
                      {formatMoney(line.amount)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={line.status} />
                  </Table.Td>
                </Table.Tr>
                {open && (
                  <Table.Tr style={{ background: 'var(--mantine-color-gray-0)' }}>
                    <Table.Td />
                    <Table.Td colSpan={9}>
                      <Stack gap={6} py={4}>
                        <Text size="xs" c="dimmed" tt="uppercase" fw={600} style={{ letterSpacing: 0.4 }}>
                          How it was calculated
                        </Text>
                        <Paper withBorder radius="sm" px="sm" py={8} bg="white">
                          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="line-trace">
                            {line.trace}
                          </Text>
                        </Paper>
                        <Group gap="lg">
                          <Text size="xs" c="dimmed">
                            {commissionLineKindLabel(line.kind)} line of {line.period} · calculated {formatDateTime(line.createdAt)}
                          </Text>
                          {line.dispute && (
                            <Anchor component={Link} to={`/commissions/disputes?status=${line.dispute.status}&dispute=${line.dispute.id}`} size="xs">
                              {line.dispute.status === 'OPEN' ? 'Open dispute' : 'Resolved dispute'} →
                            </Anchor>
                          )}
                        </Group>
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
          {connection.nodes.length === 0 && <EmptyPageRow colSpan={10}>No more lines on this page.</EmptyPageRow>}
        </Table.Tbody>
      </ListTable>
    );
  }

  return (
    <>
      <PageHeader
        title="Commission lines"
        description={
          connection
            ? `${formatNumber(connection.totalCount)} line${connection.totalCount === 1 ? '' : 's'} in ${periodLabel(period)}${filtered ? ' matching the filters' : ''}. Open a line to see how it was calculated.`
            : 'Every line of a period, with how it was calculated.'
        }
        actions={
          <Button component={Link} to={`/commissions/report?period=${period}`} variant="default">
            Report for {periodLabel(period)}
          </Button>
        }
      />
      <Group mb="md" gap="sm" wrap="wrap">
        <PeriodSelect value={period} onChange={(next) => setFilters({ period: next })} />
        <Select
          aria-label="Status"
          placeholder="All statuses"
          data={STATUSES.map((value) => ({ value, label: humanizeEnum(value) }))}
          value={status}
          onChange={(value) => setFilters({ status: value })}
          clearable
          w={170}
          data-testid="line-status-filter"
        />
        <Select
          aria-label="Kind"
          placeholder="All kinds"
          data={KINDS.map((value) => ({ value, label: commissionLineKindLabel(value) }))}
          value={kind}
          onChange={(value) => setFilters({ kind: value })}
          clearable
          w={160}
          data-testid="line-kind-filter"
        />
        <Select
          aria-label="Reseller"
          placeholder="All resellers"
          data={resellerOptions}
          value={resellerId}
          onChange={(value) => setFilters({ reseller: value })}
          searchable
          clearable
          nothingFoundMessage="No reseller matches"
          w={280}
          data-testid="line-reseller-filter"
        />
      </Group>
      {totals.error && !report && (
        <Box mb="md">
          <ErrorState error={totals.error} title="Could not load the totals" onRetry={() => void totals.refetch()} />
        </Box>
      )}
      {totalsBar}
      {error && connection && (
        <Box mb="md">
          <ErrorState error={error} title="Could not refresh the lines" onRetry={() => void refetch()} />
        </Box>
      )}
      {body}
    </>
  );
}

export function CommissionLinesPage() {
  return (
    <RequireRole allowed={canReadCommissions}>
      <CommissionLines />
    </RequireRole>
  );
}
