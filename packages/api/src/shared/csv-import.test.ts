import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import { readCsv, type CsvLayout } from './csv-import.js';

const LAYOUT: CsvLayout<{ id: string; name: string }> = { what: 'rows', columns: { id: 'id', name: 'name' }, required: ['id'], expectedHeader: 'id, name' };

describe('readCsv', () => {
  it('reads quotes, a BOM and CRLF', () => {
    expect(readCsv('\uFEFFid,name\r\n1,"Smith, Jones"\r\n2,"say ""hi"""\r\n', LAYOUT)).toEqual([{ id: '1', name: 'Smith, Jones' }, { id: '2', name: 'say "hi"' }]);
  });

  // A file with NUL bytes (the CLI reads files as they are) would otherwise reach PostgreSQL, which refuses NUL in text.
  it.each([
    ['a NUL byte', 'id,name\n1,ok\n2,a\u0000b\n', 3],
    ['an unpaired surrogate', 'id,name\n1,\uD800\n', 2],
  ])('refuses %s as BAD_USER_INPUT naming the line', (_name, csv, line) => {
    let error: unknown;
    try {
      readCsv(csv, LAYOUT);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('BAD_USER_INPUT');
    expect((error as AppError).details).toEqual({ line });
  });
});
