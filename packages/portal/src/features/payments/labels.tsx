import { Badge, type BadgeProps, type MantineColor } from '@mantine/core';
import type { BankAccountType, PaymentStatus } from '../../gql/graphql';
import { formatDay } from '../onboarding/labels';

/** How each payment status reads for the partner. */
const STATUS: Record<PaymentStatus, { label: string; color: MantineColor; meaning: string }> = {
  PENDING: { label: 'Scheduled', color: 'gray', meaning: 'approved by the ISP, sent to the bank with the next file' },
  EXPORTED: { label: 'On its way', color: 'blue', meaning: 'sent to the bank, credited on the effective date' },
  SETTLED: { label: 'Paid', color: 'teal', meaning: 'credited to your account' },
  FAILED: { label: 'Failed', color: 'red', meaning: 'returned by the bank; the lines are paid in a later payment' },
  // Partners are not shown these (myPayments and payment(id) leave cancelled batches out).
  CANCELLED: { label: 'Cancelled', color: 'gray', meaning: 'cancelled by the ISP before it was sent; the lines are paid in a later payment' },
};

export function paymentStatusLabel(status: PaymentStatus): string {
  return STATUS[status].label;
}

export function paymentStatusMeaning(status: PaymentStatus): string {
  return STATUS[status].meaning;
}

export function PaymentStatusBadge({ status, size }: { status: PaymentStatus; size?: BadgeProps['size'] }) {
  return (
    <Badge variant="light" color={STATUS[status].color} size={size} data-status={status}>
      {STATUS[status].label}
    </Badge>
  );
}

export const ACCOUNT_TYPE_LABELS: Record<BankAccountType, string> = {
  CHECKING: 'Checking',
  SAVINGS: 'Savings',
};

/** '•••• 1234': all of an account number the portal ever shows. */
export function maskedAccount(last4: string): string {
  return `•••• ${last4}`;
}

/** A calendar day (YYYY-MM-DD, e.g. the effective date) as 'Nov 3, 2026'; none → '—'. */
export function formatDayOrDash(day: string | null | undefined): string {
  return day ? formatDay(day) : '—';
}
