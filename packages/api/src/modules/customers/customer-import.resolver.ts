import { Arg, Authorized, Ctx, Field, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../../app/context.js';
import { PARTNER_TEAM } from '../../auth/roles.js';
import { importCustomersCsv, previewCustomerImport } from './customer-import.service.js';
import { UpsertPayload } from './customer.inputs.js';

@InputType()
class CustomerCsvInput {
  @Field({ description: 'CSV text with a header: external_id, name, email, service_plan, mrr, signup_date, stage, usage_percent, reseller_code, assigned_since (external_id and name required).' })
  csv!: string;
}

@ObjectType()
class CustomerImportRow {
  @Field(() => Int, { description: '0-based data row (the index used by rowErrors).' }) index!: number;
  @Field(() => Int, { description: 'Line in the file (the header is line 1).' }) line!: number;
  @Field(() => String, { nullable: true }) externalId!: string | null;
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => String, { nullable: true }) servicePlan!: string | null;
  @Field(() => String, { nullable: true }) mrr!: string | null;
  @Field(() => String, { nullable: true }) signupDate!: string | null;
  @Field(() => String, { nullable: true }) stage!: string | null;
  @Field(() => String, { nullable: true }) usagePercent!: string | null;
  @Field(() => String, { nullable: true }) resellerCode!: string | null;
  @Field(() => String, { nullable: true }) assignedSince!: string | null;
  @Field({ description: 'CREATE, UPDATE, UNCHANGED or ERROR' }) action!: string;
  @Field(() => [String]) errors!: string[];
}

@ObjectType()
class CustomerImportPreview {
  @Field(() => Int) rowCount!: number;
  @Field(() => Int) create!: number;
  @Field(() => Int) update!: number;
  @Field(() => Int) unchanged!: number;
  @Field(() => Int) errorCount!: number;
  @Field(() => [CustomerImportRow]) rows!: CustomerImportRow[];
}

/** Customer CSV import for the admin console: preview (the real upsert, rolled back), then import all or nothing. */
@Authorized(...PARTNER_TEAM)
@Resolver()
export class CustomerImportResolver {
  @Query(() => CustomerImportPreview, { description: 'Checks a customer CSV and says what importing it would do; writes nothing.' })
  previewCustomerImport(@Arg('input') input: CustomerCsvInput, @Ctx() ctx: Context) {
    return previewCustomerImport(ctx, input.csv);
  }

  @Mutation(() => UpsertPayload, { description: 'Imports a customer CSV: every row or none (BAD_USER_INPUT with rowErrors).' })
  importCustomersCsv(@Arg('input') input: CustomerCsvInput, @Ctx() ctx: Context) {
    return importCustomersCsv(ctx, input.csv);
  }
}
