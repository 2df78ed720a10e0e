import { useQuery } from '@apollo/client/react';
import { Anchor, Grid, Group, SimpleGrid, Stack, Table, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import { BarChart, ErrorState, formatNumber, LoadingState, SectionCard, StatGrid } from '../../ui';
import { formatDay } from '../onboarding/OnboardingSection';
import { centsOf, formatMoney } from '../commissions/money';
import { periodShortLabel } from '../commissions/period';
import type { CustomerStage } from '../../gql/graphql';
import { StageBadge, STAGE_COLORS, stageLabel } from './stages';

// A reseller's customer portfolio (SPEC §3): counts by stage, MRR and its growth, churn, ARPU,
// customers at risk, cohort retention by signup month and stage-to-stage conversion. Every figure
// comes from the api; the console formats, it does not compute money.

const AdminResellerPortfolioQuery = graphql(`
  query AdminResellerPortfolio($resellerId: ID!) {
    resellerPortfolio(resellerId: $resellerId) {
      resellerId
      asOf
      customerCount
      recurringCustomers
      atRiskCount
      mrr {
        amount
        currency
      }
      mrrGrowthPercent
      arpu {
        amount
        currency
      }
      churn {
        windowDays
        customersAtStart
        churned
        ratePercent
      }
      mrrTrend {
        period
        billed {
          amount
          currency
        }
      }
      stageCounts {
        stage
        customers
      }
      funnel {
        stage
        reached
      }
      conversions {
        from
        to
        entered
        advanced
        ratePercent
      }
      cohorts {
        cohort
        size
        retentionPercent
      }
    }
  }
`);

/** 12.34 → "+12.3 %"; null → "—". */
function signedPercent(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const text = `${Math.abs(value).toFixed(1)} %`;
  if (value > 0) return `+${text}`;
  if (value < 0) return `−${text}`;
  return text;
}

function percent(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${value.toFixed(1)} %`;
}

/** A retention cell's background: white (0 %) to teal (100 %), text readable on both. */
function retentionStyle(value: number) {
  const share = Math.max(0, Math.min(100, value));
  return {
    background: `color-mix(in srgb, var(--mantine-color-teal-6) ${Math.round(share * 0.85)}%, white)`,
    color: share >= 60 ? 'white' : 'var(--mantine-color-gray-9)',
    fontVariantNumeric: 'tabular-nums' as const,
    textAlign: 'center' as const,
    fontSize: 12,
    fontWeight: 600,
    padding: '6px 4px',
    border: '1px solid white',
  };
}

/** A stage's name after a dot of its colour: lighter than a badge in a dense table. */
function StageName({ stage }: { stage: CustomerStage }) {
  return (
    <Text span size="sm">
      <span aria-hidden style={{ display: 'inline-block', width: 8, height: 8, borderRadius: 4, marginRight: 6, background: `var(--mantine-color-${STAGE_COLORS[stage]}-6)` }} />
      {stageLabel(stage)}
    </Text>
  );
}

export function PortfolioSection({ resellerId }: { resellerId: string }) {
  const { data, loading, error, refetch } = useQuery(AdminResellerPortfolioQuery, { variables: { resellerId }, fetchPolicy: 'cache-and-network' });
  const portfolio = data?.resellerPortfolio;
  const customersLink = `/customers?reseller=${resellerId}`;

  let body;
  if (!portfolio) {
    body = loading ? <LoadingState label="Loading the portfolio…" /> : <ErrorState error={error} title="Could not load the portfolio" onRetry={() => void refetch()} />;
  } else if (portfolio.customerCount === 0) {
    body = (
      <SectionCard title="Customer portfolio">
        <Text size="sm" c="dimmed">
          No customers are assigned to this reseller yet.
        </Text>
      </SectionCard>
    );
  } else {
    const growth = portfolio.mrrGrowthPercent;
    const months = portfolio.cohorts.reduce((max, c) => Math.max(max, c.retentionPercent.length), 0);
    const reached = new Map(portfolio.funnel.map((f) => [f.stage, f.reached]));
    body = (
      <Stack gap="md">
        <StatGrid
          testId="portfolio-kpis"
          cols={7}
          items={[
            { label: 'Customers', value: formatNumber(portfolio.customerCount), hint: 'All stages' },
            { label: 'Recurring', value: formatNumber(portfolio.recurringCustomers), hint: 'Active, expansion, at risk' },
            { label: 'MRR', value: formatMoney(portfolio.mrr), hint: 'Contracted, recurring' },
            {
              label: 'MoM growth',
              value: signedPercent(growth),
              color: growth === null || growth === undefined || growth === 0 ? undefined : growth > 0 ? 'green.7' : 'red.7',
              hint: 'Invoiced, last full month',
            },
            { label: 'ARPU', value: formatMoney(portfolio.arpu), hint: 'MRR per recurring' },
            {
              label: `Churn ${portfolio.churn.windowDays} d`,
              value: percent(portfolio.churn.ratePercent),
              color: (portfolio.churn.ratePercent ?? 0) > 0 ? 'red.7' : undefined,
              hint: `${formatNumber(portfolio.churn.churned)} of ${formatNumber(portfolio.churn.customersAtStart)}`,
            },
            {
              label: 'At risk',
              value: formatNumber(portfolio.atRiskCount),
              color: portfolio.atRiskCount > 0 ? 'orange.7' : undefined,
              hint: (
                <Anchor component={Link} to={`${customersLink}&stage=AT_RISK`} size="xs">
                  View them
                </Anchor>
              ),
            },
          ]}
        />

        <Grid gutter="md">
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <SectionCard title="MRR trend" aside={<Text size="xs" c="dimmed">Recurring revenue invoiced per service month</Text>}>
              <BarChart
                testId="portfolio-mrr-trend"
                title="Recurring revenue invoiced per month, last 12 months"
                labelWidth={90}
                data={portfolio.mrrTrend.map((month) => ({
                  key: month.period,
                  label: periodShortLabel(month.period),
                  value: centsOf(month.billed.amount) ?? 0n,
                  valueLabel: formatMoney(month.billed),
                }))}
              />
            </SectionCard>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <Stack gap="md">
              <SectionCard title="Customers by stage" aside={<Text size="xs" c="dimmed">Click to list them</Text>}>
                <SimpleGrid cols={2} spacing={6} verticalSpacing={6} data-testid="portfolio-stage-counts">
                  {portfolio.stageCounts.map((count) => (
                    <UnstyledButton
                      key={count.stage}
                      component={Link}
                      to={`${customersLink}&stage=${count.stage}`}
                      px="sm"
                      py={6}
                      style={{ borderRadius: 6, border: '1px solid var(--mantine-color-gray-2)', opacity: count.customers === 0 ? 0.55 : 1 }}
                    >
                      <Group justify="space-between" wrap="nowrap">
                        <StageBadge stage={count.stage} />
                        <Text fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>
                          {formatNumber(count.customers)}
                        </Text>
                      </Group>
                    </UnstyledButton>
                  ))}
                </SimpleGrid>
              </SectionCard>
              <SectionCard title="Stage conversion" flush aside={<Text size="xs" c="dimmed">Ever entered → ever moved on</Text>}>
                <Table.ScrollContainer minWidth={380} type="native">
                  <Table verticalSpacing={6} horizontalSpacing="sm" fz="sm" data-testid="portfolio-conversions">
                    <Table.Thead style={{ background: 'var(--mantine-color-gray-0)' }}>
                      <Table.Tr>
                        <Table.Th>From → to</Table.Th>
                        <Table.Th ta="right">Entered</Table.Th>
                        <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>Moved on</Table.Th>
                        <Table.Th ta="right">Rate</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {portfolio.conversions.map((conversion) => (
                        <Table.Tr key={`${conversion.from}-${conversion.to}`}>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>
                            <StageName stage={conversion.from} />
                            <Text span size="xs" c="dimmed" mx={6}>
                              →
                            </Text>
                            <StageName stage={conversion.to} />
                          </Table.Td>
                          <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                            <Tooltip label={`${formatNumber(reached.get(conversion.from) ?? conversion.entered)} ever reached ${stageLabel(conversion.from).toLowerCase()}`} withArrow>
                              <span>{formatNumber(conversion.entered)}</span>
                            </Tooltip>
                          </Table.Td>
                          <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                            {formatNumber(conversion.advanced)}
                          </Table.Td>
                          <Table.Td ta="right" fw={600} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                            {percent(conversion.ratePercent)}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </SectionCard>
            </Stack>
          </Grid.Col>
        </Grid>

        <SectionCard title="Cohort retention" flush aside={<Text size="xs" c="dimmed">Signup month × months since signup, % not churned</Text>}>
          {portfolio.cohorts.length === 0 ? (
            <Text size="sm" c="dimmed" p="lg">
              No customers signed up in the last 12 months.
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={140 + months * 44} type="native">
              <Table fz="sm" horizontalSpacing={6} verticalSpacing={0} data-testid="portfolio-cohorts" style={{ borderCollapse: 'separate', borderSpacing: 0 }}>
                <Table.Thead style={{ background: 'var(--mantine-color-gray-0)' }}>
                  <Table.Tr>
                    <Table.Th pl="lg" style={{ whiteSpace: 'nowrap' }}>Cohort</Table.Th>
                    <Table.Th ta="right">Size</Table.Th>
                    {Array.from({ length: months }, (_, month) => (
                      <Table.Th key={month} ta="center" fz="xs" c="dimmed" style={{ fontWeight: 600 }}>
                        M{month}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {portfolio.cohorts.map((cohort) => (
                    <Table.Tr key={cohort.cohort}>
                      <Table.Td pl="lg" style={{ whiteSpace: 'nowrap' }} fw={500}>
                        {periodShortLabel(cohort.cohort)}
                      </Table.Td>
                      <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                        {formatNumber(cohort.size)}
                      </Table.Td>
                      {Array.from({ length: months }, (_, month) => {
                        const value = cohort.retentionPercent[month];
                        return value === undefined ? (
                          <Table.Td key={month} />
                        ) : (
                          <Table.Td key={month} style={retentionStyle(value)} title={`${periodShortLabel(cohort.cohort)}, month ${month}: ${value.toFixed(1)} %`}>
                            {Math.round(value)}
                          </Table.Td>
                        );
                      })}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </SectionCard>
      </Stack>
    );
  }

  return (
    <Stack gap="sm" mt="xl" data-testid="portfolio-section">
      <Group justify="space-between" align="flex-end">
        <Stack gap={0}>
          <Text fw={650} fz="lg">
            Customer portfolio
          </Text>
          {portfolio && (
            <Text size="sm" c="dimmed">
              As of {formatDay(portfolio.asOf)}
            </Text>
          )}
        </Stack>
        <Anchor component={Link} to={customersLink} size="sm" fw={500} data-testid="view-customers">
          View customers →
        </Anchor>
      </Group>
      {body}
    </Stack>
  );
}
