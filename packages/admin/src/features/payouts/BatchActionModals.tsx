import { Alert, Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { errorMessage, fieldErrorsOf, hasErrorCode } from '../../app/errors';
import type { PaymentBatchDetail_BatchFragment } from '../../gql/graphql';
import { formatNumber } from '../../ui';
import { formatMoney } from '../commissions/money';
import { periodLabel } from '../commissions/period';
import { useCancelPaymentBatch, useExportPaymentBatch } from './mutations';
import { formatBankDate } from './payouts';

type Batch = PaymentBatchDetail_BatchFragment;

function ModalError({ error, testId }: { error: unknown; testId: string }) {
  const conflict = hasErrorCode(error, 'CONFLICT');
  const forbidden = hasErrorCode(error, 'FORBIDDEN');
  return (
    <Alert
      color={conflict || forbidden ? 'orange' : 'red'}
      variant="light"
      title={forbidden ? 'Not allowed' : conflict ? 'Not possible right now' : 'Something went wrong'}
      data-testid={testId}
    >
      {errorMessage(error)}
    </Alert>
  );
}

const BANK_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Writes the NACHA file (once) with an optional effective date; the api defaults to the next business day. */
export function ExportBatchModal({ batch, opened, onClose }: { batch: Batch; opened: boolean; onClose: () => void }) {
  const [effectiveDate, setEffectiveDate] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [exportBatch, { loading }] = useExportPaymentBatch();

  function close() {
    setError(null);
    onClose();
  }

  async function submit() {
    const date = effectiveDate.trim();
    if (date && !BANK_DATE.test(date)) {
      setError(new Error('The effective date is a day as YYYY-MM-DD.'));
      return;
    }
    setError(null);
    try {
      const result = await exportBatch({ variables: { input: { batchId: batch.id, effectiveDate: date || null } } });
      const payload = result.data?.exportPaymentBatch;
      if (payload) {
        notifications.show({
          color: 'indigo',
          title: 'NACHA file written',
          message: `${payload.file.fileName}: credits on ${formatBankDate(payload.batch.effectiveDate)}. Download it and upload it to the bank.`,
        });
      }
      close();
    } catch (caught) {
      setError(caught);
    }
  }

  const fieldError = error ? fieldErrorsOf(error)['effectiveDate'] : undefined;
  return (
    <Modal opened={opened} onClose={close} title={<Text fw={600}>Export {periodLabel(batch.period)} batch</Text>} centered size="md">
      <Stack gap="md">
        <Text size="sm">
          Writes the NACHA ACH file and the remittance CSV for {formatNumber(batch.paymentCount)} payment{batch.paymentCount === 1 ? '' : 's'} ({formatMoney(batch.total)}).
          The file is written once: exporting again returns the same file.
        </Text>
        <TextInput
          type="date"
          label="Effective date"
          description="The day the bank credits the payments. Leave empty for the next business day."
          value={effectiveDate}
          onChange={(event) => setEffectiveDate(event.currentTarget.value)}
          error={fieldError}
          w={240}
          data-testid="export-effective-date"
        />
        {error && !fieldError ? <ModalError error={error} testId="export-error" /> : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close} disabled={loading}>
            Cancel
          </Button>
          <Button color="indigo" onClick={() => void submit()} loading={loading} data-testid="confirm-export-batch">
            Export NACHA file
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Discards a batch not exported yet; its lines become payable again. */
export function CancelBatchModal({ batch, opened, onClose }: { batch: Batch; opened: boolean; onClose: () => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [cancelBatch, { loading }] = useCancelPaymentBatch();

  function close() {
    setError(null);
    onClose();
  }

  async function submit() {
    if (!reason.trim()) {
      setError(new Error('Say why the batch is cancelled: it is kept in the audit trail.'));
      return;
    }
    setError(null);
    try {
      await cancelBatch({ variables: { input: { batchId: batch.id, reason: reason.trim() } } });
      notifications.show({ color: 'gray', title: 'Batch cancelled', message: 'Its commission lines are payable again in a new batch.' });
      setReason('');
      close();
    } catch (caught) {
      setError(caught);
    }
  }

  const fieldError = error ? fieldErrorsOf(error)['reason'] : undefined;
  return (
    <Modal opened={opened} onClose={close} title={<Text fw={600}>Cancel {periodLabel(batch.period)} batch</Text>} centered size="md">
      <Stack gap="md">
        <Text size="sm">
          Nothing is paid: the batch&apos;s {formatNumber(batch.paymentCount)} payment{batch.paymentCount === 1 ? '' : 's'} ({formatMoney(batch.total)}) are discarded and
          their commission lines become payable again.
        </Text>
        <Textarea
          label="Reason"
          placeholder="E.g. wrong period, bank details to check first"
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={fieldError}
          autosize
          minRows={2}
          maxLength={500}
          data-autofocus
          data-testid="cancel-reason"
        />
        {error && !fieldError ? <ModalError error={error} testId="cancel-error" /> : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close} disabled={loading}>
            Keep batch
          </Button>
          <Button color="red" onClick={() => void submit()} loading={loading} data-testid="confirm-cancel-batch">
            Cancel batch
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
