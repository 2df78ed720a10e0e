import type { ApplicationStatus, BusinessType, ReferralSource, ServiceInterest } from '../../gql/graphql';

// Readable labels for the application's enums. `Record<Enum, string>` makes a value added to the
// schema a type error here until it has a label.

export const BUSINESS_TYPE_LABELS: Record<BusinessType, string> = {
  INDIVIDUAL: 'Individual / sole trader',
  LLC: 'LLC',
  CORPORATION: 'Corporation',
  PARTNERSHIP: 'Partnership',
  NON_PROFIT: 'Non-profit',
};

export const SERVICE_INTEREST_LABELS: Record<ServiceInterest, string> = {
  FIBER: 'Fiber',
  RESIDENTIAL_BROADBAND: 'Residential broadband',
  BUSINESS_BROADBAND: 'Business broadband',
  FIXED_WIRELESS: 'Fixed wireless',
  MANAGED_WIFI: 'Managed Wi-Fi',
  VOIP: 'VoIP calling',
  TV: 'TV',
};

export const REFERRAL_SOURCE_LABELS: Record<ReferralSource, string> = {
  SEARCH: 'Search engine',
  SOCIAL_MEDIA: 'Social media',
  ADVERTISING: 'Advertising',
  EVENT: 'Event or trade show',
  REFERRAL: 'Recommendation from someone',
  EXISTING_PARTNER: 'An existing partner',
  OTHER: 'Other',
};

/** What each status means for the applicant, in the order an application moves through them. */
export const APPLICATION_STATUS_HELP: Record<ApplicationStatus, string> = {
  SUBMITTED: 'We have your application. It waits in the queue for a partner manager.',
  UNDER_REVIEW: 'A partner manager is reviewing your application and may contact you with questions.',
  APPROVED: 'Welcome aboard! We emailed you a link to set your password and start onboarding.',
  REJECTED: 'We could not accept your application this time. The reason is shown below.',
  WITHDRAWN: 'You withdrew this application. You can apply again at any time.',
};

/** `[{ value, label }]` for a Select or a Checkbox.Group, in the labels' order. */
export function optionsOf<T extends string>(labels: Record<T, string>): { value: T; label: string }[] {
  return (Object.entries(labels) as [T, string][]).map(([value, label]) => ({ value, label }));
}
