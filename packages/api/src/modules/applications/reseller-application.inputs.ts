import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SortDirection } from '../../shared/pagination.js';
import { ApplicationStatus, BusinessType, ReferralSource, ServiceInterest } from './application.enums.js';
import { ResellerApplication } from './reseller-application.entity.js';
import { Reseller } from '../resellers/reseller.entity.js';
import { ResellerTier } from '../resellers/reseller.enums.js';
import { ConnectionType } from '../../shared/pagination.js';

@InputType()
export class SubmitResellerApplicationInput {
  @Field(() => String, { nullable: true, description: "The ISP's tenant slug; the deployment's default tenant when omitted." })
  tenantSlug?: string | null;

  @Field() companyName!: string;
  @Field() legalName!: string;
  @Field() contactName!: string;
  @Field() contactEmail!: string;
  @Field() phone!: string;
  @Field(() => String, { nullable: true }) website?: string | null;
  @Field(() => BusinessType) businessType!: BusinessType;
  @Field(() => Int) yearsInBusiness!: number;
  @Field(() => [String], { description: 'Regions or postcodes, at least one.' }) territory!: string[];
  @Field(() => Int) expectedCustomersPerMonth!: number;
  @Field(() => Int) currentCustomerBase!: number;
  @Field(() => [ServiceInterest]) servicesOfInterest!: ServiceInterest[];
  @Field(() => ReferralSource) referralSource!: ReferralSource;
  @Field(() => String, { nullable: true }) message?: string | null;
  @Field({ description: 'Must be true: the applicant accepts the partner terms.' }) acceptTerms!: boolean;
}

/** What the applicant (holder of the status token) may see of their application. */
@ObjectType('ApplicationStatusView')
export class ApplicationStatusView {
  @Field() companyName!: string;
  @Field() contactName!: string;
  @Field() contactEmail!: string;
  @Field(() => ApplicationStatus) status!: ApplicationStatus;
  @Field() submittedAt!: Date;
  @Field(() => Date, { nullable: true }) decidedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'When the applicant withdrew it.' }) withdrawnAt!: Date | null;
  @Field(() => String, { nullable: true }) rejectionReason!: string | null;
  @Field({ description: 'True while the application awaits a decision.' }) canWithdraw!: boolean;
  @Field() tenantName!: string;
}

@ObjectType()
export class SubmitResellerApplicationPayload {
  @Field(() => ApplicationStatusView) application!: ApplicationStatusView;
  @Field({ description: 'Shown once: the applicant’s key to the status page. Only its hash is stored.' }) statusToken!: string;
  @Field() statusUrl!: string;
}

@ObjectType()
export class WithdrawResellerApplicationPayload {
  @Field(() => ApplicationStatusView) application!: ApplicationStatusView;
}

export enum ApplicationOrderField {
  CREATED_AT = 'CREATED_AT',
  COMPANY_NAME = 'COMPANY_NAME',
  STATUS = 'STATUS',
}
registerEnumType(ApplicationOrderField, { name: 'ApplicationOrderField' });

@InputType()
export class ResellerApplicationFilter {
  @Field(() => [ApplicationStatus], { nullable: true }) status?: ApplicationStatus[] | null;
  @Field(() => String, { nullable: true, description: 'Matches company, legal or contact name, or email.' }) search?: string | null;
}

@InputType()
export class ResellerApplicationOrder {
  @Field(() => ApplicationOrderField) field!: ApplicationOrderField;
  @Field(() => SortDirection) direction!: SortDirection;
}

export const ResellerApplicationConnection = ConnectionType('ResellerApplication', ResellerApplication);

@InputType()
export class ApplicationIdInput {
  @Field(() => ID) applicationId!: string;
}

@InputType()
export class ApproveResellerApplicationInput {
  @Field(() => ID) applicationId!: string;
  @Field(() => ResellerTier, { nullable: true, description: 'Starting tier (default BRONZE).' }) tier?: ResellerTier | null;
  @Field(() => String, { nullable: true, description: 'Optional note kept with the decision.' }) note?: string | null;
}

@InputType()
export class RejectResellerApplicationInput {
  @Field(() => ID) applicationId!: string;
  @Field({ description: 'Required; sent to the applicant.' }) reason!: string;
}

@InputType()
export class AddApplicationNoteInput {
  @Field(() => ID) applicationId!: string;
  @Field() body!: string;
}

@ObjectType()
export class ResellerApplicationPayload {
  @Field(() => ResellerApplication) application!: ResellerApplication;
}

@ObjectType()
export class ApproveResellerApplicationPayload {
  @Field(() => ResellerApplication) application!: ResellerApplication;
  @Field(() => Reseller) reseller!: Reseller;
  @Field({ description: 'True when the application had already been approved (the call changed nothing).' }) alreadyApproved!: boolean;
}
