import { Badge, Divider, Grid, Group, Progress, Stack, Text } from '@mantine/core';
import { Fragment } from 'react';
import type { PortalMyHealthQuery } from '../../gql/graphql';
import { bandColor, bandOfScore, componentLabel, PARTNER_HEALTH_COMPONENTS, points } from './labels';

type HealthComponentsProps = {
  components: NonNullable<PortalMyHealthQuery['myHealth']>['components'];
};

const percentFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/**
 * The seven components of the score: weight, a bar, the score or "no data yet", what it measures
 * and how to raise it. A component without data does not count and its weight is shared among the
 * others in proportion (the api's rule), so each counting component also shows its weight as it
 * stands today.
 */
export function HealthComponents({ components }: HealthComponentsProps) {
  const knownWeight = components.reduce((sum, component) => sum + (component.score === null ? 0 : component.weight), 0);
  const totalWeight = components.reduce((sum, component) => sum + component.weight, 0);
  const missing = components.filter((component) => component.score === null);

  return (
    <Stack gap="md">
      {missing.length > 0 && (
        <Text size="sm" c="dimmed" data-testid="health-missing-note">
          {missing.length === 1 ? 'One component has' : `${missing.length} components have`} no data yet. A component without data does not count against you:
          its weight is shared among the others in proportion, until the data arrives.
        </Text>
      )}
      {components.map((component, index) => {
        const text = PARTNER_HEALTH_COMPONENTS[component.key];
        const label = componentLabel(component.key);
        const score = component.score;
        const color = score === null ? 'gray' : bandColor(bandOfScore(score));
        const effective = score !== null && knownWeight > 0 && knownWeight < totalWeight ? (component.weight * totalWeight) / knownWeight : null;
        return (
          <Fragment key={component.key}>
            {index > 0 && <Divider />}
            <Grid gutter={{ base: 'xs', sm: 'xl' }} data-testid="health-component" data-key={component.key} data-score={score ?? ''}>
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <Stack gap={6}>
                  <Text fw={600}>{label}</Text>
                  <Group gap={6}>
                    <Badge size="sm" variant="outline" color="gray" tt="none" fw={500} data-testid="health-component-weight">
                      weight {component.weight} %
                    </Badge>
                    {effective !== null && (
                      <Text size="xs" c="dimmed">
                        counts {percentFormat.format(effective)} % for now
                      </Text>
                    )}
                  </Group>
                  <Group gap="sm" wrap="nowrap" align="center">
                    <Progress
                      value={score ?? 0}
                      color={color}
                      size="lg"
                      radius="xl"
                      style={{ flex: 1 }}
                      aria-label={`${label}: ${score === null ? 'no data yet' : `${points(score)} of 100`}`}
                    />
                    {score === null ? (
                      <Text size="sm" c="dimmed" fs="italic" style={{ flexShrink: 0 }} data-testid="health-component-score">
                        no data
                      </Text>
                    ) : (
                      <Text size="sm" fw={700} style={{ flexShrink: 0, fontVariantNumeric: 'tabular-nums', minWidth: 52, textAlign: 'right' }}>
                        <span data-testid="health-component-score">{points(score)}</span>
                        <Text span size="xs" c="dimmed" fw={400}>
                          {' '}
                          / 100
                        </Text>
                      </Text>
                    )}
                  </Group>
                  {score === null && (
                    <Text size="xs" c="dimmed">
                      No data yet, so it does not count: its {component.weight} % is shared among the others.
                    </Text>
                  )}
                </Stack>
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 8 }}>
                <Stack gap={8}>
                  <div>
                    <Text size="xs" tt="uppercase" fw={600} c="dimmed" style={{ letterSpacing: 0.4 }}>
                      What it measures
                    </Text>
                    <Text size="sm">{text?.measures ?? 'A component of your health score.'}</Text>
                  </div>
                  {text && (
                    <div>
                      <Text size="xs" tt="uppercase" fw={600} c="dimmed" style={{ letterSpacing: 0.4 }}>
                        How to raise it
                      </Text>
                      <Text size="sm">{text.raise}</Text>
                    </div>
                  )}
                </Stack>
              </Grid.Col>
            </Grid>
          </Fragment>
        );
      })}
    </Stack>
  );
}
