/**
 * Hostile values for the bad-input property test (test/bad-input.int.test.ts): fast-check
 * arbitraries of what a careless or malicious client sends, by the kind of field they are aimed at.
 * Each arbitrary mixes hand-picked classics (the inputs that broke real systems) with generated
 * ones, so a run both hits the known traps and wanders.
 */
import fc from 'fast-check';

/** Text that must never reach PostgreSQL or an email as-is, or that tends to break parsers. */
export const SQL_INJECTION = [
  `'; drop table reseller; --`,
  `' or '1'='1`,
  `1; select pg_sleep(5)--`,
  `"); delete from customer where ("1"="1`,
  `\\'; truncate commission_line cascade; --`,
  `$$; drop schema public cascade; $$`,
  `' union select password_hash from "user" --`,
  `%' and 1=1 and '%'='`,
  `E'\\x00'`,
];

export const HTML_INJECTION = [
  `<script>alert("x")</script>`,
  `<img src=x onerror=alert(1)>`,
  `"><svg onload=alert(1)>`,
  `<a href="javascript:alert(1)">click</a>`,
  `</mj-text><mj-raw><script>alert(1)</script></mj-raw>`,
  `{{constructor.constructor('alert(1)')()}}`,
  `<!--#exec cmd="ls"-->`,
  `&lt;b&gt;already escaped&lt;/b&gt;`,
  `<style>*{display:none}</style>`,
];

export const FORMULA_INJECTION = [`=cmd|' /C calc'!A0`, `=HYPERLINK("http://evil.example","x")`, `+1+1`, `-2+3`, `@SUM(1,1)`, `\t=1+1`, `\r=1+1`];

/** Unicode that is valid but unusual: it must be stored and shown as sent. */
export const UNICODE_TEXT = [
  'Café Zürich — Ünïcödé',
  '北京宽带有限公司',
  'شركة الإنترنت',
  '\u202Egnirts desrever\u202C',
  'e\u0301\u0301\u0301\u0301 Z\u0334\u0321\u0322\u031b\u0317',
  '👩‍👩‍👧‍👦🏳️‍🌈🇺🇸',
  '\u200B\u200C\u200D\uFEFF',
  'ǅungla ß ﬁ Ⅻ',
  '１２３４５',
  '١٢٣٤٥٦٧٨٩',
  '\u00A0non-breaking\u00A0',
  'a\tb\nc\rd',
];

/** Text PostgreSQL or UTF-8 cannot hold: NUL bytes and unpaired UTF-16 surrogates. */
export const UNSTORABLE_TEXT = ['a\u0000b', '\u0000', 'x'.repeat(10) + '\u0000', '\uD800', 'abc\uDFFF', '\uDBFF\uDBFF', 'pair ok 😀 then lone \uD83D end'];

const OTHER_NASTIES = [
  '',
  ' ',
  '   \t\n  ',
  'null',
  'undefined',
  'NaN',
  'true',
  '__proto__',
  'constructor',
  '{"$ne":null}',
  '../../../../etc/passwd',
  '%s%s%s%n',
  'a\r\nBcc: victim@example.com',
  '\u001b[31mred\u001b[0m',
  '\u0007\u0008\u007f',
];

/** A long string of a given size (within the 1 MB body limit when used once). */
export const hugeText = fc.oneof(
  fc.integer({ min: 201, max: 6000 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 10_000, max: 300_000 }).map((n) => 'A'.repeat(n)),
  fc.integer({ min: 1000, max: 50_000 }).map((n) => '😀'.repeat(n)),
);

/** Any hostile text. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SQL_INJECTION, ...HTML_INJECTION, ...FORMULA_INJECTION) },
  { weight: 3, arbitrary: fc.constantFrom(...UNICODE_TEXT, ...OTHER_NASTIES) },
  { weight: 2, arbitrary: fc.constantFrom(...UNSTORABLE_TEXT) },
  { weight: 1, arbitrary: hugeText },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  // A valid-looking word with something nasty inside it.
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('Acme ', 'Jordan', 'RS-000001', '2026-01', '100.00'), fc.constantFrom(...UNSTORABLE_TEXT, ...HTML_INJECTION, ...UNICODE_TEXT)).map(([a, b]) => a + b) },
);

/** Money as text: negative, huge, over-precise, exponent, NaN, locale formats, non-ASCII digits. */
export const hostileMoney: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '-1',
    '-0.01',
    '-0',
    '0.001',
    '1.005',
    '12.',
    '.5',
    '1e3',
    '1E-2',
    'NaN',
    'Infinity',
    '-Infinity',
    '1,000.00',
    '1.000,00',
    '$5.00',
    '+5',
    ' 5 ',
    '5 00',
    '0x10',
    '1_000',
    '١٢٣.٤٥',
    '１２.００',
    '10000000000000.00',
    '10000000000000.01',
    '9999999999999.99',
    '-9999999999999.99',
    '99999999999999999999999999',
    '1'.padEnd(41, '0'),
    '0.'.padEnd(300, '1'),
    '',
    '--5',
    '5-',
  ),
  fc.bigInt({ min: -(10n ** 16n), max: 10n ** 16n }).map((cents) => `${cents < 0n ? '-' : ''}${(cents < 0n ? -cents : cents) / 100n}.${((cents < 0n ? -cents : cents) % 100n).toString().padStart(2, '0')}`),
  fc.double({ noDefaultInfinity: false }).map(String),
  fc.tuple(fc.integer({ min: 0, max: 99999 }), fc.integer({ min: 3, max: 12 })).map(([whole, decimals]) => `${whole}.${'7'.repeat(decimals)}`),
);

