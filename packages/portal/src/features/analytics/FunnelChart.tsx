import { Box, Group, Stack, Text } from '@mantine/core';
import type { CustomerStage } from '../../gql/graphql';
import { CUSTOMER_STAGES, stageColor, stageLabel } from '../customers/labels';
import { formatCount } from './format';

type FunnelChartProps = {
  funnel: readonly { stage: CustomerStage; reached: number }[];
  /** Customers in each stage now, shown beside how many ever reached it. */
  stageCounts: readonly { stage: CustomerStage; customers: number }[];
};

/**
 * Horizontal bars, one per stage in lifecycle order: how many customers ever reached the stage
 * (bar length, relative to the largest) and how many are in it now.
 */
export function FunnelChart({ funnel, stageCounts }: FunnelChartProps) {
  const reached = new Map(funnel.map((entry) => [entry.stage, entry.reached]));
  const now = new Map(stageCounts.map((entry) => [entry.stage, entry.customers]));
  const max = Math.max(1, ...funnel.map((entry) => entry.reached));

  return (
    <Stack gap={6} data-testid="funnel-chart" role="list" aria-label="Customers that reached each stage">
      {CUSTOMER_STAGES.map((stage) => {
        const count = reached.get(stage) ?? 0;
        const current = now.get(stage) ?? 0;
        const share = (count / max) * 100;
        return (
          <Group key={stage} gap="sm" wrap="nowrap" role="listitem" data-testid="funnel-stage" data-stage={stage} data-reached={count}>
            <Text size="sm" w={96} ta="right" style={{ flexShrink: 0 }} truncate>
              {stageLabel(stage)}
            </Text>
            <Box style={{ flex: 1, minWidth: 0, position: 'relative' }} h={22} bg="gray.1" aria-hidden="true">
              <Box
                h="100%"
                bg={`${stageColor(stage)}.${count === 0 ? 2 : 5}`}
                style={{ width: `${count === 0 ? 0 : Math.max(1.5, share)}%`, borderRadius: 3, transition: 'width 200ms' }}
              />
            </Box>
            <Text size="sm" fw={600} w={36} ta="right" style={{ flexShrink: 0, fontVariantNumeric: 'tabular-nums' }}>
              {formatCount(count)}
            </Text>
            <Text size="xs" c="dimmed" w={64} style={{ flexShrink: 0, fontVariantNumeric: 'tabular-nums' }}>
              {current > 0 ? `${formatCount(current)} now` : ''}
            </Text>
          </Group>
        );
      })}
    </Stack>
  );
}
