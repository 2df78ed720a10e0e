import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Box, Button, Grid, Group, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../app/errors';
import { SeverityBadge, BandBadge, ScoreChange } from '../features/success/badges';
import { BandDistributionChart } from '../features/success/charts';
import { bandCssColor, bandOfScore, formatDay, SEVERITIES } from '../features/success/health';
import { InterventionsTable } from '../features/success/InterventionsTable';
import { useRecomputePartnerHealth } from '../features/success/success';
import { ListTable, rowLinkProps } from '../features/lists/ListTable';
import { canManageSuccess, canReadSuccess } from '../features/viewer/permissions';
import { RequireRole } from '../features/viewer/RequireRole';
import { useViewer } from '../features/viewer/viewer';
import { graphql } from '../gql';
import type { AdminChannelSuccessQuery as ChannelSuccessData } from '../gql/graphql';
import { EmptyState, ErrorState, formatNumber, LoadingState, PageHeader, SectionCard, StatGrid } from '../ui';
import { IconAlert, IconList, IconRefresh } from '../ui/icons';

const AdminChannelSuccessQuery = graphql(`
  query AdminChannelSuccess {
    channelSuccessDashboard {
      asOf
      scoredResellers
      averageScore
      bandDistribution {
        band
        resellers
      }
      ranking {
        ...SuccessRanked_entry
      }
      biggestMovers {
        ...SuccessRanked_entry
      }
      openAlertsBySeverity {
        severity
        alerts
      }
      interventionsDue {
        ...SuccessInterventionRow_intervention
      }
    }
  }
`);

graphql(`
  fragment SuccessRanked_entry on RankedReseller {
    rank
    score
    band
    change30d
    reseller {
      id
      code
      companyName
    }
  }
`);

type Dashboard = ChannelSuccessData['channelSuccessDashboard'];
type Ranked = Dashboard['ranking'][number];

/** A score with a thin bar in its band's colour. */
function ScoreCell({ score, band }: { score: number | null | undefined; band: string | null | undefined }) {
  if (score === null || score === undefined) {
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  }
  return (
    <Group gap={8} wrap="nowrap">
      <Text size="sm" fw={700} w={26} ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {score}
      </Text>
      <Box w={80} h={6} bg="gray.1" style={{ borderRadius: 3, overflow: 'hidden' }}>
        <Box h="100%" w={`${Math.max(score, 2)}%`} style={{ background: bandCssColor(band, 5) }} />
      </Box>
    </Group>
  );
}

function ResellerCell({ entry, nameWidth = 260 }: { entry: Ranked; nameWidth?: number }) {
  return (
    <Group gap={8} wrap="nowrap">
      <Anchor component={Link} to={`/success/resellers/${entry.reseller.id}`} size="sm" fw={600} ff="monospace" style={{ whiteSpace: 'nowrap' }}>
        {entry.reseller.code}
      </Anchor>
      <Text size="sm" truncate maw={nameWidth} title={entry.reseller.companyName}>
        {entry.reseller.companyName}
      </Text>
    </Group>
  );
}

