import { Role, isResellerRole } from './roles.js';

/** Who is making a request. `undefined` in the context means a public (anonymous) request. */
export type Actor =
  | { kind: 'user'; tenantId: string; role: Role; resellerId: string | null; userId: string; sessionId: string; label: string }
  | { kind: 'apiKey'; tenantId: string; role: Role; resellerId: string | null; apiKeyId: string; label: string };

export function actorIsReseller(actor: Actor): boolean {
  return isResellerRole(actor.role);
}

/** The user behind an actor, when it is a person (API keys have none). */
export function actorUserId(actor: Actor | undefined): string | null {
  return actor?.kind === 'user' ? actor.userId : null;
}
