import { Anchor, Badge, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatAmount, formatMoney } from '../commissions/money';
import { skipReasonLabel } from './payouts';

/** One skipped reseller: from a batch (SkippedPayout) or from createPaymentBatch's CONFLICT. */
export type SkippedRow = {
  resellerId?: string;
  code: string;
  name?: string;
  reason: string;
  /** Money from the api, or a bare decimal (the CONFLICT's extensions) in `currency`. */
  amount: { amount: string; currency: string } | string;
};

function reasonColor(reason: string): string {
  if (reason === 'OVER_ACH_ENTRY_LIMIT') return 'red';
  return reason === 'NO_VERIFIED_ACCOUNT' ? 'orange' : 'gray';
}

/** Resellers with payable lines that a batch does not pay, and why. */
export function SkippedPayouts({ rows, currency, compact }: { rows: readonly SkippedRow[]; currency: string; compact?: boolean }) {
  return (
    <Table.ScrollContainer minWidth={compact ? 420 : 560} type="native">
      <Table verticalSpacing={compact ? 6 : 'sm'} horizontalSpacing={compact ? 'sm' : 'lg'} fz="sm" data-testid="skipped-payouts">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Reseller</Table.Th>
            <Table.Th ta="right">Payable</Table.Th>
            <Table.Th>Why not paid</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.resellerId ?? row.code} data-testid="skipped-row" data-reason={row.reason}>
              <Table.Td>
                {row.resellerId ? (
                  <Anchor component={Link} to={`/resellers/${row.resellerId}`} size="sm" ff="monospace" fw={600}>
                    {row.code}
                  </Anchor>
                ) : (
                  <Text size="sm" ff="monospace" fw={600}>
                    {row.code}
                  </Text>
                )}
                {row.name && (
                  <Text size="xs" c="dimmed">
                    {row.name}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                {typeof row.amount === 'string' ? formatAmount(row.amount, currency) : formatMoney(row.amount)}
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={reasonColor(row.reason)} tt="none" fw={500} style={{ minWidth: 'max-content' }}>
                  {skipReasonLabel(row.reason)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
