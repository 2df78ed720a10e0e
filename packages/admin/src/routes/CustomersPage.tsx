import { useQuery } from '@apollo/client/react';
import { Anchor, Box, Button, Checkbox, Group, MultiSelect, NumberInput, Select, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback } from 'react';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../app/errors';
import { useRecomputeCustomerHealth } from '../features/customers/customers';
import { ResellerSelect } from '../features/customers/ResellerSelect';
import { CUSTOMER_STAGES, HealthBadge, StageBadge, stageLabel } from '../features/customers/stages';
import { formatMoney } from '../features/commissions/money';
import { ConnectionPagination } from '../features/lists/ConnectionPagination';
import { ListTable, rowLinkProps, EmptyPageRow } from '../features/lists/ListTable';
import { SearchInput } from '../features/lists/SearchInput';
import { listRetry, useListParams } from '../features/lists/useListParams';
import { canManageCustomers, canReadCustomers } from '../features/viewer/permissions';
import { RequireRole } from '../features/viewer/RequireRole';
import { useViewer } from '../features/viewer/viewer';
import { graphql } from '../gql';
import type { CustomerOrder, CustomerStage } from '../gql/graphql';
import { EmptyState, ErrorState, formatNumber, LoadingState, PageHeader } from '../ui';
import { IconDownload, IconRefresh } from '../ui/icons';

const PAGE_SIZE = 25;

const AdminCustomersQuery = graphql(`
  query AdminCustomers($first: Int!, $after: String, $filter: CustomerFilter, $orderBy: CustomerOrder) {
    customers(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        externalId
        name
        email
        servicePlan
        mrr {
          amount
          currency
        }
        stage
        daysInStage
        healthScore
        reseller {
          id
          code
          companyName
        }
      }
    }
  }
`);

const ORDERS: { value: CustomerOrder; label: string }[] = [
  { value: 'NAME', label: 'Name (A–Z)' },
  { value: 'MRR_DESC', label: 'MRR (highest first)' },
  { value: 'NEWEST', label: 'Newest first' },
  { value: 'STAGE_OLDEST', label: 'Longest in stage' },
];

/** `?stage=ACTIVE,AT_RISK` → the known stages among them. */
function stagesOf(text: string): CustomerStage[] {
  const wanted = new Set(text.split(',').filter(Boolean));
  return CUSTOMER_STAGES.filter((stage) => wanted.has(stage));
}

/** `?health=40` → 40; anything that is not a whole number 0–100 is no filter. */
function healthOf(text: string): number | null {
  if (!/^\d{1,3}$/.test(text)) return null;
  const value = Number(text);
  return value <= 100 ? value : null;
}

