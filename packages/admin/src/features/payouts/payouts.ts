import { CombinedGraphQLErrors } from '@apollo/client/errors';
import type { PaymentBatchStatus } from '../../gql/graphql';
import { formatNumber } from '../../ui';
import type { Viewer } from '../viewer/viewer';

// Pure helpers of the payout pages: labels, the four-eyes check, the CONFLICT's skipped list.

/** Why a reseller with payable lines is not in a batch (SkippedPayout.reason). */
export function skipReasonLabel(reason: string): string {
  switch (reason) {
    case 'BELOW_MINIMUM':
      return 'below minimum payout, carried over';
    case 'NO_VERIFIED_ACCOUNT':
      return 'bank details not verified';
    case 'OVER_ACH_ENTRY_LIMIT':
      return 'over the ACH entry limit ($99,999,999.99), pay by other means';
    default:
      return reason.toLowerCase().replaceAll('_', ' ');
  }
}

export const BATCH_STATUSES: readonly PaymentBatchStatus[] = ['DRAFT', 'APPROVED', 'EXPORTED', 'COMPLETED', 'CANCELLED'];

/**
 * Whether the signed-in person drafted the batch. The api records the creator's label (a user's
 * email, or "API key <name>") and exposes no creator id, so this compares labels; the api's
 * FORBIDDEN answer stays the authority, the console only explains it in advance.
 */
export function isBatchCreator(viewer: Viewer, createdByLabel: string): boolean {
  const label = createdByLabel.trim().toLowerCase();
  return viewer.user !== null && viewer.user !== undefined && viewer.user.email.toLowerCase() === label;
}

/** A skipped reseller as the CONFLICT "Nothing to pay" lists it in `extensions.skipped`. */
export type ConflictSkipped = { code: string; amount: string; reason: string; name?: string };

/** `extensions.skipped` of createPaymentBatch's CONFLICT (empty when there is none). */
export function skippedOfError(error: unknown): ConflictSkipped[] {
  if (!CombinedGraphQLErrors.is(error)) return [];
  const result: ConflictSkipped[] = [];
  for (const e of error.errors) {
    const skipped = e.extensions?.['skipped'];
    if (!Array.isArray(skipped)) continue;
    for (const item of skipped as unknown[]) {
      if (typeof item !== 'object' || item === null) continue;
      const record = item as Record<string, unknown>;
      result.push({
        code: typeof record['code'] === 'string' ? record['code'] : '—',
        amount: typeof record['amount'] === 'string' ? record['amount'] : String(record['amount'] ?? ''),
        reason: typeof record['reason'] === 'string' ? record['reason'] : '',
        ...(typeof record['name'] === 'string' ? { name: record['name'] } : {}),
      });
    }
  }
  return result;
}

/** 12,345 bytes → "12,345 bytes (12.1 KB)": the exact size is what a bank portal shows. */
export function formatByteSize(bytes: number): string {
  const exact = `${formatNumber(bytes)} byte${bytes === 1 ? '' : 's'}`;
  if (bytes < 1024) return exact;
  const kb = bytes / 1024;
  return `${exact} (${kb < 1024 ? `${kb.toFixed(1)} KB` : `${(kb / 1024).toFixed(1)} MB`})`;
}

/** "ACH return codes" the bank sends back most often, offered when a payment failed. */
export const RETURN_REASONS = [
  'R01 Insufficient funds',
  'R02 Account closed',
  'R03 No account / unable to locate account',
  'R04 Invalid account number',
  'R16 Account frozen',
  'R20 Non-transaction account',
  'R29 Corporate customer advises not authorized',
];

/** "2026-11-27" → "Nov 27, 2026" (a bank date, no time zone shift). */
export function formatBankDate(value: string | null | undefined): string {
  if (!value) return '—';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return value;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}
