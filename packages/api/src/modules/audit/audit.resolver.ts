import type { EntityClass } from '@mikro-orm/core';
import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../../app/context.js';
import { visibleRecord } from '../../app/visible-record.js';
import { STAFF_ROLES } from '../../auth/roles.js';
import { isUuid } from '../../shared/validation.js';
import { AuditEvent } from './audit-event.entity.js';

@Authorized(...STAFF_ROLES)
@Resolver(() => AuditEvent)
export class AuditResolver {
  @Query(() => [AuditEvent], { description: 'The audit trail of one record, newest first (at most 500). A record the caller cannot see is NOT_FOUND.' })
  async auditEvents(@Arg('entityType') entityType: string, @Arg('entityId', () => ID) entityId: string, @Ctx() ctx: Context) {
    // Events about an entity are only for those who may see the entity (another tenant's id is NOT_FOUND);
    // the few trails about no entity of their own (e.g. "Workflow", on the tenant) stay within the tenant's events.
    const meta = Object.values(ctx.em.getMetadata().getAll()).find((candidate) => candidate.className === entityType && !candidate.abstract);
    if (meta) await visibleRecord(ctx, meta.class as EntityClass<{ id: string }>, entityId, entityType);
    else if (!isUuid(entityId)) return [];
    return ctx.em.find(AuditEvent, { entityType, entityId }, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: 500 });
  }
}
