import { useQuery } from '@apollo/client/react';
import { Box, Card, Divider, Group, Select, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { CommissionChart, type ChartPeriod } from '../features/commissions/CommissionChart';
import { CommissionLines, sortLines } from '../features/commissions/CommissionLines';
import { DisputeModal } from '../features/commissions/DisputeModal';
import { formatMoney, formatPeriod, isNegative, plural } from '../features/commissions/format';
import { STATUS_MEANINGS, STATUS_ORDER } from '../features/commissions/labels';
import { PortalCommissionHistoryQueryDocument, PortalCommissionStatementQueryDocument } from '../features/commissions/queries';
import type { CommissionLines_LineFragment, CommissionLineStatus } from '../gql/graphql';
import { EmptyState, ErrorState, LoadingState, PageHeader, StatusBadge } from '../ui';

const TITLE = 'My commissions';
const DESCRIPTION = 'What you earned each month on your customers’ paid invoices, and how every amount was calculated.';

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

/** '7 lines' per status, in the lines' life-cycle order, with what the status means. */
function StatusSummary({ lines }: { lines: readonly CommissionLines_LineFragment[] }) {
  const counts = new Map<CommissionLineStatus, number>();
  for (const line of lines) counts.set(line.status, (counts.get(line.status) ?? 0) + 1);
  const present = STATUS_ORDER.filter((status) => counts.has(status));
  if (present.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No lines
      </Text>
    );
  }
  return (
    <Stack gap={6} data-testid="commission-status-summary">
      {present.map((status) => (
        <Group key={status} gap={8} wrap="nowrap" align="flex-start">
          <Box w="max-content" style={{ flexShrink: 0 }}>
            <StatusBadge status={status} />
          </Box>
          <Text size="sm">
            <b>{plural(counts.get(status) ?? 0, 'line')}</b>{' '}
            <Text span c="dimmed" inherit>
              {STATUS_MEANINGS[status]}
            </Text>
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

type PeriodStatementProps = {
  period: string;
  history: readonly ChartPeriod[];
  onSelect: (period: string) => void;
  phone: boolean;
};

/** The selected period: its total, line count and statuses, then its lines. */
function PeriodStatement({ period, history, onSelect, phone }: PeriodStatementProps) {
  const { data, loading, error, refetch } = useQuery(PortalCommissionStatementQueryDocument, { variables: { period } });
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const [disputing, setDisputing] = useState<CommissionLines_LineFragment | null>(null);

  const entry = history.find((item) => item.period === period);
  const statement = data?.myCommissions.period === period ? data.myCommissions : null;
  // The statement's total once loaded; the history's (also the api's) until then.
  const total = statement?.total ?? entry?.total ?? null;
  const lineCount = statement ? statement.lines.length : (entry?.lineCount ?? 0);

  function toggle(lineId: string) {
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(lineId)) next.delete(lineId);
      else next.add(lineId);
      return next;
    });
  }

  function showLine(lineId: string) {
    setExpanded((current) => new Set(current).add(lineId));
  }

  let lines: ReactNode;
  if (statement) {
    lines =
      statement.lines.length === 0 ? (
        <EmptyState title="No lines in this period" description="Nothing was earned or adjusted in this month." />
      ) : (
        <Stack gap="md">
          <CommissionLines
            lines={sortLines(statement.lines)}
            phone={phone}
            expanded={expanded}
            onToggle={toggle}
            onDispute={setDisputing}
            onStale={() => void refetch()}
          />
          <Group justify="flex-end" gap="md" px={phone ? 0 : 'sm'}>
            <Text size="sm" c="dimmed">
              Total for {formatPeriod(period)}
            </Text>
            <Text fw={700} c={isNegative(statement.total.amount) ? 'red.7' : undefined} style={{ fontVariantNumeric: 'tabular-nums' }}>
              {formatMoney(statement.total)}
            </Text>
          </Group>
        </Stack>
      );
  } else if (loading) {
    lines = <LoadingState label={`Loading the lines of ${formatPeriod(period)}…`} />;
  } else {
    lines = <ErrorState error={error} title="Could not load the commission lines" onRetry={() => void refetch()} />;
  }

  return (
    <>
      <Card withBorder padding="lg" radius="md">
        <Stack gap="lg">
          <Group justify="space-between" align="flex-end" gap="md">
            <Stack gap={2}>
              <Text fw={600} size="lg">
                {formatPeriod(period)}
              </Text>
              <Text size="sm" c="dimmed">
                Commission statement for the month
              </Text>
            </Stack>
            <Select
              label="Period"
              data={history.map((item) => ({ value: item.period, label: formatPeriod(item.period) }))}
              value={period}
              onChange={(value) => {
                if (value) onSelect(value);
              }}
              allowDeselect={false}
              checkIconPosition="right"
              w={{ base: '100%', xs: 220 }}
              comboboxProps={{ withinPortal: true }}
              data-testid="period-select"
            />
          </Group>
          <Divider />
          <SimpleGrid cols={{ base: 1, xs: 2, sm: 3 }} spacing="lg" verticalSpacing="lg">
            <Stat label="Total">
              {total ? (
                <Text
                  fz={30}
                  fw={700}
                  lh={1.1}
                  c={isNegative(total.amount) ? 'red.7' : undefined}
                  style={{ fontVariantNumeric: 'tabular-nums' }}
                  data-testid="commission-total"
                >
                  {formatMoney(total)}
                </Text>
              ) : (
                <Skeleton h={32} w={140} />
              )}
            </Stat>
            <Stat label="Lines">
              <Text fz={30} fw={700} lh={1.1} data-testid="commission-line-count">
                {lineCount}
              </Text>
            </Stat>
            <Stat label="Status">
              {statement ? <StatusSummary lines={statement.lines} /> : <Skeleton h={24} w={200} />}
            </Stat>
          </SimpleGrid>
        </Stack>
      </Card>

      <Card withBorder padding={phone ? 'sm' : 'lg'} radius="md">
        <Stack gap={2} mb="md" px={phone ? 4 : 0}>
          <Text fw={600} size="lg">
            Commission lines
          </Text>
          <Text size="sm" c="dimmed">
            Select a line to see how it was calculated. If an amount looks wrong, dispute it and the ISP’s finance team answers here.
          </Text>
        </Stack>
        {lines}
      </Card>

      <DisputeModal line={disputing} onClose={() => setDisputing(null)} onShowLine={showLine} onStale={() => void refetch()} />
    </>
  );
}

export function CommissionsPage() {
  const { data, loading, error, refetch } = useQuery(PortalCommissionHistoryQueryDocument);
  const [searchParams, setSearchParams] = useSearchParams();
  // Below Mantine's `sm` breakpoint (48em): cards instead of a table.
  const phone = useMediaQuery('(max-width: 47.99em)') ?? false;

  if (!data) {
    return (
      <>
        <PageHeader title={TITLE} description={DESCRIPTION} />
        {loading ? (
          <LoadingState label="Loading your commissions…" />
        ) : (
          <ErrorState error={error} title="Could not load your commissions" onRetry={() => void refetch()} />
        )}
      </>
    );
  }

  const history = data.myCommissionHistory;
  const newest = history[0];
  if (!newest) {
    return (
      <>
        <PageHeader title={TITLE} description={DESCRIPTION} />
        <EmptyState
          title="No commissions yet"
          description={`Commissions appear here after ${data.me.tenant.name}’s monthly commission run: each month the ISP calculates what you earned on your customers’ paid invoices. You will then see every line, how it was calculated, and can dispute anything that looks wrong.`}
        />
      </>
    );
  }

  // The period in the address (so a month can be linked to and survives a reload), else the newest.
  const requested = searchParams.get('period');
  const period = history.some((item) => item.period === requested) && requested ? requested : newest.period;

  function select(next: string) {
    setSearchParams(
      (current) => {
        const params = new URLSearchParams(current);
        params.set('period', next);
        return params;
      },
      { replace: true },
    );
  }

  return (
    <>
      <PageHeader title={TITLE} description={DESCRIPTION} />
      <Stack gap="lg">
        <Card withBorder padding="lg" radius="md">
          <Stack gap={2} mb="md">
            <Text fw={600} size="lg">
              Monthly totals
            </Text>
            <Text size="sm" c="dimmed">
              Your last {plural(history.length, 'month')} with commissions. Select a bar to see that month.
            </Text>
          </Stack>
          <CommissionChart history={history} selected={period} onSelect={select} />
        </Card>
        <PeriodStatement period={period} history={history} onSelect={select} phone={phone} />
      </Stack>
    </>
  );
}
