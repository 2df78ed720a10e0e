import { Role, isResellerRole } from './roles.js';

/** Who is making a request. `undefined` in the context means a public (anonymous) request. */
export type Actor =
  | { kind: 'user'; tenantId: string; role: Role; resellerId: string | null; userId: string; sessionId: string; label: string }
  | { kind: 'apiKey'; tenantId: string; role: Role; resellerId: string | null; apiKeyId: string; label: string }
  /** Scheduled and event-driven jobs: the tenant's own automation, with an admin's reach. */
  | { kind: 'system'; tenantId: string; role: Role; resellerId: null; label: string };

export function systemActor(tenantId: string, workflow: string): Actor {
  return { kind: 'system', tenantId, role: Role.ADMIN, resellerId: null, label: `automation:${workflow}` };
}

export function actorIsReseller(actor: Actor): boolean {
  return isResellerRole(actor.role);
}

/** The user behind an actor, when it is a person (API keys have none). */
export function actorUserId(actor: Actor | undefined): string | null {
  return actor?.kind === 'user' ? actor.userId : null;
}
