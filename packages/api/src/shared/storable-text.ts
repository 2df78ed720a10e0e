/**
 * Text the database cannot hold as sent: PostgreSQL refuses NUL (U+0000) in text and JSON
 * ("invalid message format", "unsupported Unicode escape sequence"), and a UTF-16 surrogate
 * without its pair has no UTF-8 form (the driver would store U+FFFD instead, silently changing
 * the text; jsonb refuses it outright). Both are refused where input enters — every GraphQL
 * operation (app/input-text.ts) and every CSV file (shared/csv-import.ts, also the CLI's) — instead
 * of surfacing as a 500, or as altered data, wherever a string happens to reach SQL.
 */
// A NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isStorableText(value: string): boolean {
  return !UNSTORABLE.test(value);
}

export const UNSTORABLE_TEXT_MESSAGE = 'Text must not contain NUL characters or unpaired UTF-16 surrogates';

/** The paths (`customers.3.name`) of the strings in a JSON value that the database cannot hold. */
export function unstorableTextPaths(value: unknown, path: string[] = [], found: string[] = []): string[] {
  if (typeof value === 'string') {
    if (!isStorableText(value)) found.push(path.join('.'));
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => unstorableTextPaths(item, [...path, String(index)], found));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      // A key is text too (an input object's field names are checked by GraphQL; JSON scalars are not).
      if (!isStorableText(key)) found.push([...path, key].join('.'));
      unstorableTextPaths(item, [...path, key], found);
    }
  }
  return found;
}
