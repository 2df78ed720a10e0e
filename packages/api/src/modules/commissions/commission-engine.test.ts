import { describe, expect, it } from 'vitest';
import {
  CommissionPlanError,
  computeResellerCommission,
  type CustomerInput,
  type PlanTerms,
  type ResellerResult,
  type Tier,
  type TierMode,
} from './commission-engine.js';
import { allocateTieredAmount, apportionToTarget, marginalSlices, tieredResellerAmount, tierReached } from './tier-allocation.js';

// ---------------------------------------------------------------------------------------------
// Fixtures

let recordSequence = 0;

/** A customer with records given as [invoiceId, paidCents]; negative cents are refunds. */
function customer(id: string, records: [string, bigint][], isNewInPeriod = false): CustomerInput {
  return {
    customerId: id,
    customerName: `Customer ${id}`,
    isNewInPeriod,
    records: records.map(([invoiceId, paidCents]) => ({
      billingRecordId: `br-${++recordSequence}`,
      invoiceId,
      paidCents,
      paidDate: '2026-03-15',
    })),
  };
}

const base = { planVersionId: 'pv-1', planName: 'Partner plan', version: 3 };

function percentage(rateUnits: bigint, monthlyCapCents: bigint | null = null): PlanTerms {
  return { ...base, type: 'PERCENTAGE', rateUnits, monthlyCapCents };
}

function flatFee(perNewCustomerCents: bigint, perActiveCustomerCents: bigint, monthlyCapCents: bigint | null = null): PlanTerms {
  return { ...base, type: 'FLAT_FEE', perNewCustomerCents, perActiveCustomerCents, monthlyCapCents };
}

/** SPEC §4's example: [0, 10,000) at 10 %, [10,000, 50,000) at 12 %, 50,000 and above at 15 %. */
const SPEC_TIERS: Tier[] = [
  { fromCents: 0n, rateUnits: 1000n },
  { fromCents: 1_000_000n, rateUnits: 1200n },
  { fromCents: 5_000_000n, rateUnits: 1500n },
];

function tiered(tierMode: TierMode, tiers: Tier[] = SPEC_TIERS, monthlyCapCents: bigint | null = null): PlanTerms {
  return { ...base, type: 'TIERED', tiers, tierMode, monthlyCapCents };
}

const sum = (values: bigint[]) => values.reduce((total, value) => total + value, 0n);
const amounts = (result: ResellerResult) => result.lines.map((line) => line.amountCents);

/** The invariants every result must satisfy. */
function expectConsistent(result: ResellerResult) {
  expect(result.totalCents).toBe(sum(amounts(result)));
  expect(result.lines.filter((line) => line.kind === 'CAP').length).toBeLessThanOrEqual(1);
  for (const line of result.lines) {
    // traceData is JSON as is: no bigint left in it.
    expect(() => JSON.stringify(line.traceData)).not.toThrow();
    expect(line.traceData.planVersionId).toBe('pv-1');
    expect(line.traceData.amountCents).toBe(line.amountCents.toString());
  }
}

// ---------------------------------------------------------------------------------------------
// PERCENTAGE

