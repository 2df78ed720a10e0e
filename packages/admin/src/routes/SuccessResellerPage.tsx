import { useQuery } from '@apollo/client/react';
import { Badge, Box, Button, Grid, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../app/errors';
import { todayDay } from '../features/customers/customers';
import { PlanInterventionModal } from '../features/success/AlertModals';
import { AlertsTable } from '../features/success/AlertsTable';
import { BandBadge, ScoreChange } from '../features/success/badges';
import { ComponentBars, ScoreTrendChart } from '../features/success/charts';
import { addDays, bandCssColor, formatDay } from '../features/success/health';
import { InterventionsTable } from '../features/success/InterventionsTable';
import { useRecomputePartnerHealth } from '../features/success/success';
import { SurveyCard } from '../features/success/SurveyCard';
import { TargetsCard } from '../features/success/TargetsCard';
import { canManageSuccess, canReadSuccess } from '../features/viewer/permissions';
import { RequireRole } from '../features/viewer/RequireRole';
import { useViewer } from '../features/viewer/viewer';
import { graphql } from '../gql';
import { ErrorState, LoadingState, PageHeader, RecordUnavailable, SectionCard } from '../ui';
import { IconBuilding, IconPlus, IconRefresh } from '../ui/icons';

const AdminResellerSuccessQuery = graphql(`
  query AdminResellerSuccess($resellerId: ID!) {
    resellerSuccessDashboard(resellerId: $resellerId) {
      reseller {
        id
        code
        companyName
        status
      }
      health {
        ...PartnerHealthSummary_health
      }
      history {
        id
        computedOn
        score
        band
      }
      openAlerts {
        ...SuccessAlertRow_alert
      }
      interventions {
        ...SuccessInterventionRow_intervention
      }
      targets {
        isDefault
        newCustomersPerMonth
        revenueTarget {
          amount
          currency
        }
      }
      latestSurvey {
        id
        rating
        surveyedOn
        comment
        recordedBy
        createdAt
      }
    }
  }
`);

/** A longer trend than the dashboard's 90 days, on demand. */
const AdminPartnerHealthHistoryQuery = graphql(`
  query AdminPartnerHealthHistory($resellerId: ID!, $from: String!, $to: String!) {
    partnerHealthHistory(resellerId: $resellerId, from: $from, to: $to) {
      id
      computedOn
      score
      band
    }
  }
`);

function ScoreTrend({ resellerId, history }: { resellerId: string; history: readonly { computedOn: string; score?: number | null; band?: 'THRIVING' | 'HEALTHY' | 'STABLE' | 'AT_RISK' | 'CRITICAL' | null }[] }) {
  const [range, setRange] = useState<'90' | '365'>('90');
  const to = todayDay();
  const year = useQuery(AdminPartnerHealthHistoryQuery, { variables: { resellerId, from: addDays(to, -365), to }, skip: range !== '365' });
  const points = range === '365' ? (year.data?.partnerHealthHistory ?? null) : history;
  return (
    <SectionCard
      title="Score trend"
      aside={
        <SegmentedControl
          size="xs"
          value={range}
          onChange={(value) => setRange(value as '90' | '365')}
          data={[
            { value: '90', label: '90 days' },
            { value: '365', label: '1 year' },
          ]}
          data-testid="trend-range"
        />
      }
    >
      {points === null ? (
        year.error ? (
          <ErrorState error={year.error} title="Could not load the history" onRetry={() => void year.refetch()} />
        ) : (
          <LoadingState label="Loading the history…" />
        )
      ) : points.length === 0 ? (
        <Text size="sm" c="dimmed">
          No score in this period yet.
        </Text>
      ) : (
        <ScoreTrendChart points={points} />
      )}
    </SectionCard>
  );
}

function ResellerSuccess() {
  const { id = '' } = useParams<{ id: string }>();
  const viewer = useViewer();
  const mayManage = canManageSuccess(viewer.role);
  const { data, loading, error, refetch } = useQuery(AdminResellerSuccessQuery, { variables: { resellerId: id }, fetchPolicy: 'cache-and-network' });
  const [recompute, recomputeState] = useRecomputePartnerHealth();
  const [planOpen, setPlanOpen] = useState(false);
  const dashboard = data?.resellerSuccessDashboard;

  if (!dashboard) {
    return (
      <RecordUnavailable
        loading={loading}
        error={error}
        onRetry={() => void refetch()}
        loadingLabel="Loading partner health…"
        notFound={{ title: 'Reseller not found', description: 'It may belong to another programme, or the link is wrong.', backTo: '/success', backLabel: 'Back to partner success' }}
        errorTitle="Could not load the reseller's health"
      />
    );
  }

  const { reseller, health } = dashboard;

  async function onRecompute() {
    try {
      const result = await recompute({ variables: { input: { resellerId: reseller.id } } });
      const payload = result.data?.recomputePartnerHealth;
      if (payload) {
        notifications.show({
          color: 'green',
          title: 'Health recomputed',
          message: `Scored ${payload.scored}, opened ${payload.alertsOpened} alert${payload.alertsOpened === 1 ? '' : 's'}, resolved ${payload.alertsResolved}.`,
        });
      }
    } catch (caught) {
      notifications.show({ color: 'red', title: 'Could not recompute the health score', message: errorMessage(caught) });
    }
  }

  const missing = health?.components.filter((c) => c.score === null || c.score === undefined).length ?? 0;

  return (
    <>
      <PageHeader
        back={{ to: '/success', label: 'Partner success' }}
        title={reseller.companyName}
        badges={
          <>
            <Badge variant="default" radius="sm" ff="monospace" size="lg" tt="none">
              {reseller.code}
            </Badge>
            <BandBadge band={health?.band} size="lg" />
          </>
        }
        description={health ? `Health as of ${formatDay(health.computedOn)}` : 'Not scored yet'}
        actions={
          <>
            <Button component={Link} to={`/resellers/${reseller.id}`} variant="default" leftSection={<IconBuilding size={16} />} data-testid="reseller-profile-link">
              Reseller profile
            </Button>
            {mayManage ? (
              <>
                <Button variant="default" leftSection={<IconRefresh size={16} />} loading={recomputeState.loading} onClick={() => void onRecompute()} data-testid="recompute-reseller-health">
                  Recompute
                </Button>
                <Button leftSection={<IconPlus size={14} />} onClick={() => setPlanOpen(true)} data-testid="plan-intervention-for-reseller">
                  Plan intervention
                </Button>
              </>
            ) : (
              <Badge variant="default" size="lg" radius="sm" tt="none" fw={500}>
                Read-only access
              </Badge>
            )}
          </>
        }
      />
      {error && (
        <Box mb="md">
          <ErrorState error={error} title="Could not refresh" onRetry={() => void refetch()} />
        </Box>
      )}

      <Stack gap="md">
        <Grid gutter="md">
          <Grid.Col span={{ base: 12, md: 4, lg: 3 }}>
            <SectionCard title="Health score">
              {health && health.score !== null && health.score !== undefined ? (
                <Stack gap="sm" data-testid="health-score-card">
                  <Group gap="sm" align="baseline">
                    <Text fz={52} fw={800} lh={1} c={bandCssColor(health.band, 7)} style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="health-score">
                      {health.score}
                    </Text>
                    <Text c="dimmed" size="sm">
                      / 100
                    </Text>
                  </Group>
                  <BandBadge band={health.band} size="lg" variant="filled" />
                  <Stack gap={4} mt="xs">
                    <Group justify="space-between">
                      <Text size="sm" c="dimmed">
                        7-day change
                      </Text>
                      <ScoreChange change={health.change7d} data-testid="change-7d" />
                    </Group>
                    <Group justify="space-between">
                      <Text size="sm" c="dimmed">
                        30-day change
                      </Text>
                      <ScoreChange change={health.change30d} data-testid="change-30d" />
                    </Group>
                  </Stack>
                </Stack>
              ) : (
                <Text size="sm" c="dimmed" data-testid="health-not-scored">
                  No score yet: without any data (revenue, customers, logins, surveys) there is nothing to score. The nightly recompute scores it once there is.
                </Text>
              )}
            </SectionCard>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8, lg: 9 }}>
            <ScoreTrend resellerId={reseller.id} history={dashboard.history} />
          </Grid.Col>
        </Grid>

        <Grid gutter="md">
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <SectionCard
              title="Components"
              aside={
                <Text size="xs" c="dimmed">
                  {missing > 0 ? `${missing} without data: their weight is spread over the others` : 'Each 0–100, weighted'}
                </Text>
              }
            >
              {health ? (
                <ComponentBars components={health.components} />
              ) : (
                <Text size="sm" c="dimmed">
                  Not scored yet.
                </Text>
              )}
            </SectionCard>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Stack gap="md">
              <TargetsCard resellerId={reseller.id} code={reseller.code} targets={dashboard.targets} mayManage={mayManage} />
              <SurveyCard resellerId={reseller.id} code={reseller.code} survey={dashboard.latestSurvey} mayManage={mayManage} />
            </Stack>
          </Grid.Col>
        </Grid>

        <Box>
          <Group justify="space-between" mb="xs">
            <Text fw={600}>Open alerts</Text>
            <Button component={Link} to={`/success/alerts?reseller=${reseller.id}`} variant="subtle" size="compact-sm">
              All alerts of {reseller.code}
            </Button>
          </Group>
          <AlertsTable alerts={dashboard.openAlerts} mayManage={mayManage} showReseller={false} empty="No open alerts." />
        </Box>

        <Box>
          <Text fw={600} mb="xs">
            Interventions
          </Text>
          <InterventionsTable interventions={dashboard.interventions} mayManage={mayManage} showReseller={false} empty="No interventions planned for this reseller." />
        </Box>
      </Stack>

      {mayManage && <PlanInterventionModal opened={planOpen} onClose={() => setPlanOpen(false)} reseller={reseller} />}
    </>
  );
}

export function SuccessResellerPage() {
  return (
    <RequireRole allowed={canReadSuccess}>
      <ResellerSuccess />
    </RequireRole>
  );
}
