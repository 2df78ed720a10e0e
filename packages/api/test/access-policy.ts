/**
 * The access policy of the GraphQL API, declared once: who may call every query and mutation, and
 * every field that carries its own `@Authorized`. The authorization matrix
 * (access-matrix.int.test.ts) calls every operation as every kind of caller and checks each answer
 * against this table; docs/security.md shows it (rendered by `renderPolicyTable`, kept in sync by
 * access-policy.test.ts). A new operation or guarded field without a row fails both tests.
 *
 * An API key acts with the role it was created with (a reseller-role key for its one reseller),
 * in its one tenant, so it follows the same rows as a person with that role.
 */
import { Role } from '../src/auth/roles.js';

const { ADMIN, FINANCE, PARTNER_MANAGER, RESELLER_OWNER, RESELLER_STAFF } = Role;

/** Who may call: anyone (no credentials), any signed-in user or key, or the listed roles. */
export type Who = 'PUBLIC' | 'SIGNED_IN' | readonly Role[];

export interface PolicyRow {
  who: Who;
  /**
   * What a reseller caller (RESELLER_OWNER, RESELLER_STAFF) gets: `OWN` = only its own reseller's
   * rows (its reseller, its customers and everything that belongs to them); another reseller's or
   * another tenant's ids are NOT_FOUND. Declared on every row a reseller role may call.
   */
  resellers?: 'OWN';
  /** Only a signed-in person may (`@PeopleOnly`): an API key with an admitted role gets FORBIDDEN. */
  peopleOnly?: true;
  /** Why the rule is what it is, where the roles alone do not say it. */
  note?: string;
}

const STAFF = [ADMIN, FINANCE, PARTNER_MANAGER] as const;
const PARTNER_TEAM = [ADMIN, PARTNER_MANAGER] as const;
const FINANCE_TEAM = [ADMIN, FINANCE] as const;
const RESELLERS = [RESELLER_OWNER, RESELLER_STAFF] as const;

const everyone: PolicyRow = { who: 'PUBLIC' };
const staff: PolicyRow = { who: STAFF };
const partnerTeam: PolicyRow = { who: PARTNER_TEAM };
const financeTeam: PolicyRow = { who: FINANCE_TEAM };
const admins: PolicyRow = { who: [ADMIN] };
const staffAndOwnReseller: PolicyRow = { who: [...STAFF, ...RESELLERS], resellers: 'OWN' };
const partnerTeamAndOwnReseller: PolicyRow = { who: [...PARTNER_TEAM, ...RESELLERS], resellers: 'OWN' };
const ownResellerOnly: PolicyRow = { who: RESELLERS, resellers: 'OWN' };

/**
 * The rules, by domain. Keys: `Query.x`, `Mutation.x`, or `Type.field` for a field with its own
 * `@Authorized`. docs/security.md shows one table per section, in this order.
 */
