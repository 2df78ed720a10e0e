import { Group, Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';

type SectionCardProps = {
  title: ReactNode;
  /** Right side of the title row: a count, a link or a small button. */
  aside?: ReactNode;
  children: ReactNode;
  /** No inner padding (for a table that runs edge to edge). */
  flush?: boolean;
};

/** A titled white card on the grey page: one section of a record page. */
export function SectionCard({ title, aside, children, flush }: SectionCardProps) {
  return (
    <Paper withBorder radius="md" bg="white">
      <Group
        justify="space-between"
        px="lg"
        py="sm"
        style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
        wrap="nowrap"
      >
        <Text fw={600}>{title}</Text>
        {aside}
      </Group>
      {flush ? children : <div style={{ padding: 'var(--mantine-spacing-lg)' }}>{children}</div>}
    </Paper>
  );
}
