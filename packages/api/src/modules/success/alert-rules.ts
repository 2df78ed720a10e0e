import { registerEnumType } from 'type-graphql';
import { HealthBand } from './partner-health.js';

export enum AlertSeverity {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
  CRITICAL = 'CRITICAL',
}
registerEnumType(AlertSeverity, { name: 'AlertSeverity' });

/** What the rules look at for one reseller after a recompute. */
export interface AlertInput {
  score: number | null;
  band: HealthBand | null;
  /** The score of the latest snapshot 30 or more days old; null without one. */
  score30dAgo: number | null;
  newCustomers60d: number;
  /** Days since the reseller was approved (a new partner is not alerted for having no customers yet). */
  partnerAgeDays: number;
  customersAtWindowStart: number;
  churned90d: number;
  /** Paid revenue of the last complete month and the one before, cents. */
  revenueLastMonthCents: bigint;
  revenuePreviousMonthCents: bigint;
  /** The most days any open onboarding task is past its due date (0 when none is). */
  maxOnboardingDaysOverdue: number;
}

export interface AlertRule {
  code: string;
  severity: AlertSeverity;
  threshold: number;
  description: string;
  /** A message when the rule fires, null when it does not. */
  evaluate(input: AlertInput, threshold: number): string | null;
}

const percent = (value: number) => `${Math.round(value * 10) / 10} %`;

/** The alert rules of SPEC §5, as data: each with its code, severity and threshold. */
export const ALERT_RULES: AlertRule[] = [
  {
    code: 'BAND_CRITICAL',
    severity: AlertSeverity.CRITICAL,
    threshold: 30,
    description: 'Health score in the CRITICAL band (below 30)',
    evaluate: (input, threshold) => (input.score !== null && input.score < threshold ? `Health score ${input.score} is CRITICAL` : null),
  },
  {
    code: 'BAND_AT_RISK',
    severity: AlertSeverity.HIGH,
    threshold: 50,
    description: 'Health score in the AT_RISK band (30–49)',
    evaluate: (input, threshold) => (input.score !== null && input.score < threshold && input.score >= 30 ? `Health score ${input.score} is AT_RISK` : null),
  },
  {
    code: 'SCORE_DROP_30D',
    severity: AlertSeverity.HIGH,
    threshold: 15,
    description: 'Score fell 15 points or more in 30 days',
    evaluate: (input, threshold) =>
      input.score !== null && input.score30dAgo !== null && input.score30dAgo - input.score >= threshold ? `Score fell ${input.score30dAgo - input.score} points in 30 days (${input.score30dAgo} → ${input.score})` : null,
  },
  {
    code: 'NO_NEW_CUSTOMER_60D',
    severity: AlertSeverity.MEDIUM,
    threshold: 60,
    description: 'No new customer in 60 days',
    evaluate: (input, threshold) => (input.partnerAgeDays >= threshold && input.newCustomers60d === 0 ? `No new customer in ${threshold} days` : null),
  },
  {
    code: 'CHURN_ABOVE_10_PERCENT_90D',
    severity: AlertSeverity.HIGH,
    threshold: 10,
    description: '90-day churn above 10 %',
    evaluate: (input, threshold) => {
      if (input.customersAtWindowStart === 0) return null;
      const rate = (100 * input.churned90d) / input.customersAtWindowStart;
      return rate > threshold ? `90-day churn is ${percent(rate)} (${input.churned90d} of ${input.customersAtWindowStart})` : null;
    },
  },
  {
    code: 'REVENUE_DOWN_25_PERCENT_MOM',
    severity: AlertSeverity.MEDIUM,
    threshold: 25,
    description: 'Paid revenue down 25 % or more month on month',
    evaluate: (input, threshold) => {
      if (input.revenuePreviousMonthCents <= 0n) return null;
      const change = (100 * Number(input.revenueLastMonthCents - input.revenuePreviousMonthCents)) / Number(input.revenuePreviousMonthCents);
      return change <= -threshold ? `Paid revenue fell ${percent(-change)} month on month` : null;
    },
  },
  {
    code: 'ONBOARDING_OVERDUE_7D',
    severity: AlertSeverity.LOW,
    threshold: 7,
    description: 'An onboarding task overdue 7 days or more',
    evaluate: (input, threshold) => (input.maxOnboardingDaysOverdue >= threshold ? `An onboarding task is ${input.maxOnboardingDaysOverdue} days overdue` : null),
  },
];

/** The rules that fire for a reseller, with their messages. */
export function firingRules(input: AlertInput, rules: AlertRule[] = ALERT_RULES): { rule: AlertRule; message: string }[] {
  return rules.flatMap((rule) => {
    const message = rule.evaluate(input, rule.threshold);
    return message === null ? [] : [{ rule, message }];
  });
}
