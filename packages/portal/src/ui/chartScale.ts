// Scales shared by the hand-written SVG charts (commissions, analytics, health): no chart library.

/** A round step for about `count` grid lines over `range`. */
export function niceStep(range: number, count: number): number {
  const rough = range / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const scaled = rough / power;
  return (scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : 10) * power;
}

const compactFormats = new Map<string, Intl.NumberFormat>();

/** '$1.2K' for an axis (an approximate label of a grid line, not an amount of money). */
export function axisLabel(value: number, currency: string): string {
  let format = compactFormats.get(currency);
  if (!format) {
    try {
      format = new Intl.NumberFormat('en-US', { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 });
    } catch {
      format = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
    }
    compactFormats.set(currency, format);
  }
  return format.format(value);
}

/** A linear map from `domain` to `range` (e.g. days to pixels); a zero-width domain maps to the range's start. */
export function linearScale([d0, d1]: readonly [number, number], [r0, r1]: readonly [number, number]): (value: number) => number {
  const span = d1 - d0;
  return (value) => (span === 0 ? r0 : r0 + ((value - d0) / span) * (r1 - r0));
}
