import { useQuery } from '@apollo/client/react';
import { ConnectionPagination } from '../features/lists/ConnectionPagination';
import { Anchor, Box, Button, Group, SegmentedControl, Select, Table, Text } from '@mantine/core';
import { useCallback } from 'react';
import { Link, useNavigate } from 'react-router';
import { ListTable, rowLinkProps, EmptyPageRow } from '../features/lists/ListTable';
import { SearchInput } from '../features/lists/SearchInput';
import { listRetry, useListParams } from '../features/lists/useListParams';
import { graphql } from '../gql';
import type { ResellerStatus, ResellerTier } from '../gql/graphql';
import {
  EmptyState,
  ErrorState,
  formatDate,
  formatNumber,
  LoadingState,
  PageHeader,
  StatusBadge,
  TierBadge,
} from '../ui';

const PAGE_SIZE = 20;

const AdminResellersQuery = graphql(`
  query AdminResellers($first: Int!, $after: String, $filter: ResellerFilter) {
    resellers(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        code
        companyName
        contactName
        contactEmail
        status
        tier
        approvedAt
      }
    }
  }
`);

const STATUS_FILTERS: { value: string; label: string; status: ResellerStatus | null }[] = [
  { value: 'all', label: 'All', status: null },
  { value: 'onboarding', label: 'Onboarding', status: 'ONBOARDING' },
  { value: 'active', label: 'Active', status: 'ACTIVE' },
  { value: 'suspended', label: 'Suspended', status: 'SUSPENDED' },
  { value: 'terminated', label: 'Terminated', status: 'TERMINATED' },
];

const TIERS: { value: ResellerTier; label: string }[] = [
  { value: 'BRONZE', label: 'Bronze' },
  { value: 'SILVER', label: 'Silver' },
  { value: 'GOLD', label: 'Gold' },
  { value: 'PLATINUM', label: 'Platinum' },
];

export function ResellersPage() {
  const navigate = useNavigate();
  const list = useListParams();
  const statusFilter = STATUS_FILTERS.find((f) => f.value === list.get('status')) ?? STATUS_FILTERS[0]!;
  const tier = TIERS.find((t) => t.value === list.get('tier'))?.value ?? null;
  const search = list.get('q');

  const { data, previousData, loading, error, refetch } = useQuery(AdminResellersQuery, {
    variables: {
      first: PAGE_SIZE,
      after: list.after,
      filter: {
        status: statusFilter.status ? [statusFilter.status] : null,
        tier: tier ? [tier] : null,
        search: search || null,
      },
    },
    fetchPolicy: 'cache-and-network',
  });
  const connection = (data ?? previousData)?.resellers;

  const { setFilters } = list;
  const onSearch = useCallback((value: string) => setFilters({ q: value }, { replace: true }), [setFilters]);
  const filtered = statusFilter.status !== null || tier !== null || search !== '';

  let body;
  if (error && !connection) {
    body = <ErrorState error={error} title="Could not load resellers" {...listRetry(list, refetch)} />;
  } else if (!connection) {
    body = <LoadingState label="Loading resellers…" />;
  } else if (connection.nodes.length === 0 && list.page === 1) {
    body = (
      <EmptyState
        title={filtered ? 'No resellers match these filters' : 'No resellers yet'}
        description={
          filtered ? 'Try another status, tier or search.' : 'A reseller is created when you approve an application.'
        }
        action={
          filtered ? (
            <Button variant="light" onClick={() => setFilters({ status: null, tier: null, q: null })}>
              Clear filters
            </Button>
          ) : (
            <Button component={Link} to="/applications" variant="light">
              Review applications
            </Button>
          )
        }
      />
    );
  } else {
    body = (
      <ListTable
        refreshing={loading && !data}
        minWidth={820}
        footer={
          <ConnectionPagination list={list} connection={connection} pageSize={PAGE_SIZE} disabled={loading && !data} />
        }
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={120}>Code</Table.Th>
            <Table.Th>Company</Table.Th>
            <Table.Th>Contact</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Tier</Table.Th>
            <Table.Th>Approved</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {connection.nodes.map((reseller) => (
            <Table.Tr key={reseller.id} {...rowLinkProps(() => void navigate(`/resellers/${reseller.id}`))}>
              <Table.Td>
                <Anchor component={Link} to={`/resellers/${reseller.id}`} ff="monospace" size="sm" fw={600}>
                  {reseller.code}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {reseller.companyName}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{reseller.contactName}</Text>
                <Text size="xs" c="dimmed">
                  {reseller.contactEmail}
                </Text>
              </Table.Td>
              <Table.Td>
                <StatusBadge status={reseller.status} />
              </Table.Td>
              <Table.Td>
                <TierBadge tier={reseller.tier} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(reseller.approvedAt)}</Table.Td>
            </Table.Tr>
          ))}
          {connection.nodes.length === 0 && <EmptyPageRow colSpan={6}>No more resellers on this page.</EmptyPageRow>}
        </Table.Tbody>
      </ListTable>
    );
  }

  return (
    <>
      <PageHeader
        title="Resellers"
        description={
          connection
            ? `${formatNumber(connection.totalCount)} reseller${connection.totalCount === 1 ? '' : 's'}${filtered ? ' matching the filters' : ''}`
            : 'Approved partners and their lifecycle status.'
        }
      />
      <Group justify="space-between" mb="md" gap="sm" wrap="wrap">
        <Group gap="sm" wrap="wrap">
          <SegmentedControl
            aria-label="Status"
            data={STATUS_FILTERS.map(({ value, label }) => ({ value, label }))}
            value={statusFilter.value}
            onChange={(value) => setFilters({ status: value === 'all' ? null : value })}
            bg="white"
            withItemsBorders={false}
            style={{ border: '1px solid var(--mantine-color-gray-3)' }}
          />
          <Select
            aria-label="Tier"
            placeholder="All tiers"
            data={TIERS}
            value={tier}
            onChange={(value) => setFilters({ tier: value })}
            clearable
            w={150}
          />
        </Group>
        <SearchInput value={search} onSearch={onSearch} placeholder="Search resellers" />
      </Group>
      {error && connection && (
        <Box mb="md">
          <ErrorState error={error} title="Could not refresh the list" onRetry={() => void refetch()} />
        </Box>
      )}
      {body}
    </>
  );
}
