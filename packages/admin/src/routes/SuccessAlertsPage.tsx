import { useQuery } from '@apollo/client/react';
import { Box, Button, CloseButton, Group, SegmentedControl, Select, Text } from '@mantine/core';
import { ConnectionPagination } from '../features/lists/ConnectionPagination';
import { listRetry, useListParams } from '../features/lists/useListParams';
import { AlertsTable } from '../features/success/AlertsTable';
import { SEVERITIES } from '../features/success/health';
import { canManageSuccess, canReadSuccess } from '../features/viewer/permissions';
import { RequireRole } from '../features/viewer/RequireRole';
import { useViewer } from '../features/viewer/viewer';
import { graphql } from '../gql';
import type { AlertSeverity, AlertStatus } from '../gql/graphql';
import { EmptyState, ErrorState, formatNumber, LoadingState, PageHeader } from '../ui';
import { humanizeEnum } from '../ui/labels';

const PAGE_SIZE = 20;

const AdminPartnerAlertsQuery = graphql(`
  query AdminPartnerAlerts($first: Int!, $after: String, $filter: PartnerAlertFilter) {
    partnerAlerts(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...SuccessAlertRow_alert
      }
    }
  }
`);

const STATUS_FILTERS: { value: string; label: string; statuses: AlertStatus[] | null }[] = [
  { value: 'all', label: 'All', statuses: null },
  { value: 'unresolved', label: 'Unresolved', statuses: ['OPEN', 'ACKNOWLEDGED'] },
  { value: 'open', label: 'Open', statuses: ['OPEN'] },
  { value: 'acknowledged', label: 'Acknowledged', statuses: ['ACKNOWLEDGED'] },
  { value: 'resolved', label: 'Resolved', statuses: ['RESOLVED'] },
];

function PartnerAlerts() {
  const viewer = useViewer();
  const mayManage = canManageSuccess(viewer.role);
  const list = useListParams();
  const statusFilter = STATUS_FILTERS.find((f) => f.value === list.get('status')) ?? STATUS_FILTERS[0]!;
  const severity = SEVERITIES.find((s) => s.toLowerCase() === list.get('severity')) ?? null;
  const resellerId = list.get('reseller') || null;
  const filtered = statusFilter.statuses !== null || severity !== null || resellerId !== null;

  const { data, previousData, loading, error, refetch } = useQuery(AdminPartnerAlertsQuery, {
    variables: {
      first: PAGE_SIZE,
      after: list.after,
      filter: { status: statusFilter.statuses, severity: severity ? [severity as AlertSeverity] : null, resellerId },
    },
    fetchPolicy: 'cache-and-network',
  });
  const connection = (data ?? previousData)?.partnerAlerts;
  const resellerCode = resellerId ? connection?.nodes.find((n) => n.reseller.id === resellerId)?.reseller.code : undefined;

  let body;
  if (error && !connection) {
    body = <ErrorState error={error} title="Could not load alerts" {...listRetry(list, refetch)} />;
  } else if (!connection) {
    body = <LoadingState label="Loading alerts…" />;
  } else if (connection.nodes.length === 0 && list.page === 1) {
    body = (
      <EmptyState
        title={filtered ? 'No alerts match these filters' : 'No alerts yet'}
        description={filtered ? 'Try another status or severity.' : 'The nightly health recompute raises alerts when a rule fires (a band drop, a score fall, churn, no new customers…).'}
        action={
          filtered ? (
            <Button variant="light" onClick={() => list.setFilters({ status: null, severity: null, reseller: null })}>
              Show all alerts
            </Button>
          ) : null
        }
      />
    );
  } else {
    body = (
      <AlertsTable
        alerts={connection.nodes}
        mayManage={mayManage}
        refreshing={loading && !data}
        empty="No more alerts on this page."
        footer={<ConnectionPagination list={list} connection={connection} pageSize={PAGE_SIZE} disabled={loading && !data} />}
      />
    );
  }

  return (
    <>
      <PageHeader
        back={{ to: '/success', label: 'Partner success' }}
        title="Partner alerts"
        description={
          connection
            ? `${formatNumber(connection.totalCount)} alert${connection.totalCount === 1 ? '' : 's'}${filtered ? ' matching the filters' : ''} · newest first · raised by the health recompute, open → acknowledged → resolved`
            : 'Raised by the health recompute: open → acknowledged → resolved.'
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
          data-testid="alert-status-filter"
        />
        <Select
          aria-label="Severity"
          placeholder="Any severity"
          data={SEVERITIES.map((s) => ({ value: s.toLowerCase(), label: humanizeEnum(s) }))}
          value={severity ? severity.toLowerCase() : null}
          onChange={(value) => list.setFilters({ severity: value })}
          clearable
          w={170}
          data-testid="alert-severity-filter"
        />
        {resellerId && (
          <Group gap={4} px="sm" py={4} bg="white" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 6 }}>
            <Text size="sm">Reseller {resellerCode ?? ''}</Text>
            <CloseButton size="sm" aria-label="Show every reseller" onClick={() => list.setFilters({ reseller: null })} />
          </Group>
        )}
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

export function SuccessAlertsPage() {
  return (
    <RequireRole allowed={canReadSuccess}>
      <PartnerAlerts />
    </RequireRole>
  );
}
