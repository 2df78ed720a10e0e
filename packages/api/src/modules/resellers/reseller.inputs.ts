import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../../shared/pagination.js';
import { BusinessType } from '../applications/application.enums.js';
import { Reseller } from './reseller.entity.js';
import { ResellerStatus, ResellerTier } from './reseller.enums.js';

export const ResellerConnection = ConnectionType('Reseller', Reseller);

@InputType()
export class ResellerFilter {
  @Field(() => [ResellerStatus], { nullable: true }) status?: ResellerStatus[] | null;
  @Field(() => [ResellerTier], { nullable: true }) tier?: ResellerTier[] | null;
  @Field(() => String, { nullable: true, description: 'Matches code, company or contact name, or email.' }) search?: string | null;
}

@InputType()
export class UpdateResellerStatusInput {
  @Field(() => ID) resellerId!: string;
  @Field(() => ResellerStatus) status!: ResellerStatus;
  @Field({ description: 'Required; kept in the audit trail.' }) reason!: string;
}

@InputType()
export class UpdateMyResellerProfileInput {
  @Field(() => String, { nullable: true }) contactName?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => String, { nullable: true, description: 'Empty string clears it.' }) website?: string | null;
}

@ObjectType()
export class ResellerPayload {
  @Field(() => Reseller) reseller!: Reseller;
}

@InputType()
export class SetResellerTierInput {
  @Field(() => ID) resellerId!: string;
  @Field(() => ResellerTier) tier!: ResellerTier;
  @Field({ description: 'Required (1–500 characters); kept in the audit trail.' }) reason!: string;
}

/** One partner from a legacy system (`upsertResellers`, `importResellersCsv`). */
@InputType()
export class ResellerUpsertInput {
  @Field(() => String, { nullable: true, description: 'An existing reseller to update (RS-000001); omit to create one with the next code.' }) code?: string | null;
  @Field() companyName!: string;
  @Field() legalName!: string;
  @Field() contactName!: string;
  @Field({ description: 'A new reseller\'s contact becomes its RESELLER_OWNER user, invited to set a password.' }) contactEmail!: string;
  @Field() phone!: string;
  @Field(() => BusinessType) businessType!: BusinessType;
  @Field(() => String, { nullable: true, description: 'Omit (or empty) to leave it as it is.' }) website?: string | null;
  @Field(() => ResellerTier, { nullable: true, description: 'Default BRONZE for a new reseller; an update changes it only when given.' }) tier?: ResellerTier | null;
  @Field(() => ResellerStatus, { nullable: true, description: 'New resellers only: ONBOARDING (default, with the onboarding checklist) or ACTIVE. Status changes go through updateResellerStatus.' })
  status?: ResellerStatus | null;
}

@InputType()
export class UpsertResellersInput {
  @Field(() => [ResellerUpsertInput], { description: 'At most 10,000 per call; every row or none (BAD_USER_INPUT with rowErrors).' }) resellers!: ResellerUpsertInput[];
  @Field(() => Boolean, { nullable: true, description: 'Check and answer what would happen; write nothing.' }) dryRun?: boolean | null;
}

@InputType()
export class ImportResellersCsvInput {
  @Field({
    description:
      'CSV text with a header: code, company_name, legal_name, contact_name, contact_email, phone, business_type, website, tier, status (all but code, website, tier and status required). An empty code creates a reseller.',
  })
  csv!: string;

  @Field(() => Boolean, { nullable: true, description: 'Check and answer what would happen; write nothing.' }) dryRun?: boolean | null;
}

export enum ResellerUpsertAction {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  UNCHANGED = 'UNCHANGED',
}
registerEnumType(ResellerUpsertAction, { name: 'ResellerUpsertAction' });

@ObjectType()
export class ResellerUpsertRow {
  @Field(() => Int, { description: '0-based position in the input (the index used by rowErrors).' }) row!: number;
  @Field({ description: 'The reseller\'s code; for a new one, the code it gets (or would get, in a dry run).' }) code!: string;
  @Field(() => ResellerUpsertAction) action!: ResellerUpsertAction;
}

@ObjectType()
export class ResellerUpsertPayload {
  @Field(() => Int) created!: number;
  @Field(() => Int) updated!: number;
  @Field(() => Int) unchanged!: number;
  @Field(() => [ResellerUpsertRow]) rows!: ResellerUpsertRow[];
}
