import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../shared/pagination.js';
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
