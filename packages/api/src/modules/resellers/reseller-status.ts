import { ResellerStatus } from './reseller.enums.js';

/**
 * SPEC §2.3: ONBOARDING → ACTIVE ⇄ SUSPENDED → TERMINATED. Decided where the spec is silent:
 * a partner may be terminated straight from ONBOARDING (it never got going), and an ACTIVE partner
 * is suspended before it is terminated, so payouts can be settled in between. TERMINATED is final.
 */
export const RESELLER_STATUS_TRANSITIONS: Record<ResellerStatus, readonly ResellerStatus[]> = {
  [ResellerStatus.ONBOARDING]: [ResellerStatus.ACTIVE, ResellerStatus.TERMINATED],
  [ResellerStatus.ACTIVE]: [ResellerStatus.SUSPENDED],
  [ResellerStatus.SUSPENDED]: [ResellerStatus.ACTIVE, ResellerStatus.TERMINATED],
  [ResellerStatus.TERMINATED]: [],
};

export function canChangeResellerStatus(from: ResellerStatus, to: ResellerStatus): boolean {
  return RESELLER_STATUS_TRANSITIONS[from].includes(to);
}

/** Formats a reseller code from its per-tenant sequence number: 1 → RS-000001. */
export function formatResellerCode(sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new Error(`Invalid reseller sequence ${sequence}`);
  return `RS-${String(sequence).padStart(6, '0')}`;
}
