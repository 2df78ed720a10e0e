import { registerEnumType } from 'type-graphql';

/**
 * Partner health, 0–100 (SPEC §5): seven components, each 0–100, weighted.
 *
 * | component | weight | score |
 * |---|---|---|
 * | revenuePerformance | 25 | mean of (paid revenue of the last complete month ÷ the monthly revenue target) and (÷ the average of the three months before), each × 100 and capped at 100; without revenue history only the target part counts |
 * | customerAcquisition | 20 | new customers (signed) in the last 30 days ÷ the monthly target and in the last 90 days ÷ 3 × the target, averaged, × 100, capped |
 * | customerRetention | 20 | 100 − 5 × the 90-day churn rate in percent (0 % → 100, 20 % or more → 0); no data without customers 90 days ago |
 * | growthTrajectory | 15 | 50 + 5 × the least-squares slope of the last 6 complete months' paid revenue, as a percent of their mean, per month (+10 %/month → 100, −10 %/month → 0); no data without revenue in them |
 * | engagementLevel | 10 | mean of what is known of: portal login days in 30 days × 12.5 (8 days → 100), onboarding completion %, and interaction recency (100 up to 14 days since the last customer interaction, 0 at 90) |
 * | operationalExcellence | 5 | 100 − 15 per open dispute − 10 per onboarding task overdue − 5 per customer complaint in 90 days (at least 0), averaged with data quality (the share of its customers with an email and a service plan) when it has customers |
 * | partnerSatisfaction | 5 | the latest survey rating 1–5 → 0, 25, 50, 75, 100 |
 *
 * A component without data is marked missing and its weight is spread over the others in proportion;
 * no data at all gives no score. Bands: 90–100 THRIVING, 70–89 HEALTHY, 50–69 STABLE, 30–49
 * AT_RISK, 0–29 CRITICAL.
 */
export const PARTNER_HEALTH_WEIGHTS = {
  revenuePerformance: 25,
  customerAcquisition: 20,
  customerRetention: 20,
  growthTrajectory: 15,
  engagementLevel: 10,
  operationalExcellence: 5,
  partnerSatisfaction: 5,
} as const;

export type PartnerHealthComponentKey = keyof typeof PARTNER_HEALTH_WEIGHTS;

export enum HealthBand {
  THRIVING = 'THRIVING',
  HEALTHY = 'HEALTHY',
  STABLE = 'STABLE',
  AT_RISK = 'AT_RISK',
  CRITICAL = 'CRITICAL',
}
registerEnumType(HealthBand, { name: 'HealthBand', description: '90–100 THRIVING, 70–89 HEALTHY, 50–69 STABLE, 30–49 AT_RISK, 0–29 CRITICAL.' });

export function bandOf(score: number): HealthBand {
  if (score >= 90) return HealthBand.THRIVING;
  if (score >= 70) return HealthBand.HEALTHY;
  if (score >= 50) return HealthBand.STABLE;
  if (score >= 30) return HealthBand.AT_RISK;
  return HealthBand.CRITICAL;
}

/** Everything the score reads about one reseller, gathered by one set-based pass (money in cents). */
export interface PartnerHealthInput {
  revenueTargetCents: bigint;
  newCustomersTarget: number;
  /** Paid revenue of the last 7 complete months, oldest first (the last is "this period"). */
  monthlyRevenueCents: bigint[];
  newCustomers30d: number;
  newCustomers90d: number;
  /** Customers signed 90 days ago, and how many of them churned since. */
  customersAtWindowStart: number;
  churned90d: number;
  portalLoginDays30d: number | null;
  onboardingCompletionPercent: number | null;
  daysSinceLastInteraction: number | null;
  openDisputes: number;
  overdueOnboardingTasks: number;
  complaints90d: number;
  customerCount: number;
  customersWithCompleteData: number;
  latestSurveyRating: number | null;
}

export interface PartnerHealthComponent {
  key: PartnerHealthComponentKey;
  weight: number;
  score: number | null;
}

