import { useQuery } from '@apollo/client/react';
import { Anchor, Box, Button, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { DisputeDrawer } from '../features/commissions/DisputeDrawer';
import { formatMoney, isNegative } from '../features/commissions/money';
import { periodShortLabel } from '../features/commissions/period';
import { ListTable, rowLinkProps } from '../features/lists/ListTable';
import { canManageCommissions, canReadCommissions } from '../features/viewer/permissions';
import { RequireRole } from '../features/viewer/RequireRole';
import { useViewer } from '../features/viewer/viewer';
import { graphql } from '../gql';
import type { DisputeStatus } from '../gql/graphql';
import { EmptyState, ErrorState, formatDateTime, formatNumber, LoadingState, PageHeader, StatusBadge } from '../ui';
import { commissionLineKindLabel } from '../ui/labels';

const AdminCommissionDisputesQuery = graphql(`
  query AdminCommissionDisputes($status: DisputeStatus) {
    commissionDisputes(status: $status) {
      ...DisputeDrawer_dispute
    }
  }
`);

const STATUS_FILTERS: { value: string; label: string; status: DisputeStatus | null }[] = [
  { value: 'OPEN', label: 'Open', status: 'OPEN' },
  { value: 'RESOLVED', label: 'Resolved', status: 'RESOLVED' },
  { value: 'all', label: 'All', status: null },
];

function CommissionDisputes() {
  const viewer = useViewer();
  const mayManage = canManageCommissions(viewer.role);
  const [searchParams, setSearchParams] = useSearchParams();
  const filter = STATUS_FILTERS.find((f) => f.value === searchParams.get('status')) ?? STATUS_FILTERS[0]!;
  const openId = searchParams.get('dispute');

  const { data, previousData, loading, error, refetch } = useQuery(AdminCommissionDisputesQuery, {
    variables: { status: filter.status },
    fetchPolicy: 'cache-and-network',
  });
  const disputes = (data ?? previousData)?.commissionDisputes;

  function setParams(changes: Record<string, string | null>, replace = false) {
    setSearchParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null) next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace },
    );
  }

  let body;
  if (error && !disputes) {
    body = <ErrorState error={error} title="Could not load disputes" onRetry={() => void refetch()} />;
  } else if (!disputes) {
    body = <LoadingState label="Loading disputes…" />;
  } else if (disputes.length === 0) {
    body = (
      <EmptyState
        title={filter.status === 'OPEN' ? 'No open disputes' : filter.status === 'RESOLVED' ? 'No resolved disputes' : 'No disputes yet'}
        description="Partners dispute a commission line from the portal; each dispute is tracked here to its resolution."
        action={
          filter.status === 'OPEN' ? (
            <Button variant="light" onClick={() => setParams({ status: 'all' })}>
              Show all disputes
            </Button>
          ) : null
        }
      />
    );
  } else {
    body = (
      <ListTable refreshing={loading && !data} minWidth={1040}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Opened</Table.Th>
            <Table.Th>Reseller</Table.Th>
            <Table.Th>Line</Table.Th>
            <Table.Th ta="right">Disputed amount</Table.Th>
            <Table.Th>Latest message</Table.Th>
            <Table.Th>Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody data-testid="disputes-table">
          {disputes.map((dispute) => {
            const last = dispute.messages.at(-1);
            const selected = dispute.id === openId;
            return (
              <Table.Tr
                key={dispute.id}
                data-testid="dispute-row"
                {...rowLinkProps(() => setParams({ dispute: dispute.id }))}
                style={{ cursor: 'pointer', background: selected ? 'var(--mantine-color-indigo-0)' : undefined }}
              >
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {formatDateTime(dispute.createdAt)}
                  </Text>
                  <Text size="xs" c="dimmed" maw={200} truncate>
                    by {dispute.openedBy}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/resellers/${dispute.reseller.id}`} ff="monospace" size="sm" fw={600}>
                    {dispute.reseller.code}
                  </Anchor>
                  <Text size="xs" c="dimmed" maw={200} truncate>
                    {dispute.reseller.companyName}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {periodShortLabel(dispute.period)}
                    {dispute.line ? ` · ${commissionLineKindLabel(dispute.line.kind)}` : ''}
                  </Text>
                  <Text size="xs" c="dimmed" maw={220} truncate>
                    {!dispute.line
                      ? 'Line replaced by a rerun'
                      : dispute.line.customer
                        ? `${dispute.line.customer.name} (${dispute.line.customer.externalId})`
                        : 'Reseller level'}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                  <Text size="sm" fw={600} c={isNegative(dispute.lineAmount) ? 'red.7' : undefined}>
                    {formatMoney(dispute.lineAmount)}
                  </Text>
                  {dispute.correctedAmount && (
                    <Text size="xs" c="green.8">
                      → {formatMoney(dispute.correctedAmount)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td maw={320}>
                  {last ? (
                    <>
                      <Text size="sm" truncate>
                        {last.body}
                      </Text>
                      <Text size="xs" c="dimmed" truncate>
                        {last.fromPartner ? 'Partner' : 'ISP'} · {last.authorLabel} · {formatNumber(dispute.messages.length)} message
                        {dispute.messages.length === 1 ? '' : 's'}
                      </Text>
                    </>
                  ) : (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Stack gap={4} align="flex-start">
                    <StatusBadge status={dispute.status} />
                    {dispute.resolution && <StatusBadge status={dispute.resolution} size="sm" />}
                  </Stack>
                </Table.Td>
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
        title="Commission disputes"
        description={
          disputes
            ? `${formatNumber(disputes.length)} ${filter.status ? filter.label.toLowerCase() : ''} dispute${disputes.length === 1 ? '' : 's'}, newest first. A disputed line is not payable until it is resolved.`
            : 'Partners’ disputes of commission lines, tracked to resolution.'
        }
      />
      <Group mb="md">
        <SegmentedControl
          aria-label="Status"
          data={STATUS_FILTERS.map(({ value, label }) => ({ value, label }))}
          value={filter.value}
          onChange={(value) => setParams({ status: value === 'OPEN' ? null : value })}
          bg="white"
          withItemsBorders={false}
          style={{ border: '1px solid var(--mantine-color-gray-3)' }}
          data-testid="dispute-status-filter"
        />
      </Group>
      {error && disputes && (
        <Box mb="md">
          <ErrorState error={error} title="Could not refresh the list" onRetry={() => void refetch()} />
        </Box>
      )}
      {body}
      <DisputeDrawer
        disputeId={openId}
        onClose={() => setParams({ dispute: null })}
        mayManage={mayManage}
        currency={viewer.tenant.currency}
        loading={!disputes && loading}
      />
    </>
  );
}

export function CommissionDisputesPage() {
  return (
    <RequireRole allowed={canReadCommissions}>
      <CommissionDisputes />
    </RequireRole>
  );
}