function RankingTable({ ranking }: { ranking: readonly Ranked[] }) {
  const navigate = useNavigate();
  return (
    <ListTable minWidth={700}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={60} ta="right">
            Rank
          </Table.Th>
          <Table.Th>Reseller</Table.Th>
          <Table.Th>Score</Table.Th>
          <Table.Th>Band</Table.Th>
          <Table.Th ta="right">30-day change</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody data-testid="success-ranking">
        {ranking.map((entry) => (
          <Table.Tr key={entry.reseller.id} data-testid="ranking-row" {...rowLinkProps(() => void navigate(`/success/resellers/${entry.reseller.id}`))}>
            <Table.Td ta="right" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
              {entry.rank}
            </Table.Td>
            <Table.Td>
              <ResellerCell entry={entry} />
            </Table.Td>
            <Table.Td>
              <ScoreCell score={entry.score} band={entry.band} />
            </Table.Td>
            <Table.Td>
              <BandBadge band={entry.band} />
            </Table.Td>
            <Table.Td ta="right">
              <ScoreChange change={entry.change30d} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ListTable>
  );
}

function Movers({ movers }: { movers: readonly Ranked[] }) {
  if (movers.length === 0) {
    return (
      <Text size="sm" c="dimmed" p="lg">
        No score moved in the last 30 days (or there is no snapshot 30 days old to compare with).
      </Text>
    );
  }
  return (
    <Table verticalSpacing={6} horizontalSpacing="md" fz="sm" data-testid="success-movers">
      <Table.Tbody>
        {movers.map((entry) => (
          <Table.Tr key={entry.reseller.id}>
            <Table.Td>
              <ResellerCell entry={entry} nameWidth={170} />
            </Table.Td>
            <Table.Td w={40} ta="right" fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>
              {entry.score ?? '—'}
            </Table.Td>
            <Table.Td w={80}>
              <BandBadge band={entry.band} size="sm" />
            </Table.Td>
            <Table.Td w={56} ta="right">
              <ScoreChange change={entry.change30d} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function AlertsBySeverity({ counts }: { counts: Dashboard['openAlertsBySeverity'] }) {
  return (
    <Stack gap={6} data-testid="alerts-by-severity">
      {SEVERITIES.map((severity) => {
        const alerts = counts.find((c) => c.severity === severity)?.alerts ?? 0;
        return (
          <UnstyledButton
            key={severity}
            component={Link}
            to={`/success/alerts?status=unresolved&severity=${severity.toLowerCase()}`}
            px="sm"
            py={6}
            style={{ borderRadius: 6, border: '1px solid var(--mantine-color-gray-2)' }}
          >
            <Group justify="space-between" wrap="nowrap">
              <SeverityBadge severity={severity} />
              <Text fw={700} c={alerts === 0 ? 'dimmed' : undefined} style={{ fontVariantNumeric: 'tabular-nums' }}>
                {formatNumber(alerts)}
              </Text>
            </Group>
          </UnstyledButton>
        );
      })}
    </Stack>
  );
}

function ChannelSuccess() {
  const viewer = useViewer();
  const mayManage = canManageSuccess(viewer.role);
  const { data, error, refetch } = useQuery(AdminChannelSuccessQuery, { fetchPolicy: 'cache-and-network' });
  const [recompute, recomputeState] = useRecomputePartnerHealth();
  const dashboard = data?.channelSuccessDashboard;

  async function onRecompute() {
    try {
      const result = await recompute();
      const payload = result.data?.recomputePartnerHealth;
      if (payload) {
        notifications.show({
          color: 'green',
          title: 'Partner health recomputed',
          message: `Scored ${formatNumber(payload.scored)}, opened ${formatNumber(payload.alertsOpened)} alert${payload.alertsOpened === 1 ? '' : 's'}, resolved ${formatNumber(payload.alertsResolved)}.`,
        });
      }
    } catch (caught) {
      notifications.show({ color: 'red', title: 'Could not recompute partner health', message: errorMessage(caught) });
    }
  }

  const header = (
    <PageHeader
      title="Partner success"
      description={
        dashboard
          ? `Health scores as of ${formatDay(dashboard.asOf)} · scored daily from revenue, acquisition, retention, growth, engagement, operations and satisfaction`
          : 'Health scores of the channel, scored daily.'
      }
      actions={
        <>
          <Button component={Link} to="/success/alerts?status=unresolved" variant="default" leftSection={<IconAlert size={16} />}>
            Alerts
          </Button>
          <Button component={Link} to="/success/interventions" variant="default" leftSection={<IconList size={16} />}>
            Interventions
          </Button>
          {mayManage ? (
            <Button leftSection={<IconRefresh size={16} />} loading={recomputeState.loading} onClick={() => void onRecompute()} data-testid="recompute-health">
              Recompute now
            </Button>
          ) : (
            <Badge variant="default" size="lg" radius="sm" tt="none" fw={500}>
              Read-only access
            </Badge>
          )}
        </>
      }
    />
  );

  if (!dashboard) {
    return (
      <>
        {header}
        {error ? <ErrorState error={error} title="Could not load the success dashboard" onRetry={() => void refetch()} /> : <LoadingState label="Loading partner health…" />}
      </>
    );
  }

  const openAlerts = dashboard.openAlertsBySeverity.reduce((sum, c) => sum + c.alerts, 0);
  const critical = dashboard.openAlertsBySeverity.find((c) => c.severity === 'CRITICAL')?.alerts ?? 0;
  const high = dashboard.openAlertsBySeverity.find((c) => c.severity === 'HIGH')?.alerts ?? 0;
  const overdue = dashboard.interventionsDue.filter((i) => i.overdue).length;
  const averageBand = dashboard.averageScore === null || dashboard.averageScore === undefined ? null : dashboard.averageScore;

  return (
    <>
      {header}
      {error && (
        <Box mb="md">
          <ErrorState error={error} title="Could not refresh the dashboard" onRetry={() => void refetch()} />
        </Box>
      )}
      {dashboard.scoredResellers === 0 ? (
        <EmptyState
          title="No reseller is scored yet"
          description="Scores are computed every night for active resellers with data. Recompute to score them now."
          action={
            mayManage ? (
              <Button variant="light" leftSection={<IconRefresh size={14} />} loading={recomputeState.loading} onClick={() => void onRecompute()}>
                Recompute now
              </Button>
            ) : null
          }
        />
      ) : (
        <Stack gap="md">
          <StatGrid
            testId="success-kpis"
            items={[
              { label: 'Scored resellers', value: formatNumber(dashboard.scoredResellers), hint: `as of ${formatDay(dashboard.asOf)}` },
              {
                label: 'Average score',
                value: averageBand === null ? '—' : (Math.round(averageBand * 10) / 10).toString(),
                hint: 'out of 100',
                color: averageBand === null ? undefined : bandCssColor(bandOfScore(averageBand), 7),
              },
              { label: 'Open alerts', value: formatNumber(openAlerts), hint: `${critical} critical · ${high} high`, color: critical > 0 ? 'red.7' : undefined },
              { label: 'Interventions due', value: formatNumber(dashboard.interventionsDue.length), hint: overdue ? `${overdue} overdue` : 'within 7 days', color: overdue ? 'red.7' : undefined },
            ]}
          />
          <Grid gutter="md">
            <Grid.Col span={{ base: 12, md: 6, lg: 4 }}>
              <SectionCard title="Band distribution">
                <BandDistributionChart data={dashboard.bandDistribution} />
              </SectionCard>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6, lg: 3 }}>
              <SectionCard
                title="Open alerts"
                aside={
                  <Anchor component={Link} to="/success/alerts?status=unresolved" size="sm">
                    View all
                  </Anchor>
                }
              >
                <AlertsBySeverity counts={dashboard.openAlertsBySeverity} />
              </SectionCard>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 5 }}>
              <SectionCard title="Biggest movers" aside={<Text size="xs" c="dimmed">30-day change</Text>} flush>
                <Movers movers={dashboard.biggestMovers} />
              </SectionCard>
            </Grid.Col>
          </Grid>

          <Box>
            <Group justify="space-between" mb="xs">
              <Text fw={600}>Interventions due</Text>
              <Anchor component={Link} to="/success/interventions" size="sm">
                All interventions
              </Anchor>
            </Group>
            <InterventionsTable interventions={dashboard.interventionsDue} mayManage={mayManage} empty="Nothing due in the next 7 days and nothing overdue." />
          </Box>

          <Box>
            <Group justify="space-between" mb="xs">
              <Text fw={600}>Ranking</Text>
              <Text size="xs" c="dimmed">
                {dashboard.ranking.length < dashboard.scoredResellers ? `Top ${dashboard.ranking.length} of ${formatNumber(dashboard.scoredResellers)}` : 'Best first'}
              </Text>
            </Group>
            <RankingTable ranking={dashboard.ranking} />
          </Box>
        </Stack>
      )}
    </>
  );
}

export function SuccessDashboardPage() {
  return (
    <RequireRole allowed={canReadSuccess}>
      <ChannelSuccess />
    </RequireRole>
  );
}
