import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Args, Authorized, Ctx, Field, ID, InputType, Query, Resolver } from 'type-graphql';
import type { Context } from '../app/context.js';
import { PARTNER_TEAM } from '../auth/roles.js';
import { notFound } from '../shared/errors.js';
import { ConnectionType, PageArgs, paginate, textSearch } from '../shared/pagination.js';
import { isUuid } from '../shared/validation.js';
import { EmailTemplate, OutboxEmail } from './outbox-email.entity.js';

export const OutboxEmailConnection = ConnectionType('OutboxEmail', OutboxEmail);

@InputType()
export class OutboxEmailFilter {
  @Field(() => [EmailTemplate], { nullable: true }) template?: EmailTemplate[] | null;
  @Field(() => String, { nullable: true, description: 'Matches recipient or subject.' }) search?: string | null;
}

/**
 * The outbox preview (SPEC §7: in development emails are captured here). Invitation emails hold
 * set-password links, so only the partner team (admins, partner managers) may read it.
 */
@Authorized(...PARTNER_TEAM)
@Resolver(() => OutboxEmail)
export class OutboxResolver {
  @Query(() => OutboxEmailConnection)
  outboxEmails(@Args() page: PageArgs, @Arg('filter', () => OutboxEmailFilter, { nullable: true }) filter: OutboxEmailFilter | null, @Ctx() ctx: Context) {
    const where: FilterQuery<OutboxEmail> = {};
    if (filter?.template?.length) where.template = { $in: filter.template };
    const search = textSearch<OutboxEmail>(filter?.search, ['toAddress', 'subject']);
    if (search) Object.assign(where, search);
    return paginate(ctx.em, OutboxEmail, where, page, [{ createdAt: 'desc' }, { id: 'desc' }]);
  }

  @Query(() => OutboxEmail)
  async outboxEmail(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    const email = isUuid(id) ? await ctx.em.findOne(OutboxEmail, { id }) : null;
    if (!email) throw notFound('Email');
    return email;
  }
}