describe('PERCENTAGE', () => {
  it.each<[string, bigint, [string, bigint][], bigint]>([
    ['12.5 % of $1,204.50 = 150.5625 → 150.56', 1250n, [['INV-88', 120450n]], 15056n],
    ['12 % of $1,204.50', 1200n, [['INV-88', 120450n]], 14454n],
    ['several payments are summed, then rounded once', 1000n, [['INV-1', 5n], ['INV-2', 10n]], 2n], // 1.5 → 2
    ['half a cent → even (0)', 1000n, [['INV-1', 5n]], 0n],
    ['1.5 cents → even (2)', 1000n, [['INV-1', 15n]], 2n],
    ['2.5 cents → even (2)', 1000n, [['INV-1', 25n]], 2n],
    ['refund of 1.5 cents → -2', 1000n, [['CN-1', -15n]], -2n],
    ['refund larger than revenue claws back', 1000n, [['INV-1', 10000n], ['CN-12', -25000n]], -1500n],
    ['refund cancelling the payment → 0 line', 1000n, [['INV-1', 10000n], ['CN-1', -10000n]], 0n],
    ['zero rate', 0n, [['INV-1', 10000n]], 0n],
    ['rate 1', 10000n, [['INV-1', 10001n]], 10001n],
  ])('%s', (_name, rateUnits, records, expected) => {
    const result = computeResellerCommission(percentage(rateUnits), [customer('c1', records)], 'USD');
    expectConsistent(result);
    expect(result.lines).toHaveLength(1);
    const [line] = result.lines;
    expect(line?.kind).toBe('CUSTOMER');
    expect(line?.customerId).toBe('c1');
    expect(line?.baseCents).toBe(sum(records.map(([, cents]) => cents)));
    expect(line?.rateUnits).toBe(rateUnits);
    expect(line?.feeCents).toBeNull();
    expect(line?.tierIndex).toBeNull();
    expect(line?.amountCents).toBe(expected);
    expect(result.totalCents).toBe(expected);
    expect(result.tierIndex).toBeNull();
  });

  it('one line per customer with records, in input order; none for a customer without records', () => {
    const result = computeResellerCommission(
      percentage(1250n),
      [customer('a', [['INV-1', 120450n]]), customer('b', []), customer('c', [['INV-2', 4n]])],
      'USD',
    );
    expectConsistent(result);
    expect(result.lines.map((line) => line.customerId)).toEqual(['a', 'c']);
    expect(amounts(result)).toEqual([15056n, 0n]); // 4 × 12.5 % = 0.5 → 0
    expect(result.revenueCents).toBe(120454n);
    expect(result.totalCents).toBe(15056n);
  });

  it('rounds per line, so the total is the sum of the rounded lines', () => {
    // Three customers of 5 cents at 10 %: 0.5 → 0 each, although 15 cents at 10 % would be 2.
    const result = computeResellerCommission(
      percentage(1000n),
      ['a', 'b', 'c'].map((id) => customer(id, [[`INV-${id}`, 5n]])),
      'USD',
    );
    expect(amounts(result)).toEqual([0n, 0n, 0n]);
    expect(result.totalCents).toBe(0n);
  });

  it('traces the rate, the amount and the invoice', () => {
    const result = computeResellerCommission(percentage(1250n), [customer('c1', [['INV-88', 120450n]])], 'USD');
    expect(result.lines[0]?.trace).toBe('12.5 % of $1,204.50 paid on invoice INV-88 = $150.56');
    expect(result.lines[0]?.traceData).toMatchObject({
      planVersionId: 'pv-1',
      version: 3,
      type: 'PERCENTAGE',
      baseCents: '120450',
      rateUnits: '1250',
      tierIndex: null,
      tierMode: null,
      invoiceIds: ['INV-88'],
      amountCents: '15056',
    });
    expect((result.lines[0]?.traceData.sourceRecordIds as string[]).length).toBe(1);
  });

  it('describes refunds as such and marks a clawback', () => {
    const result = computeResellerCommission(
      percentage(1000n),
      [customer('c1', [['INV-1', 10000n], ['CN-12', -25000n]]), customer('c2', [['CN-13', -30000n]])],
      'USD',
    );
    expect(result.lines[0]?.trace).toBe(
      '10 % of -$150.00 ($100.00 paid on invoice INV-1; refund of $250.00 on CN-12) = -$15.00 (clawback)',
    );
    expect(result.lines[1]?.trace).toBe('10 % of -$300.00 (refund of $300.00 on CN-13) = -$30.00 (clawback)');
    const sourceRecordIds = result.lines[0]?.traceData.sourceRecordIds as string[];
    expect(result.lines[0]?.traceData.refundRecordIds).toEqual([sourceRecordIds[1]]);
    expect(result.totalCents).toBe(-4500n);
  });

  it('lists up to five invoice ids, then "and N more"', () => {
    const records: [string, bigint][] = Array.from({ length: 7 }, (_, i) => [`INV-${i + 1}`, 10000n]);
    records.push(['CN-1', -100n], ['CN-2', -100n]);
    const result = computeResellerCommission(percentage(1000n), [customer('c1', records)], 'EUR');
    expect(result.lines[0]?.trace).toBe(
      '10 % of €698.00 (€700.00 paid on invoices INV-1, INV-2, INV-3, INV-4, INV-5 and 2 more; refunds of €2.00 on CN-1, CN-2) = €69.80',
    );
    expect(result.lines[0]?.traceData.invoiceIds).toHaveLength(9);
  });

  it('rejects a missing or out-of-range rate', () => {
    expect(() => computeResellerCommission({ ...base, type: 'PERCENTAGE' }, [], 'USD')).toThrow(CommissionPlanError);
    expect(() => computeResellerCommission(percentage(10001n), [], 'USD')).toThrow(CommissionPlanError);
    expect(() => computeResellerCommission(percentage(-1n), [], 'USD')).toThrow(CommissionPlanError);
  });
});

