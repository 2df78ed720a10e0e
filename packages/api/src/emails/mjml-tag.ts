import escapeHtml from 'escape-html';

/** Markup that is already safe (built by `mj` or fixed template text). */
export class SafeMarkup {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}

/**
 * Tagged template for MJML: every interpolated value is HTML-escaped unless it is SafeMarkup, so a
 * partner named `<script>` renders as text. Arrays are joined (each item escaped the same way).
 */
export function mj(strings: TemplateStringsArray, ...values: unknown[]): SafeMarkup {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += toMarkup(value) + (strings[index + 1] ?? '');
  });
  return new SafeMarkup(out);
}

function toMarkup(value: unknown): string {
  if (value instanceof SafeMarkup) return value.value;
  if (Array.isArray(value)) return value.map(toMarkup).join('');
  if (value === null || value === undefined) return '';
  return escapeHtml(String(value));
}
