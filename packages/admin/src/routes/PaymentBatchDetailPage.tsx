import { useQuery } from '@apollo/client/react';
import { Alert, Badge, Box, Button, Grid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useParams } from 'react-router';
import { errorMessage, hasErrorCode } from '../app/errors';
import { formatMoney } from '../features/commissions/money';
import { periodLabel } from '../features/commissions/period';
import { CancelBatchModal, ExportBatchModal } from '../features/payouts/BatchActionModals';
import { useApprovePaymentBatch } from '../features/payouts/mutations';
import { PaymentFileCard } from '../features/payouts/PaymentFileCard';
import { PaymentsTable } from '../features/payouts/PaymentsTable';
import { formatBankDate, isBatchCreator } from '../features/payouts/payouts';
import { SkippedPayouts } from '../features/payouts/SkippedPayouts';
import { canManagePayouts, canReadPayouts } from '../features/viewer/permissions';
import { RequireRole } from '../features/viewer/RequireRole';
import { useViewer } from '../features/viewer/viewer';
import { graphql } from '../gql';
import { DetailList, ErrorState, formatDateTime, formatNumber, PageHeader, RecordUnavailable, SectionCard, StatGrid, StatusBadge } from '../ui';
import { IconCheck, IconDownload, IconFile, IconShield, IconX } from '../ui/icons';

const AdminPaymentBatchQuery = graphql(`
  query AdminPaymentBatch($id: ID!) {
    paymentBatch(id: $id) {
      ...PaymentBatchDetail_batch
    }
  }
`);

/** Who did a step and when: "Nov 3, 2026, 9:14 AM" over "by finance@…". */
function Step({ at, by, pending }: { at: string | null | undefined; by: string | null | undefined; pending: string }) {
  if (!at) {
    return (
      <Text size="sm" c="dimmed">
        {pending}
      </Text>
    );
  }
  return (
    <Box>
      <Text size="sm">{formatDateTime(at)}</Text>
      {by && (
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          by {by}
        </Text>
      )}
    </Box>
  );
}

