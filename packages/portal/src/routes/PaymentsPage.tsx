import { useQuery } from '@apollo/client/react';
import { Anchor, Box, Card, Group, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Link, useLocation, useNavigate } from 'react-router';
import { formatMoney, formatPeriod } from '../features/commissions/format';
import { useListParams } from '../features/lists/useListParams';
import { formatDayOrDash, maskedAccount, PaymentStatusBadge } from '../features/payments/labels';
import { PayoutAccountCard } from '../features/payments/PayoutAccountCard';
import { PortalMyPaymentsQueryDocument } from '../features/payments/queries';
import type { PaymentsTable_PaymentFragment } from '../gql/graphql';
import { ConnectionPagination } from '../features/lists/ConnectionPagination';
import { EmptyState, ErrorState, LoadingState, PageHeader } from '../ui';

const TITLE = 'Payments';
const DESCRIPTION = 'The commission payments sent to your bank account, each with its statement.';
const PAGE_SIZE = 20;

const NUMERIC = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/** A failed payment's reason from the bank, under its badge. */
function FailureReason({ payment }: { payment: PaymentsTable_PaymentFragment }) {
  if (payment.status !== 'FAILED' || !payment.failureReason) return null;
  return (
    <Text size="xs" c="red.7" mt={4} style={{ overflowWrap: 'anywhere' }} data-testid="payment-failure">
      {payment.failureReason}
    </Text>
  );
}

export function PaymentsPage() {
  const navigate = useNavigate();
  const { search: listSearch } = useLocation();
  // The statement's back link returns to this page of the list.
  const linkState = { listSearch };
  const list = useListParams();
  // Below Mantine's `sm` breakpoint (48em): one compact block per payment instead of the table.
  const phone = useMediaQuery('(max-width: 47.99em)') ?? false;

  const { data, previousData, loading, error, refetch } = useQuery(PortalMyPaymentsQueryDocument, {
    variables: { first: PAGE_SIZE, after: list.after },
  });
  // While the next page loads, the previous rows stay (dimmed) instead of a blank table.
  const connection = (data ?? previousData)?.myPayments;

  let table;
  if (error && !loading) {
    table = (
      <Box p="md">
        <ErrorState
          error={error}
          title="Could not load your payments"
          // Past page 1 the cursor itself may be what failed (an outdated link): start again.
          onRetry={list.page > 1 ? list.firstPage : () => void refetch()}
        />
      </Box>
    );
  } else if (!connection) {
    table = <LoadingState label="Loading your payments…" />;
  } else if (connection.totalCount === 0) {
    table = (
      <Box p="md">
        <EmptyState
          title="No payments yet"
          description="Once the ISP approves your commissions, they are paid in the next payment batch: each payment then appears here with its statement."
        />
      </Box>
    );
  } else {
    const rows = phone ? (
      <Stack gap={0} style={{ opacity: loading ? 0.6 : 1 }} data-testid="payments-table">
        {connection.nodes.map((payment) => (
          <UnstyledButton
            key={payment.id}
            component={Link}
            to={`/payments/${payment.id}`}
            state={linkState}
            px="md"
            py="sm"
            style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
            data-testid="payment-row"
            data-payment-id={payment.id}
            data-status={payment.status}
            data-amount={payment.amount.amount}
          >
            <Group justify="space-between" gap="sm" wrap="nowrap" align="flex-start">
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Text fw={600} size="sm">
                  {formatPeriod(payment.period)}
                </Text>
                <Text size="xs" c="dimmed">
                  {formatDayOrDash(payment.effectiveDate)} · {maskedAccount(payment.accountLast4)}
                </Text>
              </Stack>
              <Text fw={600} size="sm" style={NUMERIC} data-testid="payment-amount">
                {formatMoney(payment.amount)}
              </Text>
            </Group>
            <Group gap="xs" mt={6} wrap="wrap">
              <PaymentStatusBadge status={payment.status} size="sm" />
              {payment.traceNumber && (
                <Text size="xs" c="dimmed" ff="monospace">
                  Trace {payment.traceNumber}
                </Text>
              )}
            </Group>
            <FailureReason payment={payment} />
          </UnstyledButton>
        ))}
      </Stack>
    ) : (
      <Table.ScrollContainer minWidth={760}>
        <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md" style={{ opacity: loading ? 0.6 : 1 }} data-testid="payments-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Period</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>Amount</Table.Th>
              <Table.Th>Effective date</Table.Th>
              <Table.Th>Trace number</Table.Th>
              <Table.Th>Account</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {connection.nodes.map((payment) => (
              <Table.Tr
                key={payment.id}
                onClick={() => navigate(`/payments/${payment.id}`, { state: linkState })}
                style={{ cursor: 'pointer' }}
                data-testid="payment-row"
                data-payment-id={payment.id}
                data-status={payment.status}
                data-amount={payment.amount.amount}
              >
                <Table.Td>
                  <Anchor
                    component={Link}
                    to={`/payments/${payment.id}`}
                    state={linkState}
                    fw={600}
                    size="sm"
                    c="dark"
                    onClick={(event) => event.stopPropagation()}
                    style={{ whiteSpace: 'nowrap' }}
                  >
                    {formatPeriod(payment.period)}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {payment.lineCount === 1 ? '1 line' : `${payment.lineCount} lines`}
                  </Text>
                </Table.Td>
                <Table.Td style={{ maxWidth: 260 }}>
                  <PaymentStatusBadge status={payment.status} />
                  <FailureReason payment={payment} />
                </Table.Td>
                <Table.Td style={{ textAlign: 'right', ...NUMERIC }}>
                  <Text size="sm" fw={600} data-testid="payment-amount">
                    {formatMoney(payment.amount)}
                  </Text>
                </Table.Td>
                <Table.Td style={NUMERIC}>
                  <Text size="sm">{formatDayOrDash(payment.effectiveDate)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace" c={payment.traceNumber ? undefined : 'dimmed'}>
                    {payment.traceNumber ?? '—'}
                  </Text>
                </Table.Td>
                <Table.Td style={NUMERIC}>
                  <Text size="sm" ff="monospace">
                    {maskedAccount(payment.accountLast4)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
    table = (
      <>
        {rows}
        <ConnectionPagination list={list} connection={connection} pageSize={PAGE_SIZE} disabled={loading} />
      </>
    );
  }

  return (
    <>
      <PageHeader title={TITLE} description={DESCRIPTION} />
      <Stack gap="lg">
        <PayoutAccountCard />
        <Card withBorder padding={0} radius="md">
          <Stack gap={2} p="md" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
            <Text fw={600} size="lg">
              Payment history
            </Text>
            <Text size="sm" c="dimmed">
              Newest first. Select a payment to see its statement: every commission line it pays.
            </Text>
          </Stack>
          {table}
        </Card>
      </Stack>
    </>
  );
}