export interface PartnerHealth {
  score: number | null;
  band: HealthBand | null;
  components: PartnerHealthComponent[];
}

const clamp = (value: number) => Math.min(100, Math.max(0, value));
const round1 = (value: number) => Math.round(value * 10) / 10;
const mean = (values: (number | null)[]) => {
  const known = values.filter((value): value is number => value !== null);
  return known.length ? known.reduce((a, b) => a + b, 0) / known.length : null;
};

/** Least-squares slope of y over x = 0, 1, 2 … */
export function slope(values: number[]): number {
  const n = values.length;
  if (n < 2) return 0;
  const xMean = (n - 1) / 2;
  const yMean = values.reduce((a, b) => a + b, 0) / n;
  let numerator = 0;
  let denominator = 0;
  values.forEach((y, x) => {
    numerator += (x - xMean) * (y - yMean);
    denominator += (x - xMean) ** 2;
  });
  return numerator / denominator;
}

export function partnerHealthComponents(input: PartnerHealthInput): PartnerHealthComponent[] {
  const months = input.monthlyRevenueCents.map(Number);
  const current = months.at(-1) ?? 0;
  const previousThree = months.slice(-4, -1);
  const trailing = previousThree.length === 3 && previousThree.some((m) => m > 0) ? previousThree.reduce((a, b) => a + b, 0) / 3 : null;
  const target = Number(input.revenueTargetCents);
  const lastSix = months.slice(-6);
  const sixMean = lastSix.length ? lastSix.reduce((a, b) => a + b, 0) / lastSix.length : 0;
  const scores: Record<PartnerHealthComponentKey, number | null> = {
    revenuePerformance: mean([target > 0 ? clamp((100 * current) / target) : null, trailing !== null ? clamp((100 * current) / trailing) : null]),
    customerAcquisition: input.newCustomersTarget > 0 ? clamp(100 * (0.5 * (input.newCustomers30d / input.newCustomersTarget) + 0.5 * (input.newCustomers90d / (3 * input.newCustomersTarget)))) : null,
    customerRetention: input.customersAtWindowStart > 0 ? clamp(100 - 5 * ((100 * input.churned90d) / input.customersAtWindowStart)) : null,
    growthTrajectory: lastSix.length >= 3 && sixMean > 0 ? clamp(50 + 5 * ((100 * slope(lastSix)) / sixMean)) : null,
    engagementLevel: mean([
      input.portalLoginDays30d === null ? null : clamp(input.portalLoginDays30d * 12.5),
      input.onboardingCompletionPercent,
      input.daysSinceLastInteraction === null ? null : input.daysSinceLastInteraction <= 14 ? 100 : clamp(100 - ((input.daysSinceLastInteraction - 14) * 100) / 76),
    ]),
    operationalExcellence: mean([
      clamp(100 - 15 * input.openDisputes - 10 * input.overdueOnboardingTasks - 5 * input.complaints90d),
      input.customerCount > 0 ? (100 * input.customersWithCompleteData) / input.customerCount : null,
    ]),
    partnerSatisfaction: input.latestSurveyRating === null ? null : clamp((input.latestSurveyRating - 1) * 25),
  };
  return (Object.keys(PARTNER_HEALTH_WEIGHTS) as PartnerHealthComponentKey[]).map((key) => ({
    key,
    weight: PARTNER_HEALTH_WEIGHTS[key],
    score: scores[key] === null ? null : round1(scores[key]!),
  }));
}

export function partnerHealth(input: PartnerHealthInput): PartnerHealth {
  const components = partnerHealthComponents(input);
  const known = components.filter((component) => component.score !== null);
  const weight = known.reduce((sum, component) => sum + component.weight, 0);
  if (weight === 0) return { score: null, band: null, components };
  const score = Math.floor(known.reduce((sum, component) => sum + component.weight * component.score!, 0) / weight + 0.5);
  return { score, band: bandOf(score), components };
}
