import { useQuery } from '@apollo/client/react';
import { Anchor, Box, Button, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useSearchParams } from 'react-router';
import { centsOf, formatMoney, isNegative } from '../features/commissions/money';
import { defaultRunPeriod, isPeriod, periodLabel } from '../features/commissions/period';
import { PeriodSelect } from '../features/commissions/PeriodSelect';
import { canReadCommissions } from '../features/viewer/permissions';
import { RequireRole } from '../features/viewer/RequireRole';
import { useViewer } from '../features/viewer/viewer';
import { graphql } from '../gql';
import type { CommissionReportGroup } from '../gql/graphql';
import { BarChart, EmptyState, ErrorState, formatNumber, LoadingState, PageHeader, SectionCard, StatGrid, StatusBadge } from '../ui';
import { IconDownload } from '../ui/icons';
import { reportGroupLabel } from '../ui/labels';

const AdminCommissionReportQuery = graphql(`
  query AdminCommissionReport($period: String!, $groupBy: CommissionReportGroup!) {
    commissionReport(period: $period, groupBy: $groupBy) {
      period
      groupBy
      csv
      total {
        amount
        currency
      }
      rows {
        key
        label
        lineCount
        revenue {
          amount
          currency
        }
        amount {
          amount
          currency
        }
      }
    }
  }
`);

const GROUPS: CommissionReportGroup[] = ['RESELLER', 'PLAN', 'TIER', 'STATUS'];

