import { Anchor, Box, Card, Group, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { formatMoney, formatPeriod, isNegative } from '../commissions/format';
import { HealthBadge, StageBadge } from '../customers/labels';
import { NUMERIC, type DashboardCustomer } from './types';

function LatestLine({ customer, align = 'right', compact = false }: { customer: DashboardCustomer; align?: 'left' | 'right'; compact?: boolean }) {
  const line = customer.latestCommissionLine;
  if (!line) {
    // In the table the column header says what is missing; a phone's block says it in words.
    return (
      <Text size={compact ? 'xs' : 'sm'} c="dimmed" ta={align} style={{ whiteSpace: 'nowrap' }} data-testid="dashboard-line-none">
        {compact ? 'No commission yet' : '—'}
      </Text>
    );
  }
  return (
    <Group gap={6} wrap="nowrap" justify={align === 'right' ? 'flex-end' : 'flex-start'}>
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }} data-testid="dashboard-line-period" data-period={line.period}>
        {formatPeriod(line.period, 'short')}
      </Text>
      <Text size="sm" fw={600} c={isNegative(line.amount.amount) ? 'red.7' : undefined} style={NUMERIC} data-testid="dashboard-line-amount">
        {formatMoney(line.amount)}
      </Text>
    </Group>
  );
}

/**
 * The partner's top customers by MRR (the first 50), each row opening the customer. Below the `sm`
 * breakpoint one compact block per customer instead of the table, as on My customers.
 */
export function TopCustomers({ customers, totalCount, phone }: { customers: readonly DashboardCustomer[]; totalCount: number; phone: boolean }) {
  const navigate = useNavigate();
  const footer =
    totalCount > customers.length ? `Showing your top ${customers.length} of ${totalCount} customers by MRR.` : `All ${totalCount === 1 ? 'your customer' : `${totalCount} of your customers`}, by MRR.`;

  return (
    <Card withBorder padding={0} radius="md" data-testid="dashboard-customers">
      <Group justify="space-between" align="flex-start" gap="xs" p="lg" pb="sm">
        <Stack gap={2} style={{ minWidth: 0, flex: '1 1 240px' }}>
          <Text fw={600} size="lg">
            Top customers
          </Text>
          <Text size="sm" c="dimmed">
            By monthly recurring revenue, with each customer’s latest commission.
          </Text>
        </Stack>
        <Anchor component={Link} to="/customers" size="sm" style={{ whiteSpace: 'nowrap' }}>
          All customers →
        </Anchor>
      </Group>
      {customers.length === 0 ? (
        <Text size="sm" c="dimmed" px="lg" pb="lg" data-testid="dashboard-no-customers">
          No customers yet. They appear once the ISP assigns them to you, from its billing system or an import.
        </Text>
      ) : phone ? (
        <Stack gap={0}>
          {customers.map((customer) => (
            <UnstyledButton
              key={customer.id}
              component={Link}
              to={`/customers/${customer.id}`}
              px="md"
              py="sm"
              style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
              data-testid="dashboard-customer-row"
              data-customer-id={customer.id}
            >
              <Group justify="space-between" gap="sm" wrap="nowrap" align="flex-start">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }} data-testid="dashboard-customer-name">
                    {customer.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {customer.externalId}
                  </Text>
                </Stack>
                <Text size="sm" fw={600} style={NUMERIC} data-testid="dashboard-customer-mrr">
                  {formatMoney(customer.mrr)}
                </Text>
              </Group>
              <Group gap="xs" mt={6} wrap="nowrap" justify="space-between">
                <Group gap="xs" wrap="nowrap">
                  <StageBadge stage={customer.stage} size="sm" />
                  <HealthBadge score={customer.healthScore} size="sm" />
                </Group>
                <LatestLine customer={customer} compact />
              </Group>
            </UnstyledButton>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table highlightOnHover verticalSpacing={8} horizontalSpacing="md">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Customer</Table.Th>
                <Table.Th>Stage</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>MRR</Table.Th>
                <Table.Th style={{ textAlign: 'center' }}>Health</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>Latest commission</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {customers.map((customer) => (
                <Table.Tr
                  key={customer.id}
                  onClick={() => navigate(`/customers/${customer.id}`)}
                  style={{ cursor: 'pointer' }}
                  data-testid="dashboard-customer-row"
                  data-customer-id={customer.id}
                >
                  <Table.Td style={{ maxWidth: 320 }}>
                    <Anchor
                      component={Link}
                      to={`/customers/${customer.id}`}
                      fw={600}
                      size="sm"
                      c="dark"
                      onClick={(event) => event.stopPropagation()}
                      style={{ display: 'block', overflowWrap: 'anywhere' }}
                      data-testid="dashboard-customer-name"
                    >
                      {customer.name}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {customer.externalId}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <StageBadge stage={customer.stage} />
                  </Table.Td>
                  <Table.Td style={{ textAlign: 'right', ...NUMERIC }}>
                    <Text size="sm" data-testid="dashboard-customer-mrr">
                      {formatMoney(customer.mrr)}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ textAlign: 'center' }}>
                    <HealthBadge score={customer.healthScore} />
                  </Table.Td>
                  <Table.Td>
                    <LatestLine customer={customer} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {customers.length > 0 && (
        <Box px="lg" py="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
          <Text size="sm" c="dimmed">
            {footer}{' '}
            <Anchor component={Link} to="/customers" inherit>
              See all customers
            </Anchor>
          </Text>
        </Box>
      )}
    </Card>
  );
}
