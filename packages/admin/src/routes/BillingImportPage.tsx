import { Alert, Badge, Button, Code, FileButton, Group, type MantineColor, Paper, Stack, Table, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { errorMessage, hasErrorCode } from '../app/errors';
import {
  BILLING_CSV_EXAMPLE,
  BILLING_CSV_HEADER,
  type BillingImportPreview,
  useImportBillingRecordsCsv,
  usePreviewBillingImport,
} from '../features/billing/billingImport';
import { centsOf, formatAmount } from '../features/commissions/money';
import { ListTable } from '../features/lists/ListTable';
import { canImportBilling } from '../features/viewer/permissions';
import { RequireRole } from '../features/viewer/RequireRole';
import { useViewer } from '../features/viewer/viewer';
import { formatNumber, PageHeader, SectionCard, StatGrid } from '../ui';
import { IconCheck, IconDownload, IconFile } from '../ui/icons';

const ACTION_COLORS: Record<string, MantineColor> = { CREATE: 'green', UPDATE: 'blue', UNCHANGED: 'gray', ERROR: 'red' };

function downloadExample() {
  const url = URL.createObjectURL(new Blob([BILLING_CSV_EXAMPLE], { type: 'text/csv' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'billing-import-example.csv';
  link.click();
  URL.revokeObjectURL(url);
}

/** The amount as the file holds it, formatted exactly when it is a decimal. */
function amountCell(amount: string | null | undefined, currency: string) {
  if (amount === null || amount === undefined || amount === '') return <Text size="sm" c="dimmed">—</Text>;
  // A value that is not a decimal (the row's error says why) is shown as the file has it.
  if (centsOf(amount) === null) return <Text size="sm" c="red.7" ff="monospace">{amount}</Text>;
  return formatAmount(amount, currency);
}

type ImportResult = { created: number; updated: number; unchanged: number };

function BillingImport() {
  const { tenant } = useViewer();
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [preview, setPreview] = useState<BillingImportPreview | null>(null);
  // The text the preview was made from: importing sends exactly that.
  const [previewedCsv, setPreviewedCsv] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const { preview: runPreview, loading: previewing } = usePreviewBillingImport();
  const [importCsv, importState] = useImportBillingRecordsCsv();

  function changeCsv(text: string) {
    setCsv(text);
    setPreview(null);
    setPreviewedCsv(null);
    setResult(null);
    setError(null);
  }

  async function pickFile(file: File | null) {
    if (!file) return;
    try {
      const text = await file.text();
      setFileName(file.name);
      changeCsv(text);
    } catch (caught) {
      setError(caught);
    }
  }

  async function doPreview() {
    setError(null);
    setResult(null);
    try {
      const answer = await runPreview(csv);
      setPreview(answer);
      setPreviewedCsv(csv);
    } catch (caught) {
      setPreview(null);
      setPreviewedCsv(null);
      setError(caught);
    }
  }

  async function doImport() {
    if (previewedCsv === null) return;
    setError(null);
    try {
      const answer = await importCsv({ variables: { input: { csv: previewedCsv } } });
      const done = answer.data?.importBillingRecordsCsv;
      if (done) {
        setResult(done);
        setPreview(null);
        notifications.show({
          color: 'green',
          title: 'Billing records imported',
          message: `${formatNumber(done.created)} created, ${formatNumber(done.updated)} updated, ${formatNumber(done.unchanged)} unchanged.`,
        });
      }
    } catch (caught) {
      setError(caught);
    }
  }

  const canImport = preview !== null && preview.errorCount === 0 && preview.rowCount > 0 && previewedCsv === csv;

  return (
    <>
      <PageHeader
        title="Billing import"
        description="Upload the billing system's export: preview what it changes, then import every row or none. Invoices are matched on invoice_id."
      />
      <Stack gap="md">
        <SectionCard
          title="CSV file"
          aside={
            <Button variant="subtle" size="xs" leftSection={<IconDownload size={14} />} onClick={downloadExample} data-testid="download-example">
              Download example
            </Button>
          }
        >
          <Stack gap="sm">
            <Text size="sm">
              Expected header (amounts are decimals like <Code>1204.50</Code>, negative for a credit note; dates <Code>YYYY-MM-DD</Code>, period{' '}
              <Code>YYYY-MM</Code>):
            </Text>
            <Code block data-testid="expected-header">
              {BILLING_CSV_HEADER}
            </Code>
            <Group gap="sm">
              <FileButton onChange={(file) => void pickFile(file)} accept=".csv,text/csv">
                {(props) => (
                  <Button {...props} variant="default" leftSection={<IconFile size={16} />} data-testid="choose-file">
                    Choose CSV file
                  </Button>
                )}
              </FileButton>
              <Text size="sm" c="dimmed">
                {fileName ? `Loaded ${fileName}` : 'or paste the file below'}
              </Text>
            </Group>
            <Textarea
              aria-label="CSV text"
              placeholder={`${BILLING_CSV_HEADER}\nINV-2026-0001,CUST-1001,2026-10,120.00,120.00,2026-10-15`}
              value={csv}
              onChange={(event) => changeCsv(event.currentTarget.value)}
              autosize
              minRows={6}
              maxRows={16}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
              data-testid="csv-input"
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => void doPreview()} loading={previewing} disabled={csv.trim() === ''} data-testid="preview-import">
                Preview
              </Button>
              <Button
                leftSection={<IconCheck size={16} />}
                onClick={() => void doImport()}
                loading={importState.loading}
                disabled={!canImport}
                data-testid="confirm-import"
              >
                Import
              </Button>
            </Group>
          </Stack>
        </SectionCard>

        {error ? (
          <Alert
            color={hasErrorCode(error, 'BAD_USER_INPUT') ? 'orange' : 'red'}
            variant="light"
            title={hasErrorCode(error, 'BAD_USER_INPUT') ? 'The file cannot be imported' : 'Something went wrong'}
            withCloseButton
            onClose={() => setError(null)}
            data-testid="import-error"
          >
            {errorMessage(error)}
          </Alert>
        ) : null}

        {result && (
          <Alert color="green" variant="light" title="Import complete" data-testid="import-summary">
            {formatNumber(result.created)} created, {formatNumber(result.updated)} updated, {formatNumber(result.unchanged)} unchanged.
          </Alert>
        )}

        {preview && (
          <>
            <StatGrid
              testId="preview-summary"
              cols={5}
              items={[
                { label: 'Rows', value: formatNumber(preview.rowCount) },
                { label: 'Create', value: formatNumber(preview.create), color: preview.create ? 'green.7' : undefined },
                { label: 'Update', value: formatNumber(preview.update), color: preview.update ? 'blue.7' : undefined },
                { label: 'Unchanged', value: formatNumber(preview.unchanged) },
                { label: 'Errors', value: formatNumber(preview.errorCount), color: preview.errorCount ? 'red.7' : undefined },
              ]}
            />
            {preview.errorCount > 0 && (
              <Alert color="orange" variant="light" title="Fix the rows with errors first" data-testid="preview-errors">
                The import is all or nothing: correct the {preview.errorCount === 1 ? 'row' : `${formatNumber(preview.errorCount)} rows`} below and preview again.
              </Alert>
            )}
            {preview.rows.length === 0 ? (
              <Paper withBorder p="lg">
                <Text size="sm" c="dimmed">
                  The file has a header but no rows.
                </Text>
              </Paper>
            ) : (
              <ListTable minWidth={1100}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Line</Table.Th>
                    <Table.Th>Invoice</Table.Th>
                    <Table.Th>Customer</Table.Th>
                    <Table.Th>Period</Table.Th>
                    <Table.Th ta="right">Invoiced</Table.Th>
                    <Table.Th ta="right">Paid</Table.Th>
                    <Table.Th>Paid on</Table.Th>
                    <Table.Th>Action</Table.Th>
                    <Table.Th>Errors</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody data-testid="preview-rows">
                  {preview.rows.map((row) => (
                    <Table.Tr key={row.index} data-testid="preview-row" data-action={row.action}>
                      <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>{row.line}</Table.Td>
                      <Table.Td ff="monospace">{row.invoiceId || '—'}</Table.Td>
                      <Table.Td ff="monospace">{row.customerExternalId || '—'}</Table.Td>
                      <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                        {row.period || '—'}
                      </Table.Td>
                      <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                        {amountCell(row.invoicedAmount, tenant.currency)}
                      </Table.Td>
                      <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                        {amountCell(row.paidAmount, tenant.currency)}
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{row.paidDate || '—'}</Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={ACTION_COLORS[row.action] ?? 'gray'} style={{ minWidth: 'max-content' }}>
                          {row.action}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {row.errors.length > 0 ? (
                          <Stack gap={2}>
                            {row.errors.map((message) => (
                              <Text key={message} size="xs" c="red.7">
                                {message}
                              </Text>
                            ))}
                          </Stack>
                        ) : (
                          <Text size="sm" c="dimmed">
                            —
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </ListTable>
            )}
          </>
        )}
      </Stack>
    </>
  );
}

export function BillingImportPage() {
  return (
    <RequireRole allowed={canImportBilling}>
      <BillingImport />
    </RequireRole>
  );
}
