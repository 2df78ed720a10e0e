import { useQuery } from '@apollo/client/react';
import { Anchor, Box, Button, Card, Group, MultiSelect, Select, SimpleGrid, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useCallback } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { formatMoney } from '../features/commissions/format';
import { CUSTOMER_STAGES, daysLabel, HealthBadge, StageBadge, stageLabel } from '../features/customers/labels';
import { PortalMyCustomersQueryDocument } from '../features/customers/queries';
import { WorkDueCard } from '../features/customers/WorkDueCard';
import { SearchInput } from '../features/lists/SearchInput';
import { useListParams } from '../features/lists/useListParams';
import type { CustomerOrder, CustomerStage } from '../gql/graphql';
import { ConnectionPagination } from '../features/lists/ConnectionPagination';
import { EmptyState, ErrorState, LoadingState, PageHeader } from '../ui';

const TITLE = 'My customers';
const DESCRIPTION = 'The customers assigned to you, where each is in its lifecycle and how healthy it is.';
const PAGE_SIZE = 20;

const ORDERS: { value: CustomerOrder; label: string }[] = [
  { value: 'NAME', label: 'Name (A–Z)' },
  { value: 'MRR_DESC', label: 'MRR (highest first)' },
  { value: 'NEWEST', label: 'Newest first' },
  { value: 'STAGE_OLDEST', label: 'Longest in stage' },
];

const STAGE_OPTIONS = CUSTOMER_STAGES.map((stage) => ({ value: stage, label: stageLabel(stage) }));

const NUMERIC = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/** The stages in the URL (`?stage=ACTIVE,AT_RISK`), unknown values dropped. */
function stagesOf(value: string): CustomerStage[] {
  return value.split(',').filter((stage): stage is CustomerStage => (CUSTOMER_STAGES as readonly string[]).includes(stage));
}

