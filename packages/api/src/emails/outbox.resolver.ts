import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Args, Authorized, Ctx, Field, ID, InputType, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../app/context.js';
import { PARTNER_TEAM } from '../auth/roles.js';
import { notFound } from '../shared/errors.js';
import { ConnectionType, PageArgs, paginate, textSearch } from '../shared/pagination.js';
import { isUuid } from '../shared/validation.js';
import { EmailStatus, EmailTemplate, OutboxEmail } from './outbox-email.entity.js';
import { recordAudit } from '../modules/audit/audit.service.js';
import { actorTenant } from '../modules/tenants/tenant.service.js';

export const OutboxEmailConnection = ConnectionType('OutboxEmail', OutboxEmail);

@InputType()
export class OutboxEmailFilter {
  @Field(() => [EmailTemplate], { nullable: true }) template?: EmailTemplate[] | null;
  @Field(() => String, { nullable: true, description: 'Matches recipient or subject.' }) search?: string | null;
  @Field(() => [EmailStatus], { nullable: true }) status?: EmailStatus[] | null;
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
    if (filter?.status?.length) where.status = { $in: filter.status };
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

  @Mutation(() => OutboxEmail, { description: 'Queues a copy of an email (as rendered then) for delivery again; the original keeps its history.' })
  async resendEmail(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    const tenant = await actorTenant(ctx);
    return ctx.em.transactional(async (tx) => {
      const original = isUuid(id) ? await tx.findOne(OutboxEmail, { id }) : null;
      if (!original) throw notFound('Email');
      const copy = tx.create(OutboxEmail, {
        tenant,
        template: original.template,
        toAddress: original.toAddress,
        toName: original.toName,
        subject: original.subject,
        html: original.html,
        text: original.text,
        relatedType: original.relatedType,
        relatedId: original.relatedId,
        resendOf: original.id,
        nextAttemptAt: null,
      });
      recordAudit(tx, tenant, ctx.actor, { action: 'email.resent', entityType: 'OutboxEmail', entityId: original.id, data: { copyId: copy.id, to: original.toAddress } });
      return copy;
    });
  }
}
