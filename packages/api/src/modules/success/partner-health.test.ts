import { describe, expect, it } from 'vitest';
import { ALERT_RULES, firingRules, type AlertInput } from './alert-rules.js';
import { bandOf, HealthBand, PARTNER_HEALTH_WEIGHTS, partnerHealth, partnerHealthComponents, slope, type PartnerHealthInput } from './partner-health.js';

const base: PartnerHealthInput = {
  revenueTargetCents: 2_500_000n,
  newCustomersTarget: 5,
  monthlyRevenueCents: [2_500_000n, 2_500_000n, 2_500_000n, 2_500_000n, 2_500_000n, 2_500_000n, 2_500_000n],
  newCustomers30d: 5,
  newCustomers90d: 15,
  customersAtWindowStart: 40,
  churned90d: 0,
  portalLoginDays30d: 8,
  onboardingCompletionPercent: 100,
  daysSinceLastInteraction: 3,
  openDisputes: 0,
  overdueOnboardingTasks: 0,
  complaints90d: 0,
  customerCount: 40,
  customersWithCompleteData: 40,
  latestSurveyRating: 5,
};
const component = (input: Partial<PartnerHealthInput>, key: string) => partnerHealthComponents({ ...base, ...input }).find((c) => c.key === key)!.score;

describe('partner health components', () => {
  it('weights are SPEC §5’s and sum to 100; on target everywhere with flat revenue scores 93', () => {
    expect(PARTNER_HEALTH_WEIGHTS).toEqual({ revenuePerformance: 25, customerAcquisition: 20, customerRetention: 20, growthTrajectory: 15, engagementLevel: 10, operationalExcellence: 5, partnerSatisfaction: 5 });
    // flat revenue is a growth of 50: (10000 − 15 × 50) / 100 = 92.5 → 93
    expect(partnerHealth(base)).toMatchObject({ score: 93, band: 'THRIVING' });
  });

  it.each([
    // [last month, the three before, expected]: mean of vs target (25,000.00) and vs trailing average
    [[2_000_000n, 2_000_000n, 2_000_000n, 1_250_000n], (50 + 62.5) / 2],
    [[0n, 0n, 0n, 1_250_000n], 50], // no history: the target part only
    [[1_000_000n, 1_000_000n, 1_000_000n, 2_000_000n], (80 + 100) / 2],
    [[0n, 0n, 0n, 0n], 0],
  ])('revenue performance %#', (months, expected) => {
    expect(component({ monthlyRevenueCents: [0n, 0n, 0n, ...(months as bigint[])] }, 'revenuePerformance')).toBe(Math.round(expected * 10) / 10);
  });

  it.each([
    [5, 15, 100],
    [0, 0, 0],
    [2, 6, 40],
    [5, 5, 66.7],
    [10, 30, 100],
  ])('customer acquisition: %i in 30 days, %i in 90 → %s', (n30, n90, expected) => expect(component({ newCustomers30d: n30, newCustomers90d: n90 }, 'customerAcquisition')).toBe(expected));

  it.each([
    [40, 0, 100],
    [40, 2, 75], // 5 % churn
    [40, 8, 0], // 20 %
    [10, 3, 0],
    [0, 0, null],
  ])('customer retention: %i at start, %i churned → %s', (start, churned, expected) => expect(component({ customersAtWindowStart: start, churned90d: churned }, 'customerRetention')).toBe(expected));

  it('growth trajectory: flat 50, +10 %/month 100, falling 0, no revenue missing', () => {
    expect(component({}, 'growthTrajectory')).toBe(50);
    // 100, 110, 120, 130, 140, 150: slope 10 on a mean of 125 → 8 %/month → 90
    expect(component({ monthlyRevenueCents: [0n, 100n, 110n, 120n, 130n, 140n, 150n] }, 'growthTrajectory')).toBe(90);
    expect(component({ monthlyRevenueCents: [0n, 150n, 140n, 130n, 120n, 110n, 0n] }, 'growthTrajectory')).toBe(0);
    expect(component({ monthlyRevenueCents: [0n, 0n, 0n, 0n, 0n, 0n, 0n] }, 'growthTrajectory')).toBeNull();
    expect(slope([1, 2, 3])).toBe(1);
  });

  it('engagement: the mean of what is known; nothing known is missing', () => {
    expect(component({ portalLoginDays30d: 4, onboardingCompletionPercent: 50, daysSinceLastInteraction: 52 }, 'engagementLevel')).toBe(50);
    expect(component({ portalLoginDays30d: null, onboardingCompletionPercent: null, daysSinceLastInteraction: 90 }, 'engagementLevel')).toBe(0);
    expect(component({ portalLoginDays30d: null, onboardingCompletionPercent: null, daysSinceLastInteraction: null }, 'engagementLevel')).toBeNull();
  });

  it('operational excellence and satisfaction', () => {
    expect(component({ openDisputes: 1, overdueOnboardingTasks: 2, complaints90d: 1, customersWithCompleteData: 20 }, 'operationalExcellence')).toBe((60 + 50) / 2);
    expect(component({ customerCount: 0, customersWithCompleteData: 0, openDisputes: 7 }, 'operationalExcellence')).toBe(0);
    expect([1, 2, 3, 4, 5].map((rating) => component({ latestSurveyRating: rating }, 'partnerSatisfaction'))).toEqual([0, 25, 50, 75, 100]);
    expect(component({ latestSurveyRating: null }, 'partnerSatisfaction')).toBeNull();
  });
});

