import { useQuery } from '@apollo/client/react';
import { ConnectionPagination } from '../features/lists/ConnectionPagination';
import { Anchor, Box, Button, Group, SegmentedControl, Select, Table, Text } from '@mantine/core';
import { useCallback } from 'react';
import { Link, useNavigate } from 'react-router';
import { ListTable, rowLinkProps, EmptyPageRow } from '../features/lists/ListTable';
import { SearchInput } from '../features/lists/SearchInput';
import { SortableTh } from '../features/lists/SortableTh';
import { listRetry, useListParams } from '../features/lists/useListParams';
import { graphql } from '../gql';
import type { ApplicationOrderField, ApplicationStatus, SortDirection } from '../gql/graphql';
import { EmptyState, ErrorState, formatDate, formatNumber, LoadingState, PageHeader, StatusBadge } from '../ui';
import { businessTypeLabel } from '../ui/labels';

const PAGE_SIZE = 20;

const AdminApplicationsQuery = graphql(`
  query AdminApplications(
    $first: Int!
    $after: String
    $filter: ResellerApplicationFilter
    $orderBy: ResellerApplicationOrder
  ) {
    resellerApplications(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        companyName
        contactName
        contactEmail
        businessType
        territory
        status
        createdAt
      }
    }
  }
`);

// The status filter: "Open" (awaiting a decision) is the reviewer's default view.
const STATUS_FILTERS: { value: string; label: string; statuses: ApplicationStatus[] | null }[] = [
  { value: 'open', label: 'Open', statuses: ['SUBMITTED', 'UNDER_REVIEW'] },
  { value: 'submitted', label: 'Submitted', statuses: ['SUBMITTED'] },
  { value: 'under_review', label: 'Under review', statuses: ['UNDER_REVIEW'] },
  { value: 'approved', label: 'Approved', statuses: ['APPROVED'] },
  { value: 'rejected', label: 'Rejected', statuses: ['REJECTED'] },
  { value: 'withdrawn', label: 'Withdrawn', statuses: ['WITHDRAWN'] },
  { value: 'all', label: 'All', statuses: null },
];
const DEFAULT_STATUS = 'open';

const SORT_OPTIONS: { value: string; label: string }[] = [
  { value: 'CREATED_AT:DESC', label: 'Newest first' },
  { value: 'CREATED_AT:ASC', label: 'Oldest first' },
  { value: 'COMPANY_NAME:ASC', label: 'Company A–Z' },
  { value: 'COMPANY_NAME:DESC', label: 'Company Z–A' },
  { value: 'STATUS:ASC', label: 'Status A–Z' },
  { value: 'STATUS:DESC', label: 'Status Z–A' },
];
const DEFAULT_SORT = 'CREATED_AT:DESC';

function parseSort(value: string): { field: ApplicationOrderField; direction: SortDirection } {
  const option = SORT_OPTIONS.find((o) => o.value === value)?.value ?? DEFAULT_SORT;
  const [field, direction] = option.split(':') as [ApplicationOrderField, SortDirection];
  return { field, direction };
}

