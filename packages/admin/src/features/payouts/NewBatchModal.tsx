import { Alert, Button, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { notifications } from '@mantine/notifications';
import { describeError, errorMessage, hasErrorCode } from '../../app/errors';
import { formatMoney } from '../commissions/money';
import { defaultRunPeriod, periodLabel } from '../commissions/period';
import { PeriodSelect } from '../commissions/PeriodSelect';
import { useViewer } from '../viewer/viewer';
import { formatNumber } from '../../ui';
import { useCreatePaymentBatch } from './mutations';
import { skippedOfError } from './payouts';
import { SkippedPayouts } from './SkippedPayouts';

/** Drafts a batch paying approved lines of a period and earlier (default: last month). */
export function NewBatchModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const viewer = useViewer();
  const navigate = useNavigate();
  const [period, setPeriod] = useState(() => defaultRunPeriod(viewer.tenant.timezone));
  const [error, setError] = useState<unknown>(null);
  const [createBatch, { loading }] = useCreatePaymentBatch();

  function close() {
    setError(null);
    onClose();
  }

  async function create() {
    setError(null);
    try {
      const result = await createBatch({ variables: { input: { period } } });
      const batch = result.data?.createPaymentBatch.batch;
      if (!batch) return;
      notifications.show({
        color: 'green',
        title: 'Payment batch drafted',
        message: `${formatNumber(batch.paymentCount)} payment${batch.paymentCount === 1 ? '' : 's'}, ${formatMoney(batch.total)}. Someone else from finance must approve it.`,
      });
      close();
      void navigate(`/payments/${batch.id}`);
    } catch (caught) {
      setError(caught);
    }
  }

  const conflict = error !== null && hasErrorCode(error, 'CONFLICT');
  const skipped = conflict ? skippedOfError(error) : [];
  const code = error !== null ? describeError(error).find((d) => d.code)?.code : undefined;

  return (
    <Modal opened={opened} onClose={close} title={<Text fw={600}>New payment batch</Text>} centered size="lg">
      <Stack gap="md">
        <PeriodSelect
          label="Pay approved commissions up to"
          description="Approved, unpaid lines of this period and every earlier one, one payment per reseller."
          value={period}
          onChange={(next) => {
            setError(null);
            setPeriod(next);
          }}
          w="100%"
          data-testid="batch-period"
        />
        <Text size="sm" c="dimmed">
          Resellers whose total is below their minimum payout carry over to a later batch; resellers without verified bank details are
          skipped. The batch starts as a draft that a second person approves.
        </Text>
        {error !== null && (
          <Alert
            color={conflict ? 'orange' : 'red'}
            variant="light"
            title={conflict ? `Nothing to pay for ${periodLabel(period)}` : 'Could not create the batch'}
            data-testid="create-batch-error"
          >
            <Stack gap="xs">
              <Text size="sm">{errorMessage(error)}</Text>
              {code && !conflict && (
                <Text size="xs" c="dimmed">
                  Code {code}
                </Text>
              )}
            </Stack>
          </Alert>
        )}
        {skipped.length > 0 && (
          <Paper withBorder radius="md">
            <Text size="sm" fw={600} px="sm" pt="xs">
              Resellers with payable lines, not paid ({skipped.length})
            </Text>
            <SkippedPayouts rows={skipped} currency={viewer.tenant.currency} compact />
          </Paper>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close} disabled={loading}>
            Close
          </Button>
          <Button onClick={() => void create()} loading={loading} data-testid="confirm-create-batch">
            Draft batch for {periodLabel(period)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
