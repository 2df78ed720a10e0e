import { Badge, Stack, Text } from '@mantine/core';
import type { CommissionLineKind } from '../../gql/graphql';
import { commissionLineKindLabel } from '../../ui/labels';

// Customer lines are the norm, so they stay quiet; caps and adjustments stand out.
const KIND_COLORS: Record<CommissionLineKind, string> = {
  CUSTOMER: 'gray',
  CAP: 'grape',
  ADJUSTMENT: 'cyan',
};

/** Customer line, the reseller's monthly cap cut, or an adjustment for a closed period. */
export function LineKindBadge({ kind, adjustmentForPeriod }: { kind: CommissionLineKind; adjustmentForPeriod?: string | null }) {
  return (
    <Stack gap={2} align="flex-start">
      <Badge
        variant={kind === 'CUSTOMER' ? 'default' : 'light'}
        color={KIND_COLORS[kind]}
        radius="sm"
        tt="none"
        fw={500}
        style={{ minWidth: 'max-content' }}
      >
        {commissionLineKindLabel(kind)}
      </Badge>
      {kind === 'ADJUSTMENT' && adjustmentForPeriod && (
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          for {adjustmentForPeriod}
        </Text>
      )}
    </Stack>
  );
}