export function CustomersPage() {
  const navigate = useNavigate();
  const { search: listSearch } = useLocation();
  // The detail page's back link returns to this page with its filters and cursor.
  const linkState = { listSearch };
  const list = useListParams();
  // Below Mantine's `sm` breakpoint (48em): one compact block per customer instead of the table.
  const phone = useMediaQuery('(max-width: 47.99em)') ?? false;
  const stages = stagesOf(list.get('stage'));
  const search = list.get('q');
  const order = (ORDERS.find((item) => item.value === list.get('order'))?.value ?? 'NAME') satisfies CustomerOrder;
  const filtered = stages.length > 0 || search !== '';

  const { data, previousData, loading, error, refetch } = useQuery(PortalMyCustomersQueryDocument, {
    variables: {
      first: PAGE_SIZE,
      after: list.after,
      orderBy: order,
      filter: { stage: stages.length > 0 ? stages : null, search: search || null },
    },
  });
  // While the next page or filter loads, the previous rows stay (dimmed) instead of a blank table.
  const connection = (data ?? previousData)?.myCustomers;
  const { setFilters } = list;
  const onSearch = useCallback((value: string) => setFilters({ q: value }, { replace: true }), [setFilters]);

  let table;
  if (error && !loading) {
    table = (
      <Box p="md">
        <ErrorState
          error={error}
          title="Could not load your customers"
          // Past page 1 the cursor itself may be what failed (an outdated link): start again.
          onRetry={list.page > 1 ? list.firstPage : () => void refetch()}
        />
      </Box>
    );
  } else if (!connection) {
    table = <LoadingState label="Loading your customers…" />;
  } else if (connection.totalCount === 0) {
    table = (
      <Box p="md">
        {filtered ? (
          <EmptyState
            title="No customers match"
            description="No customer of yours is in the chosen stages or matches the search."
            action={
              <Button variant="light" size="xs" onClick={() => setFilters({ stage: null, q: null })}>
                Clear the filters
              </Button>
            }
          />
        ) : (
          <EmptyState
            title="No customers yet"
            description="Customers appear here once the ISP assigns them to you, from its billing system or an import."
          />
        )}
      </Box>
    );
  } else {
    const rows = phone ? (
      <Stack gap={0} style={{ opacity: loading ? 0.6 : 1 }} data-testid="customers-table">
        {connection.nodes.map((customer) => (
          <UnstyledButton
            key={customer.id}
            component={Link}
            to={`/customers/${customer.id}`}
            state={linkState}
            px="md"
            py="sm"
            style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
            data-testid="customer-row"
            data-stage={customer.stage}
          >
            <Group justify="space-between" gap="sm" wrap="nowrap" align="flex-start">
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {customer.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {customer.externalId}
                  {customer.servicePlan ? ` · ${customer.servicePlan}` : ''}
                </Text>
              </Stack>
              <HealthBadge score={customer.healthScore} />
            </Group>
            <Group gap="xs" mt={6} wrap="wrap">
              <StageBadge stage={customer.stage} size="sm" />
              <Text size="xs" c="dimmed">
                {daysLabel(customer.daysInStage)} in stage
              </Text>
              <Text size="sm" ml="auto" style={NUMERIC}>
                {formatMoney(customer.mrr)}
              </Text>
            </Group>
          </UnstyledButton>
        ))}
      </Stack>
    ) : (
      <Table.ScrollContainer minWidth={780}>
        <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md" style={{ opacity: loading ? 0.6 : 1 }} data-testid="customers-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Customer</Table.Th>
              <Table.Th>Service plan</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>MRR</Table.Th>
              <Table.Th>Stage</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>In stage</Table.Th>
              <Table.Th style={{ textAlign: 'center' }}>Health</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {connection.nodes.map((customer) => (
              <Table.Tr
                key={customer.id}
                onClick={() => navigate(`/customers/${customer.id}`, { state: linkState })}
                style={{ cursor: 'pointer' }}
                data-testid="customer-row"
                data-stage={customer.stage}
              >
                <Table.Td style={{ maxWidth: 280 }}>
                  <Anchor
                    component={Link}
                    to={`/customers/${customer.id}`}
                    state={linkState}
                    fw={600}
                    size="sm"
                    c="dark"
                    onClick={(event) => event.stopPropagation()}
                    style={{ display: 'block', overflowWrap: 'anywhere' }}
                  >
                    {customer.name}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {customer.externalId}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={customer.servicePlan ? undefined : 'dimmed'}>
                    {customer.servicePlan ?? '—'}
                  </Text>
                </Table.Td>
                <Table.Td style={{ textAlign: 'right', ...NUMERIC }}>
                  <Text size="sm">{formatMoney(customer.mrr)}</Text>
                </Table.Td>
                <Table.Td>
                  <StageBadge stage={customer.stage} />
                </Table.Td>
                <Table.Td style={{ textAlign: 'right', ...NUMERIC }}>
                  <Text size="sm">{daysLabel(customer.daysInStage)}</Text>
                </Table.Td>
                <Table.Td style={{ textAlign: 'center' }}>
                  <HealthBadge score={customer.healthScore} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
    table = (
      <>
        {rows}
        <ConnectionPagination list={list} connection={connection} pageSize={PAGE_SIZE} disabled={loading} />
      </>
    );
  }

  return (
    <>
      <PageHeader title={TITLE} description={DESCRIPTION} />
      <Box mb="lg">
        <WorkDueCard />
      </Box>
      <Card withBorder padding={0} radius="md">
        <Box p="md" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <SearchInput value={search} onSearch={onSearch} label="Search" placeholder="Name, email, external id or plan" />
            <MultiSelect
              label="Stage"
              placeholder={stages.length === 0 ? 'All stages' : undefined}
              data={STAGE_OPTIONS}
              value={stages}
              onChange={(value) => setFilters({ stage: value.join(',') })}
              clearable
              comboboxProps={{ withinPortal: true }}
              maxDropdownHeight={320}
              data-testid="stage-filter"
            />
            <Select
              label="Sort by"
              data={ORDERS}
              value={order}
              onChange={(value) => setFilters({ order: value === 'NAME' ? null : value }, { replace: true })}
              allowDeselect={false}
              checkIconPosition="right"
              comboboxProps={{ withinPortal: true }}
              data-testid="customer-order"
            />
          </SimpleGrid>
          {connection && !loading && (
            <Group mt="sm" gap={6}>
              <Text size="sm" c="dimmed" data-testid="customer-count">
                {connection.totalCount === 1 ? '1 customer' : `${connection.totalCount} customers`}
                {filtered ? ' match' : ''}
              </Text>
            </Group>
          )}
        </Box>
        {table}
      </Card>
    </>
  );
}
