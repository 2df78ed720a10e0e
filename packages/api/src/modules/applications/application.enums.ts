import { registerEnumType } from 'type-graphql';

export enum ApplicationStatus {
  SUBMITTED = 'SUBMITTED',
  UNDER_REVIEW = 'UNDER_REVIEW',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(ApplicationStatus, { name: 'ApplicationStatus' });

/** Statuses in which an application still awaits a decision (one per contact email and tenant). */
export const OPEN_APPLICATION_STATUSES = [ApplicationStatus.SUBMITTED, ApplicationStatus.UNDER_REVIEW];

export enum BusinessType {
  INDIVIDUAL = 'INDIVIDUAL',
  LLC = 'LLC',
  CORPORATION = 'CORPORATION',
  PARTNERSHIP = 'PARTNERSHIP',
  NON_PROFIT = 'NON_PROFIT',
}
registerEnumType(BusinessType, { name: 'BusinessType' });

/** The ISP's product lines a partner may resell. */
export enum ServiceInterest {
  RESIDENTIAL_BROADBAND = 'RESIDENTIAL_BROADBAND',
  BUSINESS_BROADBAND = 'BUSINESS_BROADBAND',
  FIBER = 'FIBER',
  FIXED_WIRELESS = 'FIXED_WIRELESS',
  VOIP = 'VOIP',
  TV = 'TV',
  MANAGED_WIFI = 'MANAGED_WIFI',
}
registerEnumType(ServiceInterest, { name: 'ServiceInterest' });

export enum ReferralSource {
  SEARCH = 'SEARCH',
  SOCIAL_MEDIA = 'SOCIAL_MEDIA',
  REFERRAL = 'REFERRAL',
  EVENT = 'EVENT',
  ADVERTISING = 'ADVERTISING',
  EXISTING_PARTNER = 'EXISTING_PARTNER',
  OTHER = 'OTHER',
}
registerEnumType(ReferralSource, { name: 'ReferralSource' });