// ---------------------------------------------------------------------------------------------
// FLAT_FEE

describe('FLAT_FEE', () => {
  it.each<[string, PlanTerms, CustomerInput, bigint | null]>([
    ['new and active: both fees', flatFee(5000n, 1000n), customer('c', [['INV-1', 100n]], true), 6000n],
    ['active only', flatFee(5000n, 1000n), customer('c', [['INV-1', 100n]]), 1000n],
    ['new, refunded to zero: new fee only', flatFee(5000n, 1000n), customer('c', [['INV-1', 100n], ['CN-1', -100n]], true), 5000n],
    ['not new, net negative: a 0 line', flatFee(5000n, 1000n), customer('c', [['CN-1', -100n]]), 0n],
    ['not new, no records: no line', flatFee(5000n, 1000n), customer('c', []), null],
    ['new without records: the flag is trusted', flatFee(5000n, 1000n), customer('c', [], true), 5000n],
    ['new fee 0 on the plan', flatFee(0n, 1000n), customer('c', [['INV-1', 1n]], true), 1000n],
    ['active fee 0 on the plan', flatFee(5000n, 0n), customer('c', [['INV-1', 100n]]), 0n],
    ['missing fees count as 0', { ...base, type: 'FLAT_FEE', perActiveCustomerCents: 700n }, customer('c', [['INV-1', 1n]], true), 700n],
  ])('%s', (_name, plan, input, expected) => {
    const result = computeResellerCommission(plan, [input], 'USD');
    expectConsistent(result);
    if (expected === null) {
      expect(result.lines).toEqual([]);
      return;
    }
    expect(result.lines).toHaveLength(1);
    expect(result.lines[0]?.feeCents).toBe(expected);
    expect(result.lines[0]?.amountCents).toBe(expected);
    expect(result.lines[0]?.rateUnits).toBeNull();
    expect(result.totalCents).toBe(expected);
  });

  it('traces the fees that applied and why the others did not', () => {
    const result = computeResellerCommission(
      flatFee(5000n, 1000n),
      [
        customer('a', [['INV-1', 120450n]], true),
        customer('b', [['INV-2', 100n]]),
        customer('c', [['INV-3', 100n], ['CN-3', -300n]]),
        customer('d', [], true),
        customer('e', []),
      ],
      'USD',
    );
    expectConsistent(result);
    expect(result.lines.map((line) => line.trace)).toEqual([
      'New customer fee $50.00 + active customer fee $10.00 — $1,204.50 paid on invoice INV-1 = $60.00',
      'Active customer fee $10.00 (not a new customer in this period) — $1.00 paid on invoice INV-2 = $10.00',
      'No fee (not a new customer in this period; no positive revenue in this period) — -$2.00 ($1.00 paid on invoice INV-3; refund of $3.00 on CN-3) = $0.00',
      'New customer fee $50.00 (no positive revenue in this period) = $50.00',
    ]);
    expect(result.totalCents).toBe(12000n);
    expect(result.lines[0]?.traceData).toMatchObject({ type: 'FLAT_FEE', feeCents: '6000', newCustomerFeeCents: '5000', activeCustomerFeeCents: '1000', isNewInPeriod: true });
  });

  it('rejects negative fees', () => {
    expect(() => computeResellerCommission(flatFee(-1n, 0n), [], 'USD')).toThrow(CommissionPlanError);
  });
});

