import { MoneyFormatError, parseMoney } from '@reseller-hub/shared-schema/money';
import type { CommissionLineKind } from '../../gql/graphql';

type Money = { amount: string; currency: string };

/**
 * The sum of a statement's lines in cents, computed exactly (bigint, through the shared money
 * helpers), to check it against the payment's amount: null when a line's amount cannot be read or
 * the lines mix currencies. The page shows the api's amount; this only catches a mismatch.
 */
export function sumOfLines(lines: readonly { amount: Money }[], currency: string): bigint | null {
  let sum = 0n;
  for (const line of lines) {
    if (line.amount.currency !== currency) return null;
    try {
      sum += parseMoney(line.amount.amount);
    } catch (error) {
      if (error instanceof MoneyFormatError) return null;
      throw error;
    }
  }
  return sum;
}

/** True when the lines add up exactly to the payment's amount. */
export function linesMatchAmount(lines: readonly { amount: Money }[], amount: Money): boolean {
  const sum = sumOfLines(lines, amount.currency);
  if (sum === null) return false;
  try {
    return sum === parseMoney(amount.amount);
  } catch {
    return false;
  }
}

const KIND_ORDER: Record<CommissionLineKind, number> = { CUSTOMER: 0, ADJUSTMENT: 1, CAP: 2 };

type SortableLine = { id: string; period: string; kind: CommissionLineKind; customer?: { name: string } | null };

/** Oldest period first; within a period customer lines by name, then adjustments, then the cap. */
export function sortStatementLines<T extends SortableLine>(lines: readonly T[]): T[] {
  return [...lines].sort(
    (a, b) =>
      a.period.localeCompare(b.period) ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      (a.customer?.name ?? '').localeCompare(b.customer?.name ?? '') ||
      a.id.localeCompare(b.id),
  );
}
