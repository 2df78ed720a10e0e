import { Box, Text } from '@mantine/core';
import { useElementSize, useMediaQuery } from '@mantine/hooks';
import { useId, useMemo } from 'react';
import { axisLabel, niceStep } from '../../ui/chartScale';
import { formatMoney, formatPeriod, isNegative, type MoneyValue, periodMonth, periodYear } from '../commissions/format';

export type TrendPoint = { period: string; billed: MoneyValue };

type MrrTrendChartProps = {
  /** The last 12 service months, oldest first (as `mrrTrend` returns them). */
  trend: readonly TrendPoint[];
};

/**
 * Bars of the recurring revenue invoiced per service month, the current (incomplete) month last and
 * lighter. Bar heights convert the decimal amounts to numbers for geometry only; every amount shown
 * as text is the exact decimal formatted by the money helpers (above each bar when there is room,
 * else in the bar's tooltip).
 */
export function MrrTrendChart({ trend }: MrrTrendChartProps) {
  const { ref, width } = useElementSize();
  const phone = useMediaQuery('(max-width: 47.99em)') ?? false;
  const titleId = useId();
  const currency = trend[0]?.billed.currency ?? 'USD';
  const height = phone ? 220 : 260;

  const geometry = useMemo(() => {
    const values = trend.map((point) => Number(point.billed.amount)).filter(Number.isFinite);
    const max = Math.max(0, ...values);
    const step = niceStep(max || 1, phone ? 3 : 4);
    const hi = Math.max(step, Math.ceil(max / step) * step);
    const ticks: number[] = [];
    for (let value = 0; value <= hi + step / 2; value += step) ticks.push(Math.round(value / step) * step);
    return { hi, ticks };
  }, [trend, phone]);

  const margin = { top: 26, right: 8, bottom: 42, left: phone ? 44 : 56 };
  const plotWidth = Math.max(0, width - margin.left - margin.right);
  const plotHeight = height - margin.top - margin.bottom;
  const y = (value: number) => margin.top + ((geometry.hi - Math.max(0, value)) / geometry.hi) * plotHeight;
  const slotWidth = trend.length > 0 ? plotWidth / trend.length : 0;
  const barWidth = Math.min(slotWidth * 0.62, 52);
  // Exact amounts over every bar only when they fit ('$12,345.67' is about 66 px at 11 px).
  const labelAll = slotWidth >= 72;
  const first = trend[0];
  const last = trend[trend.length - 1];

  return (
    <Box ref={ref} h={height} data-testid="mrr-trend-chart" style={{ position: 'relative' }}>
      {width > 0 && trend.length > 0 && (
        <svg width={width} height={height} role="img" aria-labelledby={titleId} style={{ display: 'block', overflow: 'visible' }}>
          <title id={titleId}>
            {`Recurring revenue invoiced per month, ${formatPeriod(first?.period ?? '', 'short')} to ${formatPeriod(last?.period ?? '', 'short')}: ${trend
              .map((point) => `${formatPeriod(point.period, 'short')} ${formatMoney(point.billed)}`)
              .join(', ')}`}
          </title>
          {geometry.ticks.map((tick) => (
            <g key={tick} aria-hidden="true">
              <line
                x1={margin.left}
                x2={width - margin.right}
                y1={y(tick)}
                y2={y(tick)}
                stroke={tick === 0 ? 'var(--mantine-color-gray-5)' : 'var(--mantine-color-gray-2)'}
                strokeWidth={1}
                shapeRendering="crispEdges"
              />
              <text x={margin.left - 8} y={y(tick)} dy="0.32em" textAnchor="end" fontSize={11} fill="var(--mantine-color-gray-6)">
                {axisLabel(tick, currency)}
              </text>
            </g>
          ))}
          {trend.map((point, index) => {
            const center = margin.left + slotWidth * index + slotWidth / 2;
            const value = Number(point.billed.amount);
            const current = index === trend.length - 1;
            const top = y(value);
            const barHeight = Math.max(y(0) - top, value > 0 ? 2 : 0);
            const showYear = index === 0 || point.period.endsWith('-01');
            const amount = formatMoney(point.billed);
            return (
              <g key={point.period} data-testid="mrr-trend-bar" data-period={point.period} data-amount={point.billed.amount}>
                <title>{`${formatPeriod(point.period)}: ${amount}${current ? ' (month in progress)' : ''}`}</title>
                <rect
                  x={center - barWidth / 2}
                  y={y(0) - barHeight}
                  width={barWidth}
                  height={barHeight}
                  rx={Math.min(4, barWidth / 4)}
                  fill={isNegative(point.billed.amount) ? 'var(--mantine-color-red-4)' : current ? 'var(--mantine-color-indigo-2)' : 'var(--mantine-color-indigo-5)'}
                  stroke={current ? 'var(--mantine-color-indigo-5)' : 'none'}
                  strokeDasharray={current ? '4 3' : undefined}
                />
                {(labelAll || current) && (
                  <text
                    x={Math.min(Math.max(center, margin.left + 34), width - margin.right - 34)}
                    y={y(0) - barHeight - 7}
                    textAnchor="middle"
                    fontSize={11}
                    fontWeight={current ? 700 : 500}
                    fill={value === 0 ? 'var(--mantine-color-gray-5)' : 'var(--mantine-color-gray-8)'}
                    aria-hidden="true"
                  >
                    {amount}
                  </text>
                )}
                <g aria-hidden="true">
                  <text x={center} y={height - margin.bottom + 18} textAnchor="middle" fontSize={12} fill="var(--mantine-color-gray-7)">
                    {periodMonth(point.period)}
                  </text>
                  {showYear && (
                    <text x={center} y={height - margin.bottom + 33} textAnchor="middle" fontSize={10} fill="var(--mantine-color-gray-6)">
                      {periodYear(point.period)}
                    </text>
                  )}
                </g>
              </g>
            );
          })}
        </svg>
      )}
      {trend.length === 0 && (
        <Text c="dimmed" size="sm" ta="center" pt="xl">
          No invoiced revenue to chart yet.
        </Text>
      )}
    </Box>
  );
}