export const POLICY_SECTIONS: { title: string; rows: Record<string, PolicyRow> }[] = [
  {
    title: 'Sign-in and accounts',
    rows: {
      'Query.publicTenant': { ...everyone, note: "An ISP's public name and branding, for the SPAs' headers." },
      'Mutation.login': { ...everyone, note: 'Rate-limited per IP.' },
      'Mutation.setPassword': { ...everyone, note: 'Needs the single-use token of an invitation email.' },
      'Query.me': { who: 'SIGNED_IN', resellers: 'OWN' },
      'Mutation.logout': { who: 'SIGNED_IN', resellers: 'OWN', peopleOnly: true, note: 'Ends the session it is called with.' },
      'Mutation.inviteUser': admins,
      'Query.apiKeys': admins,
      'Mutation.createApiKey': { ...admins, note: 'A reseller-role key is bound to one reseller of the tenant.' },
      'Mutation.revokeApiKey': admins,
      'ApiKey.reseller': { who: 'SIGNED_IN', resellers: 'OWN', note: 'A key reads itself through `me`, whatever its role.' },
      'ApiKey.createdBy': { ...admins, note: 'A staff member: not for the key itself.' },
    },
  },
  {
    title: 'Applications',
    rows: {
      'Mutation.submitResellerApplication': { ...everyone, note: 'Rate-limited per IP; one open application per email.' },
      'Query.resellerApplicationStatus': { ...everyone, note: 'Only with the status token returned at submission.' },
      'Mutation.withdrawResellerApplication': { ...everyone, note: 'Only with the status token.' },
      'Query.resellerApplications': staff,
      'Query.resellerApplication': staff,
      'Mutation.startApplicationReview': partnerTeam,
      'Mutation.addApplicationNote': { ...partnerTeam, peopleOnly: true, note: 'A note has a person as its author.' },
      'Mutation.approveResellerApplication': partnerTeam,
      'Mutation.rejectResellerApplication': partnerTeam,
      'ResellerApplication.emails': { ...partnerTeam, note: 'Emails about an application may hold invitation links.' },
    },
  },
  {
    title: 'Resellers',
    rows: {
      'Query.resellers': staffAndOwnReseller,
      'Query.reseller': staffAndOwnReseller,
      'Query.myReseller': ownResellerOnly,
      'Mutation.updateResellerStatus': partnerTeam,
      'Mutation.setResellerTier': partnerTeam,
      'Mutation.upsertResellers': partnerTeam,
      'Mutation.importResellersCsv': partnerTeam,
      'Mutation.updateMyResellerProfile': { who: [RESELLER_OWNER], resellers: 'OWN' },
      'Reseller.users': { who: [...STAFF, RESELLER_OWNER], resellers: 'OWN', note: "A reseller's owner manages its users; its staff may not list them." },
      'Reseller.application': staff,
      'Reseller.history': staff,
      'Query.auditEvents': staff,
    },
  },
  {
    title: 'Onboarding',
    rows: {
      'Query.onboarding': staffAndOwnReseller,
      'Query.myOnboarding': ownResellerOnly,
      'Query.overdueOnboardingTasks': staff,
      'Mutation.completeOnboardingTask': { ...partnerTeamAndOwnReseller, note: 'Each task is done by one side: partner tasks by the reseller, ISP tasks by the partner team (FORBIDDEN otherwise).' },
    },
  },
  {
    title: 'Customers',
    rows: {
      'Query.customers': staffAndOwnReseller,
      'Query.myCustomers': ownResellerOnly,
      'Query.customer': staffAndOwnReseller,
      'Query.customerWorkDue': staffAndOwnReseller,
      'Query.myCustomerWorkDue': ownResellerOnly,
      'Query.resellerPortfolio': staffAndOwnReseller,
      'Query.myAnalytics': ownResellerOnly,
      'Mutation.upsertCustomers': { who: [...PARTNER_TEAM, FINANCE], note: "The ISP's systems push customers." },
      'Query.previewCustomerImport': partnerTeam,
      'Mutation.importCustomersCsv': partnerTeam,
      'Mutation.moveCustomerStage': partnerTeamAndOwnReseller,
      'Mutation.assignCustomer': partnerTeam,
      'Mutation.reassignCustomer': partnerTeam,
      'Mutation.reassignCustomers': partnerTeam,
      'Mutation.recomputeCustomerHealth': partnerTeam,
      'Mutation.logCustomerInteraction': partnerTeamAndOwnReseller,
      'Mutation.completeCustomerFollowUp': partnerTeamAndOwnReseller,
      'Mutation.completeCustomerTask': partnerTeamAndOwnReseller,
    },
  },
  {
    title: 'Billing and commissions',
    rows: {
      'Mutation.upsertBillingRecords': financeTeam,
      'Query.previewBillingImport': financeTeam,
      'Mutation.importBillingRecordsCsv': financeTeam,
      'Query.commissionPlans': staff,
      'Mutation.createCommissionPlan': financeTeam,
      'Mutation.createCommissionPlanVersion': financeTeam,
      'Mutation.assignCommissionPlan': financeTeam,
      'Mutation.runCommissions': financeTeam,
      'Mutation.approveCommissionRun': financeTeam,
      'Mutation.closeCommissionPeriod': financeTeam,
      'Query.commissionRuns': staff,
      'Query.commissionRun': staff,
      'Query.commissionLines': staff,
      'Query.commissionReport': staff,
      'Query.myCommissions': ownResellerOnly,
      'Query.myCommissionHistory': ownResellerOnly,
      'Mutation.reconcileCommissions': financeTeam,
      'Mutation.resolveReconciliationItem': financeTeam,
      'Query.commissionReconciliations': staff,
      'Query.commissionReconciliation': staff,
      'Query.commissionDisputes': staffAndOwnReseller,
      'Mutation.disputeCommissionLine': ownResellerOnly,
      'Mutation.addCommissionDisputeMessage': { who: [...FINANCE_TEAM, ...RESELLERS], resellers: 'OWN' },
      'Mutation.resolveCommissionDispute': financeTeam,
    },
  },
  {
    title: 'Payouts',
    rows: {
      'Query.payoutAccount': { ...staffAndOwnReseller, note: 'Masked: the last four digits only.' },
      'Query.myPayoutAccount': ownResellerOnly,
      'Mutation.setMyPayoutAccount': { who: [RESELLER_OWNER], resellers: 'OWN', note: 'Verification by finance starts over.' },
      'Mutation.verifyPayoutAccount': financeTeam,
      'Query.achSettings': financeTeam,
      'Mutation.updateAchSettings': admins,
      'Query.paymentBatches': staff,
      'Query.paymentBatch': staff,
      'Mutation.createPaymentBatch': financeTeam,
      'Mutation.approvePaymentBatch': { ...financeTeam, note: 'By someone other than its creator (FORBIDDEN otherwise).' },
      'Mutation.cancelPaymentBatch': financeTeam,
      'Mutation.exportPaymentBatch': financeTeam,
      'Mutation.markPaymentSettled': financeTeam,
      'Mutation.markPaymentFailed': financeTeam,
      'Query.myPayments': ownResellerOnly,
      'Query.payment': { ...staffAndOwnReseller, note: 'Partners: their own payments of approved batches onwards.' },
      'Payment.batch': { ...staff, note: 'A batch lists other resellers.' },
    },
  },
  {
    title: 'Partner success',
    rows: {
      'Query.partnerHealth': staffAndOwnReseller,
      'Query.myHealth': ownResellerOnly,
      'Query.partnerHealthHistory': staffAndOwnReseller,
      'Query.partnerAlerts': staff,
      'Query.interventions': staff,
      'Query.channelSuccessDashboard': staff,
      'Query.resellerSuccessDashboard': staff,
      'Mutation.recomputePartnerHealth': partnerTeam,
      'Mutation.setPartnerTargets': partnerTeam,
      'Mutation.recordSatisfactionSurvey': partnerTeam,
      'Mutation.acknowledgeAlert': partnerTeam,
      'Mutation.resolveAlert': partnerTeam,
      'Mutation.planIntervention': partnerTeam,
      'Mutation.updateIntervention': partnerTeam,
    },
  },
  {
    title: 'Emails, automation and settings',
    rows: {
      'Query.outboxEmails': { ...partnerTeam, note: 'Invitation emails hold set-password links.' },
      'Query.outboxEmail': partnerTeam,
      'Mutation.resendEmail': partnerTeam,
      'Query.automationJobs': admins,
      'Query.jobRuns': admins,
      'Query.systemHealth': admins,
      'Mutation.runJobNow': admins,
      'Mutation.updateJobSchedule': admins,
      'Query.tenantSettings': admins,
      'Mutation.updateTenantSettings': admins,
    },
  },
];

