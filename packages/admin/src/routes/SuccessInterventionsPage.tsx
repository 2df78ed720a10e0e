import { useQuery } from '@apollo/client/react';
import { Box, Button, Group, SegmentedControl } from '@mantine/core';
import { ConnectionPagination } from '../features/lists/ConnectionPagination';
import { listRetry, useListParams } from '../features/lists/useListParams';
import { InterventionsTable } from '../features/success/InterventionsTable';
import { canManageSuccess, canReadSuccess } from '../features/viewer/permissions';
import { RequireRole } from '../features/viewer/RequireRole';
import { useViewer } from '../features/viewer/viewer';
import { graphql } from '../gql';
import type { InterventionStatus } from '../gql/graphql';
import { EmptyState, ErrorState, formatNumber, LoadingState, PageHeader } from '../ui';

const PAGE_SIZE = 20;

const AdminInterventionsQuery = graphql(`
  query AdminInterventions($first: Int!, $after: String, $filter: InterventionFilter) {
    interventions(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...SuccessInterventionRow_intervention
      }
    }
  }
`);

const STATUS_FILTERS: { value: string; label: string; statuses: InterventionStatus[] | null }[] = [
  { value: 'all', label: 'All', statuses: null },
  { value: 'open', label: 'Open', statuses: ['PLANNED', 'IN_PROGRESS'] },
  { value: 'planned', label: 'Planned', statuses: ['PLANNED'] },
  { value: 'in_progress', label: 'In progress', statuses: ['IN_PROGRESS'] },
  { value: 'done', label: 'Done', statuses: ['DONE'] },
  { value: 'cancelled', label: 'Cancelled', statuses: ['CANCELLED'] },
];

function Interventions() {
  const viewer = useViewer();
  const mayManage = canManageSuccess(viewer.role);
  const list = useListParams();
  const statusFilter = STATUS_FILTERS.find((f) => f.value === list.get('status')) ?? STATUS_FILTERS[0]!;
  const filtered = statusFilter.statuses !== null;

  const { data, previousData, loading, error, refetch } = useQuery(AdminInterventionsQuery, {
    variables: { first: PAGE_SIZE, after: list.after, filter: { status: statusFilter.statuses } },
    fetchPolicy: 'cache-and-network',
  });
  const connection = (data ?? previousData)?.interventions;
  const overdueOnPage = connection?.nodes.filter((n) => n.overdue).length ?? 0;

  let body;
  if (error && !connection) {
    body = <ErrorState error={error} title="Could not load interventions" {...listRetry(list, refetch)} />;
  } else if (!connection) {
    body = <LoadingState label="Loading interventions…" />;
  } else if (connection.nodes.length === 0 && list.page === 1) {
    body = (
      <EmptyState
        title={filtered ? `No ${statusFilter.label.toLowerCase()} interventions` : 'No interventions yet'}
        description={filtered ? 'Try another status.' : 'Plan one from an alert or from a reseller’s success page: a check-in call, training, marketing support…'}
        action={
          filtered ? (
            <Button variant="light" onClick={() => list.setFilters({ status: null })}>
              Show all interventions
            </Button>
          ) : null
        }
      />
    );
  } else {
    body = (
      <InterventionsTable
        interventions={connection.nodes}
        mayManage={mayManage}
        refreshing={loading && !data}
        empty="No more interventions on this page."
        footer={<ConnectionPagination list={list} connection={connection} pageSize={PAGE_SIZE} disabled={loading && !data} />}
      />
    );
  }

  return (
    <>
      <PageHeader
        back={{ to: '/success', label: 'Partner success' }}
        title="Interventions"
        description={
          connection
            ? `${formatNumber(connection.totalCount)} intervention${connection.totalCount === 1 ? '' : 's'}${filtered ? ' with this status' : ''} · soonest due first${overdueOnPage ? ` · ${overdueOnPage} overdue on this page` : ''}`
            : 'Soonest due first.'
        }
      />
      <Group mb="md" gap="sm" wrap="wrap">
        <SegmentedControl
          aria-label="Status"
          data={STATUS_FILTERS.map(({ value, label }) => ({ value, label }))}
          value={statusFilter.value}
          onChange={(value) => list.setFilters({ status: value === 'all' ? null : value })}
          bg="white"
          withItemsBorders={false}
          style={{ border: '1px solid var(--mantine-color-gray-3)' }}
          data-testid="intervention-status-filter"
        />
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

export function SuccessInterventionsPage() {
  return (
    <RequireRole allowed={canReadSuccess}>
      <Interventions />
    </RequireRole>
  );
}
