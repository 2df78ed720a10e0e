import { Button, Group, Text } from '@mantine/core';

type PaginationBarProps = {
  /** 1-based page number. */
  page: number;
  pageSize: number;
  /** Items on this page. */
  count: number;
  totalCount: number;
  hasNextPage: boolean;
  onPrevious: () => void;
  onNext: () => void;
  disabled?: boolean;
};

const number = new Intl.NumberFormat('en-US');

/** "Showing 21–40 of 57" with Previous/Next: cursor pagination has no page-number jumps. */
export function PaginationBar({ page, pageSize, count, totalCount, hasNextPage, onPrevious, onNext, disabled }: PaginationBarProps) {
  const from = count === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = (page - 1) * pageSize + count;
  return (
    <Group justify="space-between" gap="sm" px="md" py="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
      <Text size="sm" c="dimmed" data-testid="pagination-summary">
        {count === 0 ? 'No results' : `Showing ${number.format(from)}–${number.format(to)} of ${number.format(totalCount)}`}
      </Text>
      <Group gap="xs">
        <Text size="sm" c="dimmed" mr="xs">
          Page {page}
        </Text>
        <Button variant="default" size="xs" onClick={onPrevious} disabled={disabled || page <= 1}>
          ← Previous
        </Button>
        <Button variant="default" size="xs" onClick={onNext} disabled={disabled || !hasNextPage} data-testid="next-page">
          Next →
        </Button>
      </Group>
    </Group>
  );
}
