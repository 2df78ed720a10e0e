import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Box, Button, Group, SegmentedControl, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { formatMoney } from '../features/commissions/money';
import { periodLabel, periodShortLabel } from '../features/commissions/period';
import { ConnectionPagination } from '../features/lists/ConnectionPagination';
import { ListTable, rowLinkProps, EmptyPageRow } from '../features/lists/ListTable';
import { listRetry, useListParams } from '../features/lists/useListParams';
import { NewBatchModal } from '../features/payouts/NewBatchModal';
import { BATCH_STATUSES } from '../features/payouts/payouts';
import { canManagePayouts, canReadAchSettings, canReadPayouts } from '../features/viewer/permissions';
import { RequireRole } from '../features/viewer/RequireRole';
import { useViewer } from '../features/viewer/viewer';
import { graphql } from '../gql';
import type { PaymentBatchStatus } from '../gql/graphql';
import { EmptyState, ErrorState, formatDateTime, formatNumber, LoadingState, PageHeader, StatusBadge } from '../ui';
import { IconPlus, IconSettings } from '../ui/icons';
import { humanizeEnum } from '../ui/labels';

const PAGE_SIZE = 20;

const AdminPaymentBatchesQuery = graphql(`
  query AdminPaymentBatches($first: Int!, $after: String, $status: PaymentBatchStatus) {
    paymentBatches(first: $first, after: $after, status: $status) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...PaymentBatchesTable_batch
      }
    }
  }
`);

const STATUS_FILTERS: { value: string; label: string; status: PaymentBatchStatus | null }[] = [
  { value: 'all', label: 'All', status: null },
  ...BATCH_STATUSES.map((status) => ({ value: status.toLowerCase(), label: humanizeEnum(status), status })),
];

function PaymentBatches() {
  const viewer = useViewer();
  const mayManage = canManagePayouts(viewer.role);
  const navigate = useNavigate();
  const list = useListParams();
  const statusFilter = STATUS_FILTERS.find((f) => f.value === list.get('status')) ?? STATUS_FILTERS[0]!;
  const [newOpen, setNewOpen] = useState(false);

  const { data, previousData, loading, error, refetch } = useQuery(AdminPaymentBatchesQuery, {
    variables: { first: PAGE_SIZE, after: list.after, status: statusFilter.status },
    fetchPolicy: 'cache-and-network',
  });
  const connection = (data ?? previousData)?.paymentBatches;
  const filtered = statusFilter.status !== null;

  let body;
  if (error && !connection) {
    body = <ErrorState error={error} title="Could not load payment batches" {...listRetry(list, refetch)} />;
  } else if (!connection) {
    body = <LoadingState label="Loading payment batches…" />;
  } else if (connection.nodes.length === 0 && list.page === 1) {
    body = (
      <EmptyState
        title={filtered ? `No ${humanizeEnum(statusFilter.status ?? '').toLowerCase()} batches` : 'No payment batches yet'}
        description={
          filtered
            ? 'Try another status.'
            : mayManage
              ? 'A batch pays resellers their approved commissions: one payment each, exported as a NACHA file for the bank.'
              : 'Finance drafts a batch after commissions are approved; batches appear here.'
        }
        action={
          filtered ? (
            <Button variant="light" onClick={() => list.setFilters({ status: null })}>
              Show all batches
            </Button>
          ) : mayManage ? (
            <Button variant="light" leftSection={<IconPlus size={14} />} onClick={() => setNewOpen(true)}>
              New batch
            </Button>
          ) : null
        }
      />
    );
  } else {
    body = (
      <ListTable
        refreshing={loading && !data}
        minWidth={1000}
        footer={<ConnectionPagination list={list} connection={connection} pageSize={PAGE_SIZE} disabled={loading && !data} />}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Created</Table.Th>
            <Table.Th>Period</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th ta="right">Payments</Table.Th>
            <Table.Th ta="right">Total</Table.Th>
            <Table.Th>Created by</Table.Th>
            <Table.Th>Approved by</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody data-testid="payment-batches-table">
          {connection.nodes.map((batch) => (
            <Table.Tr key={batch.id} data-testid="payment-batch-row" data-status={batch.status} {...rowLinkProps(() => void navigate(`/payments/${batch.id}`))}>
              <Table.Td>
                <Anchor component={Link} to={`/payments/${batch.id}`} size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(batch.createdAt)}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }} title={`Approved lines of ${periodLabel(batch.period)} and earlier`}>
                  {periodShortLabel(batch.period)}
                </Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {batch.period}
                </Text>
              </Table.Td>
              <Table.Td>
                <StatusBadge status={batch.status} />
              </Table.Td>
              <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {formatNumber(batch.paymentCount)}
              </Table.Td>
              <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                <Text size="sm" fw={600}>
                  {formatMoney(batch.total)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" maw={220} truncate>
                  {batch.createdByLabel}
                </Text>
              </Table.Td>
              <Table.Td>
                {batch.approvedByLabel ? (
                  <>
                    <Text size="sm" maw={220} truncate>
                      {batch.approvedByLabel}
                    </Text>
                    <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      {formatDateTime(batch.approvedAt)}
                    </Text>
                  </>
                ) : (
                  <Text size="sm" c="dimmed">
                    {batch.status === 'DRAFT' ? 'Waiting for approval' : '—'}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
          {connection.nodes.length === 0 && <EmptyPageRow colSpan={7}>No more batches on this page.</EmptyPageRow>}
        </Table.Tbody>
      </ListTable>
    );
  }

  return (
    <>
      <PageHeader
        title="Payments"
        description={
          connection
            ? `${formatNumber(connection.totalCount)} batch${connection.totalCount === 1 ? '' : 'es'}${filtered ? ' with this status' : ''} · draft → approve (a second person) → export → settle`
            : 'Approved commissions paid by ACH: draft → approve (a second person) → export → settle.'
        }
        actions={
          <>
            {canReadAchSettings(viewer.role) && (
              <Button component={Link} to="/settings/ach" variant="default" leftSection={<IconSettings size={16} />} data-testid="ach-settings-link">
                ACH settings
              </Button>
            )}
            {mayManage ? (
              <Button leftSection={<IconPlus size={14} />} onClick={() => setNewOpen(true)} data-testid="new-batch">
                New batch
              </Button>
            ) : (
              <Badge variant="default" size="lg" radius="sm" tt="none" fw={500}>
                Read-only access
              </Badge>
            )}
          </>
        }
      />
      <Group justify="space-between" mb="md" gap="sm" wrap="wrap">
        <SegmentedControl
          aria-label="Status"
          data={STATUS_FILTERS.map(({ value, label }) => ({ value, label }))}
          value={statusFilter.value}
          onChange={(value) => list.setFilters({ status: value === 'all' ? null : value })}
          bg="white"
          withItemsBorders={false}
          style={{ border: '1px solid var(--mantine-color-gray-3)' }}
          data-testid="batch-status-filter"
        />
      </Group>
      {error && connection && (
        <Box mb="md">
          <ErrorState error={error} title="Could not refresh the list" onRetry={() => void refetch()} />
        </Box>
      )}
      {body}
      {mayManage && <NewBatchModal opened={newOpen} onClose={() => setNewOpen(false)} />}
    </>
  );
}

export function PaymentBatchesPage() {
  return (
    <RequireRole allowed={canReadPayouts}>
      <PaymentBatches />
    </RequireRole>
  );
}
