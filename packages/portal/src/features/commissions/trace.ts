// Lays out a line's `trace` (one sentence from the commission engine) as steps and a result,
// without losing or rewording any of it:
//
//   "12 % of $1,204.50 paid on invoice INV-88 — tier 2 reached at $10,000.00 on reseller revenue
//    $12,000.00; reseller commission $1,440.00, split by revenue share = $144.54"
//
// becomes the steps ["12 % of $1,204.50 paid on invoice INV-88", "tier 2 reached at …",
// "reseller commission …, split by revenue share"] and the result "$144.54". Steps are split at
// ' — ', '; ' and ': ' at the top level only: text inside parentheses ("$200.00 paid on invoice
// INV-1; refund of …") stays whole.

export type TraceLayout = { steps: string[]; result: string | null };

export type TraceToken = { kind: 'text' | 'money' | 'percent' | 'reference'; text: string };

/** Indexes of `separator` outside parentheses. */
function topLevelIndexes(text: string, separator: string): number[] {
  const found: number[] = [];
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '(') depth++;
    else if (char === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && text.startsWith(separator, i)) found.push(i);
  }
  return found;
}

function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (const index of topLevelIndexes(text, separator)) {
    parts.push(text.slice(start, index));
    start = index + separator.length;
  }
  parts.push(text.slice(start));
  return parts.map((part) => part.trim()).filter(Boolean);
}

// An amount as the api's money display writes it: '$1,204.50', '-$0.05', 'CHF 1,204.50', 'CA$3.00'.
const MONEY = String.raw`-?(?:[A-Z]{1,3}\s?)?[$€£¥₹]?\d[\d,]*\.\d{2}`;
const RESULT_PATTERN = new RegExp(String.raw`^${MONEY}(?: \([^)]*\))?$`);

export function layoutTrace(trace: string): TraceLayout {
  let body = trace.trim();
  let result: string | null = null;
  // The last top-level ' = ' gives the result, when what follows it is an amount.
  const equals = topLevelIndexes(body, ' = ').at(-1);
  if (equals !== undefined) {
    const tail = body.slice(equals + 3).trim();
    if (RESULT_PATTERN.test(tail)) {
      result = tail;
      body = body.slice(0, equals);
    }
  }
  const steps = splitTopLevel(body, ' — ')
    .flatMap((part) => splitTopLevel(part, '; '))
    .flatMap((part) => splitTopLevel(part, ': '));
  return { steps: steps.length > 0 ? steps : [trace], result };
}

// Invoice and credit-note ids (INV-202610-CUST-1007, CN-0001), amounts and percentages stand out.
const TOKEN_PATTERN = new RegExp(
  String.raw`(\b[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+\b)|(${MONEY})|(\d+(?:\.\d+)? %)`,
  'g',
);

export function tokenizeTrace(text: string): TraceToken[] {
  const tokens: TraceToken[] = [];
  let last = 0;
  for (const match of text.matchAll(TOKEN_PATTERN)) {
    const index = match.index;
    if (index > last) tokens.push({ kind: 'text', text: text.slice(last, index) });
    const kind = match[1] ? 'reference' : match[2] ? 'money' : 'percent';
    tokens.push({ kind, text: match[0] });
    last = index + match[0].length;
  }
  if (last < text.length) tokens.push({ kind: 'text', text: text.slice(last) });
  return tokens;
}

/** 'tier 2 reached …' → 'Tier 2 reached …'. */
export function capitalizeFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
