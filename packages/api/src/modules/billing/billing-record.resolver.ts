import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../app/context.js';
import { Role } from '../../auth/roles.js';
import { UpsertPayload } from '../customers/customer.inputs.js';
import { UpsertBillingRecordsInput } from './billing-record.inputs.js';
import { upsertBillingRecords } from './billing-record.service.js';

@Authorized(Role.ADMIN, Role.FINANCE)
@Resolver()
export class BillingRecordResolver {
  @Mutation(() => UpsertPayload, { description: "The ISP's billing system pushes invoices and payments (idempotent on invoiceId, all or nothing)." })
  upsertBillingRecords(@Arg('input') input: UpsertBillingRecordsInput, @Ctx() ctx: Context) {
    return upsertBillingRecords(ctx, input.records);
  }
}
