import { Badge, type BadgeProps, type MantineColor, Tooltip } from '@mantine/core';
import type { CustomerStage } from '../../gql/graphql';
import { humanizeEnum } from '../../ui/labels';

// The customer lifecycle as the console shows it (SPEC §3): the 12 stages in order, one colour per
// phase (pipeline blue, won/onboarding teal, recurring green, at-risk orange, churned red).

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

const STAGE_LABELS: Partial<Record<CustomerStage, string>> = {
  CLOSED_WON: 'Closed won',
  AT_RISK: 'At risk',
};

export function stageLabel(stage: string): string {
  return STAGE_LABELS[stage as CustomerStage] ?? humanizeEnum(stage);
}

export const STAGE_COLORS: Record<CustomerStage, MantineColor> = {
  PROSPECT: 'gray',
  LEAD: 'blue',
  QUALIFIED: 'blue',
  PROPOSAL: 'indigo',
  NEGOTIATION: 'violet',
  CLOSED_WON: 'teal',
  ONBOARDING: 'cyan',
  ACTIVE: 'green',
  EXPANSION: 'lime',
  AT_RISK: 'orange',
  CHURNED: 'red',
  REACTIVATION: 'grape',
};

/** What entering a stage sets off (the api records each as a task or an email). */
export const STAGE_HINTS: Partial<Record<CustomerStage, string>> = {
  LEAD: 'Pipeline: one step forward.',
  QUALIFIED: 'Creates the task to assign an account manager.',
  PROPOSAL: 'Pipeline: one step forward.',
  NEGOTIATION: 'Pipeline: one step forward.',
  CLOSED_WON: 'The deal is won; onboarding starts.',
  ONBOARDING: 'Creates the onboarding task.',
  ACTIVE: 'Starts health monitoring.',
  EXPANSION: 'The customer is growing its service.',
  AT_RISK: 'Opens a retention intervention.',
  CHURNED: 'Sends the exit survey and starts the win-back.',
  REACTIVATION: 'A churned customer is coming back.',
};

const NO_SHRINK = { minWidth: 'max-content' } as const;

export function StageBadge({ stage, size }: { stage: CustomerStage; size?: BadgeProps['size'] }) {
  return (
    <Badge variant="light" color={STAGE_COLORS[stage] ?? 'gray'} size={size} style={NO_SHRINK} data-stage={stage}>
      {stageLabel(stage)}
    </Badge>
  );
}

/** Health 0–100: below 40 moves an ACTIVE customer to AT_RISK, so that is the red line. */
export function healthColor(score: number | null | undefined): MantineColor {
  if (score === null || score === undefined) return 'gray';
  if (score < 40) return 'red';
  if (score < 70) return 'yellow';
  return 'green';
}

export function HealthBadge({ score, size }: { score: number | null | undefined; size?: BadgeProps['size'] }) {
  if (score === null || score === undefined) {
    return (
      <Tooltip label="Not scored yet" withArrow>
        <Badge variant="default" color="gray" size={size} style={NO_SHRINK} fw={500}>
          —
        </Badge>
      </Tooltip>
    );
  }
  return (
    <Badge variant="light" color={healthColor(score)} size={size} style={{ ...NO_SHRINK, fontVariantNumeric: 'tabular-nums' }} data-health={score}>
      {score}
    </Badge>
  );
}

const HEALTH_COMPONENT_LABELS: Record<string, string> = {
  paymentPunctuality: 'Payment punctuality',
  tenure: 'Tenure',
  supportLoad: 'Support load',
  engagement: 'Usage / engagement',
  interactionRecency: 'Interaction recency',
};

export function healthComponentLabel(key: string): string {
  return HEALTH_COMPONENT_LABELS[key] ?? humanizeEnum(key.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase());
}

export const interactionTypeLabel = (type: string): string =>
  ({ SALES_CALL: 'Sales call', SUPPORT_TICKET: 'Support ticket', BILLING_INQUIRY: 'Billing inquiry', TECHNICAL_ISSUE: 'Technical issue', FEATURE_REQUEST: 'Feature request' })[type] ?? humanizeEnum(type);

export const INTERACTION_TYPES = [
  'SALES_CALL',
  'EMAIL',
  'MEETING',
  'TRAINING',
  'SUPPORT_TICKET',
  'BILLING_INQUIRY',
  'TECHNICAL_ISSUE',
  'FEATURE_REQUEST',
  'COMPLAINT',
  'COMPLIMENT',
] as const;

export const INTERACTION_OUTCOMES = ['POSITIVE', 'NEUTRAL', 'NEGATIVE', 'RESOLVED', 'UNRESOLVED', 'NO_RESPONSE'] as const;

export const OUTCOME_COLORS: Record<string, MantineColor> = {
  POSITIVE: 'green',
  RESOLVED: 'teal',
  NEUTRAL: 'gray',
  NO_RESPONSE: 'gray',
  NEGATIVE: 'red',
  UNRESOLVED: 'orange',
};

export const taskTypeLabel = (type: string): string => humanizeEnum(type);
