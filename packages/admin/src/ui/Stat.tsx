import { Paper, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';

export type StatItem = {
  label: string;
  value: ReactNode;
  /** A second line under the value (a count, a date, who). */
  hint?: ReactNode;
  /** Makes the tile a button (e.g. "filter by this status"). */
  onClick?: () => void;
  /** Highlights the tile (the filter in effect). */
  active?: boolean;
  /** Colour of the value, e.g. 'red' for a negative amount. */
  color?: string;
  testId?: string;
};

function StatTile({ item }: { item: StatItem }) {
  const content = (
    <Stack gap={2} px="md" py="sm" h="100%">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} style={{ letterSpacing: 0.4 }}>
        {item.label}
      </Text>
      <Text fw={700} fz={20} c={item.color} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
        {item.value}
      </Text>
      {item.hint && (
        <Text size="xs" c="dimmed">
          {item.hint}
        </Text>
      )}
    </Stack>
  );
  const style = {
    borderRadius: 'var(--mantine-radius-md)',
    background: item.active ? 'var(--mantine-color-indigo-0)' : undefined,
    boxShadow: item.active ? 'inset 0 0 0 1px var(--mantine-color-indigo-3)' : undefined,
    height: '100%',
  };
  return item.onClick ? (
    <UnstyledButton onClick={item.onClick} style={style} aria-pressed={item.active ?? false} data-testid={item.testId}>
      {content}
    </UnstyledButton>
  ) : (
    <div style={style} data-testid={item.testId}>
      {content}
    </div>
  );
}

/** A white strip of key figures above a table: totals, counts, statuses. */
export function StatGrid({ items, cols, testId }: { items: StatItem[]; cols?: number; testId?: string }) {
  return (
    <Paper withBorder radius="md" bg="white" p={4} data-testid={testId}>
      <SimpleGrid cols={{ base: 2, sm: Math.min(cols ?? items.length, 3), lg: cols ?? items.length }} spacing={4} verticalSpacing={4}>
        {items.map((item) => (
          <StatTile key={item.label} item={item} />
        ))}
      </SimpleGrid>
    </Paper>
  );
}
