import { useQuery } from '@apollo/client/react';
import { Badge, Card, Grid, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { todayDay } from '../features/customers/labels';
import { HealthComponents } from '../features/health/HealthComponents';
import { HealthTrendChart } from '../features/health/HealthTrendChart';
import { addDays, bandColor, bandLabel, changeColor, formatChange, HEALTH_BANDS, TREND_DAYS } from '../features/health/labels';
import { PortalHealthHistoryQueryDocument, PortalMyHealthQueryDocument } from '../features/health/queries';
import { formatDay } from '../features/onboarding/labels';
import { EmptyState, ErrorState, LoadingState, PageHeader } from '../ui';

const TITLE = 'My health';
const DESCRIPTION =
  'How your partnership is doing: a score from 0 to 100, recomputed every day from seven areas of your business, with what each one measures and how to raise it.';

function Section({ title, description, children, testId }: { title: string; description?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <Card withBorder padding="lg" radius="md" h="100%" data-testid={testId}>
      <Stack gap={2} mb="md">
        <Text fw={600} size="lg">
          {title}
        </Text>
        {description && (
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        )}
      </Stack>
      {children}
    </Card>
  );
}

function Change({ label, value, testId }: { label: string; value: number | null; testId: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" tt="uppercase" fw={600} c="dimmed" style={{ letterSpacing: 0.4 }}>
        {label}
      </Text>
      <Text fz={20} fw={700} c={changeColor(value)} style={{ fontVariantNumeric: 'tabular-nums' }} data-testid={testId}>
        {formatChange(value)}
      </Text>
    </Stack>
  );
}

export function HealthPage() {
  const { data, loading, error, refetch } = useQuery(PortalMyHealthQueryDocument);
  const health = data?.myHealth;
  const resellerId = data?.myReseller.id;
  // The last 90 days up to today, or up to the snapshot's day if the server's zone is already ahead.
  const today = todayDay();
  const to = health && health.computedOn > today ? health.computedOn : today;
  const from = addDays(to, -TREND_DAYS);
  const history = useQuery(PortalHealthHistoryQueryDocument, {
    variables: { resellerId: resellerId ?? '', from, to },
    skip: !resellerId || !health,
  });

  if (!data) {
    return (
      <>
        <PageHeader title={TITLE} description={DESCRIPTION} />
        {loading ? <LoadingState label="Loading your health score…" /> : <ErrorState error={error} title="Could not load your health score" onRetry={() => void refetch()} />}
      </>
    );
  }

  if (!health) {
    return (
      <>
        <PageHeader title={TITLE} description={DESCRIPTION} />
        <EmptyState
          title="No health score yet"
          description="Your first health score appears after the next daily recompute. It is built from your revenue, new customers, retention, growth, engagement, operations and the ISP’s satisfaction survey."
        />
      </>
    );
  }

  const color = bandColor(health.band);
  const snapshots = history.data?.partnerHealthHistory;

  return (
    <>
      <PageHeader
        title={TITLE}
        description={DESCRIPTION}
        actions={
          <Text size="sm" c="dimmed" data-testid="health-as-of">
            As of {formatDay(health.computedOn)}
          </Text>
        }
      />
      <Stack gap="lg">
        <Grid gutter="lg">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Card withBorder padding="lg" radius="md" h="100%" data-testid="health-summary">
              <Text size="xs" tt="uppercase" fw={600} c="dimmed" style={{ letterSpacing: 0.4 }}>
                Your health score
              </Text>
              <Group align="flex-end" gap="md" mt={4} wrap="nowrap">
                <Group align="baseline" gap={6} wrap="nowrap">
                  <Text fz={64} fw={800} lh={1} c={health.score === null ? 'dimmed' : `${color}.7`} style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="health-score">
                    {health.score ?? '—'}
                  </Text>
                  <Text c="dimmed" size="sm">
                    of 100
                  </Text>
                </Group>
                <Badge size="lg" variant="filled" color={color} mb={6} data-testid="health-band" data-band={health.band ?? ''}>
                  {health.band ? bandLabel(health.band) : 'No score'}
                </Badge>
              </Group>
              {health.score === null && (
                <Text size="sm" c="dimmed" mt="xs">
                  None of the seven components has data yet, so there is no score.
                </Text>
              )}
              <SimpleGrid cols={2} spacing="md" mt="lg">
                <Change label="Last 7 days" value={health.change7d ?? null} testId="health-change-7d" />
                <Change label="Last 30 days" value={health.change30d ?? null} testId="health-change-30d" />
              </SimpleGrid>
              <Text size="xs" c="dimmed" mt="xs">
                Change in points against your score a week and a month earlier; “—” until there is a score that old.
              </Text>
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Section title="What the bands mean" description="Your score places you in one of five bands." testId="health-bands">
              <Stack gap={8}>
                {HEALTH_BANDS.map((entry) => {
                  const current = entry.band === health.band;
                  return (
                    <Group
                      key={entry.band}
                      gap="sm"
                      wrap="nowrap"
                      px="xs"
                      py={4}
                      data-current={current || undefined}
                      style={{
                        borderRadius: 'var(--mantine-radius-sm)',
                        background: current ? `var(--mantine-color-${entry.color}-0)` : undefined,
                        outline: current ? `1px solid var(--mantine-color-${entry.color}-3)` : undefined,
                      }}
                    >
                      <Badge color={entry.color} variant={current ? 'filled' : 'light'} w={88} style={{ flexShrink: 0 }}>
                        {entry.label}
                      </Badge>
                      <Text size="sm" fw={600} w={56} style={{ flexShrink: 0, whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                        {entry.range}
                      </Text>
                      <Text size="sm" c={current ? undefined : 'dimmed'} style={{ minWidth: 0 }}>
                        {entry.meaning}
                        {current && (
                          <Text span size="sm" fw={600}>
                            {' '}
                            — you are here
                          </Text>
                        )}
                      </Text>
                    </Group>
                  );
                })}
              </Stack>
            </Section>
          </Grid.Col>
        </Grid>

        <Section
          title="Score trend"
          description={`Your score at each recompute from ${formatDay(from)} to ${formatDay(to)}, over the bands.`}
          testId="health-trend"
        >
          {snapshots ? (
            <HealthTrendChart snapshots={snapshots} from={from} to={to} />
          ) : history.error ? (
            <ErrorState error={history.error} title="Could not load your score history" onRetry={() => void history.refetch()} />
          ) : (
            <LoadingState label="Loading your score history…" />
          )}
        </Section>

        <Section
          title="What makes up your score"
          description="Seven components, each scored 0–100 and weighted. Your score is the weighted average of the components that have data."
          testId="health-components"
        >
          <HealthComponents components={health.components} />
        </Section>
      </Stack>
    </>
  );
}