// ---------------------------------------------------------------------------------------------
// TIERED

describe('tier math', () => {
  it.each<[bigint, number]>([
    [-500n, 0],
    [0n, 0],
    [999_999n, 0], // $9,999.99
    [1_000_000n, 1], // $10,000.00: a boundary amount belongs to the higher tier
    [1_000_001n, 1], // $10,000.01
    [4_999_999n, 1],
    [5_000_000n, 2],
    [10n ** 15n, 2],
  ])('revenue %s reaches tier %s', (revenue, index) => {
    expect(tierReached(SPEC_TIERS, revenue)).toBe(index);
  });

  it.each<[string, bigint, number, bigint, bigint]>([
    // name, reseller revenue, tier reached, WHOLE amount, MARGINAL amount (hand computed)
    ['zero', 0n, 0, 0n, 0n],
    ['$9,999.99: 10 % = 999.999 → $1,000.00', 999_999n, 0, 100_000n, 100_000n],
    ['$10,000.00: tier 2; WHOLE 12 %, MARGINAL all in tier 1', 1_000_000n, 1, 120_000n, 100_000n],
    ['$10,000.01: WHOLE 1,200.0012 → 1,200.00; MARGINAL 1,000.0012 → 1,000.00', 1_000_001n, 1, 120_000n, 100_000n],
    ['$10,004.17: WHOLE 1,200.5004 → 1,200.50; MARGINAL 1,000.5004 → 1,000.50', 1_000_417n, 1, 120_050n, 100_050n],
    ['$49,999.99', 4_999_999n, 1, 600_000n, 580_000n], // 5,999.9988 → 6,000.00; 1,000 + 4,799.9988 → 5,800.00
    ['$50,000.00: tier 3', 5_000_000n, 2, 750_000n, 580_000n],
    ['$60,000.00', 6_000_000n, 2, 900_000n, 730_000n], // 1,000 + 4,800 + 1,500
    ['net refunds: first tier rate', -123_455n, 0, -12_346n, -12_346n], // -12,345.5 → -12,346 (even)
    ['net refunds, half to even', -123_445n, 0, -12_344n, -12_344n], // -12,344.5 → -12,344
  ])('%s', (_name, revenue, tierIndex, whole, marginal) => {
    const wholeResult = tieredResellerAmount(SPEC_TIERS, 'WHOLE', revenue);
    expect(wholeResult.tierIndex).toBe(tierIndex);
    expect(wholeResult.amountCents).toBe(whole);
    const marginalResult = tieredResellerAmount(SPEC_TIERS, 'MARGINAL', revenue);
    expect(marginalResult.tierIndex).toBe(tierIndex);
    expect(marginalResult.amountCents).toBe(marginal);
    expect(marginalResult.rateUnits).toBe(revenue <= 0n ? 1000n : null);
  });

  it('MARGINAL rounds once at the reseller level, not per slice', () => {
    // Slices: 100 × 12.5 % = 12.5 and 4 × 10 % = 0.4. Per slice: 12 + 0 = 12; once: 12.9 → 13.
    const tiers: Tier[] = [
      { fromCents: 0n, rateUnits: 1250n },
      { fromCents: 100n, rateUnits: 1000n },
    ];
    expect(marginalSlices(tiers, 104n).map((slice) => slice.sliceCents)).toEqual([100n, 4n]);
    expect(tieredResellerAmount(tiers, 'MARGINAL', 104n).amountCents).toBe(13n);
  });

  it.each<[string, Tier[]]>([
    ['empty', []],
    ['first tier not at 0', [{ fromCents: 1n, rateUnits: 1000n }]],
    ['not ascending', [{ fromCents: 0n, rateUnits: 1000n }, { fromCents: 0n, rateUnits: 1200n }]],
    ['rate above 1', [{ fromCents: 0n, rateUnits: 10001n }]],
  ])('rejects tiers: %s', (_name, tiers) => {
    expect(() => tieredResellerAmount(tiers, 'WHOLE', 1n)).toThrow(CommissionPlanError);
  });

  it('apportions exact quotas to a target', () => {
    // Quotas 0.5, 0.5, -1.5 (10 % of 5, 5, -15 cents) to a target of 0: floors 0, 0, -2, two cents left.
    expect(apportionToTarget(0n, [5000n, 5000n, -15000n], 10000n)).toEqual([1n, 1n, -2n]);
    expect(allocateTieredAmount(0n, [5n, 5n, -15n], 1000n)).toEqual({ parts: [1n, 1n, -2n], method: 'FIRST_TIER_RATE_BY_REVENUE' });
  });
});

