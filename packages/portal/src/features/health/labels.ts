import type { MantineColor } from '@mantine/core';
import type { HealthBand } from '../../gql/graphql';

/**
 * The partner health bands (SPEC §5; the api's `bandOf`): the lowest score of each, its colour
 * and what it means in plain words. Highest first, as the page lists them.
 */
export const HEALTH_BANDS: readonly { band: HealthBand; label: string; min: number; range: string; color: MantineColor; meaning: string }[] = [
  { band: 'THRIVING', label: 'Thriving', min: 90, range: '90–100', color: 'green', meaning: 'on or above target almost everywhere' },
  { band: 'HEALTHY', label: 'Healthy', min: 70, range: '70–89', color: 'teal', meaning: 'doing well, with a little room to grow' },
  { band: 'STABLE', label: 'Stable', min: 50, range: '50–69', color: 'yellow', meaning: 'steady, but some areas lag behind' },
  { band: 'AT_RISK', label: 'At risk', min: 30, range: '30–49', color: 'orange', meaning: 'several areas need attention' },
  { band: 'CRITICAL', label: 'Critical', min: 0, range: '0–29', color: 'red', meaning: 'most areas are well below target; act now' },
];

const BY_BAND = new Map(HEALTH_BANDS.map((entry) => [entry.band, entry]));

export function bandColor(band: HealthBand | null | undefined): MantineColor {
  return (band && BY_BAND.get(band)?.color) || 'gray';
}

export function bandLabel(band: HealthBand | null | undefined): string {
  return (band && BY_BAND.get(band)?.label) || 'No band';
}

/** The band of a score, as the api computes it (for the chart's colours). */
export function bandOfScore(score: number): HealthBand {
  return (HEALTH_BANDS.find((entry) => score >= entry.min) ?? HEALTH_BANDS[HEALTH_BANDS.length - 1]!).band;
}

/**
 * The seven components (the api's keys, in its order) in plain words: what each measures and what
 * raises it. Written from the formula documented in
 * packages/api/src/modules/success/partner-health.ts — keep the two in step.
 */
export const PARTNER_HEALTH_COMPONENTS: Record<string, { label: string; measures: string; raise: string }> = {
  revenuePerformance: {
    label: 'Revenue performance',
    measures:
      'Your paid revenue last month against your monthly revenue target, and against your own average of the three months before. Reaching the target, and matching your recent average, each count as full marks; the two are averaged. Until you have three months of revenue history only the target counts.',
    raise: 'Bring in more paying customers and upsell the ones you have, so that last month’s paid revenue reaches your target and beats your recent months. Revenue counts once the customer has paid.',
  },
  customerAcquisition: {
    label: 'Customer acquisition',
    measures:
      'New customers you signed in the last 30 days against your monthly new-customer target, and in the last 90 days against three months of that target, averaged. Meeting the target in both windows is full marks.',
    raise: 'Sign new customers steadily, every month: a regular flow counts in both the 30-day and the 90-day window, while one good month fades after 30 days.',
  },
  customerRetention: {
    label: 'Customer retention',
    measures:
      'Of the customers you had 90 days ago, the share that has churned since. No churn is full marks; each percentage point of churn costs 5 points, so 20 % churn or more scores 0. There is no data until you have had customers for 90 days.',
    raise: 'Keep the customers you have: check in with customers marked At risk, answer complaints and follow-ups quickly, and win back customers who are about to leave.',
  },
  growthTrajectory: {
    label: 'Growth trajectory',
    measures:
      'The trend of your paid revenue over the last six complete months. Flat revenue scores 50; growing by 10 % of your average a month scores 100, shrinking by 10 % a month scores 0. There is no data until you have paid revenue in those months.',
    raise: 'Grow your paid revenue month after month. A steady rise counts more than one big month followed by a dip.',
  },
  engagementLevel: {
    label: 'Engagement level',
    measures:
      'The average of what is known of: the days you signed in to this portal in the last 30 days (8 days or more is full marks), how much of your onboarding checklist is complete, and how recently you logged a customer interaction (within 14 days is full marks, falling to 0 at 90 days).',
    raise: 'Sign in to the portal regularly (on 8 or more days a month), finish your onboarding tasks, and log your calls, meetings and emails with customers as they happen.',
  },
  operationalExcellence: {
    label: 'Operational excellence',
    measures:
      'Starts at 100 and loses 15 points per open commission dispute, 10 per overdue onboarding task and 5 per customer complaint in the last 90 days; averaged with your data quality, the share of your customers that have an email address and a service plan on record.',
    raise: 'Settle open commission disputes, finish overdue onboarding tasks, resolve what causes customer complaints, and keep every customer’s email address and service plan filled in.',
  },
  partnerSatisfaction: {
    label: 'Partner satisfaction',
    measures:
      'Your answer to the latest satisfaction survey the ISP recorded with you, rated 1 to 5: 1 scores 0, 2 scores 25, 3 scores 50, 4 scores 75 and 5 scores 100. There is no data until a survey is recorded.',
    raise: 'Tell your partner manager what would make working with the ISP better; once it is fixed, your next survey answer lifts this score.',
  },
};

export function componentLabel(key: string): string {
  return PARTNER_HEALTH_COMPONENTS[key]?.label ?? key;
}

/** '87.5' → '88'; component scores come with one decimal, shown whole (the total is whole too). */
export function points(score: number): string {
  return String(Math.round(score));
}

/** A score change: 4 → '↑ 4', -3 → '↓ 3', 0 → '0', null → '—'. */
export function formatChange(change: number | null | undefined): string {
  if (change === null || change === undefined) return '—';
  if (change > 0) return `↑ ${change}`;
  if (change < 0) return `↓ ${Math.abs(change)}`;
  return '0';
}

export function changeColor(change: number | null | undefined): MantineColor | undefined {
  if (change === null || change === undefined) return 'dimmed';
  return change > 0 ? 'teal.7' : change < 0 ? 'red.7' : undefined;
}

/** A calendar day (YYYY-MM-DD) moved by whole days. */
export function addDays(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number);
  const moved = new Date(Date.UTC(year!, month! - 1, date! + days));
  return moved.toISOString().slice(0, 10);
}

/** How far back the trend chart reaches. */
export const TREND_DAYS = 90;
