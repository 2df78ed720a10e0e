import { Field, InputType } from 'type-graphql';

@InputType()
export class BillingRecordInput {
  @Field({ description: "The ISP's invoice id, unique per tenant (the upsert key). Credit notes have their own id." }) invoiceId!: string;
  @Field({ description: "The customer's external id (upsertCustomers first)." }) customerExternalId!: string;
  @Field({ description: 'Service period invoiced, YYYY-MM.' }) period!: string;
  @Field({ description: 'Decimal string, e.g. "1204.50"; negative for a refund or credit note.' }) invoicedAmount!: string;
  @Field(() => String, { nullable: true, description: 'Decimal string; what has been paid (or refunded, negative). Default 0.' }) paidAmount?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD the payment (or refund) happened; required when paidAmount is not 0.' }) paidDate?: string | null;
}

@InputType()
export class UpsertBillingRecordsInput {
  @Field(() => [BillingRecordInput], { description: 'At most 10,000 per call.' }) records!: BillingRecordInput[];
}