describe('TIERED', () => {
  it.each<[TierMode, bigint, number, bigint | null]>([
    ['WHOLE', 999_999n, 0, 1000n],
    ['WHOLE', 1_000_000n, 1, 1200n],
    ['WHOLE', 1_000_001n, 1, 1200n],
    ['MARGINAL', 999_999n, 0, null],
    ['MARGINAL', 1_000_000n, 1, null],
    ['MARGINAL', 1_000_001n, 1, null],
  ])('%s at revenue %s reaches tier %s', (mode, revenue, tierIndex, rateUnits) => {
    // Split the revenue over two customers; the lines must sum to the reseller amount.
    const result = computeResellerCommission(
      tiered(mode),
      [customer('a', [['INV-1', revenue - 400_000n]]), customer('b', [['INV-2', 400_000n]])],
      'USD',
    );
    expectConsistent(result);
    expect(result.revenueCents).toBe(revenue);
    expect(result.tierIndex).toBe(tierIndex);
    expect(result.totalCents).toBe(tieredResellerAmount(SPEC_TIERS, mode, revenue).amountCents);
    for (const line of result.lines) {
      expect(line.tierIndex).toBe(tierIndex);
      expect(line.rateUnits).toBe(rateUnits);
    }
  });

  it('WHOLE and MARGINAL on the same data (hand computed, with a customer refunded beyond revenue)', () => {
    // R = 12,345.67 + 3,000.05 − 345.72 = $15,000.00 → tier 2.
    const customers = [
      customer('a', [['INV-1', 1_000_000n], ['INV-2', 234_567n]]),
      customer('b', [['INV-3', 300_005n]]),
      customer('c', [['INV-4', 5_428n], ['CN-4', -40_000n]]),
      customer('d', []),
    ];
    // WHOLE: 12 % × 15,000.00 = 1,800.00. Quotas 1,481.4804 / 360.006 / −41.4864 →
    // floors 148,148 / 36,000 / −4,149 (sum 179,999); the cent left goes to b (remainder .6).
    const whole = computeResellerCommission(tiered('WHOLE'), customers, 'USD');
    expectConsistent(whole);
    expect(whole.tierIndex).toBe(1);
    expect(whole.revenueCents).toBe(1_500_000n);
    expect(whole.lines.map((line) => line.customerId)).toEqual(['a', 'b', 'c']);
    expect(amounts(whole)).toEqual([148_148n, 36_001n, -4_149n]);
    expect(whole.totalCents).toBe(180_000n);
    // MARGINAL: 10 % × 10,000 + 12 % × 5,000 = 1,600.00. Quotas 1,316.871467 / 320.005333 / −36.8768
    // → floors 131,687 / 32,000 / −3,688 (sum 159,999); the cent left goes to b (remainder .5333).
    const marginal = computeResellerCommission(tiered('MARGINAL'), customers, 'USD');
    expectConsistent(marginal);
    expect(marginal.tierIndex).toBe(1);
    expect(amounts(marginal)).toEqual([131_687n, 32_001n, -3_688n]);
    expect(marginal.totalCents).toBe(160_000n);

    expect(whole.lines[0]?.trace).toBe(
      '12 % of $12,345.67 paid on invoices INV-1, INV-2 — tier 2 reached at $10,000.00 on reseller revenue $15,000.00; ' +
        'reseller commission $1,800.00, split by revenue share = $1,481.48',
    );
    expect(marginal.lines[2]?.trace).toBe(
      '-$345.72 ($54.28 paid on invoice INV-4; refund of $400.00 on CN-4) — marginal tiers on reseller revenue $15,000.00: ' +
        '10 % of $10,000.00 + 12 % of $5,000.00 = $1,600.00 (tier 2 reached at $10,000.00), split by revenue share = -$36.88 (clawback)',
    );
    expect(marginal.lines[0]?.traceData).toMatchObject({
      type: 'TIERED',
      tierMode: 'MARGINAL',
      tierIndex: 1,
      rateUnits: null,
      tierFromCents: '1000000',
      resellerRevenueCents: '1500000',
      resellerAmountCents: '160000',
      allocation: 'LARGEST_REMAINDER_BY_REVENUE',
      slices: [
        { tierIndex: 0, fromCents: '0', toCents: '1000000', sliceCents: '1000000', rateUnits: '1000' },
        { tierIndex: 1, fromCents: '1000000', toCents: '5000000', sliceCents: '500000', rateUnits: '1200' },
      ],
    });
  });

  it.each<[string, [string, bigint][][], bigint[], bigint]>([
    ['zero revenue, no records', [[]], [], 0n],
    ['zero revenue with records', [[['INV-1', 0n]]], [0n], 0n],
    // R = 0: each customer shows 10 % of their own revenue, netting to 0.
    ['zero net revenue, mixed customers', [[['INV-1', 10_000n]], [['CN-1', -10_000n]]], [1_000n, -1_000n], 0n],
    // R = −$1,000.00 → −$100.00 at the first tier's 10 %, split by revenue.
    ['net refunds', [[['INV-1', 50_000n]], [['CN-1', -150_000n]]], [5_000n, -15_000n], -10_000n],
    // R = −5 cents → −0.5 → 0; quotas 0.5, 0.5, −1.5 apportioned to 0.
    ['net refunds rounding to 0', [[['INV-1', 5n]], [['INV-2', 5n]], [['CN-1', -15n]]], [1n, 1n, -2n], 0n],
  ])('revenue ≤ 0 uses the first tier: %s', (_name, recordSets, expected, total) => {
    for (const mode of ['WHOLE', 'MARGINAL'] as const) {
      const result = computeResellerCommission(
        tiered(mode),
        recordSets.map((records, index) => customer(`c${index}`, records)),
        'USD',
      );
      expectConsistent(result);
      expect(result.tierIndex).toBe(0);
      expect(amounts(result)).toEqual(expected);
      expect(result.totalCents).toBe(total);
      for (const line of result.lines) {
        expect(line.rateUnits).toBe(1000n);
        expect(line.trace).toContain('zero or less');
      }
    }
  });

  it('rejects a plan without tierMode or tiers', () => {
    expect(() => computeResellerCommission({ ...base, type: 'TIERED', tiers: SPEC_TIERS }, [], 'USD')).toThrow(CommissionPlanError);
    expect(() => computeResellerCommission({ ...base, type: 'TIERED', tierMode: 'WHOLE' }, [], 'USD')).toThrow(CommissionPlanError);
  });
});

