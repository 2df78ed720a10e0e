import { Anchor, Box, Card, Grid, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { CommissionChart } from '../commissions/CommissionChart';
import { formatMoney, formatPeriod, isNegative } from '../commissions/format';
import { NUMERIC, type DashboardHistory } from './types';

/**
 * The last 12 months with commissions: the bar chart the Commissions page uses (a bar selects its
 * month) and the exact totals, oldest first. Every amount is the api's, formatted by the money
 * helpers; nothing is added up here.
 */
export function CommissionHistory({ history }: { history: DashboardHistory }) {
  const newest = history[0];
  const [selected, setSelected] = useState<string | null>(null);
  const period = selected && history.some((entry) => entry.period === selected) ? selected : (newest?.period ?? '');
  const oldestFirst = [...history].reverse();

  if (!newest) {
    // A new partner: one short card instead of an empty chart next to an empty table.
    return (
      <Card withBorder padding="lg" radius="md" data-testid="dashboard-commission-chart">
        <Text fw={600} size="lg">
          Commissions
        </Text>
        <Text size="sm" c="dimmed" mt={4} data-testid="dashboard-no-commissions">
          No commissions yet. Each month the ISP calculates what you earned on your customers’ paid invoices; your monthly totals
          appear here after the first run.
        </Text>
      </Card>
    );
  }

  return (
    <Grid gutter="lg">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Card withBorder padding="lg" radius="md" h="100%" data-testid="dashboard-commission-chart">
          <Group justify="space-between" align="flex-start" gap="xs" mb="md">
            <Stack gap={2} style={{ minWidth: 0, flex: '1 1 220px' }}>
              <Text fw={600} size="lg">
                Commissions
              </Text>
              <Text size="sm" c="dimmed">
                Your monthly totals, last 12 months with commissions. Select a bar to pick a month.
              </Text>
            </Stack>
            <Anchor component={Link} to={`/commissions?period=${encodeURIComponent(period)}`} size="sm" style={{ whiteSpace: 'nowrap' }} data-testid="dashboard-open-statement">
              {formatPeriod(period, 'short')} statement →
            </Anchor>
          </Group>
          <CommissionChart history={history} selected={period} onSelect={setSelected} />
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Card withBorder padding={0} radius="md" h="100%">
          <Box px="lg" pt="lg" pb="sm">
            <Text fw={600} size="lg">
              Monthly totals
            </Text>
            <Text size="sm" c="dimmed">
              Oldest first.
            </Text>
          </Box>
          <Table verticalSpacing={5} horizontalSpacing="lg" highlightOnHover data-testid="dashboard-history">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Month</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>Lines</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>Total</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {oldestFirst.map((entry) => (
                <Table.Tr
                  key={entry.period}
                  data-testid="dashboard-history-row"
                  data-period={entry.period}
                  bg={entry.period === period ? 'var(--mantine-color-indigo-0)' : undefined}
                  onClick={() => setSelected(entry.period)}
                  style={{ cursor: 'pointer' }}
                >
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm" fw={entry.period === period ? 600 : 400}>
                      {formatPeriod(entry.period, 'short')}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ textAlign: 'right', ...NUMERIC }}>
                    <Text size="sm" c="dimmed">
                      {entry.lineCount}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ textAlign: 'right', ...NUMERIC }}>
                    <Text size="sm" fw={600} c={isNegative(entry.total.amount) ? 'red.7' : undefined} data-testid="dashboard-history-total">
                      {formatMoney(entry.total)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      </Grid.Col>
    </Grid>
  );
}
