import { Code, Stack, Table, Text } from '@mantine/core';
import { Fragment } from 'react';
import { useCsvImport } from '../features/csv-import/csvImport';
import { ActionBadge, amountCell, CsvFileCard, CsvImportOutcome, CsvPreviewSummary } from '../features/csv-import/CsvImportParts';
import {
  CUSTOMER_CSV_EXAMPLE,
  CUSTOMER_CSV_HEADER,
  type CustomerImportPreview,
  rowErrorsOf,
  useImportCustomersCsv,
  usePreviewCustomerImport,
} from '../features/customers/customerImport';
import { CUSTOMER_STAGES, StageBadge } from '../features/customers/stages';
import { ListTable } from '../features/lists/ListTable';
import { canManageCustomers } from '../features/viewer/permissions';
import { RequireRole } from '../features/viewer/RequireRole';
import { useViewer } from '../features/viewer/viewer';
import type { CustomerStage } from '../gql/graphql';
import { formatNumber, PageHeader } from '../ui';

/** A stage the api knows as a badge; anything else as the file has it (its error says why). */
function stageCell(stage: string | null | undefined) {
  if (!stage) return <Text size="sm" c="dimmed">—</Text>;
  const normalized = stage.toUpperCase().replace(/[\s-]/g, '_');
  if (CUSTOMER_STAGES.includes(normalized as CustomerStage)) return <StageBadge stage={normalized as CustomerStage} />;
  return <Text size="sm" c="red.7" ff="monospace">{stage}</Text>;
}

function textCell(value: string | null | undefined, mono = false) {
  if (value === null || value === undefined || value === '') return <Text size="sm" c="dimmed">—</Text>;
  return (
    <Text size="sm" ff={mono ? 'monospace' : undefined}>
      {value}
    </Text>
  );
}

function CustomerImport() {
  const { tenant } = useViewer();
  const { preview: runPreview, loading: previewing } = usePreviewCustomerImport();
  const [importCsv, importState] = useImportCustomersCsv();
  const flow = useCsvImport<CustomerImportPreview>({
    runPreview,
    runImport: async (csv) => (await importCsv({ variables: { input: { csv } } })).data?.importCustomersCsv,
    importedTitle: 'Customers imported',
    refusedRows: (error) => rowErrorsOf(error).rows,
  });
  const { preview } = flow;
  const refused = flow.error ? rowErrorsOf(flow.error) : { rows: [], count: 0 };

  return (
    <>
      <PageHeader
        back={{ to: '/customers', label: 'Customers' }}
        title="Customer import"
        description="Upload the ISP's customer export: preview what it changes, then import every row or none. Customers are matched on external_id."
      />
      <Stack gap="md">
        <CsvFileCard
          flow={flow}
          header={CUSTOMER_CSV_HEADER}
          explanation={
            <>
              Expected header (<Code>external_id</Code> and <Code>name</Code> required; MRR a decimal like <Code>89.99</Code>; dates <Code>YYYY-MM-DD</Code>; stage one of the 12
              lifecycle stages; <Code>reseller_code</Code> like <Code style={{ whiteSpace: 'nowrap' }}>RS-000001</Code>, empty to leave the assignment as it is):
            </>
          }
          placeholder={`${CUSTOMER_CSV_HEADER}\nCUST-9001,Harbor Bakery,owner@harborbakery.example,Fiber 500,89.99,2026-01-15,ACTIVE,72,RS-000001,2026-01-15`}
          example={{ csv: CUSTOMER_CSV_EXAMPLE, fileName: 'customer-import-example.csv' }}
          previewing={previewing}
          importing={importState.loading}
        />

        <CsvImportOutcome
          flow={flow}
          details={
            refused.rows.length > 0 && (
              <Stack gap={2} mt="xs" data-testid="import-row-errors">
                {refused.rows.map((row, position) => (
                  <Text key={`${row.index}-${row.field}-${position}`} size="sm">
                    Line {row.index + 2}
                    {row.field ? (
                      <>
                        {' · '}
                        <Code>{row.field}</Code>
                      </>
                    ) : null}
                    : {row.message}
                  </Text>
                ))}
                {refused.count > refused.rows.length && (
                  <Text size="sm" c="dimmed">
                    …and {formatNumber(refused.count - refused.rows.length)} more.
                  </Text>
                )}
              </Stack>
            )
          }
        />

        {preview && (
          <CsvPreviewSummary
            preview={preview}
            table={
              <ListTable minWidth={1000}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Line</Table.Th>
                    <Table.Th>Customer</Table.Th>
                    <Table.Th>Plan</Table.Th>
                    <Table.Th ta="right">MRR</Table.Th>
                    <Table.Th>Signup</Table.Th>
                    <Table.Th>Stage</Table.Th>
                    <Table.Th ta="right">Usage</Table.Th>
                    <Table.Th>Reseller</Table.Th>
                    <Table.Th>Action</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody data-testid="preview-rows">
                  {preview.rows.map((row) => (
                    <Fragment key={row.index}>
                      <Table.Tr data-testid="preview-row" data-action={row.action} bg={row.action === 'ERROR' ? 'red.0' : undefined} style={row.errors.length > 0 ? { borderBottom: 'none' } : undefined}>
                        <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>{row.line}</Table.Td>
                        <Table.Td>
                          {textCell(row.externalId, true)}
                          {row.name ? (
                            <Text size="sm" fw={600}>
                              {row.name}
                            </Text>
                          ) : null}
                          {row.email && (
                            <Text size="xs" c="dimmed">
                              {row.email}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{textCell(row.servicePlan)}</Table.Td>
                        <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                          {amountCell(row.mrr, tenant.currency)}
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{textCell(row.signupDate)}</Table.Td>
                        <Table.Td>{stageCell(row.stage)}</Table.Td>
                        <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                          {row.usagePercent ? `${row.usagePercent}%` : textCell(null)}
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          {textCell(row.resellerCode, true)}
                          {row.assignedSince && (
                            <Text size="xs" c="dimmed">
                              since {row.assignedSince}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <ActionBadge action={row.action} />
                        </Table.Td>
                      </Table.Tr>
                      {row.errors.length > 0 && (
                        <Table.Tr bg="red.0" data-testid="preview-row-errors">
                          <Table.Td />
                          <Table.Td colSpan={8} pt={0}>
                            <Stack gap={2}>
                              {row.errors.map((message) => (
                                <Text key={message} size="xs" c="red.8">
                                  {message}
                                </Text>
                              ))}
                            </Stack>
                          </Table.Td>
                        </Table.Tr>
                      )}
                    </Fragment>
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

export function CustomerImportPage() {
  return (
    <RequireRole allowed={canManageCustomers}>
      <CustomerImport />
    </RequireRole>
  );
}
