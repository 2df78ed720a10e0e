import { Alert, Badge, Button, Code, FileButton, Group, type MantineColor, Paper, Stack, Text, Textarea } from '@mantine/core';
import type { ReactNode } from 'react';
import { errorMessage, hasErrorCode } from '../../app/errors';
import { formatNumber, SectionCard, StatGrid } from '../../ui';
import { IconCheck, IconDownload, IconFile } from '../../ui/icons';
import { centsOf, formatAmount } from '../commissions/money';
import type { CsvImportFlow, ImportPreviewShape } from './csvImport';

// The pieces both CSV import pages show around their own preview table.

const ACTION_COLORS: Record<string, MantineColor> = { CREATE: 'green', UPDATE: 'blue', UNCHANGED: 'gray', ERROR: 'red' };

export function ActionBadge({ action }: { action: string }) {
  return (
    <Badge variant="light" color={ACTION_COLORS[action] ?? 'gray'} style={{ minWidth: 'max-content' }}>
      {action}
    </Badge>
  );
}

/** An amount as the file holds it, formatted exactly when it is a decimal. */
export function amountCell(amount: string | null | undefined, currency: string) {
  if (amount === null || amount === undefined || amount === '') return <Text size="sm" c="dimmed">—</Text>;
  // A value that is not a decimal (the row's error says why) is shown as the file has it.
  if (centsOf(amount) === null) return <Text size="sm" c="red.7" ff="monospace">{amount}</Text>;
  return formatAmount(amount, currency);
}

function download(text: string, fileName: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

/** The file card: what the header must be, a file picker or pasted text, Preview and Import. */
export function CsvFileCard<P extends ImportPreviewShape>(props: {
  flow: CsvImportFlow<P>;
  header: string;
  explanation: ReactNode;
  placeholder: string;
  example: { csv: string; fileName: string };
  previewing: boolean;
  importing: boolean;
}) {
  const { flow } = props;
  return (
    <SectionCard
      title="CSV file"
      aside={
        <Button variant="subtle" size="xs" leftSection={<IconDownload size={14} />} onClick={() => download(props.example.csv, props.example.fileName)} data-testid="download-example">
          Download example
        </Button>
      }
    >
      <Stack gap="sm">
        <Text size="sm">{props.explanation}</Text>
        <Code block data-testid="expected-header">
          {props.header}
        </Code>
        <Group gap="sm">
          <FileButton onChange={(file) => void flow.pickFile(file)} accept=".csv,text/csv">
            {(buttonProps) => (
              <Button {...buttonProps} variant="default" leftSection={<IconFile size={16} />} data-testid="choose-file">
                Choose CSV file
              </Button>
            )}
          </FileButton>
          <Text size="sm" c="dimmed">
            {flow.fileName ? `Loaded ${flow.fileName}` : 'or paste the file below'}
          </Text>
        </Group>
        <Textarea
          aria-label="CSV text"
          placeholder={props.placeholder}
          value={flow.csv}
          onChange={(event) => flow.changeCsv(event.currentTarget.value)}
          autosize
          minRows={6}
          maxRows={16}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
          data-testid="csv-input"
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={() => void flow.doPreview()} loading={props.previewing} disabled={flow.csv.trim() === ''} data-testid="preview-import">
            Preview
          </Button>
          <Button leftSection={<IconCheck size={16} />} onClick={() => void flow.doImport()} loading={props.importing} disabled={!flow.canImport} data-testid="confirm-import">
            Import
          </Button>
        </Group>
      </Stack>
    </SectionCard>
  );
}

/** The refusal or failure of a preview or import (`details`: e.g. the rows a refusal names), then the import's result. */
export function CsvImportOutcome<P extends ImportPreviewShape>({ flow, details }: { flow: CsvImportFlow<P>; details?: ReactNode }) {
  return (
    <>
      {flow.error ? (
        <Alert
          color={hasErrorCode(flow.error, 'BAD_USER_INPUT') ? 'orange' : 'red'}
          variant="light"
          title={hasErrorCode(flow.error, 'BAD_USER_INPUT') ? 'The file cannot be imported' : 'Something went wrong'}
          withCloseButton
          onClose={() => flow.setError(null)}
          data-testid="import-error"
        >
          {details === undefined ? errorMessage(flow.error) : <Text size="sm">{errorMessage(flow.error)}</Text>}
          {details}
        </Alert>
      ) : null}

      {flow.result && (
        <Alert color="green" variant="light" title="Import complete" data-testid="import-summary">
          {formatNumber(flow.result.created)} created, {formatNumber(flow.result.updated)} updated, {formatNumber(flow.result.unchanged)} unchanged.
        </Alert>
      )}
    </>
  );
}

/** The preview's counts, the all-or-nothing warning, and `table` (or a note when the file has no rows). */
export function CsvPreviewSummary({ preview, table }: { preview: ImportPreviewShape; table: ReactNode }) {
  return (
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
        table
      )}
    </>
  );
}
