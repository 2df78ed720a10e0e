import type { Role } from '../../gql/graphql';

// What each staff role may do in this console (SPEC §1). The api enforces the same rules; these
// only decide which buttons and navigation items to show, so no one clicks into a FORBIDDEN.

export const STAFF_ROLES: readonly Role[] = ['ADMIN', 'FINANCE', 'PARTNER_MANAGER'];

export function isStaffRole(role: Role): boolean {
  return STAFF_ROLES.includes(role);
}

/** Partner team (ADMIN, PARTNER_MANAGER): decide applications, add review notes. */
export function canDecideApplications(role: Role): boolean {
  return role === 'ADMIN' || role === 'PARTNER_MANAGER';
}

/** Partner team: change a reseller's status. */
export function canChangeResellerStatus(role: Role): boolean {
  return role === 'ADMIN' || role === 'PARTNER_MANAGER';
}

/** Partner team: emails may hold set-password links, so finance does not read them. */
export function canReadEmails(role: Role): boolean {
  return role === 'ADMIN' || role === 'PARTNER_MANAGER';
}

/** Administrators only. */
export function canManageApiKeys(role: Role): boolean {
  return role === 'ADMIN';
}

/** Every staff role reads commissions (runs, lines, reports, plans, disputes). */
export function canReadCommissions(role: Role): boolean {
  return isStaffRole(role);
}

/**
 * Finance team (ADMIN, FINANCE): run, approve and close periods, manage and assign plans,
 * answer and resolve disputes. Partner managers only read commissions.
 */
export function canManageCommissions(role: Role): boolean {
  return role === 'ADMIN' || role === 'FINANCE';
}

/** Finance team (ADMIN, FINANCE): import billing records from a CSV file. */
export function canImportBilling(role: Role): boolean {
  return role === 'ADMIN' || role === 'FINANCE';
}

/** Partner team (ADMIN, PARTNER_MANAGER): complete the ISP's onboarding tasks. */
export function canCompleteOnboardingTasks(role: Role): boolean {
  return role === 'ADMIN' || role === 'PARTNER_MANAGER';
}

/** Every staff role reads the overdue onboarding worklist. */
export function canReadOnboarding(role: Role): boolean {
  return isStaffRole(role);
}

/** Every staff role reads customers, their lifecycle and the portfolio analytics. */
export function canReadCustomers(role: Role): boolean {
  return isStaffRole(role);
}

/**
 * Partner team (ADMIN, PARTNER_MANAGER): assign and reassign customers, import the customer CSV,
 * recompute health, move stages, log interactions and complete lifecycle tasks. Finance reads.
 */
export function canManageCustomers(role: Role): boolean {
  return role === 'ADMIN' || role === 'PARTNER_MANAGER';
}

/** Every staff role reads payment batches and their payments. */
export function canReadPayouts(role: Role): boolean {
  return isStaffRole(role);
}

/**
 * Finance team (ADMIN, FINANCE): create, approve, export and cancel payment batches, settle or
 * fail payments, verify resellers' bank details and download the NACHA file. Partner managers read.
 */
export function canManagePayouts(role: Role): boolean {
  return role === 'ADMIN' || role === 'FINANCE';
}

/** Finance team (ADMIN, FINANCE): the company and bank identities written into NACHA files. */
export function canReadAchSettings(role: Role): boolean {
  return role === 'ADMIN' || role === 'FINANCE';
}

/** Administrators only change the ACH settings. */
export function canEditAchSettings(role: Role): boolean {
  return role === 'ADMIN';
}

/** Every staff role reads partner success: health scores, alerts and interventions. */
export function canReadSuccess(role: Role): boolean {
  return isStaffRole(role);
}

/**
 * Partner team (ADMIN, PARTNER_MANAGER): recompute partner health, acknowledge and resolve alerts,
 * plan and update interventions, set targets and record satisfaction surveys. Finance reads.
 */
export function canManageSuccess(role: Role): boolean {
  return role === 'ADMIN' || role === 'PARTNER_MANAGER';
}

/** Administrators only: the automation jobs (schedules, run now, runs) and the system health. */
export function canManageAutomation(role: Role): boolean {
  return role === 'ADMIN';
}

/** Administrators only: the programme name, time zone and email branding. */
export function canManageTenantSettings(role: Role): boolean {
  return role === 'ADMIN';
}
