import { LoadingOverlay, Paper, Table, Text } from '@mantine/core';
import type { MouseEvent, ReactNode } from 'react';

type ListTableProps = {
  /** Table.Thead and Table.Tbody. */
  children: ReactNode;
  /** A new page or filter is loading while the previous rows still show. */
  refreshing?: boolean;
  /** Below the table: the pagination bar. */
  footer?: ReactNode;
  minWidth?: number;
  /** 'fixed': columns take the widths their headers set (`w`), and long cells truncate. */
  layout?: 'auto' | 'fixed';
};

/** The white card every list page's table sits in, scrolling sideways on narrow screens. */
export function ListTable({ children, refreshing, footer, minWidth = 900, layout = 'auto' }: ListTableProps) {
  return (
    <Paper withBorder radius="md" pos="relative" bg="white" style={{ overflow: 'hidden' }}>
      <LoadingOverlay visible={refreshing ?? false} zIndex={5} overlayProps={{ blur: 0, backgroundOpacity: 0.5 }} loaderProps={{ size: 'sm' }} />
      <Table.ScrollContainer minWidth={minWidth} type="native">
        <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="sm" fz="sm" layout={layout} styles={{ th: { whiteSpace: 'nowrap' }, thead: { background: 'var(--mantine-color-gray-0)' } }}>
          {children}
        </Table>
      </Table.ScrollContainer>
      {footer}
    </Paper>
  );
}

/** Row props that make a whole table row open its record (the first cell also holds a real link). */
export function rowLinkProps(open: () => void) {
  return {
    onClick: (event: MouseEvent<HTMLTableRowElement>) => {
      // A click on the link itself, or with a text selection, is left alone.
      if ((event.target as HTMLElement).closest('a, button') || window.getSelection()?.toString()) return;
      open();
    },
    style: { cursor: 'pointer' },
  } as const;
}

/** The one row of a page that came back empty (its filters match nothing on this page). */
export function EmptyPageRow({ colSpan, children }: { colSpan: number; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Td colSpan={colSpan}>
        <Text size="sm" c="dimmed" ta="center" py="md">
          {children}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}
