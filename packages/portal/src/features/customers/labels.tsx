import { Badge, type BadgeProps, type MantineColor } from '@mantine/core';
import type { CustomerStage, CustomerTaskType, InteractionOutcome, InteractionType } from '../../gql/graphql';

// The customer lifecycle as the portal shows it (SPEC §3): the 12 stages in order and one colour per
// group — pipeline blue, won/onboarding cyan, recurring (active, expansion) green, at risk orange,
// churned red, reactivation grape. Keep the groups in line with the admin console's.

export const CUSTOMER_STAGES: readonly CustomerStage[] = [
  'PROSPECT',
  'LEAD',
  'QUALIFIED',
  'PROPOSAL',
  'NEGOTIATION',
  'CLOSED_WON',
  'ONBOARDING',
  'ACTIVE',
  'EXPANSION',
  'AT_RISK',
  'CHURNED',
  'REACTIVATION',
];

export type StageGroup = 'pipeline' | 'onboarding' | 'recurring' | 'atRisk' | 'churned' | 'reactivation';

export const STAGE_GROUPS: Record<CustomerStage, StageGroup> = {
  PROSPECT: 'pipeline',
  LEAD: 'pipeline',
  QUALIFIED: 'pipeline',
  PROPOSAL: 'pipeline',
  NEGOTIATION: 'pipeline',
  CLOSED_WON: 'onboarding',
  ONBOARDING: 'onboarding',
  ACTIVE: 'recurring',
  EXPANSION: 'recurring',
  AT_RISK: 'atRisk',
  CHURNED: 'churned',
  REACTIVATION: 'reactivation',
};

const GROUP_COLORS: Record<StageGroup, MantineColor> = {
  pipeline: 'blue',
  onboarding: 'cyan',
  recurring: 'green',
  atRisk: 'orange',
  churned: 'red',
  reactivation: 'grape',
};

export function stageColor(stage: CustomerStage): MantineColor {
  return GROUP_COLORS[STAGE_GROUPS[stage]] ?? 'gray';
}

const STAGE_LABELS: Record<CustomerStage, string> = {
  PROSPECT: 'Prospect',
  LEAD: 'Lead',
  QUALIFIED: 'Qualified',
  PROPOSAL: 'Proposal',
  NEGOTIATION: 'Negotiation',
  CLOSED_WON: 'Closed won',
  ONBOARDING: 'Onboarding',
  ACTIVE: 'Active',
  EXPANSION: 'Expansion',
  AT_RISK: 'At risk',
  CHURNED: 'Churned',
  REACTIVATION: 'Reactivation',
};

export function stageLabel(stage: CustomerStage): string {
  return STAGE_LABELS[stage] ?? stage;
}

/** What entering a stage sets off (the api records each as a task or an email), for the move dialog. */
export const STAGE_EFFECTS: Partial<Record<CustomerStage, string>> = {
  PROSPECT: 'Starts the welcome sequence.',
  QUALIFIED: 'Creates a task to assign an account manager.',
  CLOSED_WON: 'The deal is won: creates the task to start onboarding.',
  ACTIVE: 'Starts health monitoring.',
  AT_RISK: 'Opens a retention intervention.',
  CHURNED: 'Creates the exit survey and win-back tasks.',
  REACTIVATION: 'A churned customer is coming back.',
};

// Badges keep their width in narrow table cells instead of wrapping their label.
const NO_SHRINK = { flexShrink: 0, minWidth: 'max-content' } as const;

export function StageBadge({ stage, size }: { stage: CustomerStage; size?: BadgeProps['size'] }) {
  return (
    <Badge variant="light" color={stageColor(stage)} size={size} style={NO_SHRINK} data-stage={stage}>
      {stageLabel(stage)}
    </Badge>
  );
}

/** Health 0–100: below 40 an ACTIVE customer moves to AT_RISK, so that is the red line. */
export function healthColor(score: number | null | undefined): MantineColor {
  if (score === null || score === undefined) return 'gray';
  if (score < 40) return 'red';
  if (score < 70) return 'yellow';
  return 'green';
}

