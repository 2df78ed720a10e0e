import type { CommissionLineKind, CommissionLineStatus, CommissionLines_LineFragment } from '../../gql/graphql';
import { formatMoney, formatRate } from './format';

type Line = CommissionLines_LineFragment;

/** 'Customer', 'Cap', 'Adjustment for 2026-08'. */
export function kindLabel(line: Pick<Line, 'kind' | 'adjustmentForPeriod'>): string {
  const labels: Record<CommissionLineKind, string> = {
    CUSTOMER: 'Customer',
    CAP: 'Cap',
    ADJUSTMENT: line.adjustmentForPeriod ? `Adjustment for ${line.adjustmentForPeriod}` : 'Adjustment',
  };
  return labels[line.kind];
}

/** Who the line is about: the customer, or the monthly cap for the reseller-level CAP line. */
export function lineSubject(line: Pick<Line, 'kind' | 'customer'>): string {
  if (line.customer) return line.customer.name;
  return line.kind === 'CAP' ? 'Monthly cap' : 'All customers';
}

/** '12 % · Tier 2', 'Flat fee $25.00', or null when the line has neither. */
export function rateTierText(line: Pick<Line, 'rate' | 'tier' | 'fee'>): string | null {
  const parts: string[] = [];
  if (line.rate !== null) parts.push(formatRate(line.rate));
  if (line.tier !== null) parts.push(`Tier ${line.tier}`);
  if (line.fee) parts.push(`Flat fee ${formatMoney(line.fee)}`);
  return parts.length > 0 ? parts.join(' · ') : null;
}

const DISPUTABLE_STATUSES: readonly CommissionLineStatus[] = ['CALCULATED', 'APPROVED', 'PAID'];

/**
 * A partner disputes its own customer and adjustment lines (not the reseller-level cap) while
 * they are calculated, approved or paid, and not already under an open dispute.
 */
export function canDispute(line: Pick<Line, 'kind' | 'status' | 'dispute'>): boolean {
  return (
    (line.kind === 'CUSTOMER' || line.kind === 'ADJUSTMENT') &&
    DISPUTABLE_STATUSES.includes(line.status) &&
    line.dispute?.status !== 'OPEN'
  );
}

/** What each status means for the partner, in the period summary. */
export const STATUS_MEANINGS: Record<CommissionLineStatus, string> = {
  CALCULATED: 'waiting for the ISP’s approval',
  APPROVED: 'approved, paid in the next payment batch',
  PAID: 'paid to you',
  DISPUTED: 'on hold until your dispute is resolved',
  REVERSED: 'reversed, not payable',
};

/** The order statuses are listed in. */
export const STATUS_ORDER: readonly CommissionLineStatus[] = ['CALCULATED', 'APPROVED', 'PAID', 'DISPUTED', 'REVERSED'];

/** The api's messages come without a final period; add one so a following sentence reads well. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