/** Every rule by its key. */
export const POLICY: Record<string, PolicyRow> = Object.assign({}, ...POLICY_SECTIONS.map((section) => section.rows));

/** Whether a caller with `role` (undefined: no credentials) passes the row's role check. */
export function admits(row: PolicyRow, role: Role | undefined): boolean {
  if (row.who === 'PUBLIC') return true;
  if (!role) return false;
  return row.who === 'SIGNED_IN' || row.who.includes(role);
}

function whoLabel(who: Who): string {
  if (who === 'PUBLIC') return 'anyone (public)';
  if (who === 'SIGNED_IN') return 'any signed-in user or API key';
  const has = (roles: readonly Role[]) => roles.every((role) => who.includes(role));
  const parts: string[] = [];
  let rest = [...who];
  for (const [label, roles] of [
    ['staff', STAFF],
    ['resellers', RESELLERS],
  ] as const) {
    if (has(roles)) {
      parts.push(label);
      rest = rest.filter((role) => !roles.includes(role as never));
    }
  }
  return [...parts, ...rest.map((role) => `\`${role}\``)].join(', ');
}

/**
 * The policy as markdown, for docs/security.md (between the policy-table markers): one table per
 * section, in the order of POLICY_SECTIONS.
 */
export function renderPolicyTable(sections = POLICY_SECTIONS): string {
  const note = (row: PolicyRow) => [row.peopleOnly ? 'People only: an API key gets `FORBIDDEN`.' : '', row.note ?? ''].filter(Boolean).join(' ');
  const line = (key: string, row: PolicyRow) => `| \`${key}\` | ${whoLabel(row.who)} | ${row.resellers === 'OWN' ? 'own reseller only' : '—'} | ${note(row)} |`;
  return [
    '"staff" is `ADMIN`, `FINANCE` and `PARTNER_MANAGER`; "resellers" is `RESELLER_OWNER` and `RESELLER_STAFF`. An API key acts',
    'with its role (a reseller-role key for its one reseller) in its one tenant. A caller without credentials gets',
    '`UNAUTHENTICATED`, a role not listed `FORBIDDEN`, and an id of another tenant (or, for a reseller caller, of another',
    'reseller) `NOT_FOUND`, in filters too. A row named `Type.field` is a field with a rule of its own: reached from an',
    'operation that admits more callers, it answers them `FORBIDDEN` for that field.',
    '',
    ...sections.flatMap((section) => [`### ${section.title}`, '', '| operation or field | who may call | reseller callers get | note |', '| --- | --- | --- | --- |', ...Object.entries(section.rows).map(([key, row]) => line(key, row)), '']),
  ].join('\n');
}