// ---------------------------------------------------------------------------------------------
// Monthly cap

describe('monthly cap', () => {
  const customers = [customer('a', [['INV-1', 6_000_000n]]), customer('b', [['INV-2', 234_560n]])];

  it.each<[string, PlanTerms, bigint[], bigint]>([
    // 10 % of $60,000.00 + 10 % of $2,345.60 = 6,234.56 > 5,000.00 → CAP line −1,234.56.
    ['hit', percentage(1000n, 500_000n), [600_000n, 23_456n, -123_456n], 500_000n],
    ['exactly at the cap: no CAP line', percentage(1000n, 623_456n), [600_000n, 23_456n], 623_456n],
    ['under the cap', percentage(1000n, 1_000_000n), [600_000n, 23_456n], 623_456n],
    ['no cap', percentage(1000n, null), [600_000n, 23_456n], 623_456n],
    ['cap of zero', percentage(1000n, 0n), [600_000n, 23_456n, -623_456n], 0n],
    // TIERED WHOLE: R = 62,345.60 → 15 % = 9,351.84; split 9,000.00 / 351.84; cap 5,000.00.
    ['hit on a tiered plan', tiered('WHOLE', SPEC_TIERS, 500_000n), [900_000n, 35_184n, -435_184n], 500_000n],
    ['flat fees hit the cap', flatFee(5000n, 1000n, 1500n), [1000n, 1000n, -500n], 1500n],
  ])('%s', (_name, plan, expected, total) => {
    const result = computeResellerCommission(plan, customers, 'USD');
    expectConsistent(result);
    expect(amounts(result)).toEqual(expected);
    expect(result.totalCents).toBe(total);
  });

  it('is one reseller-level line with a trace', () => {
    const result = computeResellerCommission(percentage(1000n, 500_000n), customers, 'USD');
    const cap = result.lines.at(-1);
    expect(cap).toMatchObject({ kind: 'CAP', customerId: null, baseCents: 623_456n, rateUnits: null, feeCents: null, tierIndex: null, amountCents: -123_456n });
    expect(cap?.trace).toBe('Monthly cap of $5,000.00 reached: $1,234.56 not paid (total before cap $6,234.56)');
    expect(cap?.traceData).toMatchObject({ kind: 'CAP', capCents: '500000', totalBeforeCapCents: '623456', amountCents: '-123456' });
  });

  it('leaves a net clawback alone', () => {
    const result = computeResellerCommission(percentage(1000n, 0n), [customer('a', [['CN-1', -1000n]])], 'USD');
    expect(amounts(result)).toEqual([-100n]);
  });

  it('rejects a negative cap', () => {
    expect(() => computeResellerCommission(percentage(1000n, -1n), customers, 'USD')).toThrow(CommissionPlanError);
  });
});

