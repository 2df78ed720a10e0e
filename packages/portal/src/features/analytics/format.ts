// Percentages of the analytics page. They arrive as floats with one decimal (rates, not money);
// null means the base was zero and is shown as '—', never as 0 %.

const percentFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** 12.5 → '12.5 %', null → '—'. */
export function formatPercentValue(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${percentFormat.format(value)} %`;
}

/** Growth with its sign: 4.2 → '+4.2 %', -1 → '−1 %', null → '—'. */
export function formatGrowth(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const text = `${percentFormat.format(Math.abs(value))} %`;
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}

const countFormat = new Intl.NumberFormat('en-US');

export function formatCount(value: number): string {
  return countFormat.format(value);
}
