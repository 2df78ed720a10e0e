import type { MantineColor } from '@mantine/core';
import type { AlertSeverity, AlertStatus, HealthBand, InterventionStatus, InterventionType } from '../../gql/graphql';
import { humanizeEnum } from '../../ui/labels';

// Partner health as the console words it (SPEC §5). The formula lives in the api
// (packages/api/src/modules/success/partner-health.ts); these are its plain-word explanations.

/** Best first, as the api lists the band distribution. */
export const HEALTH_BANDS: readonly HealthBand[] = ['THRIVING', 'HEALTHY', 'STABLE', 'AT_RISK', 'CRITICAL'];

export const BAND_COLORS: Record<HealthBand, MantineColor> = {
  THRIVING: 'green',
  HEALTHY: 'teal',
  STABLE: 'yellow',
  AT_RISK: 'orange',
  CRITICAL: 'red',
};

export const BAND_RANGES: Record<HealthBand, string> = {
  THRIVING: '90–100',
  HEALTHY: '70–89',
  STABLE: '50–69',
  AT_RISK: '30–49',
  CRITICAL: '0–29',
};

export function bandLabel(band: string): string {
  return band === 'AT_RISK' ? 'At risk' : humanizeEnum(band);
}

/** The band of a score, as the api computes it (for the trend chart's background). */
export function bandOfScore(score: number): HealthBand {
  if (score >= 90) return 'THRIVING';
  if (score >= 70) return 'HEALTHY';
  if (score >= 50) return 'STABLE';
  if (score >= 30) return 'AT_RISK';
  return 'CRITICAL';
}

/** A CSS colour of a band (Mantine's palette, shade 6). */
export function bandCssColor(band: string | null | undefined, shade = 6): string {
  const color = band ? BAND_COLORS[band as HealthBand] : undefined;
  return `var(--mantine-color-${color ?? 'gray'}-${shade})`;
}

type ComponentInfo = { label: string; description: string };

/** The seven components in the api's order, with what each measures. */
export const HEALTH_COMPONENTS: Record<string, ComponentInfo> = {
  revenuePerformance: {
    label: 'Revenue performance',
    description:
      "Last complete month's paid revenue against the monthly revenue target and against the reseller's own average of the three months before (each capped at 100, then averaged).",
  },
  customerAcquisition: {
    label: 'Customer acquisition',
    description: 'New customers signed in the last 30 days against the monthly target, and in the last 90 days against three months of target, averaged.',
  },
  customerRetention: {
    label: 'Customer retention',
    description: "90-day churn of the reseller's customers: no churn scores 100, every churned percent costs 5 points (20 % churn or more scores 0).",
  },
  growthTrajectory: {
    label: 'Growth trajectory',
    description: 'Trend of monthly paid revenue over the last 6 complete months: flat scores 50, growing 10 % a month scores 100, shrinking 10 % a month scores 0.',
  },
  engagementLevel: {
    label: 'Engagement level',
    description: 'Portal logins (8 login days in 30 = 100), onboarding completion, and how recently it last talked to a customer (within 14 days = 100, 90 days = 0).',
  },
  operationalExcellence: {
    label: 'Operational excellence',
    description: 'Starts at 100, minus 15 per open commission dispute, 10 per overdue onboarding task and 5 per customer complaint in 90 days; averaged with the share of its customers with complete data.',
  },
  partnerSatisfaction: {
    label: 'Partner satisfaction',
    description: 'The latest satisfaction survey the ISP recorded: a rating of 1 to 5 scores 0, 25, 50, 75 or 100.',
  },
};

export function componentLabel(key: string): string {
  return HEALTH_COMPONENTS[key]?.label ?? humanizeEnum(key.replace(/([a-z])([A-Z])/g, '$1_$2'));
}

export const SEVERITIES: readonly AlertSeverity[] = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'];

export const SEVERITY_COLORS: Record<AlertSeverity, MantineColor> = {
  CRITICAL: 'red',
  HIGH: 'orange',
  MEDIUM: 'yellow',
  LOW: 'gray',
};

export const ALERT_STATUSES: readonly AlertStatus[] = ['OPEN', 'ACKNOWLEDGED', 'RESOLVED'];

/** The api's alert rules (alert-rules.ts), in words. */
const ALERT_RULE_LABELS: Record<string, string> = {
  BAND_CRITICAL: 'Score in the critical band',
  BAND_AT_RISK: 'Score in the at-risk band',
  SCORE_DROP_30D: 'Score fell 15+ points in 30 days',
  NO_NEW_CUSTOMER_60D: 'No new customer in 60 days',
  CHURN_ABOVE_10_PERCENT_90D: '90-day churn above 10 %',
  REVENUE_DOWN_25_PERCENT_MOM: 'Revenue down 25 %+ month on month',
  ONBOARDING_OVERDUE_7D: 'Onboarding task overdue 7+ days',
};

export function alertRuleLabel(rule: string): string {
  return ALERT_RULE_LABELS[rule] ?? humanizeEnum(rule);
}

export const INTERVENTION_TYPES: readonly InterventionType[] = [
  'CHECK_IN_CALL',
  'TRAINING',
  'MARKETING_SUPPORT',
  'COMMISSION_INCENTIVE',
  'EXECUTIVE_ESCALATION',
  'PERFORMANCE_IMPROVEMENT_PLAN',
];

export function interventionTypeLabel(type: string): string {
  if (type === 'CHECK_IN_CALL') return 'Check-in call';
  return type === 'PERFORMANCE_IMPROVEMENT_PLAN' ? 'Performance-improvement plan' : humanizeEnum(type);
}

export const INTERVENTION_STATUSES: readonly InterventionStatus[] = ['PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED'];

/** Where an intervention may go next (DONE and CANCELLED are final). */
export function nextInterventionStatuses(status: InterventionStatus): InterventionStatus[] {
  if (status === 'PLANNED') return ['IN_PROGRESS', 'DONE', 'CANCELLED'];
  if (status === 'IN_PROGRESS') return ['DONE', 'CANCELLED'];
  return [];
}

/** YYYY-MM-DD `days` after (or before, when negative) a YYYY-MM-DD day, in UTC. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const dayFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });

/** 'Mar 4, 2025' for a YYYY-MM-DD day (no time zone shift). */
export function formatDay(day: string | null | undefined): string {
  if (!day) return '—';
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : dayFormat.format(date);
}
