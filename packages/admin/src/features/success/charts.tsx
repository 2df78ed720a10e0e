import { Box, Group, Stack, Text, Tooltip } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import type { HealthBand } from '../../gql/graphql';
import { formatNumber } from '../../ui';
import { BAND_RANGES, bandCssColor, bandLabel, bandOfScore, componentLabel, formatDay, HEALTH_BANDS, HEALTH_COMPONENTS } from './health';

// Hand-written SVG charts of the success pages, like ../../ui/BarChart (no chart library).

const ROW = 30;
const BAR = 16;

/** Resellers per band, best band first, each bar in its band's colour. */
export function BandDistributionChart({ data, title = 'Resellers per health band' }: { data: readonly { band: HealthBand; resellers: number }[]; title?: string }) {
  const { ref, width } = useElementSize();
  const labelWidth = 132;
  const valueSpace = 48;
  const rows = HEALTH_BANDS.map((band) => ({ band, resellers: data.find((d) => d.band === band)?.resellers ?? 0 }));
  const max = Math.max(1, ...rows.map((r) => r.resellers));
  const plotWidth = Math.max(width - labelWidth - valueSpace, 40);
  const height = 8 + rows.length * ROW + 8;
  return (
    <Box ref={ref} w="100%" data-testid="band-distribution">
      {width > 0 && (
        <svg width={width} height={height} role="img" aria-label={title} style={{ display: 'block', fontFamily: 'inherit' }}>
          <title>{title}</title>
          {rows.map((row, index) => {
            const y = 8 + index * ROW;
            const length = (row.resellers / max) * plotWidth;
            return (
              <g key={row.band} data-band={row.band}>
                <title>{`${bandLabel(row.band)} (${BAND_RANGES[row.band]}): ${row.resellers} reseller${row.resellers === 1 ? '' : 's'}`}</title>
                <circle cx={8} cy={y + ROW / 2} r={5} fill={bandCssColor(row.band)} />
                <text x={20} y={y + ROW / 2} dominantBaseline="middle" fontSize={12} fill="var(--mantine-color-gray-8)">
                  {bandLabel(row.band)}
                </text>
                <text x={labelWidth - 10} y={y + ROW / 2} dominantBaseline="middle" textAnchor="end" fontSize={11} fill="var(--mantine-color-gray-6)">
                  {BAND_RANGES[row.band]}
                </text>
                <rect x={labelWidth} y={y + (ROW - BAR) / 2} width={plotWidth} height={BAR} rx={3} fill="var(--mantine-color-gray-1)" />
                <rect x={labelWidth} y={y + (ROW - BAR) / 2} width={Math.max(length, row.resellers > 0 ? 3 : 0)} height={BAR} rx={3} fill={bandCssColor(row.band)} />
                <text x={labelWidth + plotWidth + 8} y={y + ROW / 2} dominantBaseline="middle" fontSize={12} fontWeight={600} fill="var(--mantine-color-gray-9)" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {formatNumber(row.resellers)}
                </text>
              </g>
            );
          })}
        </svg>
      )}
    </Box>
  );
}

type Component = { key: string; score?: number | null; weight: number };

/**
 * The seven components as 0–100 bars with their weights. A component without data says so, and
 * the weights the score actually used (the missing ones spread over the rest) show beside them.
 */
export function ComponentBars({ components }: { components: readonly Component[] }) {
  const knownWeight = components.reduce((sum, c) => sum + (c.score === null || c.score === undefined ? 0 : c.weight), 0);
  const redistributed = knownWeight > 0 && knownWeight < 100;
  return (
    <Stack gap={10} data-testid="health-components">
      {components.map((component) => {
        const missing = component.score === null || component.score === undefined;
        const score = missing ? 0 : Math.round((component.score ?? 0) * 10) / 10;
        const effective = !missing && knownWeight > 0 ? Math.round(((component.weight * 100) / knownWeight) * 10) / 10 : 0;
        const info = HEALTH_COMPONENTS[component.key];
        return (
          <Box key={component.key} data-testid="health-component" data-key={component.key} data-missing={missing}>
            <Group justify="space-between" gap="xs" wrap="nowrap" mb={4}>
              <Tooltip label={info?.description ?? component.key} multiline w={340} withArrow openDelay={150}>
                <Text size="sm" fw={500} style={{ cursor: 'help', textDecoration: 'underline dotted var(--mantine-color-gray-4)', textUnderlineOffset: 3 }}>
                  {componentLabel(component.key)}
                </Text>
              </Tooltip>
              <Group gap={8} wrap="nowrap">
                <Text
                  size="xs"
                  c="dimmed"
                  td={missing ? 'line-through' : undefined}
                  style={{ whiteSpace: 'nowrap' }}
                  title={
                    missing
                      ? `No data: its weight of ${component.weight} % is spread over the other components`
                      : redistributed
                        ? `Weight ${component.weight} %, ${effective} % after spreading the weight of components without data`
                        : undefined
                  }
                >
                  weight {component.weight} %{redistributed && !missing ? ` → ${effective} %` : ''}
                </Text>
                <Text size="sm" fw={missing ? 500 : 700} miw={44} ta="right" c={missing ? 'dimmed' : undefined} fs={missing ? 'italic' : undefined} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }} data-testid="component-score">
                  {missing ? 'No data' : score}
                </Text>
              </Group>
            </Group>
            {missing ? (
              <Box h={10} style={{ borderRadius: 5, border: '1px dashed var(--mantine-color-gray-4)' }} />
            ) : (
              <Box h={10} bg="gray.1" style={{ borderRadius: 5, overflow: 'hidden' }}>
                <Box h="100%" w={`${Math.max(score, 1)}%`} style={{ background: bandCssColor(bandOfScore(score), 5), borderRadius: 5 }} />
              </Box>
            )}
          </Box>
        );
      })}
    </Stack>
  );
}