describe('input checks', () => {
  it('rejects a customer listed twice', () => {
    expect(() => computeResellerCommission(percentage(1000n), [customer('a', []), customer('a', [])], 'USD')).toThrow(CommissionPlanError);
  });
});

// ---------------------------------------------------------------------------------------------
// Property-style: invariants over many random inputs (seeded, reproducible)

/** mulberry32: a small seeded PRNG; it only picks sizes and digits, money stays bigint. */
function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const bigint = (min: bigint, max: bigint): bigint => {
    const span = max - min + 1n;
    const value = (BigInt(int(0, 2 ** 31)) << 31n) + BigInt(int(0, 2 ** 31));
    return min + (value % span);
  };
  return { next, int, bigint };
}

describe('invariants over random inputs', () => {
  const random = prng(20260301);

  function randomTiers(): Tier[] {
    const tiers: Tier[] = [{ fromCents: 0n, rateUnits: random.bigint(0n, 10000n) }];
    let from = 0n;
    for (let i = random.int(0, 4); i > 0; i--) {
      from += random.bigint(1n, 3_000_000n);
      tiers.push({ fromCents: from, rateUnits: random.bigint(0n, 10000n) });
    }
    return tiers;
  }

  function randomCustomers(): CustomerInput[] {
    return Array.from({ length: random.int(0, 8) }, (_, index) => {
      const records: [string, bigint][] = Array.from({ length: random.int(0, 4) }, (_, r) => {
        const refund = random.next() < 0.25;
        const cents = random.next() < 0.3 ? random.bigint(0n, 100n) : random.bigint(0n, 5_000_000n);
        return [refund ? `CN-${index}-${r}` : `INV-${index}-${r}`, refund ? -cents : cents];
      });
      return customer(`c${index}`, records, random.next() < 0.3);
    });
  }

  function randomPlan(): PlanTerms {
    const cap = random.next() < 0.3 ? random.bigint(0n, 500_000n) : null;
    switch (random.int(0, 2)) {
      case 0:
        return percentage(random.bigint(0n, 10000n), cap);
      case 1:
        return flatFee(random.bigint(0n, 10000n), random.bigint(0n, 10000n), cap);
      default:
        return tiered(random.next() < 0.5 ? 'WHOLE' : 'MARGINAL', randomTiers(), cap);
    }
  }

  it('lines always sum to the total; TIERED lines to the reseller amount; the cap holds (2,000 cases)', () => {
    let tieredCases = 0;
    let capped = 0;
    for (let i = 0; i < 2000; i++) {
      const plan = randomPlan();
      const customers = randomCustomers();
      const result = computeResellerCommission(plan, customers, 'USD');
      expectConsistent(result);
      const revenue = sum(customers.flatMap((c) => c.records.map((r) => r.paidCents)));
      expect(result.revenueCents).toBe(revenue);
      const customerLines = result.lines.filter((line) => line.kind === 'CUSTOMER');
      const beforeCap = sum(customerLines.map((line) => line.amountCents));
      const cap = plan.monthlyCapCents ?? null;
      if (cap !== null && beforeCap > cap) {
        capped++;
        expect(result.totalCents).toBe(cap);
        expect(result.lines.at(-1)?.kind).toBe('CAP');
      } else {
        expect(result.totalCents).toBe(beforeCap);
        expect(customerLines).toHaveLength(result.lines.length);
      }
      if (plan.type === 'TIERED') {
        tieredCases++;
        const reseller = tieredResellerAmount(plan.tiers ?? [], plan.tierMode ?? 'WHOLE', revenue);
        expect(beforeCap).toBe(reseller.amountCents);
        expect(result.tierIndex).toBe(reseller.tierIndex);
        // Each line is within one cent of its exact share.
        customerLines.forEach((line) => {
          if (revenue > 0n) {
            const gap = line.amountCents * revenue - reseller.amountCents * line.baseCents;
            expect((gap < 0n ? -gap : gap) < revenue).toBe(true);
          } else {
            const rate = plan.tiers?.[0]?.rateUnits ?? 0n;
            const gap = line.amountCents * 10000n - line.baseCents * rate;
            expect((gap < 0n ? -gap : gap) <= 10000n).toBe(true);
          }
        });
      }
      if (plan.type === 'PERCENTAGE') {
        const rate = plan.rateUnits ?? 0n;
        customerLines.forEach((line) => {
          const gap = line.amountCents * 10000n - line.baseCents * rate;
          expect(2n * (gap < 0n ? -gap : gap) <= 10000n).toBe(true);
        });
      }
    }
    expect(tieredCases).toBeGreaterThan(300);
    expect(capped).toBeGreaterThan(50);
  });

  it('TIERED with revenue ≤ 0: lines sum to the first-tier amount (1,000 cases)', () => {
    for (let i = 0; i < 1000; i++) {
      const tiers = randomTiers();
      const weights = Array.from({ length: random.int(1, 8) }, () => random.bigint(-2_000_000n, 1_000_000n));
      const revenue = sum(weights);
      const amount = tieredResellerAmount(tiers, 'WHOLE', revenue).amountCents;
      const firstRate = tiers[0]?.rateUnits ?? 0n;
      if (revenue > 0n) continue;
      const { parts, method } = allocateTieredAmount(amount, weights, firstRate);
      expect(method).toBe('FIRST_TIER_RATE_BY_REVENUE');
      expect(sum(parts)).toBe(amount);
    }
  });
});
