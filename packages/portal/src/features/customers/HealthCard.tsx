import { Badge, Card, Group, Progress, Stack, Text } from '@mantine/core';
import type { CustomerDetail_CustomerFragment } from '../../gql/graphql';
import { formatDateTime } from '../../ui';
import { HEALTH_COMPONENTS, healthColor, healthComponentLabel } from './labels';

type HealthCardProps = {
  customer: Pick<CustomerDetail_CustomerFragment, 'healthScore' | 'healthComputedAt' | 'healthComponents'>;
};

/** '87.5' → '88'; component scores come with one decimal, shown whole (the total is whole too). */
function points(score: number): string {
  return String(Math.round(score));
}

/**
 * The last health score and what it is made of: five weighted components, each 0–100. A component
 * without data is left out and its weight goes to the others (the api's rule), so the card says so
 * instead of showing a zero.
 */
export function HealthCard({ customer }: HealthCardProps) {
  const score = customer.healthScore;
  const missing = customer.healthComponents.filter((component) => component.score === null).length;

  return (
    <Card withBorder padding="lg" radius="md" data-testid="health-card">
      <Group justify="space-between" align="flex-start" gap="sm" mb="md" wrap="nowrap">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text fw={600} size="lg">
            Health
          </Text>
          <Text size="sm" c="dimmed">
            {customer.healthComputedAt ? `Scored ${formatDateTime(customer.healthComputedAt)}` : 'Not scored yet'}
          </Text>
        </Stack>
        <Stack gap={0} align="flex-end" style={{ flexShrink: 0 }}>
          <Text fz={34} fw={700} lh={1} c={score === null ? 'dimmed' : `${healthColor(score)}.8`} data-testid="health-score">
            {score ?? '—'}
          </Text>
          <Text size="xs" c="dimmed">
            of 100
          </Text>
        </Stack>
      </Group>

      {score !== null && score < 40 && (
        <Text size="sm" c="red.8" mb="sm">
          Below 40: an active customer at this score moves to At risk automatically.
        </Text>
      )}

      {customer.healthComponents.length === 0 ? (
        <Text size="sm" c="dimmed">
          No health data yet. The score is computed daily from payments, tenure, support contacts, usage and your interactions.
        </Text>
      ) : (
        <Stack gap="md">
          {customer.healthComponents.map((component) => (
            <Stack key={component.key} gap={4} data-testid="health-component" data-key={component.key}>
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
                  <Text size="sm" fw={600} truncate>
                    {healthComponentLabel(component.key)}
                  </Text>
                  <Badge size="xs" variant="outline" color="gray" tt="none" fw={500} style={{ flexShrink: 0 }}>
                    weight {component.weight} %
                  </Badge>
                </Group>
                {component.score === null ? (
                  <Text size="sm" c="dimmed" fs="italic" style={{ flexShrink: 0 }}>
                    no data
                  </Text>
                ) : (
                  <Text size="sm" fw={600} style={{ flexShrink: 0, fontVariantNumeric: 'tabular-nums' }}>
                    {points(component.score)} / 100
                  </Text>
                )}
              </Group>
              <Progress
                value={component.score ?? 0}
                color={component.score === null ? 'gray' : healthColor(component.score)}
                size="sm"
                radius="xl"
                aria-label={`${healthComponentLabel(component.key)}: ${component.score === null ? 'no data' : `${points(component.score)} of 100`}`}
              />
              <Text size="xs" c="dimmed">
                {HEALTH_COMPONENTS[component.key]?.explanation ?? ''}
              </Text>
            </Stack>
          ))}
          {missing > 0 && (
            <Text size="xs" c="dimmed">
              Components without data do not count: their weight is shared among the others.
            </Text>
          )}
        </Stack>
      )}
    </Card>
  );
}
