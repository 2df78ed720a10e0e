import { SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export type DetailItem = {
  label: string;
  /** null/undefined/'' shows a dash, so a missing value is visibly missing. */
  value: ReactNode;
  /** Spans the whole row (long text, lists). */
  wide?: boolean;
};

/** Label-over-value pairs in a grid: the read-only half of a record page. */
export function DetailList({ items, cols = 2 }: { items: DetailItem[]; cols?: number }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: cols }} spacing="lg" verticalSpacing="md">
      {items.map((item) => (
        <Stack key={item.label} gap={2} style={item.wide ? { gridColumn: '1 / -1' } : undefined}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600} style={{ letterSpacing: 0.4 }}>
            {item.label}
          </Text>
          {item.value === null || item.value === undefined || item.value === '' ? (
            <Text size="sm" c="dimmed">
              —
            </Text>
          ) : typeof item.value === 'string' || typeof item.value === 'number' ? (
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {item.value}
            </Text>
          ) : (
            item.value
          )}
        </Stack>
      ))}
    </SimpleGrid>
  );
}
