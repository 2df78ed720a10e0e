import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { useApolloClient } from '@apollo/client/react';
import { notifications } from '@mantine/notifications';
import { useCallback, useState } from 'react';
import { formatNumber } from '../../ui';

// The flow both CSV imports (billing records, customers) share: read a file or pasted text,
// preview what it would change, then import exactly the previewed text, all or nothing.

export type ImportResult = { created: number; updated: number; unchanged: number };

/** What every preview answer has, whatever its rows hold. */
export interface ImportPreviewShape {
  rowCount: number;
  create: number;
  update: number;
  unchanged: number;
  errorCount: number;
  rows: readonly { index: number; action: string; errors: readonly string[] }[];
}

/** Previews a file on demand (never cached: the answer depends on what is stored now). */
export function useOnDemandPreview<TData, P>(query: TypedDocumentNode<TData, { input: { csv: string } }>, pick: (data: TData) => P) {
  const client = useApolloClient();
  const [loading, setLoading] = useState(false);
  const preview = useCallback(
    async (csv: string): Promise<P> => {
      setLoading(true);
      try {
        const result = await client.query({ query, variables: { input: { csv } }, fetchPolicy: 'no-cache' });
        if (!result.data) throw new Error('The preview came back empty.');
        return pick(result.data as TData);
      } finally {
        setLoading(false);
      }
    },
    [client, query, pick],
  );
  return { preview, loading };
}

export interface CsvImportOptions<P> {
  runPreview: (csv: string) => Promise<P>;
  /** Imports the previewed text; null when the answer had no payload. */
  runImport: (csv: string) => Promise<ImportResult | null | undefined>;
  /** The notification title after a successful import. */
  importedTitle: string;
  /** Rows a refused import names (e.g. from `extensions.rowErrors`): marked as errors in the preview. */
  refusedRows?: (error: unknown) => { index: number; field: string; message: string }[];
}

export function useCsvImport<P extends ImportPreviewShape>(options: CsvImportOptions<P>) {
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [preview, setPreview] = useState<P | null>(null);
  // The text the preview was made from: importing sends exactly that.
  const [previewedCsv, setPreviewedCsv] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<ImportResult | null>(null);

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
      const answer = await options.runPreview(csv);
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
      const done = await options.runImport(previewedCsv);
      if (done) {
        setResult(done);
        setPreview(null);
        notifications.show({
          color: 'green',
          title: options.importedTitle,
          message: `${formatNumber(done.created)} created, ${formatNumber(done.updated)} updated, ${formatNumber(done.unchanged)} unchanged.`,
        });
      }
    } catch (caught) {
      setError(caught);
      // A refusal names its rows: mark them in the preview (the data changed since it was made),
      // so the table shows what to fix and Import waits for a new preview.
      const refused = options.refusedRows?.(caught) ?? [];
      if (refused.length > 0) {
        setPreview((current) => {
          if (!current) return current;
          const byIndex = new Map<number, string[]>();
          for (const row of refused) byIndex.set(row.index, [...(byIndex.get(row.index) ?? []), row.field ? `${row.field}: ${row.message}` : row.message]);
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
  return { csv, fileName, preview, error, setError, result, changeCsv, pickFile, doPreview, doImport, canImport };
}

export type CsvImportFlow<P extends ImportPreviewShape> = ReturnType<typeof useCsvImport<P>>;