/** Periods (YYYY-MM) that are not, or are out of range. */
export const hostilePeriod: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('2000-01', '2999-12', '1999-12', '3000-01', '2026-13', '2026-00', '0000-01', '99999-01', '2026-1', '26-01', '2026/01', '1999-12', '3000-01', '2026-01-01', '', ' 2026-01', '2026-01 ', 'YYYY-MM', '２０２６-０１', '-2026-01', '2026-02-30', '1970-01', '2026-010'),
  fc.tuple(fc.integer({ min: -1, max: 100_000 }), fc.integer({ min: -1, max: 100 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
);

/** Dates (YYYY-MM-DD) that do not exist, are out of range, or are not dates. */
export const hostileDate: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('2000-01-01', '2999-12-31', '1999-12-31', '3000-01-01', '2026-02-30', '2026-02-29', '0000-01-01', '2026-13-01', '99999-01-01', '2026-1-1', '2026-01-01T00:00:00Z', '1970-01-01', '1999-12-31', '3000-01-01', '+002026-01-01', 'tomorrow', '2026-01-32', '2026-04-31', '', '01/02/2026', '2026-00-10', '２０２６-０１-０１'),
  fc.tuple(fc.integer({ min: -1, max: 100_000 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
);

/** Ids that are not UUIDs, or UUIDs that name nothing in the caller's tenant. */
export const hostileId: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('not-a-uuid', '', ' ', '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '1', "1' or '1'='1", '../etc', 'RS-000001', 12345, 0, -1),
  fc.uuid(),
  fc.uuid().map((id) => id.toUpperCase()),
  fc.uuid().map((id) => ` ${id} `),
  fc.uuid().map((id) => `${id}\u0000`),
  fc.uuid().map((id) => id.replaceAll('-', '')),
  hugeText,
);

export const hostileInt: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(-1, 0, 2147483647, -2147483648, 2147483648, 1.5, -0.5, 1e20, '5', 'five', true, 9007199254740993),
  fc.integer(),
);

/** Routing numbers: wrong length, bad check digit, non-digits, non-ASCII digits. */
export const hostileRouting: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('021000022', '02100002', '0210000210', '02100002A', ' 021000021 ', '021-000-021', '０２１０００００２１', '٠٢١٠٠٠٠٢١', '000000000', '999999999', ''),
  fc.stringMatching(/^\d{9}$/),
);

/** Account numbers: too short/long, letters, separators, non-ASCII digits. */
export const hostileAccount: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('123', '123456789012345678', '12345678901234567', '1234-5678 90', 'ABCD1234', '12\u00003456', '١٢٣٤٥٦٧٨', '0000', '  1234  ', '1234\n5678'),
  fc.stringMatching(/^\d{1,20}$/),
);

/** CSV that is broken, tricky or hostile; `header` is a valid header line for the target layout. */
export function hostileCsv(header: string, validRow: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const columns = header.split(',').length;
  return fc.oneof(
    fc.constantFrom('', '\n', '\uFEFF', header, `${header}\n`, 'not,a,known,header\n1,2,3,4', `${header}\n"unbalanced,quote`, `${header}\n${'a,'.repeat(columns + 3)}`, `${header}\na`),
    // A valid body with a BOM, CRLF or mixed line ends.
    fc.array(validRow, { minLength: 1, maxLength: 5 }).map((rows) => `\uFEFF${header}\r\n${rows.join('\r\n')}`),
    fc.array(validRow, { minLength: 1, maxLength: 5 }).map((rows) => `${header}\n${rows.join('\r')}`),
    fc.array(validRow, { minLength: 1, maxLength: 5 }).map((rows) => `${header}\r\n${rows.join('\n')}\r\n\r\n`),
    // Wrong column counts, a quote inside an unquoted cell, formula injection, NUL, a huge row.
    fc.tuple(validRow, fc.constantFrom(',extra', ',,', '')).map(([row, extra]) => `${header}\n${row}${extra}`),
    fc.tuple(validRow, fc.constantFrom(...FORMULA_INJECTION, ...HTML_INJECTION, ...UNSTORABLE_TEXT)).map(([row, bad]) => `${header}\n${row.replace(/^[^,]*/, `"${bad.replaceAll('"', '""')}"`)}`),
    fc.tuple(validRow, fc.constantFrom('a"b', '"a"b"', '"a""')).map(([row, bad]) => `${header}\n${row.replace(/,[^,]*$/, `,${bad}`)}`),
    fc.integer({ min: 10_000, max: 400_000 }).map((n) => `${header}\n${'x'.repeat(n)}${',x'.repeat(columns - 1)}`),
    fc.integer({ min: 900_001, max: 950_000 }).map((n) => `${header}\n${'y'.repeat(n)}`),
    fc.string({ unit: 'binary', maxLength: 200 }),
  );
}

/** A JSON value of the wrong shape for a field (GraphQL must refuse it before any resolver). */
export const wrongJsonType: fc.Arbitrary<unknown> = fc.constantFrom(42, -1.5, true, false, {}, { a: 1 }, [], ['a'], [[]], 'text', 1e308);
