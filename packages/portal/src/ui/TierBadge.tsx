import { Badge, type MantineColor } from '@mantine/core';

const TIER_COLORS: Record<string, MantineColor> = {
  BRONZE: 'orange',
  SILVER: 'gray',
  GOLD: 'yellow',
  PLATINUM: 'violet',
};

/** A reseller's tier ('GOLD' → 'Gold tier'). */
export function TierBadge({ tier }: { tier: string }) {
  const label = tier.charAt(0) + tier.slice(1).toLowerCase();
  return (
    <Badge variant="outline" color={TIER_COLORS[tier] ?? 'gray'}>
      {label} tier
    </Badge>
  );
}
