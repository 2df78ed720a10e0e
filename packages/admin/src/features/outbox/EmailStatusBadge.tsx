import { Tooltip, type BadgeProps } from '@mantine/core';
import type { EmailStatus } from '../../gql/graphql';
import { StatusBadge } from '../../ui';

/** The statuses an email can have, in the order the outbox filter lists them. */
export const EMAIL_STATUSES: EmailStatus[] = ['QUEUED', 'SENT', 'FAILED', 'CAPTURED'];

export const EMAIL_STATUS_HINTS: Record<EmailStatus, string> = {
  QUEUED: 'Waiting for the next delivery run (or its next retry)',
  SENT: 'Accepted by the mail server',
  FAILED: 'Gave up after its retries',
  CAPTURED: 'Captured in development: not sent',
};

/** QUEUED blue, SENT green, FAILED red, CAPTURED gray; CAPTURED explains itself on hover. */
export function EmailStatusBadge({ status, size }: { status: EmailStatus; size?: BadgeProps['size'] }) {
  const badge = (
    <span data-testid="email-status" data-status={status} style={{ display: 'inline-flex' }}>
      <StatusBadge status={status} size={size} />
    </span>
  );
  if (status !== 'CAPTURED') return badge;
  return (
    <Tooltip label={EMAIL_STATUS_HINTS.CAPTURED} withArrow>
      {badge}
    </Tooltip>
  );
}
