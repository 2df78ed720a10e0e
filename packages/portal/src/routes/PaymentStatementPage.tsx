import { useQuery } from '@apollo/client/react';
import { Alert, Anchor, Button, Card, Divider, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle, useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { hasErrorCode } from '../app/errors';
import { formatMoney, formatPeriod, isNegative, plural } from '../features/commissions/format';
import { kindLabel, lineSubject } from '../features/commissions/labels';
import { capitalizeFirst } from '../features/commissions/trace';
import { ACCOUNT_TYPE_LABELS, formatDayOrDash, maskedAccount, paymentStatusMeaning, PaymentStatusBadge } from '../features/payments/labels';
import { PortalPaymentStatementQueryDocument } from '../features/payments/queries';
import { linesMatchAmount, sortStatementLines } from '../features/payments/statement';
import '../features/payments/print.css';
import type { PortalPaymentStatementQuery } from '../gql/graphql';
import { EmptyState, ErrorState, formatDate, LoadingState } from '../ui';

type Payment = PortalPaymentStatementQuery['payment'];
type Line = Payment['lines'][number];

const NUMERIC = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

function Stat({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={4} style={{ minWidth: 0 }}>
      <Text size="xs" tt="uppercase" fw={600} c="dimmed" style={{ letterSpacing: 0.4 }}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Stack>
  );
}

/** Back to Payments, with the page of the list the statement was opened from. */
function BackLink() {
  const { state } = useLocation();
  const listSearch = typeof state === 'object' && state !== null && 'listSearch' in state && typeof state.listSearch === 'string' ? state.listSearch : '';
  return (
    <Anchor component={Link} to={`/payments${listSearch}`} size="sm" mb="sm" display="inline-block" data-print="hide">
      ← Payments
    </Anchor>
  );
}

function LineAmount({ line }: { line: Line }) {
  return (
    <Text size="sm" fw={600} c={isNegative(line.amount.amount) ? 'red.7' : undefined} style={NUMERIC} data-testid="statement-line-amount">
      {formatMoney(line.amount)}
    </Text>
  );
}

/** The customer (or the cap / all customers) and its external id. */
function Subject({ line }: { line: Line }) {
  return (
    <Stack gap={0} style={{ minWidth: 0 }}>
      <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
        {lineSubject(line)}
      </Text>
      {line.customer && (
        <Text size="xs" c="dimmed" ff="monospace">
          {line.customer.externalId}
        </Text>
      )}
    </Stack>
  );
}

function TotalRow({ payment }: { payment: Payment }) {
  return (
    <Group justify="flex-end" gap="md" px="md" py="sm" style={{ borderTop: '2px solid var(--mantine-color-gray-3)' }}>
      <Text size="sm" c="dimmed">
        Total paid ({plural(payment.lines.length, 'line')})
      </Text>
      <Text fw={700} size="lg" style={NUMERIC} data-testid="statement-total" data-amount={payment.amount.amount}>
        {formatMoney(payment.amount)}
      </Text>
    </Group>
  );
}

function StatementLines({ payment, phone }: { payment: Payment; phone: boolean }) {
  const lines = sortStatementLines(payment.lines);
  if (lines.length === 0) {
    return <EmptyState title="No lines" description="This payment lists no commission lines." />;
  }
  const body = phone ? (
    <Stack gap={0} data-testid="statement-lines">
      {lines.map((line) => (
        <Stack
          key={line.id}
          gap={4}
          px="md"
          py="sm"
          style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
          data-testid="statement-line"
          data-amount={line.amount.amount}
        >
          <Group justify="space-between" gap="sm" wrap="nowrap" align="flex-start">
            <Subject line={line} />
            <LineAmount line={line} />
          </Group>
          <Text size="xs" c="dimmed">
            {formatPeriod(line.period, 'short')} · {kindLabel(line)}
          </Text>
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {line.trace}
          </Text>
        </Stack>
      ))}
    </Stack>
  ) : (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="sm" horizontalSpacing="md" data-testid="statement-lines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Period</Table.Th>
            <Table.Th>Kind</Table.Th>
            <Table.Th>Customer</Table.Th>
            <Table.Th>How it was calculated</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>Amount</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((line) => (
            <Table.Tr key={line.id} data-testid="statement-line" data-amount={line.amount.amount} style={{ breakInside: 'avoid' }}>
              <Table.Td style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>
                <Text size="sm">{formatPeriod(line.period, 'short')}</Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>
                <Text size="sm">{kindLabel(line)}</Text>
              </Table.Td>
              <Table.Td style={{ minWidth: 160, maxWidth: 240, verticalAlign: 'top' }}>
                <Subject line={line} />
              </Table.Td>
              <Table.Td style={{ verticalAlign: 'top' }}>
                <Text size="xs" c="dimmed" lh={1.5} style={{ overflowWrap: 'anywhere' }}>
                  {line.trace}
                </Text>
              </Table.Td>
              <Table.Td style={{ textAlign: 'right', verticalAlign: 'top' }}>
                <LineAmount line={line} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
  return (
    <>
      {body}
      <TotalRow payment={payment} />
    </>
  );
}

export function PaymentStatementPage() {
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(PortalPaymentStatementQueryDocument, { variables: { id } });
  // Below Mantine's `sm` breakpoint (48em): one block per line instead of the table.
  const phone = useMediaQuery('(max-width: 47.99em)') ?? false;
  const payment = data?.payment;
  const company = data?.me.reseller?.companyName;
  useDocumentTitle(payment ? `Payment statement ${formatPeriod(payment.period)}${company ? ` · ${company}` : ''}` : 'Payment statement');

  if (!payment || !data) {
    let body;
    if (loading) body = <LoadingState label="Loading the statement…" />;
    else if (hasErrorCode(error, 'NOT_FOUND'))
      body = (
        <EmptyState
          title="Payment not found"
          description="This payment does not exist or is not one of yours."
          action={
            <Button component={Link} to="/payments" variant="light">
              Back to payments
            </Button>
          }
        />
      );
    else body = <ErrorState error={error} title="Could not load the statement" onRetry={() => void refetch()} />;
    return (
      <>
        <BackLink />
        {body}
      </>
    );
  }

  const { me } = data;
  const matches = linesMatchAmount(payment.lines, payment.amount);

  return (
    <>
      <BackLink />
      <Stack gap="lg" data-testid="payment-statement">
        <Card withBorder padding="lg" radius="md" data-testid="statement-header" data-print="plain">
          <Stack gap="lg">
            <Group justify="space-between" align="flex-start" gap="md">
              <Stack gap={4} style={{ flex: '1 1 280px', minWidth: 0 }}>
                <Text size="sm" c="dimmed">
                  {me.tenant.name} · commission payment statement
                </Text>
                <Group gap="sm" align="center" wrap="wrap">
                  <Title order={2} data-testid="statement-title">
                    {formatPeriod(payment.period)}
                  </Title>
                  <PaymentStatusBadge status={payment.status} size="lg" />
                </Group>
                {me.reseller && (
                  <Text size="sm" c="dimmed">
                    {me.reseller.companyName} · {me.reseller.code}
                  </Text>
                )}
              </Stack>
              <Stack gap={6} align="flex-end">
                <Text fz={30} fw={700} lh={1.1} style={NUMERIC} data-testid="statement-amount" data-amount={payment.amount.amount}>
                  {formatMoney(payment.amount)}
                </Text>
                <Button variant="default" size="xs" onClick={() => window.print()} data-testid="print-statement" data-print="hide">
                  Print
                </Button>
              </Stack>
            </Group>

            {payment.status === 'FAILED' && (
              <Alert variant="light" color="red" title="The bank returned this payment" p="sm" data-testid="statement-failure">
                <Text size="sm">
                  {payment.failureReason ?? 'No reason was given.'} Its lines are payable again and are paid in a later payment
                  {payment.failedAt ? ` (returned ${formatDate(payment.failedAt)})` : ''}.
                </Text>
              </Alert>
            )}

            <Divider />
            <SimpleGrid cols={{ base: 1, xs: 2, sm: 4 }} spacing="lg" verticalSpacing="md">
              <Stat label="Status">
                {capitalizeFirst(paymentStatusMeaning(payment.status))}
                {payment.settledAt && (
                  <Text size="xs" c="dimmed">
                    Settled {formatDate(payment.settledAt)}
                  </Text>
                )}
              </Stat>
              <Stat label="Effective date">{formatDayOrDash(payment.effectiveDate)}</Stat>
              <Stat label="Trace number">
                <Text span ff="monospace" size="sm" data-testid="statement-trace">
                  {payment.traceNumber ?? '—'}
                </Text>
              </Stat>
              <Stat label="Paid to">
                {payment.holderName}
                <Text size="xs" c="dimmed">
                  {ACCOUNT_TYPE_LABELS[payment.accountType]}{' '}
                  <Text span ff="monospace" inherit>
                    {maskedAccount(payment.accountLast4)}
                  </Text>
                </Text>
              </Stat>
            </SimpleGrid>
          </Stack>
        </Card>

        <Card withBorder padding={0} radius="md" data-print="plain">
          <Stack gap={2} p="md">
            <Text fw={600} size="lg">
              Commission lines
            </Text>
            <Text size="sm" c="dimmed">
              Every commission line this payment pays: approved lines of {formatPeriod(payment.period)} and earlier months.
            </Text>
          </Stack>
          {!matches && payment.lines.length > 0 && (
            <Alert variant="light" color="red" mx="md" mb="md" p="sm" data-testid="statement-mismatch">
              <Text size="sm">These lines do not add up to the payment’s amount. Please contact the ISP’s finance team about this statement.</Text>
            </Alert>
          )}
          <StatementLines payment={payment} phone={phone} />
        </Card>
      </Stack>
    </>
  );
}
