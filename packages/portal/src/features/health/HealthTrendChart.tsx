import { Box, Text } from '@mantine/core';
import { useElementSize, useMediaQuery } from '@mantine/hooks';
import { useId, useMemo } from 'react';
import type { HealthBand } from '../../gql/graphql';
import { linearScale } from '../../ui/chartScale';
import { formatDay } from '../onboarding/labels';
import { bandColor, bandLabel, HEALTH_BANDS } from './labels';

export type TrendSnapshot = { id: string; computedOn: string; score: number | null; band: HealthBand | null };

type HealthTrendChartProps = {
  /** `partnerHealthHistory` between `from` and `to`, oldest first. */
  snapshots: readonly TrendSnapshot[];
  /** The window shown (YYYY-MM-DD), whether or not there are snapshots at its ends. */
  from: string;
  to: string;
};

const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;
const monthFormat = new Intl.DateTimeFormat('en-US', { month: 'short', timeZone: 'UTC' });

/** The first day of each month inside the window (the x axis' labels). */
function monthStarts(from: string, to: string): string[] {
  const days: string[] = [];
  const [year, month] = from.split('-').map(Number);
  for (let index = 0; ; index++) {
    const start = new Date(Date.UTC(year!, month! - 1 + index, 1)).toISOString().slice(0, 10);
    if (start > to) break;
    if (start >= from) days.push(start);
  }
  return days;
}

/**
 * The score over time: one point per snapshot on a day scale (so a missing week shows as a longer
 * segment, not a hidden one), over the five bands drawn as tinted stripes. A snapshot without a
 * score (no data at all that day) is a hollow grey marker on the axis and breaks the line.
 */
