import { Field, InputType, Int, ObjectType } from 'type-graphql';

@InputType()
export class CustomerUpsertInput {
  @Field({ description: "The ISP's id for the customer (the upsert key)." }) externalId!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true, description: 'Code of the reseller the customer is assigned to (RS-000001); omit to leave the assignment as it is.' })
  resellerCode?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD the assignment starts (default: today). Payments on or after it earn for the reseller.' })
  assignedSince?: string | null;
}

@InputType()
export class UpsertCustomersInput {
  @Field(() => [CustomerUpsertInput], { description: 'At most 10,000 per call.' }) customers!: CustomerUpsertInput[];
}

@ObjectType()
export class RowError {
  @Field(() => Int, { description: '0-based position in the input list.' }) index!: number;
  @Field() field!: string;
  @Field() message!: string;
}

@ObjectType()
export class UpsertPayload {
  @Field(() => Int) created!: number;
  @Field(() => Int) updated!: number;
  @Field(() => Int) unchanged!: number;
}
