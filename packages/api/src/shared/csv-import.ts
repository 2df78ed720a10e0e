import { CsvError, parse } from 'csv-parse/sync';
import { AppError } from './errors.js';
import { checkBatchSize } from './row-errors.js';
import { isStorableText } from './storable-text.js';

export const MAX_CSV_BYTES = 900_000;

export interface CsvLayout<T> {
  /** What the rows are, for messages ("billing records"). */
  what: string;
  /** Header name (lower case, without `_`, `-` and spaces) → field. */
  columns: Record<string, keyof T & string>;
  required: (keyof T & string)[];
  /** The header as we document it, for the missing-column message. */
  expectedHeader: string;
}

/**
 * Reads rows from CSV with a real parser (csv-parse: quotes, escaped quotes, BOM, CRLF). Header
 * names are matched case-insensitively with `_`, `-` and spaces ignored; unknown columns are
 * ignored. A malformed file or a missing column is refused as a whole, naming the problem. Cells
 * come back as text (empty cells as undefined), for the same row checks the GraphQL upserts use.
 */
export function readCsv<T>(csv: string, layout: CsvLayout<T>): Partial<Record<keyof T & string, string>>[] {
  if (Buffer.byteLength(csv) > MAX_CSV_BYTES) throw new AppError('BAD_USER_INPUT', `The file is larger than ${Math.floor(MAX_CSV_BYTES / 1000)} kB; split it`);
  if (!isStorableText(csv)) {
    const line = csv.split('\n').findIndex((text) => !isStorableText(text)) + 1;
    throw new AppError('BAD_USER_INPUT', `Line ${line} holds a NUL character or an unpaired surrogate: not a text CSV file`, { line });
  }
  let rows: string[][];
  try {
    rows = parse(csv, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: false });
  } catch (error) {
    if (error instanceof CsvError) throw new AppError('BAD_USER_INPUT', `Not a valid CSV file: ${error.message}`, { csvError: error.code });
    throw error;
  }
  const [header, ...data] = rows;
  if (!header) throw new AppError('BAD_USER_INPUT', 'The file is empty');
  const fields = header.map((name) => layout.columns[name.toLowerCase().replace(/[\s_-]/g, '')]);
  const missing = layout.required.filter((field) => !fields.includes(field));
  if (missing.length) {
    throw new AppError('BAD_USER_INPUT', `Missing column(s): ${missing.join(', ')}. Expected: ${layout.expectedHeader}`, { missingColumns: missing });
  }
  checkBatchSize(layout.what, data.length);
  return data.map((cells) => {
    const record: Partial<Record<keyof T & string, string>> = {};
    cells.forEach((value, column) => {
      const field = fields[column];
      if (field && value !== '') record[field] = value;
    });
    return record;
  });
}
