import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../../auth/actor.js';
import type { Tenant } from '../tenants/tenant.entity.js';
import { ActorType, AuditEvent } from './audit-event.entity.js';

export interface AuditInput {
  action: string;
  entityType: string;
  entityId: string;
  reason?: string | null;
  data?: Record<string, unknown>;
}

/** Adds an audit event to the caller's unit of work (committed with the change it describes). */
export function recordAudit(em: EntityManager, tenant: Tenant, actor: Actor | undefined, input: AuditInput): AuditEvent {
  const who = !actor
    ? { actorType: ActorType.PUBLIC, actorId: null, actorLabel: 'public' }
    : actor.kind === 'user'
      ? { actorType: ActorType.USER, actorId: actor.userId, actorLabel: actor.label }
      : actor.kind === 'apiKey'
        ? { actorType: ActorType.API_KEY, actorId: actor.apiKeyId, actorLabel: actor.label }
        : { actorType: ActorType.SYSTEM, actorId: null, actorLabel: actor.label };
  return em.create(AuditEvent, { tenant, ...who, ...input, reason: input.reason ?? null, data: input.data ?? {} });
}

/** For work the system does on its own (seeding, scheduled jobs). */
export function recordSystemAudit(em: EntityManager, tenant: Tenant, input: AuditInput): AuditEvent {
  return em.create(AuditEvent, { tenant, actorType: ActorType.SYSTEM, actorId: null, actorLabel: 'system', ...input, reason: input.reason ?? null, data: input.data ?? {} });
}
