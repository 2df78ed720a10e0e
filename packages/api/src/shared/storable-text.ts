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

/**
 * The paths (`customers.3.name`) of the strings in a JSON value that the database cannot hold.
 * Walked with a stack of its own, not recursion: variables arrive before GraphQL has coerced them
 * to their types, and a client may send them nested a hundred thousand deep (a recursive walk
 * overflowed the call stack, a 500). A step knows its parent, so a path is only built when found.
 */
export function unstorableTextPaths(root: unknown): string[] {
  interface Step {
    value: unknown;
    key: string | null;
    parent: Step | null;
    /** The key is an object's field name (a key is text too: JSON scalars are not checked by GraphQL). */
    named?: boolean;
  }
  const pathOf = (step: Step) => {
    const keys: string[] = [];
    for (let at: Step | null = step; at && at.key !== null; at = at.parent) keys.push(at.key);
    return keys.reverse().join('.');
  };
  const found: string[] = [];
  const pending: Step[] = [{ value: root, key: null, parent: null }];
  while (pending.length > 0) {
    const step = pending.pop()!;
    const { value } = step;
    if (step.named && !isStorableText(step.key!)) found.push(pathOf(step));
    if (typeof value === 'string') {
      if (!isStorableText(value)) found.push(pathOf(step));
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    const named = !Array.isArray(value);
    const children: [string, unknown][] = named ? Object.entries(value) : value.map((item, index) => [String(index), item]);
    // Pushed last to first, so paths are found in document order.
    for (let index = children.length - 1; index >= 0; index--) {
      const [key, item] = children[index]!;
      pending.push({ value: item, key, parent: step, named });
    }
  }
  return found;
}
