import { Badge, type MantineColor } from '@mantine/core';

// One colour per status across applications, resellers, users, outbox messages, commission
// lines and disputes.
const STATUS_COLORS: Record<string, MantineColor> = {
  SUBMITTED: 'blue',
  UNDER_REVIEW: 'yellow',
  APPROVED: 'green',
  ACTIVE: 'green',
  REJECTED: 'red',
  TERMINATED: 'red',
  WITHDRAWN: 'gray',
  SUSPENDED: 'gray',
  ONBOARDING: 'cyan',
  INVITED: 'blue',
  DISABLED: 'gray',
  QUEUED: 'gray',
  SENT: 'green',
  FAILED: 'red',
  CALCULATED: 'blue',
  PAID: 'teal',
  DISPUTED: 'orange',
  REVERSED: 'gray',
  OPEN: 'orange',
  RESOLVED: 'gray',
};

/** 'UNDER_REVIEW' → 'Under review'. */
function statusLabel(status: string): string {
  const words = status.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function StatusBadge({ status }: { status: string }) {
  return (
    <Badge variant="light" color={STATUS_COLORS[status] ?? 'gray'}>
      {statusLabel(status)}
    </Badge>
  );
}
