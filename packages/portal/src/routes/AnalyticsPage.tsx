import { useQuery } from '@apollo/client/react';
import { Badge, Card, Grid, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { CohortTable } from '../features/analytics/CohortTable';
import { formatCount, formatGrowth, formatPercentValue } from '../features/analytics/format';
import { FunnelChart } from '../features/analytics/FunnelChart';
import { MrrTrendChart } from '../features/analytics/MrrTrendChart';
import { PortalAnalyticsQueryDocument } from '../features/analytics/queries';
import { formatMoney, periodMonth } from '../features/commissions/format';
import { STAGE_GROUPS, StageBadge } from '../features/customers/labels';
import { formatDay } from '../features/onboarding/labels';
import { EmptyState, ErrorState, LoadingState, PageHeader } from '../ui';

const TITLE = 'Analytics';
const DESCRIPTION = 'Your customer portfolio: revenue, growth, churn, how customers move through the lifecycle and how each signup month has held up.';

function Kpi({ label, value, detail, testId, color }: { label: string; value: string; detail?: ReactNode; testId: string; color?: string }) {
  return (
    <Card withBorder padding="md" radius="md" style={{ minWidth: 0 }}>
      <Text size="xs" tt="uppercase" fw={600} c="dimmed" style={{ letterSpacing: 0.4 }}>
        {label}
      </Text>
      <Text fz={26} fw={700} lh={1.2} mt={4} c={color} style={{ fontVariantNumeric: 'tabular-nums' }} data-testid={testId}>
        {value}
      </Text>
      {detail && (
        <Text size="xs" c="dimmed" mt={2}>
          {detail}
        </Text>
      )}
    </Card>
  );
}

function Section({ title, description, children, testId }: { title: string; description: string; children: ReactNode; testId?: string }) {
  return (
    <Card withBorder padding="lg" radius="md" h="100%" data-testid={testId}>
      <Stack gap={2} mb="md">
        <Text fw={600} size="lg">
          {title}
        </Text>
        <Text size="sm" c="dimmed">
          {description}
        </Text>
      </Stack>
      {children}
    </Card>
  );
}

export function AnalyticsPage() {
  const { data, loading, error, refetch } = useQuery(PortalAnalyticsQueryDocument);
  const analytics = data?.myAnalytics;

  if (!analytics) {
    return (
      <>
        <PageHeader title={TITLE} description={DESCRIPTION} />
        {loading ? <LoadingState label="Loading your analytics…" /> : <ErrorState error={error} title="Could not load your analytics" onRetry={() => void refetch()} />}
      </>
    );
  }

  if (analytics.customerCount === 0 && analytics.funnel.every((entry) => entry.reached === 0)) {
    return (
      <>
        <PageHeader title={TITLE} description={DESCRIPTION} />
        <EmptyState title="No customers yet" description="Analytics appear once the ISP assigns customers to you." />
      </>
    );
  }

  const { churn } = analytics;
  const pipeline = analytics.stageCounts.filter((count) => STAGE_GROUPS[count.stage] === 'pipeline').reduce((sum, count) => sum + count.customers, 0);
  const growth = analytics.mrrGrowthPercent;
  // The growth compares the last complete service month with the one before (the trend's last
  // entry is the month in progress).
  const [before, last] = analytics.mrrTrend.slice(-3, -1);
  const growthBasis = before && last ? `${periodMonth(last.period)} vs ${periodMonth(before.period)}` : null;

  return (
    <>
      <PageHeader title={TITLE} description={DESCRIPTION} actions={<Text size="sm" c="dimmed">As of {formatDay(analytics.asOf)}</Text>} />
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md" verticalSpacing="md" data-testid="kpis">
          <Kpi label="Customers" value={formatCount(analytics.customerCount)} detail="assigned to you" testId="kpi-customers" />
          <Kpi label="In the pipeline" value={formatCount(pipeline)} detail="prospect to negotiation" testId="kpi-pipeline" />
          <Kpi label="Recurring" value={formatCount(analytics.recurringCustomers)} detail="active, expansion, at risk" testId="kpi-recurring" />
          <Kpi
            label="At risk"
            value={formatCount(analytics.atRiskCount)}
            detail="customers to win back"
            color={analytics.atRiskCount > 0 ? 'orange.7' : undefined}
            testId="kpi-at-risk"
          />
          <Kpi label="MRR" value={formatMoney(analytics.mrr)} detail="contracted, recurring customers" testId="kpi-mrr" />
          <Kpi
            label="MRR growth"
            value={formatGrowth(growth)}
            detail={growthBasis ? `invoiced, ${growthBasis}` : 'invoiced, last month vs the month before'}
            color={growth === null ? 'dimmed' : growth > 0 ? 'teal.7' : growth < 0 ? 'red.7' : undefined}
            testId="kpi-growth"
          />
          <Kpi label="ARPU" value={analytics.arpu ? formatMoney(analytics.arpu) : '—'} detail="MRR per recurring customer" testId="kpi-arpu" />
          <Kpi
            label={`Churn (${churn.windowDays} days)`}
            value={formatPercentValue(churn.ratePercent)}
            detail={<span data-testid="kpi-churn-detail">{`${formatCount(churn.churned)} of ${formatCount(churn.customersAtStart)} churned`}</span>}
            color={churn.ratePercent === null ? 'dimmed' : undefined}
            testId="kpi-churn"
          />
        </SimpleGrid>

        <Section title="Recurring revenue" description="Recurring revenue invoiced per service month (refunds excluded); the month in progress is the dashed bar." testId="mrr-trend">
          <MrrTrendChart trend={analytics.mrrTrend} />
        </Section>

        <Grid gutter="lg">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Section title="Lifecycle funnel" description="How many of your customers ever reached each stage, and how many are in it now." testId="funnel">
              <FunnelChart funnel={analytics.funnel} stageCounts={analytics.stageCounts} />
            </Section>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Section title="Stage conversion" description="Of the customers that entered a stage, how many moved on to the next." testId="conversions">
              {analytics.conversions.length === 0 ? (
                <Text size="sm" c="dimmed">
                  No stage moves yet.
                </Text>
              ) : (
                <Table.ScrollContainer minWidth={420}>
                  <Table verticalSpacing={6} horizontalSpacing="xs" data-testid="conversion-table">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>From → to</Table.Th>
                        <Table.Th style={{ textAlign: 'right' }}>Entered</Table.Th>
                        <Table.Th style={{ textAlign: 'right' }}>Advanced</Table.Th>
                        <Table.Th style={{ textAlign: 'right' }}>Rate</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {analytics.conversions.map((conversion) => (
                        <Table.Tr key={`${conversion.from}-${conversion.to}`} data-testid="conversion-row">
                          <Table.Td>
                            <Group gap={4} wrap="nowrap">
                              <StageBadge stage={conversion.from} size="sm" />
                              <Text size="xs" c="dimmed">
                                →
                              </Text>
                              <StageBadge stage={conversion.to} size="sm" />
                            </Group>
                          </Table.Td>
                          <Table.Td style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>{formatCount(conversion.entered)}</Table.Td>
                          <Table.Td style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>{formatCount(conversion.advanced)}</Table.Td>
                          <Table.Td style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>
                            {conversion.ratePercent === null ? (
                              <Text span c="dimmed" size="sm">
                                —
                              </Text>
                            ) : (
                              <Badge variant="light" color={conversion.ratePercent >= 50 ? 'green' : conversion.ratePercent >= 25 ? 'yellow' : 'red'} tt="none">
                                {formatPercentValue(conversion.ratePercent)}
                              </Badge>
                            )}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </Section>
          </Grid.Col>
        </Grid>

        <Section
          title="Cohort retention"
          description="Each row is a signup month; each column the months since signup, and the share of that month’s customers that had not churned by then."
          testId="cohorts"
        >
          {analytics.cohorts.length === 0 ? (
            <Text size="sm" c="dimmed">
              No signups in the last 12 months.
            </Text>
          ) : (
            <CohortTable cohorts={analytics.cohorts} />
          )}
        </Section>
      </Stack>
    </>
  );
}
