import { describe, expect, it } from 'vitest';
import { compareLines, type ComparableLine } from './reconciliation.js';

const line = (resellerId: string, customerId: string | null, amountCents: bigint, kind = 'CUSTOMER', adjustmentForPeriod: string | null = null): ComparableLine => ({ resellerId, customerId, kind, adjustmentForPeriod, amountCents });

describe('compareLines', () => {
  it('finds nothing when every line matches to the cent', () => {
    expect(compareLines([line('r1', 'c1', 1000n), line('r1', null, -50n, 'CAP')], [line('r1', null, -50n, 'CAP'), line('r1', 'c1', 1000n)])).toEqual([]);
  });

  it('reports missing, extra and one-cent differences', () => {
    const result = compareLines([line('r1', 'c1', 1000n), line('r1', 'c2', 500n), line('r2', 'c3', 99n, 'ADJUSTMENT', '2026-01')], [line('r1', 'c1', 1001n), line('r2', 'c4', 7n), line('r2', 'c3', 99n, 'ADJUSTMENT', '2026-02')]);
    expect(result.map((d) => `${d.kind}:${d.customerId}:${d.expectedCents}:${d.storedCents}`).sort()).toEqual(
      ['AMOUNT_DIFFERS:c1:1000:1001', 'MISSING_LINE:c2:500:0', 'MISSING_LINE:c3:99:0', 'EXTRA_LINE:c4:0:7', 'EXTRA_LINE:c3:0:99'].sort(),
    );
  });
});
