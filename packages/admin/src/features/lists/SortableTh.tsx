import { Group, Table, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';

type SortableThProps = {
  children: ReactNode;
  /** This column's sort is in effect, in this direction. */
  sorted: 'ASC' | 'DESC' | null;
  onSort: () => void;
  w?: number | string;
};

/** A column header that sorts the list; the arrow shows the order in effect. */
export function SortableTh({ children, sorted, onSort, w }: SortableThProps) {
  return (
    <Table.Th w={w} aria-sort={sorted === 'ASC' ? 'ascending' : sorted === 'DESC' ? 'descending' : 'none'}>
      <UnstyledButton onClick={onSort} fw={600} fz="sm">
        <Group gap={4} wrap="nowrap">
          {children}
          <span aria-hidden style={{ opacity: sorted ? 1 : 0.3, fontSize: 11 }}>
            {sorted === 'ASC' ? '▲' : sorted === 'DESC' ? '▼' : '▲▼'}
          </span>
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