describe('partner health score', () => {
  it('spreads the weight of missing components over the others', () => {
    // retention, growth, engagement and satisfaction missing: revenue 50 (25), acquisition 0 (20), operational 100 (5)
    const result = partnerHealth({
      ...base,
      monthlyRevenueCents: [0n, 0n, 0n, 0n, 0n, 0n, 1_250_000n],
      newCustomers30d: 0,
      newCustomers90d: 0,
      customersAtWindowStart: 0,
      portalLoginDays30d: null,
      onboardingCompletionPercent: null,
      daysSinceLastInteraction: null,
      customerCount: 0,
      customersWithCompleteData: 0,
      latestSurveyRating: null,
    });
    // growth has revenue in only one of 6 months but a positive mean: it is known. Recompute by hand:
    // growth: values 0,0,0,0,0,1250000 → slope 178571.4 / mean 208333.3 = 85.7 %/month → 100
    // (25×50 + 20×0 + 15×100 + 5×100) / 65 = 3250 / 65 = 50
    expect(result.components.filter((c) => c.score === null).map((c) => c.key)).toEqual(['customerRetention', 'engagementLevel', 'partnerSatisfaction']);
    expect(result).toMatchObject({ score: 50, band: 'STABLE' });
  });

  it.each([
    [100, 'THRIVING'],
    [90, 'THRIVING'],
    [89, 'HEALTHY'],
    [70, 'HEALTHY'],
    [69, 'STABLE'],
    [50, 'STABLE'],
    [49, 'AT_RISK'],
    [30, 'AT_RISK'],
    [29, 'CRITICAL'],
    [0, 'CRITICAL'],
  ])('band of %i is %s', (score, band) => expect(bandOf(score)).toBe(band as HealthBand));
});

describe('alert rules', () => {
  const quiet: AlertInput = { score: 80, band: HealthBand.HEALTHY, score30dAgo: 82, newCustomers60d: 3, partnerAgeDays: 400, customersAtWindowStart: 50, churned90d: 2, revenueLastMonthCents: 900n, revenuePreviousMonthCents: 1000n, maxOnboardingDaysOverdue: 0 };
  const fires = (change: Partial<AlertInput>) => firingRules({ ...quiet, ...change }).map((f) => f.rule.code);

  it('each rule is data: a code, a severity and a threshold', () => {
    expect(ALERT_RULES.map((r) => [r.code, r.severity, r.threshold])).toEqual([
      ['BAND_CRITICAL', 'CRITICAL', 30],
      ['BAND_AT_RISK', 'HIGH', 50],
      ['SCORE_DROP_30D', 'HIGH', 15],
      ['NO_NEW_CUSTOMER_60D', 'MEDIUM', 60],
      ['CHURN_ABOVE_10_PERCENT_90D', 'HIGH', 10],
      ['REVENUE_DOWN_25_PERCENT_MOM', 'MEDIUM', 25],
      ['ONBOARDING_OVERDUE_7D', 'LOW', 7],
    ]);
    expect(fires({})).toEqual([]);
  });

  it.each([
    [{ score: 29, band: HealthBand.CRITICAL, score30dAgo: null }, ['BAND_CRITICAL']],
    [{ score: 30, band: HealthBand.AT_RISK, score30dAgo: null }, ['BAND_AT_RISK']],
    [{ score: 49, band: HealthBand.AT_RISK, score30dAgo: null }, ['BAND_AT_RISK']],
    [{ score: 50, band: HealthBand.STABLE, score30dAgo: null }, []],
    [{ score: 65, score30dAgo: 80 }, ['SCORE_DROP_30D']],
    [{ score: 66, score30dAgo: 80 }, []],
    [{ newCustomers60d: 0 }, ['NO_NEW_CUSTOMER_60D']],
    [{ newCustomers60d: 0, partnerAgeDays: 59 }, []],
    [{ churned90d: 5 }, []], // exactly 10 %
    [{ churned90d: 6 }, ['CHURN_ABOVE_10_PERCENT_90D']],
    [{ revenueLastMonthCents: 750n }, ['REVENUE_DOWN_25_PERCENT_MOM']],
    [{ revenueLastMonthCents: 751n }, []],
    [{ revenuePreviousMonthCents: 0n, revenueLastMonthCents: 0n }, []],
    [{ maxOnboardingDaysOverdue: 7 }, ['ONBOARDING_OVERDUE_7D']],
    [{ maxOnboardingDaysOverdue: 6 }, []],
  ])('%o fires %o', (change, expected) => expect(fires(change)).toEqual(expected));
});
