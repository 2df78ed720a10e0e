import { Badge, type BadgeProps, type MantineColor } from '@mantine/core';
import { humanizeEnum } from './labels';

// One colour per status across applications, resellers, users, API keys, outbox messages and
// commissions (runs, lines, disputes).
const STATUS_COLORS: Record<string, MantineColor> = {
  SUBMITTED: 'blue',
  UNDER_REVIEW: 'yellow',
  APPROVED: 'green',
  ACTIVE: 'green',
  REJECTED: 'red',
  TERMINATED: 'red',
  WITHDRAWN: 'gray',
  SUSPENDED: 'orange',
  ONBOARDING: 'cyan',
  INVITED: 'blue',
  DISABLED: 'gray',
  REVOKED: 'gray',
  QUEUED: 'blue',
  CAPTURED: 'gray',
  SENT: 'green',
  FAILED: 'red',
  // Commission runs and lines: calculated → approved → paid; disputed lines wait for finance.
  RUNNING: 'yellow',
  COMPLETED: 'blue',
  CALCULATED: 'blue',
  PAID: 'teal',
  DISPUTED: 'orange',
  REVERSED: 'gray',
  CLOSED: 'dark',
  // Disputes and their resolutions.
  OPEN: 'orange',
  RESOLVED: 'gray',
  UPHELD: 'green',
  // Payment batches (draft → approved → exported → completed | cancelled) and their payments
  // (pending → exported → settled | failed).
  DRAFT: 'blue',
  EXPORTED: 'indigo',
  CANCELLED: 'gray',
  PENDING: 'gray',
  SETTLED: 'teal',
  // Partner alerts (open → acknowledged → resolved) and interventions (planned → in progress → done | cancelled).
  ACKNOWLEDGED: 'blue',
  PLANNED: 'blue',
  IN_PROGRESS: 'yellow',
  DONE: 'green',
  // Automation job runs (running → succeeded | failed).
  SUCCEEDED: 'green',
};

// A badge's label may ellipsize, so in a tight table column it would shrink to "SUBM…".
const NO_SHRINK = { minWidth: 'max-content' } as const;

type StatusBadgeProps = { status: string; size?: BadgeProps['size'] };

export function StatusBadge({ status, size }: StatusBadgeProps) {
  return (
    <Badge variant="light" color={STATUS_COLORS[status] ?? 'gray'} size={size} style={NO_SHRINK}>
      {humanizeEnum(status)}
    </Badge>
  );
}

// Partner tiers read like medals.
const TIER_COLORS: Record<string, MantineColor> = {
  BRONZE: 'orange',
  SILVER: 'gray',
  GOLD: 'yellow',
  PLATINUM: 'grape',
};

export function TierBadge({ tier, size }: { tier: string; size?: BadgeProps['size'] }) {
  return (
    <Badge variant="outline" color={TIER_COLORS[tier] ?? 'gray'} size={size} style={NO_SHRINK}>
      {humanizeEnum(tier)}
    </Badge>
  );
}
