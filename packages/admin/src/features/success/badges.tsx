import { Badge, type BadgeProps, Text, type TextProps } from '@mantine/core';
import type { AlertSeverity, HealthBand } from '../../gql/graphql';
import { humanizeEnum } from '../../ui/labels';
import { BAND_COLORS, BAND_RANGES, bandLabel, SEVERITY_COLORS } from './health';

const NO_SHRINK = { minWidth: 'max-content' } as const;

/** A health band in its colour (THRIVING green … CRITICAL red); "Not scored" without a score. */
export function BandBadge({ band, size, variant = 'light' }: { band: HealthBand | null | undefined; size?: BadgeProps['size']; variant?: BadgeProps['variant'] }) {
  if (!band) {
    return (
      <Badge variant="outline" color="gray" size={size} style={NO_SHRINK} data-testid="band-badge" data-band="NONE">
        Not scored
      </Badge>
    );
  }
  return (
    <Badge variant={variant} color={BAND_COLORS[band]} size={size} style={NO_SHRINK} title={`Score ${BAND_RANGES[band]}`} data-testid="band-badge" data-band={band}>
      {bandLabel(band)}
    </Badge>
  );
}

export function SeverityBadge({ severity, size }: { severity: AlertSeverity; size?: BadgeProps['size'] }) {
  return (
    <Badge variant={severity === 'CRITICAL' ? 'filled' : 'light'} color={SEVERITY_COLORS[severity]} size={size} style={NO_SHRINK} data-testid="severity-badge">
      {humanizeEnum(severity)}
    </Badge>
  );
}

/** "↑ 6", "↓ 12", "±0"; "—" without an older snapshot to compare with. */
export function ScoreChange({ change, suffix, ...props }: { change: number | null | undefined; suffix?: string } & TextProps) {
  if (change === null || change === undefined) {
    return (
      <Text component="span" size="sm" c="dimmed" title="No snapshot old enough to compare with" {...props}>
        —
      </Text>
    );
  }
  const color = change > 0 ? 'teal.7' : change < 0 ? 'red.7' : 'dimmed';
  const text = change > 0 ? `↑ ${change}` : change < 0 ? `↓ ${-change}` : '±0';
  return (
    <Text component="span" size="sm" fw={600} c={color} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }} data-testid="score-change" {...props}>
      {text}
      {suffix}
    </Text>
  );
}