/** Saves text as a file without a round trip: a Blob behind a temporary link. */
function downloadText(text: string, filename: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** 'RS-000001 Acme Fiber' → code and name, to show the code in monospace. */
function splitResellerLabel(label: string): { code: string; name: string } {
  const space = label.indexOf(' ');
  return space > 0 ? { code: label.slice(0, space), name: label.slice(space + 1) } : { code: label, name: '' };
}

/** A row's share of the total, exactly from integer cents, to one decimal ('42.7 %'). */
function share(amount: string, total: string): string | null {
  const part = centsOf(amount);
  const whole = centsOf(total);
  if (part === null || whole === null || whole <= 0n || part < 0n) return null;
  const permille = (part * 1000n + whole / 2n) / whole;
  return `${permille / 10n}.${permille % 10n} %`;
}

function CommissionReport() {
  const viewer = useViewer();
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get('period') ?? '';
  const period = isPeriod(requested) ? requested : defaultRunPeriod(viewer.tenant.timezone);
  const groupBy = GROUPS.find((g) => g === searchParams.get('groupBy')) ?? 'RESELLER';

  const { data, previousData, loading, error, refetch } = useQuery(AdminCommissionReportQuery, {
    variables: { period, groupBy },
    fetchPolicy: 'cache-and-network',
  });
  const report = (data ?? previousData)?.commissionReport;

  function setParam(key: string, value: string) {
    setSearchParams((previous) => {
      const next = new URLSearchParams(previous);
      next.set(key, value);
      return next;
    });
  }

  function download() {
    if (!report) return;
    const filename = `commissions-${report.period}-${report.groupBy.toLowerCase()}.csv`;
    downloadText(report.csv, filename, 'text/csv;charset=utf-8');
    notifications.show({ color: 'gray', title: 'Report downloaded', message: filename });
  }

  // Largest amount first; the label breaks ties so the order is stable.
  const rows = report
    ? [...report.rows].sort((a, b) => {
        const x = centsOf(a.amount.amount) ?? 0n;
        const y = centsOf(b.amount.amount) ?? 0n;
        return x === y ? a.label.localeCompare(b.label) : x > y ? -1 : 1;
      })
    : [];
  const stale = loading && (!data || data.commissionReport.groupBy !== groupBy);

  let body;
  if (error && !report) {
    body = <ErrorState error={error} title="Could not load the report" onRetry={() => void refetch()} />;
  } else if (!report) {
    body = <LoadingState label="Loading the report…" />;
  } else if (report.rows.length === 0) {
    body = (
      <EmptyState
        title={`No commissions in ${periodLabel(period)}`}
        description="The report sums a period’s commission lines; run commissions for the period first."
        action={
          <Button component={Link} to={`/commissions?period=${period}`} variant="light">
            Go to runs
          </Button>
        }
      />
    );
  } else {
    const lineCount = report.rows.reduce((sum, row) => sum + row.lineCount, 0);
    body = (
      <>
        <Box mb="md">
          <StatGrid
            testId="report-summary"
            cols={3}
            items={[
              { label: 'Total commission', value: formatMoney(report.total), color: isNegative(report.total) ? 'red' : undefined, hint: periodLabel(period), testId: 'report-total' },
              { label: 'Lines', value: formatNumber(lineCount), hint: 'Reversed lines excluded' },
              {
                label: `Largest ${reportGroupLabel(groupBy).toLowerCase()}`,
                value: rows[0] ? formatMoney(rows[0].amount) : '—',
                hint: rows[0]
                  ? `${groupBy === 'STATUS' ? reportGroupRowLabel(rows[0].label) : rows[0].label}${share(rows[0].amount.amount, report.total.amount) ? ` · ${share(rows[0].amount.amount, report.total.amount)}` : ''}`
                  : undefined,
              },
            ]}
          />
        </Box>
        <Stack gap="md">
          <SectionCard title={`Commission by ${reportGroupLabel(groupBy).toLowerCase()}`} aside={<Text size="sm" c="dimmed">Largest first</Text>}>
            <BarChart
              testId="report-chart"
              title={`Commission by ${reportGroupLabel(groupBy).toLowerCase()}, ${periodLabel(period)}`}
              labelWidth={groupBy === 'RESELLER' ? 260 : 160}
              data={rows.map((row) => ({
                key: row.key,
                label: groupBy === 'STATUS' ? reportGroupRowLabel(row.label) : row.label,
                value: centsOf(row.amount.amount) ?? 0n,
                valueLabel: formatMoney(row.amount),
              }))}
            />
          </SectionCard>
          <SectionCard title="Breakdown" flush aside={<Text size="sm" c="dimmed">{formatNumber(report.rows.length)} rows</Text>}>
            <Table.ScrollContainer minWidth={560} type="native">
              <Table verticalSpacing="sm" horizontalSpacing="md" fz="sm" highlightOnHover data-testid="report-table">
                <Table.Thead style={{ background: 'var(--mantine-color-gray-0)' }}>
                  <Table.Tr>
                    <Table.Th>{reportGroupLabel(groupBy)}</Table.Th>
                    <Table.Th ta="right">Lines</Table.Th>
                    <Table.Th ta="right">Revenue</Table.Th>
                    <Table.Th ta="right">Commission</Table.Th>
                    <Table.Th ta="right">Share</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((row) => (
                    <Table.Tr key={row.key}>
                      <Table.Td>
                        <GroupCell groupBy={groupBy} rowKey={row.key} label={row.label} period={period} />
                      </Table.Td>
                      <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                        {formatNumber(row.lineCount)}
                      </Table.Td>
                      <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                        {formatMoney(row.revenue)}
                      </Table.Td>
                      <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                        <Text size="sm" fw={600} c={isNegative(row.amount) ? 'red.7' : undefined}>
                          {formatMoney(row.amount)}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                        {share(row.amount.amount, report.total.amount) ?? '—'}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
                <Table.Tfoot style={{ borderTop: '2px solid var(--mantine-color-gray-3)' }}>
                  <Table.Tr>
                    <Table.Th>Total</Table.Th>
                    <Table.Th ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                      {formatNumber(lineCount)}
                    </Table.Th>
                    <Table.Th />
                    <Table.Th ta="right" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }} data-testid="report-table-total">
                      {formatMoney(report.total)}
                    </Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Tfoot>
              </Table>
            </Table.ScrollContainer>
          </SectionCard>
        </Stack>
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="Commission report"
        description={`What the programme owes for ${periodLabel(period)}, grouped the way you need it.`}
        actions={
          <Button leftSection={<IconDownload size={16} />} variant="default" onClick={download} disabled={!report || report.rows.length === 0 || stale} data-testid="download-csv">
            Download CSV
          </Button>
        }
      />
      <Group justify="space-between" mb="md" gap="sm" wrap="wrap">
        <Group gap="sm">
          <PeriodSelect value={period} onChange={(next) => setParam('period', next)} />
          <SegmentedControl
            aria-label="Group by"
            data={GROUPS.map((value) => ({ value, label: reportGroupLabel(value) }))}
            value={groupBy}
            onChange={(value) => setParam('groupBy', value)}
            bg="white"
            withItemsBorders={false}
            style={{ border: '1px solid var(--mantine-color-gray-3)' }}
            data-testid="report-group-by"
          />
        </Group>
        <Anchor component={Link} to={`/commissions/lines?period=${period}`} size="sm">
          See the lines of {periodLabel(period)} →
        </Anchor>
      </Group>
      {error && report && (
        <Box mb="md">
          <ErrorState error={error} title="Could not refresh the report" onRetry={() => void refetch()} />
        </Box>
      )}
      <Box style={{ opacity: stale ? 0.55 : 1, transition: 'opacity 120ms' }}>{body}</Box>
    </>
  );
}

/** A STATUS row's label is the status value. */
function reportGroupRowLabel(label: string): string {
  return label.charAt(0) + label.slice(1).toLowerCase();
}

/** The group's name, linked to where it leads (a reseller's lines, a status's lines). */
function GroupCell({ groupBy, rowKey, label, period }: { groupBy: CommissionReportGroup; rowKey: string; label: string; period: string }) {
  if (groupBy === 'RESELLER') {
    const { code, name } = splitResellerLabel(label);
    return (
      <Group gap="xs" wrap="nowrap">
        <Anchor component={Link} to={`/commissions/lines?period=${period}&reseller=${rowKey}`} ff="monospace" size="sm" fw={600}>
          {code}
        </Anchor>
        <Text size="sm" truncate maw={220}>
          {name}
        </Text>
      </Group>
    );
  }
  if (groupBy === 'STATUS') {
    return (
      <Anchor component={Link} to={`/commissions/lines?period=${period}&status=${rowKey}`}>
        <StatusBadge status={rowKey} />
      </Anchor>
    );
  }
  return (
    <Text size="sm" fw={500}>
      {label}
    </Text>
  );
}

export function CommissionReportPage() {
  return (
    <RequireRole allowed={canReadCommissions}>
      <CommissionReport />
    </RequireRole>
  );
}