function Customers() {
  const navigate = useNavigate();
  const { role } = useViewer();
  const mayManage = canManageCustomers(role);
  const list = useListParams();
  const unassigned = list.get('unassigned') === '1';
  // "Unassigned only" and a reseller exclude each other: the reseller filter gives way.
  const resellerId = unassigned ? '' : list.get('reseller');
  const stages = stagesOf(list.get('stage'));
  const maxHealth = healthOf(list.get('health'));
  const search = list.get('q');
  const orderBy = ORDERS.find((o) => o.value === list.get('sort'))?.value ?? 'NAME';

  const { data, previousData, loading, error, refetch } = useQuery(AdminCustomersQuery, {
    variables: {
      first: PAGE_SIZE,
      after: list.after,
      filter: {
        resellerId: resellerId || null,
        unassigned: unassigned || null,
        stage: stages.length ? stages : null,
        maxHealth,
        search: search || null,
      },
      orderBy,
    },
    fetchPolicy: 'cache-and-network',
  });
  const connection = (data ?? previousData)?.customers;
  const [recompute, recomputeState] = useRecomputeCustomerHealth();

  const { setFilters } = list;
  const onSearch = useCallback((value: string) => setFilters({ q: value }, { replace: true }), [setFilters]);
  const filtered = resellerId !== '' || unassigned || stages.length > 0 || maxHealth !== null || search !== '';

  async function doRecompute() {
    try {
      const answer = await recompute({ variables: { input: resellerId ? { resellerId } : null } });
      const done = answer.data?.recomputeCustomerHealth;
      if (done) {
        notifications.show({
          color: done.movedToAtRisk > 0 ? 'orange' : 'green',
          title: 'Health recomputed',
          message: `Scored ${formatNumber(done.scored)}, moved ${formatNumber(done.movedToAtRisk)} to at-risk.`,
        });
      }
      void refetch();
    } catch (caught) {
      notifications.show({ color: 'red', title: 'Could not recompute health', message: errorMessage(caught) });
    }
  }

  let body;
  if (error && !connection) {
    body = <ErrorState error={error} title="Could not load customers" {...listRetry(list, refetch)} />;
  } else if (!connection) {
    body = <LoadingState label="Loading customers…" />;
  } else if (connection.nodes.length === 0 && list.page === 1) {
    body = (
      <EmptyState
        title={filtered ? 'No customers match these filters' : 'No customers yet'}
        description={
          filtered
            ? 'Try another reseller, stage, health limit or search.'
            : 'Customers arrive from the ISP’s systems through the API, or from a CSV import.'
        }
        action={
          filtered ? (
            <Button variant="light" onClick={() => setFilters({ reseller: null, unassigned: null, stage: null, health: null, q: null })}>
              Clear filters
            </Button>
          ) : mayManage ? (
            <Button component={Link} to="/customers/import" variant="light">
              Import customers
            </Button>
          ) : null
        }
      />
    );
  } else {
    body = (
      <ListTable
        refreshing={loading && !data}
        minWidth={980}
        footer={<ConnectionPagination list={list} connection={connection} pageSize={PAGE_SIZE} disabled={loading && !data} />}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Customer</Table.Th>
            <Table.Th>Reseller</Table.Th>
            <Table.Th>Plan</Table.Th>
            <Table.Th ta="right">MRR</Table.Th>
            <Table.Th>Stage</Table.Th>
            <Table.Th ta="right">Days in stage</Table.Th>
            <Table.Th ta="center">Health</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody data-testid="customer-rows">
          {connection.nodes.map((customer) => (
            <Table.Tr key={customer.id} {...rowLinkProps(() => void navigate(`/customers/${customer.id}`))} data-testid="customer-row">
              <Table.Td>
                <Anchor component={Link} to={`/customers/${customer.id}`} size="sm" fw={600}>
                  {customer.name}
                </Anchor>
                <Text size="xs" c="dimmed" ff="monospace">
                  {customer.externalId}
                </Text>
              </Table.Td>
              <Table.Td>
                {customer.reseller ? (
                  <>
                    <Anchor component={Link} to={`/resellers/${customer.reseller.id}`} ff="monospace" size="sm" fw={600}>
                      {customer.reseller.code}
                    </Anchor>
                    <Text size="xs" c="dimmed" truncate maw={220}>
                      {customer.reseller.companyName}
                    </Text>
                  </>
                ) : (
                  <Text size="sm" c="dimmed" fs="italic">
                    Unassigned
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {customer.servicePlan ?? (
                  <Text size="sm" c="dimmed">
                    —
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                {formatMoney(customer.mrr)}
              </Table.Td>
              <Table.Td>
                <StageBadge stage={customer.stage} />
              </Table.Td>
              <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {formatNumber(customer.daysInStage)}
              </Table.Td>
              <Table.Td ta="center">
                <HealthBadge score={customer.healthScore} />
              </Table.Td>
            </Table.Tr>
          ))}
          {connection.nodes.length === 0 && <EmptyPageRow colSpan={7}>No more customers on this page.</EmptyPageRow>}
        </Table.Tbody>
      </ListTable>
    );
  }

  return (
    <>
      <PageHeader
        title="Customers"
        description={
          connection
            ? `${formatNumber(connection.totalCount)} customer${connection.totalCount === 1 ? '' : 's'}${filtered ? ' matching the filters' : ' across all resellers'}`
            : 'The ISP’s customers, their reseller, lifecycle stage and health.'
        }
        actions={
          mayManage ? (
            <>
              <Button component={Link} to="/customers/import" variant="default" leftSection={<IconDownload size={16} />} data-testid="import-customers">
                Import CSV
              </Button>
              <Button leftSection={<IconRefresh size={16} />} onClick={() => void doRecompute()} loading={recomputeState.loading} data-testid="recompute-health">
                {resellerId ? 'Recompute health (this reseller)' : 'Recompute health'}
              </Button>
            </>
          ) : null
        }
      />
      <Group justify="space-between" mb="md" gap="sm" wrap="wrap" align="flex-end">
        <Group gap="sm" wrap="wrap" align="flex-end">
          <ResellerSelect
            aria-label="Reseller"
            placeholder={unassigned ? 'Unassigned only' : 'All resellers'}
            value={resellerId || null}
            onChange={(id) => setFilters({ reseller: id, unassigned: null })}
            disabled={unassigned}
            clearable
            w={260}
            data-testid="filter-reseller"
          />
          <MultiSelect
            aria-label="Stage"
            placeholder={stages.length ? undefined : 'All stages'}
            data={CUSTOMER_STAGES.map((stage) => ({ value: stage, label: stageLabel(stage) }))}
            value={stages}
            onChange={(values) => setFilters({ stage: CUSTOMER_STAGES.filter((s) => values.includes(s)).join(',') })}
            clearable
            w={stages.length > 2 ? 340 : 240}
            maxDropdownHeight={320}
            data-testid="filter-stage"
          />
          <NumberInput
            aria-label="Health at most"
            placeholder="any"
            leftSection={
              <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                Health ≤
              </Text>
            }
            leftSectionWidth={72}
            leftSectionPointerEvents="none"
            value={maxHealth ?? ''}
            onChange={(value) => setFilters({ health: typeof value === 'number' ? String(Math.round(value)) : null }, { replace: true })}
            min={0}
            max={100}
            clampBehavior="strict"
            allowDecimal={false}
            allowNegative={false}
            w={150}
            data-testid="filter-health"
          />
          <Checkbox
            label="Unassigned only"
            checked={unassigned}
            onChange={(event) => setFilters({ unassigned: event.currentTarget.checked ? '1' : null, reseller: null })}
            mb={8}
            data-testid="filter-unassigned"
          />
        </Group>
        <Group gap="sm" wrap="wrap" align="flex-end">
          <Select
            aria-label="Sort"
            data={ORDERS}
            value={orderBy}
            onChange={(value) => setFilters({ sort: value === 'NAME' ? null : value })}
            allowDeselect={false}
            w={200}
            data-testid="sort"
          />
          <SearchInput value={search} onSearch={onSearch} placeholder="Search name, email, id or plan" />
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

export function CustomersPage() {
  return (
    <RequireRole allowed={canReadCustomers}>
      <Customers />
    </RequireRole>
  );
}
