import { GraphQLError } from 'graphql';
import type { AppServices } from '../app/context.js';
import { tenantEntityManager } from '../db/scope.js';
import { ResellerStatus } from '../modules/resellers/reseller.enums.js';
import { hashToken } from '../shared/tokens.js';
import type { Actor } from './actor.js';
import { ApiKey } from './api-key.entity.js';
import { Session } from './session.entity.js';
import { UserStatus } from './user.entity.js';

export const API_KEY_PREFIX = 'rhk_';

function rejected(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

/**
 * Resolves `Authorization: Bearer …` to an actor: an API key (`rhk_…`) or a session token.
 * No header is a public request; a bad or revoked credential is refused outright (401) rather
 * than silently treated as public.
 */
export async function authenticate(app: AppServices, header: string | undefined): Promise<Actor | undefined> {
  if (!header) return undefined;
  const match = /^Bearer (\S+)$/i.exec(header.trim());
  if (!match?.[1]) throw rejected('Malformed Authorization header');
  const token = match[1];
  return token.startsWith(API_KEY_PREFIX) ? authenticateApiKey(app, token) : authenticateSession(app, token);
}

async function authenticateApiKey(app: AppServices, secret: string): Promise<Actor> {
  const em = app.orm.em.fork({ clear: true });
  // Looked up by the hash of a 256-bit secret before the tenant is known: the key names its tenant.
  const key = await em.findOne(ApiKey, { keyHash: hashToken(secret) }, { filters: false });
  if (!key || key.revokedAt) throw rejected('Invalid or revoked API key');
  const now = app.clock.now();
  // Record use at most once a minute, so reads stay reads.
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > 60_000) {
    await tenantEntityManager(em, key.tenant.id).nativeUpdate(ApiKey, { id: key.id }, { lastUsedAt: now });
  }
  return { kind: 'apiKey', tenantId: key.tenant.id, role: key.role, resellerId: key.reseller?.id ?? null, apiKeyId: key.id, label: `API key ${key.name}` };
}

async function authenticateSession(app: AppServices, token: string): Promise<Actor> {
  const now = app.clock.now();
  const claims = await app.sessions.verify(token, now);
  if (!claims) throw rejected('Session expired or invalid; sign in again');
  const em = tenantEntityManager(app.orm.em, claims.tenantId);
  const session = await em.findOne(Session, { id: claims.sessionId, user: claims.userId }, { populate: ['user', 'user.reseller'] });
  if (!session || session.revokedAt || session.expiresAt <= now) throw rejected('Session ended; sign in again');
  const user = session.user;
  if (user.status !== UserStatus.ACTIVE) throw rejected('Account disabled');
  if (user.reseller?.status === ResellerStatus.TERMINATED) throw rejected('Partner account terminated');
  return {
    kind: 'user',
    tenantId: claims.tenantId,
    role: user.role,
    resellerId: user.reseller?.id ?? null,
    userId: user.id,
    sessionId: session.id,
    label: user.email,
  };
}
