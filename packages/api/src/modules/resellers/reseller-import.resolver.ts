import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../app/context.js';
import { PARTNER_TEAM } from '../../auth/roles.js';
import { importResellersCsv, upsertResellers } from './reseller-import.service.js';
import { ImportResellersCsvInput, ResellerUpsertPayload, UpsertResellersInput } from './reseller.inputs.js';

/** Resellers migrated from a legacy system: rows or a CSV, every row or none, with a dry run. */
@Authorized(...PARTNER_TEAM)
@Resolver()
export class ResellerImportResolver {
  @Mutation(() => ResellerUpsertPayload, { description: 'Creates resellers (as approval does: next code, owner invited) and updates them by code; all or nothing (BAD_USER_INPUT with rowErrors).' })
  upsertResellers(@Arg('input') input: UpsertResellersInput, @Ctx() ctx: Context) {
    return upsertResellers(ctx, input.resellers, { dryRun: input.dryRun ?? false });
  }

  @Mutation(() => ResellerUpsertPayload, { description: 'The same upsert from a CSV file (header: code, company_name, legal_name, contact_name, contact_email, phone, business_type, website, tier, status).' })
  importResellersCsv(@Arg('input') input: ImportResellersCsvInput, @Ctx() ctx: Context) {
    return importResellersCsv(ctx, input.csv, { dryRun: input.dryRun ?? false });
  }
}
