import { Code, Stack, Table, Text } from '@mantine/core';
import {
  BILLING_CSV_EXAMPLE,
  BILLING_CSV_HEADER,
  type BillingImportPreview,
  useImportBillingRecordsCsv,
  usePreviewBillingImport,
} from '../features/billing/billingImport';
import { useCsvImport } from '../features/csv-import/csvImport';
import { ActionBadge, amountCell, CsvFileCard, CsvImportOutcome, CsvPreviewSummary } from '../features/csv-import/CsvImportParts';
import { ListTable } from '../features/lists/ListTable';
import { canImportBilling } from '../features/viewer/permissions';
import { RequireRole } from '../features/viewer/RequireRole';
import { useViewer } from '../features/viewer/viewer';
import { PageHeader } from '../ui';

function BillingImport() {
  const { tenant } = useViewer();
  const { preview: runPreview, loading: previewing } = usePreviewBillingImport();
  const [importCsv, importState] = useImportBillingRecordsCsv();
  const flow = useCsvImport<BillingImportPreview>({
    runPreview,
    runImport: async (csv) => (await importCsv({ variables: { input: { csv } } })).data?.importBillingRecordsCsv,
    importedTitle: 'Billing records imported',
  });
  const { preview } = flow;

  return (
    <>
      <PageHeader
        title="Billing import"
        description="Upload the billing system's export: preview what it changes, then import every row or none. Invoices are matched on invoice_id."
      />
      <Stack gap="md">
        <CsvFileCard
          flow={flow}
          header={BILLING_CSV_HEADER}
          explanation={
            <>
              Expected header (amounts are decimals like <Code>1204.50</Code>, negative for a credit note; dates <Code>YYYY-MM-DD</Code>, period{' '}
              <Code>YYYY-MM</Code>):
            </>
          }
          placeholder={`${BILLING_CSV_HEADER}\nINV-2026-0001,CUST-1001,2026-10,120.00,120.00,2026-10-15`}
          example={{ csv: BILLING_CSV_EXAMPLE, fileName: 'billing-import-example.csv' }}
          previewing={previewing}
          importing={importState.loading}
        />

        <CsvImportOutcome flow={flow} />

        {preview && (
          <CsvPreviewSummary
            preview={preview}
            table={
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
                        <ActionBadge action={row.action} />
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
            }
          />
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