export function HealthTrendChart({ snapshots, from, to }: HealthTrendChartProps) {
  const { ref, width } = useElementSize();
  const phone = useMediaQuery('(max-width: 47.99em)') ?? false;
  const titleId = useId();
  const height = phone ? 220 : 260;
  const margin = { top: 22, right: phone ? 12 : 72, bottom: 30, left: 34 };
  const plotRight = Math.max(margin.left, width - margin.right);
  const plotBottom = height - margin.bottom;

  const x = useMemo(() => linearScale([dayNumber(from), dayNumber(to)], [margin.left, plotRight]), [from, to, margin.left, plotRight]);
  const y = linearScale([0, 100], [plotBottom, margin.top]);
  const months = useMemo(() => monthStarts(from, to), [from, to]);

  // The line, broken where a snapshot has no score.
  const segments: string[] = [];
  let current: string[] = [];
  for (const snapshot of snapshots) {
    if (snapshot.score === null) {
      if (current.length) segments.push(current.join(' '));
      current = [];
    } else {
      current.push(`${x(dayNumber(snapshot.computedOn)).toFixed(1)},${y(snapshot.score).toFixed(1)}`);
    }
  }
  if (current.length) segments.push(current.join(' '));

  const spacing = snapshots.length > 1 ? (plotRight - margin.left) / (snapshots.length - 1) : Infinity;
  // A score over every point only when they do not collide ('100' is about 20 px at 11 px).
  const labelAll = spacing >= 34;
  const scored = snapshots.filter((snapshot) => snapshot.score !== null);
  const last = scored[scored.length - 1];

  return (
    <Box ref={ref} h={height} data-testid="health-trend-chart" data-from={from} data-to={to} style={{ position: 'relative' }}>
      {width > 0 && (
        <svg width={width} height={height} role="img" aria-labelledby={titleId} style={{ display: 'block', overflow: 'visible' }}>
          <title id={titleId}>
            {`Health score from ${formatDay(from)} to ${formatDay(to)}: ${
              snapshots.length === 0
                ? 'no snapshots'
                : snapshots.map((snapshot) => `${formatDay(snapshot.computedOn)} ${snapshot.score ?? 'no score'}`).join(', ')
            }`}
          </title>

          {/* The bands, tinted, with their names on the right. */}
          {HEALTH_BANDS.map((entry, index) => {
            const top = index === 0 ? 100 : HEALTH_BANDS[index - 1]!.min;
            const color = entry.color;
            return (
              <g key={entry.band} aria-hidden="true">
                <rect x={margin.left} y={y(top)} width={Math.max(0, plotRight - margin.left)} height={y(entry.min) - y(top)} fill={`var(--mantine-color-${color}-0)`} />
                {!phone && (
                  <text x={plotRight + 8} y={(y(top) + y(entry.min)) / 2} dy="0.32em" fontSize={11} fontWeight={600} fill={`var(--mantine-color-${color}-8)`}>
                    {entry.label}
                  </text>
                )}
              </g>
            );
          })}
          {[0, 30, 50, 70, 90, 100].map((tick) => (
            <g key={tick} aria-hidden="true">
              <line
                x1={margin.left}
                x2={plotRight}
                y1={y(tick)}
                y2={y(tick)}
                stroke={tick === 0 ? 'var(--mantine-color-gray-5)' : 'var(--mantine-color-gray-3)'}
                strokeWidth={1}
                shapeRendering="crispEdges"
              />
              <text x={margin.left - 6} y={y(tick)} dy="0.32em" textAnchor="end" fontSize={11} fill="var(--mantine-color-gray-6)">
                {tick}
              </text>
            </g>
          ))}

          {/* Month starts along the bottom (with the window's first day when no month starts near it). */}
          {months.map((day) => (
            <g key={day} aria-hidden="true">
              <line x1={x(dayNumber(day))} x2={x(dayNumber(day))} y1={plotBottom} y2={plotBottom + 4} stroke="var(--mantine-color-gray-5)" />
              <text x={x(dayNumber(day))} y={plotBottom + 17} textAnchor="middle" fontSize={11} fill="var(--mantine-color-gray-7)">
                {monthFormat.format(new Date(`${day}T00:00:00Z`))}
              </text>
            </g>
          ))}

          {segments.map((points, index) => (
            <polyline key={index} points={points} fill="none" stroke="var(--mantine-color-indigo-6)" strokeWidth={2.5} strokeLinejoin="round" strokeLinecap="round" aria-hidden="true" />
          ))}

          {snapshots.map((snapshot) => {
            const cx = x(dayNumber(snapshot.computedOn));
            if (snapshot.score === null) {
              return (
                <g key={snapshot.id} data-testid="health-trend-point" data-day={snapshot.computedOn} data-score="">
                  <title>{`${formatDay(snapshot.computedOn)}: no score (no data)`}</title>
                  <circle cx={cx} cy={plotBottom} r={4} fill="white" stroke="var(--mantine-color-gray-5)" strokeWidth={2} />
                </g>
              );
            }
            const isLast = snapshot === last;
            const cy = y(snapshot.score);
            return (
              <g key={snapshot.id} data-testid="health-trend-point" data-day={snapshot.computedOn} data-score={snapshot.score}>
                <title>{`${formatDay(snapshot.computedOn)}: ${snapshot.score} (${bandLabel(snapshot.band)})`}</title>
                <circle cx={cx} cy={cy} r={isLast ? 5.5 : 4} fill={`var(--mantine-color-${bandColor(snapshot.band)}-6)`} stroke="white" strokeWidth={2} />
                {(labelAll || isLast) && (
                  <text
                    x={Math.min(Math.max(cx, margin.left + 10), plotRight - 10)}
                    y={cy < margin.top + 16 ? cy + 18 : cy - 10}
                    textAnchor="middle"
                    fontSize={11}
                    fontWeight={isLast ? 700 : 500}
                    fill="var(--mantine-color-gray-8)"
                    aria-hidden="true"
                  >
                    {snapshot.score}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      )}
      {snapshots.length === 0 && (
        <Text c="dimmed" size="sm" ta="center" style={{ position: 'absolute', inset: 0, paddingTop: height / 2 - 20 }}>
          No scores in the last {Math.round(dayNumber(to) - dayNumber(from))} days.
        </Text>
      )}
    </Box>
  );
}

