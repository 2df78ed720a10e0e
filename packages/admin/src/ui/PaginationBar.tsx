import { Button, Group, Text } from '@mantine/core';
import { formatNumber } from './format';
import { IconChevronLeft, IconChevronRight } from './icons';

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

/** "Showing 21–40 of 57" with Previous/Next: cursor pagination has no page-number jumps. */
export function PaginationBar({ page, pageSize, count, totalCount, hasNextPage, onPrevious, onNext, disabled }: PaginationBarProps) {
  const from = count === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = (page - 1) * pageSize + count;
  return (
    <Group justify="space-between" px="md" py="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
      <Text size="sm" c="dimmed" data-testid="pagination-summary">
        {count === 0
          ? `No results`
          : `Showing ${formatNumber(from)}–${formatNumber(to)} of ${formatNumber(totalCount)}`}
      </Text>
      <Group gap="xs">
        <Text size="sm" c="dimmed" mr="xs">
          Page {page}
        </Text>
        <Button
          variant="default"
          size="xs"
          leftSection={<IconChevronLeft size={14} />}
          onClick={onPrevious}
          disabled={disabled || page <= 1}
        >
          Previous page
        </Button>
        <Button
          variant="default"
          size="xs"
          rightSection={<IconChevronRight size={14} />}
          onClick={onNext}
          disabled={disabled || !hasNextPage}
        >
          Next page
        </Button>
      </Group>
    </Group>
  );
}
