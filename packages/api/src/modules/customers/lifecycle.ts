import { registerEnumType } from 'type-graphql';

/** The 12 ordered lifecycle stages of SPEC §3. */
export enum CustomerStage {
  PROSPECT = 'PROSPECT',
  LEAD = 'LEAD',
  QUALIFIED = 'QUALIFIED',
  PROPOSAL = 'PROPOSAL',
  NEGOTIATION = 'NEGOTIATION',
  CLOSED_WON = 'CLOSED_WON',
  ONBOARDING = 'ONBOARDING',
  ACTIVE = 'ACTIVE',
  EXPANSION = 'EXPANSION',
  AT_RISK = 'AT_RISK',
  CHURNED = 'CHURNED',
  REACTIVATION = 'REACTIVATION',
}
registerEnumType(CustomerStage, { name: 'CustomerStage', description: 'Lifecycle stage (SPEC §3); moves follow `allowedNextStages`.' });

export const STAGES = Object.values(CustomerStage);

/** The sales pipeline, in order: it moves forward one step at a time. */
export const PIPELINE: CustomerStage[] = [
  CustomerStage.PROSPECT,
  CustomerStage.LEAD,
  CustomerStage.QUALIFIED,
  CustomerStage.PROPOSAL,
  CustomerStage.NEGOTIATION,
  CustomerStage.CLOSED_WON,
];

/** Stages before the sale: leaving one of them for CHURNED means the deal was lost, not a churn. */
export const PRE_SALE_STAGES = new Set(PIPELINE.slice(0, -1));

/** Stages in which the customer pays a recurring fee (MRR, ARPU, health monitoring). */
export const RECURRING_STAGES = new Set([CustomerStage.ACTIVE, CustomerStage.EXPANSION, CustomerStage.AT_RISK]);

/** Stages of a signed customer: leaving one of them for CHURNED is a churn. */
export const CUSTOMER_STAGES = new Set([
  CustomerStage.CLOSED_WON,
  CustomerStage.ONBOARDING,
  CustomerStage.ACTIVE,
  CustomerStage.EXPANSION,
  CustomerStage.AT_RISK,
  CustomerStage.REACTIVATION,
]);

const S = CustomerStage;

/** The allowed transitions of SPEC §3: from → the stages it may move to. Anything else is refused. */
export const TRANSITIONS: Readonly<Record<CustomerStage, readonly CustomerStage[]>> = {
  [S.PROSPECT]: [S.LEAD, S.CHURNED],
  [S.LEAD]: [S.QUALIFIED, S.CHURNED],
  [S.QUALIFIED]: [S.PROPOSAL, S.CHURNED],
  [S.PROPOSAL]: [S.NEGOTIATION, S.CHURNED],
  [S.NEGOTIATION]: [S.CLOSED_WON, S.CHURNED],
  [S.CLOSED_WON]: [S.ONBOARDING],
  [S.ONBOARDING]: [S.ACTIVE],
  [S.ACTIVE]: [S.EXPANSION, S.AT_RISK],
  [S.EXPANSION]: [S.ACTIVE, S.AT_RISK],
  [S.AT_RISK]: [S.ACTIVE, S.CHURNED],
  [S.CHURNED]: [S.REACTIVATION],
  [S.REACTIVATION]: [S.ONBOARDING, S.ACTIVE],
};

export function canMove(from: CustomerStage, to: CustomerStage): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Why a move is refused, in words a partner understands; null when it is allowed. */
export function refusalOf(from: CustomerStage, to: CustomerStage): string | null {
  if (from === to) return `The customer is already in ${to}`;
  if (canMove(from, to)) return null;
  return `A customer cannot move from ${from} to ${to}; from ${from} it may move to ${TRANSITIONS[from].join(' or ')}`;
}

/** A stage a churn comes from is a signed customer's stage; CHURNED from the pipeline is a lost deal. */
export function isChurn(from: CustomerStage | null, to: CustomerStage): boolean {
  return to === CustomerStage.CHURNED && from !== null && CUSTOMER_STAGES.has(from);
}

export interface StageVisit {
  toStage: CustomerStage;
  at: Date;
}

/**
 * Whole time spent in each stage, from the recorded transitions (oldest first): a visit lasts from
 * its transition to the next one, the current stage until `now`. Stages visited twice add up.
 */
export function timeInStages(transitions: StageVisit[], now: Date): { stage: CustomerStage; seconds: number; visits: number }[] {
  const totals = new Map<CustomerStage, { seconds: number; visits: number }>();
  const ordered = [...transitions].sort((a, b) => a.at.getTime() - b.at.getTime());
  ordered.forEach((transition, index) => {
    const end = ordered[index + 1]?.at ?? now;
    const total = totals.get(transition.toStage) ?? { seconds: 0, visits: 0 };
    total.seconds += Math.max(0, Math.floor((end.getTime() - transition.at.getTime()) / 1000));
    total.visits += 1;
    totals.set(transition.toStage, total);
  });
  return STAGES.filter((stage) => totals.has(stage)).map((stage) => ({ stage, ...totals.get(stage)! }));
}

export enum StageActionType {
  WELCOME_SEQUENCE = 'WELCOME_SEQUENCE',
  ASSIGN_ACCOUNT_MANAGER = 'ASSIGN_ACCOUNT_MANAGER',
  START_ONBOARDING = 'START_ONBOARDING',
  HEALTH_CHECK_IN = 'HEALTH_CHECK_IN',
  RETENTION_INTERVENTION = 'RETENTION_INTERVENTION',
  EXIT_SURVEY = 'EXIT_SURVEY',
  WIN_BACK = 'WIN_BACK',
}
registerEnumType(StageActionType, { name: 'CustomerTaskType', description: 'The work a lifecycle stage starts (SPEC §3).' });

export interface StageAction {
  type: StageActionType;
  title: string;
  /** Days from entering the stage until the task is due. */
  dueInDays: number;
}

/**
 * What entering a stage starts (SPEC §3): each is a task on the customer, due after a few days,
 * listed for the reseller until done. ACTIVE's "health monitoring" is the scoring the daily job
 * runs over every recurring customer, plus a check-in call that gives the score fresh data.
 */
export const STAGE_ACTIONS: Partial<Record<CustomerStage, StageAction[]>> = {
  [S.PROSPECT]: [{ type: StageActionType.WELCOME_SEQUENCE, title: 'Send the welcome sequence (introduction, plans, coverage)', dueInDays: 2 }],
  [S.QUALIFIED]: [{ type: StageActionType.ASSIGN_ACCOUNT_MANAGER, title: 'Assign an account manager', dueInDays: 3 }],
  [S.CLOSED_WON]: [{ type: StageActionType.START_ONBOARDING, title: 'Start onboarding: schedule installation and activation', dueInDays: 5 }],
  [S.ACTIVE]: [{ type: StageActionType.HEALTH_CHECK_IN, title: 'Health check-in call (service quality, usage, satisfaction)', dueInDays: 30 }],
  [S.AT_RISK]: [{ type: StageActionType.RETENTION_INTERVENTION, title: 'Retention intervention: call, find the cause, agree on a fix', dueInDays: 7 }],
  [S.CHURNED]: [
    { type: StageActionType.EXIT_SURVEY, title: 'Exit survey: record why the customer left', dueInDays: 7 },
    { type: StageActionType.WIN_BACK, title: 'Win-back offer', dueInDays: 60 },
  ],
};
