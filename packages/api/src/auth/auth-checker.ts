import { createMethodMiddlewareDecorator, type AuthChecker } from 'type-graphql';
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

/**
 * For what only a person can do (end a session, author a note): any other caller — an API key —
 * is FORBIDDEN with `reason`. type-graphql runs `@Authorized` first, so an anonymous caller is
 * still UNAUTHENTICATED and a wrong role still FORBIDDEN by role.
 */
export function PeopleOnly(reason: string): MethodDecorator {
  return createMethodMiddlewareDecorator<Context>(async ({ context }, next) => {
    if (context.actor?.kind !== 'user') throw forbidden(reason);
    return next();
  });
}