type Point = { computedOn: string; score?: number | null; band?: HealthBand | null };

const dayShort = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });

/**
 * The score over time (0–100) on the five bands' tinted background, one point per snapshot;
 * days without a score break the line.
 */
export function ScoreTrendChart({ points, height = 220 }: { points: readonly Point[]; height?: number }) {
  const { ref, width } = useElementSize();
  const left = 34;
  const right = 12;
  const top = 10;
  const bottom = 26;
  const plotW = Math.max(width - left - right, 40);
  const plotH = height - top - bottom;
  const times = points.map((p) => Date.parse(`${p.computedOn}T00:00:00Z`));
  const t0 = times[0] ?? 0;
  const t1 = times.at(-1) ?? 0;
  const x = (t: number) => left + (t1 === t0 ? plotW / 2 : ((t - t0) / (t1 - t0)) * plotW);
  const y = (score: number) => top + (1 - score / 100) * plotH;

  // Line segments between scored points (a day without a score starts a new segment).
  const segments: string[] = [];
  let current = '';
  points.forEach((p, i) => {
    if (p.score === null || p.score === undefined) {
      if (current) segments.push(current);
      current = '';
      return;
    }
    current += `${current ? 'L' : 'M'}${x(times[i]!).toFixed(1)},${y(p.score).toFixed(1)}`;
  });
  if (current) segments.push(current);

  // About six date ticks, evenly spread over the points.
  const tickCount = Math.min(points.length, Math.max(2, Math.floor(plotW / 110)));
  const ticks = points.length <= 1 ? points.map((_, i) => i) : Array.from({ length: tickCount }, (_, k) => Math.round((k * (points.length - 1)) / (tickCount - 1)));
  const bands: { band: HealthBand; from: number; to: number }[] = [
    { band: 'THRIVING', from: 90, to: 100 },
    { band: 'HEALTHY', from: 70, to: 90 },
    { band: 'STABLE', from: 50, to: 70 },
    { band: 'AT_RISK', from: 30, to: 50 },
    { band: 'CRITICAL', from: 0, to: 30 },
  ];
  const scored = points.filter((p) => p.score !== null && p.score !== undefined);
  const first = scored[0];
  const last = scored.at(-1);
  const title = first && last ? `Health score from ${formatDay(first.computedOn)} (${first.score}) to ${formatDay(last.computedOn)} (${last.score})` : 'Health score over time';

  return (
    <Box ref={ref} w="100%" data-testid="score-trend">
      {width > 0 && (
        <svg width={width} height={height} role="img" aria-label={title} style={{ display: 'block', fontFamily: 'inherit' }}>
          <title>{title}</title>
          {bands.map((b) => (
            <g key={b.band}>
              <rect x={left} y={y(b.to)} width={plotW} height={y(b.from) - y(b.to)} fill={bandCssColor(b.band, 0)} />
            </g>
          ))}
          {[0, 30, 50, 70, 90, 100].map((v) => (
            <g key={v}>
              <line x1={left} x2={left + plotW} y1={y(v)} y2={y(v)} stroke="var(--mantine-color-gray-3)" strokeDasharray={v === 0 || v === 100 ? undefined : '3 3'} />
              <text x={left - 6} y={y(v)} dominantBaseline="middle" textAnchor="end" fontSize={10} fill="var(--mantine-color-gray-6)">
                {v}
              </text>
            </g>
          ))}
          {ticks.map((i) => {
            const p = points[i];
            if (!p) return null;
            const tx = x(times[i]!);
            return (
              <g key={`${i}`}>
                <line x1={tx} x2={tx} y1={top + plotH} y2={top + plotH + 4} stroke="var(--mantine-color-gray-5)" />
                <text x={tx} y={top + plotH + 16} textAnchor={i === 0 && points.length > 1 ? 'start' : i === points.length - 1 && points.length > 1 ? 'end' : 'middle'} fontSize={10} fill="var(--mantine-color-gray-6)">
                  {dayShort.format(new Date(times[i]!))}
                </text>
              </g>
            );
          })}
          {segments.map((d) => (
            <path key={d} d={d} fill="none" stroke="var(--mantine-color-indigo-6)" strokeWidth={2} strokeLinejoin="round" strokeLinecap="round" />
          ))}
          {points.map((p, i) =>
            p.score === null || p.score === undefined ? null : (
              <circle key={p.computedOn} cx={x(times[i]!)} cy={y(p.score)} r={points.length > 40 ? 2 : 3} fill="white" stroke={bandCssColor(p.band ?? bandOfScore(p.score), 7)} strokeWidth={1.5}>
                <title>{`${formatDay(p.computedOn)}: ${p.score} (${bandLabel(p.band ?? bandOfScore(p.score))})`}</title>
              </circle>
            ),
          )}
        </svg>
      )}
      {points.length === 0 && (
        <Text size="sm" c="dimmed">
          No snapshots yet.
        </Text>
      )}
    </Box>
  );
}
