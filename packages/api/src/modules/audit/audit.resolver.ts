import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../../app/context.js';
import { STAFF_ROLES } from '../../auth/roles.js';
import { isUuid } from '../../shared/validation.js';
import { AuditEvent } from './audit-event.entity.js';

@Authorized(...STAFF_ROLES)
@Resolver(() => AuditEvent)
export class AuditResolver {
  @Query(() => [AuditEvent], { description: 'The audit trail of one record, newest first (at most 500).' })
  auditEvents(@Arg('entityType') entityType: string, @Arg('entityId', () => ID) entityId: string, @Ctx() ctx: Context) {
    if (!isUuid(entityId)) return [];
    return ctx.em.find(AuditEvent, { entityType, entityId }, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: 500 });
  }
}
