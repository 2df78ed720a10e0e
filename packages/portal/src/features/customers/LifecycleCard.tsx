import { Box, Card, Group, Stack, Text, Timeline } from '@mantine/core';
import type { CustomerDetail_CustomerFragment } from '../../gql/graphql';
import { formatDateTime } from '../../ui';
import { CUSTOMER_STAGES, daysLabel, StageBadge, stageColor } from './labels';

type LifecycleCardProps = {
  customer: Pick<CustomerDetail_CustomerFragment, 'transitions' | 'timeInStages' | 'stage'>;
};

/** Every recorded move (from → to, when, who, why), newest first, then the time spent in each stage. */
export function LifecycleCard({ customer }: LifecycleCardProps) {
  const transitions = [...customer.transitions].reverse();
  // Stages in lifecycle order; the bars compare the days spent in each.
  const times = [...customer.timeInStages].sort((a, b) => CUSTOMER_STAGES.indexOf(a.stage) - CUSTOMER_STAGES.indexOf(b.stage));
  const longest = Math.max(1, ...times.map((time) => time.days));

  return (
    <Card withBorder padding="lg" radius="md" data-testid="lifecycle-card">
      <Text fw={600} size="lg">
        Lifecycle
      </Text>
      <Text size="sm" c="dimmed" mb="md">
        Every stage move, newest first.
      </Text>
      {transitions.length === 0 ? (
        <Text size="sm" c="dimmed">
          No moves recorded yet.
        </Text>
      ) : (
        <Timeline active={0} bulletSize={14} lineWidth={2} color="indigo" data-testid="lifecycle-timeline">
          {transitions.map((transition) => (
            <Timeline.Item
              key={transition.id}
              color={stageColor(transition.toStage)}
              title={
                <Group gap={6} wrap="wrap">
                  {transition.fromStage ? <StageBadge stage={transition.fromStage} size="sm" /> : <Text size="sm" c="dimmed">Created</Text>}
                  <Text size="sm" c="dimmed">
                    →
                  </Text>
                  <StageBadge stage={transition.toStage} size="sm" />
                </Group>
              }
              data-testid="lifecycle-transition"
            >
              <Text size="xs" c="dimmed" mt={4}>
                {formatDateTime(transition.at)} · {transition.actor}
              </Text>
              {transition.reason && (
                <Text size="sm" mt={2} style={{ overflowWrap: 'anywhere' }}>
                  {transition.reason}
                </Text>
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      )}

      {times.length > 0 && (
        <Box mt="xl">
          <Text fw={600} mb={4}>
            Time in stage
          </Text>
          <Stack gap={6} data-testid="time-in-stages">
            {times.map((time) => (
              <Group key={time.stage} gap="sm" wrap="nowrap">
                <Box w={110} style={{ flexShrink: 0 }}>
                  <StageBadge stage={time.stage} size="sm" />
                </Box>
                <Box style={{ flex: 1, minWidth: 0 }}>
                  <Box
                    h={8}
                    bg={`${stageColor(time.stage)}.${time.stage === customer.stage ? 6 : 3}`}
                    style={{ width: `${Math.max(2, (time.days / longest) * 100)}%`, borderRadius: 4 }}
                  />
                </Box>
                <Text size="sm" w={120} ta="right" style={{ flexShrink: 0, fontVariantNumeric: 'tabular-nums' }}>
                  {daysLabel(time.days)}
                  {time.visits > 1 ? ` · ${time.visits}×` : ''}
                </Text>
              </Group>
            ))}
          </Stack>
        </Box>
      )}
    </Card>
  );
}
