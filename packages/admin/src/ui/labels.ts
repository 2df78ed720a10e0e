// Human labels for the api's enum values, in one place so tables, filters and badges agree.

/** 'UNDER_REVIEW' → 'Under review'; the fallback for any enum value without its own label. */
export function humanizeEnum(value: string): string {
  const words = value.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function labeler(labels: Record<string, string>) {
  return (value: string): string => labels[value] ?? humanizeEnum(value);
}

export const businessTypeLabel = labeler({
  INDIVIDUAL: 'Individual',
  LLC: 'LLC',
  CORPORATION: 'Corporation',
  PARTNERSHIP: 'Partnership',
  NON_PROFIT: 'Non-profit',
});

export const roleLabel = labeler({
  ADMIN: 'Administrator',
  FINANCE: 'Finance',
  PARTNER_MANAGER: 'Partner manager',
  RESELLER_OWNER: 'Reseller owner',
  RESELLER_STAFF: 'Reseller staff',
});

export const serviceLabel = labeler({
  BUSINESS_BROADBAND: 'Business broadband',
  FIBER: 'Fiber',
  FIXED_WIRELESS: 'Fixed wireless',
  MANAGED_WIFI: 'Managed Wi-Fi',
  RESIDENTIAL_BROADBAND: 'Residential broadband',
  TV: 'TV',
  VOIP: 'VoIP',
});

export const referralSourceLabel = labeler({
  ADVERTISING: 'Advertising',
  EVENT: 'Event',
  EXISTING_PARTNER: 'Existing partner',
  OTHER: 'Other',
  REFERRAL: 'Referral',
  SEARCH: 'Web search',
  SOCIAL_MEDIA: 'Social media',
});

export const emailTemplateLabel = labeler({
  APPLICATION_RECEIVED: 'Application received',
  NEW_APPLICATION_ADMIN: 'New application (staff)',
  APPLICATION_APPROVED: 'Application approved',
  APPLICATION_REJECTED: 'Application rejected',
  COMMISSION_RUN_READY: 'Commission run ready',
  COMMISSION_STATEMENT: 'Commission statement',
  ONBOARDING_COMPLETED: 'Onboarding completed',
  ONBOARDING_TASK_REMINDER: 'Onboarding reminder',
  PARTNER_ALERT: 'Partner alert',
  PAYMENT_STATEMENT: 'Payment statement',
  PAYOUT_ACCOUNT_CHANGED: 'Payout account changed',
});

export const jobTriggerLabel = labeler({
  SCHEDULE: 'Schedule',
  MANUAL: 'Run now',
  EVENT: 'Event',
});

export const tierLabel = labeler({});

export const planTypeLabel = labeler({
  PERCENTAGE: 'Percentage',
  FLAT_FEE: 'Flat fee',
  TIERED: 'Tiered',
});

export const tierModeLabel = labeler({
  WHOLE: 'Whole total',
  MARGINAL: 'Marginal',
});

export const commissionLineKindLabel = labeler({
  CUSTOMER: 'Customer',
  CAP: 'Cap',
  ADJUSTMENT: 'Adjustment',
});

export const reportGroupLabel = labeler({
  RESELLER: 'Reseller',
  PLAN: 'Plan',
  TIER: 'Tier',
  STATUS: 'Status',
});

/**
 * An audit action ('application.review_started') as a sentence ('Review started'). Known verbs
 * get hand-written labels; anything new still reads acceptably.
 */
const ACTION_LABELS: Record<string, string> = {
  'application.submitted': 'Application submitted',
  'application.review_started': 'Review started',
  'application.approved': 'Application approved',
  'application.rejected': 'Application rejected',
  'application.withdrawn': 'Withdrawn by the applicant',
  'application.note_added': 'Note added',
  'reseller.created': 'Reseller created',
  'reseller.status_changed': 'Status changed',
  'reseller.profile_updated': 'Profile updated',
  'reseller.plan_assigned': 'Commission plan assigned',
  'commission_run.completed': 'Commission run completed',
  'commission_run.approved': 'Commission run approved',
  'commission_period.closed': 'Commission period closed',
  'commission_plan.created': 'Commission plan created',
  'commission_plan.versioned': 'New plan version',
  'commission_line.disputed': 'Commission line disputed',
  'commission_dispute.resolved': 'Dispute resolved',
};

export function auditActionLabel(action: string): string {
  const known = ACTION_LABELS[action];
  if (known) return known;
  const [entity = '', verb = action] = action.includes('.') ? action.split('.', 2) : ['', action];
  const sentence = humanizeEnum(verb.toUpperCase());
  return entity ? `${humanizeEnum(entity.toUpperCase())}: ${sentence.toLowerCase()}` : sentence;
}
