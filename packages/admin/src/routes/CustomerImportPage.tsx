import { Alert, Badge, Button, Code, FileButton, Group, type MantineColor, Paper, Stack, Table, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Fragment, useState } from 'react';
import { errorMessage, hasErrorCode } from '../app/errors';
import { centsOf, formatAmount } from '../features/commissions/money';
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
import { formatNumber, PageHeader, SectionCard, StatGrid } from '../ui';
import { IconCheck, IconDownload, IconFile } from '../ui/icons';

const ACTION_COLORS: Record<string, MantineColor> = { CREATE: 'green', UPDATE: 'blue', UNCHANGED: 'gray', ERROR: 'red' };

function downloadExample() {
  const url = URL.createObjectURL(new Blob([CUSTOMER_CSV_EXAMPLE], { type: 'text/csv' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'customer-import-example.csv';
  link.click();
  URL.revokeObjectURL(url);
}

/** The MRR as the file holds it, formatted exactly when it is a decimal. */
function amountCell(amount: string | null | undefined, currency: string) {
  if (amount === null || amount === undefined || amount === '') return <Text size="sm" c="dimmed">—</Text>;
  // A value that is not a decimal (the row's error says why) is shown as the file has it.
  if (centsOf(amount) === null) return <Text size="sm" c="red.7" ff="monospace">{amount}</Text>;
  return formatAmount(amount, currency);
}

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

type ImportResult = { created: number; updated: number; unchanged: number };

function CustomerImport() {
  const { tenant } = useViewer();
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [preview, setPreview] = useState<CustomerImportPreview | null>(null);
  // The text the preview was made from: importing sends exactly that.
  const [previewedCsv, setPreviewedCsv] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const { preview: runPreview, loading: previewing } = usePreviewCustomerImport();
  const [importCsv, importState] = useImportCustomersCsv();

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
      const done = answer.data?.importCustomersCsv;
      if (done) {
        setResult(done);
        setPreview(null);
        notifications.show({
          color: 'green',
          title: 'Customers imported',
          message: `${formatNumber(done.created)} created, ${formatNumber(done.updated)} updated, ${formatNumber(done.unchanged)} unchanged.`,
        });
      }
    } catch (caught) {
      setError(caught);
      // A refusal names its rows: mark them in the preview (the data changed since it was made),
      // so the table shows what to fix and Import waits for a new preview.
      const refusal = rowErrorsOf(caught);
      if (refusal.rows.length > 0) {
        setPreview((current) => {
          if (!current) return current;
          const byIndex = new Map<number, string[]>();
          for (const row of refusal.rows) byIndex.set(row.index, [...(byIndex.get(row.index) ?? []), row.field ? `${row.field}: ${row.message}` : row.message]);
          const rows = current.rows.map((row) => {
            const extra = byIndex.get(row.index);
            return extra ? { ...row, action: 'ERROR', errors: [...row.errors, ...extra.filter((m) => !row.errors.includes(m))] } : row;
          });
          return { ...current, rows, errorCount: rows.filter((row) => row.action === 'ERROR').length };
        });
      }
    }
  }

  const canImport = preview !== null && preview.errorCount === 0 && preview.rowCount > 0 && previewedCsv === csv;
  const refused = error ? rowErrorsOf(error) : { rows: [], count: 0 };

  return (
    <>
      <PageHeader
        back={{ to: '/customers', label: 'Customers' }}
        title="Customer import"
        description="Upload the ISP's customer export: preview what it changes, then import every row or none. Customers are matched on external_id."
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
              Expected header (<Code>external_id</Code> and <Code>name</Code> required; MRR a decimal like <Code>89.99</Code>; dates <Code>YYYY-MM-DD</Code>; stage one of the 12
              lifecycle stages; <Code>reseller_code</Code> like <Code style={{ whiteSpace: 'nowrap' }}>RS-000001</Code>, empty to leave the assignment as it is):
            </Text>
            <Code block data-testid="expected-header">
              {CUSTOMER_CSV_HEADER}
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
              placeholder={`${CUSTOMER_CSV_HEADER}\nCUST-9001,Harbor Bakery,owner@harborbakery.example,Fiber 500,89.99,2026-01-15,ACTIVE,72,RS-000001,2026-01-15`}
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
              <Button leftSection={<IconCheck size={16} />} onClick={() => void doImport()} loading={importState.loading} disabled={!canImport} data-testid="confirm-import">
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
            <Text size="sm">{errorMessage(error)}</Text>
            {refused.rows.length > 0 && (
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
            )}
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
                          <Badge variant="light" color={ACTION_COLORS[row.action] ?? 'gray'} style={{ minWidth: 'max-content' }}>
                            {row.action}
                          </Badge>
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
            )}
          </>
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
