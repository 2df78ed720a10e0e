import { Alert, Anchor, Button, Group, Modal, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage, fieldErrorsOf, hasErrorCode } from '../../app/errors';
import type { PaymentsTable_PaymentFragment } from '../../gql/graphql';
import { formatDate, formatDateTime, formatNumber, StatusBadge } from '../../ui';
import { humanizeEnum } from '../../ui/labels';
import { ConfirmActionModal } from '../commissions/ConfirmActionModal';
import { formatMoney } from '../commissions/money';
import { useMarkPaymentFailed, useMarkPaymentSettled } from './mutations';
import { RETURN_REASONS } from './payouts';

type Payment = PaymentsTable_PaymentFragment;

const NUM = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

function FailPaymentModal({ payment, onClose }: { payment: Payment | null; onClose: () => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [markFailed, { loading }] = useMarkPaymentFailed();

  function close() {
    setReason('');
    setError(null);
    onClose();
  }

  async function submit() {
    if (!payment) return;
    if (!reason.trim()) {
      setError(new Error('Give the reason the bank returned it, e.g. "R03 No account".'));
      return;
    }
    setError(null);
    try {
      await markFailed({ variables: { input: { paymentId: payment.id, reason: reason.trim() } } });
      notifications.show({
        color: 'orange',
        title: `${payment.reseller.code} marked failed`,
        message: `${formatMoney(payment.amount)}: its commission lines are payable again in a later batch.`,
      });
      close();
    } catch (caught) {
      setError(caught);
    }
  }

  const fieldError = error ? fieldErrorsOf(error)['reason'] : undefined;
  return (
    <Modal opened={payment !== null} onClose={close} title={<Text fw={600}>Payment returned by the bank</Text>} centered size="md">
      {payment && (
        <Stack gap="md">
          <Text size="sm">
            {payment.reseller.code} · {payment.reseller.companyName}: <b>{formatMoney(payment.amount)}</b> to {payment.holderName} (••••
            {payment.accountLast4}). Its {formatNumber(payment.lineCount)} commission line{payment.lineCount === 1 ? '' : 's'} become payable
            again.
          </Text>
          <TextInput
            label="Reason"
            description="The return code and its words, as the bank reported it."
            placeholder="R03 No account"
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={fieldError}
            maxLength={200}
            data-autofocus
            data-testid="fail-reason"
          />
          <Stack gap={6}>
            <Text size="xs" c="dimmed">
              Common returns
            </Text>
            <Group gap={6}>
              {RETURN_REASONS.map((text) => (
                <Tooltip key={text} label={text} withArrow openDelay={200}>
                  <Button size="compact-xs" variant={reason === text ? 'filled' : 'default'} color="red" onClick={() => setReason(text)} data-testid="return-reason">
                    {text.slice(0, 3)}
                  </Button>
                </Tooltip>
              ))}
            </Group>
          </Stack>
          {error && !fieldError ? (
            <Alert color={hasErrorCode(error, 'CONFLICT') ? 'orange' : 'red'} variant="light" data-testid="fail-error">
              {errorMessage(error)}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} disabled={loading}>
              Cancel
            </Button>
            <Button color="red" onClick={() => void submit()} loading={loading} data-testid="confirm-fail-payment">
              Mark failed
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

/**
 * One payment per reseller: where the money goes (masked), how much, and — once exported — its
 * trace number and what the bank did with it. `mayDecide`: settle/fail buttons (exported batch,
 * finance team).
 */
export function PaymentsTable({ payments, mayDecide }: { payments: readonly Payment[]; mayDecide: boolean }) {
  const [settling, setSettling] = useState<Payment | null>(null);
  const [failing, setFailing] = useState<Payment | null>(null);
  const [settleError, setSettleError] = useState<unknown>(null);
  const [markSettled, settleState] = useMarkPaymentSettled();

  async function settle() {
    const target = settling;
    if (!target) return;
    setSettleError(null);
    try {
      await markSettled({ variables: { input: { paymentId: target.id } } });
      notifications.show({
        color: 'teal',
        title: `${target.reseller.code} settled`,
        message: `${formatMoney(target.amount)} paid: its lines are PAID and the reseller is emailed its statement.`,
      });
      setSettling(null);
    } catch (caught) {
      setSettleError(caught);
    }
  }

  const showActions = mayDecide && payments.some((p) => p.status === 'EXPORTED');

  return (
    <>
      <Table.ScrollContainer minWidth={1120} type="native">
        <Table verticalSpacing="sm" horizontalSpacing="xs" fz="sm" highlightOnHover styles={{ th: { whiteSpace: 'nowrap' }, thead: { background: 'var(--mantine-color-gray-0)' } }} data-testid="payments-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Reseller</Table.Th>
              <Table.Th>Holder</Table.Th>
              <Table.Th>SEC</Table.Th>
              <Table.Th>Routing</Table.Th>
              <Table.Th>Account</Table.Th>
              <Table.Th ta="right">Amount</Table.Th>
              <Table.Th ta="right">Lines</Table.Th>
              <Table.Th>Trace number</Table.Th>
              <Table.Th>Status</Table.Th>
              {showActions && <Table.Th ta="right">Bank says</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {payments.map((payment) => (
              <Table.Tr key={payment.id} data-testid="payment-row" data-status={payment.status} data-reseller={payment.reseller.code}>
                <Table.Td>
                  <Anchor component={Link} to={`/resellers/${payment.reseller.id}`} size="sm" ff="monospace" fw={600}>
                    {payment.reseller.code}
                  </Anchor>
                  <Text size="xs" c="dimmed" maw={180} truncate>
                    {payment.reseller.companyName}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" maw={180} truncate>
                    {payment.holderName}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Tooltip label={payment.secCode === 'CCD' ? 'CCD: corporate credit' : payment.secCode === 'PPD' ? 'PPD: consumer credit' : payment.secCode} withArrow>
                    <Text size="sm" ff="monospace">
                      {payment.secCode}
                    </Text>
                  </Tooltip>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {payment.routingNumber}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                    ••••{payment.accountLast4}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {humanizeEnum(payment.accountType)}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" style={NUM}>
                  <Text size="sm" fw={600}>
                    {formatMoney(payment.amount)}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" style={NUM}>
                  {formatNumber(payment.lineCount)}
                </Table.Td>
                <Table.Td>
                  {payment.traceNumber ? (
                    <Text size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                      {payment.traceNumber}
                    </Text>
                  ) : (
                    <Text size="sm" c="dimmed">
                      Set at export
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Stack gap={2} align="flex-start">
                    <StatusBadge status={payment.status} />
                    {payment.status === 'FAILED' && payment.failureReason && (
                      <Tooltip label={`${payment.failureReason}${payment.decidedBy ? ` — marked by ${payment.decidedBy}` : ''}`} multiline w={280} withArrow>
                        <Text size="xs" c="red.7" maw={180} truncate data-testid="failure-reason">
                          {payment.failureReason}
                        </Text>
                      </Tooltip>
                    )}
                    {payment.status === 'SETTLED' && payment.settledAt && (
                      <Tooltip label={`Settled ${formatDateTime(payment.settledAt)}${payment.decidedBy ? ` — marked by ${payment.decidedBy}` : ''}`} withArrow>
                        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                          {formatDate(payment.settledAt)}
                        </Text>
                      </Tooltip>
                    )}
                  </Stack>
                </Table.Td>
                {showActions && (
                  <Table.Td ta="right">
                    {payment.status === 'EXPORTED' ? (
                      <Group gap={6} justify="flex-end" wrap="nowrap">
                        <Button
                          size="compact-sm"
                          variant="light"
                          color="teal"
                          onClick={() => {
                            setSettleError(null);
                            setSettling(payment);
                          }}
                          data-testid="settle-payment"
                        >
                          Settled
                        </Button>
                        <Button size="compact-sm" variant="light" color="red" onClick={() => setFailing(payment)} data-testid="fail-payment">
                          Failed…
                        </Button>
                      </Group>
                    ) : null}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      <ConfirmActionModal
        opened={settling !== null}
        onClose={() => setSettling(null)}
        title={settling ? `Mark ${settling.reseller.code} settled` : 'Mark settled'}
        confirmLabel="Mark settled"
        color="teal"
        loading={settleState.loading}
        error={settleError}
        onConfirm={() => void settle()}
        confirmTestId="confirm-settle-payment"
      >
        {settling && (
          <Stack gap="xs">
            <Text size="sm">
              The bank credited <b>{formatMoney(settling.amount)}</b> to {settling.holderName} (••••{settling.accountLast4}
              {settling.traceNumber ? `, trace ${settling.traceNumber}` : ''}).
            </Text>
            <Text size="sm" c="dimmed">
              Its {formatNumber(settling.lineCount)} commission line{settling.lineCount === 1 ? '' : 's'} become PAID and {settling.reseller.companyName} is emailed its
              statement.
            </Text>
          </Stack>
        )}
      </ConfirmActionModal>

      <FailPaymentModal payment={failing} onClose={() => setFailing(null)} />
    </>
  );
}