function PaymentBatchDetail() {
  const { id = '' } = useParams<{ id: string }>();
  const viewer = useViewer();
  const mayManage = canManagePayouts(viewer.role);
  const { data, loading, error, refetch } = useQuery(AdminPaymentBatchQuery, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const [approveBatch, approveState] = useApprovePaymentBatch();
  const [approveError, setApproveError] = useState<unknown>(null);
  const [exportOpen, setExportOpen] = useState(false);
  const [cancelOpen, setCancelOpen] = useState(false);
  const batch = data?.paymentBatch;

  if (!batch) {
    return (
      <RecordUnavailable
        loading={loading}
        error={error}
        onRetry={() => void refetch()}
        loadingLabel="Loading payment batch…"
        notFound={{ title: 'Payment batch not found', description: 'The link may be wrong.', backTo: '/payments', backLabel: 'Back to payments' }}
        errorTitle="Could not load the payment batch"
      />
    );
  }

  const creator = isBatchCreator(viewer, batch.createdByLabel);
  const status = batch.status;

  async function approve() {
    if (!batch) return;
    setApproveError(null);
    try {
      await approveBatch({ variables: { input: { batchId: batch.id } } });
      notifications.show({ color: 'green', title: 'Batch approved', message: 'It can be exported to a NACHA file now.' });
    } catch (caught) {
      setApproveError(caught);
    }
  }

  const actions = mayManage ? (
    <>
      {(status === 'DRAFT' || status === 'APPROVED') && (
        <Button variant="default" color="red" leftSection={<IconX size={14} />} onClick={() => setCancelOpen(true)} data-testid="cancel-batch">
          Cancel batch
        </Button>
      )}
      {status === 'DRAFT' && (
        <Button color="green" leftSection={<IconCheck size={14} />} onClick={() => void approve()} loading={approveState.loading} data-testid="approve-batch">
          Approve
        </Button>
      )}
      {status === 'APPROVED' && (
        <Button color="indigo" leftSection={<IconDownload size={14} />} onClick={() => setExportOpen(true)} data-testid="export-batch">
          Export NACHA file
        </Button>
      )}
    </>
  ) : (
    <Badge variant="default" size="lg" radius="sm" tt="none" fw={500}>
      Read-only access
    </Badge>
  );

  const exportedCount = batch.payments.filter((p) => p.status === 'EXPORTED').length;
  const settledCount = batch.payments.filter((p) => p.status === 'SETTLED').length;
  const failedCount = batch.payments.filter((p) => p.status === 'FAILED').length;

  return (
    <>
      <PageHeader
        back={{ to: '/payments', label: 'Payments' }}
        title={`Payment batch · ${periodLabel(batch.period)}`}
        badges={<StatusBadge status={status} size="lg" />}
        description={`Approved commission lines of ${periodLabel(batch.period)} and earlier · drafted ${formatDateTime(batch.createdAt)} by ${batch.createdByLabel}`}
        actions={actions}
      />

      {status === 'DRAFT' && (
        <Alert
          color={creator ? 'yellow' : 'blue'}
          variant="light"
          icon={<IconShield size={18} />}
          title={creator ? 'You created this batch: someone else must approve it' : 'Waiting for a second approval'}
          mb="md"
          data-testid="four-eyes"
        >
          <Text size="sm">
            Created by <b>{batch.createdByLabel}</b>.{' '}
            {creator
              ? 'Money moves on four eyes: another person from finance or an administrator reviews the payments below and approves the batch.'
              : mayManage
                ? 'Review the payments below; approving lets finance export the NACHA file.'
                : 'A person from finance or an administrator other than the creator approves it.'}
          </Text>
        </Alert>
      )}

      {approveError ? (
        <Alert
          color={hasErrorCode(approveError, 'FORBIDDEN') || hasErrorCode(approveError, 'CONFLICT') ? 'orange' : 'red'}
          variant="light"
          title={hasErrorCode(approveError, 'FORBIDDEN') ? 'You cannot approve this batch' : 'Could not approve the batch'}
          withCloseButton
          onClose={() => setApproveError(null)}
          mb="md"
          data-testid="approve-error"
        >
          <Text size="sm">{errorMessage(approveError)}</Text>
        </Alert>
      ) : null}

      {status === 'CANCELLED' && (
        <Alert color="gray" variant="light" title="Cancelled" mb="md">
          <Text size="sm">Nothing in this batch was paid; its commission lines were released for a later batch.</Text>
        </Alert>
      )}

      {status === 'COMPLETED' && failedCount > 0 && (
        <Alert color="orange" variant="light" title={`${formatNumber(failedCount)} payment${failedCount === 1 ? '' : 's'} returned by the bank`} mb="md" data-testid="failed-payments-note">
          <Text size="sm">Their commission lines are payable again: the next batch pays them once the bank details are right.</Text>
        </Alert>
      )}

      {error && (
        <Box mb="md">
          <ErrorState error={error} title="Could not refresh the batch" onRetry={() => void refetch()} />
        </Box>
      )}

      <Box mb="md">
        <StatGrid
          testId="batch-overview"
          cols={5}
          items={[
            { label: 'Status', value: <StatusBadge status={status} size="lg" />, hint: status === 'EXPORTED' ? `${formatNumber(exportedCount)} awaiting the bank` : ' ' },
            { label: 'Total', value: formatMoney(batch.total), hint: 'Sum of the payments' },
            { label: 'Payments', value: formatNumber(batch.paymentCount), hint: `${formatNumber(batch.skipped.length)} reseller${batch.skipped.length === 1 ? '' : 's'} skipped` },
            {
              label: 'Settled / failed',
              value: `${formatNumber(settledCount)} / ${formatNumber(failedCount)}`,
              color: failedCount > 0 ? 'red' : undefined,
              hint: 'Reported by the bank',
            },
            { label: 'Effective date', value: batch.effectiveDate ? formatBankDate(batch.effectiveDate) : '—', hint: batch.effectiveDate ? 'Bank credits the payments' : status === 'CANCELLED' ? 'Never exported' : 'Set at export' },
          ]}
        />
      </Box>

      <Grid gutter="md" mb="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <SectionCard title="Approval trail">
            <DetailList
              cols={2}
              items={[
                { label: 'Period', value: `${periodLabel(batch.period)} (${batch.period}) and earlier` },
                { label: 'Created', value: <Step at={batch.createdAt} by={batch.createdByLabel} pending="—" /> },
                {
                  label: 'Approved',
                  value: <Step at={batch.approvedAt} by={batch.approvedByLabel} pending={status === 'CANCELLED' ? 'Not approved' : 'Waiting for a second person'} />,
                },
                {
                  label: 'Exported',
                  value: <Step at={batch.exportedAt} by={batch.exportedBy} pending={status === 'CANCELLED' ? 'Not exported' : status === 'APPROVED' ? 'Ready to export' : 'After approval'} />,
                },
                { label: 'Effective date', value: batch.effectiveDate ? formatBankDate(batch.effectiveDate) : status === 'APPROVED' ? 'Chosen at export (default: next business day)' : null },
                { label: 'Total', value: `${formatMoney(batch.total)} in ${formatNumber(batch.paymentCount)} payment${batch.paymentCount === 1 ? '' : 's'}` },
              ]}
            />
          </SectionCard>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          {batch.file ? (
            <PaymentFileCard file={batch.file} mayDownload={mayManage} />
          ) : (
            <SectionCard
              title={
                <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
                  <IconFile size={18} />
                  ACH file
                </span>
              }
            >
              <Text size="sm" c="dimmed" data-testid="no-file">
                {status === 'CANCELLED'
                  ? 'No file: the batch was cancelled before export.'
                  : status === 'APPROVED'
                    ? 'Approved: export it to write the NACHA file and the remittance CSV.'
                    : 'The NACHA file and the remittance CSV are written when the approved batch is exported.'}
              </Text>
            </SectionCard>
          )}
        </Grid.Col>
      </Grid>

      <Stack gap="md">
        <SectionCard
          title="Payments"
          aside={
            <Text size="sm" c="dimmed">
              {formatNumber(batch.payments.length)}
            </Text>
          }
          flush
        >
          {batch.payments.length === 0 ? (
            <Text size="sm" c="dimmed" p="lg">
              No payments in this batch.
            </Text>
          ) : (
            <PaymentsTable payments={batch.payments} mayDecide={mayManage && status === 'EXPORTED'} />
          )}
        </SectionCard>

        {batch.skipped.length > 0 && (
          <SectionCard
            title="Skipped resellers"
            aside={
              <Text size="sm" c="dimmed">
                Not paid by this batch
              </Text>
            }
            flush
          >
            <SkippedPayouts rows={batch.skipped} currency={batch.total.currency} />
          </SectionCard>
        )}
      </Stack>

      {mayManage && <ExportBatchModal batch={batch} opened={exportOpen} onClose={() => setExportOpen(false)} />}
      {mayManage && <CancelBatchModal batch={batch} opened={cancelOpen} onClose={() => setCancelOpen(false)} />}
    </>
  );
}

export function PaymentBatchDetailPage() {
  return (
    <RequireRole allowed={canReadPayouts}>
      <PaymentBatchDetail />
    </RequireRole>
  );
}
