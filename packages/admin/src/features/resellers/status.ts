import type { ResellerStatus } from '../../gql/graphql';

/**
 * SPEC §2.3, as the api enforces it (packages/api reseller-status.ts): an onboarding partner may
 * go live or be terminated before it starts; an active one is suspended before termination;
 * TERMINATED is final. The console offers only these moves.
 */
export const NEXT_RESELLER_STATUSES: Record<ResellerStatus, readonly ResellerStatus[]> = {
  ONBOARDING: ['ACTIVE', 'TERMINATED'],
  ACTIVE: ['SUSPENDED'],
  SUSPENDED: ['ACTIVE', 'TERMINATED'],
  TERMINATED: [],
};

/** What each move does, in words an operator can check before confirming. */
export const STATUS_CHANGE_HINTS: Record<ResellerStatus, string> = {
  ACTIVE: 'The partner can sell and earns commissions.',
  SUSPENDED: 'The partner keeps portal access but is paused; it can be reactivated later.',
  TERMINATED: 'Final: every portal user is disabled and signed out. This cannot be undone.',
  ONBOARDING: '',
};
