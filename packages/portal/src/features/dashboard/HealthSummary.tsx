import { Anchor, Badge, Card, Group, Progress, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { bandColor, bandLabel, bandOfScore, changeColor, componentLabel, formatChange, PARTNER_HEALTH_COMPONENTS, points } from '../health/labels';
import { formatDay } from '../onboarding/labels';
import type { DashboardHealth } from './types';

/** The partner's health score, band and 30-day change, with the components as small bars. */
export function HealthSummary({ health }: { health: DashboardHealth | null }) {
  return (
    <Card withBorder padding="lg" radius="md" h="100%" data-testid="dashboard-health">
      <Group justify="space-between" align="flex-start" gap="xs">
        <Text size="xs" tt="uppercase" fw={600} c="dimmed" style={{ letterSpacing: 0.4 }}>
          Your health score
        </Text>
        <Anchor component={Link} to="/health" size="sm">
          Details →
        </Anchor>
      </Group>
      {!health ? (
        <Stack gap="sm" mt="sm" data-testid="dashboard-no-health">
          <Text size="sm" c="dimmed">
            No health score yet: it appears after the next daily recompute, built from seven areas of your business.
          </Text>
          <Group gap={6}>
            {Object.keys(PARTNER_HEALTH_COMPONENTS).map((key) => (
              <Badge key={key} variant="light" color="gray" tt="none" fw={500}>
                {componentLabel(key)}
              </Badge>
            ))}
          </Group>
          <Anchor component={Link} to="/onboarding" size="sm">
            Meanwhile, work through your onboarding checklist →
          </Anchor>
        </Stack>
      ) : (
        <Group align="flex-start" gap="xl" mt={6} wrap="wrap">
          <Stack gap={8} style={{ flex: '0 0 auto' }}>
            <Group align="baseline" gap={6} wrap="nowrap">
              <Text fz={48} fw={800} lh={1} c={health.score === null ? 'dimmed' : `${bandColor(health.band)}.7`} style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="dashboard-health-score">
                {health.score ?? '—'}
              </Text>
              <Text c="dimmed" size="sm">
                of 100
              </Text>
            </Group>
            <Badge size="lg" variant="filled" color={bandColor(health.band)} data-testid="dashboard-health-band" data-band={health.band ?? ''} style={{ alignSelf: 'flex-start' }}>
              {health.band ? bandLabel(health.band) : 'No score'}
            </Badge>
            <Text size="sm">
              <Text span fw={700} c={changeColor(health.change30d)} style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="dashboard-health-change">
                {formatChange(health.change30d)}
              </Text>{' '}
              <Text span c="dimmed" inherit>
                in 30 days
              </Text>
            </Text>
            <Text size="xs" c="dimmed">
              As of {formatDay(health.computedOn)}
            </Text>
          </Stack>
          <Stack gap={6} style={{ flex: '1 1 240px', minWidth: 0 }} data-testid="dashboard-health-components">
            {health.components.map((component) => (
              <div key={component.key} data-testid="dashboard-health-component" data-key={component.key}>
                <Group justify="space-between" gap="xs" wrap="nowrap">
                  <Text size="xs" truncate>
                    {componentLabel(component.key)}{' '}
                    <Text span c="dimmed" inherit>
                      · {component.weight} %
                    </Text>
                  </Text>
                  <Text size="xs" fw={600} c={component.score === null ? 'dimmed' : undefined} style={{ fontVariantNumeric: 'tabular-nums', flexShrink: 0 }}>
                    {component.score === null ? 'no data' : points(component.score)}
                  </Text>
                </Group>
                <Progress value={component.score ?? 0} size="sm" radius="xl" color={component.score === null ? 'gray' : bandColor(bandOfScore(component.score))} aria-hidden />
              </div>
            ))}
          </Stack>
        </Group>
      )}
    </Card>
  );
}
