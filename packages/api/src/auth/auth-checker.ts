import type { AuthChecker } from 'type-graphql';
import type { Context } from '../app/context.js';
import { forbidden, unauthenticated } from '../shared/errors.js';
import type { Role } from './roles.js';

/**
 * type-graphql's `@Authorized(...roles)`: no actor is UNAUTHENTICATED; an actor without one of
 * the roles is FORBIDDEN; `@Authorized()` with no roles admits any authenticated actor.
 * Row-level limits (a reseller sees only its own data) come from the ORM filters.
 */
export const authChecker: AuthChecker<Context, Role> = ({ context }, roles) => {
  const actor = context.actor;
  if (!actor) throw unauthenticated();
  if (roles.length === 0 || roles.includes(actor.role)) return true;
  throw forbidden();
};
