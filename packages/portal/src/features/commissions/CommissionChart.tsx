import { Box, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { axisLabel, niceStep } from '../../ui/chartScale';
import classes from './CommissionChart.module.css';
import { formatMoney, formatPeriod, isNegative, type MoneyValue, periodMonth, periodYear, plural, previousPeriod } from './format';

export type ChartPeriod = { period: string; lineCount: number; total: MoneyValue };

type Slot = { period: string; entry: ChartPeriod | null };

type CommissionChartProps = {
  /** The history, newest first (as `myCommissionHistory` returns it). */
  history: readonly ChartPeriod[];
  selected: string;
  onSelect: (period: string) => void;
  /** How many months the chart spans at most. */
  months?: number;
};

/**
 * Consecutive months from the oldest period of the history (or `months` back) to the newest, so a
 * month without commissions shows as a gap instead of being skipped.
 */
function monthSlots(history: readonly ChartPeriod[], months: number): Slot[] {
  const newest = history[0];
  if (!newest) return [];
  const oldest = history[history.length - 1]?.period ?? newest.period;
  const byPeriod = new Map(history.map((entry) => [entry.period, entry]));
  const slots: Slot[] = [];
  for (let period = newest.period; slots.length < months; period = previousPeriod(period)) {
    slots.unshift({ period, entry: byPeriod.get(period) ?? null });
    if (period <= oldest) break;
  }
  return slots;
}

/** The width the chart draws at before it has measured its box (about its width on a laptop). */
const DEFAULT_WIDTH = 640;

/**
 * The element's content width, measured before the browser paints (a layout effect) and followed
 * with a ResizeObserver. Starts at `fallback`, so the chart draws in the very first render, with its
 * data: the measured width only corrects the geometry, in the same frame on mount (a layout
 * effect's update renders before paint), instead of the chart appearing a frame or more later.
 */
function useWidth(ref: RefObject<HTMLElement | null>, fallback: number): number {
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = (value: number) => {
      // 0 while hidden (e.g. display: none): keep the last width rather than drawing nothing.
      if (value > 0) setWidth(Math.round(value));
    };
    measure(element.clientWidth);
    const observer = new ResizeObserver(([entry]) => measure(entry?.contentRect.width ?? 0));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/**
 * Bars of the monthly commission totals; negative totals (clawbacks) hang below the axis. Each bar
 * is a button that selects its period (click, Enter/Space, arrow keys between bars). Bar lengths
 * convert the api's decimal totals to numbers for geometry only; every amount shown as text is
 * the exact decimal formatted by the money helpers.
 */
export function CommissionChart({ history, selected, onSelect, months = 12 }: CommissionChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const width = useWidth(ref, DEFAULT_WIDTH);
  // Read at once (no SSR here): the default, a value set in an effect, would redraw on phones.
  const phone = useMediaQuery('(max-width: 47.99em)', undefined, { getInitialValueInEffect: false }) ?? false;
  const titleId = useId();
  const descId = useId();
  const barRefs = useRef(new Map<string, SVGGElement>());

  const slots = useMemo(() => monthSlots(history, months), [history, months]);
  const currency = history[0]?.total.currency ?? 'USD';
  const selectedEntry = history.find((entry) => entry.period === selected);
  const height = phone ? 210 : 250;

  const geometry = useMemo(() => {
    const values = slots.map((slot) => (slot.entry ? Number(slot.entry.total.amount) : 0)).filter(Number.isFinite);
    const max = Math.max(0, ...values);
    const min = Math.min(0, ...values);
    const step = niceStep(max - min || 1, phone ? 3 : 4);
    const hi = max > 0 ? Math.ceil(max / step) * step : min < 0 ? 0 : step;
    const lo = min < 0 ? Math.floor(min / step) * step : 0;
    const ticks: number[] = [];
    for (let value = lo; value <= hi + step / 2; value += step) ticks.push(Math.round(value / step) * step);
    return { hi, lo, ticks };
  }, [slots, phone]);

  const margin = { top: 30, right: 8, bottom: 42, left: phone ? 44 : 56 };
  const plotWidth = Math.max(0, width - margin.left - margin.right);
  const plotHeight = height - margin.top - margin.bottom;
  const y = (value: number) => margin.top + ((geometry.hi - value) / (geometry.hi - geometry.lo || 1)) * plotHeight;
  const slotWidth = slots.length > 0 ? plotWidth / slots.length : 0;
  const barWidth = Math.min(slotWidth * 0.62, 56);
  const zeroY = y(0);

  const selectable = slots.filter((slot) => slot.entry).map((slot) => slot.period);
  // One tab stop for the whole chart (the selected bar, else the newest); arrows move between bars.
  const tabStop = selectable.includes(selected) ? selected : selectable[selectable.length - 1];

  function handleKeyDown(event: KeyboardEvent<SVGGElement>, period: string) {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(period);
      return;
    }
    const offset = event.key === 'ArrowLeft' ? -1 : event.key === 'ArrowRight' ? 1 : 0;
    if (offset === 0) return;
    event.preventDefault();
    const next = selectable[selectable.indexOf(period) + offset];
    if (next) {
      onSelect(next);
      barRefs.current.get(next)?.focus();
    }
  }

  const summary = selectedEntry
    ? `Selected: ${formatPeriod(selectedEntry.period)}, ${formatMoney(selectedEntry.total)}.`
    : '';

  return (
    <Box ref={ref} h={height} data-testid="commission-chart" style={{ position: 'relative' }}>
      {/* Out of the flow: the box's width comes from the layout alone, never from the drawing (a
          default width wider than a phone's column would otherwise widen the column it measures). */}
      <svg width={width} height={height} role="group" aria-labelledby={titleId} aria-describedby={descId} style={{ display: 'block', overflow: 'visible', position: 'absolute', top: 0, left: 0 }}>
        <title id={titleId}>{`Commission totals per month, ${formatPeriod(slots[0]?.period ?? selected, 'short')} to ${formatPeriod(slots[slots.length - 1]?.period ?? selected, 'short')}`}</title>
        <desc id={descId}>{`${summary} Choose a bar to see that month’s commission lines.`}</desc>

        {/* Grid lines and their amounts. */}
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

        {slots.map((slot, index) => {
          const center = margin.left + slotWidth * index + slotWidth / 2;
          const isSelected = slot.period === selected;
          const showYear = index === 0 || slot.period.endsWith('-01');
          const label = (
            <g aria-hidden="true">
              <text
                x={center}
                y={height - margin.bottom + 18}
                textAnchor="middle"
                fontSize={12}
                fontWeight={isSelected ? 700 : 400}
                fill={isSelected ? 'var(--mantine-color-dark-7)' : slot.entry ? 'var(--mantine-color-gray-7)' : 'var(--mantine-color-gray-5)'}
              >
                {periodMonth(slot.period)}
              </text>
              {showYear && (
                <text x={center} y={height - margin.bottom + 33} textAnchor="middle" fontSize={10} fill="var(--mantine-color-gray-6)">
                  {periodYear(slot.period)}
                </text>
              )}
            </g>
          );

          if (!slot.entry) {
            // A month without commission lines: a short dash on the axis.
            return (
              <g key={slot.period}>
                <line x1={center - 6} x2={center + 6} y1={zeroY} y2={zeroY} stroke="var(--mantine-color-gray-4)" strokeWidth={2} aria-hidden="true" />
                {label}
              </g>
            );
          }

          const entry = slot.entry;
          const value = Number(entry.total.amount);
          const negative = isNegative(entry.total.amount);
          const top = y(Math.max(value, 0));
          const barHeight = Math.max(Math.abs(y(value) - zeroY), value === 0 ? 0 : 2);
          const barTop = negative ? zeroY : Math.min(top, zeroY - barHeight);
          const color = negative ? 'red' : 'indigo';
          const amountText = formatMoney(entry.total);
          const valueY = negative ? barTop + barHeight + 14 : barTop - 8;
          // Keep the selected amount inside the chart at both ends.
          const valueX = Math.min(Math.max(center, margin.left + 36), width - margin.right - 36);

          return (
            <g
              key={slot.period}
              ref={(node) => {
                if (node) barRefs.current.set(slot.period, node);
                else barRefs.current.delete(slot.period);
              }}
              className={classes.bar}
              role="button"
              tabIndex={slot.period === tabStop ? 0 : -1}
              aria-pressed={isSelected}
              aria-label={`${formatPeriod(slot.period)}: ${amountText}, ${plural(entry.lineCount, 'line')}`}
              data-testid="commission-chart-bar"
              data-period={slot.period}
              onClick={() => onSelect(slot.period)}
              onKeyDown={(event) => handleKeyDown(event, slot.period)}
            >
              <title>{`${formatPeriod(slot.period)}: ${amountText} (${plural(entry.lineCount, 'line')})`}</title>
              {/* The whole column is clickable, not just the (possibly tiny) bar. */}
              <rect
                className={classes.hit}
                x={center - slotWidth / 2 + 2}
                y={margin.top - 24}
                width={Math.max(0, slotWidth - 4)}
                height={height - 4 - (margin.top - 24)}
                rx={6}
                fill={isSelected ? 'var(--mantine-color-indigo-0)' : 'transparent'}
              />
              <rect
                className={classes.fill}
                x={center - barWidth / 2}
                y={barTop}
                width={barWidth}
                height={barHeight}
                rx={Math.min(4, barWidth / 4)}
                fill={`var(--mantine-color-${color}-${isSelected ? 6 : 3})`}
              />
              {isSelected && (
                <text x={valueX} y={valueY} textAnchor="middle" fontSize={12} fontWeight={700} fill={`var(--mantine-color-${negative ? 'red-8' : 'dark-7'})`}>
                  {amountText}
                </text>
              )}
              {label}
            </g>
          );
        })}
      </svg>
      {selectable.length === 0 && (
        <Text c="dimmed" size="sm" ta="center" pt="xl">
          No totals to chart yet.
        </Text>
      )}
    </Box>
  );
}
