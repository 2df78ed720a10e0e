import { Box, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';

export type BarDatum = {
  key: string;
  label: string;
  /** The exact value in minor units; only the bar's length is derived from it. */
  value: bigint;
  /** How the value reads at the end of the bar ("$1,204.50"). */
  valueLabel: string;
};

type BarChartProps = {
  data: readonly BarDatum[];
  /** Names the chart for screen readers. */
  title: string;
  /** Width of the label column in px. */
  labelWidth?: number;
  testId?: string;
};

const ROW = 30;
const BAR = 16;
const VALUE_SPACE = 96;
const PAD_TOP = 8;

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Horizontal bars in plain SVG, one row per datum in the order given. Lengths are proportional to
 * the largest absolute value; negative values (clawbacks) grow left from a zero line in red.
 * Proportions come from bigint division, so no amount goes through a float either.
 */
export function BarChart({ data, title, labelWidth = 200, testId }: BarChartProps) {
  const { ref, width } = useElementSize();
  const maxPositive = data.reduce((max, d) => (d.value > max ? d.value : max), 0n);
  const maxNegative = data.reduce((max, d) => (-d.value > max ? -d.value : max), 0n);
  const span = maxPositive + maxNegative;
  const plotWidth = Math.max(width - labelWidth - VALUE_SPACE - 8, 40);
  // Parts per 10,000 of the plot width, from exact integers.
  const share = (value: bigint) => (span === 0n ? 0 : Number((value * 10_000n) / span) / 10_000);
  const zeroX = labelWidth + share(maxNegative) * plotWidth;
  const height = PAD_TOP * 2 + data.length * ROW;
  // About 7 px per character at 12 px: long labels end in '…' (the full text is in the tooltip).
  const maxChars = Math.max(Math.floor((labelWidth - 16) / 7), 8);

  return (
    <Box ref={ref} w="100%" data-testid={testId}>
      {width > 0 && (
        <svg width={width} height={height} role="img" aria-label={title} style={{ display: 'block', fontFamily: 'inherit' }}>
          <title>{title}</title>
          {[0.25, 0.5, 0.75, 1].map((fraction) => {
            const x = zeroX + fraction * share(maxPositive) * plotWidth;
            return maxPositive > 0n ? <line key={fraction} x1={x} x2={x} y1={PAD_TOP / 2} y2={height - PAD_TOP / 2} stroke="var(--mantine-color-gray-2)" strokeDasharray="3 3" /> : null;
          })}
          {data.map((d, index) => {
            const y = PAD_TOP + index * ROW;
            const length = share(d.value < 0n ? -d.value : d.value) * plotWidth;
            const negative = d.value < 0n;
            const x = negative ? zeroX - length : zeroX;
            // A negative bar grows left, so its value reads on the empty right side of the zero line.
            const valueX = negative ? zeroX + 6 : zeroX + length + 6;
            return (
              <g key={d.key}>
                <title>{`${d.label}: ${d.valueLabel}`}</title>
                <text x={labelWidth - 10} y={y + ROW / 2} dominantBaseline="middle" textAnchor="end" fontSize={12} fill="var(--mantine-color-gray-8)">
                  {truncate(d.label, maxChars)}
                </text>
                <rect x={x} y={y + (ROW - BAR) / 2} width={Math.max(length, d.value === 0n ? 0 : 2)} height={BAR} rx={3} fill={negative ? 'var(--mantine-color-red-5)' : 'var(--mantine-color-indigo-5)'} />
                <text
                  x={valueX}
                  y={y + ROW / 2}
                  dominantBaseline="middle"
                  textAnchor="start"
                  fontSize={12}
                  fontWeight={600}
                  fill={negative ? 'var(--mantine-color-red-7)' : 'var(--mantine-color-gray-9)'}
                  style={{ fontVariantNumeric: 'tabular-nums' }}
                >
                  {d.valueLabel}
                </text>
              </g>
            );
          })}
          <line x1={zeroX} x2={zeroX} y1={PAD_TOP / 2} y2={height - PAD_TOP / 2} stroke="var(--mantine-color-gray-5)" />
        </svg>
      )}
      {data.length === 0 && (
        <Text size="sm" c="dimmed">
          Nothing to chart.
        </Text>
      )}
    </Box>
  );
}
