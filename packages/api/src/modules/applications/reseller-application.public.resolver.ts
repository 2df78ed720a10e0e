import { Arg, Ctx, Field, InputType, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../app/context.js';
import { PublicResolver } from '../../app/public-resolver.js';
import {
  ApplicationStatusView,
  SubmitResellerApplicationInput,
  SubmitResellerApplicationPayload,
  WithdrawResellerApplicationPayload,
} from './reseller-application.inputs.js';
import { applicationStatusByToken, submitResellerApplication, withdrawResellerApplication } from './reseller-application.service.js';

@InputType()
class WithdrawResellerApplicationInput {
  @Field({ description: 'The status token returned at submission.' }) token!: string;
}

/** What an applicant can do without an account (SPEC §1 PUBLIC). */
@PublicResolver()
@Resolver()
export class ResellerApplicationPublicResolver {
  @Mutation(() => SubmitResellerApplicationPayload, { description: 'Public: apply to become a reseller. Rate-limited per IP.' })
  submitResellerApplication(@Arg('input') input: SubmitResellerApplicationInput, @Ctx() ctx: Context) {
    return submitResellerApplication(ctx, input);
  }

  @Query(() => ApplicationStatusView, { description: 'Public: the status of the application the token was issued for.' })
  resellerApplicationStatus(@Arg('token') token: string, @Ctx() ctx: Context) {
    return applicationStatusByToken(ctx, token);
  }

  @Mutation(() => WithdrawResellerApplicationPayload, { description: 'Public: the applicant withdraws an application awaiting review.' })
  withdrawResellerApplication(@Arg('input') input: WithdrawResellerApplicationInput, @Ctx() ctx: Context) {
    return withdrawResellerApplication(ctx, input.token);
  }
}