export function ApplicationsPage() {
  const navigate = useNavigate();
  const list = useListParams();
  const statusFilter = STATUS_FILTERS.find((f) => f.value === list.get('status')) ?? STATUS_FILTERS[0]!;
  const search = list.get('q');
  const sort = parseSort(list.get('sort'));
  const sortValue = `${sort.field}:${sort.direction}`;

  const { data, previousData, loading, error, refetch } = useQuery(AdminApplicationsQuery, {
    variables: {
      first: PAGE_SIZE,
      after: list.after,
      filter: { status: statusFilter.statuses, search: search || null },
      orderBy: sort,
    },
    // Decisions made elsewhere move applications between filters: always ask the server too.
    fetchPolicy: 'cache-and-network',
  });
  const connection = (data ?? previousData)?.resellerApplications;

  const { setFilters } = list;
  const onSearch = useCallback((value: string) => setFilters({ q: value }, { replace: true }), [setFilters]);

  function sortBy(field: ApplicationOrderField) {
    const direction: SortDirection =
      sort.field === field ? (sort.direction === 'ASC' ? 'DESC' : 'ASC') : field === 'CREATED_AT' ? 'DESC' : 'ASC';
    const value = `${field}:${direction}`;
    setFilters({ sort: value === DEFAULT_SORT ? null : value });
  }
  const sortedAs = (field: ApplicationOrderField) => (sort.field === field ? sort.direction : null);
  const filtered = statusFilter.value !== 'all' || search !== '';

  let body;
  if (error && !connection) {
    body = (
      <ErrorState
        error={error}
        title="Could not load applications"
        {...listRetry(list, refetch)}
      />
    );
  } else if (!connection) {
    body = <LoadingState label="Loading applications…" />;
  } else if (connection.nodes.length === 0 && list.page === 1) {
    body = (
      <EmptyState
        title={search ? `No applications match “${search}”` : `No ${statusFilter.label.toLowerCase()} applications`}
        description={
          statusFilter.value === 'open' && !search
            ? 'Every application has been decided. New ones appear here as partners apply.'
            : 'Try another status or search.'
        }
        action={
          filtered ? (
            <Button variant="light" onClick={() => setFilters({ status: 'all', q: null })}>
              Show all applications
            </Button>
          ) : null
        }
      />
    );
  } else {
    body = (
      <ListTable
        refreshing={loading && !data}
        layout="fixed"
        minWidth={1000}
        footer={
          <ConnectionPagination list={list} connection={connection} pageSize={PAGE_SIZE} disabled={loading && !data} />
        }
      >
        <Table.Thead>
          <Table.Tr>
            <SortableTh w="20%" sorted={sortedAs('COMPANY_NAME')} onSort={() => sortBy('COMPANY_NAME')}>
              Company
            </SortableTh>
            <Table.Th w="15%">Contact</Table.Th>
            <Table.Th w="19%">Email</Table.Th>
            <Table.Th w="11%">Business type</Table.Th>
            <Table.Th w="12%">Territory</Table.Th>
            <SortableTh w="12%" sorted={sortedAs('STATUS')} onSort={() => sortBy('STATUS')}>
              Status
            </SortableTh>
            <SortableTh w="11%" sorted={sortedAs('CREATED_AT')} onSort={() => sortBy('CREATED_AT')}>
              Submitted
            </SortableTh>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {connection.nodes.map((application) => (
            <Table.Tr key={application.id} {...rowLinkProps(() => void navigate(`/applications/${application.id}`))}>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/applications/${application.id}`}
                  fw={600}
                  c="dark"
                  size="sm"
                  truncate="end"
                  display="block"
                  title={application.companyName}
                >
                  {application.companyName}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm" truncate title={application.contactName}>
                  {application.contactName}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed" truncate title={application.contactEmail}>
                  {application.contactEmail}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" truncate>
                  {businessTypeLabel(application.businessType)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" truncate title={application.territory.join(', ')}>
                  {application.territory.join(', ')}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <StatusBadge status={application.status} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(application.createdAt)}</Table.Td>
            </Table.Tr>
          ))}
          {connection.nodes.length === 0 && <EmptyPageRow colSpan={7}>No more applications on this page.</EmptyPageRow>}
        </Table.Tbody>
      </ListTable>
    );
  }

  return (
    <>
      <PageHeader
        title="Applications"
        description={
          connection
            ? `${formatNumber(connection.totalCount)} ${statusFilter.value === 'all' ? '' : `${statusFilter.label.toLowerCase()} `}application${connection.totalCount === 1 ? '' : 's'}${search ? ` matching “${search}”` : ''}`
            : 'Partner applications waiting for review, and past decisions.'
        }
      />
      <Group justify="space-between" mb="md" gap="sm" wrap="wrap">
        <SegmentedControl
          aria-label="Status"
          data={STATUS_FILTERS.map(({ value, label }) => ({ value, label }))}
          value={statusFilter.value}
          onChange={(value) => setFilters({ status: value === DEFAULT_STATUS ? null : value })}
          bg="white"
          withItemsBorders={false}
          style={{ border: '1px solid var(--mantine-color-gray-3)' }}
        />
        <Group gap="sm" wrap="wrap">
          <SearchInput value={search} onSearch={onSearch} placeholder="Search applications" />
          <Select
            aria-label="Sort by"
            data={SORT_OPTIONS}
            value={sortValue}
            onChange={(value) => setFilters({ sort: !value || value === DEFAULT_SORT ? null : value })}
            allowDeselect={false}
            w={170}
          />
        </Group>
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
