/**
 * Customer health, 0–100 (SPEC §3): a weighted mean of five components, each 0–100.
 *
 * | component | weight | score |
 * |---|---|---|
 * | payment punctuality | 30 | share of the invoices of the last 12 service months paid in full by the end of their service month; an unpaid invoice past that date counts as late |
 * | tenure | 15 | months since signup × 100 / 24, at most 100 (two years of loyalty is full marks) |
 * | support load | 20 | 100 − 20 per support ticket, technical issue, billing inquiry or complaint in the last 90 days, at least 0 |
 * | engagement | 20 | the ISP's usage figure for the customer (0–100, share of the plan used), or else the average satisfaction rating (1–10 × 10) of the interactions of the last 180 days |
 * | interaction recency | 15 | 100 up to 30 days since the last interaction, then falling linearly to 0 at 180 days |
 *
 * A component without data (no invoices yet, no signup date, no usage and no rating, never an
 * interaction) is marked missing and its weight is shared among the others; no data at all means
 * no score (null), never a made-up one. Support load always has data: no tickets is a fact.
 */
export const HEALTH_WEIGHTS = {
  paymentPunctuality: 30,
  tenure: 15,
  supportLoad: 20,
  engagement: 20,
  interactionRecency: 15,
} as const;

export type HealthComponentKey = keyof typeof HEALTH_WEIGHTS;

/** Below this an ACTIVE customer moves to AT_RISK. */
export const AT_RISK_THRESHOLD = 40;

export interface CustomerHealthInput {
  /** Invoices of the last 12 service months (refunds excluded). */
  invoicesConsidered: number;
  invoicesOnTime: number;
  /** Whole months since signup; null when the signup date is unknown. */
  tenureMonths: number | null;
  /** Support tickets, technical issues, billing inquiries and complaints in the last 90 days. */
  supportContacts90d: number;
  /** The ISP's usage figure, 0–100; null when not reported. */
  usagePercent: number | null;
  /** Average satisfaction rating (1–10) of the last 180 days' interactions; null when none rated. */
  averageSatisfaction180d: number | null;
  /** Days since the last interaction; null when there has never been one. */
  daysSinceLastInteraction: number | null;
}

export interface HealthComponent {
  key: HealthComponentKey;
  weight: number;
  /** 0–100, or null when the component has no data (its weight then goes to the others). */
  score: number | null;
}

export interface CustomerHealth {
  score: number | null;
  components: HealthComponent[];
}

const clamp = (value: number) => Math.min(100, Math.max(0, value));

export function healthComponents(input: CustomerHealthInput): HealthComponent[] {
  const scores: Record<HealthComponentKey, number | null> = {
    paymentPunctuality: input.invoicesConsidered > 0 ? (100 * input.invoicesOnTime) / input.invoicesConsidered : null,
    tenure: input.tenureMonths === null ? null : clamp((input.tenureMonths * 100) / 24),
    supportLoad: clamp(100 - 20 * input.supportContacts90d),
    engagement: input.usagePercent !== null ? clamp(input.usagePercent) : input.averageSatisfaction180d !== null ? clamp(input.averageSatisfaction180d * 10) : null,
    interactionRecency:
      input.daysSinceLastInteraction === null ? null : input.daysSinceLastInteraction <= 30 ? 100 : clamp(100 - ((input.daysSinceLastInteraction - 30) * 100) / 150),
  };
  return (Object.keys(HEALTH_WEIGHTS) as HealthComponentKey[]).map((key) => ({
    key,
    weight: HEALTH_WEIGHTS[key],
    score: scores[key] === null ? null : Math.round(scores[key]! * 10) / 10,
  }));
}

/** The weighted mean of the components with data, rounded half up to a whole number. */
export function customerHealth(input: CustomerHealthInput): CustomerHealth {
  const components = healthComponents(input);
  const known = components.filter((component) => component.score !== null);
  const weight = known.reduce((sum, component) => sum + component.weight, 0);
  if (weight === 0) return { score: null, components };
  const weighted = known.reduce((sum, component) => sum + component.weight * component.score!, 0);
  return { score: Math.floor(weighted / weight + 0.5), components };
}
