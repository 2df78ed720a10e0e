/**
 * Pure comparison of a period's expected lines (recomputed from billing records) with the stored
 * ones, by (reseller, customer, kind, adjusted period). Any difference of even one cent is reported.
 */
export interface ComparableLine {
  resellerId: string;
  customerId: string | null;
  kind: string;
  adjustmentForPeriod: string | null;
  amountCents: bigint;
}

export interface LineDiscrepancy {
  kind: 'MISSING_LINE' | 'EXTRA_LINE' | 'AMOUNT_DIFFERS';
  resellerId: string;
  customerId: string | null;
  expectedCents: bigint;
  storedCents: bigint;
  lineKind: string;
  adjustmentForPeriod: string | null;
}

function keyOf(line: ComparableLine): string {
  return [line.resellerId, line.customerId ?? '-', line.kind, line.adjustmentForPeriod ?? '-'].join('|');
}

function sumByKey(lines: ComparableLine[]): Map<string, { line: ComparableLine; cents: bigint }> {
  const map = new Map<string, { line: ComparableLine; cents: bigint }>();
  for (const line of lines) {
    const entry = map.get(keyOf(line)) ?? { line, cents: 0n };
    entry.cents += line.amountCents;
    map.set(keyOf(line), entry);
  }
  return map;
}

export function compareLines(expected: ComparableLine[], stored: ComparableLine[]): LineDiscrepancy[] {
  const want = sumByKey(expected);
  const have = sumByKey(stored);
  const result: LineDiscrepancy[] = [];
  for (const [key, { line, cents }] of want) {
    const found = have.get(key);
    const base = { resellerId: line.resellerId, customerId: line.customerId, lineKind: line.kind, adjustmentForPeriod: line.adjustmentForPeriod };
    if (!found) result.push({ kind: 'MISSING_LINE', ...base, expectedCents: cents, storedCents: 0n });
    else if (found.cents !== cents) result.push({ kind: 'AMOUNT_DIFFERS', ...base, expectedCents: cents, storedCents: found.cents });
  }
  for (const [key, { line, cents }] of have) {
    if (!want.has(key)) result.push({ kind: 'EXTRA_LINE', resellerId: line.resellerId, customerId: line.customerId, lineKind: line.kind, adjustmentForPeriod: line.adjustmentForPeriod, expectedCents: 0n, storedCents: cents });
  }
  return result;
}