/** The score as a coloured badge, '—' when the customer has no score yet. */
export function HealthBadge({ score, size }: { score: number | null | undefined; size?: BadgeProps['size'] }) {
  if (score === null || score === undefined) {
    return (
      <Badge variant="outline" color="gray" size={size} style={NO_SHRINK} aria-label="No health score yet" data-testid="health-badge">
        —
      </Badge>
    );
  }
  return (
    <Badge variant="filled" color={healthColor(score)} size={size} style={NO_SHRINK} data-testid="health-badge">
      {score}
    </Badge>
  );
}

/** The five health components (the api's keys) in plain words. */
export const HEALTH_COMPONENTS: Record<string, { label: string; explanation: string }> = {
  paymentPunctuality: {
    label: 'Payment punctuality',
    explanation: 'Share of the last 12 months’ invoices paid in full by the end of their service month.',
  },
  tenure: {
    label: 'Tenure',
    explanation: 'How long the customer has been signed up; two years or more is full marks.',
  },
  supportLoad: {
    label: 'Support load',
    explanation: 'Fewer support tickets, technical issues, billing inquiries and complaints in the last 90 days is better; each one costs 20 points.',
  },
  engagement: {
    label: 'Engagement',
    explanation: 'How much of the plan the customer uses (the ISP’s figure), or else the average satisfaction rating of the last 180 days.',
  },
  interactionRecency: {
    label: 'Interaction recency',
    explanation: 'Full marks when you were in touch in the last 30 days, falling to zero at 180 days without contact.',
  },
};

export function healthComponentLabel(key: string): string {
  return HEALTH_COMPONENTS[key]?.label ?? key;
}

export const INTERACTION_TYPE_LABELS: Record<InteractionType, string> = {
  SALES_CALL: 'Sales call',
  EMAIL: 'Email',
  MEETING: 'Meeting',
  TRAINING: 'Training',
  SUPPORT_TICKET: 'Support ticket',
  BILLING_INQUIRY: 'Billing inquiry',
  TECHNICAL_ISSUE: 'Technical issue',
  FEATURE_REQUEST: 'Feature request',
  COMPLAINT: 'Complaint',
  COMPLIMENT: 'Compliment',
};

export const INTERACTION_OUTCOME_LABELS: Record<InteractionOutcome, string> = {
  POSITIVE: 'Positive',
  NEUTRAL: 'Neutral',
  NEGATIVE: 'Negative',
  RESOLVED: 'Resolved',
  UNRESOLVED: 'Unresolved',
  NO_RESPONSE: 'No response',
};

const OUTCOME_COLORS: Record<InteractionOutcome, MantineColor> = {
  POSITIVE: 'green',
  RESOLVED: 'teal',
  NEUTRAL: 'gray',
  NO_RESPONSE: 'gray',
  UNRESOLVED: 'orange',
  NEGATIVE: 'red',
};

export function outcomeColor(outcome: InteractionOutcome): MantineColor {
  return OUTCOME_COLORS[outcome] ?? 'gray';
}

export const TASK_TYPE_LABELS: Record<CustomerTaskType, string> = {
  WELCOME_SEQUENCE: 'Welcome sequence',
  ASSIGN_ACCOUNT_MANAGER: 'Assign account manager',
  START_ONBOARDING: 'Start onboarding',
  HEALTH_CHECK_IN: 'Health check-in',
  RETENTION_INTERVENTION: 'Retention intervention',
  EXIT_SURVEY: 'Exit survey',
  WIN_BACK: 'Win-back',
};

/** Today as YYYY-MM-DD in the browser's zone (due dates are calendar days). */
export function todayDay(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** A calendar day before today (YYYY-MM-DD compares as text). */
export function isOverdue(day: string | null | undefined): boolean {
  return !!day && day < todayDay();
}

/** '1 day', '12 days', '3.5 days'. */
export function daysLabel(days: number): string {
  return `${days.toLocaleString('en-US', { maximumFractionDigits: 1 })} ${days === 1 ? 'day' : 'days'}`;
}
