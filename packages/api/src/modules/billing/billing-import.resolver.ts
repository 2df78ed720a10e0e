import { Arg, Authorized, Ctx, Field, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../../app/context.js';
import { Role } from '../../auth/roles.js';
import { UpsertPayload } from '../customers/customer.inputs.js';
import { importBillingCsv, previewBillingImport } from './billing-import.service.js';

@InputType()
class BillingCsvInput {
  @Field({ description: 'CSV text with a header: invoice_id, customer_external_id, period, invoiced_amount, paid_amount, paid_date.' }) csv!: string;
}

@ObjectType()
class BillingImportRow {
  @Field(() => Int, { description: '0-based data row (the index used by rowErrors).' }) index!: number;
  @Field(() => Int, { description: 'Line in the file (the header is line 1).' }) line!: number;
  @Field(() => String, { nullable: true }) invoiceId!: string | null;
  @Field(() => String, { nullable: true }) customerExternalId!: string | null;
  @Field(() => String, { nullable: true }) period!: string | null;
  @Field(() => String, { nullable: true }) invoicedAmount!: string | null;
  @Field(() => String, { nullable: true }) paidAmount!: string | null;
  @Field(() => String, { nullable: true }) paidDate!: string | null;
  @Field({ description: 'CREATE, UPDATE, UNCHANGED or ERROR' }) action!: string;
  @Field(() => [String]) errors!: string[];
}

@ObjectType()
class BillingImportPreview {
  @Field(() => Int) rowCount!: number;
  @Field(() => Int) create!: number;
  @Field(() => Int) update!: number;
  @Field(() => Int) unchanged!: number;
  @Field(() => Int) errorCount!: number;
  @Field(() => [BillingImportRow]) rows!: BillingImportRow[];
}

/** Billing CSV import for the admin console: preview first, then import all or nothing. */
@Authorized(Role.ADMIN, Role.FINANCE)
@Resolver()
export class BillingImportResolver {
  @Query(() => BillingImportPreview, { description: 'Checks a billing CSV and says what importing it would do; writes nothing.' })
  previewBillingImport(@Arg('input') input: BillingCsvInput, @Ctx() ctx: Context) {
    return previewBillingImport(ctx, input.csv);
  }

  @Mutation(() => UpsertPayload, { description: 'Imports a billing CSV: every row or none (BAD_USER_INPUT with rowErrors).' })
  importBillingRecordsCsv(@Arg('input') input: BillingCsvInput, @Ctx() ctx: Context) {
    return importBillingCsv(ctx, input.csv);
  }
}
