import { useQuery } from '@apollo/client/react';
import { Anchor, Box, Card, Divider, Grid, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatMoney, formatPeriod } from '../features/commissions/format';
import { CommissionHistory } from '../features/dashboard/CommissionHistory';
import { HealthSummary } from '../features/dashboard/HealthSummary';
import { PartnerDashboardQueryDocument } from '../features/dashboard/queries';
import { TopCustomers } from '../features/dashboard/TopCustomers';
import { NUMERIC, type DashboardHistory, type DashboardReseller } from '../features/dashboard/types';
import { ErrorState, LoadingState, PageHeader, StatusBadge, TierBadge } from '../ui';

const TITLE = 'Dashboard';
const DESCRIPTION = 'Your partnership at a glance: health, commissions and your biggest customers.';

function Figure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2} style={{ minWidth: 0 }}>
      <Text size="xs" tt="uppercase" fw={600} c="dimmed" style={{ letterSpacing: 0.4 }}>
        {label}
      </Text>
      {children}
    </Stack>
  );
}

/** Who the partner is, how many customers it has and its newest monthly commission total. */
function CompanyCard({ reseller, customerCount, history }: { reseller: DashboardReseller; customerCount: number; history: DashboardHistory }) {
  const newest = history[0];
  return (
    <Card withBorder padding="lg" radius="md" h="100%" data-testid="dashboard-company">
      <Text size="xs" tt="uppercase" fw={600} c="dimmed" style={{ letterSpacing: 0.4 }} data-testid="dashboard-code">
        {reseller.code}
      </Text>
      <Title order={3} mt={2} style={{ overflowWrap: 'anywhere' }} data-testid="dashboard-company-name">
        {reseller.companyName}
      </Title>
      <Group gap="xs" mt="xs" data-testid="dashboard-tier" data-tier={reseller.tier}>
        <TierBadge tier={reseller.tier} />
        <StatusBadge status={reseller.status} />
      </Group>
      <Divider my="md" />
      <SimpleGrid cols={2} spacing="md">
        <Figure label="Customers">
          <Text fz={28} fw={700} lh={1.15} style={NUMERIC} data-testid="dashboard-customer-count">
            {customerCount.toLocaleString('en-US')}
          </Text>
          <Text size="xs" c="dimmed">
            assigned to you
          </Text>
          <Anchor component={Link} to="/customers" size="sm">
            View all →
          </Anchor>
        </Figure>
        <Figure label="Commissions">
          <Text fz={28} fw={700} lh={1.15} style={NUMERIC} c={newest ? undefined : 'dimmed'} data-testid="dashboard-latest-total">
            {newest ? formatMoney(newest.total) : '—'}
          </Text>
          <Text size="xs" c="dimmed">
            {newest ? `in ${formatPeriod(newest.period, 'short')}` : 'none yet'}
          </Text>
          <Anchor component={Link} to="/commissions" size="sm">
            Statements →
          </Anchor>
        </Figure>
      </SimpleGrid>
    </Card>
  );
}

/**
 * The partner's home page after signing in: one query (PartnerDashboard) for the whole page. The
 * root carries `data-testid="dashboard-ready"` only once every part is on screen: every part,
 * the chart included (it draws at a default width in its first render and corrects it before the
 * browser paints), renders in the same commit as the data, so that is whenever the data is there.
 * Benchmarks wait for it. On a cold load the query and this page's chunk are already on their way
 * before React renders (app/preload.ts).
 */
export function DashboardPage() {
  const { data, loading, error, refetch } = useQuery(PartnerDashboardQueryDocument);
  // Below Mantine's `sm` breakpoint (48em): customer blocks instead of the table.
  // Read at once (no SSR here): the default, a value set in an effect, would redraw on phones.
  const phone = useMediaQuery('(max-width: 47.99em)', undefined, { getInitialValueInEffect: false }) ?? false;

  if (!data) {
    return (
      <Box data-testid="dashboard-loading">
        <PageHeader title={TITLE} description={DESCRIPTION} />
        {loading ? <LoadingState label="Loading your dashboard…" /> : <ErrorState error={error} title="Could not load your dashboard" onRetry={() => void refetch()} />}
      </Box>
    );
  }

  const { myReseller: reseller, myCustomers: customers, myCommissionHistory: history, myHealth: health } = data;
  return (
    <Box data-testid="dashboard-ready">
      <PageHeader title={TITLE} description={DESCRIPTION} />
      <Stack gap="lg">
        <Grid gutter="lg">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <CompanyCard reseller={reseller} customerCount={customers.totalCount} history={history} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <HealthSummary health={health ?? null} />
          </Grid.Col>
        </Grid>
        <CommissionHistory history={history} />
        <TopCustomers customers={customers.nodes} totalCount={customers.totalCount} phone={phone} />
      </Stack>
    </Box>
  );
}
